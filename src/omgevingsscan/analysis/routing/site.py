"""Routes around the site: entry points, approach corridors and escape routes.

The *area* is the part of the study area the loaded data covers (see
:func:`omgevingsscan.analysis.routing.study_boundary`); its edge is where approach
corridors start and escape routes end. A street *crosses* the edge when one end node
lies inside the area and the other outside; the crossing point is where its geometry
meets the edge, and routes use the edge up to (or from) that point only.

All coordinates are metres in the graph's CRS (the scan's local CRS); times are
seconds of ``travel_time``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace

import geopandas as gpd
import networkx as nx
import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.routing.diverse import (
    DiverseRoutes,
    Sink,
    check_k,
    diverse_routes_from,
)
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

#: Entrances farther than this (metres) from the site building's outline are not its own.
ENTRANCE_TOLERANCE_M = 3.0
#: A building this close (metres) to the site point counts as the site building.
SITE_BUILDING_M = 15.0
#: At most this many street access points when no entrance is tagged.
MAX_STREET_ACCESS = 4


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


@dataclass(frozen=True)
class EntryPoint:
    """A way into the site.

    Attributes
    ----------
    label
        "main entrance", "entrance 2", "street access: Amstel", …
    source
        "entrance" (a tagged entrance of the site building) or "street_access".
    x, y
        The entrance or access point, metres in the graph's CRS.
    node
        OSM id of the street node routes use.
    snap_m
        Distance from the point to that node, metres.
    distance_m
        Distance from the site point, metres.
    """

    label: str
    source: str
    x: float
    y: float
    node: int
    snap_m: float
    distance_m: float


def site_building(
    site_xy: tuple[float, float], buildings: gpd.GeoDataFrame | None
) -> BaseGeometry | None:
    """Return the footprint holding the site point, else the nearest within 15 m, else None."""
    if buildings is None or buildings.empty:
        return None
    pt = Point(site_xy)
    geoms = buildings.geometry
    holding = geoms[geoms.covers(pt)]
    if not holding.empty:
        return holding.iloc[0]
    dist = geoms.distance(pt)
    if dist.min() <= SITE_BUILDING_M:
        return geoms.loc[dist.idxmin()]
    return None


def entry_points(
    graph: nx.MultiDiGraph,
    site_xy: tuple[float, float],
    *,
    entrances: gpd.GeoDataFrame | None = None,
    buildings: gpd.GeoDataFrame | None = None,
    max_distance_m: float = 75.0,
    max_snap_m: float = MAX_SNAP_M,
) -> list[EntryPoint]:
    """Return the network entry points of the site.

    Tagged entrances (points in ``entrances``) of the site building that lie within
    ``max_distance_m`` of the site are used when there are any; the building is the
    footprint holding the site (or nearest within 15 m) and an entrance belongs to it
    when within 3 m of its outline. An entrance is tied to the nearer end node of its
    nearest street. Otherwise the nearest point of each street within
    ``max_distance_m`` of the building (or site) gives a *street access*: its point
    nearest to the site (at most four, nearest first), or failing that the single nearest street point. Each entry point
    is tied to the nearer end node of its street. Entrances farther than
    ``max_snap_m`` from every street are left out.
    """
    if max_distance_m <= 0:
        raise AnalysisInputError(f"entry distance {max_distance_m} m must be positive")
    index = network_index(graph)
    site = Point(site_xy)
    building = site_building(site_xy, buildings)
    out: list[EntryPoint] = []
    if entrances is not None and not entrances.empty:
        cand = entrances[entrances.geometry.distance(site) <= max_distance_m]
        if building is not None:
            cand = cand[cand.geometry.distance(building) <= ENTRANCE_TOLERANCE_M]
        cand = cand.assign(_d=cand.geometry.distance(site)).sort_values("_d")
        for number, (_, row) in enumerate(cand.iterrows(), start=1):
            geom = row.geometry
            try:
                pos, snap = index.street_node(geom.x, geom.y, max_snap_m)
            except AnalysisInputError:
                continue
            kind = str(row.get("entrance") or _entrance_value(row.get("tags")) or "")
            label = "main entrance" if kind == "main" else f"entrance {number}"
            out.append(
                EntryPoint(
                    label,
                    "entrance",
                    float(geom.x),
                    float(geom.y),
                    int(index.node_ids[pos]),
                    snap,
                    float(row["_d"]),
                )
            )
    if out:
        return out
    return _street_access(index, site, building or site, max_distance_m, max_snap_m)


def _entrance_value(tags: object) -> str:
    if isinstance(tags, str) and '"entrance"' in tags:
        try:
            return str(json.loads(tags).get("entrance", ""))
        except ValueError:
            return ""
    if isinstance(tags, dict):
        return str(tags.get("entrance", ""))
    return ""


def _street_access(
    index: NetworkIndex,
    site: Point,
    target: BaseGeometry,
    max_distance_m: float,
    max_snap_m: float,
) -> list[EntryPoint]:
    if index.n_arcs == 0:
        raise AnalysisInputError("the street network is empty")
    geoms = index.arc_geoms()
    tree = shapely.STRtree(geoms)
    near = tree.query(target, predicate="dwithin", distance=max_distance_m)
    if near.size == 0:
        near = np.atleast_1d(tree.nearest(target))
    dists = shapely.distance(geoms[near], target)
    best: dict[str, tuple[float, int]] = {}
    for a, d in sorted(zip(near.tolist(), dists.tolist()), key=lambda t: t[1]):
        names = index.arc_names(a)
        key = names[0] if names else f"segment {index.arc_segment[a]}"
        best.setdefault(key, (d, a))
    out: list[EntryPoint] = []
    for name, (_d, a) in sorted(best.items(), key=lambda kv: kv[1][0])[:MAX_STREET_ACCESS]:
        line = geoms[a]
        pt = line.interpolate(line.project(site))  # the street point facing the site
        along = line.project(pt, normalized=True)
        pos = int(index.arc_u[a] if along < 0.5 else index.arc_v[a])
        snap = float(np.hypot(*(index.xy[pos] - (pt.x, pt.y))))
        if snap > max_snap_m:
            continue
        label = f"street access: {name}" if not name.startswith("segment ") else "street access"
        out.append(
            EntryPoint(
                label,
                "street_access",
                float(pt.x),
                float(pt.y),
                int(index.node_ids[pos]),
                snap,
                float(pt.distance(site)),
            )
        )
    if not out:
        raise AnalysisInputError("the site lies outside the street network: no street access found")
    return out


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


def entry_points_frame(entries: Sequence[EntryPoint], crs: object = None) -> gpd.GeoDataFrame:
    """Return entry points as a point GeoDataFrame.

    Columns: ``label``, ``source`` ("entrance" or "street_access"), ``node`` (OSM id),
    ``snap_m`` and ``distance_m`` (metres).
    """
    return gpd.GeoDataFrame(
        {
            "label": [e.label for e in entries],
            "source": [e.source for e in entries],
            "node": [e.node for e in entries],
            "snap_m": [round(e.snap_m, 1) for e in entries],
            "distance_m": [round(e.distance_m, 1) for e in entries],
        },
        geometry=[Point(e.x, e.y) for e in entries],
        crs=crs,
    )
