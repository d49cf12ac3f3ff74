"""The fast shadows (direct polygons, strips, buffer(0)) equal the plain union of the
footprint and its quads, on the demo buildings, from many light positions."""

from __future__ import annotations

import numpy as np
import shapely

from omgevingsscan.analysis.visibility import index_for
from omgevingsscan.analysis.visibility.shadows import (
    _one_run_shadows,
    needed_shadows,
    shadow_quads,
    shadows,
    union_tree,
)


def _reference(index, buildings, origin, scale):  # type: ignore[no-untyped-def]
    out = []
    for b, k in zip(buildings, scale):
        quads, _ = shadow_quads(index, np.array([b]), origin, np.array([k]))
        out.append(shapely.union_all(np.append(quads, index.grown[b])))
    return np.asarray(out, dtype=object)


def test_shadows_equal_the_union_of_quads(demo_scan) -> None:  # type: ignore[no-untyped-def]
    index = index_for(demo_scan)
    rng = np.random.default_rng(11)
    cx, cy = demo_scan.site.x, demo_scan.site.y
    direct_share = []
    for _ in range(4):
        origin = (cx + rng.uniform(-300, 300), cy + rng.uniform(-300, 300))
        near = index._grown_tree.query(shapely.Point(origin).buffer(150))
        buildings = np.asarray(near, dtype=np.int64)
        scale = rng.uniform(1.05, 8.0, len(buildings))
        fast = shadows(index, buildings, origin, scale)
        slow = _reference(index, buildings, origin, scale)
        assert shapely.is_valid(fast).all()
        diff = shapely.area(shapely.symmetric_difference(fast, slow))
        assert diff.max() < 1e-6, diff.max()
        direct_share.append(_one_run_shadows(index, buildings, origin, scale)[1].mean())
    assert min(direct_share) > 0.3  # the direct path carries a good part of the work


def test_shadow_of_a_building_under_the_eye(demo_scan) -> None:  # type: ignore[no-untyped-def]
    """An observer on a roof: the light inside the footprint (every wall faces away)."""
    index = index_for(demo_scan)
    b = int(np.flatnonzero(~index.grown_convex)[5])
    p = index.footprints[b].representative_point()
    origin = (p.x, p.y)
    (fast,) = shadows(index, np.array([b]), origin, np.array([2.0]))
    (slow,) = _reference(index, [b], origin, [2.0])
    assert fast.is_valid and fast.symmetric_difference(slow).area < 1e-6


def test_needed_shadows_leave_the_union_unchanged(demo_scan) -> None:  # type: ignore[no-untyped-def]
    """Shadows of buildings hidden behind higher ones are left out; the union stays."""
    index = index_for(demo_scan)
    rng = np.random.default_rng(5)
    cx, cy = demo_scan.site.x, demo_scan.site.y
    dropped = 0
    for eye in (12.0, 16.0, 25.0):
        while True:
            origin = (cx + rng.uniform(-200, 200), cy + rng.uniform(-200, 200))
            if index.containing_building(*origin) is None:
                break
        near = np.asarray(index._grown_tree.query(shapely.Point(origin).buffer(250)))
        low = near[index.heights[near] < eye]
        scale = (eye - 1.6) / (eye - index.heights[low])
        kept, which = needed_shadows(index, low, origin, scale, eye)
        assert set(which) <= set(low) and len(kept) == len(which)
        every = shapely.union_all(shadows(index, low, origin, scale))
        assert every.symmetric_difference(union_tree(kept)).area < 1e-6
        dropped += len(low) - len(which)
    assert dropped > 50  # the test has teeth: many shadows were left out
