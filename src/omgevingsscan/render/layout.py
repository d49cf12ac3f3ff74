"""The print layout: a map page painted with Qt into PDF, PNG, SVG or a preview image.

The map inside the frame is the very :class:`MapScene` the canvas shows, rendered at
the exact scale of the page (one renderer, never two). Around it the page carries the
title block, the legend, a scale bar true in metres, a north arrow, coordinate ticks
on the frame, the attribution, the data date, the export date and the classification
at top and bottom. Page geometry (where each block goes, the map extent, tick and
scale-bar maths) is Qt-free in :mod:`omgevingsscan.export.page`; this module paints it.

Everything is painted in device units; millimetres are converted with the device's
resolution (``dots_per_mm``), type sizes are points.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgGenerator

from omgevingsscan import __version__
from omgevingsscan.errors import ExportError, ImportCancelled
from omgevingsscan.export.files import atomic_target, check_target
from omgevingsscan.export.page import (
    PRINT_FORMATS,
    MapExtent,
    PagePlan,
    PrintSpec,
    Rect,
    ScaleBar,
    crs_label,
    default_title,
    format_coordinate,
    grid_convergence_deg,
    grid_ticks,
    map_extent,
    plan_page,
    scale_bar,
    target_box,
)
from omgevingsscan.export.paper import dots_per_mm, format_scale, mm_to_px
from omgevingsscan.export.snapshot import shifted_scan, snapshot_scan
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.render.legend import legend_groups, paint_legend
from omgevingsscan.render.qt_app import ensure_app
from omgevingsscan.render.scene import MapScene
from omgevingsscan.scan import Scan

#: Colour of the scale bar (its outline and dark segments); tests find the bar by it.
SCALE_BAR_COLOUR = "#1b1b1b"
#: Colour of the classification marking.
CLASSIFICATION_COLOUR = "#a4161a"
#: PDF device resolution (dots per inch); PDF coordinates are exact to 1/1200 inch.
PDF_DPI = 1200
#: SVG user units per inch (the viewBox is the page in these units).
SVG_DPI = 300
_INK = "#222222"
_MUTED = "#555555"
_RULE = "#9a9a9a"

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


def font_family() -> str:
    """The family used on printed pages: DejaVu Sans when installed, else Qt's default."""
    families = QFontDatabase.families()
    for name in ("DejaVu Sans", "Liberation Sans", "Arial"):
        if name in families:
            return name
    return QFont().defaultFamily()


@dataclass(frozen=True)
class PreparedPage:
    """Everything a page needs before painting: spec, plan, extent and the scan to draw."""

    spec: PrintSpec
    plan: PagePlan
    extent: MapExtent
    scan: Scan
    exported_at: datetime
    #: ``(dx, dy)`` metres by which ``scan`` was moved (see ``shifted_scan``); the
    #: extent, tick labels and texts stay in true coordinates.
    offset: tuple[float, float] = (0.0, 0.0)

    @property
    def drawn_extent(self) -> MapExtent:
        """The extent in the coordinates of the drawn (possibly moved) scan."""
        dx, dy = self.offset
        e = self.extent
        return MapExtent(e.cx + dx, e.cy + dy, e.width_m, e.height_m, e.scale)

    def moved_near_origin(self) -> PreparedPage:
        """This page drawing a copy of the scan moved so the map centre is near (0, 0)."""
        dx = -round(self.extent.cx, -2) - self.offset[0]
        dy = -round(self.extent.cy, -2) - self.offset[1]
        moved = shifted_scan(self.scan, dx, dy)
        return replace(self, scan=moved, offset=(self.offset[0] + dx, self.offset[1] + dy))


