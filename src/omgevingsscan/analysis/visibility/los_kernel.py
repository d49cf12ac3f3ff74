"""Compiled (numba) 2.5D sight-line kernels: the upper-floor window search.

Same model and the same floating-point formulas as :mod:`.los` (flat ground, prism
buildings, metres in the index's CRS), so the answers are identical to
:func:`.los.visible_many` and :func:`.los.lowest_visible_height`; what changes is the
order of work. Each sight line walks the cells of the index's :class:`.SegmentGrid`
from its start outward (the supercover, padded by a hair so that a line through a cell
corner misses no wall) and stops at its first blocking wall; each window stops as soon
as no other target can lower its answer.

This module imports numba: import it lazily (inside functions), so that starting the
application does not pay for it. The kernels are compiled on first use and cached on
disk (``cache=True``).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from omgevingsscan.analysis.visibility.index import FloatArray, VisibilityIndex

#: Roof grazing tolerance, metres (as in :mod:`.los`).
_GRAZE = 1e-9
#: Padding of the cell walk, in cells: a wall listed in a cell the line only touches
#: at a corner is still tested.
_PAD = 1e-6


@njit(cache=True, nogil=True, inline="always")
def _cross(
    edges: np.ndarray, e: int, ax: float, ay: float, rx: float, ry: float
) -> tuple[float, float]:
    """Where the line ``a + t * r`` (t in [0, 1]) crosses edge ``e``: ``(t, denom)``,
    with t = -1 when it does not (parallel, or outside either segment)."""
    sx = edges[e, 2] - edges[e, 0]
    sy = edges[e, 3] - edges[e, 1]
    denom = rx * sy - ry * sx
    if denom == 0.0:
        return -1.0, denom
    qx = edges[e, 0] - ax
    qy = edges[e, 1] - ay
    t = (qx * sy - qy * sx) / denom
    u = (qx * ry - qy * rx) / denom
    if not (t >= 0.0 and t <= 1.0 and u >= 0.0 and u <= 1.0):
        return -1.0, denom
    return t, denom


@njit(cache=True, nogil=True)
def _pair_lowest(
    ax: float,
    ay: float,
    ha: float,
    bx: float,
    by: float,
    hb: float,
    best: float,
    edges: np.ndarray,
    owner: np.ndarray,
    heights: np.ndarray,
    x0: float,
    y0: float,
    cs: float,
    nx: int,
    ny: int,
    cell_start: np.ndarray,
    cell_items: np.ndarray,
) -> float:
    """Lowest height seen at ``b`` from an eye at ``(a, ha)`` when the line to ``(b, hb)``
    is clear; ``inf`` when it is blocked; some value ``>= best`` as soon as the answer
    cannot be below ``best`` (the caller keeps the minimum)."""
    rx = bx - ax
    ry = by - ay
    low = min(ha, hb)
    running = 0.0
    # Grid units; walk along the axis where the line is longer ("columns").
    ua = (ax - x0) / cs
    va = (ay - y0) / cs
    ub = (bx - x0) / cs
    vb = (by - y0) / cs
    steep = abs(vb - va) > abs(ub - ua)
    if steep:
        p0, p1, q0, q1 = va, ua, vb, ub
        ncol, nrow = ny, nx
    else:
        p0, p1, q0, q1 = ua, va, ub, vb
        ncol, nrow = nx, ny
    slope = (q1 - p1) / (q0 - p0) if q0 != p0 else 0.0
    lo = min(p0, q0)
    hi = max(p0, q0)
    c_lo = max(math.floor(lo - _PAD), 0)
    c_hi = min(math.floor(hi + _PAD), ncol - 1)
    n_cols = c_hi - c_lo + 1
    for k in range(n_cols):
        c = c_lo + k if p0 <= q0 else c_hi - k
        xa = max(lo, float(c))
        xb = min(hi, float(c + 1))
        ya = p1 + (xa - p0) * slope
        yb = p1 + (xb - p0) * slope
        r_lo = max(math.floor(min(ya, yb) - _PAD), 0)
        r_hi = min(math.floor(max(ya, yb) + _PAD), nrow - 1)
        for r in range(r_lo, r_hi + 1):
            cid = c * nx + r if steep else r * nx + c
            for j in range(cell_start[cid], cell_start[cid + 1]):
                e = cell_items[j]
                t, _denom = _cross(edges, e, ax, ay, rx, ry)
                if t < 0.0:
                    continue
                h = heights[owner[e]]
                # A line never runs below min(ha, hb): lower buildings cannot block it.
                if h > low and ha + (hb - ha) * t < h - _GRAZE:
                    return np.inf
                if t > 0.0:
                    bound = (h - ha * (1.0 - t)) / t
                    if bound > running:
                        running = bound
                        if running >= best:
                            return running
    return running


@njit(cache=True, nogil=True)
def _windows_lowest(
    wxy: np.ndarray,
    wh: np.ndarray,
    wn: np.ndarray,
    has_normals: bool,
    txy: np.ndarray,
    tn: np.ndarray,
    z_top: float,
    edges: np.ndarray,
    owner: np.ndarray,
    heights: np.ndarray,
    x0: float,
    y0: float,
    cs: float,
    nx: int,
    ny: int,
    cell_start: np.ndarray,
    cell_items: np.ndarray,
) -> np.ndarray:
    n = wxy.shape[0]
    m = txy.shape[0]
    out = np.full(n, np.inf)
    dist = np.empty(m)
    for i in range(n):
        ax = wxy[i, 0]
        ay = wxy[i, 1]
        for k in range(m):
            dist[k] = (txy[k, 0] - ax) ** 2 + (txy[k, 1] - ay) ** 2
        order = np.argsort(dist)  # nearest targets first: low answers come early
        best = np.inf
        for kk in range(m):
            k = order[kk]
            dx = txy[k, 0] - ax
            dy = txy[k, 1] - ay
            if not (tn[k, 0] * -dx + tn[k, 1] * -dy > 0.0):
                continue
            if has_normals and not (wn[i, 0] * dx + wn[i, 1] * dy > 0.0):
                continue
            z = _pair_lowest(
                ax,
                ay,
                wh[i],
                txy[k, 0],
                txy[k, 1],
                z_top,
                best,
                edges,
                owner,
                heights,
                x0,
                y0,
                cs,
                nx,
                ny,
                cell_start,
                cell_items,
            )
            if z < best:
                best = z
                if best <= 0.0:
                    break
        out[i] = best
    return out


def _grid_arrays(index: VisibilityIndex) -> tuple[float, float, float, int, int, object, object]:
    g = index.grid
    items = g.cell_items if not g.empty else np.empty(0, dtype=np.int64)
    start = g.cell_start if not g.empty else np.zeros(g.nx * g.ny + 1, dtype=np.int64)
    return g.x0, g.y0, g.cell, g.nx, g.ny, np.ascontiguousarray(start), items


def windows_lowest(
    index: VisibilityIndex,
    windows: FloatArray,
    heights: FloatArray,
    window_normals: FloatArray | None,
    targets: FloatArray,
    target_normals: FloatArray,
    z_top: float,
) -> FloatArray:
    """For each window (eye ``heights`` metres above ground at ``windows``, ``(n, 2)``),
    the lowest façade height it sees over the buildings at any target ``(m, 2)`` whose
    sight line to the façade top ``z_top`` is clear (inf: none). Only pairs where each
    lies in front of the other's wall are tested (``window_normals`` None: spots in
    the open, in front of everything). Ends must lie in open space.

    Identical to testing every front-facing pair with :func:`.los.visible_many` (to
    ``z_top``) and taking the minimum of :func:`.los.lowest_visible_height` over the
    clear ones.
    """
    n = len(windows)
    if n == 0 or len(targets) == 0:
        return np.full(n, np.inf)
    wn = np.zeros((n, 2)) if window_normals is None else window_normals
    return _windows_lowest(
        np.ascontiguousarray(windows, dtype=float),
        np.ascontiguousarray(heights, dtype=float),
        np.ascontiguousarray(wn, dtype=float),
        window_normals is not None,
        np.ascontiguousarray(targets, dtype=float),
        np.ascontiguousarray(target_normals, dtype=float),
        float(z_top),
        np.ascontiguousarray(index.edges, dtype=float),
        np.ascontiguousarray(index.edge_owner, dtype=np.int64),
        np.ascontiguousarray(index.heights, dtype=float),
        *_grid_arrays(index),
    )


@njit(cache=True, nogil=True)
def _line_hits(
    ax: float,
    ay: float,
    bx: float,
    by: float,
    edges: np.ndarray,
    x0: float,
    y0: float,
    cs: float,
    nx: int,
    ny: int,
    cell_start: np.ndarray,
    cell_items: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every wall the segment a-b crosses, once each, in wall order: the walls, the
    fractions ``t`` in [0, 1] along the line, and whether the line enters there."""
    rx = bx - ax
    ry = by - ay
    cap = 16
    he = np.empty(cap, dtype=np.int64)
    ht = np.empty(cap)
    hd = np.empty(cap)
    nh = 0
    ua = (ax - x0) / cs
    va = (ay - y0) / cs
    ub = (bx - x0) / cs
    vb = (by - y0) / cs
    steep = abs(vb - va) > abs(ub - ua)
    if steep:
        p0, p1, q0, q1 = va, ua, vb, ub
        ncol, nrow = ny, nx
    else:
        p0, p1, q0, q1 = ua, va, ub, vb
        ncol, nrow = nx, ny
    slope = (q1 - p1) / (q0 - p0) if q0 != p0 else 0.0
    lo = min(p0, q0)
    hi = max(p0, q0)
    c_lo = max(math.floor(lo - _PAD), 0)
    c_hi = min(math.floor(hi + _PAD), ncol - 1)
    for c in range(c_lo, c_hi + 1):
        xa = max(lo, float(c))
        xb = min(hi, float(c + 1))
        ya = p1 + (xa - p0) * slope
        yb = p1 + (xb - p0) * slope
        r_lo = max(math.floor(min(ya, yb) - _PAD), 0)
        r_hi = min(math.floor(max(ya, yb) + _PAD), nrow - 1)
        for r in range(r_lo, r_hi + 1):
            cid = c * nx + r if steep else r * nx + c
            for j in range(cell_start[cid], cell_start[cid + 1]):
                e = cell_items[j]
                t, denom = _cross(edges, e, ax, ay, rx, ry)
                if t < 0.0:
                    continue
                if nh == cap:
                    cap *= 2
                    he2 = np.empty(cap, dtype=np.int64)
                    ht2 = np.empty(cap)
                    hd2 = np.empty(cap)
                    he2[:nh] = he[:nh]
                    ht2[:nh] = ht[:nh]
                    hd2[:nh] = hd[:nh]
                    he, ht, hd = he2, ht2, hd2
                he[nh] = e
                ht[nh] = t
                hd[nh] = denom
                nh += 1
    order = np.argsort(he[:nh], kind="mergesort")
    keep = np.ones(nh, dtype=np.bool_)
    for k in range(1, nh):
        keep[k] = he[order[k]] != he[order[k - 1]]
    sel = order[keep]
    return he[sel], ht[sel], hd[sel] < 0.0


