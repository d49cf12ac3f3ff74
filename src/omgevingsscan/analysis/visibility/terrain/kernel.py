"""The terrain-profile test of many sight lines, compiled (numba).

:func:`profile_block` answers what :func:`.sight.terrain_block` asks: for each line
from ``a`` (eye at absolute ``za``) to ``b`` (``zb``), the fraction ``t`` of the way
where it first runs below the ground (NaN where it never does). The samples are those
of the vectorised reference :func:`profile_block_numpy`, in the same order and with
the same arithmetic: every half cell along the line, a cell's length left out at each
end (the eyes stand there), the ground bilinear between cell centres exactly as
:meth:`omgevingsscan.io.terrain.Terrain.elevation`. The compiled loop stops at the
first sample below the ground, so a blocked line costs only up to its blocker, and
it keeps no sample arrays (the reference builds them in batches). Metres. No Qt.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from omgevingsscan.io.terrain import Terrain

FloatArray = NDArray[np.float64]

_KERNEL: Any = None


def _compile() -> Any:
    """Compile the kernel on first use (numba is imported only then)."""
    global _KERNEL
    if _KERNEL is not None:
        return _KERNEL
    from numba import njit

    @njit(cache=True)
    def kernel(a, za, b, zb, z, x0, y0, cell, raise_by, tol, out):  # type: ignore[no-untyped-def]
        rows, cols = z.shape
        step = cell / 2.0
        cmax = max(cols - 2, 0)
        rmax = max(rows - 2, 0)
        for i in range(a.shape[0]):
            ax, ay, bx, by = a[i, 0], a[i, 1], b[i, 0], b[i, 1]
            length = np.hypot(bx - ax, by - ay)
            count = max(int(np.ceil(length / step)), 1) + 1
            margin = cell / max(length, 1e-9) if length > 0 else 1.0
            den = float(max(count - 1, 1))
            for k in range(count):
                t = k / den
                if not (t > margin and t < 1.0 - margin):
                    continue
                x = ax + t * (bx - ax)
                y = ay + t * (by - ay)
                zl = za[i] + t * (zb[i] - za[i])
                c = min(max((x - x0) / cell - 0.5, 0.0), cols - 1.0)
                r = min(max((y0 - y) / cell - 0.5, 0.0), rows - 1.0)
                c0 = min(int(np.floor(c)), cmax)
                r0 = min(int(np.floor(r)), rmax)
                c1 = min(c0 + 1, cols - 1)
                r1 = min(r0 + 1, rows - 1)
                fc = c - c0
                fr = r - r0
                top = z[r0, c0] * (1 - fc) + z[r0, c1] * fc
                bottom = z[r1, c0] * (1 - fc) + z[r1, c1] * fc
                ground = top * (1 - fr) + bottom * fr
                if zl < ground + raise_by - tol:
                    out[i] = t
                    break

    _KERNEL = kernel
    return kernel


def profile_block(
    z: NDArray[np.float32],
    x0: float,
    y0: float,
    cell: float,
    a: FloatArray,
    za: FloatArray,
    b: FloatArray,
    zb: FloatArray,
    raise_by: float,
    tolerance: float,
) -> FloatArray:
    """First fraction ``t`` where each line runs below the ground (NaN: never).

    Parameters
    ----------
    z, x0, y0, cell
        The terrain grid (:class:`~omgevingsscan.io.terrain.Terrain`), metres.
    a, b
        ``(n, 2)`` end points, metres; ``za``, ``zb`` absolute eye elevations (m).
    raise_by
        Metres added to the ground between the ends.
    tolerance
        Ground closer than this (m) under the line does not block.
    """
    out = np.full(len(a), np.nan)
    if len(a):
        _compile()(
            np.ascontiguousarray(a, dtype=np.float64),
            np.ascontiguousarray(za, dtype=np.float64),
            np.ascontiguousarray(b, dtype=np.float64),
            np.ascontiguousarray(zb, dtype=np.float64),
            np.ascontiguousarray(z),
            float(x0),
            float(y0),
            float(cell),
            float(raise_by),
            float(tolerance),
            out,
        )
    return out


#: Samples of one profile per batch in :func:`profile_block_numpy`.
_PROFILE_BATCH = 2_000_000


def profile_block_numpy(
    terrain: Terrain,
    a: FloatArray,
    za: FloatArray,
    b: FloatArray,
    zb: FloatArray,
    raise_by: float,
    tolerance: float,
) -> FloatArray:
    """The vectorised reference of :func:`profile_block` (the tests and the bench
    compare the two): all samples of a batch of lines at once, in numpy."""
    n = len(a)
    out = np.full(n, np.nan)
    length = np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1])
    step = terrain.cell / 2.0
    count = np.maximum(np.ceil(length / step).astype(np.int64), 1) + 1
    start = 0
    while start < n:
        stop = start + 1
        total = int(count[start])
        while stop < n and total + count[stop] <= _PROFILE_BATCH:
            total += int(count[stop])
            stop += 1
        idx = np.arange(start, stop)
        c = count[idx]
        line = np.repeat(idx, c)
        k = np.arange(len(line)) - np.repeat(np.cumsum(c) - c, c)
        t = k / (c[line - start] - 1).clip(min=1)
        # Leave out a cell at each end: the eyes stand there, on the ground.
        margin = np.where(length[line] > 0, terrain.cell / np.maximum(length[line], 1e-9), 1.0)
        inner = (t > margin) & (t < 1.0 - margin)
        line, t = line[inner], t[inner]
        x = a[line, 0] + t * (b[line, 0] - a[line, 0])
        y = a[line, 1] + t * (b[line, 1] - a[line, 1])
        z = za[line] + t * (zb[line] - za[line])
        below = z < terrain.elevation(x, y) + raise_by - tolerance
        if below.any():
            first = np.full(n, np.inf)
            np.minimum.at(first, line[below], t[below])
            hit = np.isfinite(first)
            out[hit] = first[hit]
        start = stop
    return out


_SEEN: Any = None


def _compile_seen() -> Any:
    """Compile the raster sight-line kernel of :func:`seen_any` on first use."""
    global _SEEN
    if _SEEN is not None:
        return _SEEN
    from numba import njit, prange

    @njit(cache=True)
    def clear(
        ax,
        ay,
        za,
        bx,
        by,
        zb,
        z,
        x0,
        y0,
        cell,
        tops,
        bx0,
        by0,
        bcell,
        raise_by,
        tol,
        skip,
        sky,
        gcell,
    ):  # type: ignore[no-untyped-def]
        # skip[0]: metres left out at each end for the ground, skip[1] for buildings.
        # sky: a bound (m) on every building top and raised ground within a coarse
        # cell of gcell metres and its neighbours; a stretch of line above it is clear.
        rows, cols = z.shape
        brows, bcols = tops.shape
        grows, gcols = sky.shape
        length = np.hypot(bx - ax, by - ay)
        step = min(cell, bcell) / 2.0
        count = max(int(np.ceil(length / step)), 1) + 1
        ground_margin = skip[0] / max(length, 1e-9) if length > 0 else 1.0
        wall_margin = skip[1] / max(length, 1e-9) if length > 0 else 1.0
        den = float(max(count - 1, 1))
        cmax = max(cols - 2, 0)
        rmax = max(rows - 2, 0)
        jump = int(gcell / step) if length > 0 else 0
        # From both ends inwards in turn: a line is mostly blocked near one of its
        # ends (a wall by the eye, the site building by the façade), so it stops
        # sooner; the same samples are tested in any order.
        lo, hi = 0, count - 1
        side = 0
        while lo <= hi:
            k = lo if side == 0 else hi
            t = k / den
            x = ax + t * (bx - ax)
            y = ay + t * (by - ay)
            zl = za + t * (zb - za)
            moved = False
            if jump > 1:
                gc = int(np.floor((x - bx0) / gcell))
                gr = int(np.floor((by0 - y) / gcell))
                if 0 <= gr < grows and 0 <= gc < gcols:
                    k2 = min(k + jump, hi) if side == 0 else max(k - jump, lo)
                    z2 = za + (k2 / den) * (zb - za)
                    if min(zl, z2) > sky[gr, gc]:
                        if side == 0:
                            lo = k2 + 1
                        else:
                            hi = k2 - 1
                        moved = True
            if not moved:
                if side == 0:
                    lo += 1
                else:
                    hi -= 1
            side = 1 - side
            if moved or not (t > wall_margin and t < 1.0 - wall_margin):
                continue
            bc = int(np.floor((x - bx0) / bcell))
            br = int(np.floor((by0 - y) / bcell))
            if 0 <= br < brows and 0 <= bc < bcols and zl < tops[br, bc]:
                return False
            if not (t > ground_margin and t < 1.0 - ground_margin):
                continue
            c = min(max((x - x0) / cell - 0.5, 0.0), cols - 1.0)
            r = min(max((y0 - y) / cell - 0.5, 0.0), rows - 1.0)
            c0 = min(int(np.floor(c)), cmax)
            r0 = min(int(np.floor(r)), rmax)
            c1 = min(c0 + 1, cols - 1)
            r1 = min(r0 + 1, rows - 1)
            fc = c - c0
            fr = r - r0
            top = z[r0, c0] * (1 - fc) + z[r0, c1] * fc
            bottom = z[r1, c0] * (1 - fc) + z[r1, c1] * fc
            if zl < top * (1 - fr) + bottom * fr + raise_by - tol:
                return False
        return True

    @njit(cache=True, parallel=True)
    def kernel(
        src,
        zsrc,
        tgt,
        ztgt,
        z,
        x0,
        y0,
        cell,
        tops3,
        bx0,
        by0,
        bcell,
        dz,
        tol,
        skip,
        sky,
        gcell,
        out,
    ):  # type: ignore[no-untyped-def]
        # out[i, l]: source i sees some target at the low (0), nominal (1), high (2)
        # heights. A line clear at the high heights is clear at all; one blocked at the
        # low heights is blocked at all: test low first, stop once clear at high.
        for i in prange(src.shape[0]):
            ax, ay, za = src[i, 0], src[i, 1], zsrc[i]
            for j in range(tgt.shape[0]):
                bx, by, zb = tgt[j, 0], tgt[j, 1], ztgt[j]
                if not clear(ax, ay, za, bx, by, zb, z, x0, y0, cell, tops3[0], bx0, by0,
                             bcell, -dz, tol, skip, sky, gcell):  # fmt: skip
                    continue
                out[i, 0] = True
                if not out[i, 1]:
                    if not clear(ax, ay, za, bx, by, zb, z, x0, y0, cell, tops3[1], bx0, by0,
                                 bcell, 0.0, tol, skip, sky, gcell):  # fmt: skip
                        continue
                    out[i, 1] = True
                if clear(ax, ay, za, bx, by, zb, z, x0, y0, cell, tops3[2], bx0, by0, bcell,
                         dz, tol, skip, sky, gcell):  # fmt: skip
                    out[i, 2] = True
                    break

    _SEEN = kernel
    return kernel


def seen_any(
    terrain: Terrain,
    tops: NDArray[np.float32],
    tops_origin: tuple[float, float, float],
    src: FloatArray,
    zsrc: FloatArray,
    tgt: FloatArray,
    ztgt: FloatArray,
    *,
    skip: tuple[float, float],
    tolerance: float,
    dz: float,
    sky: tuple[NDArray[np.float32], float] | None = None,
) -> NDArray[np.bool_]:
    """Which sources see at least one target over a raster of the terrain and the
    buildings on it (used by :mod:`.exposure`).

    Parameters
    ----------
    terrain
        Ground elevations (bilinear, as :meth:`Terrain.elevation`).
    tops
        ``(3, rows, cols)`` absolute building tops (m; -inf where no building) at the
        low, nominal and high heights, cells of ``tops_origin = (x0, y0, cell)``.
    src, tgt
        ``(n, 2)`` / ``(m, 2)`` points (metres); ``zsrc``, ``ztgt`` absolute eye
        elevations (m).
    skip
        Metres left out at each end of a line: for the ground (the ends' own DEM cell,
        as :func:`profile_block`) and for the buildings (the ends' own wall).
    tolerance
        Ground closer than this (m) under the line does not block.
    dz
        Metres the ground between the ends is moved for the low / high checks.
    sky
        ``(bound, cell)`` from :func:`sky_bound` (same origin as ``tops``): stretches
        of line above it are passed over without sampling. None: every sample is
        tested. The answer is the same either way.

    Returns
    -------
    NDArray
        ``(n, 3)`` booleans: some target seen at the low, nominal, high heights (the
        ground moved by ``-dz``, 0, ``+dz`` between the ends). Sources run in
        parallel (numba ``prange``).
    """
    n, m = len(src), len(tgt)
    out = np.zeros((n, 3), dtype=np.bool_)
    if n and m:
        bx0, by0, bcell = tops_origin
        _compile_seen()(
            np.ascontiguousarray(src, dtype=np.float64),
            np.ascontiguousarray(zsrc, dtype=np.float64),
            np.ascontiguousarray(tgt, dtype=np.float64),
            np.ascontiguousarray(ztgt, dtype=np.float64),
            np.ascontiguousarray(terrain.z),
            float(terrain.x0),
            float(terrain.y0),
            float(terrain.cell),
            np.ascontiguousarray(tops, dtype=np.float32),
            float(bx0),
            float(by0),
            float(bcell),
            float(dz),
            float(tolerance),
            np.asarray(skip, dtype=np.float64),
            sky[0] if sky is not None else np.zeros((0, 0), dtype=np.float32),
            float(sky[1]) if sky is not None else 1.0,
            out,
        )
    return out


def sky_bound(
    terrain: Terrain,
    tops: NDArray[np.float32],
    tops_origin: tuple[float, float, float],
    dz: float,
    factor: int = 4,
) -> tuple[NDArray[np.float32], float]:
    """A coarse upper bound for :func:`seen_any`: per block of ``factor`` x ``factor``
    building cells, the highest building top (any level) or ground (+ ``|dz|``) within
    the block and its eight neighbours, so a line segment no longer than a block that
    starts in the block and stays above the bound is clear. Returns (bound, cell m)."""
    from scipy.ndimage import maximum_filter

    bx0, by0, bcell = tops_origin
    rows, cols = tops.shape[1:]
    grows, gcols = -(-rows // factor), -(-cols // factor)
    fine = np.full((grows * factor, gcols * factor), -np.inf, dtype=np.float32)
    fine[:rows, :cols] = tops.max(axis=0)
    # Bilinear ground at any point of a building cell is at most the highest DEM node
    # within reach of the node nearest its centre.
    reach = 2 * int(np.ceil(bcell / terrain.cell)) + 3
    zmax = maximum_filter(terrain.z, size=reach, mode="nearest")
    xs = bx0 + (np.arange(fine.shape[1]) + 0.5) * bcell
    ys = by0 - (np.arange(fine.shape[0]) + 0.5) * bcell
    zr, zc = zmax.shape
    ci = np.clip(np.round((xs - terrain.x0) / terrain.cell - 0.5).astype(np.int64), 0, zc - 1)
    ri = np.clip(np.round((terrain.y0 - ys) / terrain.cell - 0.5).astype(np.int64), 0, zr - 1)
    ground = zmax[ri[:, None], ci[None, :]] + abs(dz) + 0.01
    fine = np.maximum(fine, ground.astype(np.float32))
    blocks = fine.reshape(grows, factor, gcols, factor).max(axis=(1, 3))
    return maximum_filter(blocks, size=3, mode="nearest").astype(np.float32), bcell * factor
