"""Shadows of buildings under a point light (an elevated eye), for the 2.5D viewshed.

A building of height ``H`` lower than the eye at height ``h`` hides the ground points
``lambda * x`` (origin at the eye's foot) for ``x`` in its footprint and ``1 <= lambda
< k``, ``k = h / (h - H)`` (see :mod:`.viewshed`). This module builds that shadow as a
polygon per building, as fast as exactly possible:

- a footprint of one part whose stretches along every ray from the eye overlap once
  scaled (all but a few): the region between its near boundary and its far boundary
  scaled, built directly by a compiled kernel (:mod:`.shadow_kernel`);
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

    A footprint of one part (holes allowed) whose stretches along every ray from the
    light overlap once scaled gets its shadow directly, from the compiled kernel
    (:mod:`.shadow_kernel`; all but a few on the demo). A convex one refused there (the
    light inside it) gets the convex hull of the footprint and its scaled copy; any
    other the union of the footprint and its strips (:func:`shadow_strips`), unioned
    per building by ``buffer(0)`` in one call.
    """
    out = np.empty(len(buildings), dtype=object)
    if len(buildings) == 0:
        return out
    direct, ok = _radial_shadows(index, buildings, origin, scale)
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


def _radial_shadows(
    index: VisibilityIndex, buildings: IntArray, origin: tuple[float, float], scale: FloatArray
) -> tuple[np.ndarray, np.ndarray]:
    """Shadows of the one-part footprints (holes allowed) of ``buildings`` from the
    compiled kernel: a polygon for each where ``ok`` (None elsewhere)."""
    verts = index.__dict__.get("_footprint_vertices")
    if verts is None:  # geometry only, so a copy with other heights may share it
        verts = ring_vertices(index.grown)
        index.__dict__["_footprint_vertices"] = verts
    return radial_polygons(verts, buildings, origin, scale)


def radial_polygons(
    verts: RingVertices, items: IntArray, origin: tuple[float, float], scale: FloatArray
) -> tuple[np.ndarray, np.ndarray]:
    """Shadows of the polygons ``items`` of ``verts`` (see :func:`ring_vertices`)
    under a point light at ``origin``, scaled by ``scale[i]``, from
    :func:`.shadow_kernel.radial_shadows`.

    Returns
    -------
    shadows, ok
        A polygon for each item where ``ok``; None where the kernel refused it (the
        light inside, stretches that do not overlap, several parts) or ``scale`` is
        not above 1.
    """
    from omgevingsscan.analysis.visibility.shadow_kernel import radial_shadows

    xy, nxt, off, single = verts
    out = np.full(len(items), None, dtype=object)
    ok = np.zeros(len(items), dtype=bool)
    rows = np.flatnonzero(single[items] & (scale > 1.0))
    if len(rows) == 0:
        return out, ok
    b = items[rows]
    start, count = off[b], off[b + 1] - off[b]
    sub_off = np.concatenate([[0], np.cumsum(count)]).astype(np.int64)
    take = np.repeat(start - sub_off[:-1], count) + np.arange(sub_off[-1])
    local = nxt[take] - np.repeat(start, count)
    o = np.asarray(origin, dtype=float)
    ring_xy, ring_off, done = radial_shadows(
        xy[take] - o, local, sub_off, np.ascontiguousarray(scale[rows], dtype=float)
    )
    if done.any():
        which = np.repeat(np.arange(int(done.sum())), np.diff(ring_off)[done])
        rings = shapely.linearrings(ring_xy + o, indices=which)
        out[rows[done]] = shapely.polygons(rings)
    ok[rows[done]] = True
    return out, ok


#: Vertices of polygons for the kernel: ``xy``, ``nxt``, ``off``, ``single``.
RingVertices = tuple[FloatArray, IntArray, IntArray, np.ndarray]


def ring_vertices(geoms: np.ndarray) -> RingVertices:
    """The vertices of each polygon of ``geoms``, ring by ring (outer ring, then
    holes), without each ring's closing repeat: polygon ``i`` has ``xy[off[i]:off[i +
    1]]``, ``nxt[j]`` is the next vertex of ``j``'s ring, and ``single`` tells the
    geometries of one part (the others get no rows)."""
    single = shapely.get_num_geometries(geoms) == 1
    polys = shapely.get_geometry(geoms, 0)
    polys[~single] = None
    rings, owner = shapely.get_rings(polys, return_index=True)
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    last = np.ones(len(ring), dtype=bool)
    last[:-1] = ring[1:] != ring[:-1]
    xy, ring = xy[~last], ring[~last]  # drop each ring's closing repeat
    nxt = np.arange(1, len(ring) + 1, dtype=np.int64)
    ring_end = np.ones(len(ring), dtype=bool)
    ring_end[:-1] = ring[1:] != ring[:-1]
    nxt[ring_end] = np.searchsorted(ring, ring[ring_end])  # back to the ring's first
    count = np.bincount(owner[ring], minlength=len(geoms))
    return xy, nxt, np.concatenate([[0], np.cumsum(count)]).astype(np.int64), single


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
