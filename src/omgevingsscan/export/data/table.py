"""Sightings as CSV for a spreadsheet: one row per sighting, times in ISO 8601 UTC,
WGS84 degrees and the scan CRS position in metres; formula-like text is defused.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from omgevingsscan.errors import ExportError
from omgevingsscan.export.data.common import (
    SIGHTING_KINDS,
    WGS84_DECIMALS,
    attribute_columns,
    json_value,
    layers_of_kind,
    to_wgs84,
    vector_layers,
)
from omgevingsscan.export.files import atomic_target
from omgevingsscan.scan import Scan


def _csv_cell(value: Any) -> str:
    """Text of a cell; text that a spreadsheet would run as a formula gets a leading '."""
    v = json_value(value)
    if v is None:
        return ""
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    text = str(v)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def sightings_csv(scan: Scan, layers: Iterable[str] | None = None) -> str:
    """Sightings (layers with "sighting" in their kind, or the named ones) as CSV text.

    One row per sighting, sorted by ``time`` when there is one; columns: ``layer``,
    the layer's attributes (times in ISO 8601 UTC), ``lat``/``lon`` (WGS84 degrees) and
    the position in the scan CRS in metres (``x_epsg28992``…).

    Raises
    ------
    ExportError
        When the scan has no sightings layer.
    """
    chosen = layers_of_kind(scan, SIGHTING_KINDS) if layers is None else vector_layers(scan, layers)
    if not chosen:
        raise ExportError("CSV export: the scan has no sightings layer")
    code = scan.crs.lower().replace(":", "")
    frames = []
    for layer in chosen:
        local = layer.data
        wgs = to_wgs84(local, scan.crs)
        table = pd.DataFrame({"layer": [layer.name] * len(local)}, index=local.index)
        for col in attribute_columns(local):
            table[col] = local[col]
        pts = [
            g if g is None or g.geom_type == "Point" else g.representative_point()
            for g in wgs.geometry
        ]
        loc = [
            g if g is None or g.geom_type == "Point" else g.representative_point()
            for g in local.geometry
        ]
        table["lat"] = [None if p is None else round(p.y, WGS84_DECIMALS) for p in pts]
        table["lon"] = [None if p is None else round(p.x, WGS84_DECIMALS) for p in pts]
        table[f"x_{code}"] = [None if p is None else round(p.x, 3) for p in loc]
        table[f"y_{code}"] = [None if p is None else round(p.y, 3) for p in loc]
        frames.append(table)
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if "time" in table.columns:
        table = table.sort_values("time", kind="stable", na_position="last")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(table.columns))
    for row in table.itertuples(index=False):
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


def write_sightings_csv(scan: Scan, path: str | Path, layers: Iterable[str] | None = None) -> Path:
    """Write the sightings CSV (UTF-8 with BOM, so spreadsheet programs read accents)."""
    text = sightings_csv(scan, layers)
    with atomic_target(path, "csv") as tmp:
        tmp.write_bytes(text.encode("utf-8-sig"))
    return Path(path)
