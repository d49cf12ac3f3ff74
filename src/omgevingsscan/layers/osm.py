"""Layer kinds made by the OSM import, each with its default style.

Styles are plain dicts the renderer understands:

- ``fill``, ``stroke`` (``#rrggbb``), ``stroke_width`` and ``width_units`` ("px" for a
  fixed screen/print width, "m" for a width in map metres);
- ``breaks`` + ``fills`` on a numeric ``column`` (graduated fill, e.g. height classes);
- ``categories`` on a ``column``: value to a partial style (e.g. road classes);
- ``marker`` ("circle", "square", "triangle", "star") and ``marker_size`` (px) for points;
- ``label_column``: a column whose text is drawn beside each point;
- ``mask_outside``: shade the part of the study area outside the polygon (data edge).
"""

from __future__ import annotations

from typing import Any, ClassVar

from omgevingsscan.layers.base import VectorLayer, register_layer


@register_layer
class BuildingsLayer(VectorLayer):
    """Building footprints with ``height`` (m) and ``height_source`` (the rule used)."""

    kind: ClassVar[str] = "buildings"
    title: ClassVar[str] = "Buildings"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#8a7f74",
        "stroke_width": 0.6,
        "width_units": "px",
        "column": "height",
        "breaks": [6.0, 10.0, 15.0, 20.0],
        "fills": ["#efe6da", "#e2d3c0", "#d2bda2", "#bea283", "#a48565"],
        "labels": ["< 6 m", "6–10 m", "10–15 m", "15–20 m", "≥ 20 m"],
    }


_ROAD = {"stroke": "#ffffff", "stroke_width": 5.0, "casing": "#b8b0a6"}


@register_layer
class RoadsLayer(VectorLayer):
    """Roads classified by ``road_class`` (the OSM ``highway`` value)."""

    kind: ClassVar[str] = "roads"
    title: ClassVar[str] = "Roads"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#ffffff",
        "stroke_width": 5.0,
        "width_units": "m",
        "casing": "#b3aa9f",
        "column": "road_class",
        "categories": {
            "motorway": {"stroke": "#e892a2", "stroke_width": 14.0},
            "trunk": {"stroke": "#f9b29c", "stroke_width": 12.0},
            "primary": {"stroke": "#fcd6a4", "stroke_width": 10.0},
            "secondary": {"stroke": "#f7fabf", "stroke_width": 9.0},
            "tertiary": {"stroke": "#ffffff", "stroke_width": 8.0},
            "residential": {"stroke": "#ffffff", "stroke_width": 6.0},
            "unclassified": {"stroke": "#ffffff", "stroke_width": 6.0},
            "living_street": {"stroke": "#ededed", "stroke_width": 5.0},
            "service": {"stroke": "#ffffff", "stroke_width": 3.5},
            "busway": {"stroke": "#d6d0ff", "stroke_width": 5.0},
        },
        "labels": {
            "primary": "Main road",
            "tertiary": "Through road",
            "residential": "Residential street",
            "service": "Service road",
        },
    }


@register_layer
class PathsLayer(VectorLayer):
    """Footways, cycleways, pedestrian streets and steps (``path_class``)."""

    kind: ClassVar[str] = "paths"
    title: ClassVar[str] = "Paths and cycleways"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#f2efe9",
        "stroke_width": 2.5,
        "width_units": "m",
        "column": "path_class",
        "categories": {
            "cycleway": {"stroke": "#c9453c", "stroke_width": 1.6, "dash": [4, 2]},
            "footway": {
                "stroke": "#fa8072",
                "stroke_width": 1.0,
                "width_units": "px",
                "dash": [3, 2],
            },
            "path": {"stroke": "#fa8072", "stroke_width": 1.0, "width_units": "px", "dash": [3, 2]},
            "steps": {
                "stroke": "#fa8072",
                "stroke_width": 2.0,
                "width_units": "px",
                "dash": [1, 1],
            },
            "pedestrian": {"stroke": "#e4dfe8", "stroke_width": 4.0, "casing": "#b9b1bf"},
        },
    }


@register_layer
class RailwaysLayer(VectorLayer):
    """Railway, tram and metro lines (``rail_class``); tunnels drawn faint."""

    kind: ClassVar[str] = "railways"
    title: ClassVar[str] = "Railways and tram"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#6b6b6b",
        "stroke_width": 1.5,
        "width_units": "px",
        "column": "rail_class",
        "categories": {
            "tram": {"stroke": "#8c4b9c", "stroke_width": 1.4},
            "subway": {"stroke": "#5a7fb8", "stroke_width": 1.6, "dash": [6, 3]},
            "rail": {"stroke": "#505050", "stroke_width": 2.0},
        },
    }


@register_layer
class WaterLayer(VectorLayer):
    """Water surfaces: canals, rivers, docks."""

    kind: ClassVar[str] = "water"
    title: ClassVar[str] = "Water"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#aad3df",
        "stroke": "#7fb5c8",
        "stroke_width": 0.5,
        "width_units": "px",
    }


