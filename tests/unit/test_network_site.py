"""Entry points, approach corridors and emergency response (hand-built and demo data)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point, box

from omgevingsscan.analysis.routing import (
    NoRouteError,
    ServiceLocation,
    approach_routes,
    area_crossings,
    emergency_response,
    entry_points,
    network_index,
    scan_approach_routes,
    scan_emergency_response,
    scan_entry_points,
    scan_site_access,
    services_in_data,
    study_boundary,
)
from omgevingsscan.errors import AnalysisInputError
from tests.unit.test_network_graphs import CRS, X0, Y0, add_street, grid

# A 5 × 5 grid with 100 m blocks; the site building fills the block between nodes
# 7, 8, 12, 13 (x 100–200, y 100–200), inset 10 m from the streets.
# (Grid ids: 1–5 along y = 0, 6–10 along y = 100, … ; 100 m apart.)
BUILDING = box(X0 + 110, Y0 + 110, X0 + 190, Y0 + 190)
SITE = (X0 + 150.0, Y0 + 150.0)


def _frames() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    other = box(X0 + 310, Y0 + 110, X0 + 390, Y0 + 190)
    buildings = gpd.GeoDataFrame({"name": ["site", "other"]}, geometry=[BUILDING, other], crs=CRS)
    entrances = gpd.GeoDataFrame(
        {
            "category": ["entrance"] * 3,
            "tags": ['{"entrance": "main"}', '{"entrance": "yes"}', '{"entrance": "yes"}'],
        },
        geometry=[
            Point(X0 + 140, Y0 + 110),  # south side of the site building
            Point(X0 + 190, Y0 + 170),  # east side
            Point(X0 + 310, Y0 + 150),  # another building
        ],
        crs=CRS,
    )
    return buildings, entrances


def test_entrances_of_the_site_building() -> None:
    g = grid(5, 5)
    buildings, entrances = _frames()
    found = entry_points(g, SITE, entrances=entrances, buildings=buildings, max_distance_m=75)
    assert [e.label for e in found] == ["main entrance", "entrance 2"]
    assert {e.source for e in found} == {"entrance"}
    # each is tied to the nearer end of the street in front of it
    south, east = found
    assert south.node == 7 and south.snap_m == pytest.approx(np.hypot(40, 10))
    assert east.node == 13 and east.snap_m == pytest.approx(np.hypot(10, 30))
    # a smaller distance leaves out the farther entrance
    near = entry_points(g, SITE, entrances=entrances, buildings=buildings, max_distance_m=42)
    assert [e.label for e in near] == ["main entrance"]


def test_street_access_without_entrances() -> None:
    g = grid(5, 5)
    buildings, _ = _frames()
    found = entry_points(g, SITE, buildings=buildings, max_distance_m=20)
    assert {e.source for e in found} == {"street_access"}
    # the four streets around the block, 10 m from the building
    assert len(found) == 4
    assert all(e.distance_m == pytest.approx(50.0) for e in found)
    assert all(e.label.startswith("street access") for e in found)
    # nothing within the distance: the single nearest street point
    far = entry_points(g, SITE, max_distance_m=1)
    assert len(far) == 1 and far[0].distance_m == pytest.approx(50.0)
    with pytest.raises(AnalysisInputError, match="positive"):
        entry_points(g, SITE, max_distance_m=0)


def test_approach_corridors_ranked_from_the_edge() -> None:
    g = grid(5, 5)
    buildings, entrances = _frames()
    entries = entry_points(g, SITE, entrances=entrances, buildings=buildings)
    area = Point(X0 + 200, Y0 + 200).buffer(180.0, quad_segs=32)
    routes = approach_routes(g, entries, area, weight="length", per_entry=3)
    by_entry: dict[str, list] = {}
    for r in routes:
        by_entry.setdefault(r.tags["entry"], []).append(r)
        start = Point(r.geometry.coords[0])
        assert area.boundary.distance(start) < 1e-6  # starts on the edge of the area
        assert r.kind == "approach"
    assert set(by_entry) == {"main entrance", "entrance 2"}  # on different street nodes
    for ranked in by_entry.values():
        assert [r.tags["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
        costs = [r.length_m for r in ranked]
        assert costs == sorted(costs)
        assert len(ranked) <= 3
    with pytest.raises(NoRouteError, match="enters the study area"):
        approach_routes(g, entries, Point(X0, Y0).buffer(5000))


def test_area_crossings() -> None:
    g = grid(3, 1)
    area = Point(X0, Y0).buffer(150.0, quad_segs=64)
    crossings = area_crossings(network_index(g), area)
    assert len(crossings) == 2  # street 2-3 leaves, 3-2 enters
    out = next(c for c in crossings if c.outbound)
    assert out.fraction == pytest.approx(0.5, abs=1e-3) and out.x == pytest.approx(
        X0 + 150, abs=0.1
    )


def _poi(*rows: tuple[str, float, float, str]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"category": [r[0] for r in rows], "name": [r[3] for r in rows]},
        geometry=[Point(r[1], r[2]) for r in rows],
        crs=CRS,
    )


def test_emergency_nearest_service_by_time() -> None:
    g = grid(5, 5)
    poi = _poi(
        ("police", X0 + 400, Y0 + 400, "Bureau Ver"),
        ("police", X0, Y0 + 100, "Bureau Dichtbij"),
        ("hospital", X0 + 400, Y0, "Gasthuis"),
        ("camera", X0, Y0, ""),
    )
    services = services_in_data(poi)
    assert sorted(s.category for s in services) == ["hospital", "police", "police"]
    result = emergency_response(g, 7, services, mode="drive")
    labels = [r.label for r in result.routes]
    assert labels == ["police station: Bureau Dichtbij → site", "hospital: Gasthuis → site"]
    assert result.missing == ["fire_station"]
    assert any("no fire station in the loaded data" in n for n in result.notes)
    police = result.routes[0]
    assert police.nodes[-1] == 7 and police.nodes[0] == 6
    assert police.tags == {"category": "police", "source": "data"}


def test_emergency_by_hand_and_errors() -> None:
    g = grid(3, 3)
    manual = ServiceLocation("fire_station", X0 + 200, Y0 + 200, source="manual")
    result = emergency_response(g, 1, [manual])
    assert [r.tags["source"] for r in result.routes] == ["manual"]
    assert result.missing == ["police", "hospital"]
    far = ServiceLocation("police", X0 + 9000, Y0, source="manual")
    with pytest.raises(AnalysisInputError, match="police station placed by hand lies outside"):
        emergency_response(g, 1, [far])
    with pytest.raises(AnalysisInputError, match="unknown emergency service"):
        ServiceLocation("army", 0.0, 0.0)
    # a one-way street away from the site: no way back
    g.add_node(50, x=X0 - 100.0, y=Y0)
    add_street(g, 1, 50, two_way=False)
    trapped = ServiceLocation("police", X0 - 100.0, Y0, source="manual")
    with pytest.raises(NoRouteError, match="no route: the site is on an island"):
        emergency_response(g, 1, [trapped])


def test_demo_has_no_services(demo_scan) -> None:  # type: ignore[no-untyped-def]
    result = scan_emergency_response(demo_scan)
    assert result.routes == []
    assert result.missing == ["police", "fire_station", "hospital"]
    assert len(result.notes) == 3 and all("in the loaded data" in n for n in result.notes)
    near = (demo_scan.site.x - 250.0, demo_scan.site.y + 150.0)
    placed = ServiceLocation("police", *near, source="manual")
    with_police = scan_emergency_response(demo_scan, services=[placed])
    [route] = with_police.routes
    assert route.nodes[-1] in scan_site_access(demo_scan, "drive")
    assert route.time_s > 0 and with_police.missing == ["fire_station", "hospital"]


def test_demo_entry_points_and_boundary(demo_scan) -> None:  # type: ignore[no-untyped-def]
    entries = scan_entry_points(demo_scan)
    assert entries and all(e.source == "entrance" for e in entries)  # the town hall's doors
    area = study_boundary(demo_scan)
    assert area.area < demo_scan.study_area.polygon.area  # the extract ends inside the circle
    assert area.area == pytest.approx(
        demo_scan.coverage * demo_scan.study_area.polygon.area, rel=0.02
    )
    entries, routes = scan_approach_routes(demo_scan, mode="walk")
    assert routes and all(r.tags["rank"] >= 1 for r in routes)
