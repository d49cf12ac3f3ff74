"""Adjoining buildings of one height, merged into blocks: one shadow per block.

In the 2.5D viewshed every building lower than the eye casts a shadow, and the union
of those shadows is most of the work of a view. In a town most buildings adjoin
others of the same height (a terrace of houses, one estimated height for a whole
street), and for one scale the shadow of a union of footprints is the union of their
shadows. So the grown footprints of adjoining buildings of equal height are merged
once per index into blocks, and a view takes one shadow per block from the compiled
kernel (:mod:`.shadow_kernel`) instead of one per building: on the demo's upper
façade the union then has 73 pieces a view instead of 174. The region is the same.

Metres in the index's CRS. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from omgevingsscan.analysis.visibility.cover import hidden_behind
from omgevingsscan.analysis.visibility.index import FloatArray, IntArray, VisibilityIndex
from omgevingsscan.analysis.visibility.shadows import (
    RingVertices,
    radial_polygons,
    ring_vertices,
    shadows,
)


@dataclass(frozen=True)
class HeightBlocks:
    """Buildings grouped into blocks (metres, the index's CRS).

    Attributes
    ----------
    label
        The block of each building.
    size
        Number of buildings in each block.
    height
        Height of each block, metres (that of all its buildings).
    centre
        Centroid (x, y) of each block's merged footprint.
    verts
        Vertices of each block's merged grown footprint (:func:`.shadows.ring_vertices`;
        a block whose union failed its check has none, and is never used).
    """

    label: IntArray
    size: IntArray
    height: FloatArray
    centre: FloatArray
    verts: RingVertices


def height_blocks(index: VisibilityIndex) -> HeightBlocks:
    """The blocks of ``index``: buildings whose grown footprints meet and whose
    heights are equal, chained. Cached on the index for its heights array (a copy
    with other heights, :meth:`VisibilityIndex.with_heights`, gets its own)."""
    cached = index.__dict__.get("_height_blocks")
    if cached is not None and cached[0] is index.heights:
        return cached[1]
    n = len(index)
    a, b = index._grown_tree.query(index.grown, predicate="intersects")
    same = (a < b) & (index.heights[a] == index.heights[b])
    graph = coo_matrix((np.ones(int(same.sum())), (a[same], b[same])), shape=(n, n))
    count, label = connected_components(graph, directed=False)
    size = np.bincount(label, minlength=count)
    merged = np.empty(count, dtype=object)
    merged[label] = index.grown  # blocks of one building keep its footprint
    order = np.argsort(label, kind="stable")
    groups = np.split(order, np.cumsum(size)[:-1])
    for block in np.flatnonzero(size > 1):
        members = index.grown[groups[block]]
        union = shapely.union_all(members)
        # GEOS's union_all can lose a part on some inputs (seen with long thin
        # polygons): a block that does not cover every member is not used (its
        # buildings then cast their shadows one by one).
        lost = shapely.area(shapely.difference(members, union))
        merged[block] = union if (lost <= 1e-9 * shapely.area(members) + 1e-12).all() else None
    height = np.zeros(count)
    height[label] = index.heights
    centres = np.full((count, 2), np.nan)
    whole = ~shapely.is_missing(merged)
    centres[whole] = shapely.get_coordinates(shapely.centroid(merged[whole]))
    blocks = HeightBlocks(
        label.astype(np.int64), size.astype(np.int64), height, centres, ring_vertices(merged)
    )
    index.__dict__["_height_blocks"] = (index.heights, blocks)  # valid for these heights
    return blocks


def casting(
    index: VisibilityIndex, buildings: IntArray, origin: tuple[float, float], eye: float
) -> IntArray:
    """The ``buildings`` (all lower than the eye at ``eye`` metres) whose shadows can
    change the union: those not wholly hidden behind higher ones nearer the eye (the
    exact, conservative test of :mod:`.cover`). The others cast no shadow outside
    theirs; from the demo's upper façade about a third are left out."""
    if len(buildings) < 2:
        return buildings
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
    return buildings[~hidden]


def shadow_pieces(
    index: VisibilityIndex,
    low: IntArray,
    origin: tuple[float, float],
    eye: float,
    target: float,
    flat: IntArray | None = None,
) -> np.ndarray:
    """Polygons whose union is the union of the shadows cast by the buildings ``low``
    (lower than the eye, higher than the target plane) onto the plane at ``target``
    metres, seen from an eye ``eye`` metres above ``origin``, plus the footprints of
    the buildings ``flat`` (too low to cast a shadow, but not ground). Ordered by
    bearing from the origin, for :func:`.shadows.union_tree`.
    """
    kept = casting(index, low, origin, eye)
    blocks = height_blocks(index)
    label = blocks.label[kept]
    grouped = np.unique(label[blocks.size[label] > 1])
    merged, ok = radial_polygons(
        blocks.verts, grouped, origin, (eye - target) / (eye - blocks.height[grouped])
    )
    alone = kept[~np.isin(label, grouped[ok])]
    flat = np.empty(0, dtype=np.int64) if flat is None else flat
    pieces = np.concatenate(
        [
            merged[ok],
            shadows(index, alone, origin, (eye - target) / (eye - index.heights[alone])),
            index.footprints[flat],
        ]
    )
    centres = np.vstack(
        [blocks.centre[grouped[ok]], _centroids(index)[alone], _centroids(index)[flat]]
    )
    bearing = np.arctan2(centres[:, 1] - origin[1], centres[:, 0] - origin[0])
    return pieces[np.argsort(bearing, kind="stable")]


def _centroids(index: VisibilityIndex) -> FloatArray:
    """Centroid of each grown footprint. Geometry only, so cached on the index."""
    cached = index.__dict__.get("_centroids")
    if cached is None:
        cached = shapely.get_coordinates(shapely.centroid(index.grown))
        index.__dict__["_centroids"] = cached
    return cached


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


__all__ = ["HeightBlocks", "casting", "height_blocks", "shadow_pieces"]
