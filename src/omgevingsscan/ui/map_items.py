"""Map items of the observations UI: a lazily rebuilt layer item and the tool overlay.

- :class:`LazyLayerItem` draws a record layer with the shared renderer
  (:class:`~omgevingsscan.render.scene.LayerItem`, so the screen shows what print shows)
  but rebuilds at the next paint instead of at every change: merging 1,000 sightings then
  costs one rebuild, not 1,000. :func:`use_record_items` puts it in place of the generic
  item of the posts, sightings and annotations layers.
- :class:`OverlayItem` draws what tools and selections show (rubber bands, drag
  previews, measured lines, selection rings, the picked blind spot); it is not a layer
  and is never saved or printed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.base import Layer
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.render.geometry import path_of
from omgevingsscan.render.layer_item import LayerItem, pixel_size_m
from omgevingsscan.render.scene import MapScene

SELECT_COLOUR = "#ffd60a"


def _text_path(text: str, size_px: float, bold: bool = True) -> QPainterPath:
    font = QFont()
    font.setPixelSize(max(1, round(size_px)))
    font.setBold(bold)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, text)
    return path


def draw_text(
    painter: QPainter,
    x: float,
    y: float,
    text: str,
    px: float,
    *,
    size_px: float = 13.0,
    colour: str = "#222222",
    halo: str | None = "#ffffff",
    offset: tuple[float, float] = (0.0, 0.0),
) -> None:
    """Draw ``text`` at map ``(x, y)`` (metres) in screen-sized letters with a halo."""
    path = _text_path(text, size_px)
    painter.save()
    painter.translate(x, -y)
    painter.scale(px, px)
    path.translate(*offset)
    if halo:
        painter.setPen(QPen(QColor(halo), 3.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawPath(path)
    painter.restore()


#: The shared LayerItem now rebuilds lazily itself; the name stays for callers.
LazyLayerItem = LayerItem


def use_record_items(scene: MapScene, layers: list[Layer] | None = None) -> None:
    """Draw the record layers (posts, sightings, annotations) of ``scene`` lazily."""
    for layer in layers if layers is not None else list(scene.scan.layers):
        old = scene.items_by_layer.get(id(layer))
        if not isinstance(layer, RecordLayer) or old is None or type(old) is LazyLayerItem:
            continue
        item = LazyLayerItem(layer)
        item.setZValue(old.zValue())
        old.dispose()
        scene.removeItem(old)
        scene.items_by_layer[id(layer)] = item
        scene.addItem(item)


@dataclass
class Shape:
    """Something the overlay draws: a geometry (local CRS) and how."""

    geometry: BaseGeometry
    stroke: str = "#e63946"
    width_px: float = 2.0
    fill: str | None = None
    fill_alpha: float = 0.25
    dash: bool = False
    marker_px: float = 0.0


class OverlayItem(QGraphicsItem):
    """Shapes and texts drawn over the map by the tools (not a layer; not saved)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1e6)
        self.shapes: list[Shape] = []
        self.texts: list[tuple[float, float, str]] = []
        self._rect = QRectF()

    def set_content(
        self, shapes: list[Shape], texts: list[tuple[float, float, str]] | None = None
    ) -> None:
        """Show ``shapes`` and ``texts`` (``(x, y, text)`` in metres), replacing the old."""
        self.prepareGeometryChange()
        self.shapes = list(shapes)
        self.texts = list(texts or [])
        boxes = [s.geometry.bounds for s in self.shapes if not s.geometry.is_empty]
        boxes += [(x, y, x, y) for x, y, _ in self.texts]
        if boxes:
            b = np.array(boxes)
            x0, y0, x1, y1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
            pad = 400.0
            self._rect = QRectF(x0 - pad, -y1 - pad, (x1 - x0) + 2 * pad, (y1 - y0) + 2 * pad)
        else:
            self._rect = QRectF()
        self.update()

    def clear(self) -> None:
        """Show nothing."""
        self.set_content([], [])

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        px = pixel_size_m(painter)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for s in self.shapes:
            pen = QPen(QColor(s.stroke), s.width_px * px)
            if s.dash:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            if s.fill:
                colour = QColor(s.fill)
                colour.setAlphaF(s.fill_alpha)
                painter.setBrush(colour)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            if s.geometry.geom_type == "Point":
                r = max(s.marker_px, 4.0) * px / 2
                painter.drawEllipse(QPointF(s.geometry.x, -s.geometry.y), r, r)
            else:
                painter.drawPath(path_of([s.geometry]))
        for x, y, text in self.texts:
            draw_text(painter, x, y, text, px, size_px=13, offset=(10, -10))
        painter.restore()
