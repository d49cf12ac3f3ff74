"""Routes on a street graph: the Route record, places, and the route table.

Places are either OSM node ids (``int``) or ``(x, y)`` points in metres in the graph's
CRS (the scan's local CRS). Routes minimise ``length`` (metres) or ``time`` (seconds of
``travel_time``, Dutch default speeds, see :mod:`omgevingsscan.speeds`); both totals
are reported whatever the weight. Among parallel edges the cheapest is taken, as
networkx does. The searches are in :mod:`~omgevingsscan.analysis.routing.shortest`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar, overload

import geopandas as gpd
import networkx as nx
import numpy as np
from shapely.geometry import LineString

from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    NetworkIndex,
    Weight,
    line_from_coords,
    network_index,
)
from omgevingsscan.errors import AnalysisInputError

#: A place: an OSM node id, or an ``(x, y)`` point in metres in the graph's CRS.
Place = int | tuple[float, float]
T = TypeVar("T")


class _cached(Generic[T]):
    """A cached property without the lock Python 3.11's ``cached_property`` takes.

    The value goes into the instance ``__dict__`` (allowed on frozen dataclasses),
    which then shadows this non-data descriptor.
    """

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _cached[T]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> T: ...
    def __get__(self, obj: object | None, objtype: type | None = None) -> T | _cached[T]:
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


#: Columns of every route table (the report export reads these).
ROUTE_COLUMNS = (
    "route",
    "kind",
    "mode",
    "length_m",
    "time_s",
    "via",
    "rank",
    "flags",
    "critical",
    "shared",
    "note",
)


@dataclass(frozen=True, kw_only=True, eq=False)
class Route:
    """One route through a street graph.

    Attributes
    ----------
    index
        The network index the route was found on.
    path
        Node positions in the index, in order.
    arcs
        Arc numbers in the index, in order (one fewer than ``path``).
    weight
        What was minimised: "length" or "time".
    mode
        "walk", "bike", "drive" or "" when unknown.
    label
        Name of the route in tables ("A → B", "escape 1", …).
    kind
        "route", "escape", "approach" or "emergency".
    start_fraction, end_fraction
        Share of the first arc skipped and of the last arc used (0 and 1 for a route
        from node to node; routes to or from the study-area edge use part of an edge).
    start_snap_m, end_snap_m
        Distance (metres) from the asked points to the nodes they snapped to.
    tags
        Extra table columns (rank, flags, critical, shared, note, category…).
    """

    index: NetworkIndex = field(repr=False)
    path: tuple[int, ...] = field(repr=False)
    arcs: tuple[int, ...] = field(repr=False)
    weight: Weight = "time"
    mode: str = ""
    label: str = ""
    kind: str = "route"
    start_fraction: float = 0.0
    end_fraction: float = 1.0
    start_snap_m: float = 0.0
    end_snap_m: float = 0.0
    tags: dict[str, Any] = field(default_factory=dict)

    def _total(self, name: str) -> float:
        if not self.arcs:
            return 0.0
        per_arc = self.index.as_list(name)
        total = sum([per_arc[a] for a in self.arcs])
        if self.start_fraction:
            total -= per_arc[self.arcs[0]] * self.start_fraction
        if self.end_fraction != 1.0:
            total -= per_arc[self.arcs[-1]] * (1.0 - self.end_fraction)
        return float(total)

    @_cached
    def length_m(self) -> float:
        """Route length in metres (the ``length`` attribute of its edges)."""
        return self._total("arc_length")

    @_cached
    def time_s(self) -> float:
        """Travel time in seconds (``travel_time`` of its edges; NaN when absent)."""
        return self._total("arc_time")

    @property
    def cost(self) -> float:
        """The minimised total: ``length_m`` or ``time_s``."""
        return self.length_m if self.weight == "length" else self.time_s

    @property
    def nodes(self) -> tuple[int, ...]:
        """OSM node ids along the route."""
        ids = self.index.as_list("node_ids")
        return tuple(ids[p] for p in self.path)

    @property
    def edges(self) -> tuple[tuple[int, int, Any], ...]:
        """Graph edges ``(u, v, key)`` in order; the first/last may be used in part."""
        ix = self.index
        return tuple(
            (int(ix.node_ids[ix.arc_u[a]]), int(ix.node_ids[ix.arc_v[a]]), ix.arc_key[a])
            for a in self.arcs
        )

    @property
    def segments(self) -> frozenset[int]:
        """Physical street segments used (both directions of a street are one segment)."""
        return frozenset(int(s) for s in self.index.arc_segment[list(self.arcs)])

    @_cached
    def geometry(self) -> LineString:
        """The route as a LineString in the graph's CRS (metres)."""
        ix = self.index
        if not self.arcs:
            return line_from_coords(ix.xy[[self.path[0]]])
        parts = [ix.arc_coords(a) for a in self.arcs]
        if self.start_fraction > 0.0:
            parts[0] = cut_coords(parts[0], self.start_fraction, 1.0)
        if self.end_fraction < 1.0:
            lo = self.start_fraction if len(parts) == 1 else 0.0
            full = ix.arc_coords(self.arcs[-1])
            parts[-1] = cut_coords(full, lo, self.end_fraction)
        coords = np.concatenate([parts[0]] + [p[1:] for p in parts[1:]])
        return line_from_coords(coords)

    @_cached
    def via(self) -> tuple[str, ...]:
        """Street names in the order first used, each once."""
        out: list[str] = []
        for a in self.arcs:
            for name in self.index.arc_names(a):
                if name not in out:
                    out.append(name)
        return tuple(out)

    def with_tags(self, **tags: Any) -> Route:
        """Return a copy with extra table columns merged in."""
        return replace(self, tags={**self.tags, **tags})

    def record(self) -> dict[str, Any]:
        """Return the route's row for a route table (see :data:`ROUTE_COLUMNS`)."""
        row: dict[str, Any] = {
            "route": self.label,
            "kind": self.kind,
            "mode": self.mode,
            "length_m": round(self.length_m, 1),
            "time_s": round(self.time_s, 1),
            "via": ", ".join(self.via),
            "rank": self.tags.get("rank"),
            "flags": self.tags.get("flags", ""),
            "critical": bool(self.tags.get("critical", False)),
            "shared": self.tags.get("shared", ""),
            "note": self.tags.get("note", ""),
        }
        row.update({k: v for k, v in self.tags.items() if k not in row})
        return row


