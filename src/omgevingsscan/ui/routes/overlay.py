"""The overlay of the route tools: :class:`~omgevingsscan.ui.map_items.OverlayItem` with
bounds that follow the view's scale.

The shared overlay keeps a fixed 400 m margin round its content, because its markers
and texts are sized in screen pixels. During a drag of the route tool that margin
makes every mouse move repaint most of the map (about 30 ms a move on the demo scan
with the whole study area in view); a margin in pixels, recomputed when the scale
changes, repaints what changed (about 18 ms).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF

from omgevingsscan.ui.map_items import OverlayItem, Shape

#: Margins in screen pixels round the content: texts are drawn 10 px right of and
#: above their point, up to ~300 px long; markers, rings and pens stay within 30 px.
PAD_LEFT_PX, PAD_RIGHT_PX, PAD_Y_PX = 30.0, 320.0, 30.0


class ScaledOverlay(OverlayItem):
    """An overlay whose bounding rectangle has a margin in screen pixels."""

    def __init__(self, m_per_px: float) -> None:
        super().__init__()
        self.m_per_px = m_per_px
        self._tight = QRectF()

    def set_scale(self, m_per_px: float) -> None:
        """The view's metres per pixel changed: recompute the margin."""
        if m_per_px != self.m_per_px:
            self.m_per_px = m_per_px
            self._refit()

    def set_content(
        self, shapes: list[Shape], texts: list[tuple[float, float, str]] | None = None
    ) -> None:
        super().set_content(shapes, texts)
        self._refit()

    def _refit(self) -> None:
        boxes = [s.geometry.bounds for s in self.shapes if not s.geometry.is_empty]
        boxes += [(x, y, x, y) for x, y, _ in self.texts]
        self.prepareGeometryChange()
        if not boxes:
            self._tight = QRectF()
            return
        b = np.array(boxes)
        x0, y0, x1, y1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
        m = self.m_per_px
        left, right, pad_y = PAD_LEFT_PX * m, PAD_RIGHT_PX * m, PAD_Y_PX * m
        self._tight = QRectF(
            x0 - left, -y1 - pad_y, (x1 - x0) + left + right, (y1 - y0) + 2 * pad_y
        )
        self.update()

    def boundingRect(self) -> QRectF:
        return self._tight
