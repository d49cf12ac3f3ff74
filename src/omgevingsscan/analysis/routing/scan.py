"""The scan-level routing helpers the UI and the CLI call: each takes a
:class:`~omgevingsscan.scan.Scan` and picks the graph of a travel mode, the site, the study
area cut to the loaded data and the relevant layers, then runs the analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import geopandas as gpd
import networkx as nx
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.routing.chokepoints import (
    Chokepoints,
    find_chokepoints,
    flag_routes,
)
from omgevingsscan.analysis.routing.diverse import (
    DiverseRoutes,
    check_k,
)
from omgevingsscan.analysis.routing.emergency import (
    EmergencyResponse,
    ServiceLocation,
    emergency_response,
    services_in_data,
)
from omgevingsscan.analysis.routing.entries import EntryPoint, entry_points
from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    Weight,
)
from omgevingsscan.analysis.routing.isochrones import (
    BUFFER_M,
    DEFAULT_MINUTES,
    Isochrone,
    isochrones,
)
from omgevingsscan.analysis.routing.routes import (
    Place,
    Route,
)
from omgevingsscan.analysis.routing.shortest import shortest_route
from omgevingsscan.analysis.routing.site import approach_routes, escape_routes
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.speeds import MODES

if TYPE_CHECKING:
    from omgevingsscan.scan import Scan


def scan_graph(scan: Scan, mode: str) -> nx.MultiDiGraph:
    """Return the scan's street graph for ``mode``; AnalysisInputError if absent or empty."""
    if mode not in MODES:
        raise AnalysisInputError(f"unknown travel mode {mode!r}; use one of {', '.join(MODES)}")
    graph = scan.graphs.get(mode)
    if graph is None or len(graph) == 0:  # len() is O(1); counting edges is not
        raise AnalysisInputError(f"the scan has no {mode} network")
    return graph


def study_boundary(scan: Scan) -> BaseGeometry:
    """Return the study area cut to the loaded data: routes leave the scan at its edge.

    Where the data covers the whole study circle this is the circle; where the OSM
    extract ends inside it (``data_extent`` layer), streets are cut at the data's
    edge, and routes that reach it count as leaving the study area.
    """
    area = scan.study_area.polygon
    extent = scan.layers.get("data_extent")
    frame = getattr(extent, "data", None)
    if frame is not None and not frame.empty:
        cut = area.intersection(frame.geometry.union_all())
        if not cut.is_empty and cut.area > 0:
            return cut
    return area


def _site_xy(scan: Scan) -> tuple[float, float]:
    return (scan.site.x, scan.site.y)


def _frame(scan: Scan, name: str) -> gpd.GeoDataFrame | None:
    layer = scan.layers.get(name)
    return getattr(layer, "data", None)


def _coverage_note(scan: Scan) -> list[str]:
    if scan.coverage < 0.99:
        return [
            f"the data covers {scan.coverage:.0%} of the study area; where it ends, routes "
            "stop at the edge of the data"
        ]
    return []


def scan_route(
    scan: Scan,
    origin: Place,
    destination: Place,
    *,
    mode: str = "walk",
    weight: Weight = "time",
    max_snap_m: float = MAX_SNAP_M,
) -> Route:
    """Return the shortest route between two places of the scan (the route tool).

    ``origin`` and ``destination`` are ``(x, y)`` in the scan's CRS (metres), snapped
    onto the nearest street, or OSM node ids. Repeated calls are cheap (the CSR index
    and, on small networks, an all-pairs route table are cached per graph: well under
    a millisecond per call on the demo scan), so the UI can re-route on every drag
    event; call ``network_index(graph).route_table(weight)`` in a worker beforehand
    to make the first drag as quick as the rest.
    """
    return shortest_route(
        scan_graph(scan, mode), origin, destination, weight=weight, mode=mode, max_snap_m=max_snap_m
    )


def scan_entry_points(
    scan: Scan, *, mode: str = "walk", max_distance_m: float = 75.0
) -> list[EntryPoint]:
    """Return the site's entry points from the scan's ``poi`` entrances and ``buildings``."""
    poi = _frame(scan, "poi")
    entrances = None
    if poi is not None and "category" in poi:
        entrances = poi[poi["category"] == "entrance"]
    return entry_points(
        scan_graph(scan, mode),
        _site_xy(scan),
        entrances=entrances,
        buildings=_frame(scan, "buildings"),
        max_distance_m=max_distance_m,
    )


