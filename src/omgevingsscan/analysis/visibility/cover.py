"""Which lower buildings are wholly hidden behind higher ones, seen from an eye.

Used by :func:`.blocks.casting`. Metres; coordinates relative to the eye's
foot. The extents are vectorised numpy, the pairwise test a compiled loop
(:func:`.shadow_kernel.covered`).

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
spans of the covering buildings together cover ``x``'s span (overlapping, no gap),
everything ``x`` hides is hidden by them, and ``x``'s shadow can be left out of the
union. Only a higher ``c`` can cover ``x``, so no two buildings leave each other out.
"""

from __future__ import annotations

import math

import numpy as np

from omgevingsscan.analysis.visibility.index import FloatArray, IntArray


def ring_extents(
    xy: FloatArray, off: IntArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, np.ndarray]:
    """Angular span (radians, ``lo``, ``hi``, unwrapped), least and greatest distance
    from the origin of each closed ring ``xy[off[i]:off[i + 1]]``, and whether it is
    usable: not around or touching the origin, span below half a turn."""
    n = len(off) - 1
    ne = np.maximum(np.diff(off) - 1, 0)  # edges of each ring
    eoff = np.concatenate([[0], np.cumsum(ne)]).astype(np.int64)
    lo, hi = np.zeros(n), np.zeros(n)
    dmin, dmax = np.zeros(n), np.zeros(n)
    good = ne >= 3
    if not good.any():
        return lo, hi, dmin, dmax, good
    idx = np.repeat(off[:-1] - eoff[:-1], ne) + np.arange(eoff[-1])
    p, q = xy[idx], xy[idx + 1]
    ring = np.repeat(np.arange(n), ne)
    cross = p[:, 0] * q[:, 1] - p[:, 1] * q[:, 0]
    step = np.arctan2(cross, p[:, 0] * q[:, 0] + p[:, 1] * q[:, 1])
    cum = np.cumsum(step)
    before = np.concatenate([[0.0], cum])[eoff[:-1]]
    base = np.zeros(n)
    has = ne > 0
    base[has] = np.arctan2(xy[off[:-1][has], 1], xy[off[:-1][has], 0])
    ang = base[ring] + cum - before[ring]  # bearing after each edge, unwrapped
    d = q - p
    ll = np.einsum("ij,ij->i", d, d)
    t = np.clip(-np.einsum("ij,ij->i", p, d) / np.where(ll > 0, ll, 1.0), 0.0, 1.0)
    near = np.hypot(p[:, 0] + t * d[:, 0], p[:, 1] + t * d[:, 1])
    far = np.hypot(p[:, 0], p[:, 1])
    starts = eoff[:-1][has]
    lo[has] = np.minimum(np.minimum.reduceat(ang, starts), base[has])
    hi[has] = np.maximum(np.maximum.reduceat(ang, starts), base[has])
    dmin[has] = np.minimum.reduceat(near, starts)
    dmax[has] = np.maximum.reduceat(far, starts)
    turn = np.zeros(n)
    turn[has] = np.add.reduceat(step, starts)
    good &= (dmin > 0) & (hi - lo < math.pi - 1e-6) & (np.abs(turn) < 1e-6)
    return lo, hi, dmin, dmax, good


def hidden_behind(
    xy: FloatArray, off: IntArray, heights: FloatArray, eye: float, margin: float = 1e-9
) -> np.ndarray:
    """Whether each building (closed exterior ring ``xy[off[i]:off[i + 1]]``, relative
    to the eye's foot, height ``heights[i]`` below ``eye``) is covered by the others
    (see the module docstring). ``margin`` is a relative safety margin on the strict
    inequalities. Buildings whose span is half a turn or more are never left out nor
    used to cover."""
    from omgevingsscan.analysis.visibility.shadow_kernel import covered

    lo, hi, dmin, dmax, good = ring_extents(xy, off)
    return covered(lo, hi, dmin, dmax, good, np.asarray(heights, dtype=float), eye, margin)
