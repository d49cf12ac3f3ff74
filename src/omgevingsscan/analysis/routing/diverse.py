"""k diverse routes: edge-disjoint when the network allows, otherwise minimal overlap.

The k routes are a minimum-cost flow of k units from the origin to a super-sink joined
to every destination (or to every point where a street leaves the study area). Each
arc has a first unit at its own cost and further units ("sharing") at a much higher
cost: a fixed penalty larger than the cost of any set of routes without sharing, plus
:data:`SHARE_FACTOR` times the arc's cost. So the solution

1. uses no street segment twice whenever k segment-disjoint routes exist (Menger's
   theorem: that is when the minimum cut between origin and destinations is ≥ k);
2. otherwise shares as few segments as possible, then as little length (or time);
3. and among those, has the least total length (or time).

It is solved by successive shortest paths with node potentials (Suurballe's idea),
each a scipy Dijkstra on a CSR of the residual network. Both directions of a two-way
street are one segment: flow that runs both ways over a segment is cancelled before
the flow is split into routes, so routes never meet head-on on a street either.
Routes are returned quickest (or shortest) first; route 1 is not always the single
shortest route, because the set is optimised as a whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import LineString

from omgevingsscan.analysis.routing.graph import (
    NetworkIndex,
    NoRouteError,
    Weight,
    build_csr,
    walk_predecessors,
)
from omgevingsscan.analysis.routing.routes import Route, no_route_message
from omgevingsscan.errors import AnalysisInputError

#: Allowed number of diverse routes.
K_MIN, K_MAX = 1, 10
#: Shared length counts this many times its own length, after the fixed penalty.
SHARE_FACTOR = 100.0


@dataclass(frozen=True)
class Sink:
    """A place a route may end: a node, or part of an arc that leaves an area.

    ``node`` is a position in the index. With ``arc`` set, the route goes on from
    ``node`` (the arc's start) along ``fraction`` (0–1) of that arc, to where it
    crosses the edge of the area.
    """

    node: int
    arc: int | None = None
    fraction: float = 1.0


@dataclass(frozen=True)
class SharedSegment:
    """A street segment that more than one route uses.

    ``routes`` are 1-based route numbers; ``length_m`` metres; ``geometry`` in the
    graph's CRS.
    """

    segment: int
    routes: tuple[int, ...]
    name: str
    length_m: float
    geometry: LineString


@dataclass(frozen=True)
class DiverseRoutes:
    """The result of :func:`diverse_routes_from`.

    Attributes
    ----------
    routes
        Up to k routes, cheapest first, labelled "<kind> 1", "<kind> 2", …
    shared
        Segments used by more than one route (empty when the routes are edge-disjoint).
    requested
        The k asked for.
    notes
        Plain sentences for the user (fewer routes than asked, shared segments…).
    """

    routes: list[Route]
    shared: list[SharedSegment]
    requested: int
    notes: list[str] = field(default_factory=list)

    @property
    def edge_disjoint(self) -> bool:
        """True when no two routes share a street segment."""
        return not self.shared


def check_k(k: int) -> int:
    """Return ``k`` as int if it lies in :data:`K_MIN`–:data:`K_MAX`, else raise."""
    try:
        kk = int(k)
    except (TypeError, ValueError):
        raise AnalysisInputError(f"k {k!r} is not a whole number") from None
    if kk != k or not K_MIN <= kk <= K_MAX:
        raise AnalysisInputError(f"k = {k} is out of range; ask for {K_MIN}–{K_MAX} routes")
    return kk


def diverse_routes_from(
    index: NetworkIndex,
    source: int | Sequence[int],
    sinks: Sequence[Sink],
    k: int,
    *,
    weight: Weight = "time",
    mode: str = "",
    kind: str = "escape",
    to_label: str = "the destination",
    from_label: str = "the site",
) -> DiverseRoutes:
    """Find up to ``k`` routes from ``source`` to any of ``sinks``, as different as possible.

    Parameters
    ----------
    index
        The network index (see :func:`~omgevingsscan.analysis.routing.graph.network_index`).
    source
        Start node position, or several (the site's entry points): each route starts
        at one of them.
    sinks
        Where routes may end (nodes, or parts of arcs that cross an area's edge).
    k
        Number of routes, :data:`K_MIN`–:data:`K_MAX`.
    weight
        "length" (metres) or "time" (seconds).

    Raises
    ------
    AnalysisInputError
        k out of range, or no sinks.
    NoRouteError
        No sink can be reached from the source.
    """
    k = check_k(k)
    if not sinks:
        raise AnalysisInputError(f"no destination to route to ({to_label})")
    sources = (
        [int(source)] if isinstance(source, (int, np.integer)) else list(dict.fromkeys(source))
    )
    if not sources:
        raise AnalysisInputError(f"no start to route from ({from_label})")
    w = index.weights(weight)
    n = index.n_nodes
    tnode, snode = n, n + 1
    arc_ok = np.flatnonzero((index.arc_u != index.arc_v) & np.isfinite(w))
    m_graph = arc_ok.shape[0]
    base_from = np.concatenate([index.arc_u[arc_ok], [s.node for s in sinks]]).astype(np.int64)
    base_to = np.concatenate([index.arc_v[arc_ok], np.full(len(sinks), tnode)]).astype(np.int64)
    sink_cost = [0.0 if s.arc is None else float(w[s.arc]) * s.fraction for s in sinks]
    base_cost = np.concatenate([w[arc_ok], sink_cost]).astype(float)
    nb = base_cost.shape[0]
    # Sharing: a fixed penalty above any sharing-free solution, then SHARE_FACTOR × cost.
    penalty = k * float(base_cost.sum()) + 1.0
    ns = len(sources)
    frm = np.concatenate([base_from, base_from, np.full(ns, snode)])
    to = np.concatenate([base_to, base_to, sources])
    cost = np.concatenate([base_cost, base_cost * (1.0 + SHARE_FACTOR) + penalty, np.zeros(ns)])
    cap = np.concatenate(
        [np.ones(nb, np.int64), np.full(nb, k - 1, np.int64), np.full(ns, k, np.int64)]
    )
    flow = np.zeros_like(cap)
    pot = np.zeros(n + 2)
    n_units = 0
    for _ in range(k):
        fwd = np.flatnonzero(flow < cap)
        bwd = np.flatnonzero(flow > 0)
        r_from = np.concatenate([frm[fwd], to[bwd]])
        r_to = np.concatenate([to[fwd], frm[bwd]])
        r_cost = np.concatenate([cost[fwd], -cost[bwd]])
        r_arc = np.concatenate([fwd, bwd])
        r_dir = np.concatenate([np.ones(fwd.shape[0], np.int64), -np.ones(bwd.shape[0], np.int64)])
        reduced = np.maximum(r_cost + pot[r_from] - pot[r_to], 0.0)
        mat, chosen, keys = build_csr(n + 2, r_from, r_to, reduced)
        dist, pred = dijkstra(mat, indices=snode, return_predecessors=True)
        if not np.isfinite(dist[tnode]):
            break
        path = walk_predecessors(pred, snode, tnode)
        assert path is not None
        p = np.asarray(path, dtype=np.int64)
        steps = chosen[np.searchsorted(keys, p[:-1] * (n + 2) + p[1:])]
        np.add.at(flow, r_arc[steps], r_dir[steps])
        finite = np.isfinite(dist)
        pot = pot + np.where(finite, dist, dist[finite].max())
        n_units += 1
    if n_units == 0:
        raise NoRouteError(no_route_message(to_label, from_label, mode))
    base_flow = flow[:nb] + flow[nb : 2 * nb]
    _cancel_opposite(index, arc_ok, base_flow[:m_graph])
    all_from = np.concatenate([base_from, np.full(ns, snode)])
    all_to = np.concatenate([base_to, sources])
    all_flow = np.concatenate([base_flow, flow[2 * nb :]])
    paths = [p[1:] for p in _decompose(all_from, all_to, all_flow, snode, tnode)]
    return _assemble(index, arc_ok, m_graph, sinks, paths, k, weight, mode, kind)


def _cancel_opposite(index: NetworkIndex, arc_ok: np.ndarray, flow: np.ndarray) -> None:
    """Cancel flow that runs both ways over one segment (in place)."""
    used = np.flatnonzero(flow > 0)
    by_seg: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i in used.tolist():
        a = arc_ok[i]
        by_seg[(int(index.arc_segment[a]), int(index.arc_u[a]), int(index.arc_v[a]))].append(i)
    for (seg, u, v), fwd in by_seg.items():
        back = by_seg.get((seg, v, u))
        if not back or u > v:
            continue
        for i in fwd:
            for j in back:
                c = min(flow[i], flow[j])
                flow[i] -= c
                flow[j] -= c


def _decompose(
    frm: np.ndarray, to: np.ndarray, flow: np.ndarray, source: int, tnode: int
) -> list[list[int]]:
    """Split an integral flow into source→sink paths of base-arc numbers (cycles dropped)."""
    out_arcs: dict[int, list[int]] = defaultdict(list)
    left = flow.astype(np.int64).copy()
    for i in np.flatnonzero(left > 0).tolist():
        out_arcs[int(frm[i])].append(i)
    paths: list[list[int]] = []
    while True:
        arcs: list[int] = []
        seen = {source: 0}
        node = source
        while node != tnode:
            choices = [i for i in out_arcs.get(node, []) if left[i] > 0]
            if not choices:
                return paths
            i = choices[0]
            left[i] -= 1
            nxt = int(to[i])
            if nxt in seen:
                cut = seen[nxt]
                for dropped in arcs[cut:]:
                    seen.pop(int(to[dropped]), None)
                del arcs[cut:]
            else:
                arcs.append(i)
                seen[nxt] = len(arcs)
            node = nxt
        paths.append(arcs)


def _assemble(
    index: NetworkIndex,
    arc_ok: np.ndarray,
    m_graph: int,
    sinks: Sequence[Sink],
    paths: list[list[int]],
    k: int,
    weight: Weight,
    mode: str,
    kind: str,
) -> DiverseRoutes:
    routes: list[Route] = []
    signatures: set[tuple[int, ...]] = set()
    for base in paths:
        graph_arcs = [int(arc_ok[i]) for i in base[:-1]]
        sink = sinks[base[-1] - m_graph]
        sig = (*graph_arcs, -1 - (base[-1] - m_graph))
        if sig in signatures:
            continue
        signatures.add(sig)
        first = int(index.arc_u[graph_arcs[0]]) if graph_arcs else sink.node
        path = [first] + [int(index.arc_v[a]) for a in graph_arcs]
        end_fraction = 1.0
        if sink.arc is not None:
            graph_arcs.append(int(sink.arc))
            path.append(int(index.arc_v[sink.arc]))
            end_fraction = sink.fraction
        routes.append(
            Route(
                index=index,
                path=tuple(path),
                arcs=tuple(graph_arcs),
                weight=weight,
                mode=mode,
                kind=kind,
                end_fraction=end_fraction,
            )
        )
    routes.sort(key=lambda r: r.cost)
    users: dict[int, list[int]] = defaultdict(list)
    for number, r in enumerate(routes, start=1):
        for seg in r.segments:
            users[seg].append(number)
    shared: list[SharedSegment] = []
    seg_arc = {int(s): a for a, s in enumerate(index.arc_segment.tolist())}
    for seg, numbers in sorted(users.items()):
        if len(numbers) < 2:
            continue
        a = seg_arc[seg]
        shared.append(
            SharedSegment(
                segment=seg,
                routes=tuple(numbers),
                name=", ".join(index.arc_names(a)) or "unnamed street",
                length_m=float(index.arc_length[a]),
                geometry=index.arc_geoms()[a],
            )
        )
    labelled = []
    for number, r in enumerate(routes, start=1):
        mine = [s for s in shared if number in s.routes]
        text = "; ".join(
            f"{s.name} ({s.length_m:.0f} m) with route "
            + ", ".join(str(o) for o in s.routes if o != number)
            for s in mine
        )
        labelled.append(
            replace(r, label=f"{kind} {number}", tags={**r.tags, "rank": number, "shared": text})
        )
    notes = []
    if len(labelled) < k:
        notes.append(
            f"only {len(labelled)} distinct route{'s' if len(labelled) != 1 else ''} exist "
            f"in the loaded network ({k} asked)"
        )
    if shared:
        total = sum(s.length_m for s in shared)
        notes.append(
            f"no {len(labelled)} routes without a shared street exist; {len(shared)} shared "
            f"segment{'s' if len(shared) != 1 else ''} ({total:.0f} m) listed"
        )
    return DiverseRoutes(routes=labelled, shared=shared, requested=k, notes=notes)
