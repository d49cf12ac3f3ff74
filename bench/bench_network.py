"""Benchmark: routes and isochrones on the CSR backend against plain networkx.

Run from the repository root::

    .venv/bin/python bench/bench_network.py

Everything runs on the same graphs in the same run, and each figure is a ratio
against plain networkx (absolute times on shared machines are noise). Each case runs
ours and networkx alternately and keeps the fastest run of each:

- **single route**: ``shortest_route(graph, s, t)`` (node path, length, time) against
  ``nx.shortest_path`` plus the length and time of that path; also with the route's
  LineString and street names, against the same built in Python from the networkx path;
- **batch**: 1,000 random routes with :func:`batch_routes` against 1,000 networkx
  ``shortest_path`` calls (plus length and time each);
- **isochrones** (1, 3, 5 min from the town hall's street node): the reachable nodes
  (one limited scipy Dijkstra against networkx ``single_source_dijkstra_path_length``
  with a cutoff per budget), and the full polygons (:func:`isochrones`, partial edges
  included) against the osmnx-cookbook way: ``nx.ego_graph`` per budget, each edge
  and node buffered with shapely, then unioned.

Graphs: the demo scan (town hall, radius 500 m; walk, bike and drive), and a synthetic
60 × 60 street grid (3,600 nodes) to show how the ratios scale. The one-off CSR index
build is timed separately and is not in the per-route figures (it is built once per
graph and cached).
"""

from __future__ import annotations

import contextlib
import itertools
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
PBF = ROOT / "src" / "omgevingsscan" / "resources" / "amsterdam_centre.osm.pbf"
TOWNHALL = (52.3676842, 4.9002256)
MINUTES = (1.0, 3.0, 5.0)
BUFFER_M = 25.0
ATTR = {"length": "length", "time": "travel_time"}


def _pair_times(
    ours: Callable[[], Any], ref: Callable[[], Any], repeat: int
) -> tuple[float, float]:
    """Fastest of ``repeat`` runs each, seconds; the two alternate so load hits both alike."""
    t_ours, t_ref = [], []
    for _ in range(repeat):
        for fn, times in ((ours, t_ours), (ref, t_ref)):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
    return min(t_ours), min(t_ref)


def _nx_route(
    graph: nx.MultiDiGraph, s: int, t: int, weight: str
) -> tuple[list[int], float, float]:
    path = nx.shortest_path(graph, s, t, weight=ATTR[weight])
    length = time_s = 0.0
    for u, v in itertools.pairwise(path):
        data = min(graph[u][v].values(), key=lambda d: d[ATTR[weight]])
        length += data["length"]
        time_s += data["travel_time"]
    return path, length, time_s


def _nx_route_geometry(
    graph: nx.MultiDiGraph, s: int, t: int, weight: str
) -> tuple[Any, list[str]]:
    path = nx.shortest_path(graph, s, t, weight=ATTR[weight])
    coords: list[tuple[float, float]] = []
    names: list[str] = []
    for u, v in itertools.pairwise(path):
        data = min(graph[u][v].values(), key=lambda d: d[ATTR[weight]])
        geom = data.get("geometry")
        pts = (
            list(geom.coords)
            if geom is not None
            else [
                (graph.nodes[u]["x"], graph.nodes[u]["y"]),
                (graph.nodes[v]["x"], graph.nodes[v]["y"]),
            ]
        )
        coords.extend(pts if not coords else pts[1:])
        name = data.get("name")
        if isinstance(name, str) and name not in names:
            names.append(name)
    return shapely.LineString(coords) if len(coords) > 1 else None, names


