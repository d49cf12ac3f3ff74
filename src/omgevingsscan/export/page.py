"""The print page, Qt-free: options, where each block of furniture goes, and the map extent.

Page coordinates are millimetres from the top-left corner of the sheet, y down. Ground
coordinates are metres in the scan's local metric CRS. :func:`plan_page` lays out
disjoint boxes (map frame, tick-label band, title block, legend, scale block, credits,
classification banners) so furniture can never overlap;
:func:`~omgevingsscan.export.extent.map_extent` turns the chosen frame and scale into the
exact ground rectangle the map frame shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime

from omgevingsscan.errors import ExportError

# The map extent maths live in omgevingsscan.export.extent; re-exported here (see __all__).
from omgevingsscan.export.extent import (
    MIN_STUDY_AREA_MM,
    TICK_SPACING_MM,
    MapExtent,
    ScaleBar,
    crs_label,
    fit_scale,
    format_coordinate,
    grid_convergence_deg,
    grid_ticks,
    map_extent,
    scale_bar,
)
from omgevingsscan.export.paper import (
    DEFAULT_DPI,
    check_dpi,
    check_scale,
    paper_size_mm,
)
from omgevingsscan.scan import Scan

#: Map frames a user can choose: the study area, or the current view of the canvas.
FRAMES = ("study_area", "view")
#: Output formats of the print layout.
PRINT_FORMATS = ("pdf", "png", "svg")


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


def target_box(spec: PrintSpec, scan: Scan) -> tuple[float, float, float, float]:
    """The ground box (metres) the frame is centred on and, for "fit", must contain."""
    if spec.frame == "view":
        if spec.view is None:
            raise ExportError("map frame 'view' needs the current view; none was given")
        return spec.view
    x0, y0, x1, y1 = scan.study_area.polygon.bounds
    return (float(x0), float(y0), float(x1), float(y1))


def default_title(scan: Scan) -> str:
    """Title used when the user gives none."""
    return f"Omgevingsscan {scan.site.name}"


__all__ = [
    "FRAMES",
    "MIN_STUDY_AREA_MM",
    "PRINT_FORMATS",
    "TICK_SPACING_MM",
    "MapExtent",
    "PagePlan",
    "PrintSpec",
    "Rect",
    "ScaleBar",
    "crs_label",
    "default_title",
    "fit_scale",
    "format_coordinate",
    "grid_convergence_deg",
    "grid_ticks",
    "map_extent",
    "plan_page",
    "scale_bar",
    "target_box",
]
