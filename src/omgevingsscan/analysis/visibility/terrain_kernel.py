"""The terrain-profile test of many sight lines, compiled (numba).

:func:`profile_block` answers what :func:`.terrain.terrain_block` asks: for each line
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
