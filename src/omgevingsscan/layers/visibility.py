"""Layer kinds made by the visibility analyses, and helpers that turn results into layers.

Styles follow the format documented in :mod:`omgevingsscan.layers.osm` (plus
``fill_opacity`` for translucent fills and ``label_column`` for labels).

- :class:`SightlineLayer`: the sight line, in two parts (column ``status``): green
  where visible, red from the first obstruction on.
- :class:`ViewshedLayer`: visible ground (``part`` = "ground") and visible roofs
  ("roof"), translucent.
- :class:`ExposureLayer`: public ground that sees the façade at eye level
  ("eye_level") and that sees only its upper part ("upper_facade").
- :class:`OverlookLayer`: ranked overlook positions (points).

The ``*_frame`` functions build the GeoDataFrames (scan CRS); :func:`put_result`
adds a result to a scan's layer list, or replaces the data of the layer of that name.
No Qt here.
"""

from __future__ import annotations

from typing import Any, ClassVar

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility_exposure import ExposureResult
from omgevingsscan.analysis.visibility_index import VisibilityIndex
from omgevingsscan.analysis.visibility_isovist import Isovist
from omgevingsscan.analysis.visibility_los import LineOfSight
from omgevingsscan.analysis.visibility_overlook import POSITION_COLUMNS
from omgevingsscan.analysis.visibility_viewshed import Viewshed25D
from omgevingsscan.layers.base import LayerList, VectorLayer, register_layer

VISIBLE_GREEN = "#2a9d3f"
BLOCKED_RED = "#d62828"


@register_layer
class SightlineLayer(VectorLayer):
    """A 2.5D sight line: ``status`` "visible" (green) up to the first obstruction,
    "blocked" (red) after it. Columns: ``status``, ``distance_m``, ``bearing_deg``,
    ``from_height_m``, ``to_height_m``, ``blocker_osm_id``, ``blocker_name``,
    ``blocker_height_m``, ``obstruction_z_m``, ``label``."""

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
        },
        "labels": {"visible": "Visible", "blocked": "Blocked"},
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
        },
        "labels": {"ground": "Visible ground", "roof": "Visible roofs"},
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
        },
        "labels": {
            "eye_level": "Façade in view at eye level",
            "upper_facade": "Upper façade in view",
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


def sightline_frame(result: LineOfSight, crs: Any) -> gpd.GeoDataFrame:
    """The sight line as one or two line features (visible part, blocked part)."""
    a, b = result.a[:2], result.b[:2]
    common = {
        "distance_m": result.distance,
        "bearing_deg": result.bearing,
        "from_height_m": result.a[2],
        "to_height_m": result.b[2],
        "blocker_osm_id": result.blocker.osm_id if result.blocker else "",
        "blocker_name": result.blocker.name if result.blocker else "",
        "blocker_height_m": result.blocker.height if result.blocker else np.nan,
        "obstruction_z_m": result.obstruction[2] if result.obstruction else np.nan,
        "label": result.describe(),
    }
    if result.visible or result.obstruction is None:
        rows = [{"status": "visible", **common, "geometry": LineString([a, b])}]
    else:
        o = result.obstruction[:2]
        rows = []
        if o != a:
            rows.append({"status": "visible", **common, "geometry": LineString([a, o])})
        rows.append({"status": "blocked", **common, "geometry": LineString([o, b])})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)


def isovist_frame(
    result: Isovist, crs: Any, observer_height: float | None = None
) -> gpd.GeoDataFrame:
    """A 2D isovist as a ViewshedLayer frame (one "ground" polygon)."""
    direction, angle = result.sector if result.sector else (np.nan, 360.0)
    return gpd.GeoDataFrame(
        {
            "part": ["ground"],
            "osm_id": [""],
            "observer_height_m": [np.nan if observer_height is None else observer_height],
            "radius_m": [result.radius],
            "direction_deg": [direction],
            "angle_deg": [angle],
            "area_m2": [result.polygon.area],
        },
        geometry=[result.polygon],
        crs=crs,
    )


