"""Data → Import building heights… / Import terrain…, and the provenance style."""

from __future__ import annotations

import numpy as np

from omgevingsscan.io import terrain as terrain_io
from omgevingsscan.ui.heights.dialog import HeightsDialog, HeightsRequest
from tests.unit import _heights_fixtures as fx


def test_data_menu_imports_heights_and_terrain(qtbot, window, tmp_path):
    win = window
    ext = win.extensions["heights"]
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus.index("&Data") == menus.index("&Analysis") - 1
    assert "Ground: flat (no terrain model)" in ext.status.text()
    case = fx.bag_case(win.scan.frame("buildings"))
    tile = fx.write_gpkg(case, tmp_path / "tile.gpkg")
    job = ext.import_heights(HeightsRequest(True, [str(tile)]))
    assert job is not None and win.progress.isVisible() and win.cancel_button.isVisible()
    qtbot.waitUntil(lambda: win.job is None, timeout=60000)
    assert ext.last_import is not None and ext.last_import.by_id == 12
    b = win.scan.frame("buildings").set_index("osm_id")
    assert (b.loc[case.by_id, "height_source"] == "measured").all()
    assert "Heights: 1% measured" in ext.status.text()

    # Terrain: a flat DEM with a ridge; the sidecar is written next to the scan.
    cx, cy = win.scan.site.x, win.scan.site.y
    dem = fx.write_ridge_tif(
        tmp_path / "ahn.tif",
        win.scan.crs,
        (cx - 700, cy - 700, cx + 700, cy + 700),
        (np.array([cx, cy]), np.array([cx + 1, cy + 1])),
        cell=2.0,
    )
    ext.import_terrain(dem)
    qtbot.waitUntil(lambda: win.job is None, timeout=60000)
    assert terrain_io.terrain_for(win.scan) is not None
    assert (tmp_path / "scan.terrain.tif").is_file()
    assert "Ground: terrain from ahn.tif" in ext.status.text()


def test_terrain_import_can_be_cancelled(qtbot, window, tmp_path):
    win = window
    ext = win.extensions["heights"]
    cx, cy = win.scan.site.x, win.scan.site.y
    dem = fx.write_ridge_tif(
        tmp_path / "big.tif",
        win.scan.crs,
        (cx - 700, cy - 700, cx + 700, cy + 700),
        (np.array([cx, cy]), np.array([cx + 1, cy])),
        cell=1.0,
    )
    ext.import_terrain(dem)
    win.cancel_job()
    qtbot.waitUntil(lambda: win.job is None, timeout=60000)
    assert terrain_io.terrain_for(win.scan) is None


def test_dialog_lists_numeric_fields(qtbot, tmp_path):
    import geopandas as gpd
    from shapely.geometry import box

    path = tmp_path / "gebouwen.geojson"
    gpd.GeoDataFrame(
        {"naam": ["a"], "hoogte": [12.5], "bouwlagen": [4]},
        geometry=[box(0, 0, 1, 1)],
        crs="EPSG:28992",
    ).to_file(path, driver="GeoJSON")
    dialog = HeightsDialog()
    qtbot.addWidget(dialog)
    dialog.layer_radio.setChecked(True)
    dialog.set_files([str(path)])
    assert [dialog.field.itemText(i) for i in range(dialog.field.count())] == [
        "hoogte",
        "bouwlagen",
    ]
    assert dialog.field.currentText() == "hoogte"
    dialog.levels.setChecked(True)
    req = dialog.request()
    assert (req.bag, req.field, req.levels, req.id_field) == (False, "hoogte", True, None)


def test_provenance_style_and_inspector(qtbot, window):
    win = window
    ext = win.extensions["heights"]
    layer = win.scan.layer("buildings")
    plain = layer.style
    ext.act_style.trigger()
    assert layer.style["column"] == "height_source"
    assert layer.style["categories"]["type default"]["hatch"]
    ext.act_style.trigger()
    assert layer.style == plain
    win.inspector.show_feature(layer, 0)
    rows = dict(win.inspector.rows())
    assert rows["height provenance"].endswith("type default")


def test_sight_line_tool_marks_an_uncertain_answer(qtbot, window):
    """Eyes 2 m below a guessed roof: blocked at the default height, clear at half of
    it: the working line is amber and the panel says UNCERTAIN."""
    from omgevingsscan.analysis.visibility import VisibilityIndex

    win = window
    case = fx.bag_case(win.scan.frame("buildings"))
    osm_id = case.by_id[0]
    a, b = case.lines[osm_id]
    vis = win.extensions["visibility"]
    qtbot.waitUntil(lambda: vis.index.index is not None, timeout=60000)
    tool = vis.sightlines
    eye = case.default[osm_id] - 2.0
    tool.panel.a_height.set_metres(eye)
    tool.panel.b_height.set_metres(eye)
    tool.a, tool.b = (float(a[0]), float(a[1])), (float(b[0]), float(b[1]))
    tool.refresh()
    assert isinstance(vis.index.index, VisibilityIndex)
    assert "UNCERTAIN" in tool.panel.result.text()
    assert set(win.scan.layers.get("sightline").data["status"]) == {"uncertain"}


def test_exposure_panel_offers_the_height_uncertainty(qtbot, window):
    panel = window.extensions["visibility"].exposure.panel
    assert not panel.certainty.isChecked()
    note = panel.note_text({"kind": "building", "certainty": "uncertain"})
    assert "UNCERTAIN within the building heights" in note
    assert panel.note_text({"kind": "building", "certainty": "certain"}) == ""


def test_opening_a_scan_flags_results_made_on_other_heights(qtbot, window, tmp_path):
    """A sight line computed on the OSM estimates, then measured heights imported from
    the CLI side: opening the scan shows the banner naming that result."""
    from omgevingsscan.analysis.visibility import VisibilityIndex
    from omgevingsscan.analysis.visibility.layers import result_layers
    from omgevingsscan.analysis.visibility.terrain import sight_line
    from omgevingsscan.io.heights import import_3dbag
    from omgevingsscan.io.project import load_scan, save_scan
    from omgevingsscan.layers.base import LayerList

    path = tmp_path / "other.gpkg"
    scan = load_scan(window.scan_path)
    case = fx.bag_case(scan.frame("buildings"))
    a, b = case.lines[case.by_id[0]]
    check = sight_line(VisibilityIndex(scan.frame("buildings")), tuple(a), 3.0, tuple(b), 3.0)
    (line,) = result_layers(check, scan.crs)
    scan.layers = LayerList([*scan.layers, line])
    save_scan(scan, path)
    ui = window.extensions["visibility"]

    window.open_scan(path)
    qtbot.waitUntil(lambda: window.scan_path == path and window.job is None, timeout=60000)
    assert not ui.stale.isVisible()  # computed on the heights the scan still has

    import_3dbag(scan, [fx.write_gpkg(case, tmp_path / "tile.gpkg")])
    save_scan(scan, path)
    window.open_scan(tmp_path / "scan.gpkg")
    qtbot.waitUntil(lambda: window.scan_path != path and window.job is None, timeout=60000)
    window.open_scan(path)
    qtbot.waitUntil(lambda: window.scan_path == path and window.job is None, timeout=60000)
    assert ui.stale.isVisible()
    assert line.name in ui.stale_label.text()
    assert "other building heights" in ui.stale_label.text()
    assert line.name in window.statusBar().currentMessage()