def prepare_page(scan: Scan, spec: PrintSpec, *, snapshot: bool = True) -> PreparedPage:
    """Validate ``spec`` against ``scan`` and work out the page; no painting yet.

    Parameters
    ----------
    scan
        The scan. With ``snapshot`` (the default) the chosen layers are copied, so the
        export does not follow later edits; pass a snapshot and ``snapshot=False`` to
        reuse one (the dialog's preview does).
    spec
        The options.

    Raises
    ------
    ExportError
        Unknown paper size, bad scale, unknown layer, or a map that would be empty.
    """
    spec = spec.validated()
    if spec.layers is not None and not spec.layers:
        raise ExportError("no layers chosen: the map would be empty")
    plan = plan_page(spec.paper, spec.landscape, bool(spec.classification))
    extent = map_extent(scan, target_box(spec, scan), plan.map.w, plan.map.h, spec.scale)
    drawn = snapshot_scan(scan, spec.layers) if snapshot else scan
    when = spec.exported_at or datetime.now().astimezone()
    return PreparedPage(spec, plan, extent, drawn, when)


class PagePainter:
    """Paints a prepared page onto any QPainter device at ``dpi`` dots per inch.

    Keep one per export; ``scene`` may be passed in to reuse a MapScene of the same
    scan (the preview does), else one is made and disposed for each paint.
    """

    def __init__(self, page: PreparedPage, scene: MapScene | None = None) -> None:
        self.page = page
        self.scene = scene
        self.family = font_family()

    # -- helpers ----------------------------------------------------------------------
    def _r(self, rect: Rect) -> QRectF:
        k = self._k
        return QRectF(rect.x * k, rect.y * k, rect.w * k, rect.h * k)

    def _font(self, pt: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(pt * self.page.plan.font_scale)
        font.setBold(bold)
        return font

    def _metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self._painter.device())

    def _fit_font(self, text: str, pt: float, width: float, bold: bool, min_pt: float) -> QFont:
        font = self._font(pt, bold)
        while self._metrics(font).horizontalAdvance(text) > width and pt > min_pt:
            pt = max(min_pt, pt - 0.5)
            font = self._font(pt, bold)
        return font

    def _text_block(
        self,
        rect: QRectF,
        lines: list[tuple[str, QFont, str]],
        spacing: float = 0.0,
    ) -> float:
        """Draw wrapped lines top-down inside ``rect``; return the height used."""
        painter = self._painter
        y = rect.top()
        for text, font, colour in lines:
            if not text:
                continue
            painter.setFont(font)
            painter.setPen(QColor(colour))
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
                Qt.TextFlag.TextWordWrap
            )
            room = QRectF(rect.left(), y, rect.width(), max(rect.bottom() - y, 0.0))
            needed = self._metrics(font).boundingRect(room, flags, text)
            if needed.height() > room.height() + 0.5:
                text = self._metrics(font).elidedText(
                    text, Qt.TextElideMode.ElideRight, rect.width()
                )
                needed = self._metrics(font).boundingRect(room, flags, text)
                if needed.height() > room.height() + 0.5:
                    break
            painter.drawText(room, flags, text)
            y += needed.height() + spacing
        return y - rect.top()

    # -- painting ---------------------------------------------------------------------
    def paint(self, painter: QPainter, dpi: float) -> None:
        """Paint the whole page; ``painter`` is active on a page-sized device."""
        self._painter = painter
        self._k = dots_per_mm(dpi)
        plan = self.page.plan
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(self._r(plan.page), QColor("#ffffff"))
        self._paint_map()
        self._paint_frame_and_ticks()
        self._paint_title()
        self._paint_legend()
        self._paint_scale()
        self._paint_credits()
        self._paint_banners()

    def _paint_map(self) -> None:
        painter, ext = self._painter, self.page.drawn_extent
        x0, y0, x1, y1 = ext.bounds
        target = self._r(self.page.plan.map)
        source = QRectF(x0, -y1, x1 - x0, y1 - y0)
        own = self.scene is None
        scene = MapScene(self.page.scan) if own else self.scene
        assert scene is not None
        try:
            painter.save()
            painter.setClipRect(target)
            scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
            painter.restore()
        finally:
            if own:
                scene.dispose()

    def _paint_frame_and_ticks(self) -> None:
        painter, plan, ext = self._painter, self.page.plan, self.page.extent
        k = self._k
        frame = self._r(plan.map)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(_INK), 0.35 * k))
        painter.drawRect(frame)
        x0, y0, x1, y1 = ext.bounds
        font = self._font(5.8)
        fm = self._metrics(font)
        painter.setFont(font)
        out_len, in_len = 1.6 * k, 1.2 * k
        label_gap = 0.5 * k
        tick_pen = QPen(QColor(_INK), 0.2 * k)
        corner = 1.0 * k

        def to_px(v: float, lo: float, hi: float, a: float, b: float) -> float:
            return a + (v - lo) / (hi - lo) * (b - a)

        _, xs = grid_ticks(x0, x1, ext.scale)
        for x in xs:
            px = to_px(x, x0, x1, frame.left(), frame.right())
            if px - frame.left() < corner or frame.right() - px < corner:
                continue
            painter.setPen(tick_pen)
            painter.drawLine(QPointF(px, frame.top() - out_len), QPointF(px, frame.top() + in_len))
            painter.drawLine(
                QPointF(px, frame.bottom() - in_len), QPointF(px, frame.bottom() + out_len)
            )
            label = format_coordinate(x)
            w = fm.horizontalAdvance(label)
            if px - w / 2 < frame.left() or px + w / 2 > frame.right():
                continue
            painter.setPen(QColor(_INK))
            painter.drawText(
                QPointF(px - w / 2, frame.top() - out_len - label_gap - fm.descent()), label
            )
            painter.drawText(
                QPointF(px - w / 2, frame.bottom() + out_len + label_gap + fm.ascent()), label
            )
        _, ys = grid_ticks(y0, y1, ext.scale)
        for y in ys:
            py = to_px(y, y0, y1, frame.bottom(), frame.top())
            if frame.bottom() - py < corner or py - frame.top() < corner:
                continue
            painter.setPen(tick_pen)
            painter.drawLine(
                QPointF(frame.left() - out_len, py), QPointF(frame.left() + in_len, py)
            )
            painter.drawLine(
                QPointF(frame.right() - in_len, py), QPointF(frame.right() + out_len, py)
            )
            label = format_coordinate(y)
            w = fm.horizontalAdvance(label)
            if py - w / 2 < frame.top() or py + w / 2 > frame.bottom():
                continue
            painter.setPen(QColor(_INK))
            for side in ("left", "right"):
                painter.save()
                if side == "left":
                    painter.translate(frame.left() - out_len - label_gap - fm.descent(), py)
                else:
                    painter.translate(frame.right() + out_len + label_gap + fm.ascent(), py)
                painter.rotate(-90)
                painter.drawText(QPointF(-w / 2, 0), label)
                painter.restore()

    def _paint_title(self) -> None:
        spec, scan = self.page.spec, self.page.scan
        plan = self.page.plan
        rect = self._r(plan.title)
        self._rule(
            rect.top(), plan.title.x, plan.title.right if plan.landscape else plan.scale.right
        )
        inner = rect.adjusted(0, 1.6 * self._k, 0, 0)
        title = spec.title or default_title(scan)
        title_font = self._fit_font(title, 14.0, inner.width(), True, 12.0)
        sub_font = self._fit_font(spec.subtitle, 9.0, inner.width(), False, 7.5)
        site_kind = {
            "residence": QCoreApplication.translate("PrintLayout", "residence"),
            "townhall": QCoreApplication.translate("PrintLayout", "town hall"),
            "venue": QCoreApplication.translate("PrintLayout", "venue"),
            "other": "",
        }.get(scan.site.kind, scan.site.kind)
        site = scan.site.name + (f" ({site_kind})" if site_kind else "")
        when = spec.date or self.page.exported_at.strftime("%Y-%m-%d")
        body = self._font(7.2)
        label = self._font(7.2, True)
        used = self._text_block(
            inner,
            [(title, title_font, _INK), (spec.subtitle, sub_font, "#333333")],
            spacing=0.8 * self._k,
        )
        rows = [
            (QCoreApplication.translate("PrintLayout", "Site"), site),
            (
                QCoreApplication.translate("PrintLayout", "Scale"),
                f"{format_scale(self.page.extent.scale)} ({self.page.plan.paper})",
            ),
            (QCoreApplication.translate("PrintLayout", "Author"), spec.author),
            (QCoreApplication.translate("PrintLayout", "Date"), when),
        ]
        y = inner.top() + used + 1.2 * self._k
        fm = self._metrics(body)
        key_w = max(self._metrics(label).horizontalAdvance(k) for k, v in rows if v) + 2.0 * self._k
        line_h = fm.height() * 1.15
        for key, value in rows:
            if not value:
                continue
            if y + line_h > rect.bottom():
                break
            self._painter.setFont(label)
            self._painter.setPen(QColor(_MUTED))
            self._painter.drawText(QPointF(inner.left(), y + fm.ascent()), key)
            self._painter.setFont(body)
            self._painter.setPen(QColor(_INK))
            text = fm.elidedText(value, Qt.TextElideMode.ElideRight, inner.width() - key_w)
            self._painter.drawText(QPointF(inner.left() + key_w, y + fm.ascent()), text)
            y += line_h

    def _rule(self, y: float, x0_mm: float, x1_mm: float) -> None:
        painter, k = self._painter, self._k
        painter.setPen(QPen(QColor(_RULE), 0.25 * k))
        painter.drawLine(QPointF(x0_mm * k, y), QPointF(x1_mm * k, y))

    def _paint_legend(self) -> None:
        rect = self._r(self.page.plan.legend)
        k = self._k
        heading = self._font(8.0, True)
        self._painter.setFont(heading)
        self._painter.setPen(QColor(_INK))
        fm = self._metrics(heading)
        self._painter.drawText(
            QPointF(rect.left(), rect.top() + 1.2 * k + fm.ascent()),
            QCoreApplication.translate("PrintLayout", "Legend"),
        )
        body = rect.adjusted(0, 1.2 * k + fm.height() + 1.0 * k, 0, 0)
        groups = legend_groups(self.page.scan, self.page.drawn_extent)
        paint_legend(
            self._painter,
            body,
            groups,
            self.page.extent.scale,
            k,
            6.6 * self.page.plan.font_scale,
            self.family,
            _INK,
        )

    def _paint_scale(self) -> None:
        painter, k = self._painter, self._k
        plan, ext = self.page.plan, self.page.extent
        rect = self._r(plan.scale)
        if plan.landscape:
            self._rule(rect.top(), plan.scale.x, plan.scale.right)
        fs = plan.font_scale
        arrow_w = 12.0 * fs * k
        bold = self._font(7.6, True)
        small = self._font(6.0)
        fmb, fms = self._metrics(bold), self._metrics(small)
        top = rect.top() + 1.6 * k
        painter.setFont(bold)
        painter.setPen(QColor(_INK))
        painter.drawText(
            QPointF(rect.left(), top + fmb.ascent()),
            QCoreApplication.translate("PrintLayout", "Scale {0} on {1}").format(
                format_scale(ext.scale), plan.paper
            ),
        )
        unit_room = fms.horizontalAdvance(" 0000 km") + 1.0 * k
        max_mm = (rect.width() - arrow_w - unit_room - 3.0 * k) / k
        bottom = paint_scale_bar(
            painter,
            QPointF(rect.left() + 0.5 * k, top + fmb.height() + 1.2 * k),
            scale_bar(ext.scale, max_mm),
            k,
            small,
            1.5 * fs,
        )
        painter.setFont(small)
        painter.setPen(QColor(_MUTED))
        note = QCoreApplication.translate("PrintLayout", "Print at 100 % (no fit to page)")
        painter.drawText(QPointF(rect.left(), bottom + 1.4 * k + fms.ascent()), note)
        size = min(arrow_w, rect.height() - 4.0 * k)
        gamma = grid_convergence_deg(self.page.scan.crs, ext.cx, ext.cy)
        paint_north_arrow(
            painter,
            QPointF(rect.right() - arrow_w / 2, rect.top() + 4.2 * k + size / 2),
            size,
            gamma,
            k,
            self._font(8.5, True),
        )

    def _paint_credits(self) -> None:
        page, k = self.page, self._k
        scan = page.scan
        rect = self._r(page.plan.credits)
        self._rule(rect.top(), page.plan.credits.x, page.plan.credits.right)
        small = self._font(6.0)
        bold = self._font(6.0, True)
        gamma = grid_convergence_deg(scan.crs, page.extent.cx, page.extent.cy)
        data_date = (scan.data_date or "")[:10] or QCoreApplication.translate(
            "PrintLayout", "unknown"
        )
        lines = [
            (ATTRIBUTION, bold, _INK),
            (
                QCoreApplication.translate("PrintLayout", "Data date {0}; source {1}").format(
                    data_date, scan.source or "OSM"
                ),
                small,
                _INK,
            ),
            (
                QCoreApplication.translate(
                    "PrintLayout", "Coordinates {0}, metres; grid north (true north {1:+.1f}°)"
                ).format(crs_label(scan.crs), gamma),
                small,
                _INK,
            ),
        ]
        if scan.coverage < 0.999:
            lines.append(
                (
                    QCoreApplication.translate(
                        "PrintLayout",
                        "The data covers {0:.0%} of the study area (hatched: no data)",
                    ).format(scan.coverage),
                    small,
                    CLASSIFICATION_COLOUR,
                )
            )
        exported = page.exported_at.strftime("%Y-%m-%d %H:%M")
        lines.append(
            (
                QCoreApplication.translate(
                    "PrintLayout", "Exported {0} with omgevingsscan {1}"
                ).format(exported, __version__),
                small,
                _MUTED,
            )
        )
        self._text_block(rect.adjusted(0, 1.6 * k, 0, 0), lines, spacing=0.6 * k)

    def _paint_banners(self) -> None:
        spec = self.page.spec
        if not spec.classification:
            return
        painter = self._painter
        for banner in self.page.plan.banners:
            rect = self._r(banner)
            font = self._fit_font(spec.classification, 10.0, rect.width(), True, 6.0)
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
            painter.setFont(font)
            painter.setPen(QColor(CLASSIFICATION_COLOUR))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), spec.classification)


