"""Isochrones: the area reachable from a place within given minutes.

How the polygon is built
------------------------
One scipy Dijkstra on ``travel_time`` (seconds) from the start node(s) (the site's
entry points), stopped at the largest budget, gives the time to every node. For a budget of T seconds:

- an edge whose start node is reached at t ≤ T with t + (edge time) ≤ T is reachable
  whole;
- an edge whose start is reached but whose end is not reached in time along it is
  reachable in part: the first ``(T − t) / (edge time)`` of its length (speed is
  constant along an edge), cut from its real geometry;
- the pieces of both directions of a street are merged, so a street reached from both
  ends is covered from both ends.

The polygon is the union of these reachable pieces buffered by ``buffer_m`` metres
(round caps, so the start nodes and every reached node are covered), in the graph's
CRS. Budgets are nested, so each polygon is built as the previous one plus the
buffers of what became reachable (the buffers of whole segments are cached per
graph). It shows the street area one can be in, not a convex hull: blocks between
reached streets narrower than twice the buffer are filled, wider ones stay holes.
Because the buffer reaches sideways, a node that is *not* reachable in time can lie
inside the polygon when it is within ``buffer_m`` of a reachable street (across a
canal without a bridge, say); the exact set of reached nodes is in
:attr:`Isochrone.nodes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import networkx as nx
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.routing.graph import MAX_SNAP_M, NetworkIndex, network_index
from omgevingsscan.analysis.routing.routes import Place, cut_coords, resolve_places
from omgevingsscan.errors import AnalysisInputError

#: Default isochrone budgets, minutes.
DEFAULT_MINUTES = (1.0, 3.0, 5.0)
#: Largest budget allowed, minutes.
MAX_MINUTES = 120.0
#: Default half-width (metres) of the band around reachable streets.
BUFFER_M = 25.0
#: Segments per quarter circle of the buffer (4 is smooth enough at street scale).
QUAD_SEGS = 4


@dataclass(frozen=True)
class Isochrone:
    """The area reachable within ``minutes`` from a start node.

    Attributes
    ----------
    minutes
        The time budget in minutes.
    mode
        "walk", "bike", "drive" or "".
    polygon
        Reachable street area (Polygon or MultiPolygon) in the graph's CRS, metres.
    nodes
        OSM ids of every node reachable within the budget (time ≤ budget).
    starts
        OSM ids of the start nodes.
    reach_m
        Total street length reachable, metres (partial edges in part).
    """

    minutes: float
    mode: str
    polygon: BaseGeometry
    nodes: frozenset[int]
    starts: tuple[int, ...]
    reach_m: float

    @property
    def area_m2(self) -> float:
        """Polygon area in square metres."""
        return float(self.polygon.area)


def check_minutes(minutes: Sequence[float]) -> list[float]:
    """Return the budgets sorted and deduplicated; raise AnalysisInputError if invalid."""
    try:
        values = sorted({float(m) for m in minutes})
    except (TypeError, ValueError):
        raise AnalysisInputError(f"minutes {list(minutes)!r} are not numbers") from None
    if not values:
        raise AnalysisInputError("give at least one isochrone time in minutes")
    bad = [m for m in values if not 0.0 < m <= MAX_MINUTES]
    if bad:
        raise AnalysisInputError(
            f"isochrone time {bad[0]:g} min is out of range; use more than 0 and at most "
            f"{MAX_MINUTES:g} minutes"
        )
    return values


def isochrones(
    graph: nx.MultiDiGraph,
    origin: Place | Sequence[Place],
    minutes: Sequence[float] = DEFAULT_MINUTES,
    *,
    mode: str = "",
    buffer_m: float = BUFFER_M,
    max_snap_m: float = MAX_SNAP_M,
) -> list[Isochrone]:
    """Return one isochrone per budget, smallest first.

    Parameters
    ----------
    graph
        A projected osmnx graph whose edges have ``travel_time`` (seconds).
    origin
        Start: an OSM node id or an ``(x, y)`` point (metres, graph CRS, tied to the
        nearer end of its nearest street), or a list of them (the site's entry
        points): the area reachable from any of them.
    minutes
        Budgets in minutes (each > 0 and ≤ :data:`MAX_MINUTES`).
    mode
        Travel mode recorded on the results.
    buffer_m
        Half-width in metres of the band drawn around reachable streets (> 0).

    Raises
    ------
    AnalysisInputError
        Bad budgets or buffer, or an origin outside the network.
    """
    budgets = check_minutes(minutes)
    if not 0.0 < float(buffer_m) <= 500.0:
        raise AnalysisInputError(f"isochrone buffer {buffer_m} m is out of range (0–500 m)")
    index = network_index(graph)
    starts = [p for p, _ in resolve_places(index, origin, max_snap_m, "the start")]
    seconds = [m * 60.0 for m in budgets]
    dist, _, _ = index.sssp_min(starts, "time", limit=seconds[-1])
    return _build(index, dist, starts, budgets, mode, float(buffer_m))


def reachable_nodes(
    graph: nx.MultiDiGraph,
    origin: Place | Sequence[Place],
    seconds: float,
    *,
    max_snap_m: float = MAX_SNAP_M,
) -> frozenset[int]:
    """Return the OSM ids of nodes reachable from ``origin`` (any of them) within ``seconds``."""
    return reachable_sets(graph, origin, [seconds], max_snap_m=max_snap_m)[0]


def reachable_sets(
    graph: nx.MultiDiGraph,
    origin: Place | Sequence[Place],
    seconds: Sequence[float],
    *,
    max_snap_m: float = MAX_SNAP_M,
) -> list[frozenset[int]]:
    """Return, per budget in ``seconds``, the OSM ids of nodes reachable within it.

    One search serves every budget (the nodes of :func:`isochrones`, without polygons).
    """
    index = network_index(graph)
    starts = [p for p, _ in resolve_places(index, origin, max_snap_m, "the start")]
    dist, _, _ = index.sssp_min(starts, "time", limit=max(seconds))
    ids = index.node_ids
    return [frozenset(ids[dist <= t].tolist()) for t in seconds]


def _segment_first(index: NetworkIndex) -> np.ndarray:
    """One arc per segment, in segment-id order (cached on the index)."""
    first = index.cache.get("segment_first")
    if first is None:
        _, first = np.unique(index.arc_segment, return_index=True)
        index.cache["segment_first"] = first
    return first


def _segment_buffers(index: NetworkIndex, buffer_m: float) -> np.ndarray:
    """Each segment buffered by ``buffer_m`` (cached on the index per buffer width)."""
    key = ("segment_buffers", buffer_m, QUAD_SEGS)
    bufs = index.cache.get(key)
    if bufs is None:
        geoms = index.arc_geoms()[_segment_first(index)]
        bufs = shapely.buffer(geoms, buffer_m, quad_segs=QUAD_SEGS)
        index.cache[key] = bufs
    return bufs


def _build(
    index: NetworkIndex,
    dist: np.ndarray,
    starts: list[int],
    budgets: list[float],
    mode: str,
    buffer_m: float,
) -> list[Isochrone]:
    """Polygons for nested budgets; each is the previous one plus what is new."""
    seg_of = index.arc_segment
    n_seg = int(seg_of.max(initial=-1)) + 1
    tt = index.arc_time
    t_u = dist[index.arc_u]
    seg_bufs = _segment_buffers(index, buffer_m)
    seg_len = index.arc_length[_segment_first(index)]
    had = np.zeros(n_seg, dtype=bool)
    previous: BaseGeometry | None = None
    start_ids = tuple(int(n) for n in index.node_ids[starts])
    out: list[Isochrone] = []
    for minutes in budgets:
        budget = minutes * 60.0
        reached = dist <= budget
        from_u = reached[index.arc_u]
        full = from_u & ((t_u + tt <= budget) | (tt <= 0.0))
        whole = np.zeros(n_seg, dtype=bool)
        whole[seg_of[full]] = True  # reached whole from either end
        partial = np.flatnonzero(from_u & ~full & ~whole[seg_of])
        fractions = np.clip((budget - t_u[partial]) / tt[partial], 0.0, 1.0)
        pieces = [
            shapely.linestrings(cut_coords(index.arc_coords(a), 0.0, f))
            for a, f in zip(partial.tolist(), fractions.tolist())
            if f > 0.0
        ]
        parts = list(seg_bufs[whole & ~had])
        if pieces:
            parts.extend(shapely.buffer(np.array(pieces), buffer_m, quad_segs=QUAD_SEGS))
        if previous is None:
            parts.extend(
                shapely.buffer(shapely.points(index.xy[starts]), buffer_m, quad_segs=QUAD_SEGS)
            )
        else:
            parts.append(previous)
        polygon = shapely.union_all(np.array(parts, dtype=object))
        reach = float(seg_len[whole].sum()) + float((index.arc_length[partial] * fractions).sum())
        out.append(
            Isochrone(
                minutes=minutes,
                mode=mode,
                polygon=polygon,
                nodes=frozenset(index.node_ids[reached].tolist()),
                starts=start_ids,
                reach_m=reach,
            )
        )
        previous, had = polygon, whole
    return out


def isochrones_frame(
    isos: Sequence[Isochrone], crs: object = None, *, bands: bool = True
) -> gpd.GeoDataFrame:
    """Return isochrones as a polygon GeoDataFrame, largest budget first.

    With ``bands`` (the default, for drawing) each geometry is the ring reachable
    within ``minutes`` but not within the next smaller budget (``from_minutes``), so
    bands never overlap; without it each geometry is the whole reachable area.
    Columns: ``minutes``, ``from_minutes``, ``mode``, ``area_m2`` (whole reachable
    area), ``band_m2``, ``reach_m`` (street metres reached) and ``nodes`` (count).
    """
    ordered = sorted(isos, key=lambda i: i.minutes)
    geoms: list[BaseGeometry] = []
    lower: list[float] = []
    previous: Isochrone | None = None
    for iso in ordered:
        geom = iso.polygon
        if bands and previous is not None:
            geom = shapely.difference(geom, previous.polygon)
        geoms.append(geom)
        lower.append(previous.minutes if previous is not None else 0.0)
        previous = iso
    rows = list(range(len(ordered)))[::-1]
    return gpd.GeoDataFrame(
        {
            "minutes": [ordered[i].minutes for i in rows],
            "from_minutes": [lower[i] for i in rows],
            "mode": [ordered[i].mode for i in rows],
            "area_m2": [round(ordered[i].area_m2, 1) for i in rows],
            "band_m2": [round(float(geoms[i].area), 1) for i in rows],
            "reach_m": [round(ordered[i].reach_m, 1) for i in rows],
            "nodes": [len(ordered[i].nodes) for i in rows],
        },
        geometry=[geoms[i] for i in rows],
        crs=crs,
    )
