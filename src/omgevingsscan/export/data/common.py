"""What every data export shares: the vector layers to export, conversion to WGS84 at
the edge (rounded to about a millimetre), JSON-able attribute values, feature names.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from omgevingsscan.crs import WGS84
from omgevingsscan.errors import ExportError
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan

#: Decimal places of WGS84 degrees in GeoJSON/KML/GPX/CSV: 1e-8° is about 1 mm.
WGS84_DECIMALS = 8
#: Columns never exported as attributes (raw OSM tag dumps are long and noisy).
SKIP_COLUMNS = ("tags",)
#: Columns that name a feature, in order of preference (KML/GPX names, popups).
NAME_COLUMNS = (
    "name",
    "route",
    "label",
    "title",
    "text",
    "category",
    "description",
    "kind",
    "type",
)
#: Layer-kind fragments for routes and for sightings.
ROUTE_KINDS = ("route", "escape")
SIGHTING_KINDS = ("sighting",)


def vector_layers(scan: Scan, names: Iterable[str] | None = None) -> list[VectorLayer]:
    """The scan's vector layers (bottom first), or those called ``names``.

    Raises
    ------
    ExportError
        When a name is not a vector layer of the scan.
    """
    layers = [layer for layer in scan.layers if isinstance(layer, VectorLayer)]
    if names is None:
        return layers
    wanted = [n.strip() for n in names if n.strip()]
    by_name = {layer.name: layer for layer in layers}
    missing = [n for n in wanted if n not in by_name]
    if missing:
        raise ExportError(
            f"layer {', '.join(map(repr, missing))} not in the scan; it has {', '.join(by_name)}"
        )
    return [by_name[n] for n in wanted]


def layers_of_kind(scan: Scan, fragments: tuple[str, ...]) -> list[VectorLayer]:
    """Vector layers whose ``kind`` contains any of ``fragments``."""
    return [
        layer for layer in vector_layers(scan) if any(f in layer.kind.lower() for f in fragments)
    ]


def to_wgs84(frame: gpd.GeoDataFrame, crs: str) -> gpd.GeoDataFrame:
    """``frame`` in WGS84, 2-D, polygons wound by the right-hand rule (RFC 7946)."""
    if frame.crs is None:
        frame = frame.set_crs(crs)
    out = frame.to_crs(WGS84)
    geoms = shapely.force_2d(out.geometry.to_numpy())
    geoms = shapely.orient_polygons(geoms, exterior_cw=False)
    return out.set_geometry(gpd.GeoSeries(geoms, index=out.index, crs=WGS84))


def round_geometry(geom: BaseGeometry | None, decimals: int) -> BaseGeometry | None:
    if geom is None or geom.is_empty:
        return None
    return shapely.transform(geom, lambda c: np.round(c, decimals))


def json_value(value: Any) -> Any:
    """A JSON-able version of a cell value (NaN/NaT → None, times → ISO 8601 text)."""
    if value is None:
        return None
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) or math.isinf(value) else float(value)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list | str):
        return value
    if isinstance(value, np.ndarray):
        return [json_value(v) for v in value.tolist()]
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def attribute_columns(frame: pd.DataFrame) -> list[str]:
    """Columns exported as attributes: all but the geometry and raw tag dumps."""
    geom = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    return [c for c in frame.columns if c != geom and c not in SKIP_COLUMNS]


def feature_name(row: pd.Series, fallback: str) -> str:
    """The first non-empty naming column of ``row``, else ``fallback``."""
    for col in NAME_COLUMNS:
        if col in row.index:
            value = json_value(row[col])
            if value not in (None, ""):
                return str(value)
    return fallback
