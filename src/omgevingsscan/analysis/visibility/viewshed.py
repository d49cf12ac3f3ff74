"""The 2.5D viewshed of an elevated observer: visible ground and visible roofs.

Model
-----
Flat ground; each building a prism from the ground to its ``height`` with a flat
roof; the eye at ``observer_height`` metres above the ground at ``origin``.

Method (exact, polygonal; no raster and no sampled rays)
-------------------------------------------------------
- Buildings at least as high as the eye block everything behind them, as in 2D. The
  exact 2D isovist among those buildings (:func:`isovist_ex`) bounds what can be seen.
- A lower building ``b`` of height ``H`` hides the ground points ``lambda * x`` (origin
  at the eye's foot) for ``x`` in its footprint and ``1 <= lambda < k``, with
  ``k = h / (h - H)``: the sight line to such a point passes through ``b`` below its
  roof. This shadow is the footprint plus one quadrilateral per wall facing away from
  the eye, from the wall to the wall scaled by ``k`` about the eye (built as one
  polygon per building, :mod:`.shadows`). The visible ground is the isovist minus
  the union of these shadows. A building wholly hidden behind higher ones nearer the
  eye casts no shadow outside theirs and is left out of the union (an exact test,
  :mod:`.cover`); adjoining buildings of one height cast one shadow together
  (:mod:`.blocks`); the shadows are unioned pairwise in order of bearing.
- A roof at height ``H`` is hidden where it lies in the shadow, cast on the plane at
  height ``H``, of a building higher than ``H`` (scale ``(h - H) / (h - H_c)``), or
  outside the isovist of the buildings at least as high as the eye.

The answer is exact up to floating point, except that the radius circle is a regular
polygon within 1 cm of it and footprints are grown by half the index's ``gap``
(2.5 cm) so adjoining buildings leave no slits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.blocks import shadow_pieces
from omgevingsscan.analysis.visibility.index import IntArray, VisibilityIndex
from omgevingsscan.analysis.visibility.isovist import check_radius, check_sector, isovist_ex
from omgevingsscan.analysis.visibility.shadows import shadow_quads, shadows, union_tree
from omgevingsscan.errors import AnalysisInputError


@dataclass
class Viewshed25D:
    """The result of :func:`viewshed_25d` (metres, the index's CRS).

    Attributes
    ----------
    ground
        Ground (outside buildings) visible from the eye.
    roofs
        Visible part of each lower building's roof, keyed by building index.
    isovist
        The 2D isovist among buildings at least as high as the eye.
    origin, observer_height, radius, sector
        The question asked.
    blocking
        Indices of the buildings at least as high as the eye that bound the view.
    """

    ground: BaseGeometry
    roofs: dict[int, BaseGeometry]
    isovist: Polygon
    origin: tuple[float, float]
    observer_height: float
    radius: float
    sector: tuple[float, float] | None = None
    blocking: list[int] = field(default_factory=list)

    @property
    def roof_area(self) -> float:
        """Total visible roof area, m²."""
        return float(sum(g.area for g in self.roofs.values()))


def _near(index: VisibilityIndex, region: BaseGeometry) -> IntArray:
    return np.asarray(index._grown_tree.query(region, predicate="intersects"), dtype=np.int64)


def viewshed_25d(
    index: VisibilityIndex,
    origin: tuple[float, float] | Point,
    observer_height: float,
    radius: float,
    *,
    sector: tuple[float, float] | None = None,
    roofs: bool = True,
    target_height: float = 0.0,
    within: Polygon | None = None,
) -> Viewshed25D:
    """Compute the ground and roofs visible from an eye ``observer_height`` m up.

    Parameters
    ----------
    index
        Buildings with heights (metres), from :class:`VisibilityIndex`.
    origin
        The eye's foot, metres in the index's CRS. It may lie on a building lower than
        the eye (an observer on a roof), not in one as high as the eye.
    observer_height
        Eye height in metres above ground (> 0).
    radius
        Metres (0 < radius <= 3000).
    sector
        ``(direction_deg, angle_deg)``: compass bearing of the centre of view and the
        opening angle in (0, 360].
    roofs
        Also compute the visible roofs of buildings lower than the eye and higher
        than ``target_height`` (costs more when many heights differ).
    target_height
        Height in metres of the points looked at (0: the ground itself; 1.6: the
        eyes of people standing there, who would see the observer in turn). Buildings
        no higher than this do not block, but their footprints are not ground.
    within
        Only the answer inside this convex polygon around the origin is wanted (the
        study area, say): buildings outside it are skipped (their shadows fall
        outside it too) and the result is clipped to it.

    Returns
    -------
    Viewshed25D

    Raises
    ------
    AnalysisInputError
        Origin inside a building at least as high as the eye; bad height, radius or
        sector.
    """
    ox, oy = (
        (origin.x, origin.y) if isinstance(origin, Point) else (float(origin[0]), float(origin[1]))
    )
    h0 = float(observer_height)
    g = float(target_height)
    if not (math.isfinite(h0) and h0 > 0):
        raise AnalysisInputError(f"observer height {observer_height!r} must be a number > 0 m")
    if not (math.isfinite(g) and 0 <= g < h0):
        raise AnalysisInputError(
            f"target height {target_height!r} must be >= 0 m and below the eye ({h0:g} m)"
        )
    radius = check_radius(radius)
    sector = check_sector(sector)
    tall = index.heights >= h0
    host = index.containing_building(ox, oy)
    if host is not None and tall[host]:
        raise AnalysisInputError(
            f"point ({ox:.2f}, {oy:.2f}) lies inside {index.describe(host)}, "
            f"{index.heights[host]:.1f} m high, not below the eye at {h0:.1f} m; for a "
            "view from a window, place the point just outside the façade"
        )
    sub, parent = index.subset(tall)
    iso = isovist_ex(sub, (ox, oy), radius, sector=sector)
    area = iso.polygon if within is None else iso.polygon.intersection(within)
    blocking = sorted(int(parent[i]) for i in iso.view_deg)

    near = _near(index, area)
    low = near[~tall[near] & (index.heights[near] > g)]
    flat = near[index.heights[near] <= g]  # too low to block, but not ground either
    if len(low) == 0 and len(flat) == 0:
        return Viewshed25D(area, {}, iso.polygon, (ox, oy), h0, radius, sector, blocking)
    shadow = union_tree(shadow_pieces(index, low, (ox, oy), h0, g, flat))
    ground = area.difference(shadow)

    roof_parts: dict[int, BaseGeometry] = {}
    if roofs:
        roof_parts = _visible_roofs(index, low, (ox, oy), h0, area)
    return Viewshed25D(ground, roof_parts, iso.polygon, (ox, oy), h0, radius, sector, blocking)


def _visible_roofs(
    index: VisibilityIndex,
    low: IntArray,
    origin: tuple[float, float],
    h0: float,
    area: Polygon,
) -> dict[int, BaseGeometry]:
    """Visible roof of each building in ``low`` (all lower than the eye ``h0``)."""
    out: dict[int, BaseGeometry] = {}
    heights = index.heights[low]
    roofs_all = shapely.intersection(index.footprints[low], area)
    for level in np.unique(heights):
        here = low[heights == level]
        roof_here = roofs_all[heights == level]
        higher = low[heights > level]
        if len(higher):
            k = (h0 - level) / (h0 - index.heights[higher])
            quads, _ = shadow_quads(index, higher, origin, k)
            shades = np.concatenate([quads, index.grown[higher]])
            tree = shapely.STRtree(shades)
            r_idx, s_idx = tree.query(roof_here, predicate="intersects")
        else:
            shades, r_idx, s_idx = np.empty(0, dtype=object), np.empty(0, int), np.empty(0, int)
        for j, b in enumerate(here):
            roof = roof_here[j]
            if roof is None or roof.is_empty:
                continue
            hit = s_idx[r_idx == j]
            if len(hit):  # pairwise: GEOS's union_all lost parts of such long quads once
                roof = roof.difference(union_tree(shades[hit]))
            if not roof.is_empty and roof.area > 1e-6:
                out[int(b)] = roof
    return out


__all__ = ["Viewshed25D", "shadow_quads", "shadows", "viewshed_25d"]
