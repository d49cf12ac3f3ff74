"""Data exports for other tools: GeoJSON (QGIS), KML (Google Earth, TAK), GPX, CSV, .gpkg.

Everything a scan stores is in its local metric CRS; these exports convert to WGS84 at
the edge. Every file is written atomically (temporary file, then rename). The
functions work on any vector layer, so layers added by analyses are exported the
same way as the OSM layers.
"""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import gpxpy
import gpxpy.gpx
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from omgevingsscan import __version__
from omgevingsscan.crs import WGS84
from omgevingsscan.errors import ExportError
from omgevingsscan.export.files import (
    atomic_target,
    check_folder,
    check_target,
    write_text_atomic,
)
from omgevingsscan.export.styles import (
    display_title,
    feature_styles,
    kml_colour,
    screen_width_px,
)
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.io.project import save_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan

with warnings.catch_warnings():
    # fastkml warns at import when lxml is absent (only pretty-printing needs it).
    warnings.simplefilter("ignore", UserWarning)
    from fastkml import containers, data, features, kml, styles

import pygeoif

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
_KML_NS = "http://www.opengis.net/kml/2.2"


# -- helpers ------------------------------------------------------------------------------
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


def _round_geometry(geom: BaseGeometry | None, decimals: int) -> BaseGeometry | None:
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


# -- GeoJSON ------------------------------------------------------------------------------
def layer_geojson(layer: VectorLayer, crs: str) -> dict[str, Any]:
    """The layer as an RFC 7946 FeatureCollection (WGS84 lon/lat, no ``crs`` member)."""
    frame = to_wgs84(layer.data, crs)
    cols = attribute_columns(frame)
    id_col = next(
        (c for c in ("uuid", "osm_id") if c in frame.columns and frame[c].is_unique), None
    )
    feats = []
    for i, (geom, (_, row)) in enumerate(zip(frame.geometry, frame[cols].iterrows())):
        rounded = _round_geometry(geom, WGS84_DECIMALS)
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


# -- KML ------------------------------------------------------------------------------------
def _kml_style(style_id: str, style: dict[str, Any], geometry_kind: str) -> styles.Style:
    parts: list[Any] = []
    stroke = style.get("stroke") or style.get("fill")
    if geometry_kind == "point":
        parts.append(
            styles.IconStyle(
                color=kml_colour(style.get("fill") or stroke),
                scale=max(0.5, min(float(style.get("marker_size") or 6.0) / 10.0, 2.0)),
            )
        )
        parts.append(styles.LabelStyle(scale=0.8))
    else:
        parts.append(
            styles.LineStyle(
                color=kml_colour(stroke, 1.0, "#333333"),
                width=round(screen_width_px(style), 1),
            )
        )
        if geometry_kind == "polygon":
            fill = style.get("fill")
            parts.append(
                styles.PolyStyle(
                    color=kml_colour(fill, 0.55 * float(style.get("fill_opacity", 1.0))),
                    fill=fill is not None,
                    outline=style.get("stroke") is not None,
                )
            )
    return styles.Style(id=style_id, styles=parts)


def kml_document(scan: Scan, layers: Iterable[str] | None = None) -> kml.KML:
    """The scan's layers as a KML document: one folder per layer, named placemarks,
    shared styles from the layer styles, attributes as ExtendedData."""
    doc_styles: list[styles.Style] = []
    folders = []
    for li, layer in enumerate(vector_layers(scan, layers)):
        frame = to_wgs84(layer.data, scan.crs)
        cols = attribute_columns(frame)
        title = display_title(layer)
        placemarks: list[tuple[int, features.Placemark]] = []
        for si, (style, rows, label) in enumerate(feature_styles(layer.style, frame)):
            style_id = f"s{li}_{si}"
            doc_styles.append(_kml_style(style_id, style, layer.geometry_kind))
            for pos in rows:
                row = frame.iloc[int(pos)]
                geom = _round_geometry(row.geometry, WGS84_DECIMALS)
                if geom is None:
                    continue
                name = feature_name(row, f"{title} {int(pos) + 1}")
                extended = data.ExtendedData(
                    elements=[
                        data.Data(name=c, value=str(v))
                        for c in cols
                        if (v := json_value(row[c])) not in (None, "")
                    ]
                )
                placemarks.append(
                    (
                        int(pos),
                        features.Placemark(
                            name=name,
                            description=f"{title}" + (f" – {label}" if label else ""),
                            style_url=styles.StyleUrl(url=f"#{style_id}"),
                            extended_data=extended,
                            geometry=pygeoif.shape(geom),
                        ),
                    )
                )
        placemarks.sort(key=lambda item: item[0])
        folders.append(
            containers.Folder(
                name=title,
                visibility=layer.visible,
                features=[p for _, p in placemarks],
            )
        )
    exported = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    document = containers.Document(
        name=f"Omgevingsscan {scan.site.name}",
        description=(
            f"{ATTRIBUTION}. Data date {(scan.data_date or '')[:10]}; exported {exported} "
            f"with omgevingsscan {__version__}."
        ),
        styles=doc_styles,
        features=folders,
    )
    return kml.KML(features=[document])


