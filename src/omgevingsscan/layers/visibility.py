"""Layer kinds made by the visibility analyses (the model side; no analysis imports).

Styles follow the format documented in :mod:`omgevingsscan.layers.osm` (plus
``fill_opacity`` for translucent fills and ``label_column`` for labels).

- :class:`SightlineLayer`: the sight line, in two parts (column ``status``): green
  where visible, red from the first obstruction on.
- :class:`ViewshedLayer`: visible ground (``part`` = "ground") and visible roofs
  ("roof"), translucent.
- :class:`ExposureLayer`: public ground that sees the façade at eye level
  ("eye_level") and that sees only its upper part ("upper_facade").
- :class:`OverlookLayer`: ranked overlook positions (points).

:func:`put_layer` adds a layer to a scan's layer list, or gives the layer of that name
the new data. Turning analysis results into these layers is
:mod:`omgevingsscan.analysis.visibility.layers`. No Qt here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from omgevingsscan.layers.base import LayerList, VectorLayer, register_layer

VISIBLE_GREEN = "#2a9d3f"
BLOCKED_RED = "#d62828"


@register_layer
class SightlineLayer(VectorLayer):
    """A 2.5D sight line: ``status`` "visible" (green) up to the first obstruction,
    "blocked" (red) after it. Columns: ``status``, ``distance_m``, ``bearing_deg``,
    ``from_height_m``, ``to_height_m``, ``blocker_osm_id``, ``blocker_name``,
    ``blocker_height_m``, ``obstruction_z_m``, ``label``; a line whose verdict flips
    within the height uncertainty is "uncertain" (amber) throughout, and then also has
    ``verdict``, ``by_terrain``, ``ground`` and ``height_sources``."""

    kind: ClassVar[str] = "sightline"
    title: ClassVar[str] = "Sight line"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": VISIBLE_GREEN,
        "stroke_width": 3.0,
        "width_units": "px",
        "column": "status",
        "categories": {
            "visible": {"stroke": VISIBLE_GREEN},
            "blocked": {"stroke": BLOCKED_RED, "dash": [6, 3]},
            "uncertain": {"stroke": "#e69500", "dash": [2, 2]},
        },
        "labels": {"visible": "Visible", "blocked": "Blocked", "uncertain": "Uncertain"},
        "label_column": "label",
    }


@register_layer
class ViewshedLayer(VectorLayer):
    """What an observer sees: ``part`` "ground" or "roof", with ``observer_height_m``,
    ``radius_m``, ``direction_deg``, ``angle_deg``, ``area_m2``."""

    kind: ClassVar[str] = "viewshed"
    title: ClassVar[str] = "Viewshed"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#ffd166",
        "fill_opacity": 0.45,
        "stroke": "#e09f00",
        "stroke_width": 1.0,
        "width_units": "px",
        "column": "part",
        "categories": {
            "ground": {"fill": "#ffd166"},
            "roof": {"fill": "#f4845f", "stroke": "#c8553d"},
            "uncertain": {"fill": "#ffe8b0", "stroke": "#e09f00", "hatch": "#b07a00"},
        },
        "labels": {
            "ground": "Visible ground",
            "roof": "Visible roofs",
            "uncertain": "Visible or not within the height uncertainty",
        },
    }


@register_layer
class ExposureLayer(VectorLayer):
    """Public ground from which the site's façade is visible: ``part`` "eye_level"
    (entrance and ground floor in view) or "upper_facade" (only higher up)."""

    kind: ClassVar[str] = "exposure"
    title: ClassVar[str] = "Exposure of the site"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#e63946",
        "fill_opacity": 0.4,
        "stroke": "#9d0208",
        "stroke_width": 0.8,
        "width_units": "px",
        "column": "part",
        "categories": {
            "eye_level": {"fill": "#e63946"},
            "upper_facade": {"fill": "#f4a261", "stroke": "#bc6c25"},
            "uncertain": {"fill": "#fde2c8", "stroke": "#bc6c25", "hatch": "#9c4a1a"},
        },
        "labels": {
            "eye_level": "Façade in view at eye level",
            "upper_facade": "Upper façade in view",
            "uncertain": "Sees the façade or not within the height uncertainty",
        },
    }


@register_layer
class OverlookLayer(VectorLayer):
    """Ranked overlook positions (nearest first): columns ``rank``, ``kind`` ("building"
    or "spot"), ``category``, ``osm_id``, ``name``, ``distance_m`` (to the site),
    ``facade_m`` (buildings: length of their façade with a view), ``view_deg`` (spots:
    width of façade in view at eye level), ``upper_floors`` (the view exists only from
    top-floor windows, or only of the upper façade), ``lowest_seen_m`` (lowest height
    of the site's façade in view), ``height_m`` (buildings)."""

    kind: ClassVar[str] = "overlooks"
    title: ClassVar[str] = "Overlook positions"
    geometry_kind: ClassVar[str] = "point"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#6a1b9a",
        "stroke": "#ffffff",
        "marker": "circle",
        "marker_size": 8.0,
        "column": "kind",
        "categories": {
            "building": {"fill": "#6a1b9a", "marker": "square", "marker_size": 9.0},
            "spot": {"fill": "#e85d04", "marker": "triangle", "marker_size": 10.0},
        },
        "labels": {"building": "Overlooking building", "spot": "Waiting spot with a view"},
        "label_column": "rank",
    }


def put_layer(layers: LayerList, layer: VectorLayer) -> VectorLayer:
    """Add ``layer``; when a layer of the same name and kind exists, give it the new
    data instead (keeping its style, visibility and place). Returns the layer in the list."""
    existing = layers.get(layer.name)
    if isinstance(existing, VectorLayer) and existing.kind == layer.kind:
        existing.data = layer.data
        return existing
    if existing is not None:
        layers[layers.index(existing)] = layer
    else:
        layers.append(layer)
    return layer
