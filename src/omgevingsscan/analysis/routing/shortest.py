"""Shortest routes: one route between two places (the route tool) and batches of routes.

A node id is used as it is. In :func:`shortest_route` an ``(x, y)`` point (metres,
graph CRS) is snapped onto the nearest street and the route starts or ends there, mid
street; in :func:`batch_routes` a point is tied to the nearer end node of its street.
All searches are scipy Dijkstras on the cached CSR index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    EdgeSnap,
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
    no_route_message,
    resolve_place,
)
from omgevingsscan.errors import AnalysisInputError

#: Sources per scipy call in batch routing (bounds memory to chunk × nodes).
BATCH_CHUNK = 256
#: Batches of at least this many pairs build the route table of a small network.
BATCH_TABLE_PAIRS = 50


@dataclass(frozen=True)
class _End:
    """One way to join a place to the network: at ``node``, ``offset`` away (weight units).

    ``arc`` is the arc used in part (None for a node) and ``fraction`` the share of it
    skipped (route starts) or used (route ends).
    """

    node: int
    offset: float
    arc: int | None = None
    fraction: float = 0.0


def _place_ends(
    index: NetworkIndex, place: Place, w: np.ndarray, max_snap_m: float, label: str, start: bool
) -> tuple[list[_End], float, EdgeSnap | None]:
    if isinstance(place, (int, np.integer)):
        return [_End(index.position(int(place)), 0.0)], 0.0, None
    try:
        x, y = (float(v) for v in place)
    except (TypeError, ValueError):
        raise AnalysisInputError(f"{label} {place!r} is not a node id or an (x, y) point") from None
    snap = index.snap(x, y, max_snap_m, label)
    a, f, t = snap.arc, snap.fraction, snap.twin
    ends: list[_End] = []
    if start:
        ends.append(_End(int(index.arc_v[a]), (1.0 - f) * float(w[a]), a, f))
        if t >= 0:
            ends.append(_End(int(index.arc_v[t]), f * float(w[t]), t, 1.0 - f))
    else:
        ends.append(_End(int(index.arc_u[a]), f * float(w[a]), a, f))
        if t >= 0:
            ends.append(_End(int(index.arc_u[t]), (1.0 - f) * float(w[t]), t, 1.0 - f))
    return ends, snap.distance_m, snap


def _direct(
    index: NetworkIndex, so: EdgeSnap, sd: EdgeSnap, w: np.ndarray
) -> tuple[float, int, float, float] | None:
    """Cost of going straight along one street from one snapped point to the other."""
    best = None
    for x in (so.arc, so.twin):
        if x < 0 or x not in (sd.arc, sd.twin):
            continue
        fo = so.fraction if x == so.arc else 1.0 - so.fraction
        fd = sd.fraction if x == sd.arc else 1.0 - sd.fraction
        if fd >= fo:
            cost = (fd - fo) * float(w[x])
            if best is None or cost < best[0]:
                best = (cost, x, fo, fd)
    return best


def shortest_route(
    graph: nx.MultiDiGraph,
    origin: Place,
    destination: Place,
    *,
    weight: Weight = "time",
    mode: str = "",
    max_snap_m: float = MAX_SNAP_M,
    labels: tuple[str, str] = ("A", "B"),
) -> Route:
    """Return the shortest route from ``origin`` to ``destination``.

    A node id is used as it is. An ``(x, y)`` point is snapped onto the nearest
    street (the nearest point of the nearest edge geometry, at most ``max_snap_m``
    metres away), and the route starts or ends there: the street it lies on is
    used in part, in either direction that street may be travelled. So a route
    tool follows the pointer along a street instead of jumping from node to node.

    Parameters
    ----------
    graph
        A projected osmnx MultiDiGraph (the scan's ``graphs[mode]``).
    origin, destination
        OSM node ids or ``(x, y)`` points in metres in the graph's CRS.
    weight
        "length" (metres) or "time" (seconds).
    mode
        Travel mode recorded on the route ("walk", "bike", "drive").
    max_snap_m
        Largest distance (metres) from a point to its street.
    labels
        How the two places are called in messages and in the route label.

    Returns
    -------
    Route
        Node path, edges, ``length_m``, ``time_s``, ``geometry`` and ``via``;
        ``start_snap_m``/``end_snap_m`` are the distances from the points to their
        streets.

    Raises
    ------
    AnalysisInputError
        A point outside the network.
    NoRouteError
        No path from origin to destination (e.g. the destination is on an island).
    """
    weight = check_weight(weight)
    index = network_index(graph)
    if isinstance(origin, (int, np.integer)) and isinstance(destination, (int, np.integer)):
        s, t = index.position(int(origin)), index.position(int(destination))
        _, pred = index.sssp(s, weight)
        path = walk_predecessors(pred, s, t)
        if path is None:
            raise NoRouteError(no_route_message(labels[1], labels[0], mode))
        return make_route(index, path, weight, mode=mode, label=f"{labels[0]} → {labels[1]}")
    w = index.weights(weight)
    starts, s_snap, so = _place_ends(index, origin, w, max_snap_m, labels[0], True)
    ends, t_snap, sd = _place_ends(index, destination, w, max_snap_m, labels[1], False)
    rows = sorted({s.node for s in starts})
    dist, pred = index.sssp(rows, weight)
    dist, pred = np.atleast_2d(dist), np.atleast_2d(pred)
    best: tuple[float, _End, _End] | None = None
    for s in starts:
        r = rows.index(s.node)
        for e in ends:
            total = s.offset + float(dist[r, e.node]) + e.offset
            if np.isfinite(total) and (best is None or total < best[0]):
                best = (total, s, e)
    common: dict[str, Any] = {
        "weight": weight,
        "mode": mode,
        "label": f"{labels[0]} → {labels[1]}",
        "start_snap_m": s_snap,
        "end_snap_m": t_snap,
    }
    direct = _direct(index, so, sd, w) if so is not None and sd is not None else None
    if direct is not None and (best is None or direct[0] <= best[0]):
        _, x, fo, fd = direct
        path = (int(index.arc_u[x]), int(index.arc_v[x]))
        return Route(
            index=index, path=path, arcs=(x,), start_fraction=fo, end_fraction=fd, **common
        )
    if best is None:
        raise NoRouteError(no_route_message(labels[1], labels[0], mode))
    _, s, e = best
    middle = walk_predecessors(pred[rows.index(s.node)], s.node, e.node)
    assert middle is not None
    arcs = index.arcs_between(middle, weight)
    path = list(middle)
    start_fraction, end_fraction = 0.0, 1.0
    if s.arc is not None and s.fraction < 1.0:
        arcs.insert(0, s.arc)
        path.insert(0, int(index.arc_u[s.arc]))
        start_fraction = s.fraction
    if e.arc is not None and e.fraction > 0.0:
        arcs.append(e.arc)
        path.append(int(index.arc_v[e.arc]))
        end_fraction = e.fraction
    if not arcs:
        return Route(index=index, path=(path[0],), arcs=(), **common)
    return Route(
        index=index,
        path=tuple(path),
        arcs=tuple(arcs),
        start_fraction=start_fraction,
        end_fraction=end_fraction,
        **common,
    )


def batch_routes(
    graph: nx.MultiDiGraph,
    pairs: Iterable[tuple[Place, Place]],
    *,
    weight: Weight = "time",
    mode: str = "",
    max_snap_m: float = MAX_SNAP_M,
) -> list[Route | None]:
    """Return the shortest route for each ``(origin, destination)`` pair.

    Places are node ids or ``(x, y)`` points; here a point is tied to the nearer end
    node of its nearest street (not routed from mid-street as in
    :func:`shortest_route`). On a small network (see
    :data:`~omgevingsscan.analysis.routing.graph.TABLE_MAX_NODES`) a batch of
    :data:`BATCH_TABLE_PAIRS` or more reads the all-pairs route table. Otherwise one
    scipy Dijkstra runs per distinct origin (or per distinct destination, on the
    reversed graph, when there are fewer of those), in chunks of :data:`BATCH_CHUNK`
    sources. Geometry and street names are built only when read.

    Returns
    -------
    list
        A :class:`Route` per pair, or None where no route exists.
    """
    weight = check_weight(weight)
    index = network_index(graph)
    pos = index.pos

    def where(place: Place, label: str) -> tuple[int, float]:
        if type(place) is int and place in pos:
            return pos[place], 0.0
        return resolve_place(index, place, max_snap_m, label)

    resolved = [(where(a, "origin"), where(b, "destination")) for a, b in pairs]
    out: list[Route | None] = [None] * len(resolved)
    if not resolved:
        return out
    table = index.route_table(weight) if len(resolved) >= BATCH_TABLE_PAIRS else None
    if table is not None:
        for i, ((s, s_snap), (t, t_snap)) in enumerate(resolved):
            path = walk_predecessors(table[1][s], s, t)
            if path is not None:
                out[i] = make_route(
                    index, path, weight, mode=mode, start_snap_m=s_snap, end_snap_m=t_snap
                )
        return out
    src = [r[0][0] for r in resolved]
    dst = [r[1][0] for r in resolved]
    reverse = len(set(dst)) < len(set(src))
    groups: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(dst if reverse else src):
        groups[r].append(i)
    keys = list(groups)
    for c in range(0, len(keys), BATCH_CHUNK):
        chunk = keys[c : c + BATCH_CHUNK]
        _, pred = index.sssp(chunk, weight, reverse=reverse)
        pred = np.atleast_2d(pred)
        for row, root in enumerate(chunk):
            prow = pred[row]
            for i in groups[root]:
                s, t = src[i], dst[i]
                if reverse:
                    back = walk_predecessors(prow, t, s)
                    path = None if back is None else back[::-1]
                else:
                    path = walk_predecessors(prow, s, t)
                if path is not None:
                    out[i] = make_route(
                        index,
                        path,
                        weight,
                        mode=mode,
                        start_snap_m=resolved[i][0][1],
                        end_snap_m=resolved[i][1][1],
                    )
    return out
