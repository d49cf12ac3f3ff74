"""The :class:`PagePainter`: paints a prepared page (map, frame, furniture, scale block)
onto any QPainter device.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter

from omgevingsscan.export.paper import dots_per_mm
from omgevingsscan.render.layout.canvas import PageCanvas
from omgevingsscan.render.layout.frame import paint_frame_and_ticks, paint_map
from omgevingsscan.render.layout.furniture import (
    paint_banners,
    paint_credits,
    paint_legend_block,
    paint_title,
)
from omgevingsscan.render.layout.marks import paint_scale
from omgevingsscan.render.layout.prepare import PreparedPage, font_family
from omgevingsscan.render.scene import MapScene


class PagePainter:
    """Paints a prepared page onto any QPainter device at ``dpi`` dots per inch.

    Keep one per export; ``scene`` may be passed in to reuse a MapScene of the same
    scan (the preview does), else one is made and disposed for each paint.
    """

    def __init__(self, page: PreparedPage, scene: MapScene | None = None) -> None:
        self.page = page
        self.scene = scene
        self.family = font_family()

    def paint(self, painter: QPainter, dpi: float) -> None:
        """Paint the whole page; ``painter`` is active on a page-sized device."""
        c = PageCanvas(self.page, painter, dots_per_mm(dpi), self.family)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(c.r(self.page.plan.page), QColor("#ffffff"))
        paint_map(c, self.scene)
        paint_frame_and_ticks(c)
        paint_title(c)
        paint_legend_block(c)
        paint_scale(c)
        paint_credits(c)
        paint_banners(c)
