"""Chokepoints on hand-built graphs (one bridge) and on the demo scan."""

from __future__ import annotations

import networkx as nx
import pytest
from shapely.geometry import Point

from omgevingsscan.analysis.routing import (
    CHOKEPOINT_KINDS,
    chokepoints_frame,
    escape_routes,
    find_chokepoints,
    flag_routes,
    network_index,
    scan_chokepoints,
    scan_escape_routes,
)
from omgevingsscan.errors import AnalysisInputError
from tests.unit.test_network_graphs import CRS, X0, Y0, add_street, grid, two_islands_with_bridge

SITE = 6  # left island, at (X0 + 100, Y0 + 100)
SITE_XY = (X0 + 100.0, Y0 + 100.0)


def _area(radius: float = 450.0):  # type: ignore[no-untyped-def]
    """The left island lies inside, most of the right one outside."""
    return Point(SITE_XY).buffer(radius, quad_segs=32)


def _kinds(result, name: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.kind for c in result.items if c.name == name}


def test_single_bridge_is_found() -> None:
    g = two_islands_with_bridge()
    result = find_chokepoints(g, SITE, _area(), near_m=400.0, mode="walk", centre=SITE_XY)
    assert _kinds(result, "Testbrug") == {"bridge", "cut_edge"}
    cut = next(c for c in result.items if c.kind == "cut_edge")
    assert cut.name == "Testbrug" and cut.critical
    assert "cuts the site off from the edge of the study area" in cut.reason
    assert {e[:2] for e in cut.edges} == {(8, 21), (21, 8)}
    # nothing else in the two grids is a chokepoint
    assert {c.name for c in result.items} == {"Testbrug"}
    assert result.out_cost is not None


def test_bridge_far_from_site_is_only_structural() -> None:
    g = two_islands_with_bridge()
    result = find_chokepoints(g, SITE, _area(), near_m=100.0, centre=SITE_XY)
    assert _kinds(result, "Testbrug") == {"cut_edge"}


def test_second_crossing_turns_cut_edge_into_detour() -> None:
    g = two_islands_with_bridge()
    # a long way round between the islands: the bridge is no longer a cut edge, but losing
    # it sends the way out on a long detour
    add_street(g, 16, 29, length=2000.0, name="Omweg")
    result = find_chokepoints(g, SITE, _area(), near_m=400.0, detour_threshold=0.5)
    assert _kinds(result, "Testbrug") == {"bridge", "detour"}
    detour = next(c for c in result.items if c.kind == "detour")
    assert "slows the quickest way out" in detour.reason and detour.critical
    # with a threshold above the slow-down it is not a detour
    lax = find_chokepoints(g, SITE, _area(), near_m=400.0, detour_threshold=50.0)
    assert _kinds(lax, "Testbrug") == {"bridge"}


def test_cut_edge_that_cuts_off_part_of_the_area() -> None:
    """A dead-end quarter behind one bridge: cut off from the site, not the site from the edge."""
    g = grid(5, 5)
    pocket = grid(2, 2, x0=X0 + 600.0, first=101)
    for n, d in pocket.nodes(data=True):
        g.add_node(n, **d)
    for u, v, k, d in pocket.edges(keys=True, data=True):
        g.add_edge(u, v, k, **d)
    add_street(g, 15, 101, name="Pocketbrug", bridge="yes")  # (X0+400, Y0+200) → (X0+600, Y0)
    area = Point(X0 + 200.0, Y0 + 200.0).buffer(750.0)
    # site in the middle; the grid's outer streets do not leave the area, so add one exit
    g.add_node(500, x=X0 - 800.0, y=Y0 + 200.0)
    add_street(g, 11, 500, name="Uitweg")
    result = find_chokepoints(g, 13, area, near_m=50.0, min_cut_m=100.0)
    pocket_cut = [c for c in result.items if c.name == "Pocketbrug"]
    assert [c.kind for c in pocket_cut] == ["cut_edge"]
    assert "cuts 400 m of streets" in pocket_cut[0].reason  # the 2 × 2 block: 4 × 100 m
    assert any(c.name == "Uitweg" and c.kind == "cut_edge" for c in result.items)
    small = find_chokepoints(g, 13, area, near_m=50.0, min_cut_m=1000.0)
    assert not [c for c in small.items if c.name == "Pocketbrug"]


