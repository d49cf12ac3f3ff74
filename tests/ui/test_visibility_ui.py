"""The visibility UI: sight-line tool, viewshed tool, exposure of the site, recomputing."""

from __future__ import annotations

import math
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from shapely.geometry import Point

from omgevingsscan.analysis.visibility import isovist_ex, line_of_sight, viewshed_25d
from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.visibility import (
    ExposureLayer,
    OverlookLayer,
    SightlineLayer,
    ViewshedLayer,
)
from omgevingsscan.render.geometry import to_scene
from omgevingsscan.ui.main_window import MainWindow
from omgevingsscan.ui.visibility import VisibilityUI
from tests.conftest import DEMO_PBF, TOWNHALL

#: Offsets (metres from the site) in open space west of the town hall, and beyond it.
WEST = (-60.0, 0.0)
NORTH_WEST = (-60.0, 30.0)
SOUTH = (0.0, -45.0)  # behind the town hall as seen from WEST
FAR_WEST = (-90.0, 0.0)
#: Behind a 2.5 m building as seen at eye level from LOW_A; in view from the 4th floor.
LOW_A, LOW_B = (-120.0, -75.0), (-105.0, 0.0)


@pytest.fixture
def vis_window(window):
    """The main window on a private copy of the demo scan, buildings prepared."""
    window.canvas.set_view(window.scan.site.x - 30, window.scan.site.y - 20, 0.4)
    assert ext_of(window).index.wait() is not None
    return window


def ext_of(win: MainWindow) -> VisibilityUI:
    ext = win.extensions["visibility"]
    assert isinstance(ext, VisibilityUI)
    return ext


def at(win: MainWindow, offset: tuple[float, float]) -> tuple[float, float]:
    return win.scan.site.x + offset[0], win.scan.site.y + offset[1]


def vp(win: MainWindow, xy: tuple[float, float]) -> QPoint:
    return win.canvas.mapFromScene(to_scene(*xy))


def click(qtbot, win: MainWindow, xy: tuple[float, float]) -> None:
    qtbot.mouseClick(
        win.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        vp(win, xy),
    )


def drag(qtbot, win: MainWindow, a, b, steps: int = 8, on_step=None) -> None:
    viewport = win.canvas.viewport()
    qtbot.mousePress(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(win, a)
    )
    for i in range(1, steps + 1):
        t = i / steps
        QTest.mouseMove(viewport, vp(win, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))))
        if on_step is not None:
            on_step(i)
    qtbot.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(win, b)
    )


def px(win: MainWindow) -> float:
    return win.canvas.metres_per_pixel()


def ends(layer: SightlineLayer) -> tuple[tuple[float, float], tuple[float, float]]:
    geoms = layer.data.geometry
    return geoms.iloc[0].coords[0], geoms.iloc[-1].coords[-1]


# -- sight line -------------------------------------------------------------------------------------
def draw_sightline(qtbot, win, a_off, b_off) -> SightlineLayer:
    ext = ext_of(win)
    ext.act_sightline.trigger()
    assert win.canvas.tool() is ext.sightlines.tool
    click(qtbot, win, at(win, a_off))
    assert "sightline" not in win.scan.layers.names()  # only A so far
    click(qtbot, win, at(win, b_off))
    layer = win.scan.layers.get("sightline")
    assert isinstance(layer, SightlineLayer)
    return layer


