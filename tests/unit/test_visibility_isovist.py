"""The exact 2D isovist: hand-built cases, CGAL (pyvispoly) on the demo data, properties."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from shapely import affinity
from shapely.geometry import Point, Polygon, box

from omgevingsscan.analysis.visibility import (
    VisibilityIndex,
    circle_polygon,
    index_for,
    isovist,
    isovist_ex,
    public_ground_from_layers,
)
from omgevingsscan.errors import AnalysisInputError

pyvispoly = pytest.importorskip("pyvispoly")


def frame(polys: list[Polygon], ids: list[str] | None = None) -> gpd.GeoDataFrame:
    ids = ids or [f"b{i}" for i in range(len(polys))]
    return gpd.GeoDataFrame(
        {"osm_id": ids, "name": ["" for _ in polys], "height": [10.0] * len(polys)},
        geometry=polys,
        crs="EPSG:28992",
    )


def same_area(a: Polygon, b: Polygon, rel: float = 1e-9) -> bool:
    return a.symmetric_difference(b).area <= rel * max(a.area, b.area, 1.0)


# --------------------------------------------------------------------------- hand-built


def test_square_room_is_the_room() -> None:
    room = box(-10, -10, 10, 10)
    walls = box(-50, -50, 50, 50).difference(room)
    poly = isovist([walls], (3.0, 4.0), 200.0)
    assert same_area(poly, room)


def test_room_with_pillar_hides_the_shadow() -> None:
    room = box(-10, -10, 10, 10)
    walls = box(-50, -50, 50, 50).difference(room)
    pillar = box(2, -1, 4, 1)
    poly = isovist([walls, pillar], (0.0, 0.0), 200.0)
    # The shadow behind the pillar: the wedge from the origin through its corners.
    shadow = Polygon([(2, -1), (10, -5), (10, 5), (2, 1)])
    expected = room.difference(pillar).difference(shadow)
    assert same_area(poly, expected, 1e-9)


def test_corridor_is_clipped_by_the_radius_polygon() -> None:
    north, south = box(-100, 2, 100, 10), box(-100, -10, 100, -2)
    poly = isovist([north, south], (0.0, 0.0), 50.0)
    expected = box(-100, -2, 100, 2).intersection(circle_polygon((0.0, 0.0), 50.0))
    assert same_area(poly, expected)
    assert -50.0 <= poly.bounds[0] <= -49.95 and -50.0 <= -poly.bounds[2] <= -49.95


def test_courtyard_sees_only_itself_and_is_invisible_from_outside() -> None:
    yard = box(10, 10, 30, 30)
    block = box(0, 0, 40, 40).difference(yard)
    index = VisibilityIndex(frame([block]))
    inside = isovist(index, (12.0, 25.0), 300.0)
    assert same_area(inside, yard)
    outside = isovist(index, (-5.0, 20.0), 300.0)
    assert outside.intersection(yard).area == 0.0


def terrace(n: int, gap: float = 0.0, jitter: float = 0.0) -> list[Polygon]:
    rng = np.random.default_rng(7)
    houses = []
    for i in range(n):
        x0 = i * 6.0 + (gap if i else 0.0) * i
        dx = rng.uniform(-jitter, jitter, 2) if jitter else (0.0, 0.0)
        houses.append(box(x0 + dx[0], 0, x0 + 6.0 + dx[1], 10))
    return houses


@pytest.mark.parametrize(("gap", "jitter"), [(0.0, 0.0), (0.01, 0.0), (0.0, 0.004)])
def test_terraced_houses_do_not_leak(gap: float, jitter: float) -> None:
    houses = terrace(10, gap, jitter)
    index = VisibilityIndex(frame(houses))
    assert len(index.obstacles.geoms) == 1  # merged, shared walls gone
    behind = box(1.0, 10.01, houses[-1].bounds[2] - 1.0, 10.5)  # in every origin's shadow
    for x in np.linspace(-20.0, 80.0, 21):
        poly = isovist(index, (float(x), -15.0), 300.0)
        assert poly.intersection(behind).area < 1e-9, x
        # No sliver pokes between the houses: nothing of the row's block is in view.
        row = box(houses[0].bounds[0], 0.0, houses[-1].bounds[2], 10.0)
        assert poly.intersection(row).area < 1e-6, x


def test_sector_is_a_wedge_in_compass_direction() -> None:
    origin = (0.0, 0.0)
    free = VisibilityIndex(frame([box(1000, 1000, 1001, 1001)]))
    east = isovist(free, origin, 100.0, sector=(90.0, 90.0))
    full = isovist(free, origin, 100.0)
    assert east.area == pytest.approx(full.area / 4, rel=1e-3)
    assert east.centroid.x > 30 and abs(east.centroid.y) < 1e-3
    north = isovist(free, origin, 100.0, sector=(0.0, 60.0))
    assert north.centroid.y > 30 and abs(north.centroid.x) < 1e-3
    assert north.covers(Point(origin))
    assert isovist(free, origin, 100.0, sector=(123.0, 360.0)).equals(full)


def test_sector_through_the_wraparound() -> None:
    walls = box(-50, -50, 50, 50).difference(box(-10, -10, 10, 10))
    west = isovist([walls], (0.0, 0.0), 100.0, sector=(270.0, 180.0))
    assert same_area(west, box(-10, -10, 0, 10))


def test_visible_buildings_and_view_width() -> None:
    a, b = box(10, -5, 12, 5), box(30, -20, 32, 20)  # b is partly behind a
    index = VisibilityIndex(frame([a, b], ["wA", "wB"]))
    iso = isovist_ex(index, (0.0, 0.0), 100.0)
    assert iso.visible_buildings == {0, 1}
    assert iso.view_deg[0] == pytest.approx(2 * math.degrees(math.atan(5 / 10)), rel=1e-9)
    hidden_b = 2 * math.degrees(math.atan(5 / 10))
    assert iso.view_deg[1] == pytest.approx(2 * math.degrees(math.atan(20 / 30)) - hidden_b)


def test_point_inside_a_building_names_it() -> None:
    index = VisibilityIndex(frame([box(0, 0, 10, 10)], ["w4242"]))
    with pytest.raises(AnalysisInputError, match="w4242"):
        isovist(index, (5.0, 5.0), 100.0)
    with pytest.raises(AnalysisInputError, match="wall"):
        isovist(index, (10.0, 5.0), 100.0)


@pytest.mark.parametrize("radius", [0.0, -5.0, 3000.5, float("nan")])
def test_bad_radius(radius: float) -> None:
    index = VisibilityIndex(frame([box(0, 0, 10, 10)]))
    with pytest.raises(AnalysisInputError, match="radius"):
        isovist(index, (50.0, 5.0), radius)


@pytest.mark.parametrize("angle", [0.0, -10.0, 360.5])
def test_bad_sector(angle: float) -> None:
    index = VisibilityIndex(frame([box(0, 0, 10, 10)]))
    with pytest.raises(AnalysisInputError, match="sector"):
        isovist(index, (50.0, 5.0), 100.0, sector=(0.0, angle))


# --------------------------------------------------------------------------- demo vs CGAL


@pytest.fixture(scope="module")
def demo_index(demo_scan) -> VisibilityIndex:  # type: ignore[no-untyped-def]
    return index_for(demo_scan)


def _cgal_calculator(index: VisibilityIndex, bounds: tuple[float, ...]):  # type: ignore[no-untyped-def]
    """pyvispoly's calculator for the whole area, holes = the merged footprints."""

    def ring(coords: np.ndarray) -> pyvispoly.Polygon:
        return pyvispoly.Polygon([pyvispoly.Point(float(x), float(y)) for x, y in coords[:-1]])

    outer = box(*bounds)
    holes = [
        ring(
            np.asarray(
                shapely.orient_polygons(Polygon(p.exterior), exterior_cw=True).exterior.coords
            )
        )
        for p in index.obstacles.geoms
    ]
    pwh = pyvispoly.PolygonWithHoles(ring(np.asarray(outer.exterior.coords)), holes)
    return pyvispoly.VisibilityPolygonCalculator(pwh)


