"""The map extent, Qt-free: the exact ground rectangle a map frame shows at a scale,
and what is drawn on and beside the frame: coordinate ticks, the scale bar, grid
convergence and the CRS label. Page sizes are millimetres; ground sizes are metres in
the scan's local metric CRS.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pyproj import Geod
from shapely.geometry import box as shapely_box

from omgevingsscan.crs import from_wgs84, to_wgs84
from omgevingsscan.errors import ExportError
from omgevingsscan.export.paper import (
    check_scale,
    ground_m,
    nice_length_at_most,
    nice_scale_at_least,
    paper_mm,
)
from omgevingsscan.scan import Scan

#: Smallest size the study area may have on paper, millimetres, before the map is "empty".
MIN_STUDY_AREA_MM = 5.0
#: Target spacing of coordinate ticks on paper, millimetres.
TICK_SPACING_MM = 50.0


@dataclass(frozen=True)
class MapExtent:
    """The ground rectangle a map frame shows, metres in the scan CRS, at 1:``scale``."""

    cx: float
    cy: float
    width_m: float
    height_m: float
    scale: float

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(x0, y0, x1, y1)`` metres."""
        return (
            self.cx - self.width_m / 2,
            self.cy - self.height_m / 2,
            self.cx + self.width_m / 2,
            self.cy + self.height_m / 2,
        )


def fit_scale(
    box: tuple[float, float, float, float], frame_w_mm: float, frame_h_mm: float
) -> float:
    """The nice scale denominator at which ``box`` (metres) fits a frame (mm), 2 % to spare."""
    x0, y0, x1, y1 = box
    needed = max((x1 - x0) / ground_m(frame_w_mm, 1.0), (y1 - y0) / ground_m(frame_h_mm, 1.0))
    return nice_scale_at_least(needed * 1.02)


def map_extent(
    scan: Scan,
    box: tuple[float, float, float, float],
    frame_w_mm: float,
    frame_h_mm: float,
    scale: float | None,
) -> MapExtent:
    """The ground shown by a ``frame_w_mm`` × ``frame_h_mm`` frame centred on ``box``.

    Parameters
    ----------
    scan
        The scan (its study area decides whether the map would be empty).
    box
        ``(x0, y0, x1, y1)`` metres: the frame is centred on it; with ``scale`` None it
        is fitted into the frame.
    frame_w_mm, frame_h_mm
        Size of the map frame on paper, millimetres.
    scale
        Denominator, or None to fit.

    Raises
    ------
    ExportError
        When the scale is out of range, the frame does not reach the study area, or the
        study area would be a dot on paper: the map would be empty.
    """
    denominator = fit_scale(box, frame_w_mm, frame_h_mm) if scale is None else check_scale(scale)
    check_scale(denominator)
    x0, y0, x1, y1 = box
    extent = MapExtent(
        cx=(x0 + x1) / 2,
        cy=(y0 + y1) / 2,
        width_m=ground_m(frame_w_mm, denominator),
        height_m=ground_m(frame_h_mm, denominator),
        scale=denominator,
    )
    ex0, ey0, ex1, ey1 = extent.bounds
    if not shapely_box(ex0, ey0, ex1, ey1).intersects(scan.study_area.polygon):
        raise ExportError(
            f"at 1:{denominator:,.0f} the map frame around ({extent.cx:.0f}, {extent.cy:.0f}) "
            "does not reach the study area: the map would be empty"
        )
    diameter_mm = paper_mm(2 * scan.study_area.radius_m, denominator)
    if diameter_mm < MIN_STUDY_AREA_MM:
        raise ExportError(
            f"at 1:{denominator:,.0f} the study area would be {diameter_mm:.1f} mm across on "
            "paper: the map would be empty; choose a larger scale"
        )
    return extent


def grid_ticks(lo: float, hi: float, scale: float) -> tuple[float, list[float]]:
    """Round coordinates (metres) between ``lo`` and ``hi`` for frame ticks.

    Returns the interval (1-2-5 × 10^n metres, about :data:`TICK_SPACING_MM` apart on
    paper) and the tick positions.
    """
    interval = nice_length_at_most(ground_m(TICK_SPACING_MM, scale))
    if interval <= 0:
        return 0.0, []
    first = math.ceil(lo / interval)
    last = math.floor(hi / interval)
    return interval, [k * interval for k in range(first, last + 1)]


def format_coordinate(value: float) -> str:
    """A tick label: whole metres with a space as thousands separator ("121 500")."""
    return f"{value:,.0f}".replace(",", " ")


@dataclass(frozen=True)
class ScaleBar:
    """A scale bar: ``length_m`` metres drawn ``length_mm`` long in ``segments`` parts."""

    length_m: float
    length_mm: float
    segments: int
    #: ``(offset_mm, text)`` of each label along the bar.
    labels: tuple[tuple[float, str], ...]
    unit: str


def scale_bar(scale: float, max_mm: float) -> ScaleBar:
    """The longest 1-2-5 scale bar that fits in ``max_mm`` millimetres at 1:``scale``."""
    length_m = nice_length_at_most(ground_m(max_mm, scale))
    if length_m <= 0:
        raise ExportError(f"no room for a scale bar ({max_mm:.1f} mm)")
    lead = round(length_m / 10 ** math.floor(math.log10(length_m)))
    segments = 5 if lead == 5 else 4
    use_km = length_m >= 1000
    unit = "km" if use_km else "m"
    div = 1000.0 if use_km else 1.0
    length_mm = paper_mm(length_m, scale)
    step = 1 if segments == 5 else 2
    labels = []
    for i in range(0, segments + 1, step):
        value = length_m * i / segments / div
        text = f"{value:g}"
        labels.append((length_mm * i / segments, text))
    return ScaleBar(length_m, length_mm, segments, tuple(labels), unit)


def grid_convergence_deg(crs: str, x: float, y: float) -> float:
    """Grid bearing of true north at ``(x, y)`` metres in ``crs``, degrees.

    Positive when true north lies clockwise (east) of grid north. About +0.4° for RD
    New in Amsterdam (west of its central meridian); zero on a UTM zone's central meridian.
    """
    lat, lon = to_wgs84(x, y, crs)
    lon2, lat2, _ = Geod(ellps="WGS84").fwd(lon, lat, 0.0, 100.0)
    x2, y2 = from_wgs84(lat2, lon2, crs)
    return math.degrees(math.atan2(x2 - x, y2 - y))


def crs_label(crs: str) -> str:
    """A short human name of the scan CRS ("RD New (EPSG:28992)", "UTM 31N (EPSG:32631)")."""
    code = crs.upper()
    if code == "EPSG:28992":
        return "RD New (EPSG:28992)"
    if code.startswith("EPSG:326") or code.startswith("EPSG:327"):
        zone = int(code[-2:])
        hemi = "N" if code.startswith("EPSG:326") else "S"
        return f"UTM {zone}{hemi} (WGS84, {code})"
    return crs
