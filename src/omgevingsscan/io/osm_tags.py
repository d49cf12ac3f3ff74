"""Which layer an OSM feature goes to, from its tags: one set of rules for the import
(:func:`omgevingsscan.io.osm_features.classify`) and for counting what the import had
to drop (:mod:`omgevingsscan.io.osm_repair`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

ROAD_CLASSES = (
    "motorway",
    "motorway_link",
    "trunk",
    "trunk_link",
    "primary",
    "primary_link",
    "secondary",
    "secondary_link",
    "tertiary",
    "tertiary_link",
    "unclassified",
    "residential",
    "living_street",
    "service",
    "busway",
    "road",
)
PATH_CLASSES = (
    "footway",
    "path",
    "cycleway",
    "pedestrian",
    "steps",
    "bridleway",
    "track",
    "corridor",
)
RAIL_CLASSES = ("rail", "tram", "light_rail", "subway", "narrow_gauge", "monorail", "funicular")
BARRIER_CLASSES = (
    "wall",
    "fence",
    "hedge",
    "city_wall",
    "retaining_wall",
    "guard_rail",
    "railing",
    "handrail",
    "kerb",
    "bollard",
    "gate",
    "jersey_barrier",
    "block",
)
GREEN_LEISURE = (
    "park",
    "garden",
    "playground",
    "pitch",
    "nature_reserve",
    "dog_park",
    "common",
    "golf_course",
    "recreation_ground",
)
GREEN_NATURAL = ("wood", "scrub", "grassland", "heath", "wetland", "tree_row")


def is_building(tags: Mapping[str, str]) -> bool:
    """Whether an area with these tags goes to the buildings layer."""
    return tags.get("building", "no") != "no"


def is_water(tags: Mapping[str, str]) -> bool:
    """Whether an area with these tags goes to the water layer."""
    return (
        tags.get("natural") == "water"
        or "water" in tags
        or tags.get("waterway") in ("riverbank", "dock")
        or tags.get("landuse") in ("basin", "reservoir")
    )


def is_landuse(tags: Mapping[str, str]) -> bool:
    """Whether an area with these tags goes to the land-use layer."""
    return "building" not in tags and (
        "landuse" in tags
        or tags.get("leisure") in GREEN_LEISURE
        or tags.get("natural") in GREEN_NATURAL
        or tags.get("amenity") in ("grave_yard",)
    )


#: Line layers and their tests on a way's tags.
LINE_LAYERS: dict[str, Callable[[Mapping[str, str]], bool]] = {
    "roads": lambda t: t.get("highway") in ROAD_CLASSES,
    "paths": lambda t: t.get("highway") in PATH_CLASSES,
    "railways": lambda t: t.get("railway") in RAIL_CLASSES,
    "barriers": lambda t: t.get("barrier") in BARRIER_CLASSES,
}
#: Area layers and their tests on a way's or relation's tags.
AREA_LAYERS: dict[str, Callable[[Mapping[str, str]], bool]] = {
    "buildings": is_building,
    "water": is_water,
    "landuse": is_landuse,
}


def layer_of_tags(tags: Mapping[str, str], area: bool | None = None) -> str | None:
    """The layer a feature with these tags goes to, or None when no layer takes it.

    ``area`` True tests only the area layers, False only the line layers, None both
    (areas first).
    """
    tests = (
        AREA_LAYERS if area else LINE_LAYERS if area is False else {**AREA_LAYERS, **LINE_LAYERS}
    )
    for name, test in tests.items():
        if test(tags):
            return name
    return None
