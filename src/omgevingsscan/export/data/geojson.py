"""GeoJSON (for QGIS): one FeatureCollection per layer, in WGS84, attributes kept."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shapely.geometry import mapping

from omgevingsscan.export.data.common import (
    WGS84_DECIMALS,
    attribute_columns,
    json_value,
    round_geometry,
    to_wgs84,
    vector_layers,
)
from omgevingsscan.export.files import check_folder, write_text_atomic
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan


def layer_geojson(layer: VectorLayer, crs: str) -> dict[str, Any]:
    """The layer as an RFC 7946 FeatureCollection (WGS84 lon/lat, no ``crs`` member)."""
    frame = to_wgs84(layer.data, crs)
    cols = attribute_columns(frame)
    id_col = next(
        (c for c in ("uuid", "osm_id") if c in frame.columns and frame[c].is_unique), None
    )
    feats = []
    for i, (geom, (_, row)) in enumerate(zip(frame.geometry, frame[cols].iterrows())):
        rounded = round_geometry(geom, WGS84_DECIMALS)
        feature: dict[str, Any] = {
            "type": "Feature",
            "geometry": mapping(rounded) if rounded is not None else None,
            "properties": {c: json_value(row[c]) for c in cols},
        }
        if id_col is not None:
            feature["id"] = json_value(frame[id_col].iloc[i])
        feats.append(feature)
    out: dict[str, Any] = {"type": "FeatureCollection", "features": feats}
    if len(frame) and not frame.geometry.is_empty.all():
        x0, y0, x1, y1 = frame.total_bounds
        out["bbox"] = [round(float(v), WGS84_DECIMALS) for v in (x0, y0, x1, y1)]
    out["name"] = layer.name
    out["attribution"] = ATTRIBUTION
    return out


def write_geojson(
    scan: Scan, folder: str | Path, layers: Iterable[str] | None = None
) -> list[Path]:
    """Write one ``<layer>.geojson`` per vector layer (or per named layer) into ``folder``.

    Returns the paths written. The folder is created if its parent exists.
    """
    out_dir = check_folder(folder)
    written = []
    for layer in vector_layers(scan, layers):
        path = out_dir / f"{_safe_name(layer.name)}.geojson"
        text = json.dumps(layer_geojson(layer, scan.crs), ensure_ascii=False, allow_nan=False)
        written.append(write_text_atomic(text, path, "geojson"))
    return written


def write_layer_geojson(scan: Scan, layer: str, path: str | Path) -> Path:
    """Write one layer as GeoJSON to ``path``."""
    (found,) = vector_layers(scan, [layer])
    text = json.dumps(layer_geojson(found, scan.crs), ensure_ascii=False, allow_nan=False)
    return write_text_atomic(text, path, "geojson")


def _safe_name(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).strip("._")
    return cleaned or "layer"
