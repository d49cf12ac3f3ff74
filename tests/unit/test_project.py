"""The GeoPackage project file: round trip, QGIS-readable tables, atomic save."""

from __future__ import annotations

import sqlite3

import networkx as nx
import pyogrio
from geopandas.testing import assert_geodataframe_equal

from omgevingsscan.io.project import META_TABLE, load_scan, save_scan


def test_round_trip_layers(demo_scan, demo_gpkg):
    scan = load_scan(demo_gpkg)
    assert scan.layers.names() == demo_scan.layers.names()
    for layer in demo_scan.layers:
        back = scan.layer(layer.name)
        assert type(back) is type(layer)
        assert_geodataframe_equal(layer.data, back.data, check_dtype=False, check_less_precise=True)
        assert back.style == layer.style
        assert back.visible == layer.visible


def test_round_trip_site_and_meta(demo_scan, demo_gpkg):
    scan = load_scan(demo_gpkg)
    assert scan.site == demo_scan.site
    assert scan.study_area.radius_m == 500
    assert scan.crs == "EPSG:28992"
    assert scan.source == "amsterdam_centre.osm.pbf"
    assert scan.coverage == demo_scan.coverage
    assert scan.data_date == demo_scan.data_date


def test_round_trip_graphs(demo_scan, demo_gpkg):
    scan = load_scan(demo_gpkg)
    for mode, graph in demo_scan.graphs.items():
        back = scan.graphs[mode]
        assert back.number_of_nodes() == graph.number_of_nodes()
        assert back.number_of_edges() == graph.number_of_edges()
        a = (
            nx.shortest_path_length(graph, *list(graph.nodes)[:2], weight="length")
            if nx.has_path(graph, *list(graph.nodes)[:2])
            else None
        )
        if a is not None:
            b = nx.shortest_path_length(back, *list(graph.nodes)[:2], weight="length")
            assert abs(a - b) < 1e-6


def test_tables_have_crs_and_metadata(demo_gpkg):
    layers = dict(pyogrio.list_layers(demo_gpkg))
    assert layers["buildings"] in ("MultiPolygon", "Polygon", "Unknown")
    assert layers[META_TABLE] is None
    info = pyogrio.read_info(demo_gpkg, layer="buildings")
    assert "28992" in info["crs"]
    con = sqlite3.connect(demo_gpkg)
    kinds = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
    con.close()
    assert kinds[META_TABLE] == "attributes"
    assert kinds["buildings"] == "features"


def test_styles_and_view_restored(demo_gpkg, tmp_path):
    scan = load_scan(demo_gpkg)
    layer = scan.layer("water")
    layer.style = {**layer.style, "fill": "#123456"}
    layer.opacity = 0.4
    scan.layer("addresses").visible = True
    scan.view = {"cx": 121800.0, "cy": 486700.0, "scale": 0.75}
    scan.layers.move(scan.layers.index(layer), len(scan.layers))
    out = save_scan(scan, tmp_path / "styled.gpkg")
    back = load_scan(out)
    assert back.layer("water").style["fill"] == "#123456"
    assert back.layer("water").opacity == 0.4
    assert back.layer("addresses").visible
    assert back.view == scan.view
    assert back.layers.names()[-1] == "water"


def test_save_is_atomic(demo_gpkg, tmp_path, monkeypatch):
    import omgevingsscan.io.project as project

    scan = load_scan(demo_gpkg)
    target = tmp_path / "keep.gpkg"
    save_scan(scan, target)
    before = target.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(project.pyogrio, "write_dataframe", boom)
    try:
        save_scan(scan, target)
    except RuntimeError:
        pass
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.gpkg"]
