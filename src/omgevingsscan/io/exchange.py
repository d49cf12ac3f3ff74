"""Sightings exchange with the police and other observers: GeoJSON, CSV, scan files.

The GeoJSON exchange format is an RFC 7946 FeatureCollection of Points in WGS84
(longitude, latitude) whose properties are:

========== ==============================================================
uuid       stable identifier (UUID); merges match on it
time       ISO 8601 with UTC offset, e.g. ``2024-05-01T14:30:00.000+02:00``
category   ``person``, ``vehicle``, ``drone`` or ``other``
description, observer, post, plate, colour   text ("" when not known)
severity   whole number 1–5
========== ==============================================================

:func:`read_sightings_geojson` checks every feature and raises one
:class:`ExchangeError` naming each feature (index from 0, and uuid when given) that
does not fit and why.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Any

import pyogrio
from shapely.geometry import Point

from omgevingsscan.crs import WGS84, transformer
from omgevingsscan.errors import InputFileError
from omgevingsscan.io.journal import release_file
from omgevingsscan.io.project import read_metadata
from omgevingsscan.layers.base import layer_class
from omgevingsscan.layers.records import Record, RecordLayer, format_utc, frame_to_records
from omgevingsscan.layers.sightings import Sighting

#: Property names of the exchange format, in output order.
PROPERTIES = (
    "uuid",
    "time",
    "category",
    "description",
    "observer",
    "post",
    "severity",
    "plate",
    "colour",
)
_REQUIRED = ("uuid", "time", "category", "severity")
#: Most feature problems listed in one error message.
MAX_PROBLEMS = 10


class ExchangeError(InputFileError):
    """An exchange file (GeoJSON) whose content does not fit the format."""


# -- GeoJSON -----------------------------------------------------------------------------------
def sightings_to_geojson(
    sightings: Iterable[Sighting], crs: str, tz: tzinfo | None = None
) -> dict[str, Any]:
    """The exchange FeatureCollection of ``sightings`` (geometries in ``crs``, metres).

    ``tz`` is the zone of the written times (default: the machine's local zone); the
    offset is always written, so readers get the exact instant.
    """
    to_wgs = transformer(crs, WGS84)
    features = []
    for s in sightings:
        lon, lat = to_wgs.transform(s.geometry.x, s.geometry.y)
        local = s.time.astimezone(tz) if tz is not None else s.time.astimezone()
        props = {
            "uuid": s.uuid,
            "time": local.isoformat(timespec="milliseconds"),
            "category": s.category,
            "description": s.description,
            "observer": s.observer,
            "post": s.post,
            "severity": s.severity,
            "plate": s.plate,
            "colour": s.colour,
        }
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def sightings_geojson_text(
    sightings: Iterable[Sighting], crs: str, tz: tzinfo | None = None
) -> str:
    """:func:`sightings_to_geojson` as JSON text (UTF-8, not ASCII-escaped)."""
    return json.dumps(sightings_to_geojson(sightings, crs, tz), ensure_ascii=False, indent=1)


#: Features farther than this from the site (metres) are refused (swapped coordinates).
MAX_DISTANCE_M = 50_000.0


def _feature_problem(
    i: int, feature: object, crs: str, site: Point | None = None
) -> tuple[Sighting | None, str | None]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, f"feature {i}: not a GeoJSON Feature"
    props = feature.get("properties")
    ident = f"feature {i}"
    if isinstance(props, dict) and props.get("uuid"):
        ident += f" ({props['uuid']})"
    geom = feature.get("geometry")
    if not isinstance(geom, dict) or geom.get("type") != "Point":
        kind = geom.get("type") if isinstance(geom, dict) else geom
        return None, f"{ident}: geometry must be a Point, got {kind!r}"
    coords = geom.get("coordinates")
    if (
        not isinstance(coords, list)
        or len(coords) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2])
        or not all(math.isfinite(c) for c in coords[:2])
    ):
        return None, f"{ident}: coordinates {coords!r} are not [longitude, latitude]"
    lon, lat = float(coords[0]), float(coords[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return None, f"{ident}: [{lon}, {lat}] is not a WGS84 longitude, latitude"
    if not isinstance(props, dict):
        return None, f"{ident}: properties missing"
    missing = [k for k in _REQUIRED if props.get(k) in (None, "")]
    if missing:
        return None, f"{ident}: property {', '.join(missing)} missing"
    unknown_types = [
        k
        for k in PROPERTIES
        if k in props and props[k] is not None and not isinstance(props[k], str | int | float)
    ]
    if unknown_types:
        return None, f"{ident}: property {', '.join(unknown_types)} must be text or a number"
    x, y = transformer(WGS84, crs).transform(lon, lat)
    if not (math.isfinite(x) and math.isfinite(y)):
        return None, f"{ident}: [{lon}, {lat}] cannot be placed in {crs}"
    if site is not None and site.distance(Point(x, y)) > MAX_DISTANCE_M:
        km = site.distance(Point(x, y)) / 1000
        return None, (
            f"{ident}: [{lon}, {lat}] lies {km:.0f} km from the site "
            "(longitude and latitude swapped?)"
        )
    kwargs = {k: props[k] for k in PROPERTIES if k in props and props[k] is not None}
    try:
        return Sighting(geometry=Point(x, y), **kwargs), None
    except ValueError as exc:
        return None, f"{ident}: {exc}"


def parse_sightings_geojson(
    data: object, crs: str, source: str | Path = "GeoJSON", site: Point | None = None
) -> list[Sighting]:
    """Sightings from a parsed exchange FeatureCollection, geometries in ``crs``.

    ``site`` (local CRS) enables the sanity check that every feature lies within
    :data:`MAX_DISTANCE_M` of it.

    Raises
    ------
    ExchangeError
        Naming each feature that does not fit (all or nothing: no sighting is returned
        when one feature is wrong).
    """
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ExchangeError(source, "not a GeoJSON FeatureCollection")
    crs_member = data.get("crs")
    if crs_member is not None:
        name = (
            str((crs_member.get("properties") or {}).get("name", ""))
            if isinstance(crs_member, dict)
            else ""
        )
        if not any(tag in name.upper() for tag in ("CRS84", "4326")):
            raise ExchangeError(
                source, f"coordinates must be WGS84 longitude/latitude, not {name or crs_member!r}"
            )
    features = data.get("features")
    if not isinstance(features, list):
        raise ExchangeError(source, "the FeatureCollection has no features list")
    out: list[Sighting] = []
    problems: list[str] = []
    for i, feature in enumerate(features):
        sighting, problem = _feature_problem(i, feature, crs, site)
        if problem:
            problems.append(problem)
        elif sighting is not None:
            out.append(sighting)
    if problems:
        shown = "; ".join(problems[:MAX_PROBLEMS])
        more = f"; and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS else ""
        raise ExchangeError(
            source, f"{len(problems)} of {len(features)} features do not fit: {shown}{more}"
        )
    return out


def read_sightings_geojson(path: str | Path, crs: str, site: Point | None = None) -> list[Sighting]:
    """Read an exchange GeoJSON file; geometries converted to ``crs`` (metres).

    Raises
    ------
    InputFileError
        Missing file or not JSON.
    ExchangeError
        Features that do not fit (see :func:`parse_sightings_geojson`).
    """
    p = Path(path)
    if not p.exists():
        raise InputFileError(p, "file not found")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputFileError(p, "not UTF-8 text") from exc
    except ValueError as exc:
        raise InputFileError(p, f"not valid JSON ({exc})") from exc
    return parse_sightings_geojson(data, crs, p, site)


# -- CSV -----------------------------------------------------------------------------------------
CSV_COLUMNS = (
    "uuid",
    "time_utc",
    "time_local",
    "category",
    "description",
    "plate",
    "colour",
    "observer",
    "post",
    "severity",
    "lat",
    "lon",
    "x",
    "y",
)


def safe_cell(text: str) -> str:
    """Text for a CSV cell; text a spreadsheet would run as a formula (``=``, ``+``, ``-``,
    ``@``, tab, CR first) gets a leading ``'`` so it is shown, never run."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def sightings_csv(sightings: Sequence[Sighting], crs: str, tz: tzinfo | None = None) -> str:
    """The sightings as CSV text: UTC and local time, WGS84 lat/lon and ``x``/``y`` in ``crs``.

    Free-text cells are passed through :func:`safe_cell` (no formula injection).
    """
    to_wgs = transformer(crs, WGS84)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in sightings:
        lon, lat = to_wgs.transform(s.geometry.x, s.geometry.y)
        local = s.time.astimezone(tz) if tz is not None else s.time.astimezone()
        writer.writerow(
            [
                s.uuid,
                format_utc(s.time),
                local.isoformat(timespec="seconds"),
                s.category,
                safe_cell(s.description),
                safe_cell(s.plate),
                safe_cell(s.colour),
                safe_cell(s.observer),
                safe_cell(s.post),
                s.severity,
                f"{lat:.7f}",
                f"{lon:.7f}",
                f"{s.geometry.x:.2f}",
                f"{s.geometry.y:.2f}",
            ]
        )
    return buf.getvalue()


# -- other observers' scan files -----------------------------------------------------------------
def read_scan_records(path: str | Path, kind: str, crs: str) -> list[Record]:
    """The records of ``kind`` ("posts", "sightings", "annotations") in another scan file.

    Only the record tables are read (not the whole scan); geometries are converted to
    ``crs``. A scan without such a layer gives an empty list.

    Raises
    ------
    InputFileError
        Not a scan file, or a row that does not validate (named).
    """
    p = Path(path)
    meta = read_metadata(p)
    release_file(p)
    cls = layer_class(kind)
    if not issubclass(cls, RecordLayer):
        raise ValueError(f"layer kind {kind!r} holds no records")
    out: list[Record] = []
    for state in meta.get("layers", []):
        if state.get("kind") != kind:
            continue
        frame = pyogrio.read_dataframe(p, layer=state["name"])
        if frame.crs is None:
            frame = frame.set_crs(meta.get("crs") or crs)
        if frame.crs.to_string() != crs:
            frame = frame.to_crs(crs)
        try:
            out.extend(frame_to_records(frame, cls.record_type))
        except ValueError as exc:
            raise InputFileError(p, f"table {state['name']!r} {exc}") from exc
    return out
