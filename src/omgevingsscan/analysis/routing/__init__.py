"""Access and escape routes, pure and Qt-free, on the scan's osmnx street graphs
(``scan.graphs[mode]``, projected to the scan's local metric CRS; lengths in metres, times in
seconds at Dutch default speeds): :mod:`.graph` holds the CSR backend (scipy csgraph, cached per
graph) and the nearest node with a maximum snap distance, :mod:`.routes` the Route record and
the route table, :mod:`.shortest` shortest routes and batches of them, :mod:`.diverse` k diverse
(edge-disjoint where possible) routes, :mod:`.isochrones` reachable areas, :mod:`.entries` the
site's entry points, :mod:`.site` approach corridors and escape routes, :mod:`.emergency` the
emergency response, :mod:`.chokepoints` chokepoints and route flags, :mod:`.geometry` street
geometry (arc lines, street names, snapping onto streets) and :mod:`.layers` the results as map
layers; :mod:`.scan` adds the ``scan_*`` helpers that take a :class:`~omgevingsscan.scan.Scan`
and pick the graph, the site, the study area and the relevant layers, which is what the UI and
the CLI call. Callers import from this package.
"""

from __future__ import annotations

from omgevingsscan.analysis.routing.chokepoints import (
    CHOKEPOINT_KINDS,
    STRUCTURAL_KINDS,
    Chokepoint,
    Chokepoints,
    chokepoints_frame,
    find_chokepoints,
    flag_routes,
)
from omgevingsscan.analysis.routing.diverse import (
    K_MAX,
    K_MIN,
    DiverseRoutes,
    SharedSegment,
    Sink,
    check_k,
    diverse_routes_from,
)
from omgevingsscan.analysis.routing.emergency import (
    SERVICE_CATEGORIES,
    EmergencyResponse,
    ServiceLocation,
    emergency_response,
    services_in_data,
)
from omgevingsscan.analysis.routing.entries import EntryPoint, entry_points, entry_points_frame
from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    NetworkIndex,
    NoRouteError,
    Weight,
    clear_index,
    network_index,
)
from omgevingsscan.analysis.routing.isochrones import (
    BUFFER_M,
    DEFAULT_MINUTES,
    Isochrone,
    isochrones,
    isochrones_frame,
    reachable_nodes,
)
from omgevingsscan.analysis.routing.routes import (
    ROUTE_COLUMNS,
    Place,
    Route,
    nearest_node,
    routes_frame,
)
from omgevingsscan.analysis.routing.scan import (
    scan_approach_routes,
    scan_chokepoints,
    scan_emergency_response,
    scan_entry_points,
    scan_escape_routes,
    scan_graph,
    scan_isochrones,
    scan_route,
    scan_site_access,
    study_boundary,
)
from omgevingsscan.analysis.routing.shortest import batch_routes, shortest_route
from omgevingsscan.analysis.routing.site import approach_routes, area_crossings, escape_routes

__all__ = [
    "BUFFER_M",
    "CHOKEPOINT_KINDS",
    "DEFAULT_MINUTES",
    "K_MAX",
    "K_MIN",
    "MAX_SNAP_M",
    "ROUTE_COLUMNS",
    "SERVICE_CATEGORIES",
    "STRUCTURAL_KINDS",
    "Chokepoint",
    "Chokepoints",
    "DiverseRoutes",
    "EmergencyResponse",
    "EntryPoint",
    "Isochrone",
    "NetworkIndex",
    "NoRouteError",
    "Place",
    "Route",
    "ServiceLocation",
    "SharedSegment",
    "Sink",
    "Weight",
    "approach_routes",
    "area_crossings",
    "batch_routes",
    "check_k",
    "chokepoints_frame",
    "clear_index",
    "diverse_routes_from",
    "emergency_response",
    "entry_points",
    "entry_points_frame",
    "escape_routes",
    "find_chokepoints",
    "flag_routes",
    "isochrones",
    "isochrones_frame",
    "nearest_node",
    "network_index",
    "reachable_nodes",
    "routes_frame",
    "scan_approach_routes",
    "scan_chokepoints",
    "scan_emergency_response",
    "scan_entry_points",
    "scan_escape_routes",
    "scan_graph",
    "scan_isochrones",
    "scan_route",
    "scan_site_access",
    "services_in_data",
    "shortest_route",
    "study_boundary",
]
