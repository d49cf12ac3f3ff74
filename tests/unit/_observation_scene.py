"""A small hand-built scan for the observation tests: a site, four buildings, no networks.

Saved as a GeoPackage it is tiny, so tests that open and edit it stay fast.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point, box

from omgevingsscan.io.project import save_scan
from omgevingsscan.layers.osm import BuildingsLayer, SiteLayer
from omgevingsscan.scan import Scan, Site, StudyArea

#: The town hall of the demo data (WGS84), so coordinates are RD (EPSG:28992).
SITE_LATLON = (52.3676842, 4.9002256)


def small_scan() -> Scan:
    """A scan with a site and four rectangular buildings around it (RD New, metres)."""
    site = Site(name="Stadhuis", kind="townhall", lat=SITE_LATLON[0], lon=SITE_LATLON[1])
    x, y = site.x, site.y
    crs = site.crs
    buildings = gpd.GeoDataFrame(
        {"osm_id": ["w1", "w2", "w3", "w4"], "name": ["", "", "", ""], "height": [10.0] * 4},
        geometry=[
            box(x - 10, y - 10, x + 10, y + 10),  # the town hall itself
            box(x + 25, y - 5, x + 40, y + 30),
            box(x - 45, y + 15, x - 20, y + 25),
            box(x - 5, y - 45, x + 15, y - 30),
        ],
        crs=crs,
    )
    scan = Scan(site=site, study_area=StudyArea((x, y), 100.0), crs=crs)
    scan.layers.append(BuildingsLayer("buildings", buildings))
    scan.layers.append(
        SiteLayer("site", gpd.GeoDataFrame({"name": [site.name]}, geometry=[site.point], crs=crs))
    )
    return scan


def small_scan_file(folder: Path, name: str = "scan.gpkg") -> Path:
    """Save :func:`small_scan` to ``folder/name`` and return the path."""
    return save_scan(small_scan(), folder / name)


def at(scan: Scan, dx: float, dy: float) -> Point:
    """A point ``dx``, ``dy`` metres from the site."""
    return Point(scan.site.x + dx, scan.site.y + dy)
