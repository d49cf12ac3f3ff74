"""Routes across the edge of the area: approach corridors to the site's entry points
(:mod:`.entries`) and escape routes.

The *area* is the part of the study area the loaded data covers (see
:func:`omgevingsscan.analysis.routing.study_boundary`); its edge is where approach
corridors start and escape routes end. A street *crosses* the edge when one end node
lies inside the area and the other outside; the crossing point is where its geometry
meets the edge, and routes use the edge up to (or from) that point only.

All coordinates are metres in the graph's CRS (the scan's local CRS); times are
seconds of ``travel_time``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import networkx as nx
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.routing.diverse import (
    DiverseRoutes,
    Sink,
    check_k,
    diverse_routes_from,
)
from omgevingsscan.analysis.routing.entries import EntryPoint
from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    NetworkIndex,
    NoRouteError,
    Weight,
    check_weight,
    network_index,
    walk_predecessors,
)
from omgevingsscan.analysis.routing.routes import (
    Place,
    Route,
    make_route,
    resolve_place,
    resolve_places,
)
from omgevingsscan.errors import AnalysisInputError


@dataclass(frozen=True)
class Crossing:
    """Where an arc crosses the edge of an area.

    ``fraction`` is the share (0–1) of the arc from its start node to the crossing
    point ``(x, y)``; ``outbound`` is True when the arc leaves the area.
    """

    arc: int
    fraction: float
    x: float
    y: float
    outbound: bool


def area_crossings(index: NetworkIndex, area: BaseGeometry) -> list[Crossing]:
    """Return every arc crossing the edge of ``area`` (first crossing out, last crossing in)."""
    if index.n_arcs == 0:
        return []
    inside = shapely.contains_xy(area, index.xy[:, 0], index.xy[:, 1])
    iu, iv = inside[index.arc_u], inside[index.arc_v]
    arcs = np.flatnonzero(iu != iv)
    if arcs.size == 0:
        return []
    edge = area.boundary
    lines = index.arc_geoms()[arcs]
    hits = shapely.intersection(lines, edge)
    out: list[Crossing] = []
    for a, line, hit in zip(arcs.tolist(), lines, hits):
        outbound = bool(iu[a])
        pts = [p for p in shapely.get_parts(hit) if p.geom_type == "Point"]
        if not pts:  # touches along a stretch: use the node just outside
            pts = [line.interpolate(1.0 if outbound else 0.0, normalized=True)]
        fr = [float(line.project(p, normalized=True)) for p in pts]
        i = int(np.argmin(fr) if outbound else np.argmax(fr))
        out.append(Crossing(a, fr[i], float(pts[i].x), float(pts[i].y), outbound))
    return out


def escape_routes(
    graph: nx.MultiDiGraph,
    origin: Place | Sequence[Place],
    area: BaseGeometry | None = None,
    *,
    destinations: Sequence[Place] = (),
    k: int = 3,
    weight: Weight = "time",
    mode: str = "",
    max_snap_m: float = MAX_SNAP_M,
) -> DiverseRoutes:
    """Return up to ``k`` diverse escape routes from the site.

    Parameters
    ----------
    graph
        The street graph of the travel mode.
    origin
        The site: OSM node id or ``(x, y)`` (metres, graph CRS), or a list of them
        (the site's entry points; each route leaves by one of them).
    area
        Routes end where they leave this polygon (used when no ``destinations``).
    destinations
        Chosen destinations; each route ends at one of them.
    k
        Number of routes, 1–10.
    weight
        "time" (seconds) or "length" (metres).

    Returns
    -------
    DiverseRoutes
        Routes labelled "escape 1…k" with shared segments listed (see
        :mod:`omgevingsscan.analysis.routing.diverse`).
    """
    weight = check_weight(weight)
    k = check_k(k)
    index = network_index(graph)
    resolved = resolve_places(index, origin, max_snap_m, "the site")
    snaps = dict(resolved)
    sources = list(snaps)
    if destinations:
        sinks = [
            Sink(resolve_place(index, d, max_snap_m, f"destination {i + 1}")[0])
            for i, d in enumerate(destinations)
        ]
        to_label = "the chosen destination" + ("s" if len(sinks) > 1 else "")
    else:
        if area is None:
            raise AnalysisInputError("give destinations or a study area to escape from")
        inside = [p for p in sources if shapely.contains_xy(area, *index.xy[p])]
        if not inside:
            raise AnalysisInputError(
                "the site's street access lies outside the study area (or outside the data)"
            )
        sources = inside
        sinks = [
            Sink(int(index.arc_u[c.arc]), c.arc, c.fraction)
            for c in area_crossings(index, area)
            if c.outbound
        ]
        to_label = "the edge of the study area"
        if not sinks:
            raise NoRouteError(
                f"no route: no street of the {mode or 'loaded'} network leaves the study area"
            )
    result = diverse_routes_from(
        index, sources, sinks, k, weight=weight, mode=mode, kind="escape", to_label=to_label
    )
    routes = [replace(r, start_snap_m=snaps.get(r.path[0], 0.0)) for r in result.routes]
    return DiverseRoutes(routes, result.shared, result.requested, result.notes)


def approach_routes(
    graph: nx.MultiDiGraph,
    entries: Sequence[EntryPoint],
    area: BaseGeometry,
    *,
    weight: Weight = "time",
    mode: str = "",
    per_entry: int = 5,
    max_shared: float = 0.6,
) -> list[Route]:
    """Return the approach corridors from the edge of ``area`` to each entry point, ranked.

    For each entry point one reverse Dijkstra gives the cost from every node to it;
    every street crossing into the area starts a corridor (from the crossing point).
    Corridors are ranked by ``weight`` (rank 1 = quickest or shortest); a corridor is
    dropped when more than ``max_shared`` of its length runs over better-ranked
    corridors to the same entry point; at most ``per_entry`` are kept per entry.
    Entry points on the same street node share their corridors. Routes carry tags
    ``rank`` and ``entry``.
    """
    weight = check_weight(weight)
    if per_entry < 1:
        raise AnalysisInputError("per_entry must be at least 1")
    index = network_index(graph)
    w = index.weights(weight)
    inbound = [c for c in area_crossings(index, area) if not c.outbound]
    if not inbound:
        raise NoRouteError("no route: no street of the network enters the study area")
    groups: dict[int, list[str]] = {}
    for entry in entries:
        groups.setdefault(entry.node, []).append(entry.label)
    out: list[Route] = []
    for node, names in groups.items():
        entry_label = " / ".join(names)
        target = index.position(node)
        dist, pred = index.sssp(target, weight, reverse=True)
        cands = []
        for c in inbound:
            v = int(index.arc_v[c.arc])
            if np.isfinite(dist[v]):
                cands.append((float(w[c.arc]) * (1.0 - c.fraction) + float(dist[v]), c))
        cands.sort(key=lambda t: t[0])
        kept: list[Route] = []
        for _cost, c in cands:
            back = walk_predecessors(pred, target, int(index.arc_v[c.arc]))
            assert back is not None
            tail = make_route(index, back[::-1], weight)
            route = Route(
                index=index,
                path=(int(index.arc_u[c.arc]), *tail.path),
                arcs=(c.arc, *tail.arcs),
                weight=weight,
                mode=mode,
                kind="approach",
                start_fraction=c.fraction,
            )
            if _shared_share(route, kept) > max_shared:
                continue
            rank = len(kept) + 1
            kept.append(
                replace(
                    route,
                    label=f"approach {rank} → {entry_label}",
                    tags={"rank": rank, "entry": entry_label},
                )
            )
            if len(kept) >= per_entry:
                break
        out.extend(kept)
    return out


def _shared_share(route: Route, others: Sequence[Route]) -> float:
    if not others or route.length_m <= 0:
        return 0.0
    theirs = frozenset().union(*(o.segments for o in others))
    ix = route.index
    shared = sum(float(ix.arc_length[a]) for a in route.arcs if int(ix.arc_segment[a]) in theirs)
    return shared / route.length_m
