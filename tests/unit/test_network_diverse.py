"""k diverse routes: edge-disjoint when possible (hand-built graphs), else minimal overlap."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from omgevingsscan.analysis.routing import (
    NoRouteError,
    Sink,
    check_k,
    diverse_routes_from,
    escape_routes,
    network_index,
)
from omgevingsscan.errors import AnalysisInputError
from tests.unit.test_network_graphs import X0, Y0, graph_from_edges, grid


def _routes(graph: nx.MultiDiGraph, s: int, t: int, k: int):  # type: ignore[no-untyped-def]
    ix = network_index(graph)
    return diverse_routes_from(ix, ix.position(s), [Sink(ix.position(t))], k, weight="length")


def _pairwise_disjoint(routes) -> bool:  # type: ignore[no-untyped-def]
    segs = [r.segments for r in routes]
    return all(not (segs[i] & segs[j]) for i in range(len(segs)) for j in range(i + 1, len(segs)))


def test_trap_graph_where_greedy_fails() -> None:
    """Taking the shortest path first (s-a-b-t) leaves no second route; two disjoint exist."""
    s, a, b, t = 1, 2, 3, 4
    g = graph_from_edges([(s, a, 1), (a, b, 1), (b, t, 1), (a, t, 3), (s, b, 3)])
    result = _routes(g, s, t, 2)
    assert result.edge_disjoint and not result.shared
    assert [r.nodes for r in result.routes] == [(s, a, t), (s, b, t)]
    assert _pairwise_disjoint(result.routes)
    assert [r.label for r in result.routes] == ["escape 1", "escape 2"]


def test_shared_segments_listed_when_no_disjoint_set() -> None:
    s, a, b, t = 1, 2, 3, 4
    g = graph_from_edges([(s, a, 1), (a, b, 1), (b, t, 1), (a, t, 3), (s, b, 3)])
    result = _routes(g, s, t, 3)  # only 2 edges leave s: a third route must share
    assert len(result.routes) == 3
    assert not result.edge_disjoint
    assert result.shared and all(len(x.routes) >= 2 for x in result.shared)
    assert any("shared" in n for n in result.notes)
    # every listed shared segment really is used by the routes it names
    for seg in result.shared:
        for number in seg.routes:
            assert seg.segment in result.routes[number - 1].segments
    # 3 units through a cut of 2 edges on both sides: at least 2 extra uses, and no more
    extra = sum(len(x.routes) - 1 for x in result.shared)
    assert extra == 2


def test_only_one_route_exists() -> None:
    g = graph_from_edges([(1, 2, 5), (2, 3, 5)])
    result = _routes(g, 1, 3, 3)
    assert len(result.routes) == 1
    assert any("only 1 distinct route" in n for n in result.notes)


@pytest.mark.parametrize("seed", range(40))
def test_random_graphs_disjoint_and_optimal(seed: int) -> None:
    """Random graphs: k ≤ local edge connectivity gives k disjoint routes of least total cost."""
    rng = random.Random(seed)
    h = nx.gnm_random_graph(rng.randint(6, 18), rng.randint(14, 40), seed=seed)
    edges = [(u + 1, v + 1, rng.randint(1, 20)) for u, v in h.edges()]
    g = graph_from_edges(edges)
    und = nx.Graph()
    und.add_weighted_edges_from(edges)
    s, t = rng.sample(sorted(max(nx.connected_components(und), key=len)), 2)
    lam = nx.edge_connectivity(und, s, t)
    for k in range(1, min(lam, 4) + 1):
        result = _routes(g, s, t, k)
        assert len(result.routes) == k
        assert result.edge_disjoint and _pairwise_disjoint(result.routes)
        # least total length over all sets of k disjoint routes (min-cost flow reference)
        d = nx.DiGraph()
        for u, v, w in edges:
            d.add_edge(u, v, capacity=1, weight=w)
            d.add_edge(v, u, capacity=1, weight=w)
        d.add_edge("S", s, capacity=k, weight=0)
        ref = nx.cost_of_flow(d, nx.max_flow_min_cost(d, "S", t))
        assert sum(r.length_m for r in result.routes) == pytest.approx(ref)
    over = _routes(g, s, t, lam + 1)
    assert not over.edge_disjoint or len(over.routes) <= lam


def test_k_range_checked() -> None:
    g = graph_from_edges([(1, 2, 5)])
    for bad in (0, 11, -1, 2.5):
        with pytest.raises(AnalysisInputError, match="out of range|whole number"):
            _routes(g, 1, 2, bad)  # type: ignore[arg-type]
    assert check_k(10) == 10


def test_escape_to_the_edge_of_an_area() -> None:
    """A 5 × 5 grid, site in the middle, area a 150 m circle: 4 ways out, all disjoint."""
    g = grid(5, 5)
    from shapely.geometry import Point

    centre = (X0 + 200.0, Y0 + 200.0)
    area = Point(centre).buffer(150.0, quad_segs=32)
    result = escape_routes(g, 13, area, k=4, weight="length", mode="walk")
    assert len(result.routes) == 4 and result.edge_disjoint
    for r in result.routes:
        # each route ends exactly at the circle, 150 m out along a street
        end = Point(r.geometry.coords[-1])
        assert end.distance(Point(centre)) == pytest.approx(150.0, abs=1e-6)
        assert r.length_m == pytest.approx(150.0)
    with pytest.raises(AnalysisInputError, match="out of range"):
        escape_routes(g, 13, area, k=0)


def test_escape_to_destinations_and_island() -> None:
    g = graph_from_edges([(1, 2, 5), (2, 3, 5), (1, 4, 7), (4, 3, 7), (8, 9, 1)])
    result = escape_routes(g, 1, destinations=[3], k=2, weight="length")
    assert [r.nodes[-1] for r in result.routes] == [3, 3] and result.edge_disjoint
    with pytest.raises(NoRouteError, match="no route: the chosen destination is on an island"):
        escape_routes(g, 1, destinations=[9], k=2)


def test_several_starts_spread_the_routes() -> None:
    """Two doors of one building, each on its own street: the routes leave by both."""
    g = graph_from_edges([(1, 3, 10), (2, 4, 10), (3, 5, 10), (4, 5, 10)])
    ix = network_index(g)
    result = diverse_routes_from(
        ix, [ix.position(1), ix.position(2)], [Sink(ix.position(5))], 2, weight="length"
    )
    assert sorted(r.nodes[0] for r in result.routes) == [1, 2]
    assert result.edge_disjoint
