"""The compiled shadow kernel against the plain definition of a shadow.

The shadow of a footprint ``F`` under a point light at the origin with scale ``k`` is
``{lambda * x : x in F, 1 <= lambda <= k}``: the union of ``F`` and, for every edge,
the quadrilateral from the edge to its copy scaled by ``k``. The reference below tests
that definition point by point (a union of the quadrilaterals in GEOS is not a safe
reference: ``union_all`` of such long, thin quads can lose the footprint); the kernel
must give the same region or refuse.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon

from omgevingsscan.analysis.visibility.shadows import radial_polygons, ring_vertices


def _in_shadow(poly: Polygon, origin: tuple[float, float], k: float, pts: np.ndarray) -> np.ndarray:
    """The definition, point by point: ``p`` is in the shadow when some ``p / lambda``
    (origin relative, ``1 <= lambda <= k``) lies in the footprint, that is when the
    segment from ``p / k`` to ``p`` meets it."""
    o = np.asarray(origin)
    segments = shapely.linestrings(np.stack([o + (pts - o) / k, pts], axis=1))
    return shapely.intersects(segments, poly)


def _kernel(polys: list[Polygon], origin: tuple[float, float], k: float):  # type: ignore[no-untyped-def]
    verts = ring_vertices(np.asarray(polys, dtype=object))
    items = np.arange(len(polys))
    return radial_polygons(verts, items, origin, np.full(len(polys), k))


def _agrees(shadow: Polygon, poly: Polygon, origin: tuple[float, float], k: float) -> bool:
    """The kernel's polygon is valid and holds exactly the points in the shadow, on
    3,000 points thrown around the footprint and its shadow (points within 1 µm of
    the polygon's boundary are not judged)."""
    rng = np.random.default_rng(0)
    x0, y0, x1, y1 = poly.bounds
    o = np.asarray(origin)
    base = np.column_stack([rng.uniform(x0, x1, 3000), rng.uniform(y0, y1, 3000)])
    pts = o + rng.uniform(0.7, 1.2 * k, (3000, 1)) * (base - o)
    clear = shapely.distance(shadow.boundary, shapely.points(pts)) > 1e-6
    inside = shapely.contains_xy(shadow, pts[:, 0], pts[:, 1])
    truth = _in_shadow(poly, origin, k, pts)
    return bool(shadow.is_valid and (inside == truth)[clear].all() and inside.sum() > 100)


COURTYARD = Polygon([(0, 0), (30, 0), (30, 20), (0, 20)], [[(8, 6), (22, 6), (22, 14), (8, 14)]])
# A U open to the north: seen from the south, rays by the inner walls leave the base,
# cross the notch and enter an arm.
U_SHAPE = Polygon([(0, 0), (20, 0), (20, 20), (14, 20), (14, 6), (6, 6), (6, 20), (0, 20)])


def test_courtyard_building() -> None:
    (_, ok_low) = _kernel([COURTYARD], (-40.0, -25.0), 1.1)
    assert not ok_low[0]  # the shadow does not reach across the 8-14 m courtyard
    for k in (1.5, 4.0):
        (shadow,), ok = _kernel([COURTYARD], (-40.0, -25.0), k)
        assert ok[0]
        assert _agrees(shadow, COURTYARD, (-40.0, -25.0), k)


def test_stretches_that_do_not_overlap_are_refused() -> None:
    origin = (10.0, -60.0)  # straight below the U: rays cross both arms
    (_, ok_low), (shadow, ok_high) = (
        _kernel([U_SHAPE], origin, 1.02),
        _kernel([U_SHAPE], origin, 3.0),
    )
    assert not ok_low[0]  # the base casts 1.3 m of shadow: not across the notch
    assert ok_high[0] and _agrees(shadow[0], U_SHAPE, origin, 3.0)


def test_light_inside_or_wide_footprints_are_refused() -> None:
    (_, ok_inside) = _kernel([U_SHAPE], (3.0, 10.0), 2.0)
    (_, ok_wide) = _kernel([U_SHAPE], (10.0, 12.0), 2.0)  # inside the U's notch
    assert not ok_inside[0]
    assert not ok_wide[0]  # seen from the notch, the footprint spans more than half a turn


def test_random_concave_footprints() -> None:
    """Random concave footprints, lights and scales: every accepted shadow is the
    reference region, and most are accepted."""
    rng = np.random.default_rng(7)
    accepted = total = 0
    for _ in range(150):
        pts = rng.uniform(0, 40, (int(rng.integers(6, 30)), 2))
        poly = shapely.concave_hull(shapely.multipoints(pts), ratio=float(rng.uniform(0.1, 0.6)))
        if not isinstance(poly, Polygon) or poly.area < 1:
            continue
        angle = rng.uniform(0, 2 * np.pi)
        dist = rng.uniform(45, 400)
        origin = (20 + dist * np.cos(angle), 20 + dist * np.sin(angle))
        k = float(rng.choice([1.05, 1.3, 2.0, 8.0]))
        (shadow,), ok = _kernel([poly], origin, k)
        total += 1
        if ok[0]:
            accepted += 1
            assert _agrees(shadow, poly, origin, k), (poly.wkt, origin, k)
    assert total > 100 and accepted > 0.6 * total
