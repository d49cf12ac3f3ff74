"""The print page, Qt-free: options, where each block of furniture goes, and the map extent.

Page coordinates are millimetres from the top-left corner of the sheet, y down. Ground
coordinates are metres in the scan's local metric CRS. :func:`plan_page` lays out
disjoint boxes (map frame, tick-label band, title block, legend, scale block, credits,
classification banners) so furniture can never overlap; :func:`map_extent` turns the
chosen frame and scale into the exact ground rectangle the map frame shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime

from pyproj import Geod
from shapely.geometry import box as shapely_box

from omgevingsscan.crs import from_wgs84, to_wgs84
from omgevingsscan.errors import ExportError
from omgevingsscan.export.paper import (
    DEFAULT_DPI,
    check_dpi,
    check_scale,
    ground_m,
    nice_length_at_most,
    nice_scale_at_least,
    paper_mm,
    paper_size_mm,
)
from omgevingsscan.scan import Scan

#: Map frames a user can choose: the study area, or the current view of the canvas.
FRAMES = ("study_area", "view")
#: Output formats of the print layout.
PRINT_FORMATS = ("pdf", "png", "svg")
#: Smallest size the study area may have on paper, millimetres, before the map is "empty".
MIN_STUDY_AREA_MM = 5.0
#: Target spacing of coordinate ticks on paper, millimetres.
TICK_SPACING_MM = 50.0


@dataclass(frozen=True)
class Rect:
    """An axis-aligned box on the page, millimetres (``x``, ``y`` is the top-left corner)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """Right edge, mm."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """Bottom edge, mm."""
        return self.y + self.h

    def inset(self, d: float) -> Rect:
        """The box shrunk by ``d`` mm on every side."""
        return Rect(self.x + d, self.y + d, max(self.w - 2 * d, 0.0), max(self.h - 2 * d, 0.0))

    def grown(self, d: float) -> Rect:
        """The box grown by ``d`` mm on every side."""
        return Rect(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def overlaps(self, other: Rect, tol: float = 1e-6) -> bool:
        """Whether the interiors of the two boxes intersect."""
        return (
            self.x < other.right - tol
            and other.x < self.right - tol
            and self.y < other.bottom - tol
            and other.y < self.bottom - tol
        )

    def contains(self, other: Rect, tol: float = 1e-6) -> bool:
        """Whether ``other`` lies inside this box."""
        return (
            other.x >= self.x - tol
            and other.y >= self.y - tol
            and other.right <= self.right + tol
            and other.bottom <= self.bottom + tol
        )


@dataclass(frozen=True)
class PrintSpec:
    """What the user asked for in the Export dialog or on the command line.

    Attributes
    ----------
    paper
        "A4" or "A3".
    landscape
        Landscape orientation (else portrait).
    scale
        Map scale denominator (2500 for 1:2500); None fits the frame's target box.
    frame
        "study_area" (centred on the study area) or "view" (the canvas's current view).
    view
        The current view as ``(x0, y0, x1, y1)`` metres in the scan CRS; needed for
        ``frame="view"``.
    title, subtitle, author, date
        Title-block text; an empty title becomes "Omgevingsscan <site>", an empty date
        the export date.
    classification
        Marking printed at the top and bottom of the page ("VERTROUWELIJK"); may be empty.
    layers
        Names of the layers to draw, bottom first; None draws the visible layers.
    dpi
        Raster resolution for PNG, dots per inch.
    exported_at
        When the export was made (the page states it); None means now.
    """

    paper: str = "A4"
    landscape: bool = False
    scale: float | None = None
    frame: str = "study_area"
    view: tuple[float, float, float, float] | None = None
    title: str = ""
    subtitle: str = ""
    author: str = ""
    date: str = ""
    classification: str = ""
    layers: tuple[str, ...] | None = None
    dpi: int = DEFAULT_DPI
    exported_at: datetime | None = field(default=None, compare=False)

    def validated(self) -> PrintSpec:
        """Return a normalised copy, or raise ExportError naming the bad option."""
        paper = str(self.paper).strip().upper()
        paper_size_mm(paper)  # raises for an unknown paper size
        if self.frame not in FRAMES:
            raise ExportError(f"map frame {self.frame!r} unknown; use one of {', '.join(FRAMES)}")
        if self.frame == "view":
            if self.view is None:
                raise ExportError("map frame 'view' needs the current view; none was given")
            x0, y0, x1, y1 = self.view
            if not all(math.isfinite(v) for v in self.view) or x1 <= x0 or y1 <= y0:
                raise ExportError(f"current view {self.view!r} is not a box (x0, y0, x1, y1)")
        scale = None if self.scale is None else check_scale(self.scale)
        return replace(
            self,
            paper=paper,
            scale=scale,
            dpi=check_dpi(self.dpi),
            title=self.title.strip(),
            subtitle=self.subtitle.strip(),
            author=self.author.strip(),
            date=self.date.strip(),
            classification=self.classification.strip(),
            layers=None if self.layers is None else tuple(self.layers),
        )


@dataclass(frozen=True)
class PagePlan:
    """Where everything goes on the sheet (millimetres).

    ``map`` is the map frame itself; ``tick_band`` mm around it hold the coordinate
    labels. The panel blocks (``title``, ``legend``, ``scale``, ``credits``) and the
    classification ``banners`` never overlap the frame, its band or each other.
    """

    paper: str
    landscape: bool
    page: Rect
    map: Rect
    tick_band: float
    title: Rect
    legend: Rect
    scale: Rect
    credits: Rect
    banners: tuple[Rect, ...]
    #: Type size multiplier: 1.0 on A4, larger on A3.
    font_scale: float

    def blocks(self) -> dict[str, Rect]:
        """All furniture boxes by name, the map frame with its tick band included."""
        out = {
            "map": self.map.grown(self.tick_band),
            "title": self.title,
            "legend": self.legend,
            "scale": self.scale,
            "credits": self.credits,
        }
        for i, banner in enumerate(self.banners):
            out[f"banner{i}"] = banner
        return out


# Per paper: margin, classification band, tick band, gap, side panel width (landscape),
# bottom strip height (portrait), title / scale / credits block heights, font scale.
_DIMS: dict[str, dict[str, float]] = {
    "A4": {
        "margin": 10.0,
        "band": 7.0,
        "tick": 5.0,
        "gap": 4.0,
        "panel": 72.0,
        "strip": 78.0,
        "title": 40.0,
        "scale": 24.0,
        "credits": 31.0,
        "left": 66.0,
        "font": 1.0,
    },
    "A3": {
        "margin": 12.0,
        "band": 9.0,
        "tick": 6.0,
        "gap": 5.0,
        "panel": 92.0,
        "strip": 98.0,
        "title": 50.0,
        "scale": 30.0,
        "credits": 39.0,
        "left": 86.0,
        "font": 1.25,
    },
}


def plan_page(paper: str, landscape: bool, classification: bool) -> PagePlan:
    """Lay out the sheet: the map frame and disjoint boxes for all furniture.

    Landscape pages get a side panel on the right (title, legend, scale, credits);
    portrait pages a strip under the map (title and credits left, legend and scale right).

    Parameters
    ----------
    paper
        "A4" or "A3".
    landscape
        Orientation.
    classification
        Reserve classification banners at the top and bottom of the sheet.
    """
    key = str(paper).strip().upper()
    width, height = paper_size_mm(key, landscape)
    d = _DIMS[key]
    m, t, gap = d["margin"], d["tick"], d["gap"]
    band = d["band"] if classification else 0.0
    top = m + (band + gap / 2 if classification else 0.0)
    bottom = height - m - (band + gap / 2 if classification else 0.0)
    banners: tuple[Rect, ...] = ()
    if classification:
        banners = (
            Rect(m, m, width - 2 * m, band),
            Rect(m, height - m - band, width - 2 * m, band),
        )
    if landscape:
        panel = Rect(width - m - d["panel"], top, d["panel"], bottom - top)
        frame = Rect(m + t, top + t, panel.x - gap - t - (m + t), bottom - t - (top + t))
        g = gap / 2
        title = Rect(panel.x, panel.y, panel.w, d["title"])
        credits = Rect(panel.x, panel.bottom - d["credits"], panel.w, d["credits"])
        scale = Rect(panel.x, credits.y - g - d["scale"], panel.w, d["scale"])
        legend = Rect(panel.x, title.bottom + g, panel.w, scale.y - g - (title.bottom + g))
    else:
        strip = Rect(m, bottom - d["strip"], width - 2 * m, d["strip"])
        frame = Rect(m + t, top + t, width - 2 * (m + t), strip.y - gap - t - (top + t))
        g = gap / 2
        left_w = d["left"]
        title = Rect(strip.x, strip.y, left_w, d["title"])
        credits = Rect(strip.x, title.bottom + g, left_w, strip.bottom - (title.bottom + g))
        right_x = strip.x + left_w + gap
        right_w = strip.right - right_x
        scale = Rect(right_x, strip.bottom - d["scale"], right_w, d["scale"])
        legend = Rect(right_x, strip.y, right_w, scale.y - g - strip.y)
    return PagePlan(
        paper=key,
        landscape=landscape,
        page=Rect(0.0, 0.0, width, height),
        map=frame,
        tick_band=t,
        title=title,
        legend=legend,
        scale=scale,
        credits=credits,
        banners=banners,
        font_scale=d["font"],
    )


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


def target_box(spec: PrintSpec, scan: Scan) -> tuple[float, float, float, float]:
    """The ground box (metres) the frame is centred on and, for "fit", must contain."""
    if spec.frame == "view":
        if spec.view is None:
            raise ExportError("map frame 'view' needs the current view; none was given")
        return spec.view
    x0, y0, x1, y1 = scan.study_area.polygon.bounds
    return (float(x0), float(y0), float(x1), float(y1))


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


def default_title(scan: Scan) -> str:
    """Title used when the user gives none."""
    return f"Omgevingsscan {scan.site.name}"
