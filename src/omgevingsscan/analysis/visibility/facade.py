"""The site's façade: which buildings make up the site, and sample points in front of
its walls (metres, the index's CRS). Used by :mod:`.exposure`."""

from __future__ import annotations

import numpy as np
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.index import FloatArray, IntArray, VisibilityIndex
from omgevingsscan.settings import MAX_RADIUS_M

#: Samples stand this far (metres) in front of the wall they sample.
FACADE_OFFSET_M: float = 0.05
#: Samples closer than this to any wall (at a corner) are dropped, metres.
CLEARANCE_M: float = 0.9 * FACADE_OFFSET_M


def site_buildings(index: VisibilityIndex, site: BaseGeometry) -> list[int]:
    """Indices of the buildings that make up the site.

    A point gives the building containing it (none when it lies in open space); a
    polygon gives every building overlapping it by more than 1 m² (or half its area).
    """
    if isinstance(site, Point):
        host = index.containing_building(site.x, site.y)
        return [] if host is None else [host]
    hits = index._footprint_tree.query(site, predicate="intersects")
    out = []
    for h in hits:
        fp = index.footprints[h]
        shared = fp.intersection(site).area
        if shared > 1.0 or shared > 0.5 * fp.area:
            out.append(int(h))
    return sorted(out)


def _normals(walls: FloatArray) -> FloatArray:
    """Unit normals pointing out of the obstacle (to the right of each wall)."""
    dx, dy = walls[:, 2] - walls[:, 0], walls[:, 3] - walls[:, 1]
    length = np.hypot(dx, dy)
    return np.column_stack([dy / length, -dx / length])


def _samples_per_wall(walls: FloatArray, spacing: float) -> IntArray:
    length = np.hypot(walls[:, 2] - walls[:, 0], walls[:, 3] - walls[:, 1])
    return np.maximum(np.ceil(length / spacing).astype(np.int64), 1) + 1


def facade_samples(
    walls: FloatArray, spacing: float, offset: float = FACADE_OFFSET_M, *, dedupe: bool = True
) -> FloatArray:
    """Points at most ``spacing`` metres apart ``offset`` metres in front of each wall
    ``(n, 4)`` (obstacle on the left). The end samples sit ``offset`` metres in from the
    wall's ends, clear of the neighbouring wall at a corner. With ``dedupe`` repeated
    points are dropped, else each wall gives ``ceil(length / spacing) + 1``.
    """
    if len(walls) == 0:
        return np.empty((0, 2))
    dx, dy = walls[:, 2] - walls[:, 0], walls[:, 3] - walls[:, 1]
    length = np.hypot(dx, dy)
    count = _samples_per_wall(walls, spacing)
    w = np.repeat(np.arange(len(walls)), count)
    k = np.arange(len(w)) - np.repeat(np.cumsum(count) - count, count)
    inset = np.minimum(offset / length, 0.5)[w]
    t = inset + (1.0 - 2.0 * inset) * k / (count[w] - 1)
    nrm = _normals(walls)[w]
    xy = np.column_stack(
        [walls[w, 0] + t * dx[w] + offset * nrm[:, 0], walls[w, 1] + t * dy[w] + offset * nrm[:, 1]]
    )
    return np.unique(np.round(xy, 9), axis=0) if dedupe else xy


def along_facade(walls: FloatArray, spacing: float, offset: float = FACADE_OFFSET_M) -> IntArray:
    """Rank of each point of ``facade_samples(walls, spacing, offset)`` along the walls
    (in their order): neighbours on the façade get neighbouring ranks."""
    if len(walls) == 0:
        return np.empty(0, dtype=np.int64)
    raw = np.round(facade_samples(walls, spacing, offset, dedupe=False), 9)
    _, first = np.unique(raw, axis=0, return_index=True)
    return np.argsort(np.argsort(first, kind="stable"), kind="stable").astype(np.int64)


def _cover_radius(xy: FloatArray, study_area: Polygon) -> FloatArray:
    """Radius from each point reaching the whole study area (capped at the maximum):
    the distance to its farthest vertex, plus the radius polygon's 1 cm and a margin."""
    hull = np.asarray(study_area.convex_hull.exterior.coords)
    far = np.max(
        np.hypot(xy[:, None, 0] - hull[None, :, 0], xy[:, None, 1] - hull[None, :, 1]), axis=1
    )
    return np.minimum(far + 0.1, MAX_RADIUS_M)