def paint_scale_bar(
    painter: QPainter, origin: QPointF, bar: ScaleBar, k: float, font: QFont, height_mm: float
) -> float:
    """Draw a scale bar with its labels above it; return the bar's bottom (device units).

    ``origin`` is the top-left of the label line, ``k`` device units per millimetre.
    The bar is exactly ``bar.length_mm`` long: segments alternate dark and white
    inside one outline rectangle of colour :data:`SCALE_BAR_COLOUR`.
    """
    fm = QFontMetricsF(font, painter.device())
    label_y = origin.y() + fm.ascent()
    bx, by = origin.x(), label_y + fm.descent() + 0.8 * k
    bar_h = height_mm * k
    seg = bar.length_mm * k / bar.segments
    painter.setPen(Qt.PenStyle.NoPen)
    for i in range(bar.segments):
        painter.setBrush(QColor(SCALE_BAR_COLOUR if i % 2 == 0 else "#ffffff"))
        painter.drawRect(QRectF(bx + i * seg, by, seg, bar_h))
    outline = QPen(QColor(SCALE_BAR_COLOUR), 0.15 * k)
    outline.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(outline)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(bx, by, bar.length_mm * k, bar_h))
    painter.setFont(font)
    painter.setPen(QColor(_INK))
    for i, (offset_mm, text) in enumerate(bar.labels):
        w = fm.horizontalAdvance(text)
        x = bx + offset_mm * k - w / 2
        painter.drawText(QPointF(x, label_y), text)
        if i == len(bar.labels) - 1:
            painter.drawText(QPointF(x + w + 0.8 * k, label_y), bar.unit)
    return by + bar_h


