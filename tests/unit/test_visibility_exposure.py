"""Exposure of the site, result layers, and the visibility CLI."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely import affinity
from shapely.geometry import Point, Polygon, box

from omgevingsscan.analysis.visibility import (
    VisibilityIndex,
    exposure,
    exposure_for_scan,
    index_for,
    isovist_ex,
    line_of_sight,
    viewshed_25d,
)
from omgevingsscan.analysis.visibility.layers import (
    put_result,
)
from omgevingsscan.cli import main
from omgevingsscan.crs import to_wgs84
from omgevingsscan.errors import AnalysisInputError, ImportCancelled
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.base import LayerList
from omgevingsscan.layers.osm import BuildingsLayer
from omgevingsscan.layers.visibility import (
    ExposureLayer,
    OverlookLayer,
    SightlineLayer,
    ViewshedLayer,
)
from omgevingsscan.scan import Scan, Site, StudyArea

# --------------------------------------------------------------------------- a known scene


@pytest.fixture(scope="module")
def scene() -> VisibilityIndex:
    """A 10 m site, a 15 m wall east of it, a 3 m shed north, a 30 m tower behind the wall."""
    polys = [box(0, 0, 20, 20), box(40, -50, 45, 70), box(0, 40, 20, 43), box(80, 0, 90, 20)]
    return VisibilityIndex(
        gpd.GeoDataFrame(
            {
                "osm_id": ["site", "wall", "shed", "tower"],
                "name": ["", "", "", ""],
                "height": [10.0, 15.0, 3.0, 30.0],
            },
            geometry=polys,
            crs="EPSG:28992",
        )
    )


@pytest.fixture(scope="module")
def scene_result(scene: VisibilityIndex):  # type: ignore[no-untyped-def]
    spots = gpd.GeoDataFrame(
        {
            "category": ["transit_stop", "bench", "parking"],
            "osm_id": ["n1", "n2", "n3"],
            "name": ["Stop", "", ""],
        },
        geometry=[Point(-25, 10), Point(10, 60), Point(60, 10)],
        crs="EPSG:28992",
    )
    return exposure(scene, Point(10, 10), Point(10, 10).buffer(150), spots=spots)


def test_exposure_ground_on_a_known_scene(scene_result) -> None:  # type: ignore[no-untyped-def]
    r = scene_result
    assert r.site_buildings == [0] and r.facade_height == 10.0
    assert r.ground_eye.contains(Point(-25, 10)) and r.ground_eye.contains(Point(10, 30))
    assert not r.ground.contains(Point(60, 10))  # behind the 15 m wall
    assert not r.ground.contains(Point(10, 43.5))  # right behind the shed
    # Behind the shed: hidden at eye level, but the upper façade shows over the shed.
    assert not r.ground_eye.contains(Point(10, 60)) and r.ground.contains(Point(10, 60))
    assert r.ground_eye.difference(r.ground).area < 1e-6


def test_exposure_positions_on_a_known_scene(scene_result) -> None:  # type: ignore[no-untyped-def]
    pos = scene_result.positions
    assert list(pos["rank"]) == list(range(1, len(pos) + 1))
    assert list(pos["osm_id"]) == ["wall", "shed", "n1", "n2", "tower"]
    wall, shed, stop, bench, tower = (pos.iloc[i] for i in range(5))
    assert wall.kind == "building" and wall.distance_m == pytest.approx(20.0, abs=0.1)
    assert wall.facade_m == pytest.approx(120.0, abs=0.5) and not wall.upper_floors
    assert 20.0 <= shed.facade_m <= 26.5
    assert stop.kind == "spot" and stop.view_deg == pytest.approx(
        2 * math.degrees(math.atan(10 / 25))
    )
    assert stop.distance_m == pytest.approx(25.0)
    assert bench.view_deg == 0.0 and bench.upper_floors  # sees only over the shed
    assert tower.upper_floors and tower.distance_m == pytest.approx(60.0, abs=0.1)
    # Lowest façade height in view: whole walls at eye level; over the 3 m shed from
    # 17 m behind it, and over the 15 m wall from the tower's top floor (28.6 m).
    assert wall.lowest_seen_m == 0.0 and stop.lowest_seen_m == 0.0
    assert bench.lowest_seen_m == pytest.approx(4.89, abs=0.02)
    assert tower.lowest_seen_m == pytest.approx(8.22, abs=0.05)
    assert "n3" not in set(pos["osm_id"])  # the parking behind the wall sees nothing


def test_exposure_reports_progress_and_can_be_cancelled(scene: VisibilityIndex) -> None:
    seen: list[float] = []
    area = Point(10, 10).buffer(100)
    exposure(
        scene,
        Point(10, 10),
        area,
        facade_height=1.6,
        spacing=2.0,
        progress=lambda f, m: seen.append(f),
    )
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(ImportCancelled):
        exposure(scene, Point(10, 10), area, cancelled=lambda: True)
    with pytest.raises(AnalysisInputError):
        exposure(scene, Point(10, 10), area, spacing=0.0)


def test_exposure_of_a_site_in_open_space(scene: VisibilityIndex) -> None:
    r = exposure(scene, Point(30, 10), Point(30, 10).buffer(100))
    assert r.site_buildings == [] and r.notes
    assert r.ground_eye.contains(Point(30, 30)) and not r.ground_eye.contains(Point(60, 10))


def test_exposure_of_the_demo_site(demo_scan) -> None:  # type: ignore[no-untyped-def]
    index = index_for(demo_scan)
    assert index_for(demo_scan) is index  # cached
    r = exposure_for_scan(demo_scan, index, facade_height=1.6, spacing=6.0)
    assert [index.osm_ids[i] for i in r.site_buildings] == ["w268782345"]
    assert r.ground.area > 1000 and r.ground.symmetric_difference(r.ground_eye).area < 1e-6
    pos = r.positions
    assert len(pos) > 10 and (np.diff(pos["distance_m"]) >= 0).all()
    assert {"building", "spot"} <= set(pos["kind"])
    spots = pos[pos["kind"] == "spot"]
    assert (spots["view_deg"] > 0).all() and set(spots["category"]) <= {
        "transit_stop",
        "parking",
        "bridge",
    }
    # Every listed spot really sees the façade at eye level.
    fp = index.footprints[r.site_buildings[0]]
    for p in spots.geometry[:5]:
        iso = isovist_ex(index, (p.x, p.y), fp.distance(p) + 200)
        assert iso.view_deg.get(r.site_buildings[0], 0.0) > 0


# --------------------------------------------------------------------------- layers


@pytest.fixture(scope="module")
def small_scan(scene: VisibilityIndex) -> Scan:
    """A scan holding only the known scene, placed at the demo town hall."""
    site = Site("Test", "townhall", 52.3676842, 4.9002256)
    dx, dy = site.x - 10.0, site.y - 10.0
    frame = gpd.GeoDataFrame(
        {"osm_id": scene.osm_ids, "name": scene.names, "height": scene.heights},
        geometry=[affinity.translate(g, dx, dy) for g in scene.footprints],
        crs=site.crs,
    )
    scan = Scan(site=site, study_area=StudyArea((site.x, site.y), 150.0), crs=site.crs)
    scan.layers.append(BuildingsLayer("buildings", frame))
    return scan


@pytest.fixture(scope="module")
def small_gpkg(small_scan: Scan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_scan(small_scan, tmp_path_factory.mktemp("small") / "small.gpkg")


def test_result_layers_and_put_result(scene: VisibilityIndex, scene_result) -> None:  # type: ignore[no-untyped-def]
    layers = LayerList()
    los = line_of_sight(scene, (30.0, 10.0), 1.6, (60.0, 10.0), 1.6)
    (line,) = put_result(layers, los, "EPSG:28992")
    assert isinstance(line, SightlineLayer)
    assert list(line.data["status"]) == ["visible", "blocked"]
    assert set(line.style["categories"]) == {"visible", "blocked", "uncertain"}
    again = line_of_sight(scene, (30.0, 10.0), 1.6, (30.0, 30.0), 1.6)
    (same,) = put_result(layers, again, "EPSG:28992")
    assert same is line and list(line.data["status"]) == ["visible"] and len(layers) == 1
    (vs,) = put_result(layers, viewshed_25d(scene, (30, 60), 8.0, 100.0), "EPSG:28992", index=scene)
    assert isinstance(vs, ViewshedLayer) and set(vs.data["part"]) == {"ground", "roof"}
    ground, positions = put_result(layers, scene_result, "EPSG:28992")
    assert isinstance(ground, ExposureLayer) and isinstance(positions, OverlookLayer)
    assert list(ground.data["part"]) == ["eye_level", "upper_facade"]
    assert layers.names() == ["sightline", "viewshed", "exposure", "overlooks"]


def test_result_layers_survive_the_project_file(small_scan: Scan, tmp_path: Path) -> None:
    scan = load_scan(save_scan(small_scan, tmp_path / "a.gpkg"))
    index = index_for(scan)
    x, y = scan.site.x + 20.0, scan.site.y
    put_result(scan.layers, line_of_sight(index, (x, y), 1.6, (x + 60, y), 10.0), scan.crs)
    put_result(scan.layers, viewshed_25d(index, (x, y + 50), 8.0, 100.0), scan.crs, index=index)
    put_result(scan.layers, exposure_for_scan(scan, index, spacing=2.0), scan.crs)
    back = load_scan(save_scan(scan, tmp_path / "b.gpkg"))
    for name, kind in [
        ("sightline", SightlineLayer),
        ("viewshed", ViewshedLayer),
        ("exposure", ExposureLayer),
        ("overlooks", OverlookLayer),
    ]:
        assert isinstance(back.layer(name), kind)
        assert len(back.frame(name)) == len(scan.frame(name)) > 0
    assert back.frame("viewshed")["area_m2"].sum() == pytest.approx(
        scan.frame("viewshed")["area_m2"].sum()
    )


# --------------------------------------------------------------------------- CLI


def _latlon(scan, x: float, y: float) -> str:  # type: ignore[no-untyped-def]
    lat, lon = to_wgs84(x, y, scan.crs)
    return f"{lat:.8f},{lon:.8f}"


def test_cli_sightline(demo_scan, demo_gpkg, capsys) -> None:  # type: ignore[no-untyped-def]
    a = _latlon(demo_scan, demo_scan.site.x + 37.0, demo_scan.site.y - 201.0)
    b = _latlon(demo_scan, demo_scan.site.x - 170.0, demo_scan.site.y - 60.0)
    assert main(["sightline", str(demo_gpkg), "--from", a, "--to", f"{b}@10"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["type"] == "FeatureCollection"
    summary = out["summary"]
    assert summary["to_height_m"] == 10.0 and summary["distance_m"] > 100
    statuses = [f["properties"]["status"] for f in out["features"]]
    assert statuses == (["visible"] if summary["visible"] else ["visible", "blocked"])
    lon, lat = out["features"][0]["geometry"]["coordinates"][0]
    assert 52.3 < lat < 52.4 and 4.8 < lon < 5.0  # WGS84, lon first


def test_cli_viewshed_with_sector_and_save(
    small_scan: Scan, small_gpkg: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    scan_file = tmp_path / "scan.gpkg"
    shutil.copy(small_gpkg, scan_file)
    at = _latlon(small_scan, small_scan.site.x + 20.0, small_scan.site.y + 50.0)
    out_file = tmp_path / "vs.geojson"
    args = ["viewshed", str(scan_file), "--at", f"{at}@8", "--radius", "100", "--sector", "270,180"]
    assert main([*args, "--out", str(out_file), "--save"]) == 0
    data = json.loads(out_file.read_text())
    assert data["summary"]["sector"] == [270.0, 180.0] and data["summary"]["ground_m2"] > 0
    assert {f["properties"]["part"] for f in data["features"]} == {"ground", "roof"}
    assert [f["properties"]["osm_id"] for f in data["features"][1:]] == ["shed"]
    saved = load_scan(scan_file)
    assert isinstance(saved.layer("viewshed"), ViewshedLayer)
    assert "saved" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--at", "SITE"], "inside building site"),
        (["--at", "FREE", "--radius", "0"], "radius"),
        (["--at", "FREE", "--radius", "3001"], "radius"),
        (["--at", "FREE", "--sector", "90,0"], "sector angle"),
        (["--at", "FREE", "--sector", "north"], "sector"),
    ],
)
def test_cli_viewshed_bad_input_exits_2(
    small_scan: Scan, small_gpkg: Path, capsys, extra: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    site = f"{small_scan.site.lat},{small_scan.site.lon}"
    free = _latlon(small_scan, small_scan.site.x + 20.0, small_scan.site.y + 50.0)
    extra = [site if e == "SITE" else free if e == "FREE" else e for e in extra]
    assert main(["viewshed", str(small_gpkg), *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("omgevingsscan: error:") and message in err[0]


def test_cli_exposure(small_gpkg: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["exposure", str(small_gpkg), "--spacing", "1", "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    parts = [f["properties"].get("part") for f in data["features"]]
    assert parts[:2] == ["eye_level", "upper_facade"]
    ids = [f["properties"]["osm_id"] for f in data["features"] if f["geometry"]["type"] == "Point"]
    assert ids == ["wall", "shed", "tower"]
    assert data["summary"]["site_buildings"] == ["site"] and data["summary"]["positions"] == 3


def test_cli_sightline_from_a_window_over_the_shed(
    small_scan: Scan, small_gpkg: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    x, y = small_scan.site.x, small_scan.site.y
    a = _latlon(small_scan, x, y + 5.0)  # inside the site building: a window
    b = _latlon(small_scan, x, y + 60.0)  # beyond the 3 m shed
    assert main(["sightline", str(small_gpkg), "--from", f"{a}@7.6", "--to", b]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["visible"] is True
    assert main(["sightline", str(small_gpkg), "--from", f"{a}@1.6", "--to", b]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["visible"] is False and summary["blocker"]["osm_id"] == "shed"


def test_polygon_site_covers_its_buildings(scene: VisibilityIndex) -> None:
    from omgevingsscan.analysis.visibility import site_buildings

    assert site_buildings(scene, Polygon([(-1, -1), (21, -1), (21, 21), (-1, 21)])) == [0]
    assert site_buildings(scene, Point(500, 500)) == []
