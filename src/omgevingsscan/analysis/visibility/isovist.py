"""The exact 2D isovist: a vectorised angular sweep over wall segments.

Method
------
Walls within the radius are taken from the :class:`VisibilityIndex`. Walls whose back
faces the origin are dropped (a ray leaving the origin always meets a front face of
an obstacle first). Walls crossing the radius polygon are clipped to it, and the
polygon's own edges are added as walls, so every ray ends somewhere.

The angles of all wall end points, sorted, cut the full turn into elementary
intervals. No wall starts or ends inside an interval and walls do not cross, so one
wall is nearest along the whole of each interval. That wall is found with numpy: each
wall is paired with every interval its angular span covers, its distance along the
interval's middle ray is computed, and the minimum per interval wins. The polygon's
vertices are the end points of the winning walls and the points where the interval
rays meet them. The answer is exact up to floating point; only the radius circle is
replaced by a regular polygon whose edges lie at most 1 cm inside it.

The work is about (number of end points) x (walls a ray crosses within the radius),
all in numpy, with no per-ray loop in Python.
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
    _circle_xy,
)
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.settings import MAX_RADIUS_M

_TWO_PI = 2.0 * math.pi
#: Angular bins of the occlusion pre-test (see :func:`_cull`).
_CULL_BINS = 512


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


@lru_cache(maxsize=16)
def _circle_walls(radius: float) -> FloatArray:
    """Origin-relative edges ``(n, 4)`` of the radius polygon, counter-clockwise."""
    cx, cy = _circle_xy(radius, CIRCLE_TOLERANCE_M)
    walls = np.column_stack([cx, cy, np.roll(cx, -1), np.roll(cy, -1)])
    walls.flags.writeable = False
    return walls


def _clip_to_polygon(seg: FloatArray, radius: float, n_circle: int) -> FloatArray:
    """Clip origin-relative counter-clockwise segments ``(n, 4)`` to the regular
    ``n_circle``-gon of circumradius ``radius`` (first vertex due east).

    Inside the wedge of polygon edge ``j`` the polygon is the half-plane
    ``n_j . p <= apothem``, so each segment is only tested against the edges whose
    wedges its angular span meets. Segments entirely outside get NaN.
    """
    apothem = radius * math.cos(math.pi / n_circle)
    ax, ay, bx, by = seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3]
    far = np.flatnonzero(np.maximum(ax * ax + ay * ay, bx * bx + by * by) > apothem * apothem)
    if len(far) == 0:
        return seg
    step = _TWO_PI / n_circle
    s = seg[far]
    j0 = np.floor(np.arctan2(s[:, 1], s[:, 0]) / step).astype(np.int64) % n_circle
    j1 = np.floor(np.arctan2(s[:, 3], s[:, 2]) / step).astype(np.int64) % n_circle
    count = (j1 - j0) % n_circle + 1
    which = np.repeat(np.arange(len(s)), count)
    j = (np.arange(len(which)) - np.repeat(np.cumsum(count) - count - j0, count)) % n_circle
    phi = (j + 0.5) * step
    nx, ny = np.cos(phi), np.sin(phi)
    sx, sy = s[which, 0], s[which, 1]
    dx, dy = s[which, 2] - sx, s[which, 3] - sy
    na = sx * nx + sy * ny - apothem  # <= 0 inside
    nd = dx * nx + dy * ny
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t = -na / nd
    t0 = np.zeros(len(s))
    t1 = np.ones(len(s))
    np.maximum.at(t0, which, np.where(nd < 0, t, 0.0))
    np.minimum.at(t1, which, np.where(nd > 0, t, 1.0))
    parallel_out = np.zeros(len(s), dtype=bool)
    np.logical_or.at(parallel_out, which, (nd == 0) & (na > 0))
    outside = (t0 >= t1) | parallel_out
    dxs, dys = s[:, 2] - s[:, 0], s[:, 3] - s[:, 1]
    clipped = np.column_stack(
        [s[:, 0] + t0 * dxs, s[:, 1] + t0 * dys, s[:, 0] + t1 * dxs, s[:, 1] + t1 * dys]
    )
    # Keep exact end points where no clipping happened.
    clipped[t0 == 0.0, 0:2] = s[t0 == 0.0, 0:2]
    clipped[t1 == 1.0, 2:4] = s[t1 == 1.0, 2:4]
    clipped[outside] = np.nan
    out = seg.copy()
    out[far] = clipped
    return out


def _candidate_walls(
    index: VisibilityIndex, ox: float, oy: float, radius: float
) -> tuple[FloatArray, IntArray, FloatArray]:
    """Front-facing walls within ``radius``, origin-relative, oriented counter-clockwise,
    their indices in ``index.walls`` and their distances from the origin."""
    ids = index.walls_near(ox, oy, radius)
    w = index.walls[ids]
    ax, ay = w[:, 0] - ox, w[:, 1] - oy
    bx, by = w[:, 2] - ox, w[:, 3] - oy
    cab = ax * by - ay * bx
    front = cab < 0.0  # obstacle on the left, origin on the right
    # Nearest distance from the origin to each wall, to drop walls beyond the radius.
    dx, dy = bx - ax, by - ay
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t = np.clip(-(ax * dx + ay * dy) / (dx * dx + dy * dy), 0.0, 1.0)
    near2 = (ax + t * dx) ** 2 + (ay + t * dy) ** 2
    keep = front & (near2 <= radius * radius)
    # Reverse so each wall runs counter-clockwise as seen from the origin.
    seg = np.column_stack([bx[keep], by[keep], ax[keep], ay[keep]])
    return seg, ids[keep], np.sqrt(near2[keep])


def _cull(seg: FloatArray, ta: FloatArray, tb: FloatArray, near: FloatArray) -> np.ndarray:
    """Mask of the walls that may be visible (a cheap, conservative occlusion test).

    The full turn is cut into ``_CULL_BINS`` equal bins. A wall spanning a whole bin
    bounds the visible distance in it by the wall's farthest end point. A wall nearer
    than none of the bounds of the bins it touches is hidden everywhere and dropped;
    dropping it cannot change the isovist.
    """
    ax, ay, bx, by = seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3]
    nb = _CULL_BINS
    ba = np.floor((ta + math.pi) * (nb / _TWO_PI)).astype(np.int64) % nb
    bb = np.floor((tb + math.pi) * (nb / _TWO_PI)).astype(np.int64) % nb
    span = bb - ba
    span[span < 0] += nb
    count = span + 1
    wall = np.repeat(np.arange(len(seg)), count)
    first = np.cumsum(count) - count
    off = np.arange(len(wall)) - np.repeat(first, count)
    b = ba[wall] + off
    b[b >= nb] -= nb
    full = (off > 0) & (off < span[wall])
    far = np.sqrt(np.maximum(ax * ax + ay * ay, bx * bx + by * by))
    bound = np.full(nb, np.inf)
    np.minimum.at(bound, b[full], far[wall[full]])
    return near <= np.maximum.reduceat(bound[b], first)


@dataclass
class _Runs:
    """Maximal runs of intervals with the same nearest wall, counter-clockwise."""

    start: FloatArray  # (m, 2) origin-relative first point of each run
    end: FloatArray  # (m, 2) last point
    wall: IntArray  # (m,) winning segment (index into the sweep's input)
    width: FloatArray  # (m,) angular width, radians


def _sweep(
    seg: FloatArray, ta: FloatArray, tb: FloatArray, sector: tuple[float, float] | None
) -> _Runs:
    """Run the sweep on origin-relative counter-clockwise segments ``(n, 4)`` whose end
    points lie at angles ``ta`` and ``tb`` (``arctan2``).

    The segments must not cross and must close every direction (the radius polygon
    does). Returns the runs of the visible boundary in counter-clockwise order,
    starting at the sector's clockwise edge when there is a sector.
    """
    ax, ay, bx, by = seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3]
    if sector is None:
        events = np.unique(np.concatenate((ta, tb)))
    else:
        lo, hi = _sector_angles(sector)
        events = np.unique(np.concatenate((ta, tb, (lo, hi))))
    n_ev = len(events)
    js = np.searchsorted(events, ta)
    je = np.searchsorted(events, tb)
    count = je - js
    count[count < 0] += n_ev
    nxt = np.empty(n_ev)
    nxt[:-1] = events[1:]
    nxt[-1] = events[0] + _TWO_PI
    mid = (events + nxt) * 0.5
    ux, uy = np.cos(mid), np.sin(mid)

    # Pair every wall with every interval its angular span covers; the nearest wall
    # along an interval's middle ray is nearest along the whole interval.
    wall = np.repeat(np.arange(len(seg)), count)
    iv = np.arange(len(wall)) - np.repeat(np.cumsum(count) - count - js, count)
    iv[iv >= n_ev] -= n_ev
    dx, dy = bx - ax, by - ay
    cab = ax * by - ay * bx
    dist = cab[wall] / (ux[iv] * dy[wall] - uy[iv] * dx[wall])
    best = np.full(n_ev, np.inf)
    np.minimum.at(best, iv, dist)
    winner = np.full(n_ev, -1, dtype=np.int64)
    hit = dist == best[iv]
    winner[iv[hit]] = wall[hit]

    # Intervals in drawing order, cut into runs with the same winning wall.
    if sector is None:
        order = np.arange(n_ev)
    else:
        k0 = int(np.searchsorted(events, lo))
        k1 = int(np.searchsorted(events, hi))
        order = (k0 + np.arange((k1 - k0) % n_ev or n_ev)) % n_ev
    w = winner[order]
    if (w < 0).any():  # cannot happen: the radius polygon closes every direction
        raise AssertionError("isovist sweep left a direction without a wall")
    change = w[1:] != w[:-1]
    first = np.flatnonzero(np.concatenate(([True], change)))
    last = np.flatnonzero(np.concatenate((change, [True])))
    if sector is None and len(first) > 1 and w[0] == w[-1]:
        # The run through angle pi wraps around: merge its two halves.
        first = first[1:]
        last = np.concatenate((last[1:-1], last[:1]))
    k_s = order[first]
    k_e = order[last] + 1
    k_e[k_e == n_ev] = 0
    w_run = w[first]

    def on_wall(k: IntArray) -> FloatArray:
        c, s_ = np.cos(events[k]), np.sin(events[k])
        t = cab[w_run] / (c * dy[w_run] - s_ * dx[w_run])
        return np.column_stack((t * c, t * s_))

    p_s = on_wall(k_s)
    p_e = on_wall(k_e)
    # Use the exact wall end points where a run starts or ends at one.
    ex = js[w_run] == k_s
    p_s[ex] = seg[w_run[ex], 0:2]
    ex = je[w_run] == k_e
    p_e[ex] = seg[w_run[ex], 2:4]
    width = (events[k_e] - events[k_s]) % _TWO_PI
    if sector is None and len(first) == 1:
        width[:] = _TWO_PI
    return _Runs(p_s, p_e, w_run, width)


def _ring(runs: _Runs, sector: bool) -> FloatArray:
    """Polygon vertices (origin-relative) from the runs, without repeated points."""
    pts = np.empty((2 * len(runs.wall) + sector, 2))
    if sector:
        pts[0] = 0.0
    pts[sector::2] = runs.start
    pts[sector + 1 :: 2] = runs.end
    keep = np.ones(len(pts), dtype=bool)
    keep[1:] = (pts[1:, 0] != pts[:-1, 0]) | (pts[1:, 1] != pts[:-1, 1])
    if len(pts) > 1 and pts[0, 0] == pts[-1, 0] and pts[0, 1] == pts[-1, 1]:
        keep[-1] = False
    return pts[keep]


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
    seg, wall_id, near = _candidate_walls(index, ox, oy, radius)
    circle = _circle_walls(radius)
    if len(seg):
        seg = _clip_to_polygon(seg, radius, len(circle))
        ok = ~np.isnan(seg[:, 0])
        seg, wall_id, near = seg[ok], wall_id[ok], near[ok]
    seg = np.vstack([seg, circle])
    wall_id = np.concatenate([wall_id, np.full(len(circle), -1, dtype=np.int64)])
    near = np.concatenate([near, np.full(len(circle), radius * math.cos(math.pi / len(circle)))])
    ta = np.arctan2(seg[:, 1], seg[:, 0])
    tb = np.arctan2(seg[:, 3], seg[:, 2])
    keep = _cull(seg, ta, tb, near)
    seg, wall_id, ta, tb = seg[keep], wall_id[keep], ta[keep], tb[keep]
    runs = _sweep(seg, ta, tb, sector)
    off = np.array([ox, oy])
    pts = _ring(runs, sector is not None) + off
    polygon = shapely.polygons(pts)
    if not polygon.is_valid:  # defensive: never seen on real data
        polygon = shapely.make_valid(polygon)
        polygon = max(shapely.get_parts(polygon), key=lambda g: g.area, default=Polygon())
    walls = wall_id[runs.wall]
    owners = np.full(len(walls), -1, dtype=np.int64)
    if len(index.wall_owner):  # an index without buildings: only the circle bounds the view
        owners = np.where(walls >= 0, index.wall_owner[np.maximum(walls, 0)], -1)
    seen = owners >= 0
    view_deg: dict[int, float] = {}
    if seen.any():
        view = np.bincount(owners[seen], weights=runs.width[seen])
        nz = np.flatnonzero(view)
        view_deg = dict(zip(nz.tolist(), np.degrees(view[nz]).tolist()))
    pieces = np.column_stack([runs.start + off, runs.end + off])
    return Isovist(polygon, (ox, oy), radius, sector, view_deg, pieces[seen], walls[seen])
