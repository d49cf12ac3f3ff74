"""The optimised exposure equals the plain method on a small real scene.

The reference below is the method as the exposure docstring states it, written the
straightforward way: every eye-level isovist and every upper-façade view (isovist
minus the union of every lower building's footprint-plus-quads shadow, no shadow left
out, no ordering) unioned with ``shapely.union_all``. Pruning, ordering or caching in
the fast code must not change the region.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
import shapely
from shapely.geometry import Point

from omgevingsscan.analysis.visibility import VisibilityIndex, exposure, isovist_ex
from omgevingsscan.analysis.visibility.facade import (
    CLEARANCE_M,
    _cover_radius,
    facade_samples,
    site_buildings,
)
from omgevingsscan.analysis.visibility.shadows import shadow_quads
from omgevingsscan.errors import ImportCancelled
from omgevingsscan.settings import EYE_HEIGHT_M


def _plain_view(index: VisibilityIndex, p: np.ndarray, h0: float, r: float, hull, g: float):  # type: ignore[no-untyped-def]
    """Ground at height ``g`` seen from ``p`` at ``h0``: the isovist among buildings at
    least ``h0`` high minus the shadow of every lower building that meets it."""
    tall = index.heights >= h0
    sub, _ = index.subset(tall)
    area = isovist_ex(sub, (p[0], p[1]), r).polygon.intersection(hull)
    near = np.asarray(index._grown_tree.query(area, predicate="intersects"), dtype=np.int64)
    low = near[~tall[near] & (index.heights[near] > g)]
    flat = near[index.heights[near] <= g]
    pieces = list(index.footprints[flat])
    for b in low:
        k = (h0 - g) / (h0 - index.heights[b])
        quads, _ = shadow_quads(index, np.array([b]), (p[0], p[1]), np.array([k]))
        pieces += [*quads, index.grown[b]]
    return area.difference(shapely.union_all(pieces)) if pieces else area


@pytest.fixture(scope="module")
def near_site(demo_scan):  # type: ignore[no-untyped-def]
    """The demo buildings within 160 m of the town hall, and a 110 m study area."""
    frame = demo_scan.frame("buildings")
    site = demo_scan.site.point
    small = frame[frame.geometry.distance(site) < 160].reset_index(drop=True)
    return VisibilityIndex(small), site, site.buffer(110.0)


def test_exposure_equals_the_plain_method(near_site) -> None:  # type: ignore[no-untyped-def]
    index, site, study = near_site
    spacing, top_spacing, eye = 2.0, 4.0, EYE_HEIGHT_M
    fast = exposure(index, site, study, spacing=spacing, top_spacing=top_spacing)

    (b,) = site_buildings(index, site)
    z_top = float(index.heights[b])
    walls = index.walls[index.wall_owner == b]
    eye_pts = facade_samples(walls, spacing)
    eye_pts = eye_pts[index.free_mask(eye_pts, CLEARANCE_M)]
    top_pts = facade_samples(walls, top_spacing)
    top_pts = top_pts[index.free_mask(top_pts, CLEARANCE_M)]
    assert fast.samples == (len(eye_pts), len(top_pts))
    is_site = np.zeros(len(index), dtype=bool)
    is_site[b] = True
    eye_index, _ = index.subset((index.heights > eye) | is_site)
    isovists = [
        isovist_ex(eye_index, p, r, check=False).polygon
        for p, r in zip(eye_pts, _cover_radius(eye_pts, study))
    ]
    plain_eye = shapely.union_all(isovists).intersection(study)
    hull = study.convex_hull
    tops = []
    for p, r in zip(top_pts, _cover_radius(top_pts, study)):
        if index.containing_building(p[0], p[1]) is None:
            tops.append(_plain_view(index, p, z_top, r, hull, eye))
    plain = shapely.union_all([plain_eye, *tops]).intersection(study)

    # The upper façade adds ground over the lower roofs, so both parts are exercised.
    assert z_top > eye and len(tops) > 20
    assert plain.area > plain_eye.area + 500.0
    assert fast.ground_eye.symmetric_difference(plain_eye).area < 1e-6
    assert fast.visible.symmetric_difference(plain).area < 1e-6
    assert fast.ground.symmetric_difference(plain).area < 1e-6
    assert Point(site.x, site.y).distance(fast.ground) < 30.0


def test_exposure_cancel_stops_during_the_views(near_site) -> None:  # type: ignore[no-untyped-def]
    """Cancel during the threaded views stops at the next report, without waiting."""
    index, site, study = near_site
    seen: list[float] = []
    flipped: list[float] = []

    def progress(fraction: float, _message: str) -> None:
        seen.append(fraction)
        if fraction >= 0.55 and not flipped:
            flipped.append(time.perf_counter())

    with pytest.raises(ImportCancelled):
        exposure(
            index, site, study, spacing=2.0, progress=progress, cancelled=lambda: bool(flipped)
        )
    assert flipped and 0.55 <= max(seen) < 0.75  # it stopped among the upper-façade views
    assert time.perf_counter() - flipped[0] < 5.0  # about a second; generous on a busy box
