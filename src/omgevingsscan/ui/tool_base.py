"""Shared behaviour of the observation map tools: keys, double-click, overlay, host.

A tool is a :class:`~omgevingsscan.ui.canvas.MapTool` that also watches the canvas for
keys (Esc cancels what is being drawn, or leaves the tool; Enter finishes; Backspace
drops the last point) and double-clicks (the canvas does not pass those to tools). It
talks to its :class:`ToolHost` (the observations extension) for the editor, the
overlay and the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.render.geometry import from_scene
from omgevingsscan.ui.canvas import MapCanvas, MapTool
from omgevingsscan.ui.map_items import Shape

if TYPE_CHECKING:
    from omgevingsscan.ui.main_window import MainWindow


class ToolHost(Protocol):
    """What a tool needs from the observations extension."""

    window: MainWindow

    def editor_or_ask(self, then: Any = None) -> ObservationEditor | None:
        """The editor, or None after asking for what is missing (a file)."""

    def show_overlay(self, shapes: list[Shape], texts: list[tuple[float, float, str]]) -> None:
        """Draw tool feedback over the map."""

    def tool_left(self, tool: MapTool) -> None:
        """The tool stopped being the canvas's tool."""

    def report(self, message: str) -> None:
        """Show an error without blocking."""


class ToolBase(QObject, MapTool):
    """A map tool with keys, double-click and a host."""

    def __init__(self, host: ToolHost) -> None:
        QObject.__init__(self)
        self.host = host
        self._swallow_release = False

    # -- lifecycle --------------------------------------------------------------------------------
    def activate(self, canvas: MapCanvas) -> None:
        super().activate(canvas)
        canvas.installEventFilter(self)
        canvas.viewport().installEventFilter(self)
        canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status(self.hint())

    def deactivate(self) -> None:
        self.canvas.removeEventFilter(self)
        self.canvas.viewport().removeEventFilter(self)
        self.reset()
        self.host.show_overlay([], [])
        self.host.window.statusBar().clearMessage()
        self.host.tool_left(self)

    def leave(self) -> None:
        """Go back to panning."""
        if self.canvas.tool() is self:
            self.canvas.set_tool(None)

    # -- to override ------------------------------------------------------------------------------
    def hint(self) -> str:
        """What to do, for the status bar."""
        return ""

    def reset(self) -> None:
        """Forget what is being drawn."""

    def busy(self) -> bool:
        """Whether something is being drawn (Esc cancels it rather than leaving)."""
        return False

    def finish(self) -> None:
        """Enter: complete what is being drawn."""

    def undo_point(self) -> None:
        """Backspace: drop the last point."""

    def double_click(self, x: float, y: float) -> None:
        """A double-click at map ``(x, y)``."""
        self.finish()

    # -- helpers ----------------------------------------------------------------------------------
    def status(self, message: str) -> None:
        """Show ``message`` in the status bar while the tool is active."""
        self.host.window.statusBar().showMessage(message)

    def px(self) -> float:
        """Metres per screen pixel now."""
        return self.canvas.metres_per_pixel()

    def release(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._swallow_release:
            self._swallow_release = False
            return True
        return self.click(x, y, event)

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        """A button release that is not the end of a double-click."""
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                if self.busy():
                    self.reset()
                    self.host.show_overlay([], [])
                    self.status(self.hint())
                else:
                    self.leave()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish()
                return True
            if key == Qt.Key.Key_Backspace and self.busy():
                self.undo_point()
                return True
        elif (
            kind == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            x, y = from_scene(self.canvas.mapToScene(event.position().toPoint()))
            self._swallow_release = True
            self.double_click(x, y)
            return True
        return False
