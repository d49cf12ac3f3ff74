"""The viewshed tool and the post views over a terrain model (issue 11): the answer, the
layer and the panel say which ground model was used."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from shapely.geometry import Point, box

from omgevingsscan.analysis.visibility import isovist_ex
from omgevingsscan.analysis.visibility.terrain.viewshed import viewshed_terrain
from omgevingsscan.io import terrain as terrain_io
from omgevingsscan.render.geometry import to_scene
from omgevingsscan.ui.main_window import MainWindow
from tests.unit import _heights_fixtures as fx

WEST = (-60.0, 0.0)  # open space west of the town hall


@pytest.fixture
def ridge_window(window, tmp_path):
    """The demo with a 25 m ridge north–south 15 m west of WEST, buildings prepared."""
    scan = window.scan
    cx, cy = scan.site.x, scan.site.y
    path = fx.write_ridge_tif(
        tmp_path / "ridge.tif", scan.crs, (cx - 700, cy - 700, cx + 700, cy + 700),
        (np.array([cx - 75, cy - 100]), np.array([cx - 75, cy + 100])), cell=1.0,
    )  # fmt: skip
    terrain_io.set_terrain(scan, terrain_io.read_dem(path, scan.crs, terrain_io.study_bounds(scan)))
    window.canvas.set_view(cx - 40, cy, 0.4)
    assert window.extensions["visibility"].index.wait() is not None
    return window


def _click(qtbot, win: MainWindow, dx: float, dy: float) -> None:
    xy = (win.scan.site.x + dx, win.scan.site.y + dy)
    point = win.canvas.mapFromScene(to_scene(*xy))
    qtbot.mouseClick(
        win.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )


def test_viewshed_tool_over_terrain(qtbot, ridge_window) -> None:  # type: ignore[no-untyped-def]
    win = ridge_window
    ext = win.extensions["visibility"]
    ext.act_viewshed.trigger()
    ext.viewsheds.panel.radius.setValue(120)
    _click(qtbot, win, *WEST)
    assert ext.viewsheds.wait()
    layer = win.scan.layer("viewshed")
    assert set(layer.data["ground_model"]) == {"terrain"}
    assert "uncertain" in set(layer.data["part"]) or layer.data["area_m2"].iloc[0] > 0
    panel = ext.viewsheds.panel
    assert "over the terrain" in panel.result.text()
    assert "terrain model" in panel.method.text()
    expected = viewshed_terrain(
        ext.index.index,
        terrain_io.terrain_for(win.scan),
        ext.viewsheds.origin,
        1.6,
        120.0,
        target_height=1.6,
    )
    ground = layer.data[layer.data["part"] == "ground"].geometry.iloc[0]
    assert ground.area == pytest.approx(expected.ground.area, rel=1e-9)
    # What the flat isovist sees beyond the ridge is hidden over the terrain.
    east = _beyond_ridge(win, ext.index.index, ext.viewsheds.origin, 120.0)
    assert east.area > 100.0 and ground.intersection(east).area < 1.0


def _beyond_ridge(win: MainWindow, index, origin, radius: float):  # type: ignore[no-untyped-def]
    flat = isovist_ex(index, origin, radius).polygon
    cx, cy = win.scan.site.x, win.scan.site.y
    return flat.intersection(box(cx - 300, cy - 300, cx - 90, cy + 300))


def test_post_views_over_terrain(qtbot, ridge_window) -> None:  # type: ignore[no-untyped-def]
    win = ridge_window
    ext = win.extensions["observations"]
    x, y = win.scan.site.x + WEST[0], win.scan.site.y + WEST[1]
    ext.editor.place_post(Point(x, y), "Ridge post", range_m=80.0, fov_deg=360.0)
    assert ext.views.wait_for_index()
    qtbot.waitUntil(lambda: win.scan.layer("post_views") is not None, timeout=10_000)
    assert ext.views.wait_for_terrain()
    layer = win.scan.layer("post_views")
    assert list(layer.data["ground_model"]) == ["terrain"]
    view = layer.data.geometry.iloc[0]
    east = _beyond_ridge(win, ext.views.index, (x, y), 80.0)
    assert east.area > 50.0 and view.intersection(east).area < 1.0


def test_importing_terrain_redoes_the_post_views(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A post placed on flat ground; Data → Import terrain… then works its view out
    again over the ridge, and the Visibility banner says the terrain changed."""
    win = window
    ext = win.extensions["observations"]
    x, y = win.scan.site.x + WEST[0], win.scan.site.y + WEST[1]
    ext.editor.place_post(Point(x, y), "Ridge post", range_m=80.0, fov_deg=360.0)
    assert ext.views.wait_for_index()
    qtbot.waitUntil(lambda: win.scan.layer("post_views") is not None, timeout=10_000)
    assert list(win.scan.layer("post_views").data["ground_model"]) == ["flat"]
    flat_view = win.scan.layer("post_views").data.geometry.iloc[0]
    vis = win.extensions["visibility"]
    vis.act_viewshed.trigger()
    _click(qtbot, win, *WEST)
    assert vis.viewsheds.wait()
    assert not vis.stale.isVisible()

    cx, cy = win.scan.site.x, win.scan.site.y
    dem = fx.write_ridge_tif(
        tmp_path / "ridge.tif", win.scan.crs, (cx - 700, cy - 700, cx + 700, cy + 700),
        (np.array([cx - 75, cy - 100]), np.array([cx - 75, cy + 100])), cell=1.0,
    )  # fmt: skip
    win.extensions["heights"].import_terrain(dem)
    qtbot.waitUntil(lambda: win.job is None, timeout=60_000)
    assert terrain_io.terrain_for(win.scan) is not None
    assert ext.views.wait_for_terrain()
    qtbot.waitUntil(
        lambda: list(win.scan.layer("post_views").data["ground_model"]) == ["terrain"],
        timeout=30_000,
    )
    view = win.scan.layer("post_views").data.geometry.iloc[0]
    east = _beyond_ridge(win, ext.views.index, (x, y), 80.0)
    assert flat_view.intersection(east).area > 50.0 and view.intersection(east).area < 1.0
    assert vis.stale.isVisible() and "terrain changed" in vis.stale_label.text()
