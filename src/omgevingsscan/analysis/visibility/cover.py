"""Compiled test: which lower buildings are wholly hidden behind higher ones.

Used by :func:`.shadows.needed_shadows`. Metres; coordinates relative to the eye's
foot. Imported lazily: numba compiles (and caches) the kernel on first use.

The test (exact, conservative)
------------------------------
The eye is at height ``h``; buildings are prisms. For a footprint not containing the
eye's foot, let ``[a, b]`` be its angular span seen from the foot, ``d_min`` and
``d_max`` the least and greatest distance of its points. A building ``c`` *covers* a
lower building ``x`` when ``d_max(c) < d_min(x)`` and
``(h - H_c) * d_max(x) < (h - H_x) * d_min(c)``. Then every sight line that passes
through ``x`` below its roof, at a bearing within ``c``'s span, passes through ``c``
below its roof too: at the point of ``c`` on that bearing (distance ``r_c`` in
``[d_min(c), d_max(c)]``, before ``x``) the line has fallen more than
``(h - H_x) / d_max(x) * r_c > (h - H_c) / d_min(c) * r_c >= h - H_c``. So when the
spans of the covering buildings together cover ``x``'s span, everything ``x`` hides
is hidden by them, and ``x``'s shadow can be left out of the union.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from omgevingsscan.analysis.visibility.index import FloatArray, IntArray


@njit(cache=True)
def _extent(ring: FloatArray) -> tuple[float, float, float, float, bool]:  # pragma: no cover
    """Angular span (radians, unwrapped), least and greatest distance from the origin
    of a closed ring; False when the span is not below half a turn."""
    a0 = math.atan2(ring[0, 1], ring[0, 0])
    lo, hi, ang = a0, a0, a0
    d_max = 0.0
    d_min = math.inf
    n = len(ring)
    for i in range(n - 1):
        x0, y0, x1, y1 = ring[i, 0], ring[i, 1], ring[i + 1, 0], ring[i + 1, 1]
        d_max = max(d_max, math.hypot(x0, y0))
        dx, dy = x1 - x0, y1 - y0
        ll = dx * dx + dy * dy
        t = 0.0 if ll == 0.0 else min(1.0, max(0.0, -(x0 * dx + y0 * dy) / ll))
        d_min = min(d_min, math.hypot(x0 + t * dx, y0 + t * dy))
        step = math.atan2(x0 * y1 - y0 * x1, x0 * x1 + y0 * y1)
        ang += step
        lo, hi = min(lo, ang), max(hi, ang)
    ok = d_min > 0.0 and hi - lo < math.pi - 1e-6 and abs(ang - a0) < 1e-6
    return lo, hi, d_min, d_max, ok


@njit(cache=True)
def hidden_behind(  # pragma: no cover - compiled
    xy: FloatArray, off: IntArray, heights: FloatArray, eye: float, margin: float
) -> np.ndarray:
    """Whether each building (closed exterior ring ``xy[off[i]:off[i + 1]]``, relative
    to the eye's foot, height ``heights[i]`` below ``eye``) is covered by the others
    (see the module docstring). ``margin`` is a relative safety margin on the strict
    inequalities. Buildings whose span is half a turn or more are never left out nor
    used to cover."""
    n = len(off) - 1
    lo = np.empty(n)
    hi = np.empty(n)
    dmin = np.empty(n)
    dmax = np.empty(n)
    ok = np.zeros(n, dtype=np.bool_)
    for i in range(n):
        if off[i + 1] - off[i] >= 4:
            lo[i], hi[i], dmin[i], dmax[i], ok[i] = _extent(xy[off[i] : off[i + 1]])
    out = np.zeros(n, dtype=np.bool_)
    cov_lo = np.empty(n)
    cov_hi = np.empty(n)
    near_first = np.argsort(dmax)  # candidates nearest first: stop at the first too far
    top = heights.max()
    for x in range(n):
        # Only a higher building can cover x (an equally high one nearer cannot).
        if not ok[x] or heights[x] >= top:
            continue
        drop = (eye - heights[x]) * (1.0 - margin)
        mid = 0.5 * (lo[x] + hi[x])
        m = 0
        for c in near_first:
            if dmax[c] * (1.0 + margin) >= dmin[x]:
                break
            if heights[c] <= heights[x] or not ok[c]:
                continue
            if (eye - heights[c]) * dmax[x] >= drop * dmin[c]:
                continue
            # Shift c's span by whole turns to the one nearest x's.
            turns = math.floor((mid - 0.5 * (lo[c] + hi[c])) / (2.0 * math.pi) + 0.5)
            a = lo[c] + 2.0 * math.pi * turns
            b = hi[c] + 2.0 * math.pi * turns
            if b <= lo[x] or a >= hi[x]:
                continue
            cov_lo[m], cov_hi[m] = a, b
            m += 1
        if m == 0:
            continue
        order = np.argsort(cov_lo[:m])
        reach = lo[x]
        for j in order:
            if cov_lo[j] >= reach:  # a gap (or only a touch): x is seen through it
                break
            reach = max(reach, cov_hi[j])
            if reach > hi[x]:
                break
        out[x] = reach > hi[x]
    return out
