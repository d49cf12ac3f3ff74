"""The fast graph backend: a compressed sparse row (CSR) index of an osmnx graph.

osmnx/networkx graphs stay the model (and the reference in the tests); the inner loops
run on :mod:`scipy.sparse.csgraph` over a CSR matrix built once per graph object and
cached (weakly) per graph. Nodes get positions ``0..n-1``; every graph edge
``(u, v, key)`` is an *arc*. The CSR of a weight holds, per ordered node pair, the
cheapest of its parallel arcs, exactly as networkx's ``shortest_path`` on a
MultiDiGraph picks the cheapest parallel edge.

Arcs that are the two directions of one street piece (same end nodes, same length to
0.1 m) share a *segment* id: a physical piece of street. Diversity and chokepoint
analysis count segments, so walking a bridge northwards and another route walking it
southwards still share the bridge.

Coordinates are metres in the graph's CRS (the scan's local CRS, e.g. EPSG:28992);
``length`` is metres and ``travel_time`` seconds. The numpy building blocks (CSR of the
cheapest parallel arcs, segment ids, predecessor walks) are in :mod:`.csr`.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

import networkx as nx
import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from omgevingsscan.analysis.routing.csr import build_csr, segments, walk_predecessors
from omgevingsscan.analysis.routing.geometry import (
    MAX_SNAP_M,
    EdgeSnap,
    GeometryMixin,
    line_from_coords,
    text_values,
)
from omgevingsscan.errors import AnalysisInputError

__all__ = [
    "MAX_SNAP_M",
    "TABLE_AFTER_QUERIES",
    "TABLE_MAX_NODES",
    "WEIGHT_ATTR",
    "EdgeSnap",
    "NetworkIndex",
    "NoRouteError",
    "Weight",
    "build_csr",
    "check_weight",
    "clear_index",
    "line_from_coords",
    "network_index",
    "text_values",
    "walk_predecessors",
]

Weight = Literal["length", "time"]
#: Edge attribute behind each routing weight: metres or seconds.
WEIGHT_ATTR: dict[str, str] = {"length": "length", "time": "travel_time"}
#: Networks with at most this many nodes get an all-pairs route table per weight
#: (distances and predecessors: n² × 12 bytes, 27 MB at 1,500 nodes). A 500 m scan of
#: Amsterdam's centre has about 450 walk nodes (2.5 MB).
TABLE_MAX_NODES: int = 1500
#: The table is built at this many searches from one weight (earlier ones run a
#: Dijkstra each), so a one-off analysis does not pay for it; the route tool does.
TABLE_AFTER_QUERIES: int = 3


class NoRouteError(AnalysisInputError):
    """No path exists between two places in the loaded network (an island, a one-way trap)."""


def check_weight(weight: str) -> Weight:
    """Return ``weight`` if it is "length" or "time", else raise AnalysisInputError."""
    if weight not in WEIGHT_ATTR:
        raise AnalysisInputError(f"unknown route weight {weight!r}; use 'length' or 'time'")
    return weight  # type: ignore[return-value]


@dataclass(eq=False)
class NetworkIndex(GeometryMixin):
    """Arrays and CSR matrices of one street graph, for fast shortest paths.

    Build it with :func:`network_index` (cached per graph), not directly.

    Attributes
    ----------
    node_ids
        OSM node id of each node position, shape ``(n,)``.
    xy
        Node coordinates, metres in ``crs``, shape ``(n, 2)``.
    arc_u, arc_v
        Node positions of each arc's start and end, shape ``(m,)``.
    arc_key
        The multigraph key of each arc.
    arc_length, arc_time
        Metres and seconds of each arc (``time`` is NaN when the graph has no
        ``travel_time``).
    arc_segment
        Physical segment id of each arc; both directions of a two-way street share it.
    arc_data
        The graph's own edge attribute dicts (live views, not copies).
    crs
        The graph's CRS.
    """

    node_ids: np.ndarray
    xy: np.ndarray
    arc_u: np.ndarray
    arc_v: np.ndarray
    arc_key: list[Any]
    arc_length: np.ndarray
    arc_time: np.ndarray
    arc_segment: np.ndarray
    arc_data: list[dict[str, Any]]
    crs: Any
    signature: tuple[int, int]
    pos: dict[int, int] = field(default_factory=dict)
    _tree: cKDTree | None = None
    _csr: dict[tuple[str, bool], tuple[csr_matrix, np.ndarray, np.ndarray]] = field(
        default_factory=dict
    )
    _geoms: np.ndarray | None = None
    _coords: list[np.ndarray] | None = None
    _twin: np.ndarray | None = None
    _arc_tree: shapely.STRtree | None = None
    _checked: dict[str, np.ndarray] = field(default_factory=dict)
    _table: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _queries: dict[str, int] = field(default_factory=dict)
    _arc_of: dict[str, dict[int, int]] = field(default_factory=dict)
    _lists: dict[str, list[Any]] = field(default_factory=dict)
    #: Derived data other modules keep with the index (e.g. buffered segments).
    cache: dict[Any, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return int(self.node_ids.shape[0])

    def weights(self, weight: Weight) -> np.ndarray:
        """Return the arc weights: metres for "length", seconds for "time"."""
        w = self._checked.get(weight)
        if w is None:
            w = self.arc_length if check_weight(weight) == "length" else self.arc_time
            if np.isnan(w).any():
                raise AnalysisInputError(
                    f"the network has edges without {WEIGHT_ATTR[weight]!r}; "
                    f"cannot route by {weight}"
                )
            self._checked[weight] = w
        return w

    def as_list(self, name: str) -> list[Any]:
        """Return ``node_ids``, ``arc_length`` or ``arc_time`` as a cached Python list.

        Summing a route of a dozen arcs is faster on lists than with numpy calls.
        """
        out = self._lists.get(name)
        if out is None:
            out = getattr(self, name).tolist()
            self._lists[name] = out
        return out

    # --- nodes ---------------------------------------------------------------------

    def position(self, node_id: int) -> int:
        """Return the position of OSM node ``node_id``; AnalysisInputError if absent."""
        try:
            return self.pos[int(node_id)]
        except (KeyError, TypeError, ValueError):
            raise AnalysisInputError(f"node {node_id!r} is not in the network") from None

    def nearest(
        self, x: float, y: float, max_snap_m: float = MAX_SNAP_M, label: str = "point"
    ) -> tuple[int, float]:
        """Return ``(position, distance_m)`` of the node nearest to ``(x, y)``.

        Raises
        ------
        AnalysisInputError
            When the network is empty or the nearest node is farther than ``max_snap_m``.
        """
        if self.n_nodes == 0:
            raise AnalysisInputError("the street network is empty")
        if not (math.isfinite(x) and math.isfinite(y)):
            raise AnalysisInputError(f"{label} has no valid coordinates")
        if self._tree is None:
            self._tree = cKDTree(self.xy)
        dist, i = self._tree.query((x, y))
        if dist > max_snap_m:
            raise AnalysisInputError(
                f"{label} lies outside the street network: the nearest street node is "
                f"{dist:.0f} m away (at most {max_snap_m:.0f} m allowed)"
            )
        return int(i), float(dist)

    # --- CSR and shortest paths ----------------------------------------------------

    def csr(self, weight: Weight, reverse: bool = False) -> tuple[csr_matrix, np.ndarray]:
        """Return the CSR matrix of the cheapest arcs and, per stored entry, its arc.

        With ``reverse`` the matrix is transposed: searches then give the cost *to*
        the sources instead of *from* them.
        """
        key = (weight, reverse)
        cached = self._csr.get(key)
        if cached is None:
            w = self.weights(weight)
            rows, cols = (self.arc_v, self.arc_u) if reverse else (self.arc_u, self.arc_v)
            mat, arcs, keys = build_csr(self.n_nodes, rows, cols, w)
            cached = (mat, arcs, keys)
            self._csr[key] = cached
        return cached[0], cached[1]

    def route_table(self, weight: Weight) -> tuple[np.ndarray, np.ndarray] | None:
        """Return the all-pairs ``(dist, pred)`` table of ``weight``, building it if needed.

        Row ``s`` holds what a Dijkstra from ``s`` gives. None for networks larger
        than :data:`TABLE_MAX_NODES`. The UI may call this in a worker when a scan
        opens, so that the first drag of the route tool is instant too.
        """
        if self.n_nodes > TABLE_MAX_NODES:
            return None
        table = self._table.get(weight)
        if table is None:
            with self._lock:
                table = self._table.get(weight)
                if table is None:
                    mat, _ = self.csr(weight)
                    dist, pred = dijkstra(mat, directed=True, return_predecessors=True)
                    dist.setflags(write=False)
                    pred.setflags(write=False)
                    table = (dist, pred)
                    self._table[weight] = table
        return table

    def _table_for_query(self, weight: Weight) -> tuple[np.ndarray, np.ndarray] | None:
        table = self._table.get(weight)
        if table is not None or self.n_nodes > TABLE_MAX_NODES:
            return table
        count = self._queries.get(weight, 0) + 1
        self._queries[weight] = count
        return self.route_table(weight) if count >= TABLE_AFTER_QUERIES else None

    def sssp(
        self,
        sources: int | Sequence[int] | np.ndarray,
        weight: Weight,
        *,
        reverse: bool = False,
        limit: float = np.inf,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Single-source shortest paths: ``(dist, pred)`` as scipy's ``dijkstra`` gives them.

        ``dist`` is metres or seconds (inf when unreachable within ``limit``); ``pred``
        holds predecessor positions (-9999 for none). With several sources the arrays
        have one row per source. Forward searches on small networks are read from the
        route table (see :meth:`route_table`); the arrays are then read-only.
        """
        table = None if reverse else self._table_for_query(weight)
        if table is not None:
            dist, pred = table[0][sources], table[1][sources]
            if np.isfinite(limit):
                over = dist > limit
                dist = np.where(over, np.inf, dist)
                pred = np.where(over, -9999, pred)
            return dist, pred
        mat, _ = self.csr(weight, reverse)
        dist, pred = dijkstra(
            mat, directed=True, indices=sources, return_predecessors=True, limit=limit
        )
        return dist, pred

    def sssp_min(
        self,
        sources: Sequence[int] | np.ndarray,
        weight: Weight,
        *,
        reverse: bool = False,
        limit: float = np.inf,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Multi-source shortest paths: cost from (or, reversed, to) the nearest source.

        Returns ``(dist, pred, source)``: per node the cost, its predecessor position
        and the source position it was reached from (-9999 for none).
        """
        src = np.asarray(sources, dtype=np.int64).ravel()
        if src.shape[0] > 1:
            src = np.unique(src)
        table = None if reverse else self._table_for_query(weight)
        if table is not None:
            if src.shape[0] == 1:
                dist, pred = table[0][src[0]], table[1][src[0]]
                root = np.full(self.n_nodes, src[0])
            else:
                rows = table[0][src]
                best = rows.argmin(axis=0)
                cols = np.arange(self.n_nodes)
                dist = rows[best, cols]
                pred = table[1][src][best, cols]
                root = src[best]
            none = ~(dist <= limit)
            dist = np.where(none, np.inf, dist)
            pred = np.where(none, -9999, pred)
            root = np.where(none, -9999, root)
            return dist, pred, root
        mat, _ = self.csr(weight, reverse)
        return dijkstra(
            mat,
            directed=True,
            indices=src,
            return_predecessors=True,
            limit=limit,
            min_only=True,
        )

    def arcs_between(self, path: Sequence[int], weight: Weight) -> list[int]:
        """Return the cheapest arc for each consecutive node pair of a position path."""
        lookup = self._arc_of.get(weight)
        if lookup is None:
            self.csr(weight)
            _, arcs, keys = self._csr[(weight, False)]
            lookup = dict(zip(keys.tolist(), arcs.tolist()))
            self._arc_of[weight] = lookup
        n = self.n_nodes
        try:
            return [lookup[a * n + b] for a, b in pairwise(path)]
        except KeyError:
            raise ValueError("path holds a node pair without an arc") from None


_CACHE: weakref.WeakKeyDictionary[nx.MultiDiGraph, NetworkIndex] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def network_index(graph: nx.MultiDiGraph) -> NetworkIndex:
    """Return the (cached) CSR index of an osmnx graph.

    The scan's graphs are not edited after import, so the index is kept per graph
    object and only checked against the node count (O(1); counting the edges of a
    networkx MultiDiGraph costs as much as a search). Call :func:`clear_index` after
    changing a graph's edges or attributes in place.

    Parameters
    ----------
    graph
        A projected osmnx MultiDiGraph: nodes with ``x``/``y`` (metres), edges with
        ``length`` (metres) and, for time routing, ``travel_time`` (seconds).
    """
    with _CACHE_LOCK:
        cached = _CACHE.get(graph)
    if cached is not None and cached.signature[0] == len(graph):
        return cached
    index = _build_index(graph, (graph.number_of_nodes(), graph.number_of_edges()))
    with _CACHE_LOCK:
        _CACHE[graph] = index
    return index


def clear_index(graph: nx.MultiDiGraph | None = None) -> None:
    """Forget the cached index of ``graph`` (or of every graph when None)."""
    with _CACHE_LOCK:
        if graph is None:
            _CACHE.clear()
        else:
            _CACHE.pop(graph, None)


def _build_index(graph: nx.MultiDiGraph, sig: tuple[int, int]) -> NetworkIndex:
    try:
        node_ids = np.fromiter((int(n) for n in graph.nodes), dtype=np.int64, count=sig[0])
    except (TypeError, ValueError) as exc:
        raise AnalysisInputError("network node ids must be integers (OSM node ids)") from exc
    pos = {int(n): i for i, n in enumerate(node_ids.tolist())}
    try:
        xy = np.array([(d["x"], d["y"]) for _, d in graph.nodes(data=True)], dtype=float)
    except KeyError as exc:
        raise AnalysisInputError("network nodes need 'x' and 'y' coordinates") from exc
    xy = xy.reshape(-1, 2)
    us: list[int] = []
    vs: list[int] = []
    keys: list[Any] = []
    lengths: list[float] = []
    times: list[float] = []
    datas: list[dict[str, Any]] = []
    for u, v, k, d in graph.edges(keys=True, data=True):
        us.append(pos[int(u)])
        vs.append(pos[int(v)])
        keys.append(k)
        try:
            lengths.append(float(d["length"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise AnalysisInputError(f"network edge {u}-{v} has no 'length' (metres)") from exc
        t = d.get("travel_time")
        times.append(float(t) if t is not None else math.nan)
        datas.append(d)
    arc_u = np.asarray(us, dtype=np.int64)
    arc_v = np.asarray(vs, dtype=np.int64)
    arc_length = np.asarray(lengths, dtype=float)
    if (arc_length < 0).any() or (np.asarray(times) < 0).any():
        raise AnalysisInputError("network edges with a negative length or travel time")
    return NetworkIndex(
        node_ids=node_ids,
        xy=xy,
        arc_u=arc_u,
        arc_v=arc_v,
        arc_key=keys,
        arc_length=arc_length,
        arc_time=np.asarray(times, dtype=float),
        arc_segment=segments(arc_u, arc_v, arc_length),
        arc_data=datas,
        crs=graph.graph.get("crs"),
        signature=sig,
        pos=pos,
    )
