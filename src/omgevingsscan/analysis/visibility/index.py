"""Obstacles prepared once per scan for fast visibility queries.

:class:`VisibilityIndex` holds the building footprints in two forms:

- **merged walls** for the 2D isovist: the footprints are merged with a small
  morphological closing (grow by ``gap / 2`` with mitre joins, union, shrink back), so
  shared walls of terraced houses vanish and hairline gaps narrower than ``gap``
  between adjoining footprints are closed. Each outline edge is stored as a wall
  segment in numpy arrays, oriented with the obstacle on its left, together with the
  building that owns it;
- **per-building edges** with the building's height, for the 2.5D line of sight and
  viewshed. Each footprint is grown by ``gap / 2`` (mitre joins, so corners stay
  sharp) so that adjoining footprints overlap slightly instead of leaving hairline
  gaps a sight line could slip through.

All coordinates are metres in the caller's metric CRS (the scan's local CRS); the
index never reprojects. No Qt here.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.grid import SegmentGrid
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.layers.heights import sources_key, with_provenance

#: Width (metres) of the gaps between adjoining footprints that are closed.
DEFAULT_GAP_M: float = 0.05
#: Largest distance (metres) between the radius circle and the regular polygon that
#: stands in for it.
CIRCLE_TOLERANCE_M: float = 0.01
#: A point closer than this (metres) to a wall counts as lying on it.
ON_WALL_M: float = 1e-3
#: Height (metres) given to buildings without a usable height.
DEFAULT_HEIGHT_M: float = 10.0

#: How many sub-indexes (one per set of buildings as high as an eye) an index keeps.
SUBSET_CACHE: int = 8

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class BuildingInfo:
    """A building as the analyses report it: ``osm_id``, ``name`` and ``height`` (m)."""

    index: int
    osm_id: str
    name: str
    height: float


def merge_footprints(polygons: Iterable[BaseGeometry], gap: float = DEFAULT_GAP_M) -> MultiPolygon:
    """Merge footprints into non-overlapping obstacles, closing gaps narrower than ``gap``.

    A morphological closing with mitre joins: grow every footprint by ``gap / 2``,
    take the union, shrink the union by ``gap / 2``. Mitre joins keep corners sharp, so
    no vertices are added except where a gap is closed. Shared walls disappear.

    Parameters
    ----------
    polygons
        Footprints (Polygon or MultiPolygon) in a metric CRS.
    gap
        Widest gap (metres) that is closed; 0 merges without closing.

    Returns
    -------
    MultiPolygon
        The merged obstacles, oriented with exteriors counter-clockwise.
    """
    geoms = np.asarray([g for g in polygons if g is not None and not g.is_empty], dtype=object)
    if len(geoms) == 0:
        return MultiPolygon()
    geoms = shapely.make_valid(geoms)
    if gap > 0:
        grown = shapely.buffer(geoms, gap / 2, join_style="mitre", mitre_limit=10.0)
        merged = shapely.buffer(
            shapely.union_all(grown), -gap / 2, join_style="mitre", mitre_limit=10.0
        )
    else:
        merged = shapely.union_all(geoms)
    parts = [
        shapely.orient_polygons(p)
        for p in shapely.get_parts(merged)
        if isinstance(p, Polygon) and p.area > 0
    ]
    return MultiPolygon(parts)


def circle_polygon(
    centre: tuple[float, float], radius: float, tolerance: float = CIRCLE_TOLERANCE_M
) -> Polygon:
    """Return the regular polygon used for a radius: vertices on the circle, edges at most
    ``tolerance`` metres inside it, first vertex due east, counter-clockwise.
    """
    xs, ys = _circle_xy(radius, tolerance)
    return Polygon(np.column_stack([xs + centre[0], ys + centre[1]]))


def _circle_count(radius: float, tolerance: float) -> int:
    ratio = max(-1.0, min(1.0, 1.0 - tolerance / radius))
    n = math.ceil(math.pi / math.acos(ratio)) if ratio < 1.0 else 4096
    return int(min(max(n, 64), 4096))


def _circle_xy(
    radius: float, tolerance: float = CIRCLE_TOLERANCE_M
) -> tuple[FloatArray, FloatArray]:
    n = _circle_count(radius, tolerance)
    phi = np.arange(n) * (2.0 * np.pi / n)
    return radius * np.cos(phi), radius * np.sin(phi)


def _ring_segments(polys: Sequence[Polygon]) -> tuple[FloatArray, IntArray]:
    """Return ``(segments[n, 4], polygon_index[n])`` of all rings, interior on the left."""
    chunks: list[FloatArray] = []
    owners: list[IntArray] = []
    for i, poly in enumerate(polys):
        poly = shapely.orient_polygons(poly)
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords, dtype=np.float64)
            if len(xy) < 4:
                continue
            seg = np.column_stack([xy[:-1], xy[1:]])
            keep = (seg[:, 0] != seg[:, 2]) | (seg[:, 1] != seg[:, 3])
            chunks.append(seg[keep])
            owners.append(np.full(int(keep.sum()), i, dtype=np.int64))
    if not chunks:
        return np.empty((0, 4)), np.empty(0, dtype=np.int64)
    return np.concatenate(chunks), np.concatenate(owners)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


class VisibilityIndex:
    """Building obstacles prepared once for many visibility queries.

    Parameters
    ----------
    buildings
        A GeoDataFrame of footprints (columns ``osm_id``, ``name``, ``height`` are used
        when present) or any iterable of shapely (Multi)Polygons. Metric CRS, metres.
    heights
        Heights in metres, overriding the ``height`` column; missing heights become
        ``DEFAULT_HEIGHT_M``. Heights matter only for the 2.5D analyses.
    gap
        Hairline gaps narrower than this (metres) between footprints are closed.

    Attributes
    ----------
    walls
        ``(n, 4)`` float array of merged outline segments ``x0, y0, x1, y1``, the
        obstacle on the left of each.
    wall_owner
        Building index owning each wall segment.
    edges, edge_owner
        The same for the per-building (grown) footprints, for the 2.5D tests.
    heights
        Height (m) per building.
    """

    def __init__(
        self,
        buildings: gpd.GeoDataFrame | Iterable[BaseGeometry],
        *,
        heights: Sequence[float] | None = None,
        gap: float = DEFAULT_GAP_M,
    ) -> None:
        if isinstance(buildings, gpd.GeoDataFrame):
            frame = buildings
            geoms = list(frame.geometry.values)
            n = len(geoms)
            ids = [_text(v) for v in frame["osm_id"]] if "osm_id" in frame else [""] * n
            names = [_text(v) for v in frame["name"]] if "name" in frame else [""] * n
            if heights is None and "height" in frame:
                heights = frame["height"].to_numpy(dtype=float, na_value=np.nan)
            sigma = _sigmas(frame)
            self.crs = frame.crs
        else:
            geoms = list(buildings)
            n = len(geoms)
            ids, names = [""] * n, [""] * n
            sigma = np.full(n, np.nan)
            self.crs = None
        keep = [i for i, g in enumerate(geoms) if g is not None and not g.is_empty]
        self.gap = float(gap)
        self.footprints: NDArray[np.object_] = shapely.make_valid(
            np.asarray([geoms[i] for i in keep], dtype=object)
        )
        self.osm_ids = [ids[i] for i in keep]
        self.names = [names[i] for i in keep]
        h = np.full(n, np.nan) if heights is None else np.asarray(heights, dtype=float)
        h = h[keep] if len(h) == n else np.full(len(keep), np.nan)
        self.heights: FloatArray = np.where(np.isfinite(h) & (h > 0), h, DEFAULT_HEIGHT_M)
        #: Height uncertainty (m) per building (``height_sigma_m``; else 50 %).
        self.sigmas: FloatArray = np.where(
            np.isfinite(sigma[keep]), sigma[keep], 0.5 * self.heights
        )
        #: What gave the heights (see :func:`omgevingsscan.layers.heights.sources_key`).
        self.height_sources: str = (
            sources_key(buildings) if isinstance(buildings, gpd.GeoDataFrame) else ""
        )
        self._footprint_tree = shapely.STRtree(self.footprints)

        # Merged obstacles and their wall segments (2D).
        self.obstacles = merge_footprints(self.footprints, gap)
        self._obstacle_parts = np.asarray(list(self.obstacles.geoms), dtype=object)
        self._obstacle_tree = shapely.STRtree(self._obstacle_parts)
        walls, _ = _ring_segments(list(self.obstacles.geoms))
        self.walls = self._split_at_footprint_corners(walls)
        self.wall_owner = self._owners(self.walls)
        self._wall_tree = shapely.STRtree(self._boxes(self.walls))
        self._all_walls = np.arange(len(self.walls), dtype=np.int64)
        self._wall_bounds = (
            (
                float(np.minimum(self.walls[:, 0], self.walls[:, 2]).min()),
                float(np.minimum(self.walls[:, 1], self.walls[:, 3]).min()),
                float(np.maximum(self.walls[:, 0], self.walls[:, 2]).max()),
                float(np.maximum(self.walls[:, 1], self.walls[:, 3]).max()),
            )
            if len(self.walls)
            else (0.0, 0.0, 0.0, 0.0)
        )

        # Per-building grown edges with heights (2.5D).
        if gap > 0:
            self.grown = shapely.buffer(
                self.footprints, gap / 2, join_style="mitre", mitre_limit=10.0
            )
        else:
            self.grown = self.footprints
        parts, part_owner = [], []
        for i, g in enumerate(self.grown):
            for p in shapely.get_parts(g):
                if isinstance(p, Polygon) and p.area > 0:
                    parts.append(p)
                    part_owner.append(i)
        self.edges, edge_part = _ring_segments(parts)
        self.edge_owner = np.asarray(part_owner, dtype=np.int64)[edge_part] if parts else edge_part
        self._grown_tree = shapely.STRtree(self.grown)
        hull_area = shapely.area(shapely.convex_hull(self.grown))
        #: Whether each grown footprint is convex (its shadow is then a convex hull).
        self.grown_convex: NDArray[np.bool_] = (
            hull_area - shapely.area(self.grown) <= 1e-9 * np.maximum(hull_area, 1.0)
        ) & (shapely.get_num_geometries(self.grown) == 1)
        self.grid = SegmentGrid(self.edges)
        self._subsets: dict[bytes, tuple[VisibilityIndex, IntArray]] = {}

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _boxes(seg: FloatArray) -> NDArray[np.object_]:
        return shapely.box(
            np.minimum(seg[:, 0], seg[:, 2]),
            np.minimum(seg[:, 1], seg[:, 3]),
            np.maximum(seg[:, 0], seg[:, 2]),
            np.maximum(seg[:, 1], seg[:, 3]),
        )

    def _split_at_footprint_corners(self, seg: FloatArray, tol: float = 0.01) -> FloatArray:
        """Split merged walls where a footprint corner lies on them, so that each piece
        belongs to one building (merging drops the corners where two façades join)."""
        if len(seg) == 0 or len(self.footprints) == 0:
            return seg
        corners = np.unique(shapely.get_coordinates(self.footprints), axis=0)
        lines = shapely.linestrings(seg.reshape(-1, 2, 2))
        w, c = shapely.STRtree(shapely.points(corners)).query(
            lines, predicate="dwithin", distance=tol
        )
        if len(w) == 0:
            return seg
        a, b = seg[w, 0:2], seg[w, 2:4]
        d = b - a
        t = np.einsum("ij,ij->i", corners[c] - a, d) / np.einsum("ij,ij->i", d, d)
        length = np.hypot(d[:, 0], d[:, 1])
        inner = (t * length > tol) & ((1 - t) * length > tol)
        w, t = w[inner], t[inner]
        if len(w) == 0:
            return seg
        # Each wall becomes pieces between its start, the sorted cut points and its end.
        order = np.lexsort((t, w))
        w, t = w[order], t[order]
        cuts = np.bincount(w, minlength=len(seg))
        n_pieces = cuts + 1
        owner = np.repeat(np.arange(len(seg)), n_pieces)
        k = np.arange(len(owner)) - np.repeat(np.cumsum(n_pieces) - n_pieces, n_pieces)
        # Parameter of each piece's start and end along its wall.
        starts = np.zeros(len(owner))
        ends = np.ones(len(owner))
        first_cut = np.cumsum(cuts) - cuts
        has_prev = k > 0
        starts[has_prev] = t[first_cut[owner[has_prev]] + k[has_prev] - 1]
        has_next = k < cuts[owner]
        ends[has_next] = t[first_cut[owner[has_next]] + k[has_next]]
        a, d = seg[owner, 0:2], seg[owner, 2:4] - seg[owner, 0:2]
        p0 = a + starts[:, None] * d
        p1 = a + ends[:, None] * d
        # Keep the original end points exactly.
        p0[~has_prev] = seg[owner[~has_prev], 0:2]
        p1[~has_next] = seg[owner[~has_next], 2:4]
        out = np.column_stack([p0, p1])
        return out[(out[:, 0] != out[:, 2]) | (out[:, 1] != out[:, 3])]

    def _owners(self, seg: FloatArray) -> IntArray:
        """Building index owning each merged wall: the footprint nearest its midpoint."""
        if len(seg) == 0 or len(self.footprints) == 0:
            return np.full(len(seg), -1, dtype=np.int64)
        mids = shapely.points((seg[:, 0] + seg[:, 2]) / 2, (seg[:, 1] + seg[:, 3]) / 2)
        owner = np.full(len(seg), -1, dtype=np.int64)
        near = max(self.gap, 0.01)
        src, dst = self._footprint_tree.query(mids, predicate="dwithin", distance=near)
        if len(src):
            dist = shapely.distance(mids[src], self.footprints[dst])
            order = np.lexsort((dist, src))
            walls, first = np.unique(src[order], return_index=True)  # nearest per wall
            owner[walls] = dst[order][first]
        rest = np.flatnonzero(owner < 0)
        if len(rest):
            src, dst = self._footprint_tree.query_nearest(mids[rest], all_matches=False)
            owner[rest[src]] = dst
        return owner

    def subset(self, mask: NDArray[np.bool_]) -> tuple[VisibilityIndex, IntArray]:
        """Return a (cached) index of the buildings where ``mask`` is True, and the
        index in this one of each of its buildings."""
        if mask.all():
            return self, np.arange(len(self))
        key = np.packbits(mask).tobytes()
        if key not in self._subsets:
            parent = np.flatnonzero(mask)
            frame = gpd.GeoDataFrame(
                {
                    "osm_id": [self.osm_ids[i] for i in parent],
                    "name": [self.names[i] for i in parent],
                    "height": self.heights[parent],
                    "height_sigma_m": self.sigmas[parent],
                },
                geometry=list(self.footprints[parent]),
                crs=self.crs,
            )
            if len(self._subsets) >= SUBSET_CACHE:
                self._subsets.pop(next(iter(self._subsets)))
            self._subsets[key] = (VisibilityIndex(frame, gap=self.gap), parent)
        return self._subsets[key]

    def with_heights(self, heights: Sequence[float]) -> VisibilityIndex:
        """A copy sharing this index's geometry, with other building heights (metres).

        Cheap (no geometry is rebuilt): used for the low and high heights of the
        uncertainty checks and for absolute heights over terrain.
        """
        h = np.asarray(heights, dtype=float)
        if h.shape != self.heights.shape:
            raise AnalysisInputError(f"{len(h)} heights for {len(self)} buildings")
        twin = copy.copy(self)
        twin.heights = h
        twin._subsets = {}
        for cached in ("_walls_above", "_height_blocks"):  # caches that depend on the heights
            twin.__dict__.pop(cached, None)
        return twin

    def __len__(self) -> int:
        return len(self.footprints)

    def building(self, index: int) -> BuildingInfo:
        """Return the id, name and height of building ``index``."""
        return BuildingInfo(
            int(index), self.osm_ids[index], self.names[index], float(self.heights[index])
        )

    def describe(self, index: int) -> str:
        """A short human label of building ``index`` ("building w123 (Stopera)")."""
        label = f"building {self.osm_ids[index]}" if self.osm_ids[index] else "a building"
        return f"{label} ({self.names[index]})" if self.names[index] else label

    def walls_near(self, x: float, y: float, radius: float) -> IntArray:
        """Indices of merged wall segments whose bounding box meets the square of
        half-side ``radius`` metres around ``(x, y)``."""
        x0, y0, x1, y1 = self._wall_bounds
        if x - radius <= x0 and y - radius <= y0 and x + radius >= x1 and y + radius >= y1:
            return self._all_walls  # the square covers every wall: no tree query
        return self._wall_tree.query(shapely.box(x - radius, y - radius, x + radius, y + radius))

    def containing_building(self, x: float, y: float) -> int | None:
        """Index of a footprint containing ``(x, y)`` (or within ``gap`` of it), else None."""
        pt = Point(x, y)
        hits = self._footprint_tree.query(pt, predicate="intersects")
        if len(hits):
            return int(hits[0])
        hits = self._grown_tree.query(pt, predicate="intersects")
        return int(hits[0]) if len(hits) else None

    def free_mask(self, xy: FloatArray, clearance: float = ON_WALL_M) -> NDArray[np.bool_]:
        """True for each point ``(n, 2)`` in open space: outside every obstacle and at
        least ``clearance`` metres from any wall."""
        pts = shapely.points(np.asarray(xy, dtype=float).reshape(-1, 2))
        hit, _ = self._obstacle_tree.query(pts, predicate="dwithin", distance=clearance)
        free = np.ones(len(pts), dtype=bool)
        free[hit] = False
        return free

    def check_free(self, x: float, y: float) -> None:
        """Raise AnalysisInputError when ``(x, y)`` lies inside a building or on a wall."""
        pt = Point(x, y)
        hits = self._obstacle_tree.query(pt, predicate="dwithin", distance=ON_WALL_M)
        if not len(hits):
            return
        inside = any(self._obstacle_parts[h].contains(pt) for h in hits)
        near = self._footprint_tree.query_nearest(pt, all_matches=False)
        who = self.describe(int(near[0])) if len(near) else "a building"
        if inside:
            raise AnalysisInputError(
                f"point ({x:.2f}, {y:.2f}) lies inside {who}; choose a point in open space"
            )
        raise AnalysisInputError(
            f"point ({x:.2f}, {y:.2f}) lies on the wall of {who}; move it off the wall"
        )


def _sigmas(frame: gpd.GeoDataFrame) -> FloatArray:
    """Height uncertainty (m) per row: ``height_sigma_m`` or from the height rule."""
    if "height" in frame and ("height_sigma_m" in frame or "height_source" in frame):
        return with_provenance(frame)["height_sigma_m"].to_numpy(dtype=float)
    return np.full(len(frame), np.nan)


def as_index(
    obstacles: VisibilityIndex | gpd.GeoDataFrame | Iterable[BaseGeometry],
) -> VisibilityIndex:
    """Return ``obstacles`` as a :class:`VisibilityIndex` (built when it is not one)."""
    if isinstance(obstacles, VisibilityIndex):
        return obstacles
    return VisibilityIndex(obstacles)
