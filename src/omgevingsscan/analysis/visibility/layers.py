"""Visibility results as layers: sight lines, isovists, viewsheds and exposure.

The ``*_frame`` functions build GeoDataFrames in the scan CRS (metres) from the result
records of :mod:`omgevingsscan.analysis.visibility`; :func:`result_layers` makes the
layer kinds of :mod:`omgevingsscan.layers.visibility` from them and :func:`put_result`
adds them to a scan's layer list (or replaces the data of the layer of that name).
No Qt here.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.certainty import ExposureRange, ViewshedRange
from omgevingsscan.analysis.visibility.exposure import ExposureResult
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.isovist import Isovist
from omgevingsscan.analysis.visibility.los import LineOfSight
from omgevingsscan.analysis.visibility.overlook import POSITION_COLUMNS
from omgevingsscan.analysis.visibility.terrain import (
    UNCERTAIN,
    SightCheck,
    TerrainViewshed,
    ground_model,
)
from omgevingsscan.analysis.visibility.viewshed import Viewshed25D
from omgevingsscan.layers.base import LayerList, VectorLayer
from omgevingsscan.layers.visibility import (
    ExposureLayer,
    OverlookLayer,
    SightlineLayer,
    ViewshedLayer,
    put_layer,
)


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


def sightcheck_frame(check: SightCheck, crs: Any) -> gpd.GeoDataFrame:
    """A sight line over terrain with its certainty (uncertain lines are amber)."""
    frame = sightline_frame(check.line, crs)
    if check.verdict == UNCERTAIN:
        frame["status"] = UNCERTAIN
    frame["verdict"] = check.verdict
    frame["by_terrain"] = check.by_terrain
    frame["ground"] = "flat" if check.flat_ground else "terrain"
    frame["height_sources"] = check.height_sources
    frame["label"] = check.describe()
    return frame


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


def terrain_viewshed_frame(
    result: TerrainViewshed, crs: Any, index: VisibilityIndex | None = None
) -> gpd.GeoDataFrame:
    """A viewshed over terrain: the "ground" feature, an "uncertain" one, and the
    ground model and grid cell (``ground_model`` "terrain", ``cell_m``)."""
    frame = _uncertain_row(viewshed_frame(result, crs, index), result.uncertain)
    frame["ground_model"] = result.ground_model
    frame["cell_m"] = result.cell_m
    return frame


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
    extra = ["certainty"] if "certainty" in positions else []
    return ground, positions[[*POSITION_COLUMNS, *extra, "geometry"]]


#: Default layer (table) names of each result kind: the kind (see layers.names).
DEFAULT_NAMES = {
    "sightline": "sightline",
    "viewshed": "viewshed",
    "exposure": "exposure",
    "overlooks": "overlooks",
}


def result_layers(
    result: Any,
    crs: Any,
    *,
    name: str | None = None,
    index: VisibilityIndex | None = None,
) -> list[VectorLayer]:
    """Turn an analysis result into layer(s) (exposure gives two: ground, positions).

    With ``index``, every frame records the height sources it rests on (column
    ``height_sources``), so a result computed before an import of measured heights
    can be flagged as stale; every frame says which ground model the result rests on
    (``ground_model``: "flat" or "terrain").
    """
    layers = _result_layers(result, crs, name=name, index=index)
    model = ground_model(getattr(result, "nominal", result))
    for layer in layers:
        if "ground_model" not in layer.data:
            layer.data["ground_model"] = model
    if index is not None and index.height_sources:
        for layer in layers:
            if "height_sources" not in layer.data:
                layer.data["height_sources"] = index.height_sources
    return layers


def _uncertain_row(frame: gpd.GeoDataFrame, geom: BaseGeometry) -> gpd.GeoDataFrame:
    """``frame`` plus one ``part="uncertain"`` polygon (ground that flips within the
    height uncertainty), other columns copied from the first row."""
    if geom.is_empty:
        return frame
    row = frame.iloc[:1].copy() if len(frame) else gpd.GeoDataFrame(geometry=[None], crs=frame.crs)
    row["part"] = "uncertain"
    row["area_m2"] = geom.area
    row = row.set_geometry([shapely.normalize(geom)], crs=frame.crs)
    return gpd.GeoDataFrame(pd.concat([frame, row], ignore_index=True), crs=frame.crs)


def _result_layers(
    result: Any,
    crs: Any,
    *,
    name: str | None = None,
    index: VisibilityIndex | None = None,
) -> list[VectorLayer]:
    if isinstance(result, ViewshedRange):
        (layer,) = _result_layers(result.nominal, crs, name=name, index=index)
        layer.data = _uncertain_row(layer.data, result.uncertain)
        return [layer]
    if isinstance(result, ExposureRange):
        ground_layer, positions = _result_layers(result.nominal, crs, name=name, index=index)
        ground_layer.data = _uncertain_row(ground_layer.data, result.most.difference(result.least))
        return [ground_layer, positions]
    if isinstance(result, SightCheck):
        return [SightlineLayer(name or DEFAULT_NAMES["sightline"], sightcheck_frame(result, crs))]
    if isinstance(result, LineOfSight):
        return [SightlineLayer(name or DEFAULT_NAMES["sightline"], sightline_frame(result, crs))]
    if isinstance(result, Isovist):
        return [ViewshedLayer(name or DEFAULT_NAMES["viewshed"], isovist_frame(result, crs))]
    if isinstance(result, TerrainViewshed):
        frame = terrain_viewshed_frame(result, crs, index)
        return [ViewshedLayer(name or DEFAULT_NAMES["viewshed"], frame)]
    if isinstance(result, Viewshed25D):
        return [
            ViewshedLayer(name or DEFAULT_NAMES["viewshed"], viewshed_frame(result, crs, index))
        ]
    if isinstance(result, ExposureResult):
        ground, positions = exposure_frames(result, crs)
        base = name or DEFAULT_NAMES["exposure"]
        over = f"{name}_positions" if name else DEFAULT_NAMES["overlooks"]
        return [ExposureLayer(base, ground), OverlookLayer(over, positions)]
    raise TypeError(f"no layer kind for {type(result).__name__}")


def put_result(
    layers: LayerList,
    result: Any,
    crs: Any,
    *,
    name: str | None = None,
    index: VisibilityIndex | None = None,
) -> list[VectorLayer]:
    """Add (or update) the layer(s) of ``result`` in ``layers``; return them."""
    return [put_layer(layers, lyr) for lyr in result_layers(result, crs, name=name, index=index)]
