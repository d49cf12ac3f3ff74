"""GPX (GPS devices): route layers as tracks, the site as a waypoint, in WGS84."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import gpxpy
import gpxpy.gpx
import numpy as np
import shapely

from omgevingsscan import __version__
from omgevingsscan.errors import ExportError
from omgevingsscan.export.data.common import (
    NAME_COLUMNS,
    ROUTE_KINDS,
    WGS84_DECIMALS,
    attribute_columns,
    feature_name,
    json_value,
    layers_of_kind,
    to_wgs84,
    vector_layers,
)
from omgevingsscan.export.files import write_text_atomic
from omgevingsscan.export.styles import display_title
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.scan import Scan


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
