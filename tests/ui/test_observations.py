"""Observation posts on the map: placing, moving, aiming, deleting, views, coverage, undo."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from shapely.geometry import Point

from omgevingsscan.render.geometry import to_scene
from omgevingsscan.ui.main_window import MainWindow
from omgevingsscan.ui.observations import ObservationsUI
from omgevingsscan.ui.observations.post_dialog import PostDialog

#: Points in open space near the demo site (offsets in metres from the site).
OPEN = [(-60, 0), (0, -45), (-60, 30), (15, -60), (-30, -45)]


@pytest.fixture
def obs_window(window):
    """The main window on a private copy of the demo scan, zoomed on the site."""
    site = window.scan.site
    window.canvas.set_view(site.x, site.y, 0.25)
    return window


def ext_of(win: MainWindow) -> ObservationsUI:
    ext = win.extensions["observations"]
    assert isinstance(ext, ObservationsUI)
    return ext


def at(win: MainWindow, dx: float, dy: float) -> tuple[float, float]:
    """Map coordinates ``(dx, dy)`` metres from the site."""
    return win.scan.site.x + dx, win.scan.site.y + dy


def vp(win: MainWindow, x: float, y: float) -> QPoint:
    return win.canvas.mapFromScene(to_scene(x, y))


def click(qtbot, win, x, y, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(win.canvas.viewport(), Qt.MouseButton.LeftButton, modifier, vp(win, x, y))


def drag(qtbot, win, a, b, modifier=Qt.KeyboardModifier.NoModifier, steps=6):
    viewport = win.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, vp(win, *a))
    for i in range(1, steps + 1):
        t = i / steps
        x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
        QTest.mouseMove(viewport, vp(win, x, y))
        qtbot.wait(20)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, vp(win, *b))


def use_post_tool(win: MainWindow) -> ObservationsUI:
    ext = ext_of(win)
    ext.tool_actions[id(ext.post_tool)].trigger()
    assert win.canvas.tool() is ext.post_tool
    return ext


def test_click_places_a_post_with_a_cone_clipped_by_buildings(qtbot, obs_window):
    win = obs_window
    ext = use_post_tool(win)
    x, y = at(win, *OPEN[0])
    click(qtbot, win, x, y)
    dialog = ext.dialog
    assert isinstance(dialog, PostDialog) and dialog.isVisible()
    assert dialog.name.text() == "Post 1"
    dialog.direction.setValue(90)
    dialog.fov.setValue(120)
    dialog.range.setValue(80)
    dialog.observer.setText("Team A")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter accepts
    assert not dialog.isVisible()
    posts = ext.editor.posts
    assert len(posts) == 1
    post = posts.records()[0]
    assert post.point.distance(Point(x, y)) < 0.5  # one screen pixel is 0.25 m
    assert (post.direction_deg, post.fov_deg, post.range_m) == (90, 120, 80)
    assert post.observer == "Team A"
    assert ext.views.wait_for_index()
    qtbot.waitUntil(lambda: "post_views" in win.scan.layers.names())
    views = win.scan.layer("post_views")
    qtbot.waitUntil(lambda: list(views.data["shown"]) == ["post"])
    cone = views.data.geometry.iloc[0]
    assert views.data["uuid"].iloc[0] == post.uuid
    assert 0 < cone.area < post.cone().area  # buildings cut the cone
    assert cone.buffer(0.01).within(post.cone().buffer(0.5))
    # the view is drawn below the posts
    names = win.scan.layers.names()
    assert names.index("post_views") < names.index("posts")
    # undo / redo of the placement
    assert ext.session.undo.undo.text() == "&Undo Place post Post 1"
    ext.session.undo.undo.trigger()
    assert len(posts) == 0
    qtbot.waitUntil(lambda: len(win.scan.layer("post_views").data) == 0)
    ext.session.undo.redo.trigger()
    assert len(posts) == 1


def test_drag_aims_a_new_post_then_moves_and_deletes_it(qtbot, obs_window):
    win = obs_window
    ext = use_post_tool(win)
    a, b = at(win, *OPEN[0]), at(win, -60, 40)  # 40 m due north
    drag(qtbot, win, a, b)
    dialog = ext.dialog
    assert isinstance(dialog, PostDialog)
    assert dialog.direction.value() in (0, 359)
    assert dialog.range.value() == pytest.approx(40, abs=1)
    dialog.accept()
    post = ext.editor.posts.records()[0]
    assert post.range_m == pytest.approx(40, abs=1)

    # drag the post 10 m east: one undo step, the view follows
    drag(qtbot, win, a, (a[0] + 10, a[1]))
    moved = ext.editor.posts.get(post.uuid)
    assert moved.point.x == pytest.approx(a[0] + 10, abs=0.5)
    assert ext.editor.stack.undo_text.startswith("Move post")
    assert ext.post_tool.drag_times, "the view followed the drag"
    ext.editor.undo()
    assert ext.editor.posts.get(post.uuid).point.x == pytest.approx(a[0], abs=0.5)

    # Shift+drag aims it east
    drag(qtbot, win, a, (a[0] + 30, a[1]), modifier=Qt.KeyboardModifier.ShiftModifier)
    aimed = ext.editor.posts.get(post.uuid)
    assert aimed.direction_deg == pytest.approx(90, abs=1)
    assert aimed.range_m == pytest.approx(30, abs=1)

    # click selects, Delete removes, undo brings it back
    click(qtbot, win, *a)
    assert ext.selection == ("posts", post.uuid)
    QTest.keyClick(win.canvas, Qt.Key.Key_Delete)
    assert post.uuid not in ext.editor.posts
    ext.editor.undo()
    assert post.uuid in ext.editor.posts


def test_double_click_edits_a_post_and_refusals_are_shown(qtbot, obs_window):
    win = obs_window
    ext = ext_of(win)
    a, b = at(win, *OPEN[0]), at(win, *OPEN[1])
    ext.editor.place_post(Point(*a), name="North")
    ext.editor.place_post(Point(*b), name="South")
    QTest.mouseDClick(win.canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp(win, *a))
    dialog = ext.dialog
    assert isinstance(dialog, PostDialog) and dialog.name.text() == "North"
    dialog.name.setText("South")  # taken
    dialog.accept()
    assert dialog.isVisible() and "already exists" in dialog.error.text()
    dialog.name.setText("Bridge")
    dialog.active_from.check.setChecked(True)
    dialog.active_to.check.setChecked(True)
    dialog.active_to.edit.setDateTime(dialog.active_from.edit.dateTime().addSecs(-3600))
    dialog.accept()
    assert dialog.isVisible() and "before" in dialog.error.text()
    dialog.active_to.check.setChecked(False)
    dialog.accept()
    assert not dialog.isVisible()
    assert ext.editor.posts.by_name("Bridge") is not None
    assert ext.session.undo.undo.text() == "&Undo Change post North"


def test_coverage_action_makes_a_blind_spot_layer_and_follows_the_posts(qtbot, obs_window):
    win = obs_window
    ext = ext_of(win)
    for (dx, dy), d in zip(OPEN[:3], (90, 0, 120)):
        ext.editor.place_post(Point(*at(win, dx, dy)), direction_deg=d, fov_deg=120, range_m=90)
    ext.act_coverage.trigger()
    assert ext.coverage_dock.isVisible()
    qtbot.waitUntil(lambda: ext.coverage.report is not None, timeout=30_000)
    report = ext.coverage.report
    blind = win.scan.layer("blind_spots")
    assert len(blind) == len(report.coverage.blind_spots) > 0
    panel = ext.coverage_panel
    assert panel.table.rowCount() == len(blind)
    assert panel.share_1.text() == f"{report.coverage.share_1:.0%}"
    assert 0 < report.coverage.share_1 < 1
    # ranked by size; by distance on request
    areas = [float(panel.table.item(r, 1).data(Qt.ItemDataRole.UserRole)) for r in range(3)]
    assert areas == sorted(areas, reverse=True)
    panel.rank.setCurrentIndex(1)
    dists = [float(panel.table.item(r, 2).data(Qt.ItemDataRole.UserRole)) for r in range(3)]
    assert dists == sorted(dists)
    # clicking a blind spot zooms to it
    panel.table.selectRow(0)
    row = int(panel.table.item(0, 0).data(Qt.ItemDataRole.UserRole))
    spot = report.coverage.blind_spots[row].polygon
    cx, cy = win.canvas.centre_xy()
    assert Point(cx, cy).distance(spot.envelope.centroid) < 1.0
    # moving a post updates the coverage (debounced, in the background)
    post = ext.editor.posts.records()[0]
    with qtbot.waitSignal(ext.coverage.updated, timeout=10_000):
        ext.editor.update(ext.editor.posts, post.uuid, direction_deg=270.0)
    assert ext.coverage.report is not report
    assert ext.coverage.report.coverage.share_1 != pytest.approx(report.coverage.share_1)


def test_osm_cameras_are_shown_as_views(qtbot, obs_window):
    win = obs_window
    ext = ext_of(win)
    ext.act_cctv.trigger()
    assert ext.views.wait_for_index()
    qtbot.waitUntil(lambda: "post_views" in win.scan.layers.names())
    data = win.scan.layer("post_views").data
    assert len(ext.views.cctv()) > 0
    assert set(data["source"]) == {"cctv"}
    assert ext.coverage_panel.cctv.isChecked()
    ext.act_cctv.trigger()
    assert len(win.scan.layer("post_views").data) == 0


def test_undo_actions_in_the_edit_menu(obs_window):
    win = obs_window
    ext = ext_of(win)
    undo, redo = ext.session.undo.undo, ext.session.undo.redo
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert redo.shortcut().toString() == "Ctrl+Shift+Z"
    menus = {a.text(): a.menu() for a in win.menuBar().actions()}
    assert undo in menus["&Edit"].actions() and redo in menus["&Edit"].actions()
    assert not undo.isEnabled()
    ext.editor.place_post(Point(*at(win, *OPEN[0])))
    assert undo.isEnabled() and undo.text() == "&Undo Place post Post 1"
    undo.trigger()
    assert redo.text() == "&Redo Place post Post 1" and not undo.isEnabled()


def test_zone_label_arrow_and_measure_tools(qtbot, obs_window):
    win = obs_window
    ext = ext_of(win)
    corners = [at(win, -80, -20), at(win, -40, -20), at(win, -40, 20), at(win, -80, 20)]
    ext.tool_actions[id(ext.zone_tool)].trigger()
    for c in corners[:-1]:
        click(qtbot, win, *c)
    QTest.mouseDClick(win.canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp(win, *corners[3]))
    dialog = ext.dialog
    assert dialog is not None and dialog.windowTitle() == "Zone"
    dialog.zone_kind.setCurrentIndex(dialog.zone_kind.findData("cordon"))
    dialog.text.setText("Afzetting")
    dialog.custom.setChecked(True)
    dialog.stroke.setCurrentIndex(dialog.stroke.findData("#1d4ed8"))
    dialog.accept()
    zone = ext.editor.annotations.records()[0]
    assert zone.kind == "zone" and zone.zone_kind == "cordon" and zone.text == "Afzetting"
    assert zone.geometry.area == pytest.approx(40 * 40, rel=0.01)
    assert zone.style["stroke"] == "#1d4ed8"

    ext.tool_actions[id(ext.label_tool)].trigger()
    click(qtbot, win, *at(win, 0, -45))
    ext.dialog.text.setText("Verzamelpunt")
    ext.dialog.accept()
    ext.tool_actions[id(ext.arrow_tool)].trigger()
    drag(qtbot, win, at(win, -60, 40), at(win, -20, 40))
    kinds = sorted(a.kind for a in ext.editor.annotations)
    assert kinds == ["arrow", "label", "zone"]
    arrow = next(a for a in ext.editor.annotations if a.kind == "arrow")
    assert arrow.geometry.length == pytest.approx(40, abs=0.5)

    ext.tool_actions[id(ext.measure_tool)].trigger()
    tool = ext.measure_tool
    click(qtbot, win, *at(win, -80, -20))
    click(qtbot, win, *at(win, -40, -20))
    QTest.keyClick(win.canvas, Qt.Key.Key_Return)
    assert tool.result["length_m"] == pytest.approx(40, abs=0.5)
    assert "40" in win.statusBar().currentMessage()
    for c in corners:
        click(qtbot, win, *c)
    QTest.keyClick(win.canvas, Qt.Key.Key_Return)
    assert tool.result["area_m2"] == pytest.approx(1600, rel=0.02)
    QTest.keyClick(win.canvas, Qt.Key.Key_Escape)
    QTest.keyClick(win.canvas, Qt.Key.Key_Escape)
    assert win.canvas.tool() is None
    assert not ext.tool_actions[id(ext.measure_tool)].isChecked()


def test_record_layers_cannot_be_removed_from_the_panel(qtbot, obs_window):
    win = obs_window
    ext = ext_of(win)
    ext.editor.place_post(Point(*at(win, *OPEN[0])))
    panel = win.layer_panel
    panel.select_layer("posts")
    panel.remove.click()
    assert "holds entered data" in (win.last_error or "")
    qtbot.waitUntil(lambda: "posts" in win.scan.layers.names())
    assert win.scan.layers.get("posts") is ext.editor.posts


def test_drag_update_is_fast(qtbot, obs_window):
    """The view of a dragged post is recomputed live; each update stays well under a frame
    budget of 50 ms on the demo scan."""
    win = obs_window
    ext = use_post_tool(win)
    a = at(win, *OPEN[0])
    ext.editor.place_post(Point(*a), direction_deg=90, fov_deg=120, range_m=100)
    assert ext.views.wait_for_index()
    ext.post_tool.drag_times.clear()
    drag(qtbot, win, a, (a[0] + 12, a[1] + 8), steps=12)
    times = ext.post_tool.drag_times
    assert len(times) >= 3
    assert sorted(times)[len(times) // 2] < 50, times
    assert math.isfinite(ext.views.last_preview_ms)


def test_tool_letters_work_on_the_map_only(qtbot, obs_window):
    win = obs_window
    ext = ext_of(win)
    win.activateWindow()
    win.canvas.setFocus()
    qtbot.waitUntil(win.canvas.hasFocus)
    QTest.keyClick(win.canvas, Qt.Key.Key_P)
    assert win.canvas.tool() is ext.post_tool
    QTest.keyClick(win.canvas, Qt.Key.Key_M)
    assert win.canvas.tool() is ext.measure_tool
    assert ext.tool_actions[id(ext.measure_tool)].isChecked()
    assert not ext.tool_actions[id(ext.post_tool)].isChecked()
    QTest.keyClick(win.canvas, Qt.Key.Key_Escape)
    assert win.canvas.tool() is None
    # typing in the sightings table does not switch tools
    ext.editor.add_sighting(Point(*at(win, *OPEN[0])))
    table = ext.panel.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    QTest.keyClick(table, Qt.Key.Key_P)
    assert win.canvas.tool() is None


def test_double_click_edits_an_annotation(qtbot, obs_window):
    from shapely.geometry import Polygon

    from omgevingsscan.layers.annotations import Annotation

    win = obs_window
    ext = ext_of(win)
    x, y = at(win, -80, -20)
    zone = Annotation.zone(Polygon([(x, y), (x + 40, y), (x + 40, y + 40), (x, y + 40)]), "cordon")
    ext.editor.add_annotation(zone)
    QTest.mouseDClick(win.canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp(win, x + 20, y + 20))
    dialog = ext.dialog
    assert dialog is not None and dialog.zone_kind.currentData() == "cordon"
    dialog.zone_kind.setCurrentIndex(dialog.zone_kind.findData("restricted"))
    dialog.text.setText("Verboden gebied")
    dialog.accept()
    edited = ext.editor.annotations.get(zone.uuid)
    assert edited.zone_kind == "restricted" and edited.text == "Verboden gebied"
    assert ext.editor.stack.undo_text.startswith("Change annotation")
    # the model: an annotation's text is an attribute like any other (not the undo text)
    ext.editor.update(ext.editor.annotations, zone.uuid, text="Zone B", undo_text="Rename")
    assert ext.editor.annotations.get(zone.uuid).text == "Zone B"
    assert ext.editor.stack.undo_text == "Rename"
    # a click selects it, Delete removes it
    click(qtbot, win, x + 20, y + 20)
    assert ext.selection == ("annotations", zone.uuid)
    QTest.keyClick(win.canvas, Qt.Key.Key_Delete)
    assert zone.uuid not in ext.editor.annotations
