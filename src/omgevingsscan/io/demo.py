"""The bundled demo scan: Amsterdam city hall (Stopera, Amstel 1) from the bundled extract."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from omgevingsscan.scan import Scan

#: The town hall node (``amenity=townhall``, Stadsloket Centrum, Amstel 1), WGS84 degrees.
DEMO_SITE = (52.3676842, 4.9002256)
DEMO_NAME = "Stadhuis Amsterdam (Stopera)"
DEMO_RADIUS_M = 500.0
#: OSM data attribution that every map and report shows.
ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"


def demo_osm_path() -> Path:
    """Path of the bundled OSM extract (PBF) inside the installed package."""
    return Path(
        str(resources.files("omgevingsscan.resources").joinpath("amsterdam_centre.osm.pbf"))
    )


def load_demo_scan(
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Scan:
    """Import the demo scan from the bundled file (about a second)."""
    from omgevingsscan.io.osm import import_scan

    return import_scan(
        demo_osm_path(),
        DEMO_SITE,
        radius_m=DEMO_RADIUS_M,
        name=DEMO_NAME,
        kind="townhall",
        progress=progress,
        cancelled=cancelled,
    )