def _tagged_grid() -> nx.MultiDiGraph:
    """A 3 × 3 grid (100 m) whose streets carry chokepoint tags."""
    g = nx.MultiDiGraph(crs=CRS)
    for j in range(3):
        for i in range(3):
            g.add_node(1 + i + 3 * j, x=X0 + 100.0 * i, y=Y0 + 100.0 * j)
    tags = {
        (1, 2): {"name": "Smalle steeg", "width": "3,5"},
        (2, 3): {"name": "Poort", "tunnel": "building_passage"},
        (4, 5): {"name": "Eenrichting", "two_way": False},
        (5, 6): {"name": "Brede straat", "width": "['6', '7']", "bridge": "no"},
        (8, 9): {"name": "Ophaalbrug", "bridge": ["yes", "movable"]},
    }
    for j in range(3):
        for i in range(3):
            n = 1 + i + 3 * j
            for m in ([n + 1] if i < 2 else []) + ([n + 3] if j < 2 else []):
                add_street(g, n, m, **tags.get((n, m), {"name": f"Straat {n}-{m}"}))
    return g


def test_tagged_chokepoints() -> None:
    g = _tagged_grid()
    area = Point(X0 + 100, Y0 + 100).buffer(120.0)
    drive = find_chokepoints(g, 5, area, near_m=500.0, mode="drive")
    reasons = {(c.kind, c.name): c.reason for c in drive.items if not c.critical}
    assert reasons == {
        ("narrow", "Smalle steeg"): "3.5 m wide",
        ("tunnel", "Poort"): "passage through a building",
        ("oneway", "Eenrichting"): "one-way street",
        ("bridge", "Ophaalbrug"): "movable bridge",
    }
    walk = find_chokepoints(g, 5, area, near_m=500.0, mode="walk")
    assert not any(c.kind == "oneway" for c in walk.items)
    near = find_chokepoints(g, 5, area, near_m=60.0, mode="drive")
    assert {c.name for c in near.items if not c.critical} == {"Eenrichting"}
    with pytest.raises(AnalysisInputError):
        find_chokepoints(g, 5, area, detour_threshold=0)


def test_escape_routes_over_the_bridge_are_flagged() -> None:
    g = two_islands_with_bridge()
    area = _area()
    chokes = find_chokepoints(g, SITE, area, near_m=400.0)
    escape = escape_routes(g, SITE, area, k=3, weight="length")
    assert len(escape.routes) == 3
    assert escape.shared and any("Testbrug" in s.name for s in escape.shared)
    flagged = flag_routes(escape.routes, chokes)
    for r in flagged:
        assert r.tags["critical"] is True
        assert "cut_edge: Testbrug" in r.tags["flags"]
    # a route that avoids every chokepoint is not flagged
    ix = network_index(g)
    inner = escape_routes(g, SITE, Point(SITE_XY).buffer(150.0), k=1, weight="length")
    assert not (inner.routes[0].segments & {c.segment for c in chokes.items})
    assert flag_routes(inner.routes, chokes)[0].tags == {
        **inner.routes[0].tags,
        "flags": "",
        "critical": False,
    }
    assert ix.n_nodes == 32


def test_demo_chokepoints(demo_scan) -> None:  # type: ignore[no-untyped-def]
    result = scan_chokepoints(demo_scan, mode="drive")
    counts = result.counts()
    assert set(counts) == set(CHOKEPOINT_KINDS)
    assert counts["bridge"] > 0  # the canal belt
    near = demo_scan.study_area.radius_m / 2.0
    for c in result.items:
        assert c.critical or c.distance_m <= near + 1e-6
    frame = chokepoints_frame(result, demo_scan.crs)
    assert list(frame.columns[:7]) == [
        "kind",
        "reason",
        "name",
        "mode",
        "length_m",
        "distance_m",
        "critical",
    ]
    assert len(frame) == len(result.items)
    escape = scan_escape_routes(demo_scan, mode="drive", k=3, chokepoints=result)
    assert all("flags" in r.tags and "critical" in r.tags for r in escape.routes)
