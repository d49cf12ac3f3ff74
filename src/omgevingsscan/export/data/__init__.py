"""Data exports for other tools: GeoJSON (QGIS), KML (Google Earth, TAK), GPX, CSV, .gpkg.

Everything a scan stores is in its local metric CRS; these exports convert to WGS84 at the
edge. Every file is written atomically (temporary file, then rename). The functions work on
any vector layer, so layers added by analyses are exported the same way as the OSM layers.
One module per format (:mod:`.geojson`, :mod:`.kml`, :mod:`.gpx`, :mod:`.table` for the
sightings CSV, :mod:`.gpkg`) on the shared helpers of :mod:`.common`. Callers import from
this package.
"""

from __future__ import annotations

from omgevingsscan.export.data.common import (
    NAME_COLUMNS,
    ROUTE_KINDS,
    SIGHTING_KINDS,
    SKIP_COLUMNS,
    WGS84_DECIMALS,
    attribute_columns,
    feature_name,
    json_value,
    layers_of_kind,
    round_geometry,
    to_wgs84,
    vector_layers,
)
from omgevingsscan.export.data.geojson import layer_geojson, write_geojson, write_layer_geojson
from omgevingsscan.export.data.gpkg import copy_gpkg, save_gpkg_copy
from omgevingsscan.export.data.gpx import gpx_document, write_gpx
from omgevingsscan.export.data.kml import kml_document, kml_text, write_kml
from omgevingsscan.export.data.table import sightings_csv, write_sightings_csv

__all__ = [
    "NAME_COLUMNS",
    "ROUTE_KINDS",
    "SIGHTING_KINDS",
    "SKIP_COLUMNS",
    "WGS84_DECIMALS",
    "attribute_columns",
    "copy_gpkg",
    "feature_name",
    "gpx_document",
    "json_value",
    "kml_document",
    "kml_text",
    "layer_geojson",
    "layers_of_kind",
    "round_geometry",
    "save_gpkg_copy",
    "sightings_csv",
    "to_wgs84",
    "vector_layers",
    "write_geojson",
    "write_gpx",
    "write_kml",
    "write_layer_geojson",
    "write_sightings_csv",
]
