"""The compiled isovist kernel against the numpy sweep it replaces, and its edge cases.

The reference is the frozen numpy implementation in ``bench/baseline_visibility`` (the
code before issue 11), run on the same index: the polygon, the visible wall pieces
(``pieces``, ``piece_wall``, which exposure and overlook use) and the view widths must
agree up to floating point.
"""

from __future__ import annotations

import math
import sys
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import numpy as np
import pytest
import shapely
from bench.baseline_visibility.isovist import isovist_ex as numpy_isovist_ex
from shapely.geometry import Point, Polygon, box

from omgevingsscan.analysis.visibility import (
    VisibilityIndex,
    circle_polygon,
    index_for,
    isovist_ex,
    public_ground_from_layers,
)
from omgevingsscan.analysis.visibility.isovist import Isovist
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.settings import MAX_RADIUS_M


def frame(polys: list[Polygon]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"osm_id": [f"b{i}" for i in range(len(polys))], "height": [10.0] * len(polys)},
        geometry=polys,
        crs="EPSG:28992",
    )


def assert_same(new: Isovist, old: Isovist) -> None:
    """Same polygon, the same visible wall pieces and view widths, up to floating point
    (relative 1e-9, or 1e-9 m² for polygons under 1 m²)."""
    area = max(old.polygon.area, 1.0)
    assert new.polygon.is_valid
    assert abs(new.polygon.area - old.polygon.area) < 1e-9 * area
    assert new.polygon.symmetric_difference(old.polygon).area < 1e-9 * area
    assert np.array_equal(new.piece_wall, old.piece_wall)
    assert new.pieces.shape == old.pieces.shape
    assert np.allclose(new.pieces, old.pieces, rtol=0.0, atol=1e-9)
    assert new.view_deg.keys() == old.view_deg.keys()
    for b, deg in old.view_deg.items():
        assert new.view_deg[b] == pytest.approx(deg, rel=1e-12, abs=1e-9)


@pytest.fixture(scope="module")
def demo_index(demo_scan) -> VisibilityIndex:  # type: ignore[no-untyped-def]
    return index_for(demo_scan)


@pytest.fixture(scope="module")
def open_points(demo_scan, demo_index) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """200 random points on the demo's public ground, at least 5 cm from any wall."""
    public = public_ground_from_layers(demo_scan, demo_index)
    cx, cy = demo_scan.site.x, demo_scan.site.y
    rng = np.random.default_rng(1111)
    pts: list[tuple[float, float]] = []
    while len(pts) < 200:
        x, y = cx + rng.uniform(-480, 480), cy + rng.uniform(-480, 480)
        if public.contains(Point(x, y)) and demo_index.free_mask(np.array([[x, y]]), 0.05)[0]:
            pts.append((x, y))
    return pts


