"""Chokepoints: street segments whose loss would cut the site off or slow every way out.

Two families, each a :class:`Chokepoint` of one *kind*:

- **By their tags**, within ``near_m`` metres of the site: ``bridge``, ``tunnel``
  (including passages through buildings), ``narrow`` (a ``width`` tag below
  ``narrow_m`` metres) and ``oneway`` (a one-way street; only in networks that have
  them, i.e. bike and drive).
- **By the network's shape**, anywhere in the study area:

  - ``cut_edge``: a bridge in the graph-theory sense (a cut edge of the undirected
    network, both directions of a street counted as one) whose loss separates the
    site from the edge of the study area, or from at least ``min_cut_m`` metres of
    the study area's streets; also a segment of the quickest way out without which
    the edge cannot be reached at all in the directed network (one-way streets).
  - ``detour``: a segment whose loss makes the quickest way out (to the edge of the
    study area) more than ``detour_threshold`` (a share: 0.5 = 50 %) slower. Only
    segments of the current quickest way out can do that, so only those are tried:
    each is removed in turn and the search repeated on the CSR backend.

Structural kinds are *critical*. :func:`flag_routes` marks routes (escape routes, say)
that use a chokepoint. Coordinates are metres in the graph's CRS.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import geopandas as gpd
import networkx as nx
import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    NetworkIndex,
    Weight,
    build_csr,
    check_weight,
    network_index,
    text_values,
    walk_predecessors,
)
from omgevingsscan.analysis.routing.routes import Place, Route, is_single_place, resolve_places
from omgevingsscan.analysis.routing.site import area_crossings
from omgevingsscan.errors import AnalysisInputError

CHOKEPOINT_KINDS = ("bridge", "tunnel", "narrow", "oneway", "cut_edge", "detour")
#: Kinds found from the network's shape; routes using them are flagged critical.
STRUCTURAL_KINDS = frozenset({"cut_edge", "detour"})
_NO = {"no", "false", "0"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Chokepoint:
    """One chokepoint: a street segment and why it matters.

    Attributes
    ----------
    kind
        One of :data:`CHOKEPOINT_KINDS`.
    reason
        A plain sentence ("movable bridge", "3 m wide", "losing it …").
    name
        Street name(s), or "unnamed street".
    segment
        Segment id in the network index.
    edges
        Graph edges ``(u, v, key)`` of the segment (one per direction).
    geometry
        The segment, metres in the graph's CRS.
    length_m, distance_m
        Segment length and its distance from the site, metres.
    """

    kind: str
    reason: str
    name: str
    segment: int
    edges: tuple[tuple[int, int, object], ...]
    geometry: LineString
    length_m: float
    distance_m: float

    @property
    def critical(self) -> bool:
        """True for chokepoints found from the network's shape."""
        return self.kind in STRUCTURAL_KINDS


@dataclass(frozen=True)
class Chokepoints:
    """The result of :func:`find_chokepoints`.

    ``out_cost`` is the cost (seconds or metres, per ``weight``) of the quickest way
    from the site to the edge of the study area, or None when there is none.
    """

    items: list[Chokepoint]
    mode: str
    weight: Weight
    out_cost: float | None
    notes: list[str] = field(default_factory=list)

    def by_segment(self) -> dict[int, list[Chokepoint]]:
        """Return the chokepoints grouped by segment id."""
        out: dict[int, list[Chokepoint]] = defaultdict(list)
        for c in self.items:
            out[c.segment].append(c)
        return out

    def counts(self) -> dict[str, int]:
        """Return the number of chokepoints per kind."""
        out = dict.fromkeys(CHOKEPOINT_KINDS, 0)
        for c in self.items:
            out[c.kind] += 1
        return out


def _present(value: object) -> list[str]:
    return [v for v in text_values(value) if v.lower() not in _NO]


def _min_width(value: object) -> float | None:
    widths = [float(m.replace(",", ".")) for v in text_values(value) for m in _NUMBER.findall(v)]
    return min(widths) if widths else None


