"""Isochrones: exactly the nodes within the time budget, and polygons built from them."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
import shapely
from shapely.geometry import Point

from omgevingsscan.analysis.routing import (
    isochrones,
    isochrones_frame,
    network_index,
    reachable_nodes,
    scan_isochrones,
)
from omgevingsscan.analysis.routing.routes import cut_coords
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.speeds import MODES
from tests.unit.test_network_graphs import X0, Y0, grid


def _node_points(graph: nx.MultiDiGraph) -> dict[int, Point]:
    return {n: Point(d["x"], d["y"]) for n, d in graph.nodes(data=True)}


@pytest.mark.parametrize("mode", MODES)
def test_isochrone_nodes_equal_networkx(demo_scan, mode: str) -> None:  # type: ignore[no-untyped-def]
    graph = demo_scan.graphs[mode]
    nodes = sorted(graph.nodes)
    for start in (nodes[0], nodes[len(nodes) // 2], nodes[-1]):
        isos = isochrones(graph, start, [1, 2, 3, 5], mode=mode)
        points = _node_points(graph)
        for iso in isos:
            ref = nx.single_source_dijkstra_path_length(
                graph, start, cutoff=iso.minutes * 60.0, weight="travel_time"
            )
            assert iso.nodes == frozenset(ref)  # exactly the nodes within the budget
            assert iso.nodes == reachable_nodes(graph, start, iso.minutes * 60.0)
            # every reached node is inside the polygon
            assert all(iso.polygon.covers(points[n]) for n in iso.nodes)
        for smaller, larger in itertools.pairwise(isos):
            assert smaller.nodes <= larger.nodes
            assert smaller.polygon.area <= larger.polygon.area + 1e-6


def _reached_pieces(graph: nx.MultiDiGraph, start: int, budget: float) -> list[shapely.Geometry]:
    """Reference construction with networkx: whole and partial reachable edges."""
    ix = network_index(graph)
    dist = nx.single_source_dijkstra_path_length(graph, start, weight="travel_time")
    pieces: list[shapely.Geometry] = [Point(graph.nodes[start]["x"], graph.nodes[start]["y"])]
    for a in range(ix.n_arcs):
        u = int(ix.node_ids[ix.arc_u[a]])
        if u not in dist or dist[u] > budget:
            continue
        tt = ix.arc_time[a]
        share = 1.0 if tt <= 0 else min(1.0, (budget - dist[u]) / tt)
        if share > 0:
            pieces.append(shapely.linestrings(cut_coords(ix.arc_coords(a), 0.0, share)))
    return pieces


@pytest.mark.parametrize("mode", ["walk", "drive"])
def test_polygon_is_the_buffered_reachable_network(demo_scan, mode: str) -> None:  # type: ignore[no-untyped-def]
    graph = demo_scan.graphs[mode]
    start = sorted(graph.nodes)[len(graph) // 3]
    buffer_m = 10.0
    for iso in isochrones(graph, start, [2, 4], mode=mode, buffer_m=buffer_m):
        pieces = _reached_pieces(graph, start, iso.minutes * 60.0)
        ref = shapely.union_all(shapely.buffer(np.array(pieces), buffer_m, quad_segs=4))
        assert iso.polygon.symmetric_difference(ref).area < 1e-3 * ref.area
        # an unreached node lies inside only when it is within the buffer of a reached piece
        reach = shapely.union_all(np.array(pieces))
        for n, pt in _node_points(graph).items():
            if n not in iso.nodes and iso.polygon.covers(pt):
                assert pt.distance(reach) <= buffer_m + 1e-6


def test_partial_edges_on_a_line() -> None:
    """18 km/h = 5 m/s on a 100 m grid: 30 s reaches 150 m along each street."""
    g = grid(5, 1)  # 1..5 along x
    [iso] = isochrones(g, 3, [0.5], buffer_m=1.0)
    assert iso.nodes == frozenset({2, 3, 4})
    assert iso.reach_m == pytest.approx(300.0)  # 150 m both ways
    xmin, _, xmax, _ = iso.polygon.bounds
    assert xmin == pytest.approx(X0 + 200 - 150 - 1.0)
    assert xmax == pytest.approx(X0 + 200 + 150 + 1.0)
    [iso] = isochrones(g, [1, 5], [0.5], buffer_m=1.0)  # two starts
    assert iso.nodes == frozenset({1, 2, 4, 5}) and iso.reach_m == pytest.approx(300.0)
    assert len(shapely.get_parts(iso.polygon)) == 2  # 150–250 m along is out of reach
    # a point start is tied to the nearer end of its street
    [iso] = isochrones(g, (X0 + 290.0, Y0 + 3.0), [0.1], buffer_m=1.0)
    assert iso.starts == (4,)


def test_bad_minutes_and_buffer() -> None:
    g = grid(2, 2)
    for bad in ([], [0], [-1], [121], ["x"]):
        with pytest.raises(AnalysisInputError):
            isochrones(g, 1, bad)  # type: ignore[arg-type]
    with pytest.raises(AnalysisInputError, match="buffer"):
        isochrones(g, 1, [1], buffer_m=0)
    with pytest.raises(AnalysisInputError, match="outside the street network"):
        isochrones(g, (X0 - 5000, Y0), [1])


def test_frame_bands_do_not_overlap(demo_scan) -> None:  # type: ignore[no-untyped-def]
    isos = scan_isochrones(demo_scan, mode="bike", minutes=[3, 1, 5])
    assert [i.minutes for i in isos] == [1.0, 3.0, 5.0]
    frame = isochrones_frame(isos, demo_scan.crs)
    assert list(frame["minutes"]) == [5.0, 3.0, 1.0]  # largest first
    assert list(frame["from_minutes"]) == [3.0, 1.0, 0.0]
    geoms = list(frame.geometry)
    for i in range(3):
        for j in range(i + 1, 3):
            assert geoms[i].intersection(geoms[j]).area < 1e-6
    assert frame["band_m2"].sum() == pytest.approx(frame["area_m2"].max(), rel=1e-6)
    whole = isochrones_frame(isos, demo_scan.crs, bands=False)
    assert whole.geometry.iloc[0].area == pytest.approx(isos[-1].area_m2)