def test_kernel_matches_the_numpy_sweep_on_the_demo(demo_index, open_points) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(5)
    for k, p in enumerate(open_points):
        radius = [300.0, 50.0, 800.0, 12.5][k % 4]
        sector = None
        if k % 3 == 1:
            sector = (float(rng.uniform(0, 360)), float(rng.choice([0.5, 45.0, 180.0, 359.0])))
        new = isovist_ex(demo_index, p, radius, sector=sector)
        old = numpy_isovist_ex(demo_index, p, radius, sector=sector)
        assert_same(new, old)
    # Exposure's way of calling it: façade samples just off the walls, no check.
    walls = demo_index.walls[:: max(1, len(demo_index.walls) // 150)]
    mid = (walls[:, 0:2] + walls[:, 2:4]) / 2
    normal = np.column_stack([walls[:, 3] - walls[:, 1], walls[:, 0] - walls[:, 2]])
    normal /= np.hypot(normal[:, 0], normal[:, 1])[:, None]
    samples = mid - 0.3 * normal  # the obstacle is on the left: step to the right
    for x, y in samples[demo_index.free_mask(samples, 0.05)]:
        assert_same(
            isovist_ex(demo_index, (x, y), 300.0, check=False),
            numpy_isovist_ex(demo_index, (x, y), 300.0, check=False),
        )


@pytest.mark.parametrize("radius", [0.05, 1.0, 2000.0, MAX_RADIUS_M])
def test_tiny_and_huge_radius(demo_index, open_points, radius: float) -> None:  # type: ignore[no-untyped-def]
    for p in open_points[:15]:
        for sector in (None, (200.0, 90.0)):
            new = isovist_ex(demo_index, p, radius, sector=sector)
            assert_same(new, numpy_isovist_ex(demo_index, p, radius, sector=sector))
    # A radius smaller than the distance to any wall: the radius polygon itself.
    p = open_points[0]
    tiny = isovist_ex(demo_index, p, 0.01)
    assert tiny.polygon.equals_exact(circle_polygon(p, 0.01).normalize(), 1e-12) or (
        tiny.polygon.symmetric_difference(circle_polygon(p, 0.01)).area < 1e-15
    )
    assert tiny.view_deg == {} and len(tiny.pieces) == 0


def test_empty_index_sees_the_radius_polygon() -> None:
    """(The numpy sweep failed here: an index without walls had no owners to look up.)"""
    index = VisibilityIndex(frame([]))
    circle = circle_polygon((10.0, 20.0), 100.0)
    for sector in (None, (45.0, 90.0)):
        iso = isovist_ex(index, (10.0, 20.0), 100.0, sector=sector)
        assert len(iso.piece_wall) == 0 and iso.pieces.shape == (0, 4) and iso.view_deg == {}
        assert iso.polygon.is_valid and circle.covers(iso.polygon.buffer(-1e-9))
        expected = circle
        if sector is not None:  # compass 45° ± 45°: math angles 0° to 90°
            arc = [
                (10.0 + 200 * math.cos(a), 20.0 + 200 * math.sin(a))
                for a in np.linspace(0, math.pi / 2, 50)
            ]
            expected = circle.intersection(Polygon([(10.0, 20.0), *arc]))
        assert iso.polygon.symmetric_difference(expected).area < 1e-9 * expected.area
    full = isovist_ex(index, (10.0, 20.0), 100.0).polygon
    assert full.symmetric_difference(circle).area < 1e-9


def test_points_at_wall_corners() -> None:
    """On a corner: refused when checked; just off it (1 µm to 1 cm), as before."""
    blocks = [box(0, 0, 10, 10), box(20, 0, 30, 10), box(0, 20, 10, 30), box(14, 14, 16, 16)]
    index = VisibilityIndex(frame(blocks))
    with pytest.raises(AnalysisInputError, match="wall"):
        isovist_ex(index, (10.0, 10.0), 100.0)
    for corner in [(10.0, 10.0), (20.0, 10.0), (10.0, 20.0), (14.0, 14.0), (16.0, 16.0)]:
        for d in (1e-6, 1e-4, 1e-2):
            for ang in np.linspace(0, 2 * math.pi, 16, endpoint=False):
                p = (corner[0] + d * math.cos(ang), corner[1] + d * math.sin(ang))
                if not index.free_mask(np.array([p]), 0.0)[0]:
                    continue
                for sector in (None, (math.degrees(ang), 90.0)):
                    new = isovist_ex(index, p, 100.0, sector=sector, check=False)
                    old = numpy_isovist_ex(index, p, 100.0, sector=sector, check=False)
                    assert_same(new, old)


def test_sector_edges_through_wall_corners() -> None:
    """Sector edges that pass exactly through wall end points (equal event angles)."""
    index = VisibilityIndex(frame([box(10, -10, 20, 10), box(-20, 30, 20, 40)]))
    for direction, angle in [(90.0, 90.0), (45.0, 90.0), (0.0, 90.0), (135.0, 180.0)]:
        new = isovist_ex(index, (0.0, 0.0), 100.0, sector=(direction, angle))
        assert_same(new, numpy_isovist_ex(index, (0.0, 0.0), 100.0, sector=(direction, angle)))


def test_each_wall_is_taken_once_from_the_grid(demo_index, open_points) -> None:  # type: ignore[no-untyped-def]
    """Walls listed in several grid cells are fetched once, and none within reach is
    missed: the candidates are exactly the front-facing walls within the radius."""
    iso_mod = sys.modules["omgevingsscan.analysis.visibility.isovist"]
    from omgevingsscan.analysis.visibility.isovist_kernel import _candidates

    grid = iso_mod._grid(demo_index)
    for p in open_points[:20]:
        for radius in (30.0, 300.0):
            circle = iso_mod._unit_circle(iso_mod._circle_count(radius, 0.01))
            _, wid, _, m = _candidates(demo_index.walls, grid, circle, p[0], p[1], radius)
            got = wid[: m - len(circle)]
            assert len(np.unique(got)) == len(got)
            w = demo_index.walls
            ax, ay, bx, by = w[:, 0] - p[0], w[:, 1] - p[1], w[:, 2] - p[0], w[:, 3] - p[1]
            lines = shapely.linestrings(w.reshape(-1, 2, 2))
            near = shapely.distance(lines, Point(p)) <= radius * math.cos(math.pi / len(circle))
            expected = np.flatnonzero((ax * by - ay * bx < 0) & near)
            assert set(expected.tolist()) <= set(got.tolist())


def test_crowded_angles_sort() -> None:
    from omgevingsscan.analysis.visibility.isovist_kernel import _argsort_angles

    rng = np.random.default_rng(3)
    for n in (0, 1, 2, 50, 3000):
        crowd = rng.uniform(0.25, 0.2501, n // 2)  # far more than 32 angles in one bin
        v = np.concatenate([crowd, rng.uniform(-math.pi, math.pi, n - n // 2)])
        if n:
            v[0], v[-1] = math.pi, -math.pi
        order = _argsort_angles(v)
        assert np.array_equal(v[order], np.sort(v))
        assert np.array_equal(np.sort(order), np.arange(n))


def test_threads_give_the_same_answers(demo_index, open_points) -> None:  # type: ignore[no-untyped-def]
    pts = open_points[:40]
    serial = [isovist_ex(demo_index, p, 300.0) for p in pts]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda p: isovist_ex(demo_index, p, 300.0), pts))
    for a, b in zip(threaded, serial):
        assert_same(a, b)


def test_buildings_spread_far_apart_keep_the_grid_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Walls far apart for the cell size: the grid's cells grow to keep their number
    bounded (here to 1,000 cells over 6 km), and the answers stay the same."""
    iso_mod = sys.modules["omgevingsscan.analysis.visibility.isovist"]
    monkeypatch.setattr(iso_mod, "GRID_MAX_CELLS", 1000)
    blocks = [box(0, 0, 10, 10), box(30, 0, 40, 10), box(6e3, 6e3, 6e3 + 10, 6e3 + 10)]
    index = VisibilityIndex(frame(blocks))
    _, cell_start, _, grid = iso_mod._grid(index)
    assert grid[2] > 150.0
    assert len(cell_start) - 1 == int(grid[3]) * int(grid[4]) <= 1000
    for p in [(20.0, 5.0), (6e3 - 5, 6e3 + 5), (3e3, 3e3), (-5.0, 5.0)]:
        for radius in (50.0, MAX_RADIUS_M):
            new = isovist_ex(index, p, radius)
            assert_same(new, numpy_isovist_ex(index, p, radius))
    assert isovist_ex(index, (20.0, 5.0), 100.0).visible_buildings == {0, 1}