def viewshed_frame(
    result: Viewshed25D, crs: Any, index: VisibilityIndex | None = None
) -> gpd.GeoDataFrame:
    """A 2.5D viewshed: one "ground" feature and one "roof" feature per building."""
    direction, angle = result.sector if result.sector else (np.nan, 360.0)
    geoms: list[BaseGeometry] = [result.ground]
    parts, ids = ["ground"], [""]
    for b, roof in sorted(result.roofs.items()):
        geoms.append(roof)
        parts.append("roof")
        ids.append(index.osm_ids[b] if index is not None else str(b))
    n = len(geoms)
    return gpd.GeoDataFrame(
        {
            "part": parts,
            "osm_id": ids,
            "observer_height_m": [result.observer_height] * n,
            "radius_m": [result.radius] * n,
            "direction_deg": [direction] * n,
            "angle_deg": [angle] * n,
            "area_m2": [g.area for g in geoms],
        },
        geometry=geoms,
        crs=crs,
    )


def exposure_frames(result: ExposureResult, crs: Any) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The exposure result as (ground polygons frame, ranked positions frame); empty
    parts are left out."""
    upper = result.ground.difference(result.ground_eye)
    parts = [
        (p, g)
        for p, g in (("eye_level", result.ground_eye), ("upper_facade", upper))
        if not g.is_empty
    ]
    ground = gpd.GeoDataFrame(
        {
            "part": [p for p, _ in parts],
            "area_m2": [g.area for _, g in parts],
            "facade_height_m": [result.facade_height] * len(parts),
            "eye_height_m": [result.eye_height] * len(parts),
        },
        geometry=[shapely.normalize(g) for _, g in parts],
        crs=crs,
    )
    positions = result.positions
    if positions.crs is None and crs is not None:
        positions = positions.set_crs(crs)
    return ground, positions[[*POSITION_COLUMNS, "geometry"]]


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


#: Default layer names of each result kind.
DEFAULT_NAMES = {
    "sightline": "Sight line",
    "viewshed": "Viewshed",
    "exposure": "Exposure",
    "overlooks": "Overlook positions",
}


def result_layers(
    result: LineOfSight | Isovist | Viewshed25D | ExposureResult,
    crs: Any,
    *,
    name: str | None = None,
    index: VisibilityIndex | None = None,
) -> list[VectorLayer]:
    """Turn an analysis result into layer(s) (exposure gives two: ground, positions)."""
    if isinstance(result, LineOfSight):
        return [SightlineLayer(name or DEFAULT_NAMES["sightline"], sightline_frame(result, crs))]
    if isinstance(result, Isovist):
        return [ViewshedLayer(name or DEFAULT_NAMES["viewshed"], isovist_frame(result, crs))]
    if isinstance(result, Viewshed25D):
        return [
            ViewshedLayer(name or DEFAULT_NAMES["viewshed"], viewshed_frame(result, crs, index))
        ]
    if isinstance(result, ExposureResult):
        ground, positions = exposure_frames(result, crs)
        base = name or DEFAULT_NAMES["exposure"]
        over = f"{name} – positions" if name else DEFAULT_NAMES["overlooks"]
        return [ExposureLayer(base, ground), OverlookLayer(over, positions)]
    raise TypeError(f"no layer kind for {type(result).__name__}")


def put_result(
    layers: LayerList,
    result: LineOfSight | Isovist | Viewshed25D | ExposureResult,
    crs: Any,
    *,
    name: str | None = None,
    index: VisibilityIndex | None = None,
) -> list[VectorLayer]:
    """Add (or update) the layer(s) of ``result`` in ``layers``; return them."""
    return [put_layer(layers, lyr) for lyr in result_layers(result, crs, name=name, index=index)]
