"""Shadows of buildings under a point light (an elevated eye), for the 2.5D viewshed.

A building of height ``H`` lower than the eye at height ``h`` hides the ground points
``lambda * x`` (origin at the eye's foot) for ``x`` in its footprint and ``1 <= lambda
< k``, ``k = h / (h - H)`` (see :mod:`.viewshed`). This module builds that shadow as a
polygon per building, as fast as exactly possible:

- a footprint whose walls facing away from the eye form one run (every convex one
  seen from outside, many others) gets its polygon directly (:func:`_one_run_shadows`);
- a convex footprint with the eye inside: the convex hull of it and its scaled copy;
- any other: the union of the footprint and one strip per run (:func:`shadow_strips`),
  unioned per building by ``buffer(0)`` in one call.

Metres in the index's CRS. No Qt here.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.cover import hidden_behind
from omgevingsscan.analysis.visibility.index import FloatArray, IntArray, VisibilityIndex


def shadow_quads(
    index: VisibilityIndex, buildings: IntArray, origin: tuple[float, float], scale: FloatArray
) -> tuple[np.ndarray, IntArray]:
    """Shadow quadrilaterals of ``buildings`` (grown footprints) under a point light.

    For every edge facing away from ``origin`` of building ``buildings[i]``, the quad
    from the edge to the edge scaled by ``scale[i]`` about ``origin``.

    Returns
    -------
    quads, owner
        Shapely polygons and the building index of each.
    """
    if len(buildings) == 0:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    k_of = np.zeros(len(index), dtype=float)
    k_of[buildings] = scale
    sel = np.flatnonzero(np.isin(index.edge_owner, buildings))
    e = index.edges[sel]
    ox, oy = origin
    ax, ay, bx, by = e[:, 0] - ox, e[:, 1] - oy, e[:, 2] - ox, e[:, 3] - oy
    back = ax * by - ay * bx > 0  # the eye on the inner side of the wall
    sel, ax, ay, bx, by = sel[back], ax[back], ay[back], bx[back], by[back]
    k = k_of[index.edge_owner[sel]]
    ring = np.stack(
        [
            np.column_stack([ax, ay]),
            np.column_stack([bx, by]),
            np.column_stack([k * bx, k * by]),
            np.column_stack([k * ax, k * ay]),
            np.column_stack([ax, ay]),
        ],
        axis=1,
    ) + np.array([ox, oy])
    return shapely.polygons(ring), index.edge_owner[sel]


def shadows(
    index: VisibilityIndex, buildings: IntArray, origin: tuple[float, float], scale: FloatArray
) -> np.ndarray:
    """The shadow of each of ``buildings`` (grown footprints) under a point light at
    ``origin``, scaled by ``scale[i]``: one polygon per building.

    A footprint whose walls facing away from the light form one run (every convex
    one, and many others) gets its shadow polygon directly (:func:`_one_run_shadows`);
    a convex one otherwise (the light inside it) the convex hull of the footprint and
    its scaled copy; any other the union of the footprint and its strips
    (:func:`shadow_strips`), unioned per building by ``buffer(0)`` in one call. Unioning
    per building first, then all of them, is faster than one union of every piece.
    """
    out = np.empty(len(buildings), dtype=object)
    if len(buildings) == 0:
        return out
    # Footprints with one run of walls facing away (every convex one seen from
    # outside, many others) get their shadow directly; hulls and unions for the rest.
    direct, ok = _one_run_shadows(index, buildings, origin, scale)
    out[ok] = direct[ok]
    convex = index.grown_convex[buildings] & ~ok
    cb = buildings[convex]
    if len(cb):
        coords, which = shapely.get_coordinates(index.grown[cb], return_index=True)
        o = np.asarray(origin)
        scaled = o + scale[convex][which, None] * (coords - o)
        both = np.vstack([coords, scaled])
        idx = np.concatenate([which, which])
        order = np.argsort(idx, kind="stable")
        pts = shapely.multipoints(both[order], indices=idx[order])
        out[convex] = shapely.convex_hull(pts)
    rest = np.flatnonzero(~convex & ~ok)
    if len(rest):
        strips, owner = shadow_strips(index, buildings[rest], origin, scale[rest])
        # Per building, its footprint's parts and its strips as one (overlapping)
        # multipolygon; buffer(0) unions the parts, for all buildings in one call.
        row_of = np.zeros(len(index), dtype=np.int64)
        row_of[buildings[rest]] = np.arange(len(rest))
        foot, foot_row = shapely.get_parts(index.grown[buildings[rest]], return_index=True)
        parts = np.concatenate([foot, strips])
        ids = np.concatenate([foot_row, row_of[owner]])
        order = np.argsort(ids, kind="stable")
        merged = shapely.multipolygons(parts[order], indices=ids[order])
        out[rest] = shapely.buffer(merged, 0.0)
    return out


def union_tree(geoms: np.ndarray) -> BaseGeometry:
    """Union of ``geoms`` (polygons; None skipped) by pairwise unions, neighbours first.

    Each round unions items ``2i`` and ``2i + 1`` in one vectorised call, so with the
    input ordered by place (by bearing from the eye, along the façade) each overlay
    joins pieces that overlap most and the intermediate results stay small. For the
    heavily overlapping shadows and views here this is about a third faster than
    :func:`shapely.union_all`, whose R-tree grouping of their wide envelopes is poor.
    The region is the same up to floating point.
    """
    parts = np.asarray(geoms, dtype=object)
    parts = parts[~shapely.is_missing(parts)]
    if len(parts) == 0:
        return Polygon()
    while len(parts) > 1:
        n = len(parts) // 2 * 2
        parts = np.concatenate([shapely.union(parts[0:n:2], parts[1:n:2]), parts[n:]])
    return parts[0]


def bearing_order(
    index: VisibilityIndex, buildings: IntArray, origin: tuple[float, float]
) -> IntArray:
    """Order of ``buildings`` by the bearing of their centroids seen from ``origin``."""
    centroids = index.__dict__.get("_centroids")
    if centroids is None:  # geometry only, so a copy with other heights may share it
        centroids = shapely.get_coordinates(shapely.centroid(index.grown))
        index.__dict__["_centroids"] = centroids
    c = centroids[buildings]
    return np.argsort(np.arctan2(c[:, 1] - origin[1], c[:, 0] - origin[0]), kind="stable")


def needed_shadows(
    index: VisibilityIndex,
    buildings: IntArray,
    origin: tuple[float, float],
    scale: FloatArray,
    eye: float,
) -> tuple[np.ndarray, IntArray]:
    """The shadows of :func:`shadows` that can change their union, and their buildings.

    ``buildings`` are all lower than the eye at ``eye`` metres. A building wholly
    hidden behind higher ones nearer the eye (the exact, conservative test of
    :mod:`.cover`) casts no shadow outside theirs, so it is left out; the
    union is the same region. From the demo's upper façade this leaves out about a
    third of the buildings (lower ones far behind higher ones).
    """
    if len(buildings) > 1:
        xy, off = _exterior_rings(index)
        start, count = off[buildings], off[buildings + 1] - off[buildings]
        sub_off = np.concatenate([[0], np.cumsum(count)]).astype(np.int64)
        take = np.repeat(start - sub_off[:-1], count) + np.arange(sub_off[-1])
        hidden = hidden_behind(
            xy[take] - np.asarray(origin, dtype=float),
            sub_off,
            index.heights[buildings].astype(float),
            float(eye),
            1e-9,
        )
        buildings, scale = buildings[~hidden], scale[~hidden]
    return shadows(index, buildings, origin, scale), buildings


def _exterior_rings(index: VisibilityIndex) -> tuple[FloatArray, IntArray]:
    """The exterior ring of each grown footprint (rows ``off[i]:off[i + 1]``, empty
    for a footprint of several parts). Geometry only, so cached on the index."""
    cached = index.__dict__.get("_exterior_rings")
    if cached is None:
        single = shapely.get_num_geometries(index.grown) == 1
        rings = shapely.get_exterior_ring(shapely.get_geometry(index.grown, 0))
        rings[~single] = None
        xy, which = shapely.get_coordinates(rings, return_index=True)
        count = np.bincount(which, minlength=len(index))
        cached = (xy, np.concatenate([[0], np.cumsum(count)]).astype(np.int64))
        index.__dict__["_exterior_rings"] = cached
    return cached


def _ring_ranges(index: VisibilityIndex) -> tuple[IntArray, IntArray, np.ndarray]:
    """First edge and edge count of each building in ``index.edges``, and whether its
    grown footprint is one polygon without holes (its edges are then one closed ring
    in order). Cached on the index."""
    cached = index.__dict__.get("_ring_ranges")
    if cached is None:
        n = len(index)
        start = np.searchsorted(index.edge_owner, np.arange(n)).astype(np.int64)
        count = np.bincount(index.edge_owner, minlength=n).astype(np.int64)
        simple = (shapely.get_num_geometries(index.grown) == 1) & (
            shapely.get_num_interior_rings(shapely.get_geometry(index.grown, 0)) == 0
        )
        cached = (start, count, simple & (count >= 3))
        index.__dict__["_ring_ranges"] = cached
    return cached


def _one_run_shadows(
    index: VisibilityIndex, buildings: IntArray, origin: tuple[float, float], scale: FloatArray
) -> tuple[np.ndarray, np.ndarray]:
    """Shadows built directly, without a union, for footprints whose walls facing away
    from ``origin`` form one run turning less than half a circle.

    Every ray from the origin then enters such a footprint once (through the walls
    facing the origin) and leaves it once (through the run), so the shadow is the
    polygon of the facing walls, the run's end points pushed out along their rays, and
    the run scaled by ``k``: the same region as the footprint plus its quads.

    Returns
    -------
    shadows, ok
        A polygon for each building where ``ok`` (None elsewhere).
    """
    out = np.full(len(buildings), None, dtype=object)
    start, count, simple = _ring_ranges(index)
    n = count[buildings]
    cand = simple[buildings]
    if not cand.any():
        return out, np.zeros(len(buildings), dtype=bool)
    rows = np.flatnonzero(cand)
    n = n[rows]
    first = np.cumsum(n) - n
    row = np.repeat(np.arange(len(rows)), n)
    pos = np.arange(len(row)) - first[row]
    e = index.edges[start[buildings[rows]][row] + pos] - np.array(
        [origin[0], origin[1], origin[0], origin[1]]
    )
    cross = e[:, 0] * e[:, 3] - e[:, 1] * e[:, 2]
    back = cross > 0
    prev = np.where(pos == 0, np.arange(len(row)) + n[row] - 1, np.arange(len(row)) - 1)
    run_start = back & ~back[prev]
    starts = np.bincount(row, weights=run_start, minlength=len(rows))
    m = np.bincount(row, weights=back, minlength=len(rows)).astype(np.int64)
    turn = np.bincount(
        row,
        weights=np.where(back, np.arctan2(cross, e[:, 0] * e[:, 2] + e[:, 1] * e[:, 3]), 0.0),
        minlength=len(rows),
    )
    good = (starts == 1) & (m < n) & (m > 0) & (turn < math.pi)
    s0 = np.zeros(len(rows), dtype=np.int64)
    s0[row[run_start]] = pos[run_start]
    keep = good[row]
    row, pos, e = row[keep], pos[keep], e[keep]
    r = (pos - s0[row]) % n[row]
    mm, nn = m[row], n[row]
    k = scale[rows][row][:, None]
    pts = e[:, 0:2]
    front = r >= mm
    at0 = r == 0
    near = r <= mm
    xy = np.vstack([pts[front], pts[at0], k[near] * pts[near]]) + np.asarray(origin)
    ring = np.concatenate([row[front], row[at0], row[near]])
    key = np.concatenate(
        [r[front] - mm[front], nn[at0] - mm[at0], nn[near] - mm[near] + 1 + r[near]]
    )
    ring = (np.cumsum(good) - 1)[ring]  # contiguous ids of the good buildings
    order = np.lexsort((key, ring))
    polys = shapely.polygons(shapely.linearrings(xy[order], indices=ring[order]))
    done = np.flatnonzero(good)
    out[rows[done]] = polys
    ok = np.zeros(len(buildings), dtype=bool)
    ok[rows[done]] = True
    return out, ok


def shadow_strips(
    index: VisibilityIndex, buildings: IntArray, origin: tuple[float, float], scale: FloatArray
) -> tuple[np.ndarray, IntArray]:
    """The quads of :func:`shadow_quads` merged into strips, one per run of walls
    facing away from ``origin``.

    Consecutive back-facing walls of a ring turn the same way round the origin, so a
    run of them and its copy scaled by ``k`` about the origin bound a simple polygon
    (each ray from the origin meets the run once) that is exactly the union of the
    run's quads. Runs are cut where they turn more than half a circle round the origin
    (an origin inside the footprint), so every strip stays simple. Fewer, larger
    pieces make the union of a shadow several times faster.

    Returns
    -------
    strips, owner
        Shapely polygons and the building index of each.
    """
    if len(buildings) == 0:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    k_of = np.zeros(len(index), dtype=float)
    k_of[buildings] = scale
    sel = np.flatnonzero(np.isin(index.edge_owner, buildings))
    e = index.edges[sel] - np.array([origin[0], origin[1], origin[0], origin[1]])
    cross = e[:, 0] * e[:, 3] - e[:, 1] * e[:, 2]
    back = cross > 0
    sel, e, cross = sel[back], e[back], cross[back]
    if len(sel) == 0:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    # Runs: consecutive edges of one ring, each starting where the previous ended.
    joined = np.zeros(len(sel), dtype=bool)
    joined[1:] = (
        (sel[1:] == sel[:-1] + 1)
        & (e[1:, 0] == e[:-1, 2])
        & (e[1:, 1] == e[:-1, 3])
        & (index.edge_owner[sel[1:]] == index.edge_owner[sel[:-1]])
    )
    turn = np.arctan2(cross, e[:, 0] * e[:, 2] + e[:, 1] * e[:, 3])
    run = np.cumsum(~joined) - 1
    start = np.flatnonzero(~joined)
    turned = np.cumsum(turn) - np.repeat(
        np.cumsum(turn)[start] - turn[start], np.diff(np.append(start, len(sel)))
    )
    half = np.floor(turned / math.pi).astype(np.int64)
    joined[1:] &= half[1:] == half[:-1]
    run = np.cumsum(~joined) - 1
    start = np.flatnonzero(~joined)
    length = np.diff(np.append(start, len(sel)))
    pos = np.arange(len(sel)) - start[run]
    m = length[run]
    k = k_of[index.edge_owner[sel]][:, None]
    last = start + length - 1
    xy = np.vstack([e[:, 0:2], e[last, 2:4], k[last] * e[last, 2:4], k * e[:, 0:2]])
    ring_of = np.concatenate([run, np.arange(len(start)), np.arange(len(start)), run])
    rank = np.concatenate([pos, length, length + 1, 2 * m + 1 - pos])
    order = np.lexsort((rank, ring_of))
    rings = shapely.linearrings(xy[order] + np.asarray(origin), indices=ring_of[order])
    return shapely.polygons(rings), index.edge_owner[sel[start]]
