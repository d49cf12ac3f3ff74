"""The map canvas: a QGraphicsView on a :class:`MapScene`.

Pans by drag and arrow keys, zooms with the wheel around the cursor and with +/-;
draws a scale bar and a north arrow over the map; reports the cursor position in
the scan CRS and the scale. Map tools (sightline, route, post…) plug in through
:class:`MapTool`, which gets the press/move/release events in map metres.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from omgevingsscan.errors import SiteError
from omgevingsscan.io.positions import check_position
from omgevingsscan.render.geometry import from_scene, to_scene
from omgevingsscan.render.scene import MapScene

#: Metres per pixel limits: from 1 cm to 50 m a pixel.
MIN_M_PER_PX = 0.01
MAX_M_PER_PX = 50.0
SCREEN_DPI = 96.0


def nice_length(max_m: float) -> float:
    """Return the largest 1-2-5 x 10^n length (metres) not above ``max_m``."""
    if max_m <= 0:
        return 0.0
    exp = math.floor(math.log10(max_m))
    for mult in (5, 2, 1):
        value = mult * 10**exp
        if value <= max_m:
            return float(value)
    return float(10**exp)


class MapTool:
    """Base of interactive map tools. Coordinates are metres in the scan CRS.

    Return True from a handler to consume the event (no panning then).
    """

    cursor = Qt.CursorShape.CrossCursor
    #: Whether the canvas applies the position rule to this tool's clicks (tools that
    #: place posts, sight lines, viewsheds, routes): outside the data they are refused.
    position_rule = False

    def activate(self, canvas: MapCanvas) -> None:
        """Called when the tool becomes the canvas's active tool."""
        self.canvas = canvas

    def deactivate(self) -> None:
        """Called when another tool takes over."""

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return False

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        return False

    def release(self, x: float, y: float, event: QMouseEvent) -> bool:
        return False