def _nx_isochrones(graph: nx.MultiDiGraph, start: int) -> list[Any]:
    """The osmnx cookbook isochrone: ego graph per budget, buffered edges and nodes."""
    out = []
    for minutes in MINUTES:
        sub = nx.ego_graph(graph, start, radius=minutes * 60.0, distance="travel_time")
        parts = [
            shapely.Point(d["x"], d["y"]).buffer(BUFFER_M, quad_segs=4)
            for _, d in sub.nodes(data=True)
        ]
        for u, v, d in sub.edges(data=True):
            geom = d.get("geometry") or shapely.LineString(
                [(sub.nodes[u]["x"], sub.nodes[u]["y"]), (sub.nodes[v]["x"], sub.nodes[v]["y"])]
            )
            parts.append(geom.buffer(BUFFER_M, quad_segs=4))
        out.append(shapely.union_all(parts))
    return out


def synthetic_grid(n: int = 60, spacing: float = 80.0) -> nx.MultiDiGraph:
    """An n × n two-way grid with jittered lengths and a few one-way streets."""
    rng = np.random.default_rng(3)
    g = nx.MultiDiGraph(crs="EPSG:28992")
    for j in range(n):
        for i in range(n):
            g.add_node(i + j * n, x=i * spacing, y=j * spacing)
    for j in range(n):
        for i in range(n):
            a = i + j * n
            for b in ([a + 1] if i + 1 < n else []) + ([a + n] if j + 1 < n else []):
                length = spacing * float(rng.uniform(0.9, 1.3))
                kph = float(rng.choice([15.0, 30.0, 50.0]))
                data = {"length": length, "travel_time": length / (kph / 3.6), "name": f"s{a}"}
                g.add_edge(a, b, **data)
                if rng.random() > 0.1:
                    g.add_edge(b, a, **data)
    return g


