"""The routes UI (issue 4): route tool, live re-routing, analyses, emergency response."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from omgevingsscan.analysis.routing import (
    MAX_SNAP_M,
    NoRouteError,
    network_index,
    scan_route,
)
from omgevingsscan.io.project import load_scan
from omgevingsscan.layers.routes import (
    ChokepointsLayer,
    IsochronesLayer,
    RoutesLayer,
)
from omgevingsscan.render.geometry import from_scene, to_scene
from omgevingsscan.ui.main_window import MainWindow
from omgevingsscan.ui.new_scan_dialog import NewScanDialog
from omgevingsscan.ui.routes import RoutesUI
from omgevingsscan.ui.routes.tool import PickPointsTool, RouteTool

#: Two street points near the demo site (offsets in metres), routable in every mode.
A_OFF, B_OFF = (200.0, 150.0), (-150.0, -100.0)


@pytest.fixture
def win(window: MainWindow, qtbot) -> MainWindow:
    """The demo window, the whole study area in view, route tables built."""
    window.zoom_to_study_area()
    qtbot.waitUntil(lambda: ext(window).warm_up_done(), timeout=10_000)
    return window


def ext(win: MainWindow) -> RoutesUI:
    found = win.extensions["routes"]
    assert isinstance(found, RoutesUI)
    return found


def at(win: MainWindow, dx: float, dy: float) -> tuple[float, float]:
    return win.scan.site.x + dx, win.scan.site.y + dy


def vp(win: MainWindow, x: float, y: float) -> QPoint:
    return win.canvas.mapFromScene(to_scene(x, y))


def map_xy(win: MainWindow, pos: QPoint) -> tuple[float, float]:
    """The map point a click at viewport ``pos`` lands on."""
    return from_scene(win.canvas.mapToScene(pos))


def click(qtbot, win: MainWindow, x: float, y: float) -> None:
    qtbot.mouseClick(win.canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp(win, x, y))


def wait_job(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.job is None, timeout=20_000)


def close_boxes(win: MainWindow) -> None:
    for box in win.findChildren(QMessageBox):
        box.close()


def route_row(win: MainWindow) -> dict:
    layer = win.scan.layers.get("route")
    assert isinstance(layer, RoutesLayer)
    assert len(layer) == 1
    return layer.data.iloc[0].to_dict()


def test_route_tool_makes_route_layer_with_length(win, qtbot):
    routes = ext(win)
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_R)
    assert isinstance(win.canvas.tool(), RouteTool)
    assert routes.act_route.isChecked()
    routes.set_mode("bike")
    click(qtbot, win, *at(win, *A_OFF))
    assert win.scan.layers.get("route") is None
    click(qtbot, win, *at(win, *B_OFF))

    row = route_row(win)
    tool = routes.route_tool
    expected = scan_route(win.scan, tool.a, tool.b, mode="bike")
    assert row["mode"] == "bike"
    assert row["length_m"] == pytest.approx(expected.length_m, abs=0.1)
    assert row["length_m"] > math.dist(tool.a, tool.b) - 2 * MAX_SNAP_M
    assert row["time_s"] == pytest.approx(row["length_m"] / (15 / 3.6), rel=0.01)
    # length and time on the map (B's label), in the status bar and in the dock
    length = f"{row['length_m']:.0f} m"
    assert any(length in text for _, _, text in routes.overlay.texts)
    assert length in win.statusBar().currentMessage()
    assert routes.panel.current_result() == "route"
    assert routes.panel.texts()[0][2] == length
    assert routes.dock.isVisible()
    # Esc leaves the tool; the route stays, as a layer of the scan
    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)
    assert win.canvas.tool() is None
    assert not routes.act_route.isChecked()
    assert isinstance(win.scan.layers.get("route"), RoutesLayer)


def test_dragging_an_end_reroutes_live(win, qtbot):
    routes = ext(win)
    routes.act_route.trigger()
    a, b = at(win, *A_OFF), at(win, *B_OFF)
    click(qtbot, win, *a)
    click(qtbot, win, *b)
    layer = win.scan.layers.get("route")
    item = win.canvas.map_scene().item_for(layer)
    before = route_row(win)["length_m"]
    tool = routes.route_tool
    n0 = len(tool.timings)

    viewport = win.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=vp(win, *b))
    steps = [at(win, -150.0 + 12 * i, -100.0 - 14 * i) for i in range(1, 16)]
    for x, y in steps:
        qtbot.mouseMove(viewport, pos=vp(win, x, y))
    # re-routed on the moves, before the button is released
    assert tool.dragging == "b"
    assert len(tool.timings) - n0 >= 10
    live_end = layer.data.geometry.iloc[0].coords[-1]
    assert math.dist(live_end, steps[-1]) < 120
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=vp(win, *steps[-1]))

    assert tool.dragging is None
    assert math.dist(tool.b, steps[-1]) < 2 * win.canvas.metres_per_pixel()
    after = route_row(win)["length_m"]
    assert after != pytest.approx(before, abs=1.0)
    assert after == pytest.approx(scan_route(win.scan, tool.a, tool.b).length_m, abs=0.1)
    # the same layer and item were updated in place (a redraw, not a new layer)
    assert win.scan.layers.get("route") is layer
    assert win.canvas.map_scene().item_for(layer) is item
    totals = [total for _, total in list(tool.timings)[n0:]]
    assert statistics.median(totals) < 50.0

    # Esc during a drag puts the end back where the drag began
    b_before = tool.b
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=vp(win, *tool.b))
    qtbot.mouseMove(viewport, pos=vp(win, *b))
    assert route_row(win)["length_m"] == pytest.approx(before, abs=1.0)
    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)
    assert tool.b == b_before and tool.dragging is None
    assert route_row(win)["length_m"] == pytest.approx(after, abs=0.1)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=vp(win, *b))
    assert tool.b == b_before  # the release after Esc is not a new click
    assert isinstance(win.canvas.tool(), RouteTool)


def test_escape_routes_action(win, qtbot):
    routes = ext(win)
    dialog = routes.ask("escape")
    assert dialog.k.value() == 3
    dialog.mode.setCurrentIndex(dialog.mode.findData("walk"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_job(qtbot, win)

    layer = win.scan.layers.get("escape_routes")
    assert isinstance(layer, RoutesLayer)
    assert 1 <= len(layer) <= 3
    assert set(layer.data["kind"]) == {"escape"}
    assert set(layer.data["mode"]) == {"walk"}
    assert routes.panel.current_result() == "escape_routes"
    texts = routes.panel.texts()
    assert [t[0] for t in texts] == list(layer.data["route"])
    notes = routes.panel.notes.text()
    # the demo's walk network forces shared segments: they are listed by name
    assert "Shared segments:" in notes
    assert "Zwanenburgwal" in notes
    critical = list(layer.data["critical"])
    if any(critical):
        assert "Depend on a chokepoint" in notes
        assert any(t[5].startswith("⚠") for t in texts)
    # clicking a row zooms to that route
    win.canvas.set_view(*at(win, 2000, 2000), 5.0)
    routes.panel.table.selectRow(len(texts) - 1)
    geom = layer.data.geometry.iloc[len(texts) - 1]
    cx, cy = win.canvas.centre_xy()
    assert math.dist((cx, cy), (geom.centroid.x, geom.centroid.y)) < 150
    assert win.canvas.metres_per_pixel() < 5.0


def test_escape_to_clicked_destinations(win, qtbot):
    routes = ext(win)
    tool = routes.pick_destinations("walk", 2)
    assert isinstance(win.canvas.tool(), PickPointsTool)
    click(qtbot, win, *at(win, *A_OFF))
    click(qtbot, win, *at(win, *B_OFF))
    assert len(tool.points) == 2
    qtbot.keyClick(win.canvas, Qt.Key.Key_Return)
    wait_job(qtbot, win)
    layer = win.scan.layers.get("escape_routes")
    assert isinstance(layer, RoutesLayer)
    ends = [g.coords[-1] for g in layer.data.geometry]
    dests = [at(win, *A_OFF), at(win, *B_OFF)]
    assert all(min(math.dist(e, d) for d in dests) < MAX_SNAP_M for e in ends)


def test_isochrones_action(win, qtbot):
    routes = ext(win)
    dialog = routes.ask("isochrones")
    assert dialog.minutes.text() == "1, 3, 5"
    dialog.minutes.setText("0, x")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error.text()
    assert win.job is None
    dialog.minutes.setText("2, 4")
    dialog.mode.setCurrentIndex(dialog.mode.findData("bike"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_job(qtbot, win)

    layer = win.scan.layers.get("isochrones_bike")
    assert isinstance(layer, IsochronesLayer)
    assert sorted(layer.data["minutes"]) == [2.0, 4.0]
    assert all(g.area > 0 for g in layer.data.geometry)
    assert routes.panel.current_result() == "isochrones_bike"
    assert len(routes.panel.texts()) == 2


def test_chokepoints_flag_escape_routes(win, qtbot):
    routes = ext(win)
    routes.analyses.run_escape("drive", 3)
    wait_job(qtbot, win)
    escape = win.scan.layers.get("escape_routes")
    flagged = [r for r, f in zip(escape.data["route"], escape.data["flags"]) if f]
    routes.analyses.run_chokepoints("drive")
    wait_job(qtbot, win)

    layer = win.scan.layers.get("chokepoints_drive")
    assert isinstance(layer, ChokepointsLayer)
    assert len(layer) > 0
    assert {"bridge", "cut_edge"} <= set(layer.data["kind"])
    texts = routes.panel.texts()
    assert len(texts) == len(layer)
    assert any(t[0] == "Bridge" for t in texts)
    notes = routes.panel.notes.text()
    assert "Quickest way out" in notes
    assert flagged and all(name in notes for name in flagged)


def test_approach_routes_action(win, qtbot):
    routes = ext(win)
    dialog = routes.ask("approach")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_job(qtbot, win)
    layer = win.scan.layers.get("approach_routes")
    assert isinstance(layer, RoutesLayer) and len(layer) > 0
    assert set(layer.data["kind"]) == {"approach"}
    assert len(win.scan.layers.get("entry_points")) > 0
    assert "Entry points:" in routes.panel.notes.text()


def test_emergency_without_services_then_placed_by_hand(win, qtbot, tmp_path):
    routes = ext(win)
    routes.act_emergency.trigger()
    wait_job(qtbot, win)
    box = routes.panel.emergency
    assert win.scan.layers.get("emergency_routes") is None
    assert routes.dock.isVisible() and box.isVisible()
    for name in ("Police station", "Fire station", "Hospital"):
        assert name in box.message.text()
    assert "not in the loaded data" in win.statusBar().currentMessage().lower()
    assert not win.findChildren(QMessageBox)  # told without a blocking box

    # "load a wider area" opens the New-scan dialog with a larger radius
    dialog = routes.services.load_wider_area()
    assert isinstance(dialog, NewScanDialog)
    assert dialog.radius.value() == 1500
    assert dialog.location.text().startswith("52.36")
    dialog.reject()

    # place a police station by hand: its route to the site is drawn and kept
    box.category.setCurrentIndex(box.category.findData("police"))
    box.place.click()
    assert isinstance(win.canvas.tool(), PickPointsTool)
    place = at(win, *A_OFF)
    click(qtbot, win, *place)
    wait_job(qtbot, win)
    assert win.canvas.tool() is None
    layer = win.scan.layers.get("emergency_routes")
    assert isinstance(layer, RoutesLayer) and len(layer) == 1
    row = layer.data.iloc[0]
    assert row["category"] == "police" and row["source"] == "manual"
    assert row["mode"] == "drive" and row["time_s"] > 0
    assert [s.category for s in routes.services.services()] == ["police"]
    assert "Fire station" in box.message.text() and "Police station" not in box.message.text()
    # kept with the scan
    path = tmp_path / "scan.gpkg"
    assert win.save_to(path)
    again = load_scan(path)
    assert again.meta["emergency_services"][0]["category"] == "police"
    assert len(again.layers.get("emergency_routes")) == 1


def test_points_outside_or_unreachable_give_clear_messages(win, qtbot):
    routes = ext(win)
    routes.set_mode("drive")
    routes.act_route.trigger()
    index = network_index(win.scan.graphs["drive"])
    # a point far from any street, outside the data: the one position rule refuses it
    win.canvas.set_view(win.scan.site.x, win.scan.site.y, 4.0)
    far = at(win, 1400.0, 0.0)
    assert np.hypot(*(index.xy - np.array(far)).T).min() > MAX_SNAP_M
    click(qtbot, win, *far)
    assert "outside the data" in win.statusBar().currentMessage()
    assert routes.route_tool.a is None
    close_boxes(win)

    # a destination on a one-way island of the drive network
    win.zoom_to_study_area()
    a = at(win, *A_OFF)
    island = None
    for x, y in index.xy[np.argsort(np.hypot(*(index.xy - np.array(a)).T))]:
        xy = map_xy(win, vp(win, x, y))
        if math.dist(xy, at(win, 0, 0)) > 400:
            continue
        try:
            scan_route(win.scan, map_xy(win, vp(win, *a)), xy, mode="drive")
        except NoRouteError:
            island = (x, y)
            break
    assert island is not None, "the demo's drive network has one-way islands"
    click(qtbot, win, *a)
    click(qtbot, win, *island)
    assert win.last_error, win.statusBar().currentMessage()
    assert win.last_error.startswith("no route: B is on an island in the loaded data")
    assert routes.route_tool.b is None
    assert win.scan.layers.get("route") is None
    close_boxes(win)


def test_scan_closing_lets_go_of_the_old_scan(win, qtbot, demo_gpkg):
    routes = ext(win)
    routes.analyses.run_isochrones("walk", [1, 3])
    wait_job(qtbot, win)
    old = win.scan
    old_layer = old.layers.get("isochrones_walk")
    win.set_scan(load_scan(demo_gpkg), demo_gpkg)
    assert routes.scan is win.scan
    assert routes.panel.current_result() is None
    old.layers.append(RoutesLayer("escape_routes", old_layer.data.iloc[:0]))
    old_layer.data = old_layer.data.iloc[:1]
    assert routes.panel.results.count() == 0
    assert routes.panel.texts() == []