def _seen(
    poly: Polygon, footprints: np.ndarray, tree: shapely.STRtree, min_len: float = 0.5
) -> set[int]:
    """Buildings with more than ``min_len`` m of outline within 1 cm of the boundary."""
    edge = poly.boundary.buffer(0.01)
    hits = tree.query(edge, predicate="intersects")
    lengths = shapely.length(shapely.intersection(shapely.boundary(footprints[hits]), edge))
    return {int(h) for h, length in zip(hits, lengths) if length > min_len}


def test_isovist_matches_cgal_on_demo(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    radius = 300.0
    cx, cy = demo_scan.site.x, demo_scan.site.y
    x0, y0, x1, y1 = demo_index.obstacles.bounds
    bounds = (
        min(x0, cx - 500) - 400,
        min(y0, cy - 500) - 400,
        max(x1, cx + 500) + 400,
        max(y1, cy + 500) + 400,
    )
    calc = _cgal_calculator(demo_index, bounds)
    public = public_ground_from_layers(demo_scan, demo_index)
    filled = shapely.union_all([Polygon(p.exterior) for p in demo_index.obstacles.geoms])
    rng = np.random.default_rng(2024)
    pts: list[tuple[float, float]] = []
    while len(pts) < 60:
        x, y = cx + rng.uniform(-480, 480), cy + rng.uniform(-480, 480)
        p = Point(x, y)
        if public.contains(p) and filled.distance(p) > 0.05:
            pts.append((x, y))
    tree = shapely.STRtree(demo_index.footprints)
    for x, y in pts:
        mine = isovist_ex(demo_index, (x, y), radius)
        vp = calc.compute_visibility_polygon(pyvispoly.Point(x, y))
        ref = Polygon([(float(q.x()), float(q.y())) for q in vp.boundary()])
        ref = ref.intersection(circle_polygon((x, y), radius))
        assert mine.polygon.area == pytest.approx(ref.area, rel=0.005)
        assert mine.polygon.symmetric_difference(ref).area < 1e-6 * ref.area
        seen = _seen(mine.polygon, demo_index.footprints, tree)
        assert seen == _seen(ref, demo_index.footprints, tree)
        # Every building the sweep reports bounds the polygon (some only seen edge-on
        # are within 1 cm of it without being the nearest wall, so no equality here).
        assert mine.visible_buildings <= _seen(mine.polygon, demo_index.footprints, tree, 0.0)


# --------------------------------------------------------------------------- properties


@pytest.fixture(scope="module")
def random_scene() -> VisibilityIndex:
    """Rectangles on a jittered grid: adjoining, overlapping and apart."""
    rng = np.random.default_rng(11)
    polys = []
    for i in range(12):
        for j in range(12):
            if rng.random() < 0.35:
                continue
            x, y = i * 20.0 + rng.uniform(-3, 3), j * 20.0 + rng.uniform(-3, 3)
            w, h = rng.choice([6.0, 10.0, 20.0, 23.0]), rng.uniform(4, 18)
            polys.append(affinity.rotate(box(x, y, x + w, y + h), rng.choice([0, 0, 15, 45])))
    return VisibilityIndex(frame(polys))


def _star_shaped(poly: Polygon, origin: tuple[float, float]) -> bool:
    verts = np.asarray(poly.exterior.coords)[:-1]
    lines = shapely.linestrings([[origin, tuple(v)] for v in verts])
    return bool(shapely.covered_by(lines, poly.buffer(1e-6)).all())


coords = st.floats(min_value=-20.0, max_value=260.0, allow_nan=False)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    x=coords,
    y=coords,
    r=st.floats(5.0, 400.0),
    sector=st.none() | st.tuples(st.floats(0, 360), st.floats(1, 360)),
)
# A wall's corner between the radius circle and its polygon (once a MultiPolygon).
@example(x=63.75, y=63.511838687680026, r=63.511838687680026, sector=None)
def test_isovist_properties(
    random_scene: VisibilityIndex, x: float, y: float, r: float, sector: tuple[float, float] | None
) -> None:
    assume(random_scene.free_mask(np.array([[x, y]]), 0.01)[0])
    poly = isovist(random_scene, (x, y), r, sector=sector)
    assert poly.is_valid and not poly.is_empty
    assert poly.buffer(1e-9).covers(Point(x, y))
    assert _star_shaped(poly, (x, y))
    assert poly.intersection(random_scene.obstacles).area < 1e-6
    assert poly.area <= math.pi * r * r * (1 + 1e-9)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(x=coords, y=coords)
