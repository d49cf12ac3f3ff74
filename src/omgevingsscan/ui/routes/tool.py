"""Map tools of the route analysis: the A → B route tool and a point picker.

- :class:`RouteTool`: click A, click B; the route is found at once (the CSR index and
  route table are cached per graph, so a re-route takes well under a millisecond on
  the demo scan) and drawn as the scan's ``route`` layer. Dragging A or B re-routes on
  every mouse move; a point the network cannot reach is reported in the status bar
  while dragging and, on release, in a message, and the end goes back to where it
  last routed. Esc drops a lone A, or leaves the tool.
- :class:`PickPointsTool`: click one point (a hand-placed emergency service) or
  several (escape destinations, Enter or a double-click to finish), each checked
  against the street network before it is taken.

The tools talk to their :class:`RouteHost` (the routes extension) for the scan, the
travel mode, the overlay and messages.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from shapely.geometry import LineString, Point

from omgevingsscan.analysis.routing import MAX_SNAP_M, Route, network_index, scan_graph, scan_route
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.ui.canvas import MapTool
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.routes.text import fmt_length, fmt_time, mode_label
from omgevingsscan.ui.tool_base import MapToolBase

if TYPE_CHECKING:
    from omgevingsscan.scan import Scan
    from omgevingsscan.ui.host import WindowHost

#: How near (screen pixels) a press must be to A or B to drag it.
HANDLE_PX = 12.0
XY = tuple[float, float]


class RouteHost(Protocol):
    """What the route tools need from the routes extension."""

    window: WindowHost
    scan: Scan | None

    def mode(self) -> str:
        """The travel mode chosen in the toolbar."""

    def show_overlay(self, shapes: list[Shape], texts: list[tuple[float, float, str]]) -> None:
        """Draw tool feedback over the map (replacing the tool's earlier feedback)."""

    def route_changed(self, route: Route, a: XY, b: XY) -> None:
        """A new route A → B was found: show it."""

    def tool_left(self, tool: MapTool) -> None:
        """The tool stopped being the canvas's tool."""

    def report(self, message: str) -> None:
        """Show an error without blocking."""


def check_on_network(scan: Scan, mode: str, x: float, y: float, label: str, snap_m: float) -> None:
    """Raise AnalysisInputError when ``(x, y)`` is farther than ``snap_m`` from a street."""
    network_index(scan_graph(scan, mode)).street_node(x, y, snap_m, label)


class RouteToolBase(MapToolBase):
    """A route map tool: Esc, Enter and double-clicks (no Backspace); left clicks only;
    :meth:`redraw` on activation and after Esc; :meth:`cancel` when left."""

    host: RouteHost
    backspace_undoes = False

    def activated(self) -> None:
        self._swallow_release = False
        self.redraw()

    def deactivated(self) -> None:
        self.canvas.viewport().setCursor(self.cursor)
        self.cancel()
        self.host.show_overlay([], [])

    def cancelled(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Draw the tool's feedback."""

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return True

    def release(self, x: float, y: float, event: QMouseEvent) -> bool:
        if not self._swallow_release and not self.left(event):
            return False
        return super().release(x, y, event)


class RouteTool(RouteToolBase):
    """Click A and B; drag either to re-route live."""

    double_click_finishes = False

    def __init__(self, host: RouteHost) -> None:
        super().__init__(host)
        self.a: XY | None = None
        self.b: XY | None = None
        self.route: Route | None = None
        self.dragging: str | None = None
        self._good: tuple[XY, XY] | None = None  # the ends of the last route found
        self._drag_start: tuple[XY, XY] | None = None
        #: Milliseconds of the last re-routes: (routing, routing + layer + dock update).
        self.timings: deque[tuple[float, float]] = deque(maxlen=1000)

    # -- state --------------------------------------------------------------------------------
    def set_ends(self, a: XY | None, b: XY | None) -> bool:
        """Put A and B (map metres) and route between them; False when it failed."""
        self.a, self.b, self.dragging = a, b, None
        self._good = None
        ok = self.reroute(final=True) if a is not None and b is not None else True
        self.redraw()
        return ok

    def forget(self) -> None:
        """Forget A, B and the route (a new scan)."""
        self.a = self.b = self.route = self._good = None
        self.dragging = None

    def busy(self) -> bool:
        return (self.a is not None and self.b is None) or self.dragging is not None

    def cancel(self) -> None:
        if self.dragging is not None and self._drag_start is not None:
            self.dragging = None
            self.a, self.b = self._drag_start  # Esc during a drag puts the end back
            self.reroute(final=True)
            self._swallow_release = True  # the button is still down
        elif self.b is None:
            self.a = None
        self.dragging = None

    def hint(self) -> str:
        if self.a is None:
            return self.tr("Route: click the start A ({0}). Esc leaves the tool.").format(
                mode_label(self.host.mode())
            )
        if self.b is None:
            return self.tr("Route: click the destination B. Esc starts again.")
        return self.tr("Route: drag A or B to re-route; click elsewhere for a new route.")

    # -- routing ------------------------------------------------------------------------------
    def reroute(self, final: bool) -> bool:
        """Route A → B in the chosen mode; report a failure (a message when ``final``)."""
        scan = self.host.scan
        if scan is None or self.a is None or self.b is None:
            return False
        start = time.perf_counter()
        try:
            route = scan_route(scan, self.a, self.b, mode=self.host.mode())
        except AnalysisInputError as exc:
            message = str(exc)
            if final:
                if self._good is not None:
                    self.a, self.b = self._good
                else:
                    self.b = None
                self.redraw()
                self.host.report(message)
            else:
                self.status(message)
                self.redraw(failed=True)
            return False
        routed = time.perf_counter()
        self.route = route
        self._good = (self.a, self.b)
        self.host.route_changed(route, self.a, self.b)
        self.timings.append(((routed - start) * 1000.0, (time.perf_counter() - start) * 1000.0))
        return True

    def mode_changed(self) -> None:
        """The travel mode changed: route again."""
        if self.a is not None and self.b is not None:
            self.reroute(final=True)
            self.redraw()

    # -- mouse --------------------------------------------------------------------------------
    def _handle_at(self, x: float, y: float) -> str | None:
        reach = HANDLE_PX * self.px()
        best: tuple[float, str] | None = None
        for name, p in (("b", self.b), ("a", self.a)):
            if p is None:
                continue
            d = math.hypot(p[0] - x, p[1] - y)
            if d <= reach and (best is None or d < best[0]):
                best = (d, name)
        return best[1] if best else None

    position_rule = True  # clicks outside the data are refused (ui.canvas)

    def grabs(self, x: float, y: float) -> bool:
        """Whether a press at map ``(x, y)`` grabs an end of the route (always allowed)."""
        return self.b is not None and self._handle_at(x, y) is not None

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.LeftButton and self.b is not None:
            self.dragging = self._handle_at(x, y)
            if self.a is not None:
                self._drag_start = (self.a, self.b)
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.dragging is None:
            near = self._handle_at(x, y) is not None and self.b is not None
            shape = Qt.CursorShape.SizeAllCursor if near else self.cursor
            self.canvas.viewport().setCursor(shape)
            return False
        if self.dragging == "a":
            self.a = (x, y)
        else:
            self.b = (x, y)
        if self.reroute(final=False):
            self.redraw()
        return True

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.dragging is not None:
            if self.dragging == "a":
                self.a = (x, y)
            else:
                self.b = (x, y)
            self.dragging = None
            self.reroute(final=True)  # the status bar then shows the route
            self.redraw()
            return True
        scan = self.host.scan
        if scan is None:
            return True
        label = "A" if self.a is None or self.b is not None else "B"
        try:
            check_on_network(scan, self.host.mode(), x, y, label, MAX_SNAP_M)
        except AnalysisInputError as exc:
            self.host.report(str(exc))
            return True
        if label == "A":
            self.a, self.b, self._good = (x, y), None, None
            self.status(self.hint())
        else:
            self.b = (x, y)
            self.reroute(final=True)  # the status bar then shows the route
        self.redraw()
        return True

    # -- drawing ------------------------------------------------------------------------------
    def redraw(self, failed: bool = False) -> None:
        shapes: list[Shape] = []
        texts: list[tuple[float, float, str]] = []
        route = self.route if self.a is not None and self.b is not None else None
        if route is not None and not route.geometry.is_empty:
            coords = list(route.geometry.coords)
            for end, p in ((coords[0], self.a), (coords[-1], self.b)):
                if p is not None and math.hypot(end[0] - p[0], end[1] - p[1]) > 1.0:
                    shapes.append(
                        Shape(LineString([p, end]), stroke="#6a1b9a", width_px=1.5, dash=True)
                    )
        for name, p, fill in (("A", self.a, "#2a9d3f"), ("B", self.b, "#d62828")):
            if p is None:
                continue
            bad = failed and self.dragging == name.lower()
            shapes.append(
                Shape(
                    Point(p),
                    stroke="#ffffff",
                    width_px=2.0,
                    fill="#888888" if bad else fill,
                    fill_alpha=1.0,
                    marker_px=16,
                )
            )
            text = name
            if name == "B" and route is not None and not failed:
                text = f"B  {fmt_length(route.length_m)} · {fmt_time(route.time_s)}"
            texts.append((p[0], p[1], text))
        self.host.show_overlay(shapes, texts)


class PickPointsTool(RouteToolBase):
    """Click one point, or several (Enter or a double-click finishes); Esc cancels.

    ``check(x, y)`` returns an error message for a point that cannot be used, else
    None. With ``several`` False the first good click calls ``done([(x, y)])``.
    """

    def __init__(
        self,
        host: RouteHost,
        hint: str,
        check: Callable[[float, float], str | None],
        done: Callable[[list[XY]], None],
        *,
        several: bool = False,
        marker: str = "#1f4e9e",
    ) -> None:
        super().__init__(host)
        self._hint = hint
        self._check = check
        self._done = done
        self.several = several
        self.marker = marker
        self.points: list[XY] = []

    def hint(self) -> str:
        return self._hint

    def busy(self) -> bool:
        return False  # Esc cancels the whole pick

    def cancel(self) -> None:
        self.points = []

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        problem = self._check(x, y)
        if problem:
            self.host.report(problem)
            return True
        self.points.append((x, y))
        if not self.several:
            self.finish()
        else:
            self.redraw()
        return True

    def finish(self) -> None:
        points = list(self.points)
        if not points:
            self.status(self._hint)
            return
        self.leave()
        self._done(points)

    def redraw(self) -> None:
        shapes = [
            Shape(Point(p), stroke="#ffffff", fill=self.marker, fill_alpha=1.0, marker_px=14)
            for p in self.points
        ]
        texts = [(p[0], p[1], str(i + 1)) for i, p in enumerate(self.points)]
        self.host.show_overlay(shapes, texts)
