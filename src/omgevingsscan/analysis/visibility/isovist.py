"""The exact 2D isovist: an angular sweep over wall segments, compiled with numba.

Method
------
Walls within the radius are taken from the :class:`VisibilityIndex`. Walls whose back
faces the origin are dropped (a ray leaving the origin always meets a front face of
an obstacle first). Walls crossing the radius polygon are clipped to it, and the
polygon's own edges are added as walls, so every ray ends somewhere. Walls hidden
everywhere by nearer ones are dropped by a cheap conservative test.

The angles of all wall end points, sorted, cut the full turn into elementary
intervals. No wall starts or ends inside an interval and walls do not cross, so one
wall is nearest along the whole of each interval: the one nearest along the
interval's middle ray. The polygon's vertices are the end points of the winning walls
and the points where the interval rays meet them. The answer is exact up to floating
point; only the radius circle is replaced by a regular polygon whose edges lie at
most 1 cm inside it.

The work is about (number of end points) x (walls a ray crosses within the radius),
in one compiled call (:mod:`.isovist_kernel`); numba is imported on the first query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from omgevingsscan.analysis.visibility.index import (
    CIRCLE_TOLERANCE_M,
    FloatArray,
    IntArray,
    VisibilityIndex,
    _circle_count,
)
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.settings import MAX_RADIUS_M


@dataclass
class Isovist:
    """The result of :func:`isovist_ex`.

    Attributes
    ----------
    polygon
        The visible area (metres, the index's CRS).
    origin
        The observer's position ``(x, y)``.
    radius
        Radius in metres.
    sector
        ``(direction_deg, angle_deg)`` (compass bearing, width) or None.
    view_deg
        Degrees of the horizon in which each building is the first thing seen,
        keyed by building index.
    pieces
        ``(m, 4)`` visible stretches of wall ``x0, y0, x1, y1``.
    piece_wall
        Index in ``index.walls`` of the wall each piece lies on.
    """

    polygon: Polygon
    origin: tuple[float, float]
    radius: float
    sector: tuple[float, float] | None = None
    view_deg: dict[int, float] = field(default_factory=dict)
    pieces: FloatArray = field(default_factory=lambda: np.empty((0, 4)))
    piece_wall: IntArray = field(default_factory=lambda: np.empty(0, dtype=np.int64))

    @property
    def visible_buildings(self) -> set[int]:
        """Indices of the buildings with at least one wall in view."""
        return set(self.view_deg)


def check_sector(sector: tuple[float, float] | None) -> tuple[float, float] | None:
    """Validate ``(direction_deg, angle_deg)``; return None for a full circle.

    Raises AnalysisInputError unless the angle lies in (0, 360] and both are finite.
    """
    if sector is None:
        return None
    direction, angle = (float(v) for v in sector)
    if not (math.isfinite(direction) and math.isfinite(angle)):
        raise AnalysisInputError(f"sector {sector!r} is not a pair of numbers")
    if not 0.0 < angle <= 360.0:
        raise AnalysisInputError(f"sector angle {angle:g}° is outside (0, 360]")
    if angle >= 360.0:
        return None
    return direction % 360.0, angle


def check_radius(radius: float, limit: float = MAX_RADIUS_M) -> float:
    """Return ``radius`` (metres) as float; raise AnalysisInputError unless 0 < r <= limit."""
    try:
        r = float(radius)
    except (TypeError, ValueError) as exc:
        raise AnalysisInputError(f"radius {radius!r} is not a number") from exc
    if not (math.isfinite(r) and 0.0 < r <= limit):
        raise AnalysisInputError(f"radius {r:g} m is out of range; allowed (0, {limit:g}] m")
    return r


def _sector_angles(sector: tuple[float, float]) -> tuple[float, float]:
    """Math angles (radians, in (-pi, pi]) of the clockwise-most and counter-clockwise-most
    edge of a compass sector."""
    direction, angle = sector
    centre = math.radians(90.0 - direction)
    half = math.radians(angle) / 2.0
    lo = math.atan2(math.sin(centre - half), math.cos(centre - half))
    hi = math.atan2(math.sin(centre + half), math.cos(centre + half))
    return lo, hi


#: Side (metres) of the cells of the wall grid (larger when the walls spread so far
#: that there would be more than ``GRID_MAX_CELLS`` cells).
GRID_CELL_M = 25.0
GRID_MAX_CELLS = 4_000_000


def _wall_grid(walls: np.ndarray, cell: float = GRID_CELL_M) -> tuple[np.ndarray, ...]:
    """A uniform grid of wall segments ``(n, 4)`` (metres) for the isovist kernel.

    Each wall is listed in every cell its bounding box overlaps (CSR layout). Returns
    ``(wall_cell, cell_start, cell_items, grid)``: the first cell ``(ix, iy)`` of each
    wall, the start of each cell's list in ``cell_items``, and ``(x0, y0, cell, nx,
    ny)``.
    """
    if len(walls) == 0:
        grid = np.array([0.0, 0.0, cell, 1.0, 1.0])
        empty = np.empty(0, dtype=np.int64)
        return np.empty((0, 2), dtype=np.int64), np.zeros(2, dtype=np.int64), empty, grid
    lo_x = np.minimum(walls[:, 0], walls[:, 2])
    lo_y = np.minimum(walls[:, 1], walls[:, 3])
    hi_x = np.maximum(walls[:, 0], walls[:, 2])
    hi_y = np.maximum(walls[:, 1], walls[:, 3])
    x0, y0 = float(lo_x.min()), float(lo_y.min())
    width, height = float(hi_x.max()) - x0, float(hi_y.max()) - y0
    while (width // cell + 1) * (height // cell + 1) > GRID_MAX_CELLS:
        cell *= 1.25
    nx = int((hi_x.max() - x0) // cell) + 1
    ny = int((hi_y.max() - y0) // cell) + 1

    def index(v: np.ndarray, v0: float, n: int) -> IntArray:
        return np.clip(np.floor((v - v0) / cell), 0, n - 1).astype(np.int64)

    ix0, iy0 = index(lo_x, x0, nx), index(lo_y, y0, ny)
    wx, wy = index(hi_x, x0, nx) - ix0 + 1, index(hi_y, y0, ny) - iy0 + 1
    count = wx * wy
    item = np.repeat(np.arange(len(walls)), count)
    k = np.arange(len(item)) - np.repeat(np.cumsum(count) - count, count)
    cid = (iy0[item] + k // wx[item]) * nx + ix0[item] + k % wx[item]
    order = np.argsort(cid, kind="stable")
    cell_start = np.searchsorted(cid[order], np.arange(nx * ny + 1)).astype(np.int64)
    grid = np.array([x0, y0, cell, float(nx), float(ny)])
    return np.column_stack([ix0, iy0]), cell_start, item[order].astype(np.int64), grid


@lru_cache(maxsize=256)
def _unit_circle(n: int) -> FloatArray:
    """The regular ``n``-gon of circumradius 1 (first vertex due east, counter-clockwise)
    as the kernel's ``(n, 4)`` table: vertex ``cos, sin`` and the outward normal of the
    wedge of the edge that starts there. The kernel scales it by the radius, exactly as
    :func:`.index.circle_polygon` does."""
    phi = np.arange(n) * (2.0 * np.pi / n)
    mid = (np.arange(n) + 0.5) * (2.0 * math.pi / n)
    table = np.column_stack([np.cos(phi), np.sin(phi), np.cos(mid), np.sin(mid)])
    table.flags.writeable = False
    return table


def _grid(index: VisibilityIndex) -> tuple[np.ndarray, ...]:
    """The wall grid of ``index`` for the kernel, built on first use and kept on it."""
    grid = index.__dict__.get("_isovist_grid")
    if grid is None:
        grid = index.__dict__.setdefault("_isovist_grid", _wall_grid(index.walls))
    return grid


def isovist_ex(
    index: VisibilityIndex,
    origin: tuple[float, float] | Point,
    radius: float,
    *,
    sector: tuple[float, float] | None = None,
    check: bool = True,
) -> Isovist:
    """Compute the exact isovist and which buildings bound it.

    Parameters
    ----------
    index
        Obstacles prepared with :class:`VisibilityIndex`.
    origin
        Observer position, metres in the index's CRS.
    radius
        Visibility radius in metres (0 < radius <= 3000); the result is clipped to a
        regular polygon within 1 cm of this circle.
    sector
        ``(direction_deg, angle_deg)``: compass bearing of the centre of view (0 =
        north, clockwise) and the full opening angle in (0, 360].
    check
        Check that the origin lies in open space (leave True unless already checked).

    Returns
    -------
    Isovist

    Raises
    ------
    AnalysisInputError
        Origin inside a building or on a wall; radius or sector out of range.
    """
    ox, oy = (
        (origin.x, origin.y) if isinstance(origin, Point) else (float(origin[0]), float(origin[1]))
    )
    radius = check_radius(radius)
    sector = check_sector(sector)
    if check:
        index.check_free(ox, oy)
    from omgevingsscan.analysis.visibility.isovist_kernel import isovist_kernel

    lo, hi = _sector_angles(sector) if sector is not None else (0.0, 0.0)
    query = (ox, oy, radius, sector is not None, lo, hi)
    ring, pieces, piece_wall, view = isovist_kernel(
        index.walls,
        index.wall_owner,
        _grid(index),
        _unit_circle(_circle_count(radius, CIRCLE_TOLERANCE_M)),
        query,
    )
    polygon = shapely.polygons(ring)
    if not polygon.is_valid:
        # A zero-area spike where a wall's end meets the radius polygon (found by the
        # property test): keep the largest polygon of the repaired ring.
        parts = shapely.get_parts(shapely.get_parts(shapely.make_valid(polygon)))
        parts = parts[shapely.get_type_id(parts) == 3]  # polygons only
        polygon = max(parts, key=lambda g: g.area, default=Polygon())
    seen = np.flatnonzero(view)
    view_deg = dict(zip(seen.tolist(), np.degrees(view[seen]).tolist()))
    return Isovist(polygon, (ox, oy), radius, sector, view_deg, pieces, piece_wall)