def paint_north_arrow(
    painter: QPainter, centre: QPointF, size: float, gamma_deg: float, k: float, font: QFont
) -> None:
    """Draw a north arrow ``size`` device units tall at ``centre``, turned to true north.

    ``gamma_deg`` is the grid bearing of true north (see ``grid_convergence_deg``).
    """
    half_h, half_w = size * 0.42, size * 0.2
    painter.save()
    painter.translate(centre)
    painter.rotate(gamma_deg)
    left = QPolygonF([QPointF(0, -half_h), QPointF(-half_w, half_h), QPointF(0, half_h * 0.55)])
    right = QPolygonF([QPointF(0, -half_h), QPointF(half_w, half_h), QPointF(0, half_h * 0.55)])
    pen = QPen(QColor(_INK), 0.2 * k)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QColor(_INK))
    painter.drawPolygon(left)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(right)
    fm = QFontMetricsF(font, painter.device())
    painter.setFont(font)
    painter.setPen(QColor(_INK))
    painter.drawText(QPointF(-fm.horizontalAdvance("N") / 2, -half_h - 0.8 * k), "N")
    painter.restore()


# -- devices ------------------------------------------------------------------------------
def page_layout(plan: PagePlan) -> QPageLayout:
    """The Qt page layout (ISO size, orientation, no margins) of a plan."""
    ids = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
    orientation = (
        QPageLayout.Orientation.Landscape if plan.landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(QPageSize(ids[plan.paper]), orientation, QMarginsF(0, 0, 0, 0))


def _write_pdf(page: PreparedPage, tmp: Path, scene: MapScene | None = None) -> None:
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(page.plan))
    writer.setTitle(page.spec.title or default_title(page.scan))
    writer.setCreator(f"omgevingsscan {__version__}")
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"{tmp}: the PDF writer could not start")
    try:
        PagePainter(page, scene).paint(painter, PDF_DPI)
    finally:
        painter.end()


