"""The interactive map: one self-contained HTML file (folium + Leaflet, all inlined).

Opening the file makes no network request at all: Leaflet's script and stylesheet
(with its images as data URIs) are inlined by the ``folium-offline`` package, the map
draws the scan's layers as vectors, and there are no tiles, web fonts or CDN links.
Only when the user is in online mode may an OSM tile basemap be added, with a warning
that it tells the tile server where the site is.

Every attribute value and name is HTML-escaped before it reaches Leaflet, whose popups
and layer control use ``innerHTML``: an OSM name or a note like ``<img src=…>`` must
neither run nor fetch anything.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import offlinefolium as folium
import shapely
from branca.element import Element, MacroElement
from offlinefolium.template import Template
from shapely.geometry import box

from omgevingsscan import __version__
from omgevingsscan.crs import WGS84
from omgevingsscan.errors import ExportError
from omgevingsscan.export.data import attribute_columns, json_value, to_wgs84, vector_layers
from omgevingsscan.export.files import write_text_atomic
from omgevingsscan.export.styles import (
    display_title,
    feature_styles,
    hex_colour,
    screen_width_px,
)
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.osm import OSM_LAYER_KINDS
from omgevingsscan.layers.validity import valid_geometries
from omgevingsscan.scan import Scan

#: Degrees kept in the HTML: 1e-7° is about 1 cm, ample for a screen map.
HTML_DECIMALS = 7
#: Most attribute rows shown in a popup.
MAX_POPUP_FIELDS = 14
#: Warning shown when the user adds the online tile basemap.
BASEMAP_WARNING = (
    "The OSM tile basemap loads map tiles from tile.openstreetmap.org when the file is "
    "opened: the tile server then learns which area, and so which site, is being viewed."
)
LAND_COLOUR = "#f2efe9"
OUTSIDE_COLOUR = "#dcdcdc"
_OSM_KINDS = {cls.kind for cls in OSM_LAYER_KINDS.values()}
_LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
_LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"


class _OfflineMap(folium.Map):
    """A folium map carrying only Leaflet (inlined); no jQuery, Bootstrap or icon fonts.

    The names are the CDN addresses folium-offline uses as keys of its inlined copies;
    nothing is fetched from them.
    """

    default_js = [("leaflet", _LEAFLET_JS)]
    default_css = [("leaflet_css", _LEAFLET_CSS)]


class _MapScript(MacroElement):
    """A script run right after the map is made; in ``code`` the map is called ``map``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) { {{ this.code }} })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "MapScript"
        self.code = code


def _esc(value: Any) -> str:
    v = json_value(value)
    if v is None:
        return ""
    if isinstance(v, dict | list):
        v = json.dumps(v, ensure_ascii=False)
    return html.escape(str(v), quote=True)


#: Property names folium reserves for its own use (a popup may not show them): an
#: annotation's per-feature "style" column made the whole HTML export fail.
_FOLIUM_RESERVED = ("style", "highlight")


def _popup_fields(frame: Any) -> list[str]:
    cols = [
        c for c in attribute_columns(frame) if c not in _FOLIUM_RESERVED and frame[c].notna().any()
    ]
    return cols[:MAX_POPUP_FIELDS]


def _leaflet_style(style: dict[str, Any], geometry_kind: str, opacity: float) -> dict[str, Any]:
    stroke = style.get("stroke")
    fill = style.get("fill")
    out: dict[str, Any] = {
        "color": hex_colour(stroke or fill, "#333333"),
        "weight": round(screen_width_px(style), 2),
        "opacity": opacity if stroke or geometry_kind != "polygon" else 0.0,
    }
    if style.get("dash"):
        out["dashArray"] = " ".join(f"{float(d):g}" for d in style["dash"])
    if geometry_kind == "polygon":
        out["fill"] = fill is not None
        out["fillColor"] = hex_colour(fill, "#777777")
        out["fillOpacity"] = (
            (0.85 if fill else 0.0) * float(style.get("fill_opacity", 1.0)) * opacity
        )
    elif geometry_kind == "point":
        out["fill"] = True
        out["fillColor"] = hex_colour(fill, "#777777")
        out["fillOpacity"] = 0.95 * opacity
        out["color"] = hex_colour(stroke, "#ffffff")
        out["weight"] = 1
        out["radius"] = max(2.0, float(style.get("marker_size") or 6.0) / 2.0)
    return out


