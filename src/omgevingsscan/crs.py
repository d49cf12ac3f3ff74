"""Choice of the local metric CRS for a scan, and conversions at the edges.

Everything in a scan is stored in a local metric CRS: EPSG:28992 (Amersfoort / RD New)
inside the Netherlands, else the UTM zone of the site (WGS84 datum). Web Mercator is
never used: it stretches distances by about 1.6 at 52 degrees north.
"""

from __future__ import annotations

from functools import lru_cache

from pyproj import CRS, Transformer

WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"

# Approximate land extent of the Netherlands (WGS84 degrees) including the
# Wadden islands and Zeeland. The RD projection is valid in this box.
_NL_BOUNDS = (3.2, 50.7, 7.3, 53.7)  # lon_min, lat_min, lon_max, lat_max


def in_netherlands(lat: float, lon: float) -> bool:
    """Return True when the WGS84 point (degrees) lies in the RD New area of use."""
    lon_min, lat_min, lon_max, lat_max = _NL_BOUNDS
    return lon_min <= lon <= lon_max and lat_min <= lat <= lat_max


def utm_epsg(lat: float, lon: float) -> str:
    """Return the EPSG code ("EPSG:326zz" or "EPSG:327zz") of the UTM zone of a WGS84 point."""
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def local_crs(lat: float, lon: float) -> str:
    """Return the local metric CRS for a site at WGS84 ``lat``, ``lon`` (degrees).

    EPSG:28992 in the Netherlands, else the site's UTM zone.
    """
    return RD_NEW if in_netherlands(lat, lon) else utm_epsg(lat, lon)


@lru_cache(maxsize=32)
def transformer(src: str, dst: str) -> Transformer:
    """Return a cached always-xy Transformer from ``src`` to ``dst`` CRS."""
    return Transformer.from_crs(CRS.from_user_input(src), CRS.from_user_input(dst), always_xy=True)


def to_wgs84(x: float, y: float, crs: str) -> tuple[float, float]:
    """Convert a point in ``crs`` (metres) to WGS84; returns ``(lat, lon)`` in degrees."""
    lon, lat = transformer(crs, WGS84).transform(x, y)
    return float(lat), float(lon)


def from_wgs84(lat: float, lon: float, crs: str) -> tuple[float, float]:
    """Convert WGS84 ``lat``, ``lon`` (degrees) to ``(x, y)`` metres in ``crs``."""
    x, y = transformer(WGS84, crs).transform(lon, lat)
    return float(x), float(y)
