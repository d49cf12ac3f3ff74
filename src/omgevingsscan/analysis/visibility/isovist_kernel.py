"""Compiled kernel of the exact isovist (numba): one call per query.

The steps of :mod:`.isovist`, as loops: (1) keep the walls that face the origin and
come within the radius, origin-relative and turned counter-clockwise; (2) clip them to
the radius polygon and add its edges; (3) drop walls hidden everywhere (a conservative
test on 512 angular bins); (4) sort the end-point angles into events and find the
nearest wall along a ray inside each interval between two events; (5) cut the
intervals into runs with the same nearest wall. Lengths are metres in the index's CRS,
angles radians (``atan2``). Compiled on first use and cached on disk (``cache=True``);
the kernel releases the GIL, so views on a thread pool run in parallel.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

_TWO_PI = 2.0 * math.pi
#: Angular bins of the occlusion pre-test.
CULL_BINS = 512


@njit(cache=True, nogil=True, error_model="numpy")
def _candidates(
    walls: np.ndarray, grid: tuple, circle: np.ndarray, ox: float, oy: float, radius: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:  # pragma: no cover - compiled
    """Steps 1 and 2: the clipped walls ``seg`` (first ``m`` rows), their wall index
    (-1 for the radius polygon's edges) and their distance from the origin.

    Walls are looked up in the grid cells the square around the circle touches; a wall
    listed in several cells is taken in the first of them only.
    """
    wall_cell, cell_start, cell_items, g = grid
    gx0, gy0, size, nx, ny = g[0], g[1], g[2], np.int64(g[3]), np.int64(g[4])
    cx0 = min(max(np.int64(math.floor((ox - radius - gx0) / size)), 0), nx - 1)
    cy0 = min(max(np.int64(math.floor((oy - radius - gy0) / size)), 0), ny - 1)
    cx1 = min(max(np.int64(math.floor((ox + radius - gx0) / size)), 0), nx - 1)
    cy1 = min(max(np.int64(math.floor((oy + radius - gy0) / size)), 0), ny - 1)
    n_c = circle.shape[0]
    cap = n_c
    for cy in range(cy0, cy1 + 1):
        cap += cell_start[cy * nx + cx1 + 1] - cell_start[cy * nx + cx0]
    seg = np.empty((cap, 4))
    wid = np.empty(cap, dtype=np.int64)
    near = np.empty(cap)
    r2 = radius * radius
    apothem = radius * math.cos(math.pi / n_c)
    apo2 = apothem * apothem
    step = _TWO_PI / n_c
    m = 0
    row = cx1 - cx0 + 1
    for q in range(row * (cy1 - cy0 + 1) if cap > n_c else 0):
        cy = cy0 + q // row
        cx = cx0 + q % row
        c_id = cy * nx + cx
        for k_item in range(cell_start[c_id], cell_start[c_id + 1]):
            i = cell_items[k_item]
            if max(wall_cell[i, 0], cx0) != cx or max(wall_cell[i, 1], cy0) != cy:
                continue  # taken in an earlier cell
            ax = walls[i, 0] - ox
            ay = walls[i, 1] - oy
            bx = walls[i, 2] - ox
            by = walls[i, 3] - oy
            if not (ax * by - ay * bx < 0.0):  # back face: the origin is not on its right
                continue
            dx = bx - ax
            dy = by - ay
            t = -(ax * dx + ay * dy) / (dx * dx + dy * dy)
            if t < 0.0:
                t = 0.0
            elif t > 1.0:
                t = 1.0
            ex = ax + t * dx
            ey = ay + t * dy
            near2 = ex * ex + ey * ey
            if not (near2 <= r2):
                continue
            # Reversed so that the wall runs counter-clockwise as seen from the origin.
            s0, s1, s2, s3 = bx, by, ax, ay
            if max(s0 * s0 + s1 * s1, s2 * s2 + s3 * s3) > apo2:
                j0 = np.int64(math.floor(math.atan2(s1, s0) / step)) % n_c
                j1 = np.int64(math.floor(math.atan2(s3, s2) / step)) % n_c
                t0 = 0.0
                t1 = 1.0
                parallel_out = False
                sdx = s2 - s0
                sdy = s3 - s1
                for k in range((j1 - j0) % n_c + 1):
                    j = (j0 + k) % n_c
                    na = s0 * circle[j, 2] + s1 * circle[j, 3] - apothem
                    nd = sdx * circle[j, 2] + sdy * circle[j, 3]
                    if nd < 0.0:
                        t0 = max(t0, -na / nd)
                    elif nd > 0.0:
                        t1 = min(t1, -na / nd)
                    elif na > 0.0:
                        parallel_out = True
                if t0 >= t1 or parallel_out:
                    continue
                if t1 != 1.0:  # (exact end points where nothing is clipped)
                    s2, s3 = s0 + t1 * sdx, s1 + t1 * sdy
                if t0 != 0.0:
                    s0, s1 = s0 + t0 * sdx, s1 + t0 * sdy
            seg[m, 0], seg[m, 1], seg[m, 2], seg[m, 3] = s0, s1, s2, s3
            wid[m] = i
            near[m] = math.sqrt(near2)
            m += 1
    for k in range(n_c):
        k1 = k + 1 if k + 1 < n_c else 0
        seg[m, 0], seg[m, 1] = radius * circle[k, 0], radius * circle[k, 1]
        seg[m, 2], seg[m, 3] = radius * circle[k1, 0], radius * circle[k1, 1]
        wid[m] = -1
        near[m] = apothem
        m += 1
    return seg, wid, near, m


@njit(cache=True, nogil=True)
def _pseudo_angle(x: float, y: float) -> float:  # pragma: no cover - compiled
    """A number in [0, 4) that grows with the direction of ``(x, y)`` counter-clockwise
    from east (cheaper than ``atan2``; enough to bin directions)."""
    if y >= 0.0:
        if x >= 0.0:
            return y / (x + y)
        return 1.0 - x / (y - x)
    if x < 0.0:
        return 2.0 - y / (-x - y)
    return 3.0 + x / (x - y)


@njit(cache=True, nogil=True, error_model="numpy")
def _cull(
    seg: np.ndarray, wid: np.ndarray, near: np.ndarray, m: int
) -> tuple[int, np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """Step 3: move the walls that may be visible to the first rows of ``seg`` and
    ``wid`` (in order); return their number and the angles (``atan2``) of their ends.
    Directions are binned by :func:`_pseudo_angle`; a wall spanning a whole bin bounds
    the visible distance in it by its far end; a wall nearer than none of the bounds
    of the bins it touches is hidden everywhere."""
    nb = CULL_BINS
    scale = nb / 4.0
    ba = np.empty(m, dtype=np.int64)
    span = np.empty(m, dtype=np.int64)
    bound = np.empty(nb)
    for b in range(nb):
        bound[b] = np.inf
    for w in range(m):
        ax, ay, bx, by = seg[w, 0], seg[w, 1], seg[w, 2], seg[w, 3]
        ba[w] = min(np.int64(_pseudo_angle(ax, ay) * scale), nb - 1)
        bb = min(np.int64(_pseudo_angle(bx, by) * scale), nb - 1)
        span[w] = (bb - ba[w]) % nb
        if span[w] > 1:
            far = math.sqrt(max(ax * ax + ay * ay, bx * bx + by * by))
            for off in range(1, span[w]):
                b = (ba[w] + off) % nb
                if far < bound[b]:
                    bound[b] = far
    ta = np.empty(m)
    tb = np.empty(m)
    n = 0
    for w in range(m):
        top = -np.inf
        for off in range(span[w] + 1):
            top = max(top, bound[(ba[w] + off) % nb])
        if near[w] <= top:
            for c in range(4):
                seg[n, c] = seg[w, c]
            wid[n] = wid[w]
            ta[n] = math.atan2(seg[n, 1], seg[n, 0])
            tb[n] = math.atan2(seg[n, 3], seg[n, 2])
            n += 1
    return n, ta, tb


@njit(cache=True, nogil=True)
def _sift(v: np.ndarray, a: np.ndarray, root: int, end: int) -> None:  # pragma: no cover
    """Move ``a[root]`` down the max-heap ``a[:end]`` keyed by ``v[a]``."""
    while 2 * root + 1 < end:
        child = 2 * root + 1
        if child + 1 < end and v[a[child + 1]] > v[a[child]]:
            child += 1
        if v[a[child]] <= v[a[root]]:
            return
        a[root], a[child] = a[child], a[root]
        root = child


@njit(cache=True, nogil=True)
def _heapsort(v: np.ndarray, a: np.ndarray) -> None:  # pragma: no cover - compiled
    """Sort the indices ``a`` by ``v[a]`` in place (for crowded bins: O(n log n))."""
    n = a.shape[0]
    for root in range(n // 2 - 1, -1, -1):
        _sift(v, a, root, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        _sift(v, a, 0, end)


@njit(cache=True, nogil=True)
def _argsort_angles(v: np.ndarray) -> np.ndarray:  # pragma: no cover - compiled
    """Indices that sort angles ``v`` in [-pi, pi]: a counting sort into about one bin
    per angle, then an insertion sort that only meets the few angles sharing a bin (a
    bin is a monotone function of the angle). Crowded bins are heap-sorted first."""
    n = v.shape[0]
    nb = max(n, 1)
    scale = nb / _TWO_PI
    start = np.empty(nb + 1, dtype=np.int64)
    for b in range(nb + 1):
        start[b] = 0
    bins = np.empty(n, dtype=np.int64)
    for i in range(n):
        b = min(max(np.int64((v[i] + math.pi) * scale), 0), nb - 1)
        bins[i] = b
        start[b + 1] += 1
    for b in range(nb):
        start[b + 1] += start[b]
    a = np.empty(n, dtype=np.int64)
    for i in range(n):
        a[start[bins[i]]] = i
        start[bins[i]] += 1
    lo = 0  # start[b] is now the end of bin b
    for b in range(nb):
        if start[b] - lo > 32:
            _heapsort(v, a[lo : start[b]])
        lo = start[b]
    for i in range(1, n):
        x = a[i]
        j = i - 1
        while j >= 0 and v[a[j]] > v[x]:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    return a


@njit(cache=True, nogil=True)
def _push(pts: np.ndarray, n: int, x: float, y: float) -> int:  # pragma: no cover - compiled
    """Append ``(x, y)`` to the first ``n`` rows of ``pts`` unless it repeats the last."""
    if n == 0 or x != pts[n - 1, 0] or y != pts[n - 1, 1]:
        pts[n, 0] = x
        pts[n, 1] = y
        n += 1
    return n


@njit(cache=True, nogil=True, error_model="numpy")
def _on_wall(
    seg: np.ndarray, w: int, c: float, s: float
) -> tuple[float, float]:  # pragma: no cover
    """The point where the ray in direction ``(c, s)`` meets wall ``w`` (origin-relative)."""
    ax, ay, bx, by = seg[w, 0], seg[w, 1], seg[w, 2], seg[w, 3]
    t = (ax * by - ay * bx) / (c * (by - ay) - s * (bx - ax))
    return t * c, t * s


@njit(cache=True, nogil=True, error_model="numpy")
def isovist_kernel(
    walls: np.ndarray, wall_owner: np.ndarray, grid: tuple, circle: np.ndarray, query: tuple
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """The isovist among ``walls`` (obstacle on the left) of ``query = (ox, oy, radius,
    has_sector, lo, hi)``; ``lo``, ``hi``: math angles of the sector's edges.

    ``grid`` is ``(wall_cell, cell_start, cell_items, (x0, y0, cell, nx, ny))`` (see
    ``isovist._wall_grid``), ``circle`` the unit radius polygon (``isovist._unit_circle``).
    Returns the polygon's ring ``(k, 2)`` (absolute, not closed), the visible wall
    pieces ``(p, 4)`` with the index in ``walls`` of the wall each lies on, and per
    building the angle (radians) in which it is the first thing seen.
    """
    ox, oy, radius, has_sector, lo, hi = query
    seg, wid, near, m_all = _candidates(walls, grid, circle, ox, oy, radius)
    m, ta, tb = _cull(seg, wid, near, m_all)

    # Step 4: events (sorted, unique angles) and the interval each end point opens.
    n_all = 2 * m + (2 if has_sector else 0)
    ang = np.empty(n_all)
    for w in range(m):
        ang[w] = ta[w]
        ang[m + w] = tb[w]
    if has_sector:
        ang[2 * m] = lo
        ang[2 * m + 1] = hi
    order = _argsort_angles(ang)
    rank = np.empty(n_all, dtype=np.int64)
    events = np.empty(n_all)
    # Unit vector of each event's direction, from the first end point at that angle.
    cx = np.empty(n_all)
    cy = np.empty(n_all)
    n_ev = 0
    for k in range(n_all):
        e = order[k]
        v = ang[e]
        if n_ev == 0 or v != events[n_ev - 1]:
            events[n_ev] = v
            if e < 2 * m:
                px = seg[e % m, 2 * (e // m)]
                py = seg[e % m, 2 * (e // m) + 1]
                norm = math.sqrt(px * px + py * py)
                cx[n_ev] = px / norm
                cy[n_ev] = py / norm
            else:  # a sector edge
                cx[n_ev] = math.cos(v)
                cy[n_ev] = math.sin(v)
            n_ev += 1
        rank[e] = n_ev - 1
    # A ray strictly inside each interval (no interval is as wide as pi: each lies
    # within the span of some wall): the sum of the unit vectors of its two events.
    ux = np.empty(n_ev)
    uy = np.empty(n_ev)
    best = np.empty(n_ev)
    winner = np.empty(n_ev, dtype=np.int64)
    for k in range(n_ev):
        best[k] = np.inf
        winner[k] = -1
        nxt = k + 1 if k + 1 < n_ev else 0
        ux[k] = cx[k] + cx[nxt]
        uy[k] = cy[k] + cy[nxt]
    for w in range(m):
        ax, ay, bx, by = seg[w, 0], seg[w, 1], seg[w, 2], seg[w, 3]
        dx = bx - ax
        dy = by - ay
        cab = ax * by - ay * bx
        iv = rank[w]
        for _ in range((rank[m + w] - iv) % n_ev):
            d = cab / (ux[iv] * dy - uy[iv] * dx)
            if d <= best[iv]:  # ties: the later wall wins
                best[iv] = d
                winner[iv] = w
            iv += 1
            if iv == n_ev:
                iv = 0

    # Step 5: intervals in drawing order, cut into runs with the same nearest wall.
    k_first = rank[2 * m] if has_sector else 0
    n_ord = n_ev
    if has_sector and (rank[2 * m + 1] - k_first) % n_ev > 0:
        n_ord = (rank[2 * m + 1] - k_first) % n_ev
    seq = np.empty(n_ord, dtype=np.int64)
    for i in range(n_ord):
        seq[i] = winner[(k_first + i) % n_ev]
        if seq[i] < 0:
            raise AssertionError("isovist sweep left a direction without a wall")
    starts = np.empty(n_ord, dtype=np.int64)
    n_run = 0
    for i in range(n_ord):
        if i == 0 or seq[i] != seq[i - 1]:
            starts[n_run] = i
            n_run += 1
    wrap = (not has_sector) and n_run > 1 and seq[0] == seq[n_ord - 1]
    first_run = 1 if wrap else 0  # the run through angle pi continues from the last one
    count = n_run - first_run
    pts = np.empty((2 * count + (1 if has_sector else 0), 2))
    n_pts = _push(pts, 0, 0.0, 0.0) if has_sector else 0  # a sector starts at the origin
    pieces = np.empty((count, 4))
    piece_wall = np.empty(count, dtype=np.int64)
    n_owner = 0
    for w in range(m):
        if wid[w] >= 0 and wall_owner.shape[0] > 0:
            n_owner = max(n_owner, wall_owner[wid[w]] + 1)
    view = np.zeros(n_owner)
    n_piece = 0
    k_cs, c_s, s_s = -1, 1.0, 0.0  # the last event whose cos and sin were computed
    for r in range(first_run, n_run):
        i0 = starts[r]
        i1 = starts[r + 1] if r + 1 < n_run else n_ord
        if wrap and r == n_run - 1:
            i1 = starts[1] + n_ord  # ends where the second run starts, after the wrap
        w = seq[i0]
        k_s = (k_first + i0) % n_ev
        k_e = (k_first + i1) % n_ev
        if rank[w] == k_s:
            sx, sy = seg[w, 0], seg[w, 1]
        else:
            if k_cs != k_s:  # (a run mostly starts where the previous one ended)
                k_cs, c_s, s_s = k_s, math.cos(events[k_s]), math.sin(events[k_s])
            sx, sy = _on_wall(seg, w, c_s, s_s)
        if rank[m + w] == k_e:
            ex, ey = seg[w, 2], seg[w, 3]
        else:
            k_cs, c_s, s_s = k_e, math.cos(events[k_e]), math.sin(events[k_e])
            ex, ey = _on_wall(seg, w, c_s, s_s)
        width = _TWO_PI if count == 1 and not has_sector else (events[k_e] - events[k_s]) % _TWO_PI
        n_pts = _push(pts, n_pts, sx, sy)
        n_pts = _push(pts, n_pts, ex, ey)
        owner = wall_owner[wid[w]] if wid[w] >= 0 and wall_owner.shape[0] > 0 else -1
        if owner >= 0:
            view[owner] += width
            pieces[n_piece, 0], pieces[n_piece, 1] = sx + ox, sy + oy
            pieces[n_piece, 2], pieces[n_piece, 3] = ex + ox, ey + oy
            piece_wall[n_piece] = wid[w]
            n_piece += 1
    if n_pts > 1 and pts[0, 0] == pts[n_pts - 1, 0] and pts[0, 1] == pts[n_pts - 1, 1]:
        n_pts -= 1
    ring = np.empty((n_pts, 2))
    for k in range(n_pts):
        ring[k, 0] = pts[k, 0] + ox
        ring[k, 1] = pts[k, 1] + oy
    return ring, pieces[:n_piece], piece_wall[:n_piece], view
