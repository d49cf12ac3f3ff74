"""Terrain: a DEM window read into the scan, sight lines over the ground, a hilly
non-Dutch site in UTM with a synthetic DEM, and the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, Polygon

from omgevingsscan.analysis.visibility import VisibilityIndex, index_for
from omgevingsscan.analysis.visibility.terrain import BLOCKED, VISIBLE, sight_line
from omgevingsscan.cli import main
from omgevingsscan.errors import InputFileError
from omgevingsscan.io import terrain as terrain_io
from omgevingsscan.layers.base import LayerList
from omgevingsscan.layers.osm import BuildingsLayer
from omgevingsscan.scan import Scan, Site, StudyArea
from tests.unit import _heights_fixtures as fx


def _open_line(
    scan, index: VisibilityIndex, length: float = 120.0
) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Two points in open space ``length`` m apart whose line crosses no building."""
    rng = np.random.default_rng(3)
    cx, cy = scan.site.x, scan.site.y
    while True:
        a = np.array([cx, cy]) + rng.uniform(-350, 350, 2)
        ang = rng.uniform(0, 2 * np.pi)
        b = a + length * np.array([np.cos(ang), np.sin(ang)])
        line = LineString([a, b]).buffer(1.0)
        if not len(index._grown_tree.query(line, predicate="intersects")):
            return a, b


@pytest.fixture(scope="module")
def ridge_case(demo_scan, tmp_path_factory):  # type: ignore[no-untyped-def]
    index = index_for(demo_scan)
    a, b = _open_line(demo_scan, index)
    mid, d = (a + b) / 2, b - a
    n = np.array([-d[1], d[0]])
    folder = tmp_path_factory.mktemp("dem")
    # 4 km square, much larger than the study area: only a window is read.
    cx, cy = demo_scan.site.x, demo_scan.site.y
    bounds = (cx - 2000, cy - 2000, cx + 2000, cy + 2000)
    path = fx.write_ridge_tif(
        folder / "ahn_ridge.tif", demo_scan.crs, bounds, (mid - n, mid + n), cell=2.0, base=-0.4
    )
    return a, b, path


def test_dem_window_is_read_and_reprojected(demo_scan, ridge_case) -> None:  # type: ignore[no-untyped-def]
    a, b, path = ridge_case
    study = terrain_io.study_bounds(demo_scan)
    terrain = terrain_io.read_dem(path, demo_scan.crs, study)
    x0, _, _, y1 = terrain.bounds
    assert x0 == pytest.approx(study[0]) and y1 == pytest.approx(study[3])
    assert terrain.z.shape == (550, 550)  # the 1,100 m window at 2 m, not 2,000 x 2,000
    mid = (a + b) / 2
    assert terrain.elevation([mid[0]], [mid[1]])[0] == pytest.approx(24.6, abs=0.3)
    assert terrain.elevation([a[0]], [a[1]])[0] == pytest.approx(-0.4, abs=0.05)


def test_ridge_blocks_a_sight_line_that_is_clear_on_flat_ground(demo_scan, ridge_case) -> None:  # type: ignore[no-untyped-def]
    a, b, path = ridge_case
    index = index_for(demo_scan)
    flat = sight_line(index, tuple(a), 1.6, tuple(b), 1.6)
    assert flat.line.visible and flat.verdict == VISIBLE and flat.flat_ground
    assert "flat ground" in flat.describe()
    terrain = terrain_io.read_dem(path, demo_scan.crs, terrain_io.study_bounds(demo_scan))
    hill = sight_line(index, tuple(a), 1.6, tuple(b), 1.6, terrain=terrain)
    assert not hill.line.visible and hill.by_terrain and hill.verdict == BLOCKED
    assert hill.line.obstruction_distance == pytest.approx(60.0, abs=20.0)
    assert "by the terrain" in hill.describe()
    # Eyes on 30 m masts see over the 25 m ridge.
    assert sight_line(index, tuple(a), 30.0, tuple(b), 30.0, terrain=terrain).line.visible


