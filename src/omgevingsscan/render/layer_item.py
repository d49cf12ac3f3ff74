"""The painting of one layer: a QGraphicsItem that draws a vector layer's features with
their resolved styles (polygons, lines, arrow heads, markers, texts), culled to the exposed
area. Widths and marker sizes in "px" are nominal 96-dpi pixels, converted to metres from
the painter's transform and the device's resolution.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.render.geometry import path_of, point_coords, primitives
from omgevingsscan.render.style import ResolvedStyle, group_features, hatch_brush


def pixel_size_m(painter: QPainter) -> float:
    """Metres per nominal 96-dpi pixel for the painter's current transform and device."""
    t = painter.worldTransform()
    scale = math.sqrt(abs(t.determinant())) or 1.0
    device = painter.device()
    dpi = device.logicalDpiX() if device is not None else 96
    return (dpi / 96.0) / scale


def marker_path(kind: str, size: float) -> QPainterPath:
    """A marker outline of ``size`` (diameter, scene units) centred on the origin."""
    r = size / 2.0
    path = QPainterPath()
    if kind == "square":
        path.addRect(QRectF(-r, -r, size, size))
    elif kind == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8)]))
        path.closeSubpath()
    elif kind == "star":
        pts = []
        for i in range(10):
            rad = r if i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + i * math.pi / 5
            pts.append(QPointF(rad * math.cos(a), rad * math.sin(a)))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path


def _visible(pieces: list[Any], bounds: np.ndarray, exposed: QRectF) -> list[Any]:
    """The pieces whose scene bounds meet ``exposed`` (all of them when it is empty)."""
    if exposed.isEmpty() or not len(pieces):
        return pieces
    x0, y0, x1, y1 = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
    hit = (bounds[:, 2] >= x0) & (bounds[:, 0] <= x1) & (bounds[:, 3] >= y0) & (bounds[:, 1] <= y1)
    if hit.all():
        return pieces
    return [pieces[i] for i in np.flatnonzero(hit)]