@register_layer
class LanduseLayer(VectorLayer):
    """Green and land use (``landuse_class``): parks, grass, gardens, trees, other use."""

    kind: ClassVar[str] = "landuse"
    title: ClassVar[str] = "Green and land use"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#e8e4dc",
        "stroke": "#d6d0c4",
        "stroke_width": 0.3,
        "width_units": "px",
        "column": "landuse_class",
        "categories": {
            k: {"fill": v}
            for k, v in {
                "park": "#c8facc",
                "garden": "#cdebb0",
                "grass": "#cdebb0",
                "playground": "#dffce2",
                "pitch": "#aae0cb",
                "wood": "#add19e",
                "forest": "#add19e",
                "scrub": "#c8d7ab",
                "meadow": "#cdebb0",
                "village_green": "#cdebb0",
                "recreation_ground": "#dffce2",
                "cemetery": "#aacbaf",
                "grave_yard": "#aacbaf",
                "flowerbed": "#cdebb0",
            }.items()
        },
    }


@register_layer
class BarriersLayer(VectorLayer):
    """Walls, fences, hedges and other linear barriers (``barrier``)."""

    kind: ClassVar[str] = "barriers"
    title: ClassVar[str] = "Barriers"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#5c5c5c",
        "stroke_width": 1.2,
        "width_units": "px",
        "column": "barrier",
        "categories": {"hedge": {"stroke": "#6a9a4a", "stroke_width": 2.0}},
    }


@register_layer
class PoiLayer(VectorLayer):
    """Security-relevant points (``category``): police, fire, hospital, town hall,
    cameras, parking, public-transport stops, entrances."""

    kind: ClassVar[str] = "poi"
    title: ClassVar[str] = "Security-relevant points"
    geometry_kind: ClassVar[str] = "point"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#777777",
        "stroke": "#ffffff",
        "marker": "circle",
        "marker_size": 6.0,
        "column": "category",
        "categories": {
            "police": {"fill": "#1f4e9e", "marker": "square", "marker_size": 11.0},
            "fire_station": {"fill": "#d62828", "marker": "square", "marker_size": 11.0},
            "hospital": {"fill": "#2a9d3f", "marker": "square", "marker_size": 11.0},
            "townhall": {"fill": "#6a1b9a", "marker": "star", "marker_size": 14.0},
            "camera": {"fill": "#e85d04", "marker": "triangle", "marker_size": 8.0},
            "parking": {"fill": "#3d6fb4", "marker": "square", "marker_size": 7.0},
            "transit_stop": {"fill": "#0a9396", "marker": "circle", "marker_size": 6.0},
            "entrance": {"fill": "#555555", "marker": "circle", "marker_size": 3.5},
            "defibrillator": {"fill": "#2a9d3f", "marker": "circle", "marker_size": 5.0},
            "fire_hydrant": {"fill": "#c1121f", "marker": "circle", "marker_size": 3.5},
        },
    }


@register_layer
class AddressesLayer(VectorLayer):
    """Address points (``label`` like "Amstel 1"), hidden by default."""

    kind: ClassVar[str] = "addresses"
    title: ClassVar[str] = "Addresses"
    geometry_kind: ClassVar[str] = "point"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#9a8c7d",
        "stroke": "#9a8c7d",
        "marker": "circle",
        "marker_size": 2.5,
    }


@register_layer
class SiteLayer(VectorLayer):
    """The site under protection: one point."""

    kind: ClassVar[str] = "site"
    title: ClassVar[str] = "Site"
    geometry_kind: ClassVar[str] = "point"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#c1121f",
        "stroke": "#ffffff",
        "marker": "star",
        "marker_size": 20.0,
        "label_column": "name",
    }


@register_layer
class StudyAreaLayer(VectorLayer):
    """The study area: a circle of the study radius around the site."""

    kind: ClassVar[str] = "study_area"
    title: ClassVar[str] = "Study area"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": None,
        "stroke": "#c1121f",
        "stroke_width": 2.0,
        "width_units": "px",
        "dash": [8, 4],
    }


@register_layer
class DataExtentLayer(VectorLayer):
    """The edge of the loaded data (the OSM file's bounds), where it cuts the study area."""

    kind: ClassVar[str] = "data_extent"
    title: ClassVar[str] = "Edge of the data"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": None,
        "stroke": "#1d3557",
        "stroke_width": 1.5,
        "width_units": "px",
        "dash": [2, 3],
        "mask_outside": "#c8c8c8",
    }


#: Layer kind for each name the OSM import produces.
OSM_LAYER_KINDS: dict[str, type[VectorLayer]] = {
    "landuse": LanduseLayer,
    "water": WaterLayer,
    "roads": RoadsLayer,
    "paths": PathsLayer,
    "railways": RailwaysLayer,
    "barriers": BarriersLayer,
    "buildings": BuildingsLayer,
    "addresses": AddressesLayer,
    "poi": PoiLayer,
}
