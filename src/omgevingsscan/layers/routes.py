"""Layer kinds made by the route analysis (issue 4), with their default styles.

- :class:`RoutesLayer` (``routes``): lines with ``route``, ``kind``, ``mode``,
  ``length_m``, ``time_s``, ``via`` and more (``ROUTE_COLUMNS`` in :mod:`omgevingsscan.analysis.routing.routes`): the table the
  report export uses. One kind holds escape, approach, emergency and A→B routes.
- :class:`IsochronesLayer` (``isochrones``): polygons by ``minutes`` (non-overlapping
  bands, largest first).
- :class:`ChokepointsLayer` (``chokepoints``): lines with ``kind`` and ``reason``.
- :class:`EntryPointsLayer` (``entry_points``): points with ``label`` and ``source``.

Styles follow the format documented in :mod:`omgevingsscan.layers.osm`. :func:`set_layer`
adds or replaces a layer in a scan's layer list (every vector layer there is saved with
the scan); :mod:`omgevingsscan.analysis.routing.layers` turns route results into these
layers.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any, ClassVar, Protocol

from omgevingsscan.layers.base import Layer, LayerList, VectorLayer, register_layer

__all__ = [
    "LAYER_NAMES",
    "ChokepointsLayer",
    "EntryPointsLayer",
    "IsochronesLayer",
    "RoutesLayer",
    "isochrone_classes",
    "set_layer",
]

#: Default layer name per result: the route tool, escape, approach and emergency
#: routes; isochrones and chokepoints get the mode appended ("isochrones_walk").
LAYER_NAMES: dict[str, str] = {
    "route": "route",
    "escape": "escape_routes",
    "approach": "approach_routes",
    "emergency": "emergency_routes",
    "isochrones": "isochrones",
    "chokepoints": "chokepoints",
    "entry_points": "entry_points",
}


@register_layer
class RoutesLayer(VectorLayer):
    """Routes (lines) with the route table columns; coloured by ``kind``."""

    kind: ClassVar[str] = "routes"
    title: ClassVar[str] = "Routes"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#6a1b9a",
        "stroke_width": 4.0,
        "width_units": "px",
        "casing": "#ffffff",
        "label_column": "route",
        "column": "kind",
        "categories": {
            "route": {"stroke": "#6a1b9a"},
            "approach": {"stroke": "#e85d04", "stroke_width": 3.0, "dash": [6, 3]},
            "emergency": {"stroke": "#1f4e9e"},
            "escape": {"stroke": "#2a9d3f", "stroke_width": 5.0},
        },
        "labels": {
            "route": "Route",
            "approach": "Approach corridor",
            "emergency": "Emergency response",
            "escape": "Escape route",
        },
    }


@register_layer
class IsochronesLayer(VectorLayer):
    """Areas reachable within ``minutes`` (bands), graduated from dark (near) to light."""

    kind: ClassVar[str] = "isochrones"
    title: ClassVar[str] = "Isochrones"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#1d3557",
        "stroke_width": 0.8,
        "width_units": "px",
        "fill_opacity": 0.45,
        "column": "minutes",
        "breaks": [1.5, 3.5, 7.5, 12.5, 20.0],
        "fills": ["#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027"],
        "labels": ["≤ 1 min", "≤ 3 min", "≤ 7.5 min", "≤ 12.5 min", "≤ 20 min", "> 20 min"],
    }


@register_layer
class ChokepointsLayer(VectorLayer):
    """Chokepoint segments by ``kind``; structural ones (cut edge, detour) drawn last."""

    kind: ClassVar[str] = "chokepoints"
    title: ClassVar[str] = "Chokepoints"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#d62828",
        "stroke_width": 5.0,
        "width_units": "px",
        "column": "kind",
        "categories": {
            "oneway": {"stroke": "#f4a261", "stroke_width": 2.5, "dash": [4, 3]},
            "narrow": {"stroke": "#f77f00", "stroke_width": 5.0},
            "tunnel": {"stroke": "#6a4c93", "stroke_width": 6.0, "dash": [5, 2]},
            "bridge": {"stroke": "#d62828", "stroke_width": 7.0, "casing": "#ffffff"},
            "detour": {"stroke": "#9d0208", "stroke_width": 8.0, "casing": "#ffd60a"},
            "cut_edge": {"stroke": "#000000", "stroke_width": 9.0, "casing": "#ffd60a"},
        },
        "labels": {
            "oneway": "One-way street",
            "narrow": "Narrow street",
            "tunnel": "Tunnel or passage",
            "bridge": "Bridge",
            "detour": "Loss forces a long detour",
            "cut_edge": "Loss cuts the site off",
        },
    }


@register_layer
class EntryPointsLayer(VectorLayer):
    """Ways into the site: tagged entrances or street access points."""

    kind: ClassVar[str] = "entry_points"
    title: ClassVar[str] = "Entry points"
    geometry_kind: ClassVar[str] = "point"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#e85d04",
        "stroke": "#ffffff",
        "marker": "triangle",
        "marker_size": 11.0,
        "label_column": "label",
        "column": "source",
        "categories": {
            "entrance": {"fill": "#e85d04", "marker": "triangle"},
            "street_access": {"fill": "#555555", "marker": "square", "marker_size": 9.0},
        },
    }


class HasLayers(Protocol):
    """Anything with a layer list (a :class:`~omgevingsscan.scan.Scan`)."""

    layers: LayerList


def set_layer(scan: HasLayers, layer: VectorLayer) -> VectorLayer:
    """Add ``layer`` to ``scan.layers``, or update the layer of the same name.

    An existing layer of the same class keeps its place, style and visibility and only
    gets the new data (its ``data`` event fires, so a live re-route just redraws); a
    layer of another class under that name is replaced in place. Returns the layer
    now in the scan.
    """
    existing: Layer | None = scan.layers.get(layer.name)
    if existing is None:
        scan.layers.append(layer)
        return layer
    if type(existing) is type(layer) and isinstance(existing, VectorLayer):
        existing.data = layer.data
        return existing
    scan.layers[scan.layers.index(existing)] = layer
    return layer


def isochrone_classes(minutes: Sequence[float]) -> dict[str, Any]:
    """Graduated classes for the asked-for time budgets (minutes, ascending): one class
    per budget, labelled "≤ N min", coloured from dark (near) to light (far)."""
    ramp = IsochronesLayer.default_style["fills"]
    n = len(minutes)
    breaks = [(a + b) / 2 for a, b in pairwise(minutes)]
    fills = [ramp[round(i * (len(ramp) - 1) / max(n - 1, 1))] for i in range(n)]
    return {"breaks": breaks, "fills": fills, "labels": [f"≤ {m:g} min" for m in minutes]}
