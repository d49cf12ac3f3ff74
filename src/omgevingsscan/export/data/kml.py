"""KML (Google Earth, TAK): one folder per layer, styled like the map, in WGS84."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from omgevingsscan import __version__
from omgevingsscan.export.data.common import (
    WGS84_DECIMALS,
    attribute_columns,
    feature_name,
    json_value,
    round_geometry,
    to_wgs84,
    vector_layers,
)
from omgevingsscan.export.files import write_text_atomic
from omgevingsscan.export.styles import display_title, feature_styles, kml_colour, screen_width_px
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.scan import Scan

with warnings.catch_warnings():
    # fastkml warns at import when lxml is absent (only pretty-printing needs it).
    warnings.simplefilter("ignore", UserWarning)
    from fastkml import containers, data, features, kml, styles

import pygeoif

_KML_NS = "http://www.opengis.net/kml/2.2"


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
                geom = round_geometry(row.geometry, WGS84_DECIMALS)
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
