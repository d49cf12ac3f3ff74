"""Compressed sparse row (CSR) building blocks of the network index, pure numpy/scipy:
the matrix of the cheapest of parallel arcs, segment ids shared by the two directions of
one street piece, and walking a Dijkstra predecessor row back into a path.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix


def build_csr(
    n: int, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray
) -> tuple[csr_matrix, np.ndarray, np.ndarray]:
    """Build an ``n × n`` CSR of the cheapest of parallel arcs.

    Returns
    -------
    matrix, arcs, keys
        The matrix (explicit zeros are kept: they are zero-cost edges), the index into
        ``rows`` of each stored entry, and each entry's sort key ``row * n + col``.
    """
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    weights = np.asarray(weights, dtype=float)
    ok = np.isfinite(weights)
    idx = np.flatnonzero(ok)
    keys = rows[idx] * n + cols[idx]
    order = np.lexsort((weights[idx], keys))
    idx, keys = idx[order], keys[order]
    first = np.ones(keys.shape[0], dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    idx, keys = idx[first], keys[first]
    r = rows[idx]
    indptr = np.zeros(n + 1, dtype=np.int64)
    indptr[1:] = np.cumsum(np.bincount(r, minlength=n))
    mat = csr_matrix((weights[idx], cols[idx].astype(np.int32), indptr), shape=(n, n))
    return mat, idx, keys


def segments(arc_u: np.ndarray, arc_v: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Segment id per arc: arcs with the same unordered end nodes and length (0.1 m)."""
    if arc_u.shape[0] == 0:
        return np.empty(0, dtype=np.int64)
    lo = np.minimum(arc_u, arc_v)
    hi = np.maximum(arc_u, arc_v)
    dm = np.round(length * 10.0).astype(np.int64)
    table = np.stack([lo, hi, dm], axis=1)
    _, inverse = np.unique(table, axis=0, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64)


def walk_predecessors(pred: np.ndarray, source: int, target: int) -> list[int] | None:
    """Return the position path ``source … target`` from a predecessor row, or None."""
    if source == target:
        return [source]
    path = [target]
    j = target
    guard = pred.shape[0]
    while j != source:
        j = int(pred[j])
        if j < 0 or guard == 0:
            return None
        path.append(j)
        guard -= 1
    path.reverse()
    return path
