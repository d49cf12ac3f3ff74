"""The report builder: shared pieces (paragraphs, tables, fitted figures, page
furniture) and the assembly of the sections into a PDF. No Qt here.

Sections are plain functions of the builder (:mod:`.sections` for the cover and the
analysis annexes, :mod:`.advice` for findings and measures), so each stays small and a
new section is one function added to :meth:`ReportBuilder.story`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from omgevingsscan import __version__
from omgevingsscan.errors import ImportCancelled
from omgevingsscan.export.findings import BASE_KINDS, Findings
from omgevingsscan.export.paper import format_scale
from omgevingsscan.export.report.base import (
    FIGURE_RESERVE,
    FOOTER_Y,
    FRAME_H,
    HEAD_BG,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    RED,
    RULE,
    TEXT_W,
    Cancelled,
    MapFigure,
    MapRenderer,
    Progress,
    ReportOptions,
    canvas_maker,
    fit_size,
    make_styles,
    register_fonts,
)
from omgevingsscan.export.report.content import Advice
from omgevingsscan.export.report.i18n import translator
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan


class ReportBuilder:
    """Builds the report of one scan; see :func:`omgevingsscan.export.report.write_report`."""

    def __init__(
        self,
        scan: Scan,
        options: ReportOptions,
        renderer: MapRenderer | None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self.scan = scan
        self.options = options
        self.renderer = renderer
        self._progress = progress or (lambda _f, _m: None)
        self._cancelled = cancelled or (lambda: False)
        self._: Callable[[str], str] = options.translate or translator(options.language)
        self.s = make_styles()
        self.exported_at = datetime.now().astimezone()
        self.figure_no = 0
        self.findings: Findings | None = None
        self.advice: Advice | None = None

    # -- small pieces ---------------------------------------------------------------------
    def progress(self, fraction: float, message: str) -> None:
        """Report progress (0–1) and stop when cancelled."""
        self.check()
        self._progress(fraction, message)

    def check(self) -> None:
        """Raise ImportCancelled when the caller cancelled."""
        if self._cancelled():
            raise ImportCancelled("report cancelled")

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of plain text (escaped)."""
        return Paragraph(escape(text), self.s[style])

    def kv_table(self, rows: list[tuple[str, str]], key_w: float = 42 * mm) -> Table:
        """A two-column key/value table (keys translated)."""
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

    def grid_table(
        self,
        headers: list[str],
        rows: list[list[Any]],
        widths: list[float] | None = None,
        extra_style: list[tuple[Any, ...]] | None = None,
    ) -> Table:
        """A data table whose header row repeats on every page it runs over.

        Cells may be text or flowables; ``widths`` are fractions of the text width.
        """
        data = [[self.p(h, "cellb") for h in headers]]
        data += [
            [c if isinstance(c, Flowable) else self.p(str(c), "cell") for c in row] for row in rows
        ]
        n = max(len(headers), 1)
        cols = [TEXT_W * w for w in widths] if widths else [TEXT_W / n] * n
        table = Table(data, colWidths=cols, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    *(extra_style or []),
                ]
            )
        )
        return table

    def image(self, data: bytes, width: float, height: float, max_w: float, max_h: float) -> Image:
        """An image of ``width`` × ``height`` points, scaled down to fit ``max_w`` × ``max_h``."""
        w, h = fit_size(width, height, max_w, max_h)
        return Image(io.BytesIO(data), width=w, height=h)

    def figure(
        self,
        figure: MapFigure,
        caption: str,
        heading: Flowable | None = None,
        max_h: float | None = None,
    ) -> list[Flowable]:
        """A rendered map with a numbered caption (and an optional heading above it),
        kept together on one page. The image is fitted to the frame whatever its
        legend's length or the study area's shape (at most ``max_h`` points high)."""
        if self.renderer is None:
            return []
        self.check()
        rendered = self.renderer.render_figure(self.scan, figure, self.options.map_dpi)
        self.figure_no += 1
        limit = FRAME_H - FIGURE_RESERVE if max_h is None else min(max_h, FRAME_H - FIGURE_RESERVE)
        image = self.image(
            rendered.png, rendered.width_mm * mm, rendered.height_mm * mm, TEXT_W, limit
        )
        text = self._("Figure {0}. {1}, scale {2} (on A4). {3}").format(
            self.figure_no, caption, format_scale(rendered.scale), ATTRIBUTION
        )
        if image.drawHeight < rendered.height_mm * mm - 0.5:
            text += " " + self._("Reduced to fit the page.")
        parts = [image, self.p(text, "caption"), Spacer(1, 4 * mm)]
        return [KeepTogether(([heading] if heading is not None else []) + parts)]

    def map_layers(self, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The visible base layers plus the layers named in ``extra``."""
        names = []
        for layer in self.scan.layers:
            if not isinstance(layer, VectorLayer):
                continue
            if layer.name in extra or (layer.kind in BASE_KINDS and layer.visible):
                names.append(layer.name)
        return tuple(names)

    def date(self) -> str:
        """The report date (the option, else today)."""
        return self.options.date or self.exported_at.strftime("%Y-%m-%d")

    # -- page furniture ---------------------------------------------------------------------
    def on_page(self, canv: rl_canvas.Canvas, _doc: Any) -> None:
        """Classification marks, running head and footer of every page."""
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
        canv.drawRightString(
            PAGE_W - MARGIN_X,
            PAGE_H - 16 * mm,
            self._("version {0} · {1}").format(self.options.version, self.date()),
        )
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

    # -- the document -------------------------------------------------------------------------
    def write(self, path: Path, story: list[Flowable], subject: str = "") -> int:
        """Write ``story`` as a PDF to ``path``; returns the page count."""
        self.check()
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
            subject=subject or self.options.classification or "",
            creator=f"omgevingsscan {__version__}",
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, TEXT_W, FRAME_H, id="body")
        doc.addPageTemplates(
            [
                PageTemplate("cover", frames=[frame], onPage=self.on_page),
                PageTemplate("body", frames=[frame], onPage=self.on_page),
            ]
        )
        doc.build(story, canvasmaker=canvas_maker(self._("page {0} of {1}")))
        return int(doc.page)
