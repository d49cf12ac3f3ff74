"""Report building blocks: page geometry, options, figures, fonts, styles, the numbered
canvas and the translation of the report's fixed texts. No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan

if TYPE_CHECKING:
    from omgevingsscan.analysis.findings.diff import ScanDiff

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
#: Baseline of the footer line (attribution, dates, page number).
FOOTER_Y = 13 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
#: Height of the body frame, points.
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
#: Map size in the report, millimetres (full text width).
MAP_W_MM = TEXT_W / mm
MAP_H_MM = 150.0
#: Height of the legend strip under each report map, millimetres.
LEGEND_MM = 34.0
#: Room kept on a page for a figure's heading and caption, points.
FIGURE_RESERVE = 32 * mm
RED = colors.HexColor("#a4161a")
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HEAD_BG = colors.HexColor("#eeeae4")


@dataclass(frozen=True)
class ReportOptions:
    """Options of the assessment report.

    Attributes
    ----------
    title
        Report title; default "Security environment scan".
    author, date, classification
        Printed on the cover; the classification also at the top and bottom of every
        page. An empty date means the export date.
    version
        Document version printed in the version block ("1.0").
    map_dpi
        Resolution of the report's maps, dots per inch.
    language
        "en" or "nl": the language of the report's fixed texts (see :mod:`.i18n`).
    translate
        Optional function translating the fixed English texts (wins over ``language``).
    threat
        Threat context (free text) for the management summary; None takes the one
        stored in the scan (``scan.meta["assessment"]["threat"]``).
    since
        A comparison with an earlier scan for the "changes since" section, or None.
    """

    title: str = ""
    author: str = ""
    date: str = ""
    classification: str = ""
    version: str = "1.0"
    map_dpi: int = 200
    language: str = "en"
    translate: Callable[[str], str] | None = None
    threat: str | None = None
    since: ScanDiff | None = None


@dataclass(frozen=True)
class MapFigure:
    """A map for the report: the ground box to show and the layers to draw.

    ``box`` is ``(x0, y0, x1, y1)`` metres in the scan CRS; the map is centred on it and,
    with ``scale`` None, fitted around it. ``layers`` are layer names (None: the visible
    ones); ``extra`` are layers drawn on top that the scan does not hold (the findings of
    one category). ``legend_mm`` is the height of the legend strip under the map (0: none).
    """

    box: tuple[float, float, float, float]
    width_mm: float
    height_mm: float
    layers: tuple[str, ...] | None = None
    scale: float | None = None
    legend_mm: float = LEGEND_MM
    extra: tuple[VectorLayer, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class RenderedFigure:
    """A rendered map figure: PNG bytes, its size in millimetres and the scale used."""

    png: bytes
    width_mm: float
    height_mm: float
    scale: float


class MapRenderer(Protocol):
    """Draws report maps; implemented with the Qt MapScene in :mod:`omgevingsscan.render`."""

    def render_figure(self, scan: Scan, figure: MapFigure, dpi: int) -> RenderedFigure:
        """Render ``figure`` of ``scan`` at ``dpi`` dots per inch."""
        ...


def fit_size(width: float, height: float, max_w: float, max_h: float) -> tuple[float, float]:
    """Scale ``width`` × ``height`` down (never up), keeping the aspect, to fit
    ``max_w`` × ``max_h`` (any unit)."""
    if width <= 0 or height <= 0:
        return width, height
    k = min(1.0, max_w / width, max_h / height)
    return width * k, height * k


# -- fonts ----------------------------------------------------------------------------------
_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_FONTS: tuple[str, str] | None = None


def _find_font(names: tuple[str, ...]) -> str | None:
    dirs = list(_FONT_DIRS)
    env = os.environ.get("OMGEVINGSSCAN_FONT_DIR")
    if env:
        dirs.insert(0, env)
    try:
        import matplotlib

        dirs.append(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf"))
    except ImportError:
        pass
    for folder in dirs:
        for name in names:
            path = Path(folder) / name
            if path.is_file():
                return str(path)
    return None


def register_fonts() -> tuple[str, str]:
    """Register a Unicode TrueType family (DejaVu Sans, else reportlab's Vera).

    Returns the regular and bold font names.
    """
    global _FONTS
    if _FONTS is not None:
        return _FONTS
    regular = _find_font(("DejaVuSans.ttf",))
    bold = _find_font(("DejaVuSans-Bold.ttf",))
    if regular is None or bold is None:
        import reportlab

        folder = Path(reportlab.__file__).parent / "fonts"
        regular, bold = str(folder / "Vera.ttf"), str(folder / "VeraBd.ttf")
    pdfmetrics.registerFont(TTFont("OS-Sans", regular))
    pdfmetrics.registerFont(TTFont("OS-Sans-Bold", bold))
    pdfmetrics.registerFontFamily(
        "OS-Sans",
        normal="OS-Sans",
        bold="OS-Sans-Bold",
        italic="OS-Sans",
        boldItalic="OS-Sans-Bold",
    )
    _FONTS = ("OS-Sans", "OS-Sans-Bold")
    return _FONTS


def make_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the report."""
    regular, bold = register_fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.2),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=bold, fontSize=7.5, leading=9.2),
        "cellc": ParagraphStyle(
            "cellc", parent=base, fontName=bold, fontSize=7.5, leading=9.2, alignment=TA_CENTER
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=8, leading=10, textColor=MUTED, spaceBefore=2
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=bold, fontSize=15, leading=19, spaceBefore=6, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=bold, fontSize=12, leading=15, spaceBefore=10, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=bold, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3
        ),
        "cover_title": ParagraphStyle(
            "cover_title", parent=base, fontName=bold, fontSize=26, leading=31, spaceAfter=10
        ),
        "cover_site": ParagraphStyle(
            "cover_site", parent=base, fontSize=17, leading=22, spaceAfter=6
        ),
        "cover_class": ParagraphStyle(
            "cover_class",
            parent=base,
            fontName=bold,
            fontSize=16,
            leading=20,
            textColor=RED,
            alignment=TA_CENTER,
        ),
        "risk": ParagraphStyle(
            "risk", parent=base, fontName=bold, fontSize=13, leading=17, alignment=TA_CENTER
        ),
    }


class NumberedCanvas(rl_canvas.Canvas):
    """A canvas that knows the page count when it writes "page x of y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.page_label: Callable[[int, int], str] = lambda n, total: f"{n} / {total}"

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            regular, _ = register_fonts()
            self.setFont(regular, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(
                PAGE_W - MARGIN_X, FOOTER_Y, self.page_label(self._pageNumber, total)
            )
            super().showPage()
        super().save()


def canvas_maker(label: str) -> Callable[..., NumberedCanvas]:
    """A reportlab canvasmaker writing ``label.format(page, total)`` on every page."""

    def make(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canv = NumberedCanvas(*args, **kwargs)
        canv.page_label = lambda n, total: label.format(n, total)
        return canv

    return make


def assessment_meta(scan: Scan) -> dict[str, Any]:
    """The advice data stored in the scan: ``threat`` (text) and ``contacts``
    (list of ``{"role", "name", "phone"}``)."""
    data = scan.meta.get("assessment") if isinstance(scan.meta, dict) else None
    return dict(data) if isinstance(data, dict) else {}
