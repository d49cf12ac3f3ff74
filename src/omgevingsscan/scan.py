"""The project model: the site, the study area and the Scan that owns the layers.

A Scan keeps every geometry in its local metric CRS (``scan.crs``); conversion to
WGS84 happens at the edges (status bar, GeoJSON, CLI). No Qt here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import geopandas as gpd
import networkx as nx
from psygnal import Signal
from shapely.geometry import Point, Polygon

from omgevingsscan.crs import from_wgs84, local_crs
from omgevingsscan.errors import RadiusError
from omgevingsscan.layers.base import LayerList, VectorLayer
from omgevingsscan.settings import MAX_RADIUS_M, MIN_RADIUS_M

#: Version of the project file format this code writes. Files with a higher
#: version are refused with a clear message.
FORMAT_VERSION = 1

SITE_KINDS = ("residence", "townhall", "venue", "other")


def check_radius(radius_m: float) -> float:
    """Return ``radius_m`` as float if it lies in the allowed range, else raise RadiusError."""
    try:
        r = float(radius_m)
    except (TypeError, ValueError) as exc:
        raise RadiusError(f"radius {radius_m!r} is not a number") from exc
    if not MIN_RADIUS_M <= r <= MAX_RADIUS_M:
        raise RadiusError(
            f"radius {r:g} m is out of range; allowed {MIN_RADIUS_M:g}–{MAX_RADIUS_M:g} m"
        )
    return r


@dataclass
class Site:
    """The protected site: a named point with a kind.

    ``lat``/``lon`` are WGS84 degrees; ``x``/``y`` are metres in ``crs``.
    """

    name: str
    kind: str
    lat: float
    lon: float
    crs: str = ""
    x: float = 0.0
    y: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in SITE_KINDS:
            raise ValueError(f"site kind {self.kind!r} unknown; use one of {', '.join(SITE_KINDS)}")
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError(f"site {self.lat}, {self.lon} is not a WGS84 position")
        if not self.crs:
            self.crs = local_crs(self.lat, self.lon)
        self.x, self.y = from_wgs84(self.lat, self.lon, self.crs)

    @property
    def point(self) -> Point:
        """The site as a shapely Point in the local CRS (metres)."""
        return Point(self.x, self.y)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able state."""
        return asdict(self)


@dataclass
class StudyArea:
    """A circle of ``radius_m`` metres around ``centre`` (local CRS)."""

    centre: tuple[float, float]
    radius_m: float

    def __post_init__(self) -> None:
        self.radius_m = check_radius(self.radius_m)

    @property
    def polygon(self) -> Polygon:
        """The circle as a polygon (256 vertices) in the local CRS."""
        return Point(self.centre).buffer(self.radius_m, quad_segs=64)


@dataclass
class Scan:
    """An environment scan: site, study area, layers, street networks and provenance.

    Attributes
    ----------
    site, study_area
        Where and how far.
    crs
        The local metric CRS of every geometry (e.g. "EPSG:28992").
    layers
        Evented list of layers, bottom first.
    graphs
        osmnx MultiDiGraphs per mode ("walk", "bike", "drive") in ``crs``.
    source
        Where the data came from (file name or "overpass").
    imported_at, data_date
        ISO timestamps: when imported; the newest OSM edit seen.
    coverage
        Share (0-1) of the study area inside the data's bounds.
    view
        Last map view: ``{"cx", "cy", "scale"}`` (metres, metres per pixel).
    """

    site: Site
    study_area: StudyArea
    crs: str
    layers: LayerList = field(default_factory=LayerList)
    graphs: dict[str, nx.MultiDiGraph] = field(default_factory=dict)
    source: str = ""
    imported_at: str = ""
    data_date: str | None = None
    coverage: float = 1.0
    view: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    changed = Signal()

    def layer(self, name: str) -> VectorLayer:
        """Return the vector layer called ``name``; KeyError when there is none."""
        found = self.layers.get(name)
        if not isinstance(found, VectorLayer):
            raise KeyError(f"scan has no vector layer {name!r}")
        return found

    def frame(self, name: str) -> gpd.GeoDataFrame:
        """Return the GeoDataFrame of layer ``name`` (local CRS)."""
        return self.layer(name).data

    def metadata(self) -> dict[str, Any]:
        """Return the JSON-able metadata saved with the scan (not the layer data)."""
        return {
            "format_version": FORMAT_VERSION,
            "site": self.site.to_dict(),
            "radius_m": self.study_area.radius_m,
            "crs": self.crs,
            "source": self.source,
            "imported_at": self.imported_at,
            "data_date": self.data_date,
            "coverage": self.coverage,
            "view": self.view,
            "layers": [layer.state() for layer in self.layers],
            "graphs": sorted(self.graphs),
            "meta": self.meta,
        }
