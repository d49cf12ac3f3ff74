"""Hand-built street graphs for the route tests, and tests of the CSR index itself."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np
import pytest

from omgevingsscan.analysis.routing.graph import clear_index, network_index
from omgevingsscan.errors import AnalysisInputError

CRS = "EPSG:28992"
X0, Y0 = 120000.0, 487000.0


def add_street(
    g: nx.MultiDiGraph,
    u: int,
    v: int,
    *,
    two_way: bool = True,
    speed_kph: float = 18.0,
    length: float | None = None,
    **attrs: Any,
) -> None:
    """Add a straight street u–v (both directions unless one-way); length from coordinates."""
    if length is None:
        (xu, yu), (xv, yv) = ((g.nodes[n]["x"], g.nodes[n]["y"]) for n in (u, v))
        length = float(np.hypot(xv - xu, yv - yu))
    data = {"length": length, "travel_time": length / (speed_kph / 3.6), "oneway": not two_way}
    data.update(attrs)
    g.add_edge(u, v, **data)
    if two_way:
        g.add_edge(v, u, **data)


def graph_from_edges(
    edges: Iterable[tuple[int, int, float]],
    coords: dict[int, tuple[float, float]] | None = None,
    *,
    two_way: bool = True,
) -> nx.MultiDiGraph:
    """A graph of streets ``(u, v, length)``; nodes on a spiral unless ``coords`` given."""
    g = nx.MultiDiGraph(crs=CRS)
    edges = list(edges)
    nodes = sorted({n for e in edges for n in e[:2]})
    for i, n in enumerate(nodes):
        x, y = coords[n] if coords else (X0 + 37.0 * i, Y0 + 11.0 * (i % 5))
        g.add_node(n, x=x, y=y)
    for u, v, length in edges:
        add_street(g, u, v, two_way=two_way, length=float(length))
    return g


def grid(
    nx_: int, ny: int, *, spacing: float = 100.0, x0: float = X0, y0: float = Y0, first: int = 1
) -> nx.MultiDiGraph:
    """An nx_ × ny two-way street grid; node ids ``first + i + j * nx_``."""
    g = nx.MultiDiGraph(crs=CRS)
    for j in range(ny):
        for i in range(nx_):
            g.add_node(first + i + j * nx_, x=x0 + i * spacing, y=y0 + j * spacing)
    for j in range(ny):
        for i in range(nx_):
            n = first + i + j * nx_
            if i + 1 < nx_:
                add_street(g, n, n + 1, name=f"Straat {j}")
            if j + 1 < ny:
                add_street(g, n, n + nx_, name=f"Dwarsstraat {i}")
    return g


def two_islands_with_bridge() -> nx.MultiDiGraph:
    """Two 4×4 grids 100 m apart joined by one bridge (nodes 8 → 17), 100 m spacing.

    Left grid: ids 1–16 at x 120000–120300; right grid: ids 17–32 at x 120400–120700.
    """
    g = grid(4, 4)
    g = nx.compose(g, grid(4, 4, x0=X0 + 400.0, first=17))
    g.graph["crs"] = CRS
    add_street(g, 8, 21, name="Testbrug", bridge="yes")
    return g


def test_index_matches_graph() -> None:
    g = two_islands_with_bridge()
    ix = network_index(g)
    assert ix.n_nodes == g.number_of_nodes()
    assert ix.n_arcs == g.number_of_edges()
    assert network_index(g) is ix  # cached per graph
    # both directions of a street are one segment, each with its twin
    twins = ix.twins()
    assert (twins >= 0).all()
    assert (ix.arc_segment[twins] == ix.arc_segment).all()
    assert len(set(ix.arc_segment.tolist())) == g.number_of_edges() // 2


def test_index_rebuilt_after_clear_and_node_change() -> None:
    g = grid(3, 3)
    ix = network_index(g)
    g.add_node(999, x=X0 - 50, y=Y0)
    add_street(g, 1, 999)
    ix2 = network_index(g)
    assert ix2 is not ix and ix2.n_nodes == 10
    clear_index(g)
    assert network_index(g) is not ix2


def test_snap_and_nearest() -> None:
    g = grid(3, 3)
    ix = network_index(g)
    pos, dist = ix.nearest(X0 + 5, Y0 + 5)
    assert ix.node_ids[pos] == 1 and dist == pytest.approx(np.hypot(5, 5))
    snap = ix.snap(X0 + 30, Y0 + 4)  # on the street 1-2, 30 % along
    assert snap.distance_m == pytest.approx(4.0)
    u, v = ix.node_ids[ix.arc_u[snap.arc]], ix.node_ids[ix.arc_v[snap.arc]]
    assert {u, v} == {1, 2}
    assert snap.fraction == pytest.approx(0.3 if u == 1 else 0.7)
    with pytest.raises(AnalysisInputError, match="outside the street network"):
        ix.snap(X0 - 1000, Y0, max_snap_m=100)
    with pytest.raises(AnalysisInputError, match="outside the street network"):
        ix.nearest(X0 - 1000, Y0, max_snap_m=100)


def test_missing_attributes_are_reported() -> None:
    g = nx.MultiDiGraph(crs=CRS)
    g.add_node(1, x=0.0, y=0.0)
    g.add_node(2, x=10.0, y=0.0)
    g.add_edge(1, 2, length=10.0)  # no travel_time
    ix = network_index(g)
    with pytest.raises(AnalysisInputError, match="travel_time"):
        ix.csr("time")
    g2 = nx.MultiDiGraph(crs=CRS)
    g2.add_node(1, x=0.0, y=0.0)
    g2.add_node(2, x=10.0, y=0.0)
    g2.add_edge(1, 2)
    with pytest.raises(AnalysisInputError, match="length"):
        network_index(g2)


@pytest.mark.parametrize("mode", ["walk", "drive"])
def test_route_table_equals_dijkstra(demo_scan, mode: str) -> None:  # type: ignore[no-untyped-def]
    from scipy.sparse.csgraph import dijkstra

    graph = demo_scan.graphs[mode]
    ix = network_index(graph)
    table = ix.route_table("time")
    assert table is not None
    mat, _ = ix.csr("time")
    rng = np.random.default_rng(5)
    sources = rng.choice(ix.n_nodes, size=6, replace=False)
    for s in sources.tolist():
        dist, pred = dijkstra(mat, indices=s, return_predecessors=True)
        assert np.array_equal(table[0][s], dist) and np.array_equal(table[1][s], pred)
        got, _ = ix.sssp(s, "time", limit=120.0)
        assert np.array_equal(got, np.where(dist <= 120.0, dist, np.inf))
    ref, _, _ = dijkstra(mat, indices=sources, return_predecessors=True, min_only=True, limit=200.0)
    dist, pred, root = ix.sssp_min(sources, "time", limit=200.0)
    assert np.array_equal(np.isinf(dist), np.isinf(ref))
    assert np.allclose(dist[np.isfinite(dist)], ref[np.isfinite(ref)])
    # each node's root is a source, and walking its predecessors leads back to it
    for j in np.flatnonzero(np.isfinite(dist))[:50].tolist():
        r = int(root[j])
        assert r in sources.tolist()
        k = j
        while k != r:
            k = int(pred[k])
            assert k >= 0


def test_searches_without_the_table(demo_scan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Large networks get no route table: the per-search Dijkstra gives the same routes."""
    from omgevingsscan.analysis.routing import NoRouteError, batch_routes, shortest_route
    from omgevingsscan.analysis.routing import graph as network_graph

    graph = demo_scan.graphs["bike"]
    nodes = sorted(graph.nodes)
    pairs = [(nodes[i], nodes[-1 - 3 * i]) for i in range(60)]
    with_table = [
        None if r is None else r.time_s for r in batch_routes(graph, pairs, weight="time")
    ]
    monkeypatch.setattr(network_graph, "TABLE_MAX_NODES", 0)
    clear_index(graph)
    try:
        assert network_index(graph).route_table("time") is None
        without = [None if r is None else r.time_s for r in batch_routes(graph, pairs)]
        single: list[float | None] = []
        for s, t in pairs:
            try:
                single.append(shortest_route(graph, s, t).time_s)
            except NoRouteError:
                single.append(None)
    finally:
        clear_index(graph)
    assert any(a is None for a in with_table) and any(a is not None for a in with_table)
    for a, b, c in zip(with_table, without, single):
        assert (a is None) == (b is None) == (c is None)
        if a is not None:
            assert a == pytest.approx(b) and a == pytest.approx(c)
