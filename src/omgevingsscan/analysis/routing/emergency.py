"""Emergency response: routes from police, fire and hospital to the site, by travel time.

Services come from the scan's ``poi`` layer (categories ``police``, ``fire_station``,
``hospital``) or are placed by hand. The demo extract holds none: the result then says
so, and the user can place a service location by hand or load a wider area.
Coordinates are metres in the graph's CRS; times are seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import networkx as nx
import numpy as np

from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    NoRouteError,
    Weight,
    check_weight,
    network_index,
    walk_predecessors,
)
from omgevingsscan.analysis.routing.routes import (
    Place,
    Route,
    make_route,
    no_route_message,
    resolve_places,
)
from omgevingsscan.errors import AnalysisInputError

#: Emergency services looked for in the ``poi`` layer, with their names in messages.
SERVICE_CATEGORIES: dict[str, str] = {
    "police": "police station",
    "fire_station": "fire station",
    "hospital": "hospital",
}


@dataclass(frozen=True)
class ServiceLocation:
    """An emergency service: ``category`` (police, fire_station, hospital) at ``(x, y)``.

    ``source`` is "data" (found in the OSM data) or "manual" (placed by the user).
    """

    category: str
    x: float
    y: float
    name: str = ""
    source: str = "manual"

    def __post_init__(self) -> None:
        if self.category not in SERVICE_CATEGORIES:
            raise AnalysisInputError(
                f"unknown emergency service {self.category!r}; use one of "
                f"{', '.join(SERVICE_CATEGORIES)}"
            )


@dataclass(frozen=True)
class EmergencyResponse:
    """Routes from emergency services to the site, by travel time.

    ``missing`` lists the categories for which the data holds no service and none was
    given; ``notes`` says so in plain sentences.
    """

    routes: list[Route]
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def services_in_data(poi: gpd.GeoDataFrame | None) -> list[ServiceLocation]:
    """Return the police stations, fire stations and hospitals in a ``poi`` frame."""
    if poi is None or poi.empty or "category" not in poi:
        return []
    rows = poi[poi["category"].isin(list(SERVICE_CATEGORIES))]
    out = []
    for _, row in rows.iterrows():
        pt = row.geometry if row.geometry.geom_type == "Point" else row.geometry.centroid
        name = row.get("name")
        out.append(
            ServiceLocation(
                str(row["category"]),
                float(pt.x),
                float(pt.y),
                str(name) if isinstance(name, str) else "",
                "data",
            )
        )
    return out


def emergency_response(
    graph: nx.MultiDiGraph,
    site: Place | Sequence[Place],
    services: Sequence[ServiceLocation],
    *,
    categories: Sequence[str] = tuple(SERVICE_CATEGORIES),
    weight: Weight = "time",
    mode: str = "drive",
    max_snap_m: float = MAX_SNAP_M,
) -> EmergencyResponse:
    """Return the route to the site from each service category.

    ``site`` is a node id, an ``(x, y)`` point or a list of them (the site's entry
    points: a route may end at any). For each category the routes come from every
    location placed by hand (``source="manual"``); when none was placed, from the
    service in the data with the shortest travel time to the site (one reverse
    Dijkstra from the site). A category with neither is listed in ``missing`` with a
    note telling the user to place one by hand or load a wider area. Services are
    tied to the nearer end node of their nearest street.

    Raises
    ------
    AnalysisInputError
        A hand-placed service outside the street network.
    NoRouteError
        A hand-placed service from which the site cannot be reached.
    """
    weight = check_weight(weight)
    index = network_index(graph)
    targets = [p for p, _ in resolve_places(index, site, max_snap_m, "the site")]
    dist, pred, root = index.sssp_min(targets, weight, reverse=True)
    routes: list[Route] = []
    missing: list[str] = []
    notes: list[str] = []
    for cat in categories:
        what = SERVICE_CATEGORIES[cat]
        manual = [s for s in services if s.category == cat and s.source == "manual"]
        data = [s for s in services if s.category == cat and s.source != "manual"]
        chosen: list[tuple[ServiceLocation, int, float]] = []
        for s in manual:
            pos, snap = index.street_node(s.x, s.y, max_snap_m, f"the {what} placed by hand")
            if not np.isfinite(dist[pos]):
                raise NoRouteError(no_route_message("the site", f"the {what} placed by hand", mode))
            chosen.append((s, pos, snap))
        if not manual and data:
            best: tuple[float, ServiceLocation, int, float] | None = None
            for s in data:
                try:
                    pos, snap = index.street_node(s.x, s.y, max_snap_m)
                except AnalysisInputError:
                    called = f"{what} {s.name}" if s.name else what
                    notes.append(f"{called} lies outside the {mode} network")
                    continue
                if np.isfinite(dist[pos]) and (best is None or dist[pos] < best[0]):
                    best = (float(dist[pos]), s, pos, snap)
            if best is not None:
                chosen.append(best[1:])
            else:
                notes.append(f"no {what} in the data can reach the site by {mode}")
        if not chosen:
            if not data:
                missing.append(cat)
                notes.append(
                    f"no {what} in the loaded data: place one by hand or load a wider area"
                )
            continue
        for s, pos, snap in chosen:
            back = walk_predecessors(pred, int(root[pos]), pos)
            assert back is not None
            name = s.name or ("placed by hand" if s.source == "manual" else "unnamed")
            route = make_route(
                index,
                back[::-1],
                weight,
                mode=mode,
                kind="emergency",
                label=f"{what}: {name} → site",
                start_snap_m=snap,
            )
            routes.append(route.with_tags(category=cat, source=s.source))
    return EmergencyResponse(routes, missing, notes)
