"""Viewsheds and post views over terrain (issue 11): a ridge hides the ground behind it,
an observer on a hill sees over a low building that blocks on flat ground, a post on a
slope, every cell's verdict is the sight line's, flat scans are unchanged; on a hilly
site in Tyrol (UTM 32N) and on the demo extract (cut by a bounding box)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point, Polygon, box

from omgevingsscan.analysis.observation import (
    coverage_report,
    post_view,
    post_view_over,
    post_view_terrain,
)
from omgevingsscan.analysis.visibility import VisibilityIndex, index_for, viewshed_25d
from omgevingsscan.analysis.visibility.layers import result_layers
from omgevingsscan.analysis.visibility.terrain import sight_line
from omgevingsscan.analysis.visibility.terrain.kernel import profile_block, profile_block_numpy
from omgevingsscan.analysis.visibility.terrain.viewshed import (
    MAX_TARGETS,
    TerrainViewshed,
    grid_cell,
    viewshed_terrain,
)
from omgevingsscan.cli import main
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.io import terrain as terrain_io
from omgevingsscan.layers.base import LayerList
from omgevingsscan.layers.osm import BuildingsLayer
from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.scan import Scan, Site, StudyArea
from tests.unit import _heights_fixtures as fx

Ground = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _square(x: float, y: float, s: float) -> Polygon:
    return Polygon([(x, y), (x + s, y), (x + s, y + s), (x, y + s)])


def _valley(buildings: list[tuple[float, float, float, float]]) -> Scan:
    """A site in a Tyrolean valley (UTM 32N) with square buildings ``(dx, dy, side,
    height)`` placed relative to the town hall point."""
    site = Site("Rathaus", "townhall", 47.2692, 11.3933)
    cx, cy = site.x, site.y
    frame = gpd.GeoDataFrame(
        {
            "osm_id": [f"w{i}" for i in range(len(buildings))],
            "name": [f"B{i}" for i in range(len(buildings))],
            "height": [b[3] for b in buildings],
            "height_source": ["height tag"] * len(buildings),
        },
        geometry=[_square(cx + dx, cy + dy, s) for dx, dy, s, _ in buildings],
        crs=site.crs,
    )
    scan = Scan(site=site, study_area=StudyArea((cx, cy), 300), crs=site.crs)
    scan.layers = LayerList([BuildingsLayer("buildings", frame)])
    return scan


def _dem(scan: Scan, path: Path, ground: Ground, cell: float = 1.0) -> terrain_io.Terrain:
    """Write a GeoTIFF of ``ground(dx, dy)`` (metres from the site) in the scan's CRS and
    read it back the way the app does (window of the study area)."""
    import rasterio
    from affine import Affine

    cx, cy = scan.site.x, scan.site.y
    half = 500
    n = int(2 * half / cell)
    xs = (np.arange(n) + 0.5) * cell - half
    gx, gy = np.meshgrid(xs, -xs)
    z = (600.0 + ground(gx, gy)).astype(np.float32)
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=n,
        height=n,
        count=1,
        dtype="float32",
        crs=scan.crs,
        transform=Affine(cell, 0.0, cx - half, 0.0, -cell, cy + half),
    ) as dst:
        dst.write(z, 1)
    return terrain_io.read_dem(path, scan.crs, terrain_io.study_bounds(scan), sigma_m=0.2)


def _ridge(at: float, height: float = 25.0, width: float = 6.0) -> Ground:
    """A north–south ridge ``at`` metres east of the site."""
    return lambda dx, dy: height * np.exp(-0.5 * ((dx - at) / width) ** 2)


def test_a_ridge_hides_the_ground_behind_it(tmp_path: Path) -> None:
    scan = _valley([(-100, 100, 10, 8.0)])  # one building out of the way
    cx, cy = scan.site.x, scan.site.y
    terrain = _dem(scan, tmp_path / "ridge.tif", _ridge(60.0))
    index = VisibilityIndex(scan.frame("buildings"))
    view = viewshed_terrain(index, terrain, (cx, cy), 1.6, 150.0, target_height=1.6)
    assert isinstance(view, TerrainViewshed) and view.ground_model == "terrain"
    behind = box(cx + 90, cy - 40, cx + 140, cy + 40)
    before = box(cx + 10, cy - 40, cx + 40, cy + 40)
    assert view.ground.intersection(behind).area < 1.0
    assert view.ground.intersection(before).area == pytest.approx(before.area, rel=0.02)
    assert view.verdict_at(cx + 120, cy) == "blocked"
    assert view.verdict_at(cx + 30, cy) == "visible"
    # The same question on a flat DEM sees behind the ridge's place.
    flat = _dem(scan, tmp_path / "flat.tif", lambda dx, dy: 0 * dx)
    open_view = viewshed_terrain(index, flat, (cx, cy), 1.6, 150.0, target_height=1.6)
    assert open_view.ground.intersection(behind).area == pytest.approx(behind.area, rel=0.02)
    assert view.cell_m == 1.0 and "terrain" in view.notes[0] and "grid" in view.notes[1]


def test_hilltop_observer_sees_over_a_low_building(tmp_path: Path) -> None:
    """The observer stands on a 30 m hill west of a 6 m building; the street behind the
    building is in view over its roof, though on flat ground the building hides it."""
    scan = _valley([(40, -10, 20, 6.0), (-60, 30, 15, 40.0)])  # and a tower west
    cx, cy = scan.site.x, scan.site.y
    hill: Ground = lambda dx, dy: 30.0 * np.clip(1 - np.hypot(dx, dy) / 30.0, 0, 1)  # noqa: E731
    terrain = _dem(scan, tmp_path / "hill.tif", hill)
    index = VisibilityIndex(scan.frame("buildings"))
    street = box(cx + 100, cy - 4, cx + 120, cy + 4)  # behind the building, seen from the west
    flat = viewshed_25d(index, (cx, cy), 1.6, 140.0)
    assert flat.ground.intersection(street).area < 1.0
    view = viewshed_terrain(index, terrain, (cx, cy), 1.6, 140.0)
    assert view.ground.intersection(street).area > 0.9 * street.area
    assert not view.ground.intersects(index.footprints[0].buffer(-0.01))  # roofs are not ground
    # Every cell's verdict is the verdict of the sight line to its centre.
    _same_as_sight_lines(view, index, terrain, np.random.default_rng(5), 40)


def _same_as_sight_lines(
    view: TerrainViewshed,
    index: VisibilityIndex,
    terrain: terrain_io.Terrain,
    rng: np.random.Generator,
    n: int,
) -> None:
    ox, oy = view.origin
    checked = 0
    seen = set()
    while checked < n:
        r, a = view.radius * np.sqrt(rng.uniform(0, 0.9)), rng.uniform(0, 2 * np.pi)
        x, y = view.cell_centre(ox + r * np.cos(a), oy + r * np.sin(a))
        verdict = view.verdict_at(x, y)
        if verdict in ("building", "out") or np.hypot(x - ox, y - oy) < 2 * view.cell_m:
            continue
        line = sight_line(
            index, (ox, oy), view.observer_height, (x, y), view.target_height, terrain=terrain
        )
        assert verdict == line.verdict, (x - ox, y - oy)
        seen.add(verdict)
        checked += 1
    assert len(seen) >= 2  # the sample holds more than one answer


@pytest.fixture(scope="module")
def demo_ridge(demo_scan, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The demo with a 25 m ridge running north–south 60 m east of the town hall."""
    cx, cy = demo_scan.site.x, demo_scan.site.y
    folder = tmp_path_factory.mktemp("dem")
    path = fx.write_ridge_tif(
        folder / "ahn_ridge.tif",
        demo_scan.crs,
        (cx - 700, cy - 700, cx + 700, cy + 700),
        (np.array([cx + 60, cy - 100]), np.array([cx + 60, cy + 100])),
        cell=1.0,
    )
    return path, terrain_io.read_dem(path, demo_scan.crs, terrain_io.study_bounds(demo_scan))


