"""The one base of interactive map tools, and the observation tools' flavour of it.

:class:`MapToolBase` is a :class:`~omgevingsscan.ui.canvas.MapTool` that is a QObject
(for ``tr()`` and the event filter) and watches the canvas for keys (Esc cancels what
is being drawn, or leaves the tool; Enter finishes; Backspace drops the last point) and
double-clicks (the canvas does not pass those to tools). It needs little of its host
(:class:`MapToolHost`): the main window, for the status bar, and ``tool_left``. A host
usually also has ``show_overlay`` for tool feedback, but its signature is the
extension's own, so only the extension's tool class calls it.

The feature extensions each keep a thin subclass that says what differs:

- :class:`ToolBase` here: the observation tools (host :class:`ToolHost`).
- ``ui.visibility.common.VisTool``: the visibility tools (Esc only, no viewport filter).
- ``ui.routes.tool.RouteToolBase``: the route tools (left button only, redraw on activation).
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
    from omgevingsscan.ui.host import WindowHost


class MapToolHost(Protocol):
    """What every map tool needs from the extension that owns it."""

    window: WindowHost

    def tool_left(self, tool: MapTool) -> None:
        """The tool stopped being the canvas's tool."""


class MapToolBase(QObject, MapTool):
    """A map tool with a host, Esc/Enter/Backspace keys and double-clicks.

    Class attributes switch off what a family of tools does not want; the hooks under
    "to override" are no-ops.
    """

    #: Also filter the canvas viewport (where mouse double-clicks arrive).
    watch_viewport = True
    #: Enter (Return) calls :meth:`finish`.
    enter_finishes = True
    #: Backspace, while :meth:`busy`, calls :meth:`undo_point`.
    backspace_undoes = True
    #: A left double-click calls :meth:`double_click` (which finishes by default).
    double_click_finishes = True

    def __init__(self, host: Any) -> None:
        QObject.__init__(self)
        self.host = host
        self._swallow_release = False

    # -- lifecycle --------------------------------------------------------------------------------
    def activate(self, canvas: MapCanvas) -> None:
        super().activate(canvas)
        canvas.installEventFilter(self)
        if self.watch_viewport:
            canvas.viewport().installEventFilter(self)
        canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status(self.hint())
        self.activated()

    def deactivate(self) -> None:
        self.canvas.removeEventFilter(self)
        if self.watch_viewport:
            self.canvas.viewport().removeEventFilter(self)
        self.deactivated()
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

    def activated(self) -> None:
        """The tool became active (after the hint is shown)."""

    def deactivated(self) -> None:
        """The tool stopped being active (before the status bar is cleared)."""

    def busy(self) -> bool:
        """Whether something is being drawn (Esc cancels it rather than leaving)."""
        return False

    def cancel(self) -> None:
        """Esc while busy: drop what is being drawn."""

    def cancelled(self) -> None:
        """After :meth:`cancel` on Esc: update the tool's feedback."""

    def finish(self) -> None:
        """Enter or a double-click: complete what is being drawn."""

    def undo_point(self) -> None:
        """Backspace: drop the last point."""

    def double_click(self, x: float, y: float) -> None:
        """A double-click at map ``(x, y)``."""
        self.finish()

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        """A button release that is not the end of a double-click."""
        return False

    # -- helpers ----------------------------------------------------------------------------------
    def status(self, message: str, ms: int = 0) -> None:
        """Show ``message`` in the status bar (for ``ms`` milliseconds, 0: until replaced)."""
        self.host.window.statusBar().showMessage(message, ms)

    def px(self) -> float:
        """Metres per screen pixel now."""
        return self.canvas.metres_per_pixel()

    def active(self) -> bool:
        """Whether this tool is the canvas's tool now."""
        return getattr(self, "canvas", None) is not None and self.canvas.tool() is self

    @staticmethod
    def left(event: QMouseEvent) -> bool:
        """Whether ``event`` is about the left button (other buttons are ignored)."""
        return event.button() == Qt.MouseButton.LeftButton

    # -- events -----------------------------------------------------------------------------------
    def release(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._swallow_release:
            self._swallow_release = False
            return True
        return self.click(x, y, event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                if self.busy():
                    self.cancel()
                    self.cancelled()
                    self.status(self.hint())
                else:
                    self.leave()
                return True
            if self.enter_finishes and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish()
                return True
            if self.backspace_undoes and key == Qt.Key.Key_Backspace and self.busy():
                self.undo_point()
                return True
        elif (
            kind == QEvent.Type.MouseButtonDblClick
            and self.double_click_finishes
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            x, y = from_scene(self.canvas.mapToScene(event.position().toPoint()))
            self._swallow_release = True
            self.double_click(x, y)
            return True
        return False


class ToolHost(MapToolHost, Protocol):
    """What an observation tool needs from the observations extension."""

    def editor_or_ask(self, then: Any = None) -> ObservationEditor | None:
        """The editor, or None after asking for what is missing (a file)."""

    def show_overlay(self, shapes: list[Shape], texts: list[tuple[float, float, str]]) -> None:
        """Draw tool feedback over the map."""

    def report(self, message: str) -> None:
        """Show an error without blocking."""


class ToolBase(MapToolBase):
    """An observation map tool: :meth:`reset` forgets the drawing and clears the overlay."""

    host: ToolHost

    def reset(self) -> None:
        """Forget what is being drawn (on Esc while busy, and when the tool is left)."""

    def cancel(self) -> None:
        self.reset()

    def cancelled(self) -> None:
        self.host.show_overlay([], [])

    def deactivated(self) -> None:
        self.reset()
        self.host.show_overlay([], [])
