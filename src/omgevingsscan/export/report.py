"""The assessment report: a PDF made from a scan with reportlab. No Qt here.

Why reportlab: the report is mostly flowing text and tables that run over several
pages. reportlab's Platypus gives pagination, tables whose header row repeats on each
page, keep-with-next headings and page templates (the classification at the top and
bottom of every page, "page x of y") as tested, documented building blocks; doing the
same with Qt's text document means slicing pages by hand. The maps are drawn by the
one renderer (the Qt :class:`~omgevingsscan.render.scene.MapScene`), reached through
the small :class:`MapRenderer` protocol so this module stays Qt-free; the caller
passes :class:`omgevingsscan.render.report_maps.QtMapRenderer`.

Sections appear only for analyses that were run (see :mod:`.findings`); the others
are listed as "not assessed" in the summary.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from omgevingsscan import __version__
from omgevingsscan.crs import RD_NEW
from omgevingsscan.errors import ExportError, ImportCancelled
from omgevingsscan.export.files import atomic_target, check_target
from omgevingsscan.export.findings import (
    BASE_KINDS,
    Findings,
    LayerFinding,
    collect_findings,
)
from omgevingsscan.export.paper import format_scale
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.io.osm_repair import figures_line
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
#: Baseline of the footer line (attribution, dates, page number).
FOOTER_Y = 13 * mm
TEXT_W = PAGE_W - 2 * MARGIN_X
#: Map size in the report, millimetres (full text width).
MAP_W_MM = TEXT_W / mm
MAP_H_MM = 150.0
#: Height of the legend strip under each report map, millimetres.
LEGEND_MM = 34.0
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
    map_dpi
        Resolution of the report's maps, dots per inch.
    translate
        Optional function translating the report's fixed English texts.
    """

    title: str = ""
    author: str = ""
    date: str = ""
    classification: str = ""
    map_dpi: int = 200
    translate: Callable[[str], str] | None = None


@dataclass(frozen=True)
class MapFigure:
    """A map for the report: the ground box to show and the layers to draw.

    ``box`` is ``(x0, y0, x1, y1)`` metres in the scan CRS; the map is centred on it and,
    with ``scale`` None, fitted around it. ``layers`` are layer names (None: the visible
    ones). ``legend_mm`` is the height of the legend strip under the map (0: none).
    """

    box: tuple[float, float, float, float]
    width_mm: float
    height_mm: float
    layers: tuple[str, ...] | None = None
    scale: float | None = None
    legend_mm: float = LEGEND_MM


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


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.2),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=bold, fontSize=7.5, leading=9.2),
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
    }


# -- the document ---------------------------------------------------------------------------
class _NumberedCanvas(rl_canvas.Canvas):
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


