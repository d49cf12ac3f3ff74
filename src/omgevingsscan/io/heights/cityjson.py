"""Read building footprints and attributes from CityJSON (``.city.json``) and
CityJSON Lines (``.city.jsonl``) files, as the 3D BAG publishes its tiles.

Only what the height import needs: each ``Building`` city object's id, its
attributes, and its footprint (the LoD 0 surface when present, else the 2D outline of
its own and its parts' geometry). Vertices are dequantised with the file's
``transform``. The horizontal CRS comes from ``metadata.referenceSystem`` (3D BAG:
EPSG:7415, RD New + NAP, whose horizontal part is EPSG:28992). No Qt here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from shapely.geometry import Polygon

from omgevingsscan.errors import InputFileError

_EPSG = re.compile(r"EPSG(?:/0/|::?)(\d+)", re.I)


def _crs(meta: dict[str, Any], path: Path) -> CRS:
    ref = str((meta.get("metadata") or {}).get("referenceSystem") or "")
    m = _EPSG.search(ref)
    if not m:
        raise InputFileError(path, "CityJSON without a referenceSystem (EPSG code) in metadata")
    crs = CRS.from_epsg(int(m.group(1)))
    if crs.is_compound:
        crs = crs.sub_crs_list[0]
    return crs


def _surfaces(geometry: dict[str, Any]) -> Iterator[list[int]]:
    """Outer rings (vertex indices) of every surface of a CityJSON geometry."""
    kind = geometry.get("type")
    bounds = geometry.get("boundaries") or []
    if kind in ("MultiSurface", "CompositeSurface"):
        shells = [bounds]
    elif kind == "Solid":
        shells = bounds
    elif kind in ("MultiSolid", "CompositeSolid"):
        shells = [shell for solid in bounds for shell in solid]
    else:
        shells = []
    for shell in shells:
        for surface in shell:
            if surface and surface[0]:
                yield surface[0]


def _footprint(objects: dict[str, Any], key: str, xy: np.ndarray) -> Polygon | None:
    """Footprint of city object ``key``: its LoD 0 surfaces, else the 2D union of its
    and its children's surfaces (the projection of a solid is its footprint)."""
    obj = objects[key]
    geoms = list(obj.get("geometry") or [])
    lod0 = [g for g in geoms if str(g.get("lod", "")).startswith("0")]
    if not lod0:
        for child in obj.get("children") or []:
            geoms += list((objects.get(child) or {}).get("geometry") or [])
        lod0 = geoms
    rings = [xy[np.asarray(r, dtype=np.int64)] for g in lod0 for r in _surfaces(g)]
    polys = [Polygon(r) for r in rings if len(r) >= 3]
    polys = [p for p in shapely.make_valid(np.asarray(polys, dtype=object)) if p.area > 1e-6]
    if not polys:
        return None
    merged = shapely.union_all(polys)
    parts = [p for p in shapely.get_parts(merged) if isinstance(p, Polygon)]
    return max(parts, key=lambda p: p.area) if len(parts) == 1 else shapely.union_all(parts)


def _vertices(doc: dict[str, Any], transform: dict[str, Any] | None) -> np.ndarray:
    v = np.asarray(doc.get("vertices") or [], dtype=float).reshape(-1, 3)
    if transform:
        v = v * np.asarray(transform.get("scale", [1, 1, 1]), dtype=float) + np.asarray(
            transform.get("translate", [0, 0, 0]), dtype=float
        )
    return v[:, :2]


def _rows(doc: dict[str, Any], transform: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
    objects = doc.get("CityObjects") or {}
    xy = _vertices(doc, transform)
    for key, obj in objects.items():
        if obj.get("type") != "Building":
            continue
        try:
            shape = _footprint(objects, key, xy)
        except (IndexError, ValueError):
            shape = None
        attrs = dict(obj.get("attributes") or {})
        attrs.setdefault("identificatie", key)
        yield {**attrs, "geometry": shape}


def read_cityjson(path: str | Path) -> gpd.GeoDataFrame:
    """Read the buildings of a CityJSON or CityJSON Lines file.

    Returns
    -------
    GeoDataFrame
        One row per ``Building``: its attributes (``identificatie`` is the city
        object's id when the attributes lack it) and its footprint, in the file's
        horizontal CRS (metres).

    Raises
    ------
    InputFileError
        Not JSON, not CityJSON, or without a reference system.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(p, f"cannot be read ({exc})") from exc
    rows: list[dict[str, Any]] = []
    try:
        if p.name.lower().endswith(".jsonl"):
            lines = [ln for ln in text.splitlines() if ln.strip()]
            if not lines:
                raise InputFileError(p, "file is empty")
            head = json.loads(lines[0])
            if head.get("type") != "CityJSON":
                raise InputFileError(p, "first line is not a CityJSON header")
            crs = _crs(head, p)
            for line in lines[1:]:
                rows.extend(_rows(json.loads(line), head.get("transform")))
        else:
            doc = json.loads(text)
            if not isinstance(doc, dict) or doc.get("type") != "CityJSON":
                raise InputFileError(p, "not a CityJSON file (type is not 'CityJSON')")
            crs = _crs(doc, p)
            rows.extend(_rows(doc, doc.get("transform")))
    except json.JSONDecodeError as exc:
        raise InputFileError(p, f"not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not rows:
        return gpd.GeoDataFrame({"identificatie": []}, geometry=[], crs=crs)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)