def page_image(page: PreparedPage, dpi: float, scene: MapScene | None = None) -> QImage:
    """Paint ``page`` into a new white RGB image at ``dpi`` (with DPI metadata set)."""
    w_mm, h_mm = page.plan.page.w, page.plan.page.h
    size = QSize(mm_to_px(w_mm, dpi), mm_to_px(h_mm, dpi))
    image = QImage(size, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ExportError(
            f"an image of {size.width()} × {size.height()} pixels does not fit in memory; "
            "choose a lower resolution"
        )
    image.fill(QColor("#ffffff"))
    dots_per_m = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_m)
    image.setDotsPerMeterY(dots_per_m)
    painter = QPainter(image)
    try:
        PagePainter(page, scene).paint(painter, dpi)
    finally:
        painter.end()
    return image


def _write_png(page: PreparedPage, tmp: Path, scene: MapScene | None = None) -> None:
    image = page_image(page, page.spec.dpi, scene)
    if not image.save(str(tmp), "PNG"):
        raise ExportError(f"{tmp}: the PNG could not be written")


_SVG_SIZE = re.compile(rb'<svg width="[^"]*" height="[^"]*"')


def _write_svg(page: PreparedPage, tmp: Path, scene: MapScene | None = None) -> None:
    # Qt's SVG writer keeps 6 significant digits: draw the map moved near the origin so
    # coordinates stay centimetre-precise (RD metres have six digits before the point).
    if scene is None:
        page = page.moved_near_origin()
    w_mm, h_mm = page.plan.page.w, page.plan.page.h
    k = dots_per_mm(SVG_DPI)
    # SVG 1.1 (not Tiny 1.2) so the map is clipped to its frame (clipPath).
    gen = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    gen.setFileName(str(tmp))
    gen.setResolution(SVG_DPI)
    gen.setSize(QSize(mm_to_px(w_mm, SVG_DPI), mm_to_px(h_mm, SVG_DPI)))
    gen.setViewBox(QRectF(0, 0, w_mm * k, h_mm * k))
    gen.setTitle(page.spec.title or default_title(page.scan))
    gen.setDescription(f"{ATTRIBUTION}. omgevingsscan {__version__}")
    painter = QPainter()
    if not painter.begin(gen):
        raise ExportError(f"{tmp}: the SVG writer could not start")
    try:
        PagePainter(page, scene).paint(painter, SVG_DPI)
    finally:
        painter.end()
    # Qt rounds the page to whole pixels; state the exact paper size in millimetres.
    data = tmp.read_bytes()
    exact = f'<svg width="{w_mm:g}mm" height="{h_mm:g}mm"'.encode()
    tmp.write_bytes(_SVG_SIZE.sub(exact, data, count=1))


