"""2.5D line of sight and the 2.5D viewshed: hand-built cases, a naive baseline, and
cross-checks between the two independent methods."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Polygon, box

from omgevingsscan.analysis.visibility import (
    VisibilityIndex,
    index_for,
    isovist,
    line_of_sight,
    line_of_sight_many,
    lowest_visible_height,
    viewshed_25d,
    visible_many,
)
from omgevingsscan.errors import AnalysisInputError


def frame(polys: list[Polygon], heights: list[float], ids: list[str]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"osm_id": ids, "name": [i.upper() for i in ids], "height": heights},
        geometry=polys,
        crs="EPSG:28992",
    )


@pytest.fixture(scope="module")
def street() -> VisibilityIndex:
    """Two 20 m blocks with a 3 m shed between them, and a 20 m block further east."""
    return VisibilityIndex(
        frame(
            [box(0, 0, 10, 10), box(20, 0, 25, 10), box(40, 0, 50, 10), box(100, 0, 110, 10)],
            [20.0, 3.0, 20.0, 20.0],
            ["west", "shed", "east", "far"],
        )
    )


def test_shed_between_fourth_floor_windows_does_not_block(street: VisibilityIndex) -> None:
    window = 3 * 3.0 + 1.6
    res = line_of_sight(street, (10.1, 5.0), window, (39.9, 5.0), window)
    assert res.visible and res.blocker is None and res.obstruction is None
    assert res.distance == pytest.approx(29.8)
    assert res.bearing == pytest.approx(90.0)


def test_twenty_metre_block_blocks(street: VisibilityIndex) -> None:
    res = line_of_sight(street, (30.0, 5.0), 10.6, (120.0, 5.0), 10.6)
    assert not res.visible
    assert res.blocker is not None and res.blocker.osm_id == "east"
    assert res.blocker.height == 20.0
    assert res.obstruction is not None
    assert res.obstruction[0] == pytest.approx(40.0, abs=0.03)  # its west wall
    assert res.obstruction_distance == pytest.approx(10.0, abs=0.03)
    assert "east" in res.describe() and "20.0 m" in res.describe()


def test_shed_blocks_at_eye_level_and_reports_the_wall(street: VisibilityIndex) -> None:
    res = line_of_sight(street, (30.0, 5.0), 1.6, (12.0, 5.0), 1.6)
    assert not res.visible and res.blocker is not None and res.blocker.osm_id == "shed"
    assert res.obstruction == pytest.approx((25.0, 5.0, 1.6), abs=0.03)
    assert res.bearing == pytest.approx(270.0)


def test_descending_line_is_blocked_by_the_roof_edge(street: VisibilityIndex) -> None:
    # From 6 m down to the ground: over the shed's near wall (4.0 m there), then below
    # its 3 m roof before its far wall: the obstruction is where the line meets 3 m.
    res = line_of_sight(street, (15.0, 5.0), 6.0, (30.0, 5.0), 0.0)
    assert not res.visible and res.blocker is not None and res.blocker.osm_id == "shed"
    assert res.obstruction == pytest.approx((22.5, 5.0, 3.0), abs=1e-6)


def test_window_inside_a_building_sees_out(street: VisibilityIndex) -> None:
    # An end point inside "west" is a window there: the line is tested from where it
    # leaves the building.
    res = line_of_sight(street, (5.0, 5.0), 10.6, (39.0, 5.0), 10.6)
    assert res.visible
    res = line_of_sight(street, (5.0, 5.0), 10.6, (60.0, 5.0), 1.6)
    assert not res.visible and res.blocker is not None and res.blocker.osm_id == "east"


def test_grazing_the_roof_is_visible(street: VisibilityIndex) -> None:
    assert line_of_sight(street, (15.0, 5.0), 3.0, (30.0, 5.0), 3.0).visible
    assert not line_of_sight(street, (15.0, 5.0), 2.999, (30.0, 5.0), 2.999).visible


def test_bad_heights(street: VisibilityIndex) -> None:
    with pytest.raises(AnalysisInputError):
        line_of_sight(street, (15.0, 5.0), -1.0, (30.0, 5.0), 3.0)
    with pytest.raises(AnalysisInputError):
        line_of_sight(street, (15.0, 5.0), float("nan"), (30.0, 5.0), 3.0)


# --------------------------------------------------------------------------- demo data


@pytest.fixture(scope="module")
def demo_index(demo_scan) -> VisibilityIndex:  # type: ignore[no-untyped-def]
    return index_for(demo_scan)


def _free_points(
    index: VisibilityIndex, centre: tuple[float, float], n: int, seed: int
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out: list[np.ndarray] = []
    while sum(len(o) for o in out) < n:
        q = rng.uniform(-450, 450, size=(2000, 2)) + centre
        grown = index._grown_tree.query(shapely.points(q), predicate="intersects")[0]
        keep = np.ones(len(q), dtype=bool)
        keep[grown] = False
        out.append(q[keep])
    return np.vstack(out)[:n]


def _naive(index: VisibilityIndex, a: np.ndarray, ha: float, b: np.ndarray, hb: float) -> bool:
    """Per pair with shapely: every piece of the line inside a building is tested."""
    line = LineString([a, b])
    length = line.length
    for j in index._grown_tree.query(line, predicate="intersects"):
        for part in shapely.get_parts(line.intersection(index.grown[j])):
            for c in part.coords:
                t = line.project(shapely.Point(c)) / length
                if ha + (hb - ha) * t < index.heights[j] - 1e-9:
                    return False
    return True


def test_batch_agrees_with_naive_shapely(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    centre = (demo_scan.site.x, demo_scan.site.y)
    a = _free_points(demo_index, centre, 300, 1)
    b = _free_points(demo_index, centre, 300, 2)
    rng = np.random.default_rng(3)
    ha, hb = rng.uniform(1.6, 25, 300), rng.uniform(1.6, 25, 300)
    res = line_of_sight_many(demo_index, a, ha, b, hb)
    naive = np.array([_naive(demo_index, a[i], ha[i], b[i], hb[i]) for i in range(300)])
    assert np.array_equal(res.visible, naive)
    assert 0.05 < res.visible.mean() < 0.95  # both outcomes are exercised
    assert np.array_equal(visible_many(demo_index, a, ha, b, hb), naive)
    # The first obstruction lies on the line, below the blocker's roof.
    blocked = ~res.visible
    assert (res.blocker[blocked] >= 0).all()
    assert (res.obstruction[blocked, 2] <= demo_index.heights[res.blocker[blocked]] + 1e-9).all()
    single = line_of_sight(demo_index, tuple(a[0]), ha[0], tuple(b[0]), hb[0])
    assert single.visible == res.visible[0]


def test_lowest_visible_height_matches_the_sight_lines(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    centre = (demo_scan.site.x, demo_scan.site.y)
    a = _free_points(demo_index, centre, 400, 4)
    b = _free_points(demo_index, centre, 400, 5)
    lowest = lowest_visible_height(demo_index, a, 10.0, b)
    assert (lowest >= 0).all() and (lowest > 0).any() and (lowest == 0).any()
    for z in (1.6, 8.0, 20.0):
        vis = line_of_sight_many(demo_index, a, 10.0, b, z).visible
        clear = np.abs(lowest - z) > 1e-6
        assert np.array_equal(vis[clear], (lowest <= z)[clear])
    shed = VisibilityIndex(frame([box(20, 0, 25, 10)], [3.0], ["shed"]))
    # From 1.6 m, 20 m before a 3 m shed, to a point 20 m behind it: the near wall
    # (grown by 2.5 cm) binds.
    z = lowest_visible_height(shed, [(0.0, 5.0)], 1.6, [(45.0, 5.0)])[0]
    t = 19.975 / 45.0
    assert z == pytest.approx((3.0 - 1.6 * (1 - t)) / t)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ax=st.floats(-400, 400),
    ay=st.floats(-400, 400),
    bx=st.floats(-400, 400),
    by=st.floats(-400, 400),
    ha=st.floats(0.0, 40.0),
    hb=st.floats(0.0, 40.0),
)
def test_line_of_sight_is_symmetric(demo_scan, demo_index, ax, ay, bx, by, ha, hb) -> None:  # type: ignore[no-untyped-def]
    a = (demo_scan.site.x + ax, demo_scan.site.y + ay)
    b = (demo_scan.site.x + bx, demo_scan.site.y + by)
    assume(math.dist(a, b) > 0.01)
    there = line_of_sight(demo_index, a, ha, b, hb)
    back = line_of_sight(demo_index, b, hb, a, ha)
    assert there.visible == back.visible
    assert there.distance == pytest.approx(back.distance)
    assert (there.bearing - back.bearing) % 360 == pytest.approx(180.0, abs=1e-6)


def test_ground_level_line_of_sight_matches_the_isovist(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    """At eye height over buildings all higher than the eye, 2.5D is 2D."""
    origin = (demo_scan.site.x - 60.0, demo_scan.site.y + 40.0)
    demo_index.check_free(*origin)
    poly = isovist(demo_index, origin, 300.0)
    pts = _free_points(demo_index, origin, 1500, 9)
    pts = pts[np.hypot(*(pts - origin).T) < 295]
    far = shapely.distance(shapely.points(pts), poly.boundary) > 0.1
    pts = pts[far]
    res = line_of_sight_many(demo_index, np.tile(origin, (len(pts), 1)), 1.6, pts, 1.6)
    inside = shapely.contains(poly, shapely.points(pts))
    assert np.array_equal(inside, res.visible)


# --------------------------------------------------------------------------- 2.5D viewshed


@pytest.mark.parametrize(("height", "target"), [(10.6, 0.0), (25.0, 0.0), (16.0, 1.6)])
def test_viewshed_agrees_with_line_of_sight(
    demo_scan, demo_index, height: float, target: float
) -> None:  # type: ignore[no-untyped-def]
    """Ground and roofs of the polygonal 2.5D viewshed against sampled sight lines."""
    origin = (demo_scan.site.x + 37.0, demo_scan.site.y - 201.0)
    vs = viewshed_25d(demo_index, origin, height, 250.0, roofs=target == 0.0, target_height=target)
    assert vs.ground.area > 0 and vs.ground.difference(vs.isovist).area < 1e-6
    rng = np.random.default_rng(int(height * 10))
    q = rng.uniform(-250, 250, (2500, 2)) + origin
    q = q[np.hypot(*(q - origin).T) < 248]
    pts = shapely.points(q)
    edges = shapely.union_all(shapely.boundary(demo_index.grown))
    clear = shapely.distance(pts, edges) > 0.1
    clear &= shapely.distance(pts, vs.ground.boundary) > 0.05
    host = np.full(len(q), -1)
    pi, bi = demo_index._footprint_tree.query(pts, predicate="within")
    host[pi] = bi
    roofs = shapely.union_all(list(vs.roofs.values())) if vs.roofs else Polygon()
    if vs.roofs:
        clear &= shapely.distance(pts, roofs.boundary) > 0.05
    # Roofs as high as the eye or more are not part of the answer; skip them.
    height_at = np.where(host >= 0, demo_index.heights[np.maximum(host, 0)], target)
    clear &= (host < 0) | ((height_at < height) & (target == 0.0))
    q, pts, host, height_at = q[clear], pts[clear], host[clear], height_at[clear]
    los = line_of_sight_many(demo_index, np.tile(origin, (len(q), 1)), height, q, height_at)
    expected = np.where(host >= 0, shapely.contains(roofs, pts), shapely.contains(vs.ground, pts))
    assert len(q) > 800
    assert np.array_equal(expected, los.visible)
    assert los.visible.any() and (~los.visible).any()


def test_viewshed_at_eye_height_is_the_isovist(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    origin = (demo_scan.site.x + 37.0, demo_scan.site.y - 201.0)
    vs = viewshed_25d(demo_index, origin, 1.6, 300.0, sector=(200.0, 120.0))
    iso = isovist(demo_index, origin, 300.0, sector=(200.0, 120.0))
    assert vs.ground.symmetric_difference(iso).area < 1e-6
    assert vs.roofs == {}


def test_viewshed_grows_with_height(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    origin = (demo_scan.site.x + 37.0, demo_scan.site.y - 201.0)
    areas = [viewshed_25d(demo_index, origin, h, 300.0).ground.area for h in (1.6, 8.0, 12.0, 20.0)]
    assert areas == sorted(areas) and areas[-1] > areas[0] * 1.05


def test_viewshed_inside_a_tall_building_is_refused(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AnalysisInputError, match="w268782345"):
        viewshed_25d(demo_index, (demo_scan.site.x, demo_scan.site.y), 10.0, 300.0)


def test_observer_on_a_low_roof(street: VisibilityIndex) -> None:
    vs = viewshed_25d(street, (22.5, 5.0), 5.0, 60.0)  # on the shed's roof
    assert vs.ground.area > 0 and 1 in vs.roofs
    assert vs.roofs[1].area == pytest.approx(50.0, rel=1e-6)


def test_buildings_far_apart_keep_the_grid_small() -> None:
    """Two blocks 800 km apart (a stray building in a scan) used to ask for billions of
    grid cells; the grid now grows its cells and sight lines still see the walls."""
    from omgevingsscan.analysis.visibility.grid import MAX_CELLS

    near = [box(0, 0, 10, 10), box(20, 0, 30, 10)]
    far = [box(800_000, 800_000, 800_010, 800_010)]
    index = VisibilityIndex(frame([*near, *far], [10.0, 10.0, 10.0], ["a", "b", "c"]))
    assert index.grid.nx * index.grid.ny <= MAX_CELLS + 2 * (index.grid.nx + index.grid.ny)
    blocked = line_of_sight(index, (-5, 5), 1.6, (35, 5), 1.6)
    assert not blocked.visible and blocked.blocker is not None and blocked.blocker.osm_id == "a"
    many = line_of_sight_many(
        index, np.array([[-5.0, 5.0]] * 70), 1.6, np.array([[35.0, 5.0]] * 70), 1.6
    )
    assert not many.visible.any()
    clear = line_of_sight(index, (-5, 15), 1.6, (35, 15), 1.6)
    assert clear.visible
