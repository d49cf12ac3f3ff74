"""The toolbar fits a 1280 px wide window: no tool hidden behind the ``››`` overflow."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton


def test_toolbar_fits_1280(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 800)
    qtbot.wait(50)
    bar = window.toolbar
    ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert ext is None or not ext.isVisible(), "tools hidden behind ››"
    shown = [a for a in bar.actions() if not a.isSeparator() and a.isVisible()]
    assert len(shown) >= 10
    for act in shown:
        widget = bar.widgetForAction(act)
        assert widget is not None and widget.isVisible(), act.text()
        assert widget.geometry().right() <= bar.width(), act.text()
    # The exposure tool was the one hidden behind ›› at 1400 px.
    assert any("xposure" in a.text() for a in shown)
    # The annotation tools are one button with a menu; each keeps its shortcut.
    group = bar.findChild(QToolButton, "annotate-tools")
    assert group is not None and len(group.menu().actions()) == 4
    assert {a.shortcut().toString() for a in group.menu().actions()} == {"T", "A", "Z", "M"}
