"""Online mode only: download OSM data around a site from the Overpass API via osmnx.

Nothing here runs unless the user has switched online mode on (``Settings.online_mode``);
otherwise :class:`~omgevingsscan.errors.OfflineError` is raised before any socket is
opened. The request goes through osmnx's Overpass client, with osmnx's disk cache in the
app's cache folder, and the answer is written as an OSM XML file (with ``<bounds>``)
that the normal import reads.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import osmnx as ox
from osmnx import _overpass

from omgevingsscan.crs import from_wgs84, local_crs
from omgevingsscan.errors import OfflineError, SiteError
from omgevingsscan.scan import StudyArea, check_radius
from omgevingsscan.settings import Settings, cache_dir

#: Extra margin around the study circle that is downloaded, metres.
DOWNLOAD_MARGIN_M = 200.0


def study_bbox(
    lat: float, lon: float, radius_m: float, margin_m: float
) -> tuple[float, float, float, float]:
    """WGS84 box (south, west, north, east) around the study circle plus a margin."""
    import geopandas as gpd

    crs = local_crs(lat, lon)
    x, y = from_wgs84(lat, lon, crs)
    circle = StudyArea((x, y), radius_m).polygon.buffer(margin_m)
    west, south, east, north = gpd.GeoSeries([circle], crs=crs).to_crs("EPSG:4326").total_bounds
    return float(south), float(west), float(north), float(east)


def overpass_query(bbox: tuple[float, float, float, float], timeout_s: int = 180) -> str:
    """The Overpass QL of a full map download: all nodes in the box, the ways and
    relations that use them, and every node of those ways."""
    s, w, n, e = bbox
    return f"[out:json][timeout:{timeout_s}];(node({s},{w},{n},{e});<;>;);out meta;"


def overpass_json_to_xml(
    data: dict[str, Any], bbox: tuple[float, float, float, float], path: Path
) -> Path:
    """Write Overpass JSON ``elements`` as OSM XML (API 0.6) with a ``<bounds>`` box."""
    s, w, n, e = bbox
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<osm version="0.6" generator="omgevingsscan via Overpass">\n')
        out.write(f'  <bounds minlat="{s}" minlon="{w}" maxlat="{n}" maxlon="{e}"/>\n')
        order = {"node": 0, "way": 1, "relation": 2}
        elements = sorted(
            data.get("elements", []), key=lambda el: (order.get(el.get("type"), 3), el.get("id", 0))
        )
        for el in elements:
            kind = el.get("type")
            attrs = f'id="{int(el["id"])}"'
            for key in ("version", "timestamp", "changeset", "uid"):
                if key in el:
                    attrs += f" {key}={quoteattr(str(el[key]))}"
            if kind == "node":
                attrs += f' lat="{float(el["lat"])}" lon="{float(el["lon"])}"'
            elif kind not in ("way", "relation"):
                continue
            body = []
            if kind == "way":
                body += [f'    <nd ref="{int(ref)}"/>' for ref in el.get("nodes", [])]
            if kind == "relation":
                body += [
                    f'    <member type={quoteattr(m["type"])} ref="{int(m["ref"])}" role={quoteattr(m.get("role", ""))}/>'
                    for m in el.get("members", [])
                ]
            body += [
                f"    <tag k={quoteattr(k)} v={quoteattr(str(v))}/>"
                for k, v in el.get("tags", {}).items()
            ]
            if body:
                out.write(f"  <{kind} {attrs}>\n" + "\n".join(body) + f"\n  </{kind}>\n")
            else:
                out.write(f"  <{kind} {attrs}/>\n")
        out.write("</osm>\n")
    return path


def download_osm(
    site: tuple[float, float] | str,
    radius_m: float,
    settings: Settings,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Download the OSM data around ``site`` (WGS84 lat, lon) into the cache; return the file.

    Raises
    ------
    OfflineError
        When online mode is off (the default): nothing is sent.
    SiteError
        When ``site`` is a search text (online geocoding is not used; give coordinates).
    """
    if not settings.online_mode:
        raise OfflineError("online mode is off: switch it on in Settings to download OSM data")
    if isinstance(site, str):
        raise SiteError(f"give the site as coordinates for a download, not {site!r}")
    radius_m = check_radius(radius_m)
    lat, lon = site
    bbox = study_bbox(lat, lon, radius_m, DOWNLOAD_MARGIN_M)
    query = overpass_query(bbox)
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(f"{settings.overpass_url}|{query}".encode()).hexdigest()[:16]
    target = folder / f"overpass-{digest}.osm"
    if progress:
        progress(0.02, "Downloading from the Overpass API")
    ox.settings.overpass_url = settings.overpass_url
    ox.settings.cache_folder = str(folder / "osmnx")
    ox.settings.use_cache = True
    ox.settings.overpass_rate_limit = False
    ox.settings.log_console = False
    data = _overpass._overpass_request(OrderedDict(data=query))
    if cancelled is not None and cancelled():
        from omgevingsscan.errors import ImportCancelled

        raise ImportCancelled("download cancelled")
    return overpass_json_to_xml(data, bbox, target)