def bench_graph(label: str, graph: nx.MultiDiGraph, start: int, rows: list[list[str]]) -> None:
    """Time one graph and add its rows to ``rows``."""
    from omgevingsscan.analysis.routing import (
        batch_routes,
        clear_index,
        isochrones,
        network_index,
        shortest_route,
    )
    from omgevingsscan.analysis.routing import graph as network_graph
    from omgevingsscan.analysis.routing.isochrones import _segment_buffers, reachable_sets

    clear_index(graph)
    t0 = time.perf_counter()
    index = network_index(graph)
    index.csr("time")
    index.csr("length")
    index.arc_geoms()
    t1 = time.perf_counter()
    tables = [index.route_table(w) for w in ("time", "length")]
    t2 = time.perf_counter()
    _segment_buffers(index, BUFFER_M)
    t3 = time.perf_counter()

    rng = random.Random(11)
    nodes = sorted(graph.nodes)
    reachable = sorted(nx.single_source_dijkstra_path_length(graph, start, weight="travel_time"))
    pairs = []
    while len(pairs) < 200:
        s, t = rng.choice(reachable), rng.choice(nodes)
        if nx.has_path(graph, s, t):
            pairs.append((s, t))
    batch = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(1000)]
    budgets = [m * 60.0 for m in MINUTES]

    def ours_single() -> None:
        for s, t in pairs:
            r = shortest_route(graph, s, t, weight="time")
            r.length_m, r.time_s, r.nodes  # noqa: B018

    def nx_single() -> None:
        for s, t in pairs:
            _nx_route(graph, s, t, "time")

    def ours_geom() -> None:
        for s, t in pairs:
            r = shortest_route(graph, s, t, weight="time")
            r.geometry, r.via  # noqa: B018

    def nx_geom() -> None:
        for s, t in pairs:
            _nx_route_geometry(graph, s, t, "time")

    def ours_batch() -> None:
        for r in batch_routes(graph, batch, weight="time"):
            if r is not None:
                r.length_m, r.time_s  # noqa: B018

    def nx_batch() -> None:
        for s, t in batch:
            with contextlib.suppress(nx.NetworkXNoPath):
                _nx_route(graph, s, t, "time")

    def ours_reach() -> None:
        reachable_sets(graph, start, budgets)

    def nx_reach() -> None:
        # the fair networkx equivalent: one search to the largest budget, then filter
        dist = nx.single_source_dijkstra_path_length(
            graph, start, cutoff=budgets[-1], weight="travel_time"
        )
        [frozenset(n for n, d in dist.items() if d <= t) for t in budgets]

    def ours_iso() -> None:
        isochrones(graph, start, MINUTES, buffer_m=BUFFER_M)

    def nx_iso() -> None:
        _nx_isochrones(graph, start)

    n = len(pairs)
    cases = [
        ("single route (path, length, time)", ours_single, nx_single, n, 5),
        ("single route + geometry + via", ours_geom, nx_geom, n, 5),
        ("batch of 1,000 routes", ours_batch, nx_batch, 1, 3),
        ("isochrones 1/3/5 min: reached nodes", ours_reach, nx_reach, 1, 15),
        ("isochrones 1/3/5 min: polygons", ours_iso, nx_iso, 1, 5),
    ]
    table_note = (
        f"route tables {(t2 - t1) * 1e3:.1f} ms"
        if all(t is not None for t in tables)
        else f"no route table (more than {network_graph.TABLE_MAX_NODES} nodes)"
    )
    print(
        f"\n{label}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
        f"one-off per graph: CSR index {(t1 - t0) * 1e3:.1f} ms, {table_note}, "
        f"segment buffers {(t3 - t2) * 1e3:.1f} ms"
    )
    rows.append(
        [
            label,
            "one-off: CSR index / route tables",
            f"{(t1 - t0) * 1e3:.1f} / "
            + (f"{(t2 - t1) * 1e3:.1f}" if all(t is not None for t in tables) else "none"),
            "",
            "",
        ]
    )

    def run(
        name: str, ours: Callable[[], Any], ref: Callable[[], Any], per: int, repeat: int
    ) -> None:
        t_ours, t_ref = (t / per for t in _pair_times(ours, ref, repeat))
        ratio = t_ref / t_ours
        unit = "per route" if per > 1 else "total"
        print(
            f"  {name:<46} ours {t_ours * 1e3:9.3f} ms   networkx {t_ref * 1e3:9.3f} ms"
            f"   ({unit})   ratio {ratio:6.1f}×"
        )
        rows.append([label, name, f"{t_ours * 1e3:.3f}", f"{t_ref * 1e3:.3f}", f"{ratio:.1f}×"])

    for case in cases:
        run(*case)
    if all(t is not None for t in tables):
        # the same without the route table: one scipy Dijkstra per search
        saved = network_graph.TABLE_MAX_NODES
        network_graph.TABLE_MAX_NODES = 0
        try:
            clear_index(graph)
            network_index(graph).csr("time")
            run("single route, no table (Dijkstra each)", ours_single, nx_single, n, 5)
            run("batch of 1,000, no table", ours_batch, nx_batch, 1, 3)
            run("isochrone nodes, no table", ours_reach, nx_reach, 1, 15)
        finally:
            network_graph.TABLE_MAX_NODES = saved
            clear_index(graph)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table of the ratios."""
    sys.path.insert(0, str(ROOT / "src"))
    from omgevingsscan.analysis.routing import nearest_node
    from omgevingsscan.io.osm import import_scan

    t0 = time.perf_counter()
    scan = import_scan(PBF, TOWNHALL, radius_m=500, name="Stadhuis", kind="townhall")
    print(f"demo scan imported in {time.perf_counter() - t0:.1f} s")
    rows: list[list[str]] = []
    for mode in ("walk", "bike", "drive"):
        graph = scan.graphs[mode]
        start, _ = nearest_node(graph, scan.site.x, scan.site.y)
        bench_graph(f"demo {mode}", graph, start, rows)
    grid = synthetic_grid()
    bench_graph("grid 60×60", grid, 30 + 30 * 60, rows)
    print("\n| graph | case | ours (ms) | networkx (ms) | ratio |")
    print("|---|---|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
