"""Compiled kernels (numba) of the 2.5D viewshed: a footprint's shadow as one polygon
without a union, and the pairwise test of :mod:`.cover`.

Seen from the eye's foot (the origin), a building of scale ``k`` (see :mod:`.shadows`)
hides on each ray the points ``[p_j, k * q_j]`` for each stretch ``[p_j, q_j]`` of the
ray inside its footprint. When on every ray these intervals overlap (``p_(j+1) <=
k * q_j``), the shadow is the region between the footprint's nearest boundary seen
from the origin (its *near envelope*) and its farthest boundary scaled by ``k`` (the
*far envelope*): one polygon, built here directly from the vertices. GEOS needs a
``buffer(0)`` of the footprint and its strips for the same region of a concave
footprint, about 0.1 ms a building against a few microseconds here.

Method, per footprint (its outer ring and any holes, coordinates relative to the
origin): the vertex bearings cut the view into slabs; inside a slab no edge starts or
ends and edges of a valid polygon do not cross, so the order of the edges along every
ray is the one at the slab's middle bearing. The nearest and farthest edges of each
slab give the two envelopes; where they change at a slab boundary, the envelope jumps
along that ray. Whether neighbouring intervals overlap is checked at both ends of
each slab (two lines cross at most once, so that holds inside the slab too) and
across each boundary, with a relative margin of 1e-9 on the safe side.

A footprint is refused (``ok`` False; the caller falls back to GEOS) when the origin
lies inside or on it (or in a courtyard), its bearings span half a turn or more, two
vertices lie on one ray from the origin, a ray crosses its boundary an odd number of
times, or the intervals do not all overlap. Lengths are metres, bearings radians.
Compiled on first use, cached on disk; the kernels release the GIL.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

#: Relative safety margin on "the intervals overlap".
MARGIN = 1e-9
#: Least angle (radians) between two vertex bearings: closer ones are refused.
MIN_GAP = 1e-11


@njit(cache=True, nogil=True, error_model="numpy")
def _line_r(
    px: float, py: float, ex: float, ey: float, theta: float
) -> float:  # pragma: no cover - compiled
    """Distance from the origin, along the ray at bearing ``theta``, to the line
    through ``(px, py)`` with direction ``(ex, ey)``."""
    dx, dy = math.cos(theta), math.sin(theta)
    return (px * ey - py * ex) / (dx * ey - dy * ex)


@njit(cache=True, nogil=True, error_model="numpy")
def _envelope_point(
    pts: np.ndarray, nxt: np.ndarray, edge: int, vertex: int, theta: float
) -> tuple[float, float]:  # pragma: no cover - compiled
    """The point of ``edge`` (from vertex ``edge`` to ``nxt[edge]``) on the ray at
    bearing ``theta``, which passes through ``vertex``: the vertex itself when it is one
    of the edge's ends, else the crossing of the ray and the edge's line."""
    j1 = nxt[edge]
    if vertex in (edge, j1):
        return pts[vertex, 0], pts[vertex, 1]
    px, py = pts[edge, 0], pts[edge, 1]
    r = _line_r(px, py, pts[j1, 0] - px, pts[j1, 1] - py, theta)
    return r * math.cos(theta), r * math.sin(theta)


@njit(cache=True, nogil=True, error_model="numpy")
def _corner(
    nxt: np.ndarray, env: np.ndarray, s: int, side: int, vertex: int, n_slab: int
) -> bool:  # pragma: no cover - compiled
    """Whether the envelope ``env`` has a corner at the bearing of ``vertex``, seen
    from slab ``s`` (``side`` 0: the slab before it, 1: the one after): its edge ends
    at the vertex, or the other slab has another edge (a jump)."""
    e = env[s]
    if vertex in (e, nxt[e]):
        return True
    other = s + 1 if side == 0 else s - 1
    return other < 0 or other >= n_slab or env[other] != e


@njit(cache=True, nogil=True, error_model="numpy")
def _one_shadow(
    pts: np.ndarray, nxt: np.ndarray, k: float, out: np.ndarray, start: int
) -> int:  # pragma: no cover - compiled
    """Write the shadow ring of the footprint ``pts`` (its m vertices, origin relative;
    the edges run from vertex ``j`` to ``nxt[j]``, over the outer ring and any holes)
    into ``out[start:]``; return the number of points written (a closed ring), or -1
    when the footprint is refused (see the module docstring)."""
    m = pts.shape[0]
    if m < 3:
        return -1
    u = np.empty(m)
    first = 0
    while first < m:  # each ring, unwrapped to the bearings of the first one
        a = math.atan2(pts[first, 1], pts[first, 0])
        if first > 0:
            a += 2.0 * math.pi * round((u[0] - a) / (2.0 * math.pi))
        u[first] = a
        turn = 0.0
        j = first
        while True:
            j1 = nxt[j]
            cr = pts[j, 0] * pts[j1, 1] - pts[j, 1] * pts[j1, 0]
            dt = pts[j, 0] * pts[j1, 0] + pts[j, 1] * pts[j1, 1]
            step = math.atan2(cr, dt)
            if abs(step) > math.pi - 1e-9:
                return -1  # an edge through the origin
            turn += step
            if j1 == first:
                break
            u[j1] = u[j] + step
            j = j1
        if abs(turn) > 1e-6:
            return -1  # the origin inside the ring
        first = j + 1
    order = np.argsort(u)
    t = u[order]
    if t[m - 1] - t[0] >= math.pi - 1e-6:
        return -1
    for s in range(m - 1):
        if t[s + 1] - t[s] < MIN_GAP:
            return -1
    n_slab = m - 1
    near = np.empty(n_slab, dtype=np.int64)
    far = np.empty(n_slab, dtype=np.int64)
    cr_r = np.empty(m)
    cr_e = np.empty(m, dtype=np.int64)
    for s in range(n_slab):
        mid = 0.5 * (t[s] + t[s + 1])
        c = 0
        for j in range(m):
            j1 = nxt[j]
            lo, hi = min(u[j], u[j1]), max(u[j], u[j1])
            if lo < mid < hi:
                px, py = pts[j, 0], pts[j, 1]
                r = _line_r(px, py, pts[j1, 0] - px, pts[j1, 1] - py, mid)
                q = c  # insertion sort by distance
                while q > 0 and cr_r[q - 1] > r:
                    cr_r[q] = cr_r[q - 1]
                    cr_e[q] = cr_e[q - 1]
                    q -= 1
                cr_r[q] = r
                cr_e[q] = j
                c += 1
        if c < 2 or c % 2 == 1:
            return -1
        near[s], far[s] = cr_e[0], cr_e[c - 1]
        # Exit of stretch i (crossing 2i + 1) against entry of stretch i + 1 (2i + 2).
        for i in range(1, c - 1, 2):
            a, b = cr_e[i], cr_e[i + 1]
            for theta in (t[s], t[s + 1]):
                ax, ay = pts[a, 0], pts[a, 1]
                a1 = nxt[a]
                q_r = _line_r(ax, ay, pts[a1, 0] - ax, pts[a1, 1] - ay, theta)
                bx, by = pts[b, 0], pts[b, 1]
                b1 = nxt[b]
                p_r = _line_r(bx, by, pts[b1, 0] - bx, pts[b1, 1] - by, theta)
                if not p_r <= k * q_r * (1.0 - MARGIN):
                    return -1
    # The envelopes at each vertex bearing: left and right limits.
    n_out = 0
    n_far = 0
    far_pts = np.empty((2 * m, 2))
    for b in range(m):
        v = order[b]
        theta = t[b]
        lo_n, hi_n, lo_f = math.inf, 0.0, math.inf
        for side in range(2):
            s = b - 1 + side
            if s < 0 or s >= n_slab:
                continue
            nx, ny = _envelope_point(pts, nxt, near[s], v, theta)
            fx, fy = _envelope_point(pts, nxt, far[s], v, theta)
            rn = math.hypot(nx, ny)
            lo_n, hi_n = min(lo_n, rn), max(hi_n, rn)
            lo_f = min(lo_f, math.hypot(fx, fy))
            # A point is a corner only where the edge ends here or changes.
            pos = start + n_out
            if _corner(nxt, near, s, side, v, n_slab) and (
                n_out == 0 or out[pos - 1, 0] != nx or out[pos - 1, 1] != ny
            ):
                out[pos, 0], out[pos, 1] = nx, ny
                n_out += 1
            if _corner(nxt, far, s, side, v, n_slab) and (
                n_far == 0 or far_pts[n_far - 1, 0] != fx or far_pts[n_far - 1, 1] != fy
            ):
                far_pts[n_far, 0], far_pts[n_far, 1] = fx, fy
                n_far += 1
        if 0 < b < m - 1 and not hi_n <= k * lo_f * (1.0 - MARGIN):
            return -1  # the stretches do not overlap on the boundary ray itself
    for i in range(n_far - 1, -1, -1):
        out[start + n_out, 0] = k * far_pts[i, 0]
        out[start + n_out, 1] = k * far_pts[i, 1]
        n_out += 1
    out[start + n_out, 0] = out[start, 0]
    out[start + n_out, 1] = out[start, 1]
    return n_out + 1


@njit(cache=True, nogil=True, error_model="numpy")
def radial_shadows(
    xy: np.ndarray, nxt: np.ndarray, off: np.ndarray, scale: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """Shadow rings of footprints ``i`` (vertices ``xy[off[i]:off[i + 1]]``, metres
    relative to the eye's foot; each ring's vertices in order, ``nxt`` the index of
    the next vertex of the same ring within the footprint, from 0) scaled by
    ``scale[i]`` (> 1).

    Returns
    -------
    ring_xy, ring_off, ok
        The closed shadow ring of footprint ``i`` is ``ring_xy[ring_off[i]:ring_off[i +
        1]]`` (origin relative; empty where not ``ok``).
    """
    n = off.shape[0] - 1
    total = 0
    for i in range(n):
        total += 4 * (off[i + 1] - off[i]) + 1
    out = np.empty((total, 2))
    ring_off = np.zeros(n + 1, dtype=np.int64)
    ok = np.zeros(n, dtype=np.bool_)
    pos = 0
    for i in range(n):
        pts = xy[off[i] : off[i + 1]]
        written = _one_shadow(pts, nxt[off[i] : off[i + 1]], scale[i], out, pos)
        if written > 0:
            ok[i] = True
            pos += written
        ring_off[i + 1] = pos
    return out[:pos].copy(), ring_off, ok


@njit(cache=True, nogil=True, error_model="numpy")
def covered(
    lo: np.ndarray,
    hi: np.ndarray,
    dmin: np.ndarray,
    dmax: np.ndarray,
    good: np.ndarray,
    heights: np.ndarray,
    eye: float,
    margin: float,
) -> np.ndarray:  # pragma: no cover - compiled
    """The pairwise test of :func:`.cover.hidden_behind`: whether each building (its
    angular span ``lo``..``hi`` in radians, least and greatest distance ``dmin``,
    ``dmax`` in metres, usable where ``good``) is covered by higher ones nearer the eye
    at ``eye`` metres whose spans, overlapping, reach past both ends of its own."""
    n = heights.shape[0]
    out = np.zeros(n, dtype=np.bool_)
    top = -np.inf
    for i in range(n):
        top = max(top, heights[i])
    a = np.empty(n)
    b = np.empty(n)
    nearest_first = np.argsort(dmax)
    for x in range(n):
        if not good[x] or not heights[x] < top:
            continue
        m = 0
        mid_x = 0.5 * (lo[x] + hi[x])
        for c in nearest_first:
            if not dmax[c] * (1.0 + margin) < dmin[x]:
                break  # the rest reach as far as x
            if not (
                good[c]
                and heights[c] > heights[x]
                and (eye - heights[c]) * dmax[x] < (eye - heights[x]) * (1.0 - margin) * dmin[c]
            ):
                continue
            # c's span shifted by whole turns to the one nearest x's.
            turns = math.floor((mid_x - 0.5 * (lo[c] + hi[c])) / (2.0 * math.pi) + 0.5)
            ca = lo[c] + 2.0 * math.pi * turns
            cb = hi[c] + 2.0 * math.pi * turns
            if cb > lo[x] and ca < hi[x]:
                a[m] = ca
                b[m] = cb
                m += 1
        if m == 0:
            continue
        order = np.argsort(a[:m], kind="mergesort")
        if not a[order[0]] < lo[x]:
            continue
        reach = b[order[0]]
        broken = False
        for j in range(1, m):
            k = order[j]
            if a[k] >= reach and reach <= hi[x]:
                broken = True  # a gap between the spans, inside x's
                break
            reach = max(reach, b[k])
        out[x] = not broken and reach > hi[x]
    return out