def cut_coords(coords: np.ndarray, start: float, end: float) -> np.ndarray:
    """Return the part of a polyline between two shares (0–1) of its length."""
    seg = np.hypot(*np.diff(coords, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    total = cum[-1]
    if total <= 0.0:
        return coords[[0, -1]]
    a, b = np.clip([start * total, end * total], 0.0, total)
    xs = np.interp([a, b], cum, coords[:, 0])
    ys = np.interp([a, b], cum, coords[:, 1])
    inner = coords[(cum > a) & (cum < b)]
    return np.vstack([[xs[0], ys[0]], inner, [xs[1], ys[1]]])


def nearest_node(
    graph: nx.MultiDiGraph, x: float, y: float, max_snap_m: float = MAX_SNAP_M
) -> tuple[int, float]:
    """Return the OSM id of the street node nearest to ``(x, y)`` and its distance (m).

    Parameters
    ----------
    graph
        A projected osmnx graph; ``x``, ``y`` are metres in its CRS.
    max_snap_m
        Largest allowed distance in metres.

    Raises
    ------
    AnalysisInputError
        When the point lies farther than ``max_snap_m`` from every node.
    """
    index = network_index(graph)
    pos, dist = index.nearest(x, y, max_snap_m)
    return int(index.node_ids[pos]), dist


def resolve_place(
    index: NetworkIndex, place: Place, max_snap_m: float = MAX_SNAP_M, label: str = "point"
) -> tuple[int, float]:
    """Return ``(position, snap_m)`` for a node id or an ``(x, y)`` point.

    A point is tied to the nearer end node of its nearest street (see
    :meth:`NetworkIndex.street_node`); ``snap_m`` is the distance to that node.
    """
    if isinstance(place, (int, np.integer)):
        return index.position(int(place)), 0.0
    try:
        x, y = (float(v) for v in place)
    except (TypeError, ValueError):
        raise AnalysisInputError(f"{label} {place!r} is not a node id or an (x, y) point") from None
    return index.street_node(x, y, max_snap_m, label)


def is_single_place(places: object) -> bool:
    """True for one place (a node id or an ``(x, y)`` tuple), False for a list of places."""
    if isinstance(places, (int, np.integer)):
        return True
    return (
        isinstance(places, tuple)
        and len(places) == 2
        and all(isinstance(v, (float, int, np.number)) for v in places)
    )


def resolve_places(
    index: NetworkIndex,
    places: Place | Sequence[Place],
    max_snap_m: float = MAX_SNAP_M,
    label: str = "point",
) -> list[tuple[int, float]]:
    """Resolve one place or a list of places (a tuple of two numbers is one point)."""
    if is_single_place(places):
        return [resolve_place(index, places, max_snap_m, label)]  # type: ignore[arg-type]
    out = [resolve_place(index, p, max_snap_m, label) for p in places]  # type: ignore[union-attr]
    if not out:
        raise AnalysisInputError(f"no {label} given")
    return out


def make_route(index: NetworkIndex, path: Sequence[int], weight: Weight, **kwargs: Any) -> Route:
    """Build a :class:`Route` from a position path (cheapest arc per node pair)."""
    arcs = index.arcs_between(path, weight)
    return Route(
        index=index,
        path=tuple(path),
        arcs=tuple(arcs),
        weight=weight,
        **kwargs,
    )


def no_route_message(to_label: str, from_label: str, mode: str) -> str:
    """The one-line message for an unreachable destination."""
    how = f" by {mode}" if mode else ""
    return (
        f"no route: {to_label} is on an island in the loaded data "
        f"(it cannot be reached from {from_label}{how})"
    )


def routes_frame(routes: Sequence[Route], crs: Any = None) -> gpd.GeoDataFrame:
    """Return routes as a GeoDataFrame with :data:`ROUTE_COLUMNS` (+ extra tag columns).

    ``crs`` defaults to the CRS of the routes' graph.
    """
    rows = [r.record() for r in routes]
    columns = list(ROUTE_COLUMNS)
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    if crs is None and routes:
        crs = routes[0].index.crs
    data = {c: [row.get(c) for row in rows] for c in columns}
    return gpd.GeoDataFrame(data, geometry=[r.geometry for r in routes], crs=crs)
