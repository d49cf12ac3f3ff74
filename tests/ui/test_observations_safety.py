"""Nothing entered is lost: read-only files, kept edits offered on open, a file before the
first edit, Save As, and the status-bar line that says how edits are kept."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from shapely.geometry import Point

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.io.journal import pending_recovery, read_recovery, recovery_file_for
from omgevingsscan.io.project import load_scan
from omgevingsscan.settings import Settings
from omgevingsscan.ui.main_window import MainWindow
from omgevingsscan.ui.observations.post_dialog import PostDialog
from tests.ui.test_observations import OPEN, ext_of


def read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def writable(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)


def make_window(qtbot, path: Path | None, scan=None) -> MainWindow:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    win.set_scan(scan if scan is not None else load_scan(path), path)
    return win


@pytest.fixture
def scan_copy(demo_gpkg, tmp_path) -> Path:
    path = tmp_path / "scan.gpkg"
    shutil.copy(demo_gpkg, path)
    return path


def test_saved_as_you_go_is_said_in_the_status_bar(qtbot, scan_copy):
    win = make_window(qtbot, scan_copy)
    ext = ext_of(win)
    label = ext.session.label
    assert label.isVisible() and "saved as you enter them" in label.text()
    assert str(scan_copy) in label.toolTip()
    s = ext.editor.add_sighting(Point(win.scan.site.x - 60, win.scan.site.y), description="x")
    ext.editor.close()  # as if the program stopped here
    again = ObservationEditor.open(scan_copy)
    assert s.uuid in again.sightings
    again.close()
    win.close()


def test_read_only_scan_gives_a_clear_message_and_keeps_edits_in_a_recovery_file(qtbot, scan_copy):
    read_only(scan_copy)
    try:
        win = make_window(qtbot, scan_copy)
        ext = ext_of(win)
        label = ext.session.label
        assert ext.session.state() == "readonly"
        assert "read-only" in label.text()
        message = win.last_error or ""
        assert "read-only" in message and str(recovery_file_for(scan_copy)) in message
        assert "Save as" in message
        win.last_error = None
        uuid = ext.log_sighting("", {"description": "car"}, Point(win.scan.site.x - 60, 0))
        assert uuid is not None
        rec = recovery_file_for(scan_copy)
        assert rec.exists() and [e.uuid for e in read_recovery(scan_copy)] == [uuid]
        assert ext.session.state() == "recovery"
        assert "recovery file" in label.text()
        assert str(rec) in label.toolTip()
        assert "could not be written" in (win.last_error or "")
        assert ext.panel.model.rowCount() == 1  # still shown and editable in memory
        win.close()
    finally:
        writable(scan_copy)


def test_kept_edits_are_offered_when_the_scan_opens(qtbot, scan_copy):
    # edits made while the file was read-only wait in the recovery file
    read_only(scan_copy)
    first = ObservationEditor.open(scan_copy)
    kept = first.add_sighting(Point(first.scan.site.x - 60, first.scan.site.y), description="kept")
    first.close()
    writable(scan_copy)
    assert pending_recovery(scan_copy) is not None

    win = make_window(qtbot, scan_copy)
    ext = ext_of(win)
    box = ext.session.recovery_box
    assert box is not None and box.isVisible()  # non-blocking question
    assert "kept" in box.text() and str(recovery_file_for(scan_copy)) in box.informativeText()
    assert ext.editor is None and ext.session.state() == "waiting"
    assert ext.edit(lambda ed: ed) is None  # edits wait for the answer
    recover = next(b for b in box.buttons() if b.text() == "Recover")
    recover.click()
    qtbot.waitUntil(lambda: ext.editor is not None)
    assert kept.uuid in ext.editor.sightings
    assert ext.panel.model.rowCount() == 1
    assert pending_recovery(scan_copy) is None
    assert kept.uuid in ObservationEditor.open(scan_copy).sightings
    win.close()


def test_kept_edits_can_be_set_aside(qtbot, scan_copy):
    read_only(scan_copy)
    first = ObservationEditor.open(scan_copy)
    first.add_sighting(Point(first.scan.site.x - 60, first.scan.site.y), description="kept")
    first.close()
    writable(scan_copy)
    win = make_window(qtbot, scan_copy)
    ext = ext_of(win)
    rec = recovery_file_for(scan_copy)
    aside = next(b for b in ext.session.recovery_box.buttons() if b.text() == "Set aside")
    aside.click()
    qtbot.waitUntil(lambda: ext.editor is not None)
    assert len(ext.editor.sightings) == 0
    assert not rec.exists()
    assert list(rec.parent.glob(f"{rec.stem}-declined-*.jsonl"))  # renamed, not deleted
    win.close()


def test_a_new_scan_gets_a_file_before_the_first_edit(qtbot, demo_scan, tmp_path, monkeypatch):
    from omgevingsscan.export.snapshot import snapshot_scan

    scan = snapshot_scan(demo_scan, [layer.name for layer in demo_scan.layers])
    win = make_window(qtbot, None, scan)
    ext = ext_of(win)
    assert ext.editor is None and "save the scan" in ext.session.label.text()
    target = tmp_path / "new-scan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    x, y = win.scan.site.x + OPEN[0][0], win.scan.site.y + OPEN[0][1]
    assert ext.new_post(Point(x, y)) is None
    box = ext.session.file_box
    assert box is not None and box.isVisible()
    assert "nothing is lost" in box.text()
    save = next(b for b in box.buttons() if b.text() == "Save as…")
    save.click()
    qtbot.waitUntil(lambda: ext.editor is not None)
    saved = tmp_path / "new-scan.gpkg"
    assert win.scan_path == saved and saved.exists()
    assert ext.editor.store.path == saved.resolve()
    dialog = ext.dialog  # the post the user clicked for is asked for now
    assert isinstance(dialog, PostDialog) and dialog.isVisible()
    dialog.accept()
    assert len(ObservationEditor.open(saved).posts) == 1
    win.close()


def test_save_as_moves_the_edits_to_the_new_file(qtbot, scan_copy, tmp_path, monkeypatch):
    win = make_window(qtbot, scan_copy)
    ext = ext_of(win)
    site = win.scan.site
    ext.editor.add_sighting(Point(site.x - 60, site.y), description="before")
    other = tmp_path / "elsewhere.gpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert win.save_as()
    assert ext.editor.store.path == other.resolve()
    after = ext.editor.add_sighting(Point(site.x - 60, site.y + 5), description="after")
    assert after.uuid in ObservationEditor.open(other).sightings
    assert after.uuid not in ObservationEditor.open(scan_copy).sightings
    win.close()


def test_closing_the_scan_disconnects_from_its_layers(qtbot, scan_copy, demo_gpkg, tmp_path):
    win = make_window(qtbot, scan_copy)
    ext = ext_of(win)
    old = ext.editor
    sightings = old.sightings

    def followers() -> list[str]:
        # psygnal's own group relay is not a follower
        return [repr(c) for c in sightings.events.added._slots if "SignalRelay" not in repr(c)]

    assert len(followers()) >= 3  # the table, the store, the post list
    second = tmp_path / "second.gpkg"
    shutil.copy(demo_gpkg, second)
    win.set_scan(load_scan(second), second)
    assert ext.editor is not old and ext.editor.store.path == second.resolve()
    assert followers() == []
    current = ext.editor.sightings
    win.close()
    assert [c for c in current.events.added._slots if "SignalRelay" not in repr(c)] == []
    assert ext.editor is None


def test_for_scan_replays_kept_edits_on_a_loaded_scan(scan_copy):
    """The small model addition: ObservationEditor.for_scan (the UI loads scans itself)."""
    read_only(scan_copy)
    first = ObservationEditor.open(scan_copy)
    s = first.add_sighting(Point(first.scan.site.x, first.scan.site.y), description="kept")
    first.close()
    still = ObservationEditor.for_scan(load_scan(scan_copy), scan_copy)  # still read-only
    assert s.uuid in still.sightings and still.recovered == 1
    assert still.store.state == "recovery"
    still.close()
    writable(scan_copy)
    loaded = load_scan(scan_copy)
    editor = ObservationEditor.for_scan(loaded, scan_copy)
    assert editor.recovered == 1 and s.uuid in editor.sightings
    assert pending_recovery(scan_copy) is None
    editor.close()
    assert s.uuid in ObservationEditor.open(scan_copy).sightings


def test_dutch_undo_texts(qtbot):
    from omgevingsscan.ui.app import install_translator
    from omgevingsscan.ui.observations.text import command_text, word

    app = QApplication.instance()
    translator = install_translator(app, "nl")
    try:
        assert word("vehicle") == "voertuig"
        assert command_text("Move post Noord") == "Post Noord verplaatsen"
        assert command_text("Add sighting (drone)") == "Waarneming toevoegen (drone)"
        assert command_text("Delete 3 sightings") == "3 waarnemingen verwijderen"
        assert command_text("something else") == "something else"
    finally:
        app.removeTranslator(translator)