def scan_site_access(scan: Scan, mode: str) -> list[int]:
    """Return the OSM ids of the street nodes by which the site is entered and left.

    These are the nodes of the site's entry points (:func:`scan_entry_points`) in the
    ``mode`` network. Escape routes, isochrones, chokepoints and emergency routes all
    start (or end) at them: the official leaves by a door, not by the nearest node
    to the building's centre, which on a simplified graph may be a dead end.
    """
    return list(dict.fromkeys(e.node for e in scan_entry_points(scan, mode=mode)))


def scan_approach_routes(
    scan: Scan,
    *,
    mode: str = "walk",
    weight: Weight = "time",
    max_distance_m: float = 75.0,
    per_entry: int = 5,
) -> tuple[list[EntryPoint], list[Route]]:
    """Return the entry points and the ranked approach corridors to each of them."""
    entries = scan_entry_points(scan, mode=mode, max_distance_m=max_distance_m)
    routes = approach_routes(
        scan_graph(scan, mode),
        entries,
        study_boundary(scan),
        weight=weight,
        mode=mode,
        per_entry=per_entry,
    )
    return entries, routes


def scan_chokepoints(
    scan: Scan,
    *,
    mode: str = "drive",
    near_m: float | None = None,
    narrow_m: float = 4.0,
    detour_threshold: float = 0.5,
    weight: Weight = "time",
) -> Chokepoints:
    """Return the chokepoints of the scan's ``mode`` network (``near_m`` defaults to half the radius)."""
    near = scan.study_area.radius_m / 2.0 if near_m is None else near_m
    result = find_chokepoints(
        scan_graph(scan, mode),
        scan_site_access(scan, mode),
        study_boundary(scan),
        centre=_site_xy(scan),
        near_m=near,
        narrow_m=narrow_m,
        detour_threshold=detour_threshold,
        weight=weight,
        mode=mode,
    )
    return replace(result, notes=[*result.notes, *_coverage_note(scan)])


def scan_escape_routes(
    scan: Scan,
    *,
    mode: str = "drive",
    k: int = 3,
    destinations: Sequence[Place] = (),
    weight: Weight = "time",
    chokepoints: Chokepoints | None = None,
) -> DiverseRoutes:
    """Return up to ``k`` diverse escape routes from the site, flagged with chokepoints.

    Routes start at the site's entry points (:func:`scan_site_access`) and end at
    ``destinations`` or, when none are given, at the edge of the study area (cut to the data, see :func:`study_boundary`). The chokepoints of the same
    network are found (or taken from ``chokepoints``) and every route using one gets
    ``flags`` and, for structural ones, ``critical``.
    """
    check_k(k)
    graph = scan_graph(scan, mode)
    result = escape_routes(
        graph,
        scan_site_access(scan, mode),
        study_boundary(scan),
        destinations=destinations,
        k=k,
        weight=weight,
        mode=mode,
    )
    chokes = chokepoints or scan_chokepoints(scan, mode=mode, weight=weight)
    flagged = flag_routes(result.routes, chokes)
    notes = list(result.notes)
    critical = [r.label for r in flagged if r.tags.get("critical")]
    if critical:
        notes.append(
            f"{', '.join(critical)} depend{'s' if len(critical) == 1 else ''} on a chokepoint"
        )
    if not destinations:
        notes.extend(_coverage_note(scan))
    return DiverseRoutes(flagged, result.shared, result.requested, notes)


def scan_isochrones(
    scan: Scan,
    *,
    mode: str = "walk",
    minutes: Sequence[float] = DEFAULT_MINUTES,
    buffer_m: float = BUFFER_M,
) -> list[Isochrone]:
    """Return the isochrones from the site's entry points for ``mode`` (smallest first)."""
    return isochrones(
        scan_graph(scan, mode),
        scan_site_access(scan, mode),
        minutes,
        mode=mode,
        buffer_m=buffer_m,
    )


def scan_emergency_response(
    scan: Scan,
    *,
    services: Sequence[ServiceLocation] = (),
    mode: str = "drive",
    weight: Weight = "time",
) -> EmergencyResponse:
    """Return emergency-service routes to the site from the ``poi`` layer and hand-placed services.

    When the data holds no police station, fire station or hospital and none was
    placed, the result's ``missing`` and ``notes`` say so: the demo extract has none.
    """
    found = services_in_data(_frame(scan, "poi"))
    return emergency_response(
        scan_graph(scan, mode),
        scan_site_access(scan, mode),
        [*found, *services],
        weight=weight,
        mode=mode,
        max_snap_m=max(MAX_SNAP_M, 400.0),
    )