def kml_text(scan: Scan, layers: Iterable[str] | None = None) -> str:
    """KML text (UTF-8, default namespace) of :func:`kml_document`."""
    element = kml_document(scan, layers).etree_element()
    # Write KML in the default namespace (<kml xmlns=...><Document>…), which every
    # KML reader accepts, rather than ElementTree's "kml:" prefixes.
    prefix = "{" + _KML_NS + "}"
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag.startswith(prefix):
            node.tag = node.tag[len(prefix) :]
    element.set("xmlns", _KML_NS)
    body = ET.tostring(element, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def write_kml(scan: Scan, path: str | Path, layers: Iterable[str] | None = None) -> Path:
    """Write the layers (default: all vector layers) as KML to ``path``."""
    return write_text_atomic(kml_text(scan, layers), path, "kml")


# -- GPX ------------------------------------------------------------------------------------
def gpx_document(scan: Scan, layers: Iterable[str] | None = None) -> gpxpy.gpx.GPX:
    """Route layers (kinds with "route"/"escape"; or the named line layers) as GPX tracks,
    one track per feature with a segment per part, plus the site as a waypoint.

    Raises
    ------
    ExportError
        When there is no route layer (or a named layer is not made of lines).
    """
    chosen = layers_of_kind(scan, ROUTE_KINDS) if layers is None else vector_layers(scan, layers)
    lines = [
        layer
        for layer in chosen
        if len(layer)
        and layer.data.geometry.geom_type.isin(["LineString", "MultiLineString"]).any()
    ]
    if not lines:
        what = "route layers" if layers is None else "line features in the layers named"
        raise ExportError(
            f"GPX export: the scan has no {what}; compute a route first (Analysis menu)"
        )
    gpx = gpxpy.gpx.GPX()
    gpx.name = f"Omgevingsscan {scan.site.name}"
    gpx.description = f"{ATTRIBUTION}. omgevingsscan {__version__}"
    gpx.creator = f"omgevingsscan {__version__}"
    site = gpxpy.gpx.GPXWaypoint(
        round(scan.site.lat, WGS84_DECIMALS),
        round(scan.site.lon, WGS84_DECIMALS),
        name=scan.site.name,
        description="site",
    )
    gpx.waypoints.append(site)
    for layer in lines:
        frame = to_wgs84(layer.data, scan.crs)
        title = display_title(layer)
        for i, (_, row) in enumerate(frame.iterrows()):
            geom = row.geometry
            if geom is None or geom.geom_type not in ("LineString", "MultiLineString"):
                continue
            track = gpxpy.gpx.GPXTrack(name=feature_name(row, f"{title} {i + 1}"))
            attrs = [
                f"{c}={v}"
                for c in attribute_columns(frame)
                if (v := json_value(row[c])) not in (None, "") and c not in NAME_COLUMNS[:1]
            ]
            track.description = "; ".join([title, *attrs])[:1000]
            for part in shapely.get_parts(geom):
                segment = gpxpy.gpx.GPXTrackSegment()
                for lon, lat in np.asarray(part.coords)[:, :2]:
                    segment.points.append(
                        gpxpy.gpx.GPXTrackPoint(
                            round(float(lat), WGS84_DECIMALS), round(float(lon), WGS84_DECIMALS)
                        )
                    )
                track.segments.append(segment)
            gpx.tracks.append(track)
    return gpx


def write_gpx(scan: Scan, path: str | Path, layers: Iterable[str] | None = None) -> Path:
    """Write the route layers (or the named ones) as GPX 1.1 to ``path``."""
    return write_text_atomic(gpx_document(scan, layers).to_xml(version="1.1"), path, "gpx")


# -- CSV ------------------------------------------------------------------------------------
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


# -- GeoPackage -----------------------------------------------------------------------------
def copy_gpkg(source: str | Path, path: str | Path) -> Path:
    """Copy the scan file ``source`` byte for byte to ``path`` (atomically)."""
    src = Path(source)
    if not src.is_file():
        raise ExportError(f"{src}: scan file not found")
    if Path(path).expanduser().resolve() == src.resolve():
        raise ExportError(f"{path}: is the scan file itself; choose another name")
    with atomic_target(path, "gpkg") as tmp:
        shutil.copyfile(src, tmp)
    return Path(path)


def save_gpkg_copy(scan: Scan, path: str | Path) -> Path:
    """Save the scan as it is in memory to a new GeoPackage ``path``."""
    target = check_target(path, "gpkg")
    return save_scan(scan, target)
