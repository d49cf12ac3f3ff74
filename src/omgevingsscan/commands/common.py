"""Helpers shared by CLI sub-commands: loading a scan, parsing points, writing output."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import geopandas as gpd

from omgevingsscan.crs import from_wgs84
from omgevingsscan.errors import InputFileError, SiteError
from omgevingsscan.io.project import load_scan
from omgevingsscan.io.terrain import bind as bind_terrain
from omgevingsscan.scan import Scan
from omgevingsscan.settings import EYE_HEIGHT_M

_POINT = re.compile(
    r"^\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)\s*(?:@\s*(\d+(?:\.\d+)?))?\s*$"
)


def open_scan(path: str) -> Scan:
    """Load the scan at ``path`` (errors name the file), with its terrain sidecar."""
    scan = load_scan(path)
    bind_terrain(scan, path)
    return scan


def parse_point(
    text: str, scan: Scan, default_height: float = EYE_HEIGHT_M
) -> tuple[float, float, float]:
    """Parse "LAT,LON[@H]" into ``(x, y, height)``: metres in the scan's CRS, H metres.

    Raises
    ------
    SiteError
        When the text is not of that form or lies outside the study area by far.
    """
    m = _POINT.match(text)
    if not m:
        raise SiteError(f"point {text!r} is not of the form LAT,LON or LAT,LON@HEIGHT")
    lat, lon = float(m.group(1)), float(m.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise SiteError(f"point {text!r} is not a WGS84 position")
    x, y = from_wgs84(lat, lon, scan.crs)
    height = float(m.group(3)) if m.group(3) else default_height
    return x, y, height


def write_text_atomic(text: str, out: str | None) -> None:
    """Write ``text`` to ``out`` atomically, or to stdout when ``out`` is None or "-"."""
    if out in (None, "-"):
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    target = Path(out)
    if not target.parent.exists():
        raise InputFileError(target, "folder does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise InputFileError(target, f"cannot be written ({exc.strerror})") from exc


def geojson_text(frame: gpd.GeoDataFrame, extra: dict[str, Any] | None = None) -> str:
    """Return ``frame`` as RFC 7946 GeoJSON text in WGS84, with optional top-level members."""
    data = json.loads(frame.to_crs("EPSG:4326").to_json(na="null", drop_id=True))
    data.pop("crs", None)
    if extra:
        data.update(extra)
    return json.dumps(data, ensure_ascii=False)
