"""A uniform grid of segments for walking many sight lines at once (numpy, metres)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Most cells a grid may have (its index arrays take 8 bytes a cell).
MAX_CELLS = 4_000_000


class SegmentGrid:
    """Segments binned in a uniform grid of square cells, for sight-line traversal.

    Each segment is listed in every cell its bounding box overlaps (CSR layout:
    ``cell_start``, ``cell_items``). :meth:`candidates` walks the cells a batch of
    straight lines passes through (the exact supercover, at most two cells per column
    or row) and returns the ``(line, segment)`` pairs to test, with repeats.
    """

    def __init__(self, seg: FloatArray, cell: float | None = None) -> None:
        #: No segments at all (no buildings): every line has no candidates.
        self.empty = len(seg) == 0
        if self.empty:
            seg = np.zeros((1, 4))
        lengths = np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1])
        self.cell = float(cell or max(2.0, float(np.median(lengths)) * 2.0))
        self.x0 = float(min(seg[:, 0].min(), seg[:, 2].min())) - self.cell
        self.y0 = float(min(seg[:, 1].min(), seg[:, 3].min())) - self.cell
        x1 = float(max(seg[:, 0].max(), seg[:, 2].max())) + self.cell
        y1 = float(max(seg[:, 1].max(), seg[:, 3].max())) + self.cell
        # Buildings far apart (a scan with an outlier, a tiled area) would need billions
        # of small cells: grow the cells so that there are at most MAX_CELLS.
        area = (x1 - self.x0) * (y1 - self.y0)
        if area / self.cell**2 > MAX_CELLS:
            self.cell = math.sqrt(area / MAX_CELLS) * 1.01
        self.nx = math.ceil((x1 - self.x0) / self.cell) + 1
        self.ny = math.ceil((y1 - self.y0) / self.cell) + 1
        ix0, iy0 = self._cell(np.minimum(seg[:, 0], seg[:, 2]), np.minimum(seg[:, 1], seg[:, 3]))
        ix1, iy1 = self._cell(np.maximum(seg[:, 0], seg[:, 2]), np.maximum(seg[:, 1], seg[:, 3]))
        wx, wy = ix1 - ix0 + 1, iy1 - iy0 + 1
        count = wx * wy
        item = np.repeat(np.arange(len(seg)), count)
        k = np.arange(len(item)) - np.repeat(np.cumsum(count) - count, count)
        cx = ix0[item] + k % wx[item]
        cy = iy0[item] + k // wx[item]
        cid = cy * self.nx + cx
        order = np.argsort(cid, kind="stable")
        self.cell_items: IntArray = item[order]
        self.cell_start: IntArray = np.searchsorted(cid[order], np.arange(self.nx * self.ny + 1))

    def _cell(self, x: FloatArray, y: FloatArray) -> tuple[IntArray, IntArray]:
        ix = np.clip(np.floor((x - self.x0) / self.cell), 0, self.nx - 1).astype(np.int64)
        iy = np.clip(np.floor((y - self.y0) / self.cell), 0, self.ny - 1).astype(np.int64)
        return ix, iy

    def candidates(self, a: FloatArray, b: FloatArray) -> tuple[IntArray, IntArray]:
        """Return ``(line, segment)`` index pairs for lines ``a[i] -> b[i]`` (``(n, 2)``)."""
        if self.empty:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        cs = self.cell
        # Work in grid units; walk along x where the line is flatter, else along y.
        ua = (a - (self.x0, self.y0)) / cs
        ub = (b - (self.x0, self.y0)) / cs
        steep = np.abs(ub[:, 1] - ua[:, 1]) > np.abs(ub[:, 0] - ua[:, 0])
        p = np.where(steep[:, None], ua[:, ::-1], ua)
        q = np.where(steep[:, None], ub[:, ::-1], ub)
        swap = p[:, 0] > q[:, 0]
        p, q = np.where(swap[:, None], q, p), np.where(swap[:, None], p, q)
        c0 = np.floor(p[:, 0]).astype(np.int64)
        c1 = np.floor(q[:, 0]).astype(np.int64)
        count = c1 - c0 + 1
        line = np.repeat(np.arange(len(a)), count)
        col = c0[line] + np.arange(len(line)) - np.repeat(np.cumsum(count) - count, count)
        dx = q[line, 0] - p[line, 0]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            slope = np.where(dx > 0, (q[line, 1] - p[line, 1]) / dx, 0.0)
        xa = np.maximum(p[line, 0], col)
        xb = np.minimum(q[line, 0], col + 1)
        ya = p[line, 1] + (xa - p[line, 0]) * slope
        yb = p[line, 1] + (xb - p[line, 0]) * slope
        r0 = np.floor(np.minimum(ya, yb)).astype(np.int64)
        r1 = np.floor(np.maximum(ya, yb)).astype(np.int64)
        two = r1 != r0
        line = np.concatenate([line, line[two]])
        col = np.concatenate([col, col[two]])
        row = np.concatenate([r0, r1[two]])
        st = steep[line]
        gx, gy = np.where(st, row, col), np.where(st, col, row)
        ok = (gx >= 0) & (gx < self.nx) & (gy >= 0) & (gy < self.ny)
        line, cid = line[ok], (gy * self.nx + gx)[ok]
        start, stop = self.cell_start[cid], self.cell_start[cid + 1]
        n = stop - start
        out_line = np.repeat(line, n)
        pos = np.arange(len(out_line)) - np.repeat(np.cumsum(n) - n - start, n)
        return out_line, self.cell_items[pos]
