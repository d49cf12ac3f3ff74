"""The sightings log dock: add, edit in place, filter, delete, undo, map selection, exchange."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from shapely.geometry import Point

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.ui.map_items import LazyLayerItem
from omgevingsscan.ui.observations.sightings_model import COLUMNS, parse_local_time
from tests.ui.test_observations import OPEN, at, click, ext_of, obs_window  # noqa: F401


@pytest.fixture
def log(obs_window):  # noqa: F811
    """(window, extension) with two posts placed."""
    ext = ext_of(obs_window)
    ext.editor.place_post(Point(*at(obs_window, *OPEN[0])), name="North", observer="Anna")
    ext.editor.place_post(Point(*at(obs_window, *OPEN[1])), name="South", observer="Bram")
    return obs_window, ext


def cell(panel, row: int, column: str):
    return panel.proxy.index(row, COLUMNS.index(column))


def test_quick_entry_logs_at_the_post_now(qtbot, log):
    _win, ext = log
    panel = ext.panel
    assert panel.post.currentText() == "North"  # the first post is proposed
    panel.category.setCurrentIndex(panel.category.findData("vehicle"))
    ext.act_log.trigger()  # Ctrl+L
    assert QApplication.focusWidget() is panel.description or panel.description.hasFocus()
    before = datetime.now(UTC)
    qtbot.keyClicks(panel.description, "blue van, slow")
    qtbot.keyClick(panel.description, Qt.Key.Key_Return)
    sightings = ext.editor.sightings
    assert len(sightings) == 1
    s = sightings.records()[0]
    assert s.category == "vehicle" and s.description == "blue van, slow"
    assert s.post == "North" and s.observer == "Anna"
    assert s.geometry.equals(ext.editor.posts.by_name("North").point)
    assert abs((s.time - before).total_seconds()) < 5
    assert panel.description.text() == ""  # ready for the next one
    assert panel.selected_uuids() == [s.uuid]
    assert panel.proxy.rowCount() == 1 and panel.count.text() == "1 sightings"
    assert cell(panel, 0, "time").data() == s.time.astimezone().strftime("%d-%m %H:%M:%S")
    ext.session.undo.undo.trigger()
    assert len(sightings) == 0 and panel.proxy.rowCount() == 0


def test_log_on_the_map(qtbot, log):
    win, ext = log
    ext.act_log_map.trigger()
    x, y = at(win, -30, -45)
    click(qtbot, win, x, y)
    s = ext.editor.sightings.records()[0]
    assert s.geometry.distance(Point(x, y)) < 0.5
    assert win.canvas.tool() is None


def test_edit_in_place_with_validation_errors_shown(qtbot, log):
    _win, ext = log
    panel = ext.panel
    s = ext.editor.add_sighting(post="North", category="person", description="man with camera")
    # typing in the table: plate is normalised
    index = cell(panel, 0, "plate")
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    editors = panel.table.viewport().findChildren(QLineEdit)
    assert len(editors) == 1
    editor = editors[0]
    editor.setText("ab 123 c")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # commits on the next event-loop turn
    qtbot.waitUntil(lambda: ext.editor.sightings.get(s.uuid).plate == "AB-123-C")
    assert ext.editor.stack.undo_text.startswith("Change sighting")
    # a refused value: the reason is shown, nothing changes
    assert not panel.proxy.setData(cell(panel, 0, "time"), "2999-01-01 10:00")
    assert panel.error.isVisible() and "future" in panel.error.text()
    assert ext.editor.sightings.get(s.uuid).time == s.time
    assert not panel.proxy.setData(cell(panel, 0, "time"), "half past two")
    assert "not a time" in panel.error.text()
    assert not panel.proxy.setData(cell(panel, 0, "severity"), 9)
    assert "severity" in panel.error.text()
    # a local time without a zone is accepted and stored in UTC
    assert panel.proxy.setData(cell(panel, 0, "time"), "2024-05-01 14:30")
    assert not panel.error.isVisible()
    stored = ext.editor.sightings.get(s.uuid).time
    assert stored == parse_local_time("2024-05-01 14:30")
    assert stored.tzinfo is not None
    assert panel.proxy.setData(cell(panel, 0, "category"), "drone")
    assert ext.editor.sightings.get(s.uuid).category == "drone"
    assert cell(panel, 0, "category").data() == "drone"
    # each change is one undo step
    ext.editor.undo()
    ext.editor.undo()
    assert ext.editor.sightings.get(s.uuid).time == s.time


def test_filter_by_text_category_observer_and_time(qtbot, log):
    _win, ext = log
    panel = ext.panel
    now = datetime.now(UTC)
    ed = ext.editor
    ed.add_sighting(post="North", category="vehicle", plate="AB-123-C", description="grey car")
    ed.add_sighting(post="South", category="person", description="photographer")
    ed.add_sighting(
        post="South", category="drone", description="quadcopter", time=now - timedelta(hours=5)
    )
    assert panel.proxy.rowCount() == 3
    qtbot.keyClicks(panel.search, "ab123c")  # a plate without dashes matches
    assert panel.proxy.rowCount() == 1
    assert panel.count.text() == "1 of 3 sightings shown"
    panel.search.clear()
    panel.f_category.setCurrentIndex(panel.f_category.findData("person"))
    assert panel.proxy.rowCount() == 1
    panel.f_category.setCurrentIndex(0)
    qtbot.waitUntil(lambda: panel.f_observer.findData("Bram") >= 0)  # refreshed after a pause
    panel.f_observer.setCurrentIndex(panel.f_observer.findData("Bram"))
    assert panel.proxy.rowCount() == 2
    panel.f_time.setCurrentIndex(panel.f_time.findData("4h"))
    assert panel.proxy.rowCount() == 1
    panel.f_observer.setCurrentIndex(0)
    assert panel.proxy.rowCount() == 2
    panel.f_time.setCurrentIndex(panel.f_time.findData("range"))
    assert panel.f_from.isVisibleTo(panel)
    panel.clear_filter_button.click()
    assert panel.proxy.rowCount() == 3
    # sorted by time, newest first; click the header to sort by category
    times = [cell(panel, r, "time").data(Qt.ItemDataRole.UserRole + 1) for r in range(3)]
    assert times == sorted(times, reverse=True)
    panel.table.sortByColumn(COLUMNS.index("category"), Qt.SortOrder.AscendingOrder)
    cats = [cell(panel, r, "category").data(Qt.ItemDataRole.EditRole) for r in range(3)]
    assert cats == ["drone", "person", "vehicle"]


def test_delete_rows_with_undo(qtbot, log):
    _win, ext = log
    panel = ext.panel
    for i in range(3):
        ext.editor.add_sighting(post="North", description=f"s{i}")
    panel.table.selectRow(0)
    panel.table.selectRow(1)
    panel.table.selectionModel().select(
        panel.proxy.index(0, 0),
        panel.table.selectionModel().SelectionFlag.Select
        | panel.table.selectionModel().SelectionFlag.Rows,
    )
    chosen = panel.selected_uuids()
    assert len(chosen) == 2
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert len(ext.editor.sightings) == 1 and panel.proxy.rowCount() == 1
    assert ext.session.undo.undo.text() == "&Undo Delete 2 sightings"
    ext.session.undo.undo.trigger()
    assert len(ext.editor.sightings) == 3 and panel.proxy.rowCount() == 3
    ext.session.undo.redo.trigger()
    assert len(ext.editor.sightings) == 1


def test_selection_follows_the_map_both_ways(qtbot, log):
    win, ext = log
    panel = ext.panel
    a = ext.editor.add_sighting(Point(*at(win, -30, -45)), description="a")
    b = ext.editor.add_sighting(Point(*at(win, -60, 30)), description="b")
    item = win.canvas.map_scene().item_for(ext.editor.sightings)
    assert isinstance(item, LazyLayerItem)  # the shared renderer, rebuilt lazily
    panel.select_uuids([b.uuid])
    assert ext.sighting_selection == [b.uuid]
    rings = ext._overlays["sightings"][0]
    assert len(rings) == 1 and rings[0].geometry.equals(b.geometry)
    # click the other sighting on the map: its row is selected
    click(qtbot, win, *at(win, -30, -45))
    assert panel.selected_uuids() == [a.uuid]
    assert ext.sighting_selection == [a.uuid]
    # a filter that hides it is cleared when the map asks for it
    qtbot.keyClicks(panel.search, "zzz")
    click(qtbot, win, *at(win, -60, 30))
    assert panel.selected_uuids() == [b.uuid] and panel.search.text() == ""
    # empty map: nothing selected
    click(qtbot, win, *at(win, 30, 45))
    assert panel.selected_uuids() == [] and ext._overlays["sightings"][0] == []
    # last N hours on the map hides old sightings from drawing and picking
    old = ext.editor.add_sighting(
        Point(*at(win, 15, -60)), time=datetime.now(UTC) - timedelta(hours=10)
    )
    panel.last.setChecked(True)
    assert ext.editor.sightings.style["last_hours"] == 4
    assert ext.record_at(*at(win, 15, -60)) is None
    panel.last.setChecked(False)
    assert ext.record_at(*at(win, 15, -60)) == ("sightings", old.uuid)
    panel.by_age.setChecked(False)
    assert not ext.editor.sightings.style["time_colour"]


def test_export_csv_and_geojson_of_the_rows_shown(qtbot, log, tmp_path, monkeypatch):
    win, ext = log
    ed = ext.editor
    ed.add_sighting(post="North", category="vehicle", plate="AB-123-C")
    ed.add_sighting(post="South", category="person")
    ext.panel.f_category.setCurrentIndex(ext.panel.f_category.findData("vehicle"))
    out = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    ext.panel.export_requested.emit("csv")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["plate"] for r in rows] == ["AB-123-C"]
    out = tmp_path / "police"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    ext.panel.clear_filter()
    ext.panel.export_requested.emit("geojson")
    data = json.loads((tmp_path / "police.geojson").read_text(encoding="utf-8"))
    assert len(data["features"]) == 2
    assert "exported" in win.statusBar().currentMessage()


def test_import_and_merge_reports_added_already_there_and_conflicts(
    qtbot, log, tmp_path, monkeypatch
):
    win, ext = log
    ed = ext.editor
    mine = ed.add_sighting(post="North", description="shared")
    other_path = tmp_path / "other.gpkg"
    ed.store.checkpoint()
    shutil.copy(win.scan_path, other_path)
    other = ObservationEditor.open(other_path)
    other.add_sighting(Point(*at(win, -30, -45)), description="theirs 1")
    other.add_sighting(Point(*at(win, -60, 30)), description="theirs 2")
    other.update(other.sightings, mine.uuid, description="shared, but edited")
    other.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    ext.panel.import_button.click()
    qtbot.waitUntil(lambda: win.job is None, timeout=20_000)
    results = {r.kind: r for r in ext.exchange.last_results}
    assert len(results["sightings"].added) == 2
    assert results["sightings"].conflicts[0].uuid == mine.uuid
    assert len(results["posts"].already) == 2
    assert len(ed.sightings) == 3 and ext.panel.proxy.rowCount() == 3
    assert ed.sightings.get(mine.uuid).description == "shared"  # local kept
    text = ext.exchange._box.text()
    assert "Sightings: 2 added, 0 already there, 1 conflicts" in text
    ext.session.undo.undo.trigger()  # the whole merge is one step
    assert len(ed.sightings) == 1


def test_adding_to_a_long_log_stays_instant(qtbot, log):
    """1,000 sightings merged, then one more logged: each step stays quick for the user."""
    import time

    from omgevingsscan.layers.sightings import Sighting

    win, ext = log
    site = win.scan.site
    batch = [
        Sighting(geometry=Point(site.x + i % 40, site.y - 45 - i // 40), description=f"n{i}")
        for i in range(1000)
    ]
    start = time.perf_counter()
    ext.exchange.merge(ext.editor, {"sightings": batch}, "bulk")
    win.canvas.viewport().repaint()
    merged_s = time.perf_counter() - start
    start = time.perf_counter()
    ext.log_sighting(ext.editor.posts.records()[0].uuid, {"description": "one more"})
    win.canvas.viewport().repaint()
    one_ms = (time.perf_counter() - start) * 1000
    assert ext.panel.proxy.rowCount() == 1001
    assert merged_s < 10, merged_s
    assert one_ms < 250, one_ms
