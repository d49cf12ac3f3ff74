"""Annotation tools (text label, arrow, zone) with a style picker, and the measure tool.

- Label: click where the text goes; type it; Enter.
- Arrow: press at the tail, drag, release at the head.
- Zone: click the corners; double-click, Enter or a click on the first corner closes
  it; then choose the kind (cordon, no-parking zone, meeting point, restricted area),
  a caption and, if wanted, a style of its own. Backspace drops the last corner.
- Measure: click points; the distance along them, and the area once there are three,
  show beside the cursor and in the status bar. Double-click or Enter ends a
  measurement; the next click starts a new one.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtGui import QMouseEvent
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.annotations import (
    Annotation,
    measure,
)
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.tool_base import ToolBase

if TYPE_CHECKING:
    from omgevingsscan.ui.observations.host import ObservationsHost

#: Two corners closer than this many pixels are one (closing a zone on its first corner).
SNAP_PX = 8.0


class LabelTool(ToolBase):
    """Click where a text label goes."""

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.ui = host

    def hint(self) -> str:
        return self.tr("Label: click where the text goes. Esc leaves.")

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return True

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        self.ui.new_annotation("label", Point(x, y))
        return True


class ArrowTool(ToolBase):
    """Press at the tail, release at the head."""

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.ui = host
        self._tail: tuple[float, float] | None = None

    def hint(self) -> str:
        return self.tr("Arrow: press at the tail, drag and release at the head. Esc leaves.")

    def busy(self) -> bool:
        return self._tail is not None

    def reset(self) -> None:
        self._tail = None

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        self._tail = (x, y)
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._tail is None:
            return False
        line = LineString([self._tail, (x, y)])
        self.ui.show_overlay(
            [Shape(line, stroke="#c1121f", width_px=2.5, dash=True)],
            [(x, y, f"{line.length:.0f} m")],
        )
        return True

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        tail, self._tail = self._tail, None
        self.ui.show_overlay([], [])
        if tail is None:
            return True
        if math.hypot(x - tail[0], y - tail[1]) / self.px() < SNAP_PX:
            self.status(self.tr("Drag from the tail to the head to draw an arrow."))
            return True
        arrow = Annotation.arrow(LineString([tail, (x, y)]))
        self.ui.edit(lambda ed: ed.add_annotation(arrow))
        return True


class _PointsTool(ToolBase):
    """Collects clicked points, with a rubber band to the cursor."""

    closed = False

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.ui = host
        self.points: list[tuple[float, float]] = []
        self._cursor: tuple[float, float] | None = None

    def busy(self) -> bool:
        return bool(self.points)

    def reset(self) -> None:
        self.points = []
        self._cursor = None

    def undo_point(self) -> None:
        if self.points:
            self.points.pop()
        self.redraw()

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        self._cursor = (x, y)
        if self.points:
            self.redraw()
        return bool(self.points)

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.closed and len(self.points) >= 3:
            fx, fy = self.points[0]
            if math.hypot(x - fx, y - fy) / self.px() < SNAP_PX:
                self.finish()
                return True
        if (
            not self.points
            or math.hypot(x - self.points[-1][0], y - self.points[-1][1]) / self.px() >= 1.0
        ):
            self.points.append((x, y))
        self._cursor = (x, y)
        self.redraw()
        return True

    def double_click(self, x: float, y: float) -> None:
        # The first click of the double-click normally added this point already.
        if (
            not self.points
            or math.hypot(x - self.points[-1][0], y - self.points[-1][1]) / self.px() >= SNAP_PX
        ):
            self.points.append((x, y))
        self.finish()

    def sketch(self) -> BaseGeometry | None:
        """The points so far plus the cursor, as a line (or polygon when closed)."""
        pts = list(self.points)
        if self._cursor is not None and (not pts or pts[-1] != self._cursor):
            pts.append(self._cursor)
        if self.closed and len(pts) >= 3:
            poly = Polygon(pts)
            return poly if poly.is_valid and poly.area > 0 else LineString([*pts, pts[0]])
        return LineString(pts) if len(pts) >= 2 else None

    def redraw(self) -> None:
        """Show the sketch and the figures."""


class ZoneTool(_PointsTool):
    """Click the corners of a zone."""

    closed = True

    def hint(self) -> str:
        return self.tr(
            "Zone: click the corners; double-click, Enter or a click on the first corner "
            "closes it. Backspace drops a corner; Esc cancels."
        )

    def redraw(self) -> None:
        sketch = self.sketch()
        shapes = [Shape(Point(p), stroke="#c1121f", marker_px=7) for p in self.points]
        if sketch is not None:
            shapes.insert(0, Shape(sketch, stroke="#c1121f", fill="#c1121f", dash=True))
        self.ui.show_overlay(shapes, [])

    def finish(self) -> None:
        pts = self.points
        self.reset()
        self.ui.show_overlay([], [])
        if len(pts) < 3:
            if pts:
                self.status(self.tr("A zone needs at least three corners."))
            return
        polygon = Polygon(pts)
        if not polygon.is_valid:
            self.ui.report(self.tr("The zone crosses itself; draw it again."))
            return
        self.ui.new_annotation("zone", polygon)
        self.status(self.hint())


class MeasureTool(_PointsTool):
    """Distance along clicked points; area once they enclose one."""

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.done = False
        self.result: dict[str, float] = {}

    def hint(self) -> str:
        return self.tr(
            "Measure: click points; double-click or Enter ends. Backspace drops a point; "
            "Esc clears."
        )

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.done:
            self.reset()
            self.done = False
        return super().click(x, y, event)

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.done:
            return False
        return super().move(x, y, event)

    def finish(self) -> None:
        self._cursor = None
        self.done = True
        self.redraw()

    def figures(self) -> dict[str, float]:
        """Length (m) along the points and the cursor, area (m²) when three or more."""
        sketch = self.sketch()
        if sketch is None:
            return {"length_m": 0.0, "area_m2": 0.0}
        figures = measure(sketch)
        pts = [*self.points] + ([self._cursor] if self._cursor else [])
        if len(pts) >= 3:
            poly = Polygon(pts)
            figures["area_m2"] = float(poly.area) if poly.is_valid else 0.0
        return figures

    def text(self, figures: dict[str, float]) -> str:
        """The figures as a short text."""
        length = figures["length_m"]
        out = self.tr("{0:,.1f} m").format(length) if length < 1000 else f"{length / 1000:,.3f} km"
        if figures["area_m2"] > 0:
            out += self.tr("; area {0:,.0f} m²").format(figures["area_m2"])
        return out

    def redraw(self) -> None:
        sketch = self.sketch()
        shapes = [Shape(Point(p), stroke="#7b2cbf", marker_px=6) for p in self.points]
        texts: list[tuple[float, float, str]] = []
        self.result = self.figures()
        if sketch is not None:
            shapes.insert(0, Shape(sketch, stroke="#7b2cbf", width_px=2.0, dash=True))
            if len(self.points) + (1 if self._cursor else 0) >= 3:
                pts = [*self.points] + ([self._cursor] if self._cursor else [])
                poly = Polygon(pts)
                if poly.is_valid:
                    shapes.insert(0, Shape(poly, stroke="#7b2cbf", width_px=0.1, fill="#7b2cbf"))
            where = self._cursor or self.points[-1]
            texts.append((where[0], where[1], self.text(self.result)))
            self.status(self.tr("Measured: {0}").format(self.text(self.result)))
        self.ui.show_overlay(shapes, texts)