def _open_point(index: VisibilityIndex, x: float, y: float) -> tuple[float, float]:
    for step in range(200):
        if index.containing_building(x - step, y) is None:
            return x - step, y
    raise AssertionError("no open space")


def test_demo_cells_agree_with_sight_lines(demo_scan, demo_ridge) -> None:  # type: ignore[no-untyped-def]
    index = index_for(demo_scan)
    _, terrain = demo_ridge
    origin = _open_point(index, demo_scan.site.x - 30, demo_scan.site.y)
    view = viewshed_terrain(index, terrain, origin, 12.0, 120.0)
    assert view.tested > 10_000 and view.cell_m == 1.0
    _same_as_sight_lines(view, index, terrain, np.random.default_rng(11), 60)


def test_flat_dem_gives_the_exact_flat_viewshed_to_a_cell(demo_scan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On a flat DEM the grid answer is the exact polygonal one up to the grid's
    staircase: the two differ only in a band about a cell wide along the edges."""
    index = index_for(demo_scan)
    cx, cy = demo_scan.site.x, demo_scan.site.y
    path = fx.write_ridge_tif(
        tmp_path / "flat.tif", demo_scan.crs, (cx - 700, cy - 700, cx + 700, cy + 700),
        (np.array([cx, cy]), np.array([cx, cy + 1])), height=0.0, cell=1.0,
    )  # fmt: skip
    terrain = terrain_io.read_dem(path, demo_scan.crs, terrain_io.study_bounds(demo_scan))
    origin = _open_point(index, cx - 30, cy)
    exact = viewshed_25d(index, origin, 10.0, 150.0, roofs=False)
    grid = viewshed_terrain(index, terrain, origin, 10.0, 150.0, target_height=0.0)
    band = exact.ground.boundary.buffer(grid.cell_m)
    assert exact.ground.symmetric_difference(grid.ground).difference(band).area < 1.0
    assert grid.ground.area == pytest.approx(exact.ground.area, rel=0.03)


def test_grid_cell_follows_the_dem_and_is_capped() -> None:
    t = terrain_io.Terrain(np.zeros((4, 4), np.float32), 0.0, 4.0, 0.5, "EPSG:28992")
    assert grid_cell(t, 100.0) == 1.0
    t.cell = 1.5
    assert grid_cell(t, 300.0) == pytest.approx(np.sqrt(np.pi * 300**2 / MAX_TARGETS))
    t.cell = 30.0
    assert grid_cell(t, 100.0) == 2.0
    assert grid_cell(t, 3000.0) == pytest.approx(np.sqrt(np.pi * 3000**2 / MAX_TARGETS))


def test_compiled_profile_equals_the_reference() -> None:
    rng = np.random.default_rng(2)
    z = (rng.random((200, 200)) * 4).astype(np.float32)
    z[:, 90:95] += 20
    terrain = terrain_io.Terrain(z, 1000.0, 2200.0, 1.0, "EPSG:28992")
    n = 3000
    a = rng.uniform([1000, 2000], [1200, 2200], (n, 2))
    b = rng.uniform([1000, 2000], [1200, 2200], (n, 2))
    za = terrain.elevation(a[:, 0], a[:, 1]) + rng.uniform(0, 30, n)
    zb = terrain.elevation(b[:, 0], b[:, 1]) + rng.uniform(0, 30, n)
    for raise_by in (-0.5, 0.0, 0.5):
        fast = profile_block(z, 1000.0, 2200.0, 1.0, a, za, b, zb, raise_by, 0.05)
        ref = profile_block_numpy(terrain, a, za, b, zb, raise_by, 0.05)
        assert np.array_equal(fast, ref, equal_nan=True)
        assert 0.2 < np.isnan(fast).mean() < 0.8


def test_bad_questions_over_terrain(tmp_path: Path) -> None:
    scan = _valley([(20, -10, 20, 10.0)])
    cx, cy = scan.site.x, scan.site.y
    terrain = _dem(scan, tmp_path / "flat.tif", lambda dx, dy: 0 * dx)
    index = VisibilityIndex(scan.frame("buildings"))
    with pytest.raises(AnalysisInputError, match="lies inside"):
        viewshed_terrain(index, terrain, (cx + 30, cy), 5.0, 100.0)
    assert viewshed_terrain(index, terrain, (cx + 30, cy), 12.0, 50.0).ground.area > 0
    with pytest.raises(AnalysisInputError, match="radius"):
        viewshed_terrain(index, terrain, (cx, cy), 5.0, 5000.0)
    with pytest.raises(AnalysisInputError, match="observer height"):
        viewshed_terrain(index, terrain, (cx, cy), 0.0, 100.0)


def _post(scan: Scan, dx: float, dy: float, **kw: object) -> ObservationPost:
    return ObservationPost(geometry=Point(scan.site.x + dx, scan.site.y + dy), name="P", **kw)  # type: ignore[arg-type]


def test_post_on_a_slope_looks_over_roofs_and_not_over_the_ridge(tmp_path: Path) -> None:
    """A post on a slope rising west of the site: it sees the street behind a 6 m house
    downhill (hidden on flat ground), and not the ground behind a ridge east."""
    scan = _valley([(-20, -8, 16, 6.0)])
    slope_and_ridge: Ground = lambda dx, dy: (  # noqa: E731
        np.clip(-dx - 30, 0, None) * 0.8 + 20.0 * np.exp(-0.5 * ((dx - 50) / 5.0) ** 2)
    )
    terrain = _dem(scan, tmp_path / "slope.tif", slope_and_ridge)
    index = VisibilityIndex(scan.frame("buildings"))
    post = _post(scan, -80.0, 0.0, range_m=160.0, fov_deg=360.0)
    flat = post_view(index, post)
    view = post_view_terrain(index, terrain, post)
    assert flat.ground_model == "flat" and view.ground_model == "terrain"
    cx, cy = scan.site.x, scan.site.y
    behind_house = box(cx + 10, cy - 3, cx + 30, cy + 3)
    behind_ridge = box(cx + 60, cy + 22, cx + 72, cy + 36)  # clear of the house
    assert flat.polygon.intersection(behind_house).area < 1.0
    assert view.polygon.intersection(behind_house).area > 0.9 * behind_house.area
    assert flat.polygon.intersection(behind_ridge).area > 0.9 * behind_ridge.area
    assert view.polygon.intersection(behind_ridge).area < 0.1 * behind_ridge.area
    assert post_view_over(index, post, None).polygon.equals(flat.polygon)


def test_coverage_report_over_terrain(tmp_path: Path) -> None:
    scan = _valley([(-20, -8, 16, 6.0)])
    posts = [_post(scan, -40.0, 30.0, range_m=120.0, fov_deg=360.0)]
    flat = coverage_report(scan, posts, target_radius_m=80.0)
    assert flat.ground_model == "flat" and "flat" in flat.to_dict(scan.crs)["ground_model"]
    terrain = _dem(scan, tmp_path / "ridge.tif", _ridge(20.0, height=15.0))
    terrain_io.set_terrain(scan, terrain)
    hilly = coverage_report(scan, posts, target_radius_m=80.0)
    assert hilly.ground_model == "terrain" and hilly.views[0].ground_model == "terrain"
    assert hilly.coverage.share_1 < flat.coverage.share_1 - 0.1
    assert "terrain" in hilly.to_dict(scan.crs)["ground_model"]


def test_result_layers_record_the_ground_model(demo_scan, demo_ridge) -> None:  # type: ignore[no-untyped-def]
    index = index_for(demo_scan)
    _, terrain = demo_ridge
    origin = _open_point(index, demo_scan.site.x - 30, demo_scan.site.y)
    (layer,) = result_layers(
        viewshed_terrain(index, terrain, origin, 10.0, 60.0), demo_scan.crs, index=index
    )
    assert set(layer.data["ground_model"]) == {"terrain"}
    assert {"ground", "uncertain"} <= set(layer.data["part"]) and "cell_m" in layer.data
    (flat,) = result_layers(viewshed_25d(index, origin, 10.0, 60.0), demo_scan.crs, index=index)
    assert set(flat.data["ground_model"]) == {"flat"}


def test_cli_viewshed_over_terrain(
    demo_scan, demo_gpkg, demo_ridge, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    """The demo extract (cut by a bounding box): the viewshed says its ground model,
    flat before the terrain import and terrain after."""
    scan_path = tmp_path / "scan.gpkg"
    shutil.copy(demo_gpkg, scan_path)
    x, y = _open_point(index_for(demo_scan), demo_scan.site.x - 30, demo_scan.site.y)
    at = f"rd:{x:.1f},{y:.1f}@8"
    assert main(["viewshed", str(scan_path), "--at", at, "--radius", "80",
                 "--format", "summary"]) == 0  # fmt: skip
    flat = json.loads(capsys.readouterr().out)
    assert flat["ground_model"] == "flat (no terrain model)"
    dem, _ = demo_ridge
    assert main(["terrain", str(scan_path), "--dem", str(dem)]) == 0
    capsys.readouterr()
    assert main(["viewshed", str(scan_path), "--at", at, "--radius", "80",
                 "--format", "summary", "--save"]) == 0  # fmt: skip
    out = capsys.readouterr()
    hilly = json.loads(out.out)
    assert hilly["ground_model"] == "terrain (ahn_ridge.tif)" and hilly["cell_m"] == 1.0
    assert hilly["cells_tested"] > 1000 and hilly["uncertain_m2"] is not None
    assert "over the terrain model" in out.err
    saved = gpd.read_file(scan_path, layer="viewshed")
    assert set(saved["ground_model"]) == {"terrain"}


# -- exposure over terrain ----------------------------------------------------------------
def test_exposure_ground_shrinks_behind_a_ridge(tmp_path: Path) -> None:
    """The town hall (15 m) with a 25 m ridge 80 m east of it: the ground behind the
    ridge sees the façade on flat ground, not over the terrain; a spot and a house
    behind the ridge drop out, those in front stay."""
    from omgevingsscan.analysis.visibility import exposure_for_scan
    from omgevingsscan.analysis.visibility.scan import exposure_range_for_scan
    from omgevingsscan.analysis.visibility.terrain.exposure import TerrainExposure

    scan = _valley([(-10, -10, 20, 15.0), (40, 30, 10, 12.0), (130, 30, 10, 12.0)])
    cx, cy = scan.site.x, scan.site.y
    spots = gpd.GeoDataFrame(
        {"category": ["bench", "bench"], "osm_id": ["n1", "n2"], "name": ["near", "far"]},
        geometry=[Point(cx + 50, cy - 20), Point(cx + 140, cy - 20)],
        crs=scan.crs,
    )
    flat = exposure_for_scan(scan, spots=spots)
    assert not isinstance(flat, TerrainExposure)
    flat_dem = _dem(scan, tmp_path / "flat.tif", lambda dx, dy: 0 * dx)
    terrain_io.set_terrain(scan, flat_dem)
    level = exposure_for_scan(scan, spots=spots)
    assert isinstance(level, TerrainExposure) and level.ground_model == "terrain"
    # On a flat DEM the raster answer is the exact flat one to within its cells.
    assert level.ground.area == pytest.approx(flat.ground.area, rel=0.05)
    behind = box(cx + 100, cy - 60, cx + 200, cy + 60)
    assert level.ground.intersection(behind).area > 0.5 * flat.ground.intersection(behind).area
    terrain_io.set_terrain(scan, _dem(scan, tmp_path / "ridge.tif", _ridge(80.0)))
    hilly = exposure_for_scan(scan, spots=spots)
    assert flat.ground.intersection(behind).area > 1000.0
    assert hilly.ground.intersection(behind).area < 0.02 * flat.ground.intersection(behind).area
    front = box(cx + 15, cy - 60, cx + 60, cy + 60)
    assert hilly.ground.intersection(front).area > 0.8 * flat.ground.intersection(front).area
    names = set(hilly.positions["name"])
    assert "near" in names and "far" not in names and "B1" in names and "B2" not in names
    assert {"B1", "B2"} <= set(level.positions["name"])
    assert hilly.cells > 1000 and "terrain" in hilly.notes[0]
    # The range: the ground seen at the high heights lies within that at the low.
    ranged = exposure_range_for_scan(scan, spots=spots)
    least, most = ranged.area_range_m2
    assert least <= ranged.nominal.ground.area <= most
    (ground_layer, positions) = result_layers(ranged, scan.crs)
    assert set(ground_layer.data["ground_model"]) == {"terrain"}
    assert "certainty" in positions.data


def test_raster_kernel_passes_over_the_sky_without_changing_answers(tmp_path: Path) -> None:
    """The coarse bound only skips samples that cannot block: the same answers with and
    without it, on a hill with buildings of several heights."""
    from omgevingsscan.analysis.visibility.terrain.exposure import _tops
    from omgevingsscan.analysis.visibility.terrain.kernel import seen_any, sky_bound

    blocks = [(dx, dy, 12, h) for dx, dy, h in
              [(-60, -40, 8.0), (20, 30, 25.0), (50, -50, 4.0), (-20, 60, 15.0)]]  # fmt: skip
    scan = _valley(blocks)
    cx, cy = scan.site.x, scan.site.y
    terrain = _dem(scan, tmp_path / "hill.tif", _ridge(0.0, height=12.0, width=30.0))
    index = VisibilityIndex(scan.frame("buildings"))
    from omgevingsscan.analysis.visibility.terrain import building_bases

    bounds = (cx - 150, cy - 150, cx + 150, cy + 150)
    tops, origin = _tops(index, building_bases(index, terrain), 1.0, bounds)
    rng = np.random.default_rng(4)
    src = np.array([cx, cy]) + rng.uniform(-140, 140, (400, 2))
    tgt = np.array([cx, cy]) + rng.uniform(-140, 140, (30, 2))
    zs = terrain.elevation(src[:, 0], src[:, 1]) + rng.uniform(1.6, 30, 400)
    zt = terrain.elevation(tgt[:, 0], tgt[:, 1]) + 1.6
    args = {"skip": (terrain.cell, 1.0), "tolerance": 0.05, "dz": 0.5}
    sky = sky_bound(terrain, tops, origin, 0.5)
    plain = np.stack([seen_any(terrain, tops, origin, src, zs, tgt[j : j + 1], zt[j : j + 1],
                               **args) for j in range(len(tgt))])  # fmt: skip
    fast = np.stack([seen_any(terrain, tops, origin, src, zs, tgt[j : j + 1], zt[j : j + 1],
                              sky=sky, **args) for j in range(len(tgt))])  # fmt: skip
    assert np.array_equal(plain, fast)
    # Each level has lines both clear and blocked, and the levels nest.
    for level in range(3):
        assert 0.05 < plain[:, :, level].mean() < 0.95
    assert (plain[:, :, 2] <= plain[:, :, 1]).all() and (plain[:, :, 1] <= plain[:, :, 0]).all()
