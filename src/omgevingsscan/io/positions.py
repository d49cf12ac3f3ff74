"""One reading of a position for every command and tool, and one rule for where it may lie.

A position is written as ``new --site`` accepts it: WGS84 ``"lat,lon"``, RD
``"rd:x,y"`` (EPSG:28992 metres), or a name or address found in the scan's data; any of
these may end in ``@H`` (H: metres above the street). The rule, the same everywhere:

* outside the data (more than :data:`EDGE_TOLERANCE_M` beyond the ``data_extent``
  layer of the scan) → :class:`SiteError`;
* inside the data but outside the study circle → accepted with a warning, because the
  scan only read the data around the study area and results there are incomplete.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from shapely.geometry import Point

from omgevingsscan.crs import from_wgs84, to_wgs84
from omgevingsscan.errors import SiteError
from omgevingsscan.io.geocode import parse_coordinates, places_from_layers, rank
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan

_HEIGHT = re.compile(r"^(?P<where>.*?)\s*@\s*(?P<h>[-+]?\d+(?:\.\d+)?|[-+]?\.\d+)\s*$")
#: Slack (metres) beyond the edge of the extract: ways cut by an extract's bounding box
#: keep their nodes outside it, so streets (and points on them) reach a little beyond.
EDGE_TOLERANCE_M = 100.0


@dataclass(frozen=True)
class Position:
    """A position in the scan's CRS (metres), with the eye height it was given with.

    Attributes
    ----------
    x, y
        Metres in the scan's local CRS.
    height
        Metres above the street (the default when the text had no ``@H``).
    label
        What the text named ("Amstel 1", "52.3677,4.9002").
    warning
        Set when the position lies outside the study area (the data there is incomplete).
    """

    x: float
    y: float
    height: float | None
    label: str
    warning: str | None = None

    @property
    def xy(self) -> tuple[float, float]:
        """``(x, y)`` in metres."""
        return (self.x, self.y)


def split_height(text: str, what: str = "point") -> tuple[str, float | None]:
    """Split ``"WHERE@H"`` into ``("WHERE", H)``; H is None without ``@``.

    Raises
    ------
    SiteError
        When H is negative or not finite.
    """
    m = _HEIGHT.match(text)
    if not m:
        return text, None
    height = float(m.group("h"))
    if not math.isfinite(height):
        raise SiteError(f"{what} {text!r}: the height is not a number")
    if height < 0:
        raise SiteError(f"{what} {text!r}: the height {height:g} m is negative")
    return m.group("where"), height


def resolve_position(
    text: str, scan: Scan, *, what: str = "point", default_height: float | None = None
) -> Position:
    """Read a position as ``new --site`` does, in the scan's CRS, and check where it lies.

    Parameters
    ----------
    text
        ``"lat,lon"``, ``"rd:x,y"`` or a name/address in the scan, optionally ``@H``.
    scan
        The scan the position belongs to.
    what
        How the position is called in messages ("--from", "post").
    default_height
        Metres above the street when the text has no ``@H``.

    Raises
    ------
    SiteError
        Unreadable text, a name not found in the data, a negative height, or a position
        outside the data.
    """
    if not text or not text.strip():
        raise SiteError(f"{what}: no position given (use LAT,LON, rd:X,Y or a name)")
    where, height = split_height(text.strip(), what)
    try:
        coords = parse_coordinates(where)
    except SiteError as exc:
        raise SiteError(f"{what}: {exc}") from None
    if coords is not None:
        x, y = from_wgs84(coords[0], coords[1], scan.crs)
        label = where
    else:
        x, y, label = _find_name(where, scan, what)
    warning = check_position(scan, x, y, what)
    return Position(x, y, default_height if height is None else height, label, warning)


def _find_name(text: str, scan: Scan, what: str) -> tuple[float, float, str]:
    frames = {
        layer.name: layer.data
        for layer in scan.layers
        if isinstance(layer, VectorLayer) and layer.name not in ("study_area", "data_extent")
    }
    found = rank(places_from_layers(frames), text, limit=1)
    if not found:
        raise SiteError(
            f"{what} {text!r} is not LAT,LON or rd:X,Y, and no name or address in the scan "
            "matches it"
        )
    x, y = from_wgs84(found[0].lat, found[0].lon, scan.crs)
    return x, y, found[0].label


def check_position(scan: Scan, x: float, y: float, what: str = "point") -> str | None:
    """Apply the position rule to ``(x, y)`` (scan CRS, metres).

    Returns
    -------
    str or None
        A warning when the point lies inside the data but outside the study area.

    Raises
    ------
    SiteError
        When the point lies outside the data.
    """
    if not (math.isfinite(x) and math.isfinite(y)):
        raise SiteError(f"{what}: the position is not a finite coordinate")
    point = Point(x, y)
    lat, lon = to_wgs84(x, y, scan.crs)
    extent = scan.layers.get("data_extent")
    if isinstance(extent, VectorLayer) and not extent.data.empty:
        area = extent.data.geometry.union_all()
        if area.distance(point) > EDGE_TOLERANCE_M:
            far = area.distance(point)
            raise SiteError(
                f"{what} {lat:.5f},{lon:.5f} lies outside the data of the scan "
                f"({far:,.0f} m beyond the edge of {scan.source or 'the data'})"
            )
    cx, cy = scan.study_area.centre
    distance = math.hypot(x - cx, y - cy)
    if distance > scan.study_area.radius_m:
        return (
            f"{what} {lat:.5f},{lon:.5f} lies {distance:,.0f} m from the site, outside the "
            f"{scan.study_area.radius_m:g} m study area; the data there is incomplete"
        )
    return None
