"""Street geometry of the network index: arc lines, street names, snapping onto streets.

:class:`GeometryMixin` is part of
:class:`~omgevingsscan.analysis.routing.graph.NetworkIndex`; it is kept here so the
search backend and the geometry stay small. Coordinates are metres in the graph's CRS.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString

from omgevingsscan.errors import AnalysisInputError

#: Default largest distance (metres) from a point to the street (or node) it snaps to.
MAX_SNAP_M: float = 250.0


@dataclass(frozen=True)
class EdgeSnap:
    """A point snapped onto a street: ``fraction`` (0–1) along ``arc`` from its start.

    ``distance_m`` is the distance from the point to the street; ``twin`` is the arc of
    the other direction of the same street, or -1 on a one-way street.
    """

    arc: int
    fraction: float
    distance_m: float
    twin: int


def text_values(value: Any) -> list[str]:
    """Return an OSM tag value as a list of non-empty strings (lists, NaN and None handled)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        out: list[str] = []
        for v in value:
            out.extend(text_values(v))
        return out
    if isinstance(value, float) and math.isnan(value):
        return []
    text = str(value).strip()
    return [text] if text else []


class GeometryMixin:
    """Arc geometry, twins and snapping; the attributes come from ``NetworkIndex``."""

    xy: np.ndarray
    arc_u: np.ndarray
    arc_v: np.ndarray
    arc_segment: np.ndarray
    arc_data: list[dict[str, Any]]
    _geoms: np.ndarray | None
    _coords: list[np.ndarray] | None
    _twin: np.ndarray | None
    _arc_tree: shapely.STRtree | None
    _lock: threading.Lock

    @property
    def n_arcs(self) -> int:
        """Number of arcs (graph edges)."""
        return int(self.arc_u.shape[0])

    def arc_coords(self, arc: int) -> np.ndarray:
        """Return the arc's coordinates, oriented from its start to its end node."""
        if self._coords is None:
            self._build_geometry()
        assert self._coords is not None
        return self._coords[arc]

    def arc_geoms(self) -> np.ndarray:
        """Return an object array of the arcs' LineStrings (oriented start → end)."""
        if self._geoms is None:
            self._build_geometry()
        assert self._geoms is not None
        return self._geoms

    def _build_geometry(self) -> None:
        with self._lock:
            if self._geoms is not None:
                return
            coords: list[np.ndarray] = []
            for a, data in enumerate(self.arc_data):
                pu, pv = self.xy[self.arc_u[a]], self.xy[self.arc_v[a]]
                geom = data.get("geometry")
                if geom is None or getattr(geom, "is_empty", True):
                    c = np.array([pu, pv], dtype=float)
                else:
                    c = np.asarray(shapely.get_coordinates(geom), dtype=float)
                    if len(c) < 2:
                        c = np.array([pu, pv], dtype=float)
                    elif np.hypot(*(c[0] - pu)) > np.hypot(*(c[-1] - pu)):
                        c = c[::-1].copy()
                coords.append(c)
            self._coords = coords
            if coords:
                lens = [len(c) for c in coords]
                flat = np.concatenate(coords)
                ids = np.repeat(np.arange(len(coords)), lens)
                self._geoms = shapely.linestrings(flat, indices=ids)
            else:
                self._geoms = np.empty(0, dtype=object)

    def twins(self) -> np.ndarray:
        """Return, per arc, the arc of the same segment in the other direction (or -1)."""
        if self._twin is None:
            table = {
                (s, u, v): a
                for a, (s, u, v) in enumerate(
                    zip(self.arc_segment.tolist(), self.arc_u.tolist(), self.arc_v.tolist())
                )
            }
            twin = np.full(self.n_arcs, -1, dtype=np.int64)
            for (s, u, v), a in table.items():
                b = table.get((s, v, u), -1)
                if b != a:
                    twin[a] = b
            self._twin = twin
        return self._twin

    def snap(
        self, x: float, y: float, max_snap_m: float = MAX_SNAP_M, label: str = "point"
    ) -> EdgeSnap:
        """Snap ``(x, y)`` to the nearest point of the nearest street (edge geometry).

        Raises
        ------
        AnalysisInputError
            When no street lies within ``max_snap_m`` metres.
        """
        if self.n_arcs == 0:
            raise AnalysisInputError("the street network is empty")
        if not (math.isfinite(x) and math.isfinite(y)):
            raise AnalysisInputError(f"{label} has no valid coordinates")
        geoms = self.arc_geoms()
        if self._arc_tree is None:
            self._arc_tree = shapely.STRtree(geoms)
        pt = shapely.points(x, y)
        hits, dists = self._arc_tree.query_nearest(
            pt, max_distance=max_snap_m, return_distance=True, all_matches=True
        )
        if hits.size == 0:
            _, far = self._arc_tree.query_nearest(pt, return_distance=True)
            raise AnalysisInputError(
                f"{label} lies outside the street network: the nearest street is "
                f"{float(far[0]):.0f} m away (at most {max_snap_m:.0f} m allowed)"
            )
        arc = int(hits.min())
        line = geoms[arc]
        fraction = float(line.project(pt, normalized=True)) if line.length > 0 else 0.0
        return EdgeSnap(arc, fraction, float(dists[0]), int(self.twins()[arc]))

    def arc_names(self, arc: int) -> list[str]:
        """Return the street name(s) of an arc (an empty list when unnamed)."""
        return text_values(self.arc_data[arc].get("name"))

    def street_node(
        self, x: float, y: float, max_snap_m: float = MAX_SNAP_M, label: str = "point"
    ) -> tuple[int, float]:
        """Return the node a point reaches the network by, and its distance (metres).

        The point is snapped onto the nearest street (edge geometry); the node is the
        end of that street nearer along it. On a simplified graph this is better
        than the nearest node, which may lie on another street.
        """
        snap = self.snap(x, y, max_snap_m, label)
        a = snap.arc
        pos = int(self.arc_u[a] if snap.fraction < 0.5 else self.arc_v[a])
        return pos, float(np.hypot(self.xy[pos, 0] - x, self.xy[pos, 1] - y))


def line_from_coords(coords: np.ndarray) -> LineString:
    """Return a LineString (a point route gives a zero-length two-point line)."""
    if len(coords) == 1:
        coords = np.vstack([coords, coords])
    return LineString(coords)
