"""2.5D line of sight between two points with heights, among buildings of known height.

Model: flat ground; each building a prism from the ground to its ``height`` (metres)
with a flat roof; heights of the end points are metres above the ground. The sight
line is the straight 3D segment between the two eyes. Its height changes linearly,
so inside a building it is lowest where it crosses the building's outline. The test
is therefore exact: the line is blocked when, at any crossing of a building's
outline, it runs below that building's height.

An end point inside a building is taken as a window of that building: the line is
not tested where it leaves that building for the first time (from that end). Heights
equal to a roof (within 1 nm) graze it and count as visible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import ArrayLike

from omgevingsscan.analysis.visibility.index import (
    BuildingInfo,
    FloatArray,
    IntArray,
    VisibilityIndex,
)
from omgevingsscan.errors import AnalysisInputError

_GRAZE = 1e-9


@dataclass(frozen=True)
class LineOfSight:
    """The answer of :func:`line_of_sight`. Distances in metres, heights in metres
    above ground, coordinates in the index's CRS.

    Attributes
    ----------
    visible
        True when nothing blocks the line.
    a, b
        The end points ``(x, y, z)``.
    distance
        Horizontal distance from a to b.
    bearing
        Compass bearing from a to b in degrees (0 = north, clockwise).
    obstruction
        ``(x, y, z)`` where the line first enters a building, going from a, or None.
    obstruction_distance
        Horizontal distance from a to the obstruction, or None.
    blocker
        The first blocking building, or None.
    """

    visible: bool
    a: tuple[float, float, float]
    b: tuple[float, float, float]
    distance: float
    bearing: float
    obstruction: tuple[float, float, float] | None = None
    obstruction_distance: float | None = None
    blocker: BuildingInfo | None = None

    def describe(self) -> str:
        """One-line label: distance, bearing and what blocks the view."""
        head = f"{self.distance:.0f} m, bearing {self.bearing:.0f}°"
        if self.visible or self.blocker is None or self.obstruction is None:
            return f"{head}: visible"
        who = self.blocker.osm_id or "a building"
        if self.blocker.name:
            who += f" ({self.blocker.name})"
        return (
            f"{head}: blocked after {self.obstruction_distance:.0f} m by {who}, "
            f"{self.blocker.height:.1f} m high, sight line at {self.obstruction[2]:.1f} m"
        )


@dataclass(frozen=True)
class LineOfSightBatch:
    """Vectorised answers of :func:`line_of_sight_many`, one row per pair.

    ``t`` is the fraction of the way from a to b where the line is first blocked (NaN
    when visible); ``blocker`` the building index (-1 when visible); ``obstruction`` an
    ``(n, 3)`` array of x, y, z (NaN when visible).
    """

    visible: np.ndarray
    t: FloatArray
    blocker: IntArray
    obstruction: FloatArray


def bearing_deg(dx: float, dy: float) -> float:
    """Compass bearing in degrees (0 = north, clockwise) of the vector ``(dx, dy)``."""
    return math.degrees(math.atan2(dx, dy)) % 360.0


def _wall_crossings(
    index: VisibilityIndex, a: FloatArray, b: FloatArray, *, from_start: bool
) -> tuple[np.ndarray, np.ndarray, FloatArray, FloatArray, np.ndarray]:
    """Where the segments ``a[i] → b[i]`` cross building walls (candidates from the grid).

    Returns ``(pair, edge, t, denom, hit)`` over the candidate (segment, wall) pairs:
    ``t`` is the fraction along the segment, ``denom`` the cross product whose sign
    tells entering from leaving, and ``hit`` marks real crossings (``t`` in [0, 1], or
    (0, 1] when ``from_start`` is False, and within the wall).
    """
    pair, edge = index.grid.candidates(a, b)
    e = index.edges[edge]
    px, py = a[pair, 0], a[pair, 1]
    rx, ry = b[pair, 0] - px, b[pair, 1] - py
    sx, sy = e[:, 2] - e[:, 0], e[:, 3] - e[:, 1]
    qx, qy = e[:, 0] - px, e[:, 1] - py
    denom = rx * sy - ry * sx
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t = (qx * sy - qy * sx) / denom
        u = (qx * ry - qy * rx) / denom
    after_start = t >= 0 if from_start else t > 0
    hit = (denom != 0) & after_start & (t <= 1) & (u >= 0) & (u <= 1)
    return pair, edge, t, denom, hit


def _as_xy(values: ArrayLike, name: str) -> FloatArray:
    arr = np.asarray(values, dtype=float).reshape(-1, 2)
    if not np.isfinite(arr).all():
        raise AnalysisInputError(f"{name}: coordinates must be finite numbers")
    return arr


def _as_heights(values: ArrayLike, n: int, name: str) -> FloatArray:
    arr = np.broadcast_to(np.asarray(values, dtype=float), (n,)).astype(float)
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise AnalysisInputError(f"{name}: heights must be finite and >= 0 m")
    return arr


def _window_mask(
    pair: IntArray, bld: IntArray, t: FloatArray, inside: tuple[IntArray, IntArray], last: bool
) -> np.ndarray:
    """Mark the first (``last=False``) or last crossing of each (pair, building) whose
    building contains that pair's end point."""
    mask = np.zeros(len(t), dtype=bool)
    if len(t) == 0 or len(inside[0]) == 0:
        return mask
    n_b = int(max(bld.max(), inside[1].max())) + 1
    key = pair * n_b + bld
    wanted = np.isin(key, inside[0] * n_b + inside[1])
    if not wanted.any():
        return mask
    idx = np.flatnonzero(wanted)
    tt = -t[idx] if last else t[idx]
    order = np.lexsort((tt, key[idx]))
    sk = key[idx][order]
    first = np.ones(len(sk), dtype=bool)
    first[1:] = sk[1:] != sk[:-1]
    # All crossings within a hair of the first one (a line through a vertex crosses two edges).
    best = np.repeat(tt[order][first], np.diff(np.append(np.flatnonzero(first), len(sk))))
    mask[idx[order]] = tt[order] <= best + 1e-12
    return mask