def test_isovist_agrees_with_segment_tests(
    random_scene: VisibilityIndex, x: float, y: float
) -> None:
    """A point is in the isovist exactly when the segment to it crosses no obstacle."""
    assume(random_scene.free_mask(np.array([[x, y]]), 0.01)[0])
    poly = isovist(random_scene, (x, y), 150.0)
    rng = np.random.default_rng(int(abs(x * 1000 + y)) % 2**32)
    angles = rng.uniform(0, 2 * math.pi, 200)
    dist = rng.uniform(0, 140, 200)
    targets = np.column_stack([x + dist * np.cos(angles), y + dist * np.sin(angles)])
    lines = shapely.linestrings([[(x, y), tuple(t)] for t in targets])
    blocked = shapely.intersects(lines, random_scene.obstacles)
    pts = shapely.points(targets)
    clear_of_edges = shapely.distance(pts, poly.boundary) > 1e-6
    inside = shapely.contains(poly, pts)
    assert np.array_equal(inside[clear_of_edges], ~blocked[clear_of_edges])


def test_isovist_from_obstacle_list_equals_prepared(random_scene: VisibilityIndex) -> None:
    polys = list(random_scene.footprints)
    a = isovist(polys, (-10.0, -10.0), 200.0)
    b = isovist(random_scene, (-10.0, -10.0), 200.0)
    assert same_area(a, b)
