"""Shortest routes against networkx on the demo networks and on hand-built graphs."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest
import shapely

from omgevingsscan.analysis.routing import (
    NoRouteError,
    Route,
    batch_routes,
    nearest_node,
    network_index,
    routes_frame,
    scan_route,
    shortest_route,
)
from omgevingsscan.analysis.routing.routes import ROUTE_COLUMNS
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.speeds import MODES
from tests.unit.test_network_graphs import CRS, X0, Y0, add_street, graph_from_edges, grid

ATTR = {"length": "length", "time": "travel_time"}


def _pairs(graph: nx.MultiDiGraph, n: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    nodes = sorted(graph.nodes)
    return [(rng.choice(nodes), rng.choice(nodes)) for _ in range(n)]


def _reference(graph: nx.MultiDiGraph, s: int, t: int, attr: str) -> float | None:
    try:
        return float(nx.shortest_path_length(graph, s, t, weight=attr))
    except nx.NetworkXNoPath:
        return None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("weight", ["length", "time"])
def test_route_costs_equal_networkx(demo_scan, mode: str, weight: str) -> None:  # type: ignore[no-untyped-def]
    """≥ 100 random reachable node pairs per mode: same cost as networkx, single and batch."""
    graph = demo_scan.graphs[mode]
    rng = random.Random(f"{mode}-{weight}")
    nodes = sorted(graph.nodes)
    pairs: list[tuple[int, int]] = []
    refs: list[float | None] = []
    reachable = unreachable = 0
    while reachable < 120:
        s, t = rng.choice(nodes), rng.choice(nodes)
        ref = _reference(graph, s, t, ATTR[weight])
        if ref is None:
            if unreachable >= 30:
                continue
            unreachable += 1
        else:
            reachable += 1
        pairs.append((s, t))
        refs.append(ref)
    batch = batch_routes(graph, pairs, weight=weight, mode=mode)
    for (s, t), ref, got in zip(pairs, refs, batch):
        if ref is None:
            assert got is None
            with pytest.raises(NoRouteError, match="no route: B is on an island"):
                shortest_route(graph, s, t, weight=weight, mode=mode)
            continue
        single = shortest_route(graph, s, t, weight=weight, mode=mode)
        for r in (single, got):
            assert r is not None
            assert r.cost == pytest.approx(ref, abs=1e-6)
            assert r.nodes[0] == s and r.nodes[-1] == t
            # the path really is a path of the graph with these totals
            assert all(graph.has_edge(u, v, k) for u, v, k in r.edges)
            assert r.length_m == pytest.approx(
                sum(graph.edges[e]["length"] for e in r.edges), abs=1e-6
            )
            assert r.time_s == pytest.approx(
                sum(graph.edges[e]["travel_time"] for e in r.edges), abs=1e-6
            )


def test_route_record_and_geometry(demo_scan) -> None:  # type: ignore[no-untyped-def]
    graph = demo_scan.graphs["walk"]
    s, t = _pairs(graph, 1, seed=4)[0]
    route = shortest_route(graph, s, t, weight="length", mode="walk")
    geom = route.geometry
    assert geom.geom_type == "LineString"
    # the projected geometry is within 1 % of the osmnx great-circle lengths
    assert geom.length == pytest.approx(route.length_m, rel=0.01)
    start = graph.nodes[s]
    assert shapely.Point(geom.coords[0]).distance(shapely.Point(start["x"], start["y"])) < 1e-6
    assert route.via and all(isinstance(n, str) for n in route.via)
    frame = routes_frame([route], crs=demo_scan.crs)
    assert list(frame.columns[: len(ROUTE_COLUMNS)]) == list(ROUTE_COLUMNS)
    assert frame.crs.to_epsg() == 28992
    assert frame.loc[0, "length_m"] == round(route.length_m, 1)


def _split(graph: nx.MultiDiGraph, ix, snap, name: str) -> None:  # type: ignore[no-untyped-def]
    """Insert a node where a point snaps, splitting its street (both directions)."""
    for arc, share in ((snap.arc, snap.fraction), (snap.twin, 1.0 - snap.fraction)):
        if arc < 0:
            continue
        u, v, k = int(ix.node_ids[ix.arc_u[arc]]), int(ix.node_ids[ix.arc_v[arc]]), ix.arc_key[arc]
        d = graph.edges[u, v, k]
        graph.remove_edge(u, v, k)
        for a, b, f in ((u, name, share), (name, v, 1.0 - share)):
            graph.add_edge(a, b, length=f * d["length"], travel_time=f * d["travel_time"])


@pytest.mark.parametrize("mode", MODES)
def test_point_routes_start_mid_street(demo_scan, mode: str) -> None:  # type: ignore[no-untyped-def]
    """Points snap onto streets; the cost equals networkx on the graph split there."""
    graph = demo_scan.graphs[mode]
    ix = network_index(graph)
    rng = np.random.default_rng(7)
    xmin, ymin, xmax, ymax = demo_scan.study_area.polygon.bounds
    checked = 0
    while checked < 40:
        p = (rng.uniform(xmin, xmax), rng.uniform(ymin, ymax))
        q = (rng.uniform(xmin, xmax), rng.uniform(ymin, ymax))
        sp, sq = ix.snap(*p, 1e6), ix.snap(*q, 1e6)
        if ix.arc_segment[sp.arc] == ix.arc_segment[sq.arc]:
            continue
        ref_graph = nx.MultiDiGraph(graph)
        _split(ref_graph, ix, sp, "P")
        _split(ref_graph, ix, sq, "Q")
        ref = _reference(ref_graph, "P", "Q", "travel_time")  # type: ignore[arg-type]
        if ref is None:
            with pytest.raises(NoRouteError):
                shortest_route(graph, p, q, max_snap_m=1e6)
        else:
            route = shortest_route(graph, p, q, max_snap_m=1e6, mode=mode)
            assert route.time_s == pytest.approx(ref, abs=1e-6)
            assert route.start_snap_m == pytest.approx(sp.distance_m)
            start = shapely.Point(route.geometry.coords[0])
            assert start.distance(shapely.Point(p)) == pytest.approx(sp.distance_m, abs=1e-6)
        checked += 1


def test_points_on_one_street() -> None:
    g = grid(3, 1)  # 1 - 2 - 3 along x, 100 m apart
    ahead = shortest_route(g, (X0 + 20, Y0 + 3), (X0 + 70, Y0 - 2), weight="length")
    assert ahead.length_m == pytest.approx(50.0)
    assert ahead.geometry.length == pytest.approx(50.0)
    back = shortest_route(g, (X0 + 70, Y0), (X0 + 20, Y0), weight="length")
    assert back.length_m == pytest.approx(50.0)
    # on a one-way street going backwards needs a way round: there is none
    one = nx.MultiDiGraph(crs=CRS)
    for n, x in ((1, X0), (2, X0 + 100)):
        one.add_node(n, x=x, y=Y0)
    add_street(one, 1, 2, two_way=False)
    assert shortest_route(one, (X0 + 10, Y0), (X0 + 90, Y0), weight="length").length_m == (
        pytest.approx(80.0)
    )
    with pytest.raises(NoRouteError, match="no route: B is on an island"):
        shortest_route(one, (X0 + 90, Y0), (X0 + 10, Y0))


def test_point_outside_network_is_refused(demo_scan) -> None:  # type: ignore[no-untyped-def]
    far = (demo_scan.site.x + 5000.0, demo_scan.site.y)
    with pytest.raises(AnalysisInputError, match="A lies outside the street network"):
        scan_route(demo_scan, far, (demo_scan.site.x, demo_scan.site.y))
    with pytest.raises(AnalysisInputError, match="outside the street network"):
        nearest_node(demo_scan.graphs["walk"], *far, max_snap_m=200.0)
    with pytest.raises(AnalysisInputError, match="unknown travel mode"):
        scan_route(demo_scan, far, far, mode="boat")
    with pytest.raises(AnalysisInputError, match="weight"):
        shortest_route(demo_scan.graphs["walk"], 1, 2, weight="beauty")  # type: ignore[arg-type]
    with pytest.raises(AnalysisInputError, match="not in the network"):
        shortest_route(demo_scan.graphs["walk"], 1, 2)


def test_island_gives_clear_error() -> None:
    g = graph_from_edges([(1, 2, 10.0), (2, 3, 10.0), (7, 8, 5.0)])
    with pytest.raises(NoRouteError, match=r"^no route: B is on an island in the loaded data"):
        shortest_route(g, 1, 8)
    assert batch_routes(g, [(1, 8), (1, 3)], weight="length")[0] is None
    assert batch_routes(g, [(1, 8), (1, 3)], weight="length")[1].length_m == 20.0  # type: ignore[union-attr]


def test_same_place_and_parallel_edges() -> None:
    g = graph_from_edges([(1, 2, 10.0)])
    g.add_edge(1, 2, length=4.0, travel_time=99.0)  # shorter but slower parallel street
    assert shortest_route(g, 1, 2, weight="length").length_m == 4.0
    quick = shortest_route(g, 1, 2, weight="time")
    assert quick.length_m == 10.0 and quick.time_s == pytest.approx(2.0)
    same = shortest_route(g, 1, 1)
    assert isinstance(same, Route) and same.length_m == 0.0 and same.nodes == (1,)


def test_batch_uses_reverse_search_for_few_targets(demo_scan) -> None:  # type: ignore[no-untyped-def]
    graph = demo_scan.graphs["drive"]
    nodes = sorted(graph.nodes)
    target = nodes[len(nodes) // 2]
    pairs = [(s, target) for s in nodes[:60]]
    for (s, t), r in zip(pairs, batch_routes(graph, pairs, weight="time")):
        ref = _reference(graph, s, t, "travel_time")
        assert (r is None) == (ref is None)
        if r is not None:
            assert r.time_s == pytest.approx(ref, abs=1e-6)
            assert r.nodes[0] == s and r.nodes[-1] == t