def _entry_before(pair: IntArray, bld: IntArray, t: FloatArray, which: IntArray) -> FloatArray:
    """For the crossings ``which`` (leaving a building), the ``t`` of the crossing of
    the same building just before it on the same line, or 0 when there is none."""
    order = np.lexsort((t, bld, pair))
    rank = np.empty(len(t), dtype=np.int64)
    rank[order] = np.arange(len(t))
    r = rank[which]
    prev = order[np.maximum(r - 1, 0)]
    same = (r > 0) & (pair[prev] == pair[which]) & (bld[prev] == bld[which])
    return np.where(same, t[prev], 0.0)


def check_pairs(
    a_xy: ArrayLike, b_xy: ArrayLike, a_height: ArrayLike, b_height: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Checked ``(n, 2)`` start and end points (metres, index CRS) and ``(n,)`` eye
    heights (metres above ground) for a batch of sight lines.

    Raises
    ------
    AnalysisInputError
        When the points or heights are malformed, or the two ends differ in number.
    """
    a = _as_xy(a_xy, "from")
    b = _as_xy(b_xy, "to")
    if len(a) != len(b):
        raise AnalysisInputError(f"{len(a)} start points but {len(b)} end points")
    n = len(a)
    return a, b, _as_heights(a_height, n, "from height"), _as_heights(b_height, n, "to height")


#: Batches of at least this many sight lines go to the compiled kernel
#: (:func:`.los_kernel.first_blocks`); smaller ones (the interactive sight-line tool)
#: stay in numpy and do not pay for importing numba.
KERNEL_MIN_LINES = 64


def _first_blocks_numpy(
    index: VisibilityIndex,
    a: FloatArray,
    ha: FloatArray,
    b: FloatArray,
    hb: FloatArray,
    inside_a: tuple[IntArray, IntArray],
    inside_b: tuple[IntArray, IntArray],
) -> tuple[FloatArray, IntArray]:
    """Vectorised numpy twin of :func:`.los_kernel.first_blocks`: for each line, the
    fraction ``t`` where it is first blocked (inf when visible) and the blocker (-1)."""
    n = len(a)
    pair, edge, t, denom, hit = _wall_crossings(index, a, b, from_start=True)
    # An edge spanning several cells on a line's path is listed more than once.
    key = pair[hit] * len(index.edges) + edge[hit]
    _, first = np.unique(key, return_index=True)
    sel = np.flatnonzero(hit)[first]
    pair, t, bld = pair[sel], t[sel], index.edge_owner[edge[sel]]
    entering = denom[sel] < 0  # interior on the left of each edge
    z = ha[pair] + (hb[pair] - ha[pair]) * t
    blocked = z < index.heights[bld] - _GRAZE

    # Window rule: an end point inside a building sees out where the line leaves it.
    skip = _window_mask(pair, bld, t, inside_a, last=False)
    skip |= _window_mask(pair, bld, t, inside_b, last=True)
    blocked &= ~skip

    # Where the line first enters an obstacle: the wall when it is below the roof
    # there, else the point where it sinks below the roof before leaving.
    t_first = np.where(entering, t, np.inf)
    leave = np.flatnonzero(blocked & ~entering)
    if len(leave):
        t_in = _entry_before(pair, bld, t, leave)
        dz = hb[pair[leave]] - ha[pair[leave]]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t_roof = (index.heights[bld[leave]] - ha[pair[leave]]) / dz
        t_roof = np.where(dz < 0, t_roof, t[leave])
        t_first[leave] = np.clip(t_roof, t_in, t[leave])
    t_first = np.where(blocked, t_first, np.inf)
    best = np.full(n, np.inf)
    np.minimum.at(best, pair, t_first)
    blocker = np.full(n, -1, dtype=np.int64)
    win = blocked & (t_first == best[pair])
    blocker[pair[win]] = bld[win]
    return best, blocker


def line_of_sight_many(
    index: VisibilityIndex,
    a_xy: ArrayLike,
    a_height: ArrayLike,
    b_xy: ArrayLike,
    b_height: ArrayLike,
) -> LineOfSightBatch:
    """Test many sight lines at once (compiled for batches of at least
    :data:`KERNEL_MIN_LINES`, vectorised numpy below; the same answers).

    Parameters
    ----------
    index
        Buildings with heights, from :class:`VisibilityIndex`.
    a_xy, b_xy
        ``(n, 2)`` end points, metres in the index's CRS.
    a_height, b_height
        Eye heights in metres above ground, scalars or ``(n,)``.

    Returns
    -------
    LineOfSightBatch
    """
    a, b, ha, hb = check_pairs(a_xy, b_xy, a_height, b_height)
    n = len(a)
    # The buildings containing each end (window rule), as (line, building) pairs.
    p_idx, b_idx = index._grown_tree.query(
        shapely.points(np.vstack([a, b])), predicate="intersects"
    )
    from_a = p_idx < n
    inside_a = (p_idx[from_a], b_idx[from_a])
    inside_b = (p_idx[~from_a] - n, b_idx[~from_a])
    if n >= KERNEL_MIN_LINES:
        from omgevingsscan.analysis.visibility.los_kernel import first_blocks

        best, blocker = first_blocks(index, a, ha, b, hb, inside_a, inside_b)
    else:
        best, blocker = _first_blocks_numpy(index, a, ha, b, hb, inside_a, inside_b)
    visible = ~np.isfinite(best)
    tt = np.where(visible, np.nan, best)
    obstruction = np.column_stack(
        [
            a[:, 0] + tt * (b[:, 0] - a[:, 0]),
            a[:, 1] + tt * (b[:, 1] - a[:, 1]),
            ha + tt * (hb - ha),
        ]
    )
    return LineOfSightBatch(visible, tt, blocker, obstruction)


def line_of_sight(
    index: VisibilityIndex,
    a_xy: tuple[float, float],
    a_height: float,
    b_xy: tuple[float, float],
    b_height: float,
) -> LineOfSight:
    """Test the 2.5D line of sight between two eyes.

    Parameters
    ----------
    index
        Buildings with heights, from :class:`VisibilityIndex`.
    a_xy, b_xy
        End points, metres in the index's CRS.
    a_height, b_height
        Eye heights in metres above ground (1.6 m standing; a 3rd-floor window is
        about 3 x 3 m + 1.6 m).

    Returns
    -------
    LineOfSight
        Visibility, distance (m), bearing (degrees from north), and the first
        obstruction and blocking building when blocked.
    """
    res = line_of_sight_many(index, [a_xy], [a_height], [b_xy], [b_height])
    ax, ay = float(a_xy[0]), float(a_xy[1])
    bx, by = float(b_xy[0]), float(b_xy[1])
    dist = math.hypot(bx - ax, by - ay)
    common = {
        "a": (ax, ay, float(a_height)),
        "b": (bx, by, float(b_height)),
        "distance": dist,
        "bearing": bearing_deg(bx - ax, by - ay),
    }
    if bool(res.visible[0]):
        return LineOfSight(True, **common)
    ox, oy, oz = (float(v) for v in res.obstruction[0])
    return LineOfSight(
        False,
        obstruction=(ox, oy, oz),
        obstruction_distance=float(res.t[0]) * dist,
        blocker=index.building(int(res.blocker[0])),
        **common,
    )


def visible_many(
    index: VisibilityIndex,
    a_xy: ArrayLike,
    a_height: ArrayLike,
    b_xy: ArrayLike,
    b_height: ArrayLike,
    *,
    first_chunk: float = 25.0,
) -> np.ndarray:
    """Whether each sight line is clear: the fast path of :func:`line_of_sight_many`.

    Both ends must lie in open space (no window rule). Lines are walked from ``a`` in
    chunks of growing length (``first_chunk`` metres, then doubling), and a line is
    dropped as soon as one crossing blocks it, so lines blocked near ``a`` cost
    little. Same model and answers as :func:`line_of_sight_many`.
    """
    a = _as_xy(a_xy, "from")
    b = _as_xy(b_xy, "to")
    n = len(a)
    ha = _as_heights(a_height, n, "from height")
    hb = _as_heights(b_height, n, "to height")
    length = np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1])
    clear = np.ones(n, dtype=bool)
    active = np.flatnonzero(length > 0)
    done = 0.0
    chunk = float(first_chunk)
    while len(active):
        t0 = np.minimum(done / length[active], 1.0)
        t1 = np.minimum((done + chunk) / length[active], 1.0)
        d = b[active] - a[active]
        pa = a[active] + t0[:, None] * d
        pb = a[active] + t1[:, None] * d
        line, edge = index.grid.candidates(pa, pb)
        e = index.edges[edge]
        k = active[line]
        px, py = a[k, 0], a[k, 1]
        rx, ry = d[line, 0], d[line, 1]
        sx, sy = e[:, 2] - e[:, 0], e[:, 3] - e[:, 1]
        qx, qy = e[:, 0] - px, e[:, 1] - py
        denom = rx * sy - ry * sx
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t = (qx * sy - qy * sx) / denom
            u = (qx * ry - qy * rx) / denom
        hit = (denom != 0) & (t >= t0[line]) & (t <= t1[line]) & (u >= 0) & (u <= 1)
        z = ha[k] + (hb[k] - ha[k]) * t
        blocked = hit & (z < index.heights[index.edge_owner[edge]] - _GRAZE)
        clear[k[blocked]] = False
        done += chunk
        chunk *= 2.0
        active = active[clear[active] & (done < length[active])]
    return clear


def lowest_visible_height(
    index: VisibilityIndex, a_xy: ArrayLike, a_height: ArrayLike, b_xy: ArrayLike
) -> FloatArray:
    """Lowest height (metres) at ``b`` that an eye at ``a`` can see over the buildings.

    Each building outline the line crosses, a fraction ``t`` of the way from ``a``, sets
    a lower bound ``(H - a_height * (1 - t)) / t`` on the height seen at ``b``; the
    answer is the largest bound, and at least 0 (the ground at ``b`` is in view). Ends
    must lie in open space. A wall at ``b`` is visible up to any height above this.
    """
    a = _as_xy(a_xy, "from")
    b = _as_xy(b_xy, "to")
    n = len(a)
    ha = _as_heights(a_height, n, "from height")
    pair, edge, t, _, hit = _wall_crossings(index, a, b, from_start=False)
    pair, t, edge = pair[hit], t[hit], edge[hit]
    with np.errstate(over="ignore"):
        bound = (index.heights[index.edge_owner[edge]] - ha[pair] * (1.0 - t)) / t
    lowest = np.zeros(n)
    np.maximum.at(lowest, pair, bound)
    return lowest
