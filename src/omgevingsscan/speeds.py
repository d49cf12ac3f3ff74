"""Dutch default travel speeds and travel-time attributes for osmnx graphs.

Defaults (km/h) when no ``maxspeed`` tag is present: 30 in residential streets and
30-zones (``zone:maxspeed=NL:30``), 50 on other built-up roads, 80 outside built-up
areas (trunk), 100 on motorways, 15 in a living street (woonerf). Walking is 5 km/h
and cycling 15 km/h on every edge. A ``maxspeed`` tag overrides the default (driving).
"""

from __future__ import annotations

import networkx as nx
import osmnx as ox

WALK_KPH = 5.0
BIKE_KPH = 15.0

#: Default driving speed per ``highway`` class, km/h (Dutch rules, built-up area).
DUTCH_DRIVE_KPH: dict[str, float] = {
    "motorway": 100.0,
    "motorway_link": 80.0,
    "trunk": 80.0,
    "trunk_link": 50.0,
    "primary": 50.0,
    "primary_link": 50.0,
    "secondary": 50.0,
    "secondary_link": 50.0,
    "tertiary": 50.0,
    "tertiary_link": 50.0,
    "unclassified": 50.0,
    "road": 50.0,
    "busway": 50.0,
    "residential": 30.0,
    "living_street": 15.0,
    "service": 15.0,
}
DRIVE_FALLBACK_KPH = 30.0

MODES = ("walk", "bike", "drive")


def add_travel_times(graph: nx.MultiDiGraph, mode: str) -> nx.MultiDiGraph:
    """Set ``speed_kph`` (km/h) and ``travel_time`` (seconds) on every edge, in place.

    Parameters
    ----------
    graph
        An osmnx graph whose edges carry ``length`` in metres.
    mode
        "walk", "bike" or "drive".

    Returns
    -------
    The same graph, for chaining.
    """
    if mode not in MODES:
        raise ValueError(f"unknown travel mode {mode!r}; use one of {', '.join(MODES)}")
    if graph.number_of_edges() == 0:
        return graph
    if mode == "drive":
        for _, _, data in graph.edges(data=True):
            zone = str(data.get("zone:maxspeed", ""))
            if "maxspeed" not in data and zone.endswith("30"):
                data["maxspeed"] = "30"
        ox.add_edge_speeds(graph, hwy_speeds=DUTCH_DRIVE_KPH, fallback=DRIVE_FALLBACK_KPH)
    else:
        kph = WALK_KPH if mode == "walk" else BIKE_KPH
        nx.set_edge_attributes(graph, kph, "speed_kph")
    for _, _, data in graph.edges(data=True):
        data["travel_time"] = float(data["length"]) / (float(data["speed_kph"]) / 3.6)
    return graph
