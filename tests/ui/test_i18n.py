"""The Dutch catalogue is complete and the UI switches language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QApplication

from omgevingsscan.settings import Settings
from omgevingsscan.ui.app import install_translator
from omgevingsscan.ui.main_window import MainWindow
from tests.conftest import RESOURCES

TS = RESOURCES / "i18n" / "omgevingsscan_nl.ts"


def test_catalogue_is_complete():
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 100
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []
    assert (RESOURCES / "i18n" / "omgevingsscan_nl.qm").stat().st_size > 1000


def test_dutch_ui(qtbot, demo_scan):
    app = QApplication.instance()
    translator = install_translator(app, "nl")
    assert translator is not None
    try:
        win = MainWindow(Settings())
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus[0] == "&Bestand"
        assert "Be&eld" in menus
        assert win.act_new.text() == "&Nieuwe scan…"
        win.set_scan(demo_scan)
        texts = [win.layer_panel.list.item(i).text() for i in range(win.layer_panel.list.count())]
        assert any(t.startswith("Gebouwen (") for t in texts)
        win.layer_panel.set_scan(None)
        win.canvas.set_map_scene(None)
    finally:
        app.removeTranslator(translator)


def test_english_needs_no_catalogue():
    assert install_translator(QApplication.instance(), "en") is None