class MapCanvas(QGraphicsView):
    """The native vector map view."""

    #: Cursor position in the scan CRS (x, y metres).
    cursor_moved = Signal(float, float)
    #: Scale changed: metres per screen pixel.
    scale_changed = Signal(float)
    #: A click (no drag) at map position (x, y metres), with no tool consuming it.
    clicked = Signal(float, float)
    #: A tool's click outside the data was refused, or outside the study area warned
    #: about (the one position rule, :mod:`omgevingsscan.io.positions`): the message.
    position_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene: MapScene | None = None  # keep a Python reference
        self._tool: MapTool | None = None
        self._press_pos: QPoint | None = None
        self._refused_press = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor("#dcdcdc"))
        self.setAccessibleName(self.tr("Map"))
        self.scale_bar = ScaleBarOverlay(self)
        self.north_arrow = NorthArrowOverlay(self)
        self._place_overlays()

    # -- scene -----------------------------------------------------------------
    def set_map_scene(self, scene: MapScene | None) -> None:
        """Show ``scene`` (the canvas keeps a reference; the old scene is disposed)."""
        old = self._scene
        self._scene = scene
        self.setScene(scene)
        if old is not None:
            old.dispose()
        self.scale_bar.update()
        self.north_arrow.update()
        if scene is not None:
            rect = scene.sceneRect()
            # Leave room to pan beyond the study area.
            self.setSceneRect(
                rect.adjusted(-rect.width(), -rect.height(), rect.width(), rect.height())
            )

    def map_scene(self) -> MapScene | None:
        """The scene shown, or None."""
        return self._scene

    # -- tools -----------------------------------------------------------------
    def set_tool(self, tool: MapTool | None) -> None:
        """Make ``tool`` active (None: plain pan/inspect)."""
        if self._tool is not None:
            self._tool.deactivate()
        self._tool = tool
        if tool is not None:
            tool.activate(self)
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(tool.cursor)
        else:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.viewport().unsetCursor()

    def tool(self) -> MapTool | None:
        """The active tool, or None."""
        return self._tool

    # -- view state ------------------------------------------------------------
    def metres_per_pixel(self) -> float:
        """Current scale: metres of map per screen pixel."""
        t = self.transform()
        return 1.0 / math.sqrt(abs(t.determinant())) if t.determinant() else 1.0

    def scale_denominator(self) -> float:
        """Current scale as 1:N on a 96-dpi screen."""
        return self.metres_per_pixel() * SCREEN_DPI / 0.0254

    def centre_xy(self) -> tuple[float, float]:
        """Map position (metres) at the centre of the view."""
        return from_scene(self.mapToScene(self.viewport().rect().center()))

    def set_view(self, cx: float, cy: float, m_per_px: float) -> None:
        """Centre on (cx, cy) metres at ``m_per_px`` metres per pixel."""
        m_per_px = min(max(m_per_px, MIN_M_PER_PX), MAX_M_PER_PX)
        self.resetTransform()
        self.scale(1.0 / m_per_px, 1.0 / m_per_px)
        self.centerOn(to_scene(cx, cy))
        self.scale_changed.emit(self.metres_per_pixel())
        self.viewport().update()

    def zoom_to_rect(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Fit the box (metres) in the view with a small margin."""
        vw, vh = max(self.viewport().width(), 10), max(self.viewport().height(), 10)
        m_per_px = max((x1 - x0) / vw, (y1 - y0) / vh) * 1.05
        self.set_view((x0 + x1) / 2, (y0 + y1) / 2, m_per_px)

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom in by ``factor`` (>1) or out (<1), keeping ``anchor`` (viewport px) fixed."""
        new = self.metres_per_pixel() / factor
        if not MIN_M_PER_PX <= new <= MAX_M_PER_PX:
            return
        if anchor is None:
            anchor = self.viewport().rect().center()
        before = self.mapToScene(anchor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        delta = self.mapFromScene(before) - anchor
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setValue(hbar.value() + delta.x())
        vbar.setValue(vbar.value() + delta.y())
        self.viewport().update()
        self.scale_changed.emit(self.metres_per_pixel())

    # -- events ----------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25**steps, event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = 80
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            dx = {Qt.Key.Key_Left: -step, Qt.Key.Key_Right: step}.get(key, 0)
            dy = {Qt.Key.Key_Up: -step, Qt.Key.Key_Down: step}.get(key, 0)
            self.pan_pixels(dx, dy)
        else:
            super().keyPressEvent(event)

    def pan_pixels(self, dx: int, dy: int) -> None:
        """Move the view by (dx, dy) screen pixels."""
        centre = self.mapToScene(self.viewport().rect().center() + QPoint(dx, dy))
        self.centerOn(centre)

    def _map_xy(self, event: QMouseEvent) -> tuple[float, float]:
        return from_scene(self.mapToScene(event.position().toPoint()))

    def _position_allowed(self, x: float, y: float) -> bool:
        """Apply the position rule to a click of a tool that places positions (its
        ``position_rule`` is true): False (and a message) outside the data, unless the
        press grabs something the tool already has (``grabs``); a warning outside the
        study area."""
        scan = getattr(self._scene, "scan", None)
        tool = self._tool
        if scan is None or not getattr(tool, "position_rule", False):
            return True
        grabs = getattr(tool, "grabs", None)
        if grabs is not None and grabs(x, y):
            return True
        try:
            warning = check_position(scan, x, y, "point")
        except SiteError as exc:
            self.position_message.emit(str(exc))
            return False
        if warning:
            self.position_message.emit(warning)
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        self._refused_press = False
        if self._tool is not None and event.button() == Qt.MouseButton.LeftButton:
            x, y = self._map_xy(event)
            if not self._position_allowed(x, y):
                self._refused_press = True  # the tool sees neither this press nor its release
                event.accept()
                return
            if self._tool.press(x, y, event):
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x, y = self._map_xy(event)
        self.cursor_moved.emit(x, y)
        if self._tool is not None and self._tool.move(x, y, event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._refused_press:
            self._refused_press = False
            self._press_pos = None
            event.accept()
            return
        x, y = self._map_xy(event)
        consumed = self._tool is not None and self._tool.release(x, y, event)
        moved = (
            self._press_pos is not None
            and (event.position().toPoint() - self._press_pos).manhattanLength() > 4
        )
        self._press_pos = None
        if not consumed:
            super().mouseReleaseEvent(event)
            if not moved and event.button() == Qt.MouseButton.LeftButton:
                self.clicked.emit(x, y)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()

    # -- overlays ----------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlays()

    def _place_overlays(self) -> None:
        vp = self.viewport().geometry()
        self.scale_bar.move(vp.left() + 10, vp.bottom() - self.scale_bar.height() - 10)
        self.north_arrow.move(vp.right() - self.north_arrow.width() - 10, vp.top() + 10)


class _Overlay(QWidget):
    """A small translucent panel over the map (a child of the view, not the viewport,
    so scrolling the map moves the map's pixels but not the overlay)."""

    def __init__(self, canvas: MapCanvas, width: int, height: int) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.setFixedSize(width, height)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class ScaleBarOverlay(_Overlay):
    """A 1-2-5 scale bar in metres with the scale as 1:N."""

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas, 240, 40)
        canvas.scale_changed.connect(lambda _m: self.update())

    def bar(self) -> tuple[float, float]:
        """The bar length in metres and in pixels at the current scale."""
        mpp = self.canvas.metres_per_pixel()
        length_m = nice_length(160 * mpp)
        return length_m, (length_m / mpp if mpp else 0.0)

    def paintEvent(self, _event: object) -> None:
        if self.canvas.map_scene() is None:
            return
        length_m, px = self.bar()
        if length_m <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(QRectF(0, 0, self.width(), self.height()), 4, 4)
        x0, y0 = 8.0, 24.0
        painter.setBrush(QColor("#222222"))
        painter.drawRect(QRectF(x0, y0, px / 2, 5))
        painter.setPen(QPen(QColor("#222222"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x0, y0, px, 5))
        font = QFont()
        font.setPixelSize(12)
        painter.setFont(font)
        label = f"{length_m / 1000:g} km" if length_m >= 1000 else f"{length_m:g} m"
        painter.drawText(QPointF(x0, y0 - 6), "0")
        painter.drawText(QPointF(x0 + px - 4 * len(label), y0 - 6), label)
        painter.drawText(QPointF(x0 + px + 10, y0 + 6), f"1:{self.canvas.scale_denominator():,.0f}")
        painter.end()


class NorthArrowOverlay(_Overlay):
    """A north arrow (the map is always drawn north up)."""

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas, 48, 48)

    def paintEvent(self, _event: object) -> None:
        if self.canvas.map_scene() is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        cx, cy = 24.0, 24.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawEllipse(QPointF(cx, cy), 23, 23)
        left = QPolygonF([QPointF(cx, cy - 14), QPointF(cx - 8, cy + 16), QPointF(cx, cy + 10)])
        right = QPolygonF([QPointF(cx, cy - 14), QPointF(cx + 8, cy + 16), QPointF(cx, cy + 10)])
        painter.setBrush(QColor("#222222"))
        painter.drawPolygon(left)
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(QColor("#222222"), 1))
        painter.drawPolygon(right)
        font = QFont()
        font.setPixelSize(11)
        font.setBold(True)
        path = QPainterPath()
        path.addText(QPointF(cx - 4, cy - 15), font, "N")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#222222"))
        painter.drawPath(path)
        painter.end()
