"""The map frame: the map scene rendered at the page's exact scale inside the frame, the
frame line and the coordinate ticks with their labels.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from omgevingsscan.export.extent import format_coordinate, grid_ticks
from omgevingsscan.render.layout.canvas import PageCanvas
from omgevingsscan.render.layout.prepare import INK
from omgevingsscan.render.scene import MapScene


def paint_map(c: PageCanvas, scene: MapScene | None = None) -> None:
    """Render the map into the frame (``scene`` reused when given, else one is made)."""
    painter, ext = c.painter, c.page.drawn_extent
    x0, y0, x1, y1 = ext.bounds
    target = c.r(c.page.plan.map)
    source = QRectF(x0, -y1, x1 - x0, y1 - y0)
    own = scene is None
    scene = MapScene(c.page.scan) if own else scene
    assert scene is not None
    try:
        painter.save()
        painter.setClipRect(target)
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.restore()
    finally:
        if own:
            scene.dispose()


def paint_frame_and_ticks(c: PageCanvas) -> None:
    """The frame line and the coordinate ticks and labels on its four sides."""
    painter, plan, ext = c.painter, c.page.plan, c.page.extent
    k = c.k
    frame = c.r(plan.map)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(INK), 0.35 * k))
    painter.drawRect(frame)
    x0, y0, x1, y1 = ext.bounds
    font = c.font(5.8)
    fm = c.metrics(font)
    painter.setFont(font)
    out_len, in_len = 1.6 * k, 1.2 * k
    label_gap = 0.5 * k
    tick_pen = QPen(QColor(INK), 0.2 * k)
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
        painter.setPen(QColor(INK))
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
        painter.drawLine(QPointF(frame.left() - out_len, py), QPointF(frame.left() + in_len, py))
        painter.drawLine(QPointF(frame.right() - in_len, py), QPointF(frame.right() + out_len, py))
        label = format_coordinate(y)
        w = fm.horizontalAdvance(label)
        if py - w / 2 < frame.top() or py + w / 2 > frame.bottom():
            continue
        painter.setPen(QColor(INK))
        for side in ("left", "right"):
            painter.save()
            if side == "left":
                painter.translate(frame.left() - out_len - label_gap - fm.descent(), py)
            else:
                painter.translate(frame.right() + out_len + label_gap + fm.ascent(), py)
            painter.rotate(-90)
            painter.drawText(QPointF(-w / 2, 0), label)
            painter.restore()