_WRITERS = {"pdf": _write_pdf, "png": _write_png, "svg": _write_svg}


def print_format(path: str | Path, fmt: str | None = None) -> str:
    """The print format for ``path``: ``fmt`` if given, else from the file name's suffix."""
    name = (fmt or Path(path).suffix.lstrip(".")).lower()
    if name not in PRINT_FORMATS:
        raise ExportError(
            f"{path}: print format {name or '(none)'!r} unknown; use "
            f"{', '.join('.' + f for f in PRINT_FORMATS)}"
        )
    return name


def export_print(
    scan: Scan,
    spec: PrintSpec,
    path: str | Path,
    fmt: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Write the print layout of ``scan`` to ``path`` as PDF, PNG or SVG.

    Parameters
    ----------
    scan
        The scan. For a background export pass a :func:`snapshot_scan` taken on the
        UI thread; the chosen layers are copied again here, cheaply.
    spec
        Paper, scale, frame, texts, layers and (for PNG) the resolution.
    path
        Output file; it appears only when complete (temporary file + rename).
    fmt
        "pdf", "png" or "svg"; default from the file name.
    progress, cancelled
        Optional worker callbacks (fraction 0–1 and message; poll for Cancel).

    Raises
    ------
    ExportError
        Bad options (see :func:`prepare_page`) or a file that cannot be written.
    ImportCancelled
        When ``cancelled()`` turned true; nothing is written then.
    """
    ensure_app()
    kind = print_format(path, fmt)
    check_target(path, kind)
    report = progress or (lambda _f, _m: None)
    report(0.05, "Preparing the page")
    page = prepare_page(scan, spec)
    if cancelled is not None and cancelled():
        raise ImportCancelled("export cancelled")
    report(0.2, f"Drawing the {kind.upper()} page")
    with atomic_target(path, kind) as tmp:
        _WRITERS[kind](page, tmp)
        if cancelled is not None and cancelled():
            raise ImportCancelled("export cancelled")
    report(1.0, "Export done")
    return Path(path)


def render_preview(page: PreparedPage, width_px: int, scene: MapScene | None = None) -> QImage:
    """A preview image of ``page``, ``width_px`` pixels wide (the dialog's live preview)."""
    ensure_app()
    dpi = width_px / (page.plan.page.w / 25.4)
    return page_image(page, dpi, scene)


def page_size_pt(plan: PagePlan) -> QSizeF:
    """The page size in PostScript points, as the PDF writer states it."""
    return page_layout(plan).fullRect(QPageLayout.Unit.Point).size()


def map_frame_device_rect(plan: PagePlan, dpi: float) -> QRectF:
    """The map frame in device units at ``dpi`` (for baselines and tests)."""
    k = dots_per_mm(dpi)
    r = plan.map
    return QRectF(r.x * k, r.y * k, r.w * k, r.h * k)