@njit(cache=True, nogil=True)
def _first_blocks(
    a: np.ndarray,
    ha: np.ndarray,
    b: np.ndarray,
    hb: np.ndarray,
    a_start: np.ndarray,
    a_bld: np.ndarray,
    b_start: np.ndarray,
    b_bld: np.ndarray,
    edges: np.ndarray,
    owner: np.ndarray,
    heights: np.ndarray,
    x0: float,
    y0: float,
    cs: float,
    nx: int,
    ny: int,
    cell_start: np.ndarray,
    cell_items: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    n = a.shape[0]
    best_t = np.full(n, np.inf)
    blocker = np.full(n, -1, dtype=np.int64)
    for i in range(n):
        e, t, entering = _line_hits(
            a[i, 0], a[i, 1], b[i, 0], b[i, 1], edges, x0, y0, cs, nx, ny, cell_start, cell_items
        )
        m = len(e)
        if m == 0:
            continue
        bld = owner[e]
        blocked = np.empty(m, dtype=np.bool_)
        for k in range(m):
            blocked[k] = ha[i] + (hb[i] - ha[i]) * t[k] < heights[bld[k]] - _GRAZE
        # Window rule: an end inside a building sees out where the line leaves it.
        for s in range(a_start[i], a_start[i + 1]):
            lowest = np.inf
            for k in range(m):
                if bld[k] == a_bld[s] and t[k] < lowest:
                    lowest = t[k]
            for k in range(m):
                if bld[k] == a_bld[s] and t[k] <= lowest + 1e-12:
                    blocked[k] = False
        for s in range(b_start[i], b_start[i + 1]):
            lowest = np.inf
            for k in range(m):
                if bld[k] == b_bld[s] and -t[k] < lowest:
                    lowest = -t[k]
            for k in range(m):
                if bld[k] == b_bld[s] and -t[k] <= lowest + 1e-12:
                    blocked[k] = False
        # Crossings ordered by building, then t (then wall): the entry before a leaving.
        by_t = np.argsort(t, kind="mergesort")
        by_b = by_t[np.argsort(bld[by_t], kind="mergesort")]
        prev = np.full(m, -1, dtype=np.int64)
        for r in range(1, m):
            if bld[by_b[r]] == bld[by_b[r - 1]]:
                prev[by_b[r]] = by_b[r - 1]
        dz = hb[i] - ha[i]
        best = np.inf
        who = -1
        for k in range(m):
            if not blocked[k]:
                continue
            if entering[k]:
                tf = t[k]
            else:
                t_in = t[prev[k]] if prev[k] >= 0 else 0.0
                t_roof = (heights[bld[k]] - ha[i]) / dz if dz < 0 else t[k]
                tf = min(max(t_roof, t_in), t[k])
            if tf < best:
                best = tf
                who = bld[k]
            elif tf == best:
                who = bld[k]  # the last of equal crossings, in wall order
        best_t[i] = best
        blocker[i] = who
    return best_t, blocker


def first_blocks(
    index: VisibilityIndex,
    a: FloatArray,
    ha: FloatArray,
    b: FloatArray,
    hb: FloatArray,
    inside_a: tuple[np.ndarray, np.ndarray],
    inside_b: tuple[np.ndarray, np.ndarray],
) -> tuple[FloatArray, np.ndarray]:
    """Where each sight line ``a[i] -> b[i]`` (checked ``(n, 2)`` points, heights in
    metres above ground) is first blocked: the fraction ``t`` (inf when visible) and the
    blocking building (-1). ``inside_a`` / ``inside_b`` are ``(line, building)`` pairs
    of the buildings containing each end (the window rule of :mod:`.los`).

    Same answers as the numpy :func:`.los.line_of_sight_many`, line by line.
    """

    def csr(pairs: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        line, bld = (np.asarray(p, dtype=np.int64) for p in pairs)
        order = np.argsort(line, kind="stable")
        start = np.searchsorted(line[order], np.arange(len(a) + 1))
        return start.astype(np.int64), bld[order]

    return _first_blocks(  # type: ignore[no-any-return]
        np.ascontiguousarray(a, dtype=float),
        np.ascontiguousarray(ha, dtype=float),
        np.ascontiguousarray(b, dtype=float),
        np.ascontiguousarray(hb, dtype=float),
        *csr(inside_a),
        *csr(inside_b),
        np.ascontiguousarray(index.edges, dtype=float),
        np.ascontiguousarray(index.edge_owner, dtype=np.int64),
        np.ascontiguousarray(index.heights, dtype=float),
        *_grid_arrays(index),
    )