class ReportBuilder:
    """Builds the report of one scan; see :func:`write_report`."""

    def __init__(
        self,
        scan: Scan,
        options: ReportOptions,
        renderer: MapRenderer,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self.scan = scan
        self.options = options
        self.renderer = renderer
        self._progress = progress or (lambda _f, _m: None)
        self._cancelled = cancelled or (lambda: False)
        self._ = options.translate or (lambda text: text)
        self.s = _styles()
        self.exported_at = datetime.now().astimezone()
        self.figure_no = 0
        self.findings: Findings | None = None

    # -- small pieces ---------------------------------------------------------------------
    def _check(self) -> None:
        if self._cancelled():
            raise ImportCancelled("report cancelled")

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of plain text (escaped)."""
        return Paragraph(escape(text), self.s[style])

    def kv_table(self, rows: list[tuple[str, str]], key_w: float = 42 * mm) -> Table:
        """A two-column key/value table."""
        data = [[self.p(self._(k), "cellb"), self.p(v, "cell")] for k, v in rows]
        table = Table(data, colWidths=[key_w, TEXT_W - key_w], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return table

    def grid_table(self, headers: list[str], rows: list[list[str]]) -> Table:
        """A data table whose header row repeats on every page it runs over."""
        data = [[self.p(h, "cellb") for h in headers]]
        data += [[self.p(c, "cell") for c in row] for row in rows]
        n = max(len(headers), 1)
        table = Table(data, colWidths=[TEXT_W / n] * n, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    def figure(self, figure: MapFigure, caption: str, heading: Flowable | None = None) -> Flowable:
        """A rendered map with a numbered caption (and an optional heading above it),
        kept together on one page."""
        self._check()
        rendered = self.renderer.render_figure(self.scan, figure, self.options.map_dpi)
        self.figure_no += 1
        image = Image(
            io.BytesIO(rendered.png), width=rendered.width_mm * mm, height=rendered.height_mm * mm
        )
        text = self._("Figure {0}. {1}, scale {2} (on A4). {3}").format(
            self.figure_no, caption, format_scale(rendered.scale), ATTRIBUTION
        )
        parts = [image, self.p(text, "caption"), Spacer(1, 4 * mm)]
        return KeepTogether(([heading] if heading is not None else []) + parts)

    # -- page furniture ---------------------------------------------------------------------
    def _on_page(self, canv: rl_canvas.Canvas, _doc: Any) -> None:
        regular, bold = register_fonts()
        canv.saveState()
        classification = self.options.classification
        if classification:
            canv.setFont(bold, 10)
            canv.setFillColor(RED)
            canv.drawCentredString(PAGE_W / 2, PAGE_H - 10 * mm, classification)
            canv.drawCentredString(PAGE_W / 2, 7 * mm, classification)
        canv.setFont(regular, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_X, PAGE_H - 16 * mm, f"Omgevingsscan · {self.scan.site.name}")
        canv.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 16 * mm, self._date())
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_X, PAGE_H - 18 * mm, PAGE_W - MARGIN_X, PAGE_H - 18 * mm)
        canv.line(MARGIN_X, FOOTER_Y + 4 * mm, PAGE_W - MARGIN_X, FOOTER_Y + 4 * mm)
        data_date = (self.scan.data_date or "")[:10] or self._("unknown")
        canv.drawString(
            MARGIN_X,
            FOOTER_Y,
            self._("{0} · data date {1} · exported {2}").format(
                ATTRIBUTION, data_date, self.exported_at.strftime("%Y-%m-%d %H:%M")
            ),
        )
        canv.restoreState()

    def _date(self) -> str:
        return self.options.date or self.exported_at.strftime("%Y-%m-%d")

    # -- content ----------------------------------------------------------------------------
    def _map_layers(self, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        names = []
        for layer in self.scan.layers:
            if not isinstance(layer, VectorLayer):
                continue
            if layer.name in extra or (layer.kind in BASE_KINDS and layer.visible):
                names.append(layer.name)
        return tuple(names)

    def cover(self) -> list[Flowable]:
        """The cover page."""
        scan, o, _ = self.scan, self.options, self._
        story: list[Flowable] = [Spacer(1, 28 * mm)]
        if o.classification:
            banner = Table(
                [[self.p(o.classification, "cover_class")]],
                colWidths=[TEXT_W],
                style=TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 1.2, RED),
                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ]
                ),
            )
            story += [banner, Spacer(1, 16 * mm)]
        story.append(self.p(o.title or _("Security environment scan"), "cover_title"))
        story.append(self.p(scan.site.name, "cover_site"))
        story.append(
            self.p(
                _("{0} · {1:.6f} N, {2:.6f} E · study area {3:.0f} m").format(
                    scan.site.kind, scan.site.lat, scan.site.lon, scan.study_area.radius_m
                ),
                "body",
            )
        )
        story.append(Spacer(1, 14 * mm))
        rows = [(_("Date"), self._date())]
        if o.author:
            rows.append((_("Author"), o.author))
        if o.classification:
            rows.append((_("Classification"), o.classification))
        rows += [
            (_("Data"), f"{ATTRIBUTION}; {(scan.data_date or '')[:10]}"),
            (_("Made with"), f"omgevingsscan {__version__}"),
        ]
        story.append(self.kv_table(rows))
        if o.classification:
            story += [
                Spacer(1, 10 * mm),
                self.p(
                    _(
                        "This document is marked {0}. Handle, store and share it "
                        "accordingly; do not forward it to people without a need to know."
                    ).format(o.classification),
                    "small",
                ),
            ]
        story += [NextPageTemplate("body"), PageBreak()]
        return story

    def summary(self, findings: Findings) -> list[Flowable]:
        """Section 1: the site, the base data and which analyses were run."""
        _ = self._
        s = findings.summary
        scan = self.scan
        story: list[Flowable] = [self.p(_("1 Summary"), "h1")]
        story.append(
            self.p(
                _(
                    "This report describes the surroundings of {0} within {1:.0f} m, from "
                    "OpenStreetMap data whose newest edit is dated {2}. It lists the "
                    "security-relevant points in the study area and the results of the "
                    "analyses that were run in omgevingsscan. Distances are measured in "
                    "the local metric map projection ({3})."
                ).format(
                    scan.site.name,
                    scan.study_area.radius_m,
                    (scan.data_date or "unknown")[:10],
                    "RD New, EPSG:28992" if scan.crs == RD_NEW else scan.crs,
                )
            )
        )
        if scan.coverage < 0.999:
            story.append(
                self.p(
                    _(
                        "Caution: the loaded data covers only {0:.0%} of the study area; "
                        "the rest is hatched on the maps and not described here."
                    ).format(scan.coverage)
                )
            )
        story.append(Spacer(1, 3 * mm))
        story.append(self.kv_table([(k, v) for k, v in s.facts]))
        if s.poi_counts:
            story.append(self.p(_("Security-relevant points in the study area"), "h3"))
            story.append(
                self.grid_table(
                    [_("category"), _("number")], [[k, str(v)] for k, v in s.poi_counts]
                )
            )
        if s.nearest:
            story.append(self.p(_("Nearest emergency services (straight line)"), "h3"))
            story.append(
                self.grid_table([_("service"), _("distance")], [[k, v] for k, v in s.nearest])
            )
        story.append(self.p(_("Analyses"), "h3"))
        rows = []
        for i, sec in enumerate(findings.assessed, start=1):
            layers = ", ".join(f"{lf.title} ({lf.count})" for lf in sec.layers)
            rows.append([_(sec.section.title), _("assessed (section 3.{0})").format(i), layers])
        for sec in findings.not_assessed:
            rows.append(
                [_(sec.title), _("not assessed"), _("no results of this analysis in the scan")]
            )
        story.append(self.grid_table([_("analysis"), _("status"), _("layers (features)")], rows))
        return story

    def maps(self) -> list[Flowable]:
        """Section 2: the overview and the detail map."""
        _ = self._
        scan = self.scan
        story: list[Flowable] = [PageBreak(), self.p(_("2 Maps"), "h1")]
        self._progress(0.15, "Drawing the overview map")
        x0, y0, x1, y1 = scan.study_area.polygon.bounds
        visible = tuple(
            layer.name for layer in scan.layers if isinstance(layer, VectorLayer) and layer.visible
        )
        story.append(
            self.figure(
                MapFigure((x0, y0, x1, y1), MAP_W_MM, MAP_H_MM, visible),
                _("Overview of the study area ({0:.0f} m around the site)").format(
                    scan.study_area.radius_m
                ),
            )
        )
        self._progress(0.3, "Drawing the detail map")
        half = 110.0
        sx, sy = scan.site.x, scan.site.y
        story.append(
            self.figure(
                MapFigure(
                    (sx - half, sy - half, sx + half, sy + half), MAP_W_MM, MAP_H_MM, visible
                ),
                _("The site and its immediate surroundings"),
            )
        )
        return story

    def _layer_block(self, lf: LayerFinding, number: str) -> list[Flowable]:
        _ = self._
        story: list[Flowable] = [
            CondPageBreak(40 * mm),
            self.p(f"{number} {lf.title}", "h3"),
            self.kv_table([(k, v) for k, v in lf.facts]),
            Spacer(1, 2 * mm),
        ]
        if lf.table is not None and lf.table.rows:
            story.append(self.grid_table(lf.table.headers, lf.table.rows))
            if lf.table.omitted:
                story.append(
                    self.p(
                        _("{0} more rows are in the data export (GeoJSON, KML or CSV).").format(
                            lf.table.omitted
                        ),
                        "small",
                    )
                )
        return story

    def findings_section(self, findings: Findings) -> list[Flowable]:
        """Section 3: one subsection per analysis that was run."""
        _ = self._
        story: list[Flowable] = [PageBreak(), self.p(_("3 Findings"), "h1")]
        if not findings.assessed:
            story.append(
                self.p(
                    _(
                        "No analysis has been run on this scan yet; the summary lists each "
                        "analysis with its status."
                    )
                )
            )
        n = len(findings.assessed)
        for i, sec in enumerate(findings.assessed, start=1):
            self._progress(0.4 + 0.45 * (i - 1) / max(n, 1), f"Findings: {sec.section.title}")
            story.append(
                self.figure(
                    MapFigure(sec.bounds, MAP_W_MM, 120.0, self._map_layers(sec.layer_names)),
                    _(sec.section.title),
                    heading=self.p(f"3.{i} {_(sec.section.title)}", "h2"),
                )
            )
            for j, lf in enumerate(sec.layers, start=1):
                story += self._layer_block(lf, f"3.{i}.{j}")
        if findings.other_layers:
            story += [CondPageBreak(60 * mm), self.p(_("Other layers"), "h2")]
            for j, lf in enumerate(findings.other_layers, start=1):
                story += self._layer_block(lf, f"3.{n + 1}.{j}")
        return story

    def sources(self, findings: Findings) -> list[Flowable]:
        """Section 4: data sources, method notes and attribution."""
        _ = self._
        scan = self.scan
        story: list[Flowable] = [PageBreak(), self.p(_("4 Data sources and attribution"), "h1")]
        rows = [
            (_("map data"), f"OpenStreetMap, {scan.source or 'OSM'}"),
            (_("newest edit in the data"), (scan.data_date or _("unknown"))[:19]),
            (_("imported"), (scan.imported_at or "")[:19]),
            (_("coverage"), f"{scan.coverage:.0%}"),
            (_("repaired at import"), figures_line(scan.meta) or _("nothing")),
            (_("map projection"), "RD New (EPSG:28992)" if scan.crs == RD_NEW else scan.crs),
            (_("report made"), self.exported_at.strftime("%Y-%m-%d %H:%M %Z")),
            (_("software"), f"omgevingsscan {__version__}"),
        ]
        story.append(self.kv_table(rows))
        if findings.summary.height_sources:
            story.append(self.p(_("Building heights"), "h3"))
            story.append(
                self.p(
                    _(
                        "Heights come from the OSM height tag where present; else from "
                        "building:levels × 3 m plus a roof allowance; else from a default "
                        "per building type. The table shows how many buildings in the study "
                        "area got their height from each rule: the more defaults, the less "
                        "certain visibility results are."
                    )
                )
            )
            story.append(
                self.grid_table(
                    [_("height from"), _("buildings")],
                    [[k, str(v)] for k, v in findings.summary.height_sources],
                )
            )
        story.append(self.p(_("Attribution and licence"), "h3"))
        story.append(
            self.p(
                _(
                    "{0}. The map data is available under the Open Database Licence "
                    "(opendatacommons.org/licenses/odbl); the maps in this report are "
                    "produced works that must credit OpenStreetMap contributors."
                ).format(ATTRIBUTION)
            )
        )
        return story

    def build(self, path: Path) -> None:
        """Write the PDF to ``path`` (the caller makes it atomic)."""
        self._progress(0.02, "Collecting findings")
        findings = collect_findings(self.scan)
        self.findings = findings
        self._check()
        story = self.cover() + self.summary(findings) + self.maps()
        story += self.findings_section(findings) + self.sources(findings)
        self._check()
        self._progress(0.9, "Writing the PDF")
        doc = BaseDocTemplate(
            str(path),
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=self.options.title
            or self._("Security environment scan") + f" – {self.scan.site.name}",
            author=self.options.author or "",
            subject=self.options.classification or "",
            creator=f"omgevingsscan {__version__}",
        )
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, TEXT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body"
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", frames=[frame], onPage=self._on_page),
                PageTemplate("body", frames=[frame], onPage=self._on_page),
            ]
        )
        label = self._("page {0} of {1}")

        def make_canvas(*args: Any, **kwargs: Any) -> _NumberedCanvas:
            canv = _NumberedCanvas(*args, **kwargs)
            canv.page_label = lambda n, total: label.format(n, total)
            return canv

        doc.build(story, canvasmaker=make_canvas)


def write_report(
    scan: Scan,
    path: str | Path,
    options: ReportOptions,
    renderer: MapRenderer,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[Path, Findings]:
    """Write the assessment report of ``scan`` to ``path`` (PDF, atomically).

    Returns the path and the findings it states (which sections were assessed).

    Raises
    ------
    ExportError
        When the file cannot be written.
    ImportCancelled
        When ``cancelled()`` turned true; nothing is written then.
    """
    check_target(path, "pdf")
    if options.map_dpi < 72 or options.map_dpi > 600:
        raise ExportError(f"report map resolution {options.map_dpi} dpi out of range 72–600")
    builder = ReportBuilder(scan, options, renderer, progress, cancelled)
    with atomic_target(path, "pdf") as tmp:
        builder.build(tmp)
    assert builder.findings is not None
    if progress is not None:
        progress(1.0, "Report done")
    return Path(path), builder.findings


__all__ = [
    "MapFigure",
    "MapRenderer",
    "RenderedFigure",
    "ReportOptions",
    "write_report",
]