class LayerItem(QGraphicsItem):
    """Draws one vector layer with its style; follows the layer's events."""

    def __init__(self, layer: VectorLayer, clip: QPainterPath | None = None) -> None:
        super().__init__()
        self.layer = layer
        self._clip = clip
        self._groups: list[_Group] = []
        self._outline = QPainterPath()
        self._rect = QRectF()
        self._stale = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self._connections = [
            (layer.events.visible, self._on_visible),
            (layer.events.opacity, self._on_opacity),
            (layer.events.style, self._on_changed),
            (layer.events.data, self._on_changed),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self.setVisible(layer.visible)
        self.setOpacity(layer.opacity)
        self._rebuild()

    def dispose(self) -> None:
        """Disconnect from the layer's events."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []

    def _on_visible(self, value: bool) -> None:
        self.setVisible(value)

    def _on_opacity(self, value: float) -> None:
        self.setOpacity(value)

    def _on_changed(self, *_: Any) -> None:
        # Rebuild lazily, at the next paint: many edits in one event-loop turn (a merge
        # of 1,000 sightings, a drag) cost one rebuild, not one each.
        self._stale = True
        self.prepareGeometryChange()
        self.update()

    def refresh(self) -> None:
        """Rebuild and repaint (e.g. when colours by age shift with the clock)."""
        self._on_changed()

    def _fresh(self) -> None:
        if self._stale:
            self._stale = False
            self._rebuild()

    def _rebuild(self) -> None:
        frame, overrides = self.layer.render_frame()
        self._frame = frame
        self._groups = []
        geoms = frame.geometry.to_numpy() if len(frame) else np.array([])
        label_col = self.layer.style.get("label_column")
        for style, idx in group_features(self.layer.style, frame, overrides):
            polys, lines, points, texts = [], [], [], []
            for i in idx:
                geom = geoms[i]
                if geom is None or geom.is_empty:
                    continue
                kind = geom.geom_type
                if "Polygon" in kind:
                    polys.append(geom)
                elif "LineString" in kind or kind == "LinearRing":
                    lines.append(geom)
                elif "Point" in kind:
                    points.append(geom)
                text = overrides[i].get("text") if overrides else None
                if text is None and label_col and label_col in frame.columns:
                    value = frame[label_col].iloc[i]
                    text = value if isinstance(value, str) and value else None
                if text:
                    anchor = geom if kind == "Point" else geom.representative_point()
                    texts.append((anchor.x, -anchor.y, str(text), kind == "Point"))
            self._groups.append(
                _Group(style, *primitives(polys), *primitives(lines), point_coords(points), texts)
            )
        self._outline = (
            path_of(geoms)
            if self.layer.style.get("mask_outside") and len(frame)
            else QPainterPath()
        )
        if len(frame):
            x0, y0, x1, y1 = frame.total_bounds
            pad = 80.0
            self._rect = QRectF(x0 - pad, -y1 - pad, (x1 - x0) + 2 * pad, (y1 - y0) + 2 * pad)
        else:
            self._rect = QRectF()

    def boundingRect(self) -> QRectF:
        self._fresh()
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        self._fresh()
        px = pixel_size_m(painter)
        painter.save()
        if self._clip is not None:
            painter.setClipPath(self._clip, Qt.ClipOperation.IntersectClip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        exposed = option.exposedRect if option is not None else QRectF()
        mask = self.layer.style.get("mask_outside")
        if mask and self._clip is not None:
            self._paint_mask(painter, px, mask)
        for g in self._groups:
            if not g.polys:
                continue
            painter.setPen(g.style.pen(px))
            painter.setBrush(g.style.brush())
            for piece in _visible(g.polys, g.poly_bounds, exposed):
                if isinstance(piece, QPainterPath):
                    painter.drawPath(piece)
                else:
                    painter.drawPolygon(piece)
            if g.style.hatch:  # estimated values (the height-provenance style)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(hatch_brush(g.style.hatch, px))
                for piece in _visible(g.polys, g.poly_bounds, exposed):
                    if isinstance(piece, QPainterPath):
                        painter.drawPath(piece)
                    else:
                        painter.drawPolygon(piece)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for g in self._groups:
            if g.lines and g.style.casing:
                painter.setPen(g.style.pen(px, casing=True))
                for piece in _visible(g.lines, g.line_bounds, exposed):
                    painter.drawPolyline(piece)
        for g in self._groups:
            if not g.lines:
                continue
            painter.setPen(g.style.pen(px))
            for piece in _visible(g.lines, g.line_bounds, exposed):
                painter.drawPolyline(piece)
            if g.style.head_size > 0:
                self._paint_heads(painter, g, px)
        for g in self._groups:
            if len(g.points):
                self._paint_points(painter, g.style, g.points, px)
        for g in self._groups:
            if g.texts:
                self._paint_texts(painter, g.style, g.texts, px)
        painter.restore()

    def _paint_mask(self, painter: QPainter, px: float, colour: str) -> None:
        outside = self._clip.subtracted(self._outline) if self._clip is not None else QPainterPath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawPath(outside)
        hatch = QBrush(QColor("#8a8a8a"), Qt.BrushStyle.BDiagPattern)
        hatch.setTransform(hatch.transform().scale(px * 1.5, px * 1.5))
        painter.setBrush(hatch)
        painter.drawPath(outside)

    def _paint_heads(self, painter: QPainter, g: _Group, px: float) -> None:
        """Filled arrowheads at the last vertex of each line."""
        size = g.style.head_size * px
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(g.style.stroke or "#222222"))
        for line in g.lines:
            if line.size() < 2:
                continue
            tip, before = line.at(line.size() - 1), line.at(line.size() - 2)
            angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
            left = QPointF(
                tip.x() - size * math.cos(angle - 0.45), tip.y() - size * math.sin(angle - 0.45)
            )
            right = QPointF(
                tip.x() - size * math.cos(angle + 0.45), tip.y() - size * math.sin(angle + 0.45)
            )
            painter.drawPolygon(QPolygonF([tip, left, right]))
        painter.restore()

    def _paint_points(
        self, painter: QPainter, style: ResolvedStyle, coords: np.ndarray, px: float
    ) -> None:
        size = style.marker_size * px
        pen = QPen(QColor(style.stroke or "#ffffff"), 0.8 * px)
        painter.setPen(pen)
        painter.setBrush(style.brush() if style.fill else QBrush(QColor("#777777")))
        if style.marker_size < 4:
            # Dots this small look the same as squares; one call draws them all.
            dot = QPen(QColor(style.fill or "#777777"), size)
            dot.setCapStyle(Qt.PenCapStyle.SquareCap)
            painter.setPen(dot)
            painter.drawPoints(QPolygonF([QPointF(x, y) for x, y in coords]))
        elif style.marker == "circle":
            r = size / 2.0
            for x, y in coords:
                painter.drawEllipse(QPointF(x, y), r, r)
        else:
            marker = marker_path(style.marker, size)
            for x, y in coords:
                painter.drawPath(marker.translated(x, y))

    def _paint_texts(
        self,
        painter: QPainter,
        style: ResolvedStyle,
        texts: list[tuple[float, float, str, bool]],
        px: float,
    ) -> None:
        font = QFont()
        font.setPixelSize(max(1, round(style.font_size)))
        font.setBold(True)
        offset_x = style.marker_size / 2 + 4
        for x, y, text, beside_marker in texts:
            painter.save()
            painter.translate(x, y)
            painter.scale(px, px)
            path = QPainterPath()
            path.addText(QPointF(0, 0), font, text)
            box = path.boundingRect()
            if beside_marker and self.layer.geometry_kind == "point":
                path.translate(offset_x, box.height() / 2 - 2)
            else:
                path.translate(-box.width() / 2, box.height() / 2 - 2)
            if style.halo:
                painter.setPen(QPen(QColor(style.halo), 3.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.text_colour))
            painter.drawPath(path)
            painter.restore()


class _Group:
    """One resolved style and its pieces: polygons, polylines, points and texts."""

    __slots__ = ("line_bounds", "lines", "points", "poly_bounds", "polys", "style", "texts")

    def __init__(
        self,
        style: ResolvedStyle,
        polys: list[Any],
        poly_bounds: np.ndarray,
        lines: list[Any],
        line_bounds: np.ndarray,
        points: np.ndarray,
        texts: list[tuple[float, float, str, bool]],
    ) -> None:
        self.style = style
        self.polys, self.poly_bounds = polys, poly_bounds
        self.lines, self.line_bounds = lines, line_bounds
        self.points = points
        self.texts = texts