def test_bad_dem_files(demo_scan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bounds = terrain_io.study_bounds(demo_scan)
    with pytest.raises(InputFileError, match="nope.tif: file not found"):
        terrain_io.read_dem(tmp_path / "nope.tif", demo_scan.crs, bounds)
    junk = tmp_path / "junk.tif"
    junk.write_bytes(b"not a tiff at all")
    with pytest.raises(InputFileError, match="junk.tif: not a readable raster"):
        terrain_io.read_dem(junk, demo_scan.crs, bounds)
    far = fx.write_ridge_tif(
        tmp_path / "far.tif",
        "EPSG:28992",
        (10000, 300000, 10200, 300200),
        (np.array([0, 0]), np.array([1, 1])),
        cell=10.0,
    )
    with pytest.raises(InputFileError, match="far.tif: the DEM does not cover the study area"):
        terrain_io.read_dem(far, demo_scan.crs, bounds)


def _alpine_scan() -> Scan:
    """A town hall in a valley in Tyrol (UTM 32N): a tower on the slope above it."""
    site = Site("Rathaus", "townhall", 47.2692, 11.3933)
    assert site.crs.startswith("EPSG:326")
    cx, cy = site.x, site.y
    square = lambda x, y, s: Polygon([(x, y), (x + s, y), (x + s, y + s), (x, y + s)])  # noqa: E731
    frame = gpd.GeoDataFrame(
        {
            "osm_id": ["w1", "w2", "w3"],
            "name": ["Rathaus", "Wohnblock", "Burg"],
            "height": [15.0, 10.0, 20.0],
            "height_source": ["height tag"] * 3,
        },
        geometry=[
            square(cx - 10, cy - 10, 20),
            square(cx + 40, cy - 10, 20),
            square(cx + 200, cy - 10, 20),
        ],
        crs=site.crs,
    )
    scan = Scan(site=site, study_area=StudyArea((cx, cy), 500), crs=site.crs)
    scan.layers = LayerList([BuildingsLayer("buildings", frame)])
    return scan


def test_hilly_utm_site_with_a_wgs84_dem(tmp_path: Path) -> None:
    """A castle window on a slope 60 m above the town hall sees over the roof in
    between; on flat ground the same roof blocks the view."""
    scan = _alpine_scan()
    cx, cy = scan.site.x, scan.site.y
    # Flat valley floor at 600 m up to 80 m east of the town hall, then a slope
    # rising 60 m over 130 m to the castle.
    import rasterio
    from affine import Affine
    from pyproj import Transformer

    to_wgs = Transformer.from_crs(scan.crs, "EPSG:4326", always_xy=True)
    lon0, lat0 = to_wgs.transform(cx - 800, cy - 800)
    lon1, lat1 = to_wgs.transform(cx + 800, cy + 800)
    res = 0.0001
    cols, rows = int((lon1 - lon0) / res), int((lat1 - lat0) / res)
    lons = lon0 + (np.arange(cols) + 0.5) * res
    lats = lat1 - (np.arange(rows) + 0.5) * res
    glon, glat = np.meshgrid(lons, lats)
    x, _ = Transformer.from_crs("EPSG:4326", scan.crs, always_xy=True).transform(glon, glat)
    z = (600.0 + np.clip(x - cx - 80, 0, None) * (60.0 / 130.0)).astype(np.float32)
    dem = tmp_path / "glo30_tyrol.tif"
    with rasterio.open(
        dem,
        "w",
        driver="GTiff",
        width=cols,
        height=rows,
        count=1,
        dtype="float32",
        crs="EPSG:4326",
        transform=Affine(res, 0.0, lon0, 0.0, -res, lat1),
    ) as dst:
        dst.write(z, 1)
    terrain = terrain_io.read_dem(dem, scan.crs, terrain_io.study_bounds(scan), sigma_m=2.0)
    assert terrain.cell == pytest.approx(res * 111_320 * np.cos(np.radians(47.27)), rel=0.01)
    index = VisibilityIndex(scan.frame("buildings"))
    townhall_door = (cx + 10.5, cy)  # just outside the town hall's east wall
    castle_window = (cx + 199.5, cy)  # just outside the castle's west wall
    flat = sight_line(index, castle_window, 18.0, townhall_door, 1.6)
    assert not flat.line.visible and flat.line.blocker.osm_id == "w2"
    hill = sight_line(index, castle_window, 18.0, townhall_door, 1.6, terrain=terrain)
    assert hill.line.visible and hill.verdict == VISIBLE
    assert hill.ground_a == pytest.approx(600 + 119.5 * 60 / 130, abs=0.5)
    assert hill.ground_b == pytest.approx(600, abs=0.1)
    # A lower window behind the slope's own crest: the ground itself is in the way.
    terrain.z = (
        terrain.z
        + np.where(
            np.abs(np.arange(terrain.z.shape[1]) * terrain.cell + terrain.x0 - (cx + 120)) < 15,
            40,
            0,
        ).astype(np.float32)[None, :]
    )
    blocked = sight_line(index, castle_window, 18.0, townhall_door, 1.6, terrain=terrain)
    assert not blocked.line.visible and blocked.by_terrain


def test_cli_terrain_heights_and_info(demo_gpkg, ridge_case, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from omgevingsscan.io.demo import load_demo_scan

    scan_path = tmp_path / "scan.gpkg"
    shutil.copy(demo_gpkg, scan_path)
    assert main(["info", str(scan_path)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["terrain"]["summary"] == "No terrain model: the ground is taken as flat."
    assert info["heights"]["counts"]["type default"] == 1047
    _, _, dem = ridge_case
    assert main(["terrain", str(scan_path), "--dem", str(dem)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["file"] == "scan.terrain.tif" and (tmp_path / "scan.terrain.tif").is_file()
    case = fx.bag_case(load_demo_scan().frame("buildings"))
    tile = fx.write_cityjsonl(case, tmp_path / "tile.city.jsonl")
    assert main(["heights", str(scan_path), "--3dbag", str(tile)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["matched_by_id"], out["matched_by_overlap"]) == (12, 3)
    assert main(["info", str(scan_path)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["terrain"]["source"] == "ahn_ridge.tif"
    assert info["heights"]["counts"]["measured"] == 15
    assert info["heights"]["sources"][0]["dataset"] == "3D BAG"
    # Bad input: one line on stderr, exit status 2.
    assert main(["terrain", str(scan_path), "--dem", str(tmp_path / "none.tif")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "none.tif: file not found" in err[0]
    assert main(["heights", str(scan_path), "--layer", str(tile)]) == 2
    assert "--field" in capsys.readouterr().err