def _features(frame: Any, rows: np.ndarray, fields: list[str]) -> dict[str, Any]:
    feats = []
    for pos in rows:
        row = frame.iloc[int(pos)]
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        rounded = shapely.transform(geom, lambda c: np.round(c, HTML_DECIMALS))
        feats.append(
            {
                "type": "Feature",
                "geometry": rounded.__geo_interface__,
                "properties": {f: _esc(row[f]) for f in fields},
            }
        )
    return {"type": "FeatureCollection", "features": feats}


def _is_points(collection: dict[str, Any]) -> bool:
    return all(f["geometry"]["type"] in ("Point", "MultiPoint") for f in collection["features"])


def _star_icon(colour: str, size: int = 26) -> folium.DivIcon:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        'viewBox="-10 -10 20 20"><polygon points="0,-9.5 2.2,-3 9,-3 3.6,1.2 5.6,8 0,4 '
        f'-5.6,8 -3.6,1.2 -9,-3 -2.2,-3" fill="{colour}" stroke="#ffffff" '
        'stroke-width="1.2"/></svg>'
    )
    return folium.DivIcon(html=svg, icon_size=(size, size), icon_anchor=(size // 2, size // 2))


def _clipped(layer: VectorLayer, scan: Scan) -> Any:
    """The layer's frame; OSM base layers cut to the study area, as the canvas shows them."""
    frame = layer.data
    if layer.kind not in _OSM_KINDS or not len(frame):
        return frame
    area = scan.study_area.polygon
    geoms = valid_geometries(frame.geometry.to_numpy())  # older scans: invalid polygons
    inside = shapely.intersects(geoms, area)
    frame = frame[inside].copy()
    cut = shapely.intersection(geoms[inside], area)
    return frame.set_geometry(gpd.GeoSeries(cut, index=frame.index, crs=frame.crs))


def _add_layer(fmap: folium.Map, layer: VectorLayer, scan: Scan) -> None:
    frame = to_wgs84(_clipped(layer, scan), scan.crs)
    title = display_title(layer)
    group = folium.FeatureGroup(name=html.escape(title), show=layer.visible)
    fields = _popup_fields(frame)
    if layer.kind == "site":
        for _, row in frame.iterrows():
            if row.geometry is None or row.geometry.is_empty:
                continue
            p = row.geometry if row.geometry.geom_type == "Point" else row.geometry.centroid
            folium.Marker(
                [round(p.y, HTML_DECIMALS), round(p.x, HTML_DECIMALS)],
                icon=_star_icon(hex_colour(layer.style.get("fill"), "#c1121f")),
                tooltip=folium.Tooltip(_esc(row.get("name", title)), permanent=True),
            ).add_to(group)
        group.add_to(fmap)
        return
    for style, rows, _label in feature_styles(layer.style, frame):
        if not len(rows):
            continue
        collection = _features(frame, rows, fields)
        if not collection["features"]:
            continue
        kind = "point" if _is_points(collection) else layer.geometry_kind
        leaflet = _leaflet_style(style, kind, layer.opacity)
        kwargs: dict[str, Any] = {
            "style_function": lambda _f, s=leaflet: s,
            "control": False,
        }
        if fields:
            kwargs["popup"] = folium.GeoJsonPopup(
                fields=fields, aliases=[html.escape(f) for f in fields], localize=False
            )
        if _is_points(collection):
            kwargs["marker"] = folium.CircleMarker(radius=leaflet["radius"])
        folium.GeoJson(collection, **kwargs).add_to(group)
    group.add_to(fmap)


def build_html(
    scan: Scan,
    layers: Iterable[str] | None = None,
    *,
    title: str = "",
    classification: str = "",
    basemap: bool = False,
    online_mode: bool = False,
) -> tuple[str, list[str]]:
    """Return the HTML text of the interactive map and the warnings for the user.

    Parameters
    ----------
    scan
        The scan; every vector layer (or those named in ``layers``) becomes a switchable
        overlay, shown as it is on the canvas (hidden layers start switched off).
    title, classification
        Shown in the map's information box; the classification also as a banner.
    basemap
        Add the OSM tile basemap. Allowed only with ``online_mode``.
    online_mode
        The app's online-mode setting.

    Raises
    ------
    ExportError
        For a basemap while online mode is off, or an unknown layer name.
    """
    warnings: list[str] = []
    if basemap and not online_mode:
        raise ExportError(
            "the OSM tile basemap needs online mode (Settings → Online mode); "
            "the offline map has no basemap"
        )
    chosen = vector_layers(scan, layers)
    x0, y0, x1, y1 = scan.study_area.polygon.bounds
    bounds = gpd.GeoSeries([box(x0, y0, x1, y1)], crs=scan.crs).to_crs(WGS84).total_bounds
    fmap = _OfflineMap(
        location=[scan.site.lat, scan.site.lon],
        tiles=None,
        zoom_start=16,
        max_zoom=21,
        prefer_canvas=True,
    )
    if basemap:
        folium.TileLayer(
            "OpenStreetMap", name="OpenStreetMap tiles (online)", attr=html.escape(ATTRIBUTION)
        ).add_to(fmap)
        warnings.append(BASEMAP_WARNING)
    land = gpd.GeoSeries([scan.study_area.polygon], crs=scan.crs).to_crs(WGS84)
    folium.GeoJson(
        land.__geo_interface__,
        style_function=lambda _f: {"stroke": False, "fillColor": LAND_COLOUR, "fillOpacity": 1.0},
        control=False,
        interactive=False,
    ).add_to(fmap)
    for layer in chosen:
        if len(layer):
            _add_layer(fmap, layer, scan)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    fmap.fit_bounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]])
    exported = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    data_date = (scan.data_date or "")[:10] or "unknown"
    fmap.add_child(
        _MapScript(
            "L.control.scale({imperial: false}).addTo(map);"
            "map.attributionControl.setPrefix('Leaflet');"
            f"map.attributionControl.addAttribution({json.dumps(html.escape(ATTRIBUTION))});"
        )
    )
    heading = html.escape(title or f"Omgevingsscan {scan.site.name}")
    banner = ""
    if classification:
        banner = '<div class="os-banner">' + html.escape(classification) + "</div>"
    info = (
        '<div class="os-info">'
        + (f'<div class="os-class">{html.escape(classification)}</div>' if classification else "")
        + f"<b>{heading}</b><br>"
        + f"Data date {html.escape(data_date)} · exported {html.escape(exported)}<br>"
        + f"{html.escape(ATTRIBUTION)} · omgevingsscan {html.escape(__version__)}"
        + "</div>"
    )
    css = (
        "<style>"
        f"html body .leaflet-container{{background:{OUTSIDE_COLOUR};}}"
        ".os-info{position:absolute;left:10px;bottom:40px;z-index:1000;background:#fff;"
        "padding:6px 9px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.35);"
        "font:12px/1.4 sans-serif;max-width:360px;}"
        ".os-class,.os-banner{color:#a4161a;font-weight:bold;letter-spacing:.06em;}"
        ".os-banner{position:absolute;top:0;left:50%;transform:translateX(-50%);z-index:1000;"
        "background:#fff;padding:2px 14px;border-radius:0 0 4px 4px;font:bold 13px sans-serif;}"
        "</style>"
    )
    root = fmap.get_root()
    root.header.add_child(Element(css), name="os_css")
    root.header.add_child(Element(f"<title>{heading}</title>"), name="os_title")
    root.html.add_child(Element(banner + info), name="os_info")
    return root.render(), warnings


def write_html(
    scan: Scan,
    path: str | Path,
    layers: Iterable[str] | None = None,
    *,
    title: str = "",
    classification: str = "",
    basemap: bool = False,
    online_mode: bool = False,
) -> tuple[Path, list[str]]:
    """Write the interactive map to ``path`` atomically; return the path and warnings."""
    text, warnings = build_html(
        scan,
        layers,
        title=title,
        classification=classification,
        basemap=basemap,
        online_mode=online_mode,
    )
    return write_text_atomic(text, path, "html"), warnings
