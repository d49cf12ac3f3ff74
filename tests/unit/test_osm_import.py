"""The OSM import on the bundled Amsterdam extract."""

from __future__ import annotations

import json

import numpy as np
import pytest
from shapely.geometry import Point

from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.osm_features import OSM_LAYER_NAMES
from tests.conftest import DEMO_BZ2, DEMO_PBF, TOWNHALL


def test_layers_and_crs(demo_scan):
    names = demo_scan.layers.names()
    for name in OSM_LAYER_NAMES:
        assert name in names
    assert names[-3:] == ["data_extent", "study_area", "site"]
    assert demo_scan.crs == "EPSG:28992"
    for layer in demo_scan.layers:
        assert layer.data.crs.to_epsg() == 28992, layer.name


def test_plausible_counts(demo_scan):
    counts = {layer.name: len(layer) for layer in demo_scan.layers}
    # 500 m around the town hall, partly outside the ~890 m extract of 2,080 buildings.
    assert 900 < counts["buildings"] < 1500
    assert counts["roads"] > 100
    assert counts["paths"] > 100
    assert counts["water"] > 10
    assert counts["railways"] > 10
    assert counts["addresses"] > 3000
    assert counts["barriers"] > 5


def test_full_extract_has_about_2000_buildings():
    # A 3 km radius takes in the whole extract: SOURCES.md counts 2,080 buildings.
    scan = import_scan(DEMO_PBF, TOWNHALL, radius_m=3000)
    assert 2000 <= len(scan.layer("buildings")) <= 2100


def test_townhall_and_cameras_found(demo_scan):
    poi = demo_scan.frame("poi")
    townhall = poi[poi.category == "townhall"]
    assert len(townhall) == 1
    assert townhall.iloc[0]["osm_id"] == "n2741064863"
    assert townhall.geometry.iloc[0].distance(demo_scan.site.point) < 1.0
    cameras = poi[poi.category == "camera"]
    assert len(cameras) > 30
    assert all(json.loads(t)["man_made"] == "surveillance" for t in cameras.tags)


def test_stopera_building_and_heights(demo_scan):
    b = demo_scan.frame("buildings")
    assert b.height.dtype == np.float64
    assert (b.height > 0).all()
    assert set(b.height_source) <= {"height tag", "levels", "type default"}
    assert (b.height_source == "levels").sum() > 20
    # The town hall node lies in the city-hall wing (an office building) of the Stopera
    # complex; the opera wing (way 751591420, alt_name Stopera) is next to it.
    site = Point(demo_scan.site.x, demo_scan.site.y)
    assert list(b[b.contains(site)].osm_id) == ["w268782345"]
    opera = b[b.osm_id == "w751591420"]
    assert json.loads(opera.tags.iloc[0])["alt_name"] == "Stopera"
    assert opera.geometry.iloc[0].distance(site) < 30


def test_roads_classified(demo_scan):
    roads = demo_scan.frame("roads")
    assert {"residential", "tertiary"} <= set(roads.road_class)
    assert roads.bridge.any()
    paths = demo_scan.frame("paths")
    assert {"footway", "cycleway"} <= set(paths.path_class)
    assert "tram" in set(demo_scan.frame("railways").rail_class)


def test_networks(demo_scan):
    for mode in ("walk", "bike", "drive"):
        g = demo_scan.graphs[mode]
        assert g.number_of_edges() > 50, mode
        assert g.graph["crs"] == "EPSG:28992" or str(g.graph["crs"]).endswith("28992")
        for _, _, data in list(g.edges(data=True))[:50]:
            assert data["length"] > 0
            assert data["travel_time"] > 0
    walk, drive = demo_scan.graphs["walk"], demo_scan.graphs["drive"]
    assert walk.number_of_edges() > drive.number_of_edges()
    speeds = {d["speed_kph"] for _, _, d in walk.edges(data=True)}
    assert speeds == {5.0}


def test_coverage_and_edge(demo_scan):
    # The town hall lies ~223 m from the south and ~235 m from the east edge.
    assert 0.5 < demo_scan.coverage < 0.75
    extent = demo_scan.frame("data_extent").geometry.iloc[0]
    site = demo_scan.site.point
    assert extent.contains(site)
    assert 200 < extent.exterior.distance(site) < 250


def test_features_clipped_to_study_area(demo_scan):
    circle = demo_scan.study_area.polygon
    for name in OSM_LAYER_NAMES:
        frame = demo_scan.frame(name)
        assert frame.geometry.intersects(circle).all(), name


def test_xml_and_pbf_give_the_same_layers(demo_scan):
    scan = import_scan(DEMO_BZ2, TOWNHALL, radius_m=500, name="Stadhuis", kind="townhall")
    for name in OSM_LAYER_NAMES:
        assert len(scan.layer(name)) == len(demo_scan.layer(name)), name


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("Amstel 1", (52.3677, 4.9002)),
        ("stopera", (52.368, 4.9001)),
        ("rd:121833,486756", (52.3677, 4.9002)),
    ],
)
def test_site_by_text_and_rd(site, expected):
    scan = import_scan(DEMO_PBF, site, radius_m=100)
    assert scan.site.lat == pytest.approx(expected[0], abs=5e-4)
    assert scan.site.lon == pytest.approx(expected[1], abs=5e-4)


def test_progress_reported():
    seen = []
    import_scan(DEMO_PBF, TOWNHALL, radius_m=100, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


def test_large_file_path_gives_the_same_scan(demo_scan, monkeypatch):
    """The streamed cut-out used for large files yields exactly the direct import."""
    import omgevingsscan.io.osm as osm

    monkeypatch.setattr(osm, "EXTRACT_THRESHOLD_BYTES", 0)
    scan = osm.import_scan(DEMO_PBF, TOWNHALL, radius_m=500, name="Stadhuis", kind="townhall")
    for name in OSM_LAYER_NAMES:
        assert set(scan.frame(name).osm_id) == set(demo_scan.frame(name).osm_id), name
    for mode in ("walk", "bike", "drive"):
        assert scan.graphs[mode].number_of_edges() == demo_scan.graphs[mode].number_of_edges()
    assert scan.data_date == demo_scan.data_date
    assert scan.coverage == pytest.approx(demo_scan.coverage)
