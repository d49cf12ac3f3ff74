"""The scale block: the scale text, a scale bar true in metres and a north arrow turned
to true north.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from omgevingsscan.export.extent import ScaleBar, grid_convergence_deg, scale_bar
from omgevingsscan.export.paper import format_scale
from omgevingsscan.render.layout.canvas import PageCanvas
from omgevingsscan.render.layout.prepare import INK, MUTED, SCALE_BAR_COLOUR


def paint_scale(c: PageCanvas) -> None:
    """The scale block: scale text, scale bar, "print at 100 %" note and north arrow."""
    painter, k = c.painter, c.k
    plan, ext = c.page.plan, c.page.extent
    rect = c.r(plan.scale)
    if plan.landscape:
        c.rule(rect.top(), plan.scale.x, plan.scale.right)
    fs = plan.font_scale
    arrow_w = 12.0 * fs * k
    bold = c.font(7.6, True)
    small = c.font(6.0)
    fmb, fms = c.metrics(bold), c.metrics(small)
    top = rect.top() + 1.6 * k
    painter.setFont(bold)
    painter.setPen(QColor(INK))
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
    painter.setPen(QColor(MUTED))
    note = QCoreApplication.translate("PrintLayout", "Print at 100 % (no fit to page)")
    painter.drawText(QPointF(rect.left(), bottom + 1.4 * k + fms.ascent()), note)
    size = min(arrow_w, rect.height() - 4.0 * k)
    gamma = grid_convergence_deg(c.page.scan.crs, ext.cx, ext.cy)
    paint_north_arrow(
        painter,
        QPointF(rect.right() - arrow_w / 2, rect.top() + 4.2 * k + size / 2),
        size,
        gamma,
        k,
        c.font(8.5, True),
    )


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
    painter.setPen(QColor(INK))
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
    pen = QPen(QColor(INK), 0.2 * k)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QColor(INK))
    painter.drawPolygon(left)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(right)
    fm = QFontMetricsF(font, painter.device())
    painter.setFont(font)
    painter.setPen(QColor(INK))
    painter.drawText(QPointF(-fm.horizontalAdvance("N") / 2, -half_h - 0.8 * k), "N")
    painter.restore()