def test_sightline_by_clicks_makes_a_layer(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    layer = draw_sightline(qtbot, win, WEST, SOUTH)
    a, b = ends(layer)
    assert Point(a).distance(Point(at(win, WEST))) < 2 * px(win)
    assert Point(b).distance(Point(at(win, SOUTH))) < 2 * px(win)
    # green up to the town hall's wall, red behind it, as the analysis says
    expected = line_of_sight(ext.index.index, a, 1.6, b, 1.6)
    assert not expected.visible
    assert list(layer.data["status"]) == ["visible", "blocked"]
    visible, _blocked = layer.data.geometry
    assert visible.length == pytest.approx(expected.obstruction_distance, abs=0.01)
    assert layer.data["blocker_osm_id"].iloc[0] == expected.blocker.osm_id
    # the label is on the map once, and the panel names the blocking building and height
    assert (layer.data["label"] != "").sum() == 1
    text = ext.sightlines.panel.result.text()
    assert "Blocked" in text and expected.blocker.osm_id in text and "16.0 m high" in text
    assert "Certain within the height uncertainty" in text and "taken as flat" in text
    # the layer is in the layer panel
    labels = [win.layer_panel.list.item(i).text() for i in range(win.layer_panel.list.count())]
    assert any(t.startswith("Sight line (2)") for t in labels)


def test_dragging_an_end_updates_the_line_live(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    layer = draw_sightline(qtbot, win, WEST, SOUTH)
    assert "blocked" in set(layer.data["status"])
    a_before, _ = ends(layer)
    updates = []
    layer.events.data.connect(lambda: updates.append(ext.sightlines.last_update_ms))
    drag(qtbot, win, at(win, SOUTH), at(win, NORTH_WEST), steps=8)
    assert len(updates) >= 8  # redrawn during the drag, not only at the end
    a, b = ends(layer)
    assert Point(a).distance(Point(a_before)) < 1e-9  # A stayed
    assert Point(b).distance(Point(at(win, NORTH_WEST))) < 2 * px(win)
    assert list(layer.data["status"]) == ["visible"]
    assert "Visible" in ext.sightlines.panel.result.text()
    assert max(updates) < 50  # ms per drag frame (typically a few ms)
    # dragging A moves A
    drag(qtbot, win, at(win, WEST), at(win, FAR_WEST), steps=4)
    a, _ = ends(layer)
    assert Point(a).distance(Point(at(win, FAR_WEST))) < 2 * px(win)


def test_heights_in_the_panel_change_the_answer(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    win.canvas.set_view(*at(win, (-110, -40)), 0.3)
    layer = draw_sightline(qtbot, win, LOW_A, LOW_B)
    assert not ext.sightlines.last.visible
    assert ext.sightlines.last.blocker.height < 3  # a low building at eye level
    panel = ext.sightlines.panel
    panel.a_height.set_floor(4)
    panel.b_height.set_floor(4)
    assert panel.a_height.value() == pytest.approx(4 * 3 + 1.6)
    assert panel.a_height.shown.text() == "= 13.6 m"
    assert list(layer.data["status"]) == ["visible"]  # over the low building
    assert layer.data["from_height_m"].iloc[0] == pytest.approx(13.6)
    panel.a_height.set_eye()
    assert not ext.sightlines.last.visible
    # A guessed height (±50 %) of a shed at eye level: blocked, but not for sure.
    assert set(layer.data["status"]) == {"uncertain"}


def test_keep_then_a_new_sightline(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    draw_sightline(qtbot, win, WEST, SOUTH)
    ext.sightlines.panel.keep.click()
    kept = win.scan.layers.get("sightline_1")
    assert isinstance(kept, SightlineLayer)
    assert "sightline" not in win.scan.layers.names()
    labels = [win.layer_panel.list.item(i).text() for i in range(win.layer_panel.list.count())]
    assert "Sight line (1) (2)" in labels
    click(qtbot, win, at(win, WEST))
    click(qtbot, win, at(win, FAR_WEST))
    assert isinstance(win.scan.layers.get("sightline"), SightlineLayer)
    assert "blocked" in set(kept.data["status"])  # the kept one is unchanged
    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)  # leaves the tool
    assert win.canvas.tool() is None
    assert not ext.act_sightline.isChecked()


def test_shortcuts_pick_the_tools(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    win.activateWindow()
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_S)
    assert win.canvas.tool() is ext.sightlines.tool
    qtbot.keyClick(win.canvas, Qt.Key.Key_V)
    assert win.canvas.tool() is ext.viewsheds.tool
    assert ext.act_viewshed.isChecked() and not ext.act_sightline.isChecked()


# -- viewshed ---------------------------------------------------------------------------------------
def test_viewshed_tool_makes_a_polygon_layer(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    ext.act_viewshed.trigger()
    assert win.canvas.tool() is ext.viewsheds.tool
    click(qtbot, win, at(win, WEST))
    layer = win.scan.layers.get("viewshed")
    assert isinstance(layer, ViewshedLayer)
    poly = layer.data.geometry.iloc[0]
    origin = ext.viewsheds.origin
    assert Point(origin).distance(Point(at(win, WEST))) < 2 * px(win)
    expected = isovist_ex(ext.index.index, origin, 300.0).polygon
    assert poly.area == pytest.approx(expected.area, rel=1e-9)
    assert poly.contains(Point(origin))
    index = ext.index.index
    hall = index.footprints[index.containing_building(*at(win, (0, 0)))]
    assert not poly.intersects(hall.buffer(-0.05))  # the town hall is not seen through
    assert layer.data["radius_m"].iloc[0] == 300
    # a sector: a narrower wedge of the same view
    panel = ext.viewsheds.panel
    panel.direction.setValue(270)
    panel.angle.setValue(60)
    panel.sector.setChecked(True)
    wedge = layer.data.geometry.iloc[0]
    assert 0 < wedge.area < 0.9 * poly.area
    assert wedge.buffer(-0.01).within(poly)
    for x, y in wedge.exterior.coords:
        if math.hypot(x - origin[0], y - origin[1]) > 1e-6:
            bearing = math.degrees(math.atan2(x - origin[0], y - origin[1])) % 360
            assert 240 - 1e-6 <= bearing <= 300 + 1e-6
    assert layer.data["direction_deg"].iloc[0] == 270
    # dragging the point moves the view, live
    panel.sector.setChecked(False)
    updates = []
    layer.events.data.connect(lambda: updates.append(ext.viewsheds.last_update_ms))
    drag(qtbot, win, origin, at(win, FAR_WEST), steps=6)
    assert len(updates) >= 6
    moved = layer.data.geometry.iloc[0]
    assert moved.contains(Point(ext.viewsheds.origin))
    assert Point(ext.viewsheds.origin).distance(Point(at(win, FAR_WEST))) < 2 * px(win)
    assert not moved.equals(poly)
    assert max(updates) < 50  # ms per drag frame
    # what was computed is stored with the layer: position, radius, height
    assert layer.data["origin_x"].iloc[0] == pytest.approx(ext.viewsheds.origin[0])


def test_click_inside_a_building_shows_a_clear_message(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    ext.act_viewshed.trigger()
    click(qtbot, win, at(win, WEST))
    before = win.scan.layer("viewshed").data.geometry.iloc[0]
    click(qtbot, win, at(win, (5.0, 5.0)))  # in the town hall
    panel = ext.viewsheds.panel
    assert panel.error.isVisible()
    assert "inside" in panel.error.text() and "w268782345" in panel.error.text()
    assert "inside" in win.statusBar().currentMessage()
    # nothing moved: the view is still the one from the open-space point
    assert win.scan.layer("viewshed").data.geometry.iloc[0].equals(before)
    assert Point(ext.viewsheds.origin).distance(Point(at(win, WEST))) < 2 * px(win)
    # a good click clears the message
    click(qtbot, win, at(win, FAR_WEST))
    assert not panel.error.isVisible()


def test_elevated_viewshed_sees_over_lower_buildings(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    ext.act_viewshed.trigger()
    ext.viewsheds.panel.height.set_floor(3)
    click(qtbot, win, at(win, WEST))
    assert ext.viewsheds.wait()
    layer = win.scan.layer("viewshed")
    assert layer.data["observer_height_m"].iloc[0] == pytest.approx(10.6)
    assert "roof" in set(layer.data["part"])
    expected = viewshed_25d(ext.index.index, ext.viewsheds.origin, 10.6, 300.0)
    ground = layer.data[layer.data["part"] == "ground"].geometry.iloc[0]
    assert ground.area == pytest.approx(expected.ground.area, rel=1e-9)
    flat = isovist_ex(ext.index.index, ext.viewsheds.origin, 300.0).polygon
    assert ground.area > flat.area  # sees over low buildings


# -- exposure ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_scan_path(tmp_path_factory):
    """The town hall with a 150 m study area, saved once (exposure in about 3 s)."""
    scan = import_scan(DEMO_PBF, TOWNHALL, radius_m=150, name="Stadhuis", kind="townhall")
    return save_scan(scan, tmp_path_factory.mktemp("small") / "small.gpkg")


def test_exposure_lists_positions_and_zooms_to_one(qtbot, vis_window, small_scan_path, tmp_path):
    win = vis_window
    ext = ext_of(win)
    path = tmp_path / "small.gpkg"
    shutil.copy(small_scan_path, path)
    win.set_scan(load_scan(path), path)
    ext.act_exposure.trigger()
    assert win.job is not None and win.progress.isVisible()
    qtbot.waitUntil(lambda: win.job is None, timeout=60000)
    assert win.last_error is None
    ground = win.scan.layers.get("exposure")
    positions = win.scan.layers.get("overlooks")
    assert isinstance(ground, ExposureLayer) and isinstance(positions, OverlookLayer)
    assert set(ground.data["part"]) <= {"eye_level", "upper_facade"} and len(ground.data)
    table = ext.exposure.panel.table
    assert table.rowCount() == len(positions.data) > 5
    assert [int(table.item(r, 0).text()) for r in range(3)] == [1, 2, 3]
    assert "overlook positions" in ext.exposure.panel.summary.text()
    # choose the 4th: the map centres on it and rings it
    table.selectRow(3)
    rank = int(table.item(3, 0).text())
    row = positions.data[positions.data["rank"] == rank].iloc[0]
    cx, cy = win.canvas.centre_xy()
    assert math.hypot(cx - row.geometry.x, cy - row.geometry.y) < 2 * px(win)
    assert ext.exposure.chosen is not None
    rings = [s for s in ext.overlay.shapes if s.geometry.geom_type == "Point"]
    assert any(s.geometry.distance(row.geometry) < 1e-6 for s in rings)
    # a click on another position on the map selects its row
    other = positions.data[positions.data["rank"] == 1].iloc[0].geometry
    win.canvas.set_view(other.x, other.y, 0.3)
    click(qtbot, win, (other.x, other.y))
    assert int(table.item(table.currentRow(), 0).text()) == 1
    # saved with the scan, listed again when the scan is opened
    win.save_to(path)
    win.set_scan(load_scan(path), path)
    assert isinstance(win.scan.layers.get("overlooks"), OverlookLayer)
    assert ext.exposure.panel.table.rowCount() == len(positions.data)


def test_exposure_can_be_cancelled(qtbot, vis_window):
    win = vis_window
    ext_of(win).act_exposure.trigger()
    assert win.job is not None
    qtbot.waitUntil(lambda: win.progress.value() > 0, timeout=20000)
    win.cancel_button.click()
    qtbot.waitUntil(lambda: win.job is None, timeout=20000)
    assert "overlooks" not in win.scan.layers.names()
    assert win.last_error is None


# -- layers: saved, reopened, recomputed ------------------------------------------------------------
def test_results_are_saved_and_recomputed_when_buildings_change(qtbot, vis_window, tmp_path):
    win = vis_window
    ext = ext_of(win)
    draw_sightline(qtbot, win, WEST, SOUTH)
    ext.sightlines.panel.keep.click()
    ext.act_viewshed.trigger()
    click(qtbot, win, at(win, WEST))
    path = tmp_path / "saved.gpkg"
    assert win.save_to(path)
    win.set_scan(load_scan(path), path)
    assert ext.index.wait() is not None
    kept = win.scan.layers.get("sightline_1")
    view = win.scan.layers.get("viewshed")
    assert isinstance(kept, SightlineLayer) and isinstance(view, ViewshedLayer)
    assert "blocked" in set(kept.data["status"])
    assert ext.viewsheds.origin is not None  # the working viewshed is taken up again
    area_before = view.data.geometry.iloc[0].area
    # take the town hall away: the index is rebuilt, the working view follows at once,
    # the kept sight line is flagged and recomputed on request
    buildings = win.scan.layer("buildings")
    hall = buildings.data["osm_id"] == "w268782345"
    assert hall.sum() == 1
    buildings.data = buildings.data[~hall]
    assert ext.stale.isVisibleTo(ext.dock)
    assert ext.index.wait() is not None
    assert ext.index.generation == 2
    assert view.data.geometry.iloc[0].area > area_before
    assert "blocked" in set(kept.data["status"])  # not yet recomputed
    ext.stale_button.click()
    assert list(kept.data["status"]) == ["visible"]
    assert not ext.stale.isVisibleTo(ext.dock)


def test_tools_wait_for_the_buildings(qtbot, vis_window, demo_gpkg, tmp_path):
    win = vis_window
    ext = ext_of(win)
    path = tmp_path / "again.gpkg"
    shutil.copy(demo_gpkg, path)
    win.set_scan(load_scan(path), path)
    assert ext.index.index is None  # prepared in the background
    ext.sightlines.click(at(win, WEST))
    ext.sightlines.click(at(win, SOUTH))
    assert "Preparing" in ext.sightlines.panel.result.text()
    assert "sightline" not in win.scan.layers.names()
    assert ext.index.wait() is not None
    qtbot.waitUntil(lambda: "sightline" in win.scan.layers.names())
    assert "Blocked" in ext.sightlines.panel.result.text()


def _owners(signal) -> list[object]:
    """The objects whose methods are connected to a psygnal signal."""
    slots = [cb.dereference() for cb in signal._slots]
    return [getattr(s, "__self__", None) for s in slots]


def test_a_closed_scan_is_let_go(qtbot, vis_window, demo_gpkg, tmp_path):
    win = vis_window
    ext = ext_of(win)
    draw_sightline(qtbot, win, WEST, SOUTH)
    old = win.scan
    mine = {ext, ext.index, ext.sightlines, ext.viewsheds, ext.exposure}
    buildings = old.layer("buildings")
    assert mine & set(_owners(buildings.events.data))  # followed while shown
    path = tmp_path / "next.gpkg"
    shutil.copy(demo_gpkg, path)
    win.set_scan(load_scan(path), path)
    signals = [buildings.events.data, old.layers.events.inserted, old.layers.events.removed,
               old.layers.events.changed]  # fmt: skip
    for layer in old.layers:
        signals.append(layer.events.data)
    for signal in signals:
        assert not mine & set(_owners(signal))
    assert ext.sightlines.a is None and "sightline" not in win.scan.layers.names()


def test_removing_the_working_layer_forgets_it(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    draw_sightline(qtbot, win, WEST, SOUTH)
    win.scan.layers.remove(win.scan.layers.get("sightline"))
    assert ext.sightlines.a is None and ext.sightlines.b is None
    ext.sightlines.panel.b_height.set_floor(3)  # does not bring it back
    assert "sightline" not in win.scan.layers.names()
    # a right click does not place a point
    qtbot.mouseClick(win.canvas.viewport(), Qt.MouseButton.RightButton,
                     Qt.KeyboardModifier.NoModifier, vp(win, at(win, WEST)))  # fmt: skip
    assert ext.sightlines.a is None


def test_a_scan_without_buildings_says_why(qtbot, vis_window):
    win = vis_window
    ext = ext_of(win)
    win.scan.layers.remove(win.scan.layers.get("buildings"))
    qtbot.waitUntil(lambda: bool(ext.index.error))
    assert ext.index.index is None
    ext.act_viewshed.trigger()
    assert "buildings" in win.statusBar().currentMessage()
    click(qtbot, win, at(win, WEST))
    assert ext.viewsheds.panel.error.isVisible()
    assert "buildings" in ext.viewsheds.panel.error.text()
    assert "viewshed" not in win.scan.layers.names()