def _fmt(cost: float, weight: Weight) -> str:
    if weight == "length":
        return f"{cost:.0f} m"
    minutes, seconds = divmod(round(cost), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


def find_chokepoints(
    graph: nx.MultiDiGraph,
    site: Place | Sequence[Place],
    area: BaseGeometry,
    *,
    near_m: float = 250.0,
    narrow_m: float = 4.0,
    detour_threshold: float = 0.5,
    min_cut_m: float = 100.0,
    weight: Weight = "time",
    mode: str = "",
    centre: tuple[float, float] | None = None,
    max_snap_m: float = MAX_SNAP_M,
) -> Chokepoints:
    """Find the chokepoints of a street network around the site.

    Parameters
    ----------
    graph
        The street graph of one travel mode.
    site
        The site: OSM node id or ``(x, y)`` (metres, graph CRS), or a list of them
        (its entry points).
    area
        The study area (polygon, graph CRS); its edge is "the way out".
    near_m
        Tagged chokepoints (bridge, tunnel, narrow, one-way) count within this many
        metres of the site.
    narrow_m
        A street with a ``width`` tag below this (metres) is narrow.
    detour_threshold
        Share by which losing a segment must slow the quickest way out (0.5 = 50 %).
    min_cut_m
        A cut edge that leaves the site connected to the edge still counts when it
        cuts off at least this many metres of streets inside the area.
    weight
        "time" (seconds) or "length" (metres) for the way out.
    centre
        The site point ``(x, y)`` distances are measured from (default: ``site`` when
        it is a point, else its first node).
    """
    weight = check_weight(weight)
    if near_m < 0 or narrow_m <= 0 or detour_threshold <= 0 or min_cut_m < 0:
        raise AnalysisInputError("chokepoint distances and thresholds must be positive")
    index = network_index(graph)
    starts = [p for p, _ in resolve_places(index, site, max_snap_m, "the site")]
    if centre is None and is_single_place(site) and not isinstance(site, (int, np.integer)):
        centre = site  # type: ignore[assignment]
    site_pt = Point(centre) if centre is not None else Point(index.xy[starts[0]])
    seg_arcs: dict[int, list[int]] = defaultdict(list)
    for a, s in enumerate(index.arc_segment.tolist()):
        seg_arcs[s].append(a)
    geoms = index.arc_geoms()
    rep = {s: arcs[0] for s, arcs in seg_arcs.items()}
    seg_ids = np.array(sorted(rep), dtype=np.int64)
    rep_arr = np.array([rep[s] for s in seg_ids.tolist()], dtype=np.int64)
    dists = dict(zip(seg_ids.tolist(), shapely.distance(geoms[rep_arr], site_pt).tolist()))
    items: list[Chokepoint] = []

    def add(kind: str, seg: int, reason: str) -> None:
        a = rep[seg]
        items.append(
            Chokepoint(
                kind=kind,
                reason=reason,
                name=", ".join(index.arc_names(a)) or "unnamed street",
                segment=seg,
                edges=tuple(
                    (
                        int(index.node_ids[index.arc_u[b]]),
                        int(index.node_ids[index.arc_v[b]]),
                        index.arc_key[b],
                    )
                    for b in seg_arcs[seg]
                ),
                geometry=geoms[a],
                length_m=float(index.arc_length[a]),
                distance_m=float(dists[seg]),
            )
        )

    for seg in seg_ids.tolist():
        if dists[seg] > near_m:
            continue
        arcs = seg_arcs[seg]
        datas = [index.arc_data[a] for a in arcs]
        bridge = sorted({v for d in datas for v in _present(d.get("bridge"))})
        if bridge:
            kinds = [v for v in bridge if v != "yes"]
            add("bridge", seg, f"{'/'.join(kinds)} bridge" if kinds else "bridge")
        tunnel = {v for d in datas for v in _present(d.get("tunnel"))}
        if tunnel:
            text = "passage through a building" if "building_passage" in tunnel else "tunnel"
            add("tunnel", seg, text)
        widths = [w for d in datas if (w := _min_width(d.get("width"))) is not None]
        if widths and min(widths) < narrow_m:
            add("narrow", seg, f"{min(widths):g} m wide")
        directions = {(int(index.arc_u[a]), int(index.arc_v[a])) for a in arcs}
        if len(directions) == 1 and len({*next(iter(directions))}) == 2 and mode != "walk":
            add("oneway", seg, "one-way street")

    notes: list[str] = []
    inside = shapely.contains_xy(area, index.xy[:, 0], index.xy[:, 1])
    structural = _cut_edges(index, starts, inside, seg_arcs, min_cut_m)
    for seg, reason in structural.items():
        add("cut_edge", seg, reason)
    out_cost = _detours(
        index, starts, area, weight, mode, detour_threshold, seg_arcs, structural, add, notes
    )
    return Chokepoints(items, mode, weight, out_cost, notes)


def _cut_edges(
    index: NetworkIndex,
    starts: list[int],
    inside: np.ndarray,
    seg_arcs: dict[int, list[int]],
    min_cut_m: float,
) -> dict[int, str]:
    """Undirected cut edges that matter for the site, with the reason."""
    n = index.n_nodes
    mg = nx.MultiGraph()
    mg.add_nodes_from(range(n))
    ends: dict[tuple[int, int], int] = {}
    seg_list = sorted(seg_arcs)
    su = np.array([index.arc_u[seg_arcs[s][0]] for s in seg_list], dtype=np.int64)
    sv = np.array([index.arc_v[seg_arcs[s][0]] for s in seg_list], dtype=np.int64)
    length = np.array([index.arc_length[seg_arcs[s][0]] for s in seg_list])
    for s, u, v in zip(seg_list, su.tolist(), sv.tolist()):
        if u != v:
            mg.add_edge(u, v, key=s)
            ends[(min(u, v), max(u, v))] = s
    out: dict[int, str] = {}
    keep = np.ones(len(seg_list), dtype=bool)
    pos_of = {s: i for i, s in enumerate(seg_list)}
    for u, v in nx.bridges(mg):
        seg = ends[(min(u, v), max(u, v))]
        if not (inside[u] or inside[v]):
            continue
        i = pos_of[seg]
        keep[i] = False
        adj = coo_matrix((np.ones(int(keep.sum())), (su[keep], sv[keep])), shape=(n, n))
        keep[i] = True
        _, labels = connected_components(adj, directed=False)
        mine = np.isin(labels, labels[starts])
        if not (~inside[mine]).any():
            out[seg] = "losing it cuts the site off from the edge of the study area"
            continue
        off = ~mine[su] & ~mine[sv] & (inside[su] | inside[sv])
        off_m = float(length[off].sum())
        if off_m >= min_cut_m:
            out[seg] = (
                f"losing it cuts {off_m:.0f} m of streets in the study area off from the site"
            )
    return out


def _detours(
    index: NetworkIndex,
    starts: list[int],
    area: BaseGeometry,
    weight: Weight,
    mode: str,
    threshold: float,
    seg_arcs: dict[int, list[int]],
    already: dict[int, str],
    add: Callable[[str, int, str], None],
    notes: list[str],
) -> float | None:
    """Segments of the quickest way out whose loss slows it by more than ``threshold``."""
    exits = [c for c in area_crossings(index, area) if c.outbound]
    if not exits:
        notes.append("no street leaves the study area: the way out cannot be assessed")
        return None
    w = index.weights(weight)
    ex_arc = np.array([c.arc for c in exits], dtype=np.int64)
    ex_u = index.arc_u[ex_arc]
    ex_cost = w[ex_arc] * np.array([c.fraction for c in exits])

    def way_out(weights: np.ndarray) -> tuple[float, np.ndarray, np.ndarray, int]:
        mat, _, _ = build_csr(index.n_nodes, index.arc_u, index.arc_v, weights)
        dist, pred, root = dijkstra(
            mat, indices=np.unique(starts), return_predecessors=True, min_only=True
        )
        total = dist[ex_u] + np.where(np.isfinite(weights[ex_arc]), ex_cost, np.inf)
        best = int(np.argmin(total))
        return float(total[best]), pred, root, best

    base, pred, root, best = way_out(w)
    if not np.isfinite(base):
        notes.append(f"the edge of the study area cannot be reached from the site by {mode}")
        return None
    path = walk_predecessors(pred, int(root[ex_u[best]]), int(ex_u[best]))
    assert path is not None
    arcs = [*index.arcs_between(path, weight), int(ex_arc[best])]
    for seg in dict.fromkeys(int(index.arc_segment[a]) for a in arcs):
        if seg in already:
            continue
        cut = w.copy()
        cut[seg_arcs[seg]] = np.inf
        new, _, _, _ = way_out(cut)
        if not np.isfinite(new):
            how = f" by {mode}" if mode else ""
            add(
                "cut_edge", seg, f"losing it cuts the site off from the edge of the study area{how}"
            )
        elif new > base * (1.0 + threshold):
            pct = 100.0 * (new / base - 1.0) if base > 0 else float("inf")
            add(
                "detour",
                seg,
                f"losing it slows the quickest way out from {_fmt(base, weight)} to "
                f"{_fmt(new, weight)} (+{pct:.0f}%)",
            )
    return base


def flag_routes(routes: Sequence[Route], chokepoints: Chokepoints) -> list[Route]:
    """Return the routes tagged with the chokepoints they use.

    Each route gets ``flags`` ("bridge: Blauwbrug; cut_edge: Amstel") and ``critical``
    (True when it uses a structural chokepoint). Routes must come from the same graph.
    """
    by_seg = chokepoints.by_segment()
    out = []
    for r in routes:
        hits = [c for seg in sorted(r.segments) for c in by_seg.get(seg, [])]
        flags = list(dict.fromkeys(f"{c.kind}: {c.name}" for c in hits))
        out.append(
            replace(
                r,
                tags={
                    **r.tags,
                    "flags": "; ".join(flags),
                    "critical": any(c.critical for c in hits),
                },
            )
        )
    return out


def chokepoints_frame(result: Chokepoints, crs: object = None) -> gpd.GeoDataFrame:
    """Return chokepoints as a line GeoDataFrame.

    Columns: ``kind``, ``reason``, ``name``, ``mode``, ``length_m``, ``distance_m``,
    ``critical``; tagged kinds first so structural ones draw on top.
    """
    items = sorted(result.items, key=lambda c: (c.critical, c.distance_m))
    return gpd.GeoDataFrame(
        {
            "kind": [c.kind for c in items],
            "reason": [c.reason for c in items],
            "name": [c.name for c in items],
            "mode": [result.mode] * len(items),
            "length_m": [round(c.length_m, 1) for c in items],
            "distance_m": [round(c.distance_m, 1) for c in items],
            "critical": [c.critical for c in items],
        },
        geometry=[c.geometry for c in items],
        crs=crs,
    )
