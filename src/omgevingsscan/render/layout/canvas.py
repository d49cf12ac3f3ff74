"""The painting surface of one page: the painter, device units per millimetre and the
page, with helpers for fonts, rectangles, wrapped text blocks and rules.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from omgevingsscan.export.page import Rect
from omgevingsscan.render.layout.prepare import RULE, PreparedPage


class PageCanvas:
    """One paint of ``page`` on ``painter`` with ``k`` device units per millimetre.

    The page's blocks are painted by functions taking a canvas (see
    :mod:`omgevingsscan.render.layout.furniture`, :mod:`~omgevingsscan.render.layout.marks`
    and :mod:`~omgevingsscan.render.layout.frame`).
    """

    def __init__(self, page: PreparedPage, painter: QPainter, k: float, family: str) -> None:
        self.page = page
        self.painter = painter
        self.k = k
        self.family = family

    def r(self, rect: Rect) -> QRectF:
        """``rect`` (millimetres) in device units."""
        k = self.k
        return QRectF(rect.x * k, rect.y * k, rect.w * k, rect.h * k)

    def font(self, pt: float, bold: bool = False) -> QFont:
        """The page family at ``pt`` points (times the plan's type scale)."""
        font = QFont(self.family)
        font.setPointSizeF(pt * self.page.plan.font_scale)
        font.setBold(bold)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Metrics of ``font`` on the painter's device."""
        return QFontMetricsF(font, self.painter.device())

    def fit_font(self, text: str, pt: float, width: float, bold: bool, min_pt: float) -> QFont:
        """The largest size from ``pt`` down to ``min_pt`` at which ``text`` fits ``width``."""
        font = self.font(pt, bold)
        while self.metrics(font).horizontalAdvance(text) > width and pt > min_pt:
            pt = max(min_pt, pt - 0.5)
            font = self.font(pt, bold)
        return font

    def text_block(
        self,
        rect: QRectF,
        lines: list[tuple[str, QFont, str]],
        spacing: float = 0.0,
    ) -> float:
        """Draw wrapped lines top-down inside ``rect``; return the height used."""
        painter = self.painter
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
            needed = self.metrics(font).boundingRect(room, flags, text)
            if needed.height() > room.height() + 0.5:
                text = self.metrics(font).elidedText(
                    text, Qt.TextElideMode.ElideRight, rect.width()
                )
                needed = self.metrics(font).boundingRect(room, flags, text)
                if needed.height() > room.height() + 0.5:
                    break
            painter.drawText(room, flags, text)
            y += needed.height() + spacing
        return y - rect.top()

    def rule(self, y: float, x0_mm: float, x1_mm: float) -> None:
        """A thin rule at device ``y`` from ``x0_mm`` to ``x1_mm`` (millimetres)."""
        painter, k = self.painter, self.k
        painter.setPen(QPen(QColor(RULE), 0.25 * k))
        painter.drawLine(QPointF(x0_mm * k, y), QPointF(x1_mm * k, y))
