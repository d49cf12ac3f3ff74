"""The sight-line tool: click A, then B; drag either end; heights in a small panel.

The line is a :class:`~omgevingsscan.layers.visibility.SightlineLayer` (green where
visible, red from the first obstruction on) called ``sightline``: the working line,
updated live while an end is dragged (:func:`~omgevingsscan.analysis.visibility.
line_of_sight` takes well under a millisecond). "Keep" renames it (``sightline_1``,
listed as "Sight line (1)"), so the next line starts a new working layer. Every
sight-line layer can be recomputed from its own data (end points and heights are
stored in it).
"""

from __future__ import annotations

import html
import time
from typing import Any

import geopandas as gpd
import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QMouseEvent
from shapely.geometry import LineString, Point

from omgevingsscan.analysis.visibility import LineOfSight, line_of_sight
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.layers import (
    sightline_frame,
)
from omgevingsscan.analysis.visibility.terrain import (
    BLOCKED,
    UNCERTAIN,
    VISIBLE,
    SightCheck,
    sight_line,
)
from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.io.terrain import terrain_for
from omgevingsscan.layers.visibility import (
    BLOCKED_RED,
    VISIBLE_GREEN,
    SightlineLayer,
    put_layer,
)
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.visibility.common import (
    ERROR_COLOUR,
    HANDLE_COLOUR,
    VisHost,
    VisTool,
    WorkingLayerOwner,
    building_label,
)
from omgevingsscan.ui.visibility.sightline_panel import SightlinePanel

#: Outline of the building that blocks the line.
BLOCKER_COLOUR = "#f77f00"
#: Name (and kind) of the working sight-line layer.
WORKING = "sightline"
XY = tuple[float, float]


def sightline_layer_frame(result: LineOfSight, crs: Any, label: str) -> gpd.GeoDataFrame:
    """The frame of a sight-line layer with ``label`` once: at the middle of the line,
    or, when it is blocked, at the middle of the blocked part (so the label never hides
    where the view ends).

    The renderer puts a line's label at its representative point (an inner vertex), so
    the labelled part gets its midpoint as an extra (collinear) vertex; the other part
    has no label.
    """
    frame = sightline_frame(result, crs)
    frame["label"] = ""
    row = len(frame) - 1 if not result.visible else 0
    geom = frame.geometry.iloc[row]
    start, end = geom.coords[0], geom.coords[-1]
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    if geom.length > 0:
        frame.loc[frame.index[row], "geometry"] = LineString([start, mid, end])
    frame.loc[frame.index[row], "label"] = label
    return frame


def ends_of(frame: gpd.GeoDataFrame) -> tuple[XY, float, XY, float] | None:
    """A, its height, B, its height of a sight-line layer's frame (None when unusable)."""
    if not len(frame) or not {"from_height_m", "to_height_m"} <= set(frame.columns):
        return None
    first, last = frame.geometry.iloc[0], frame.geometry.iloc[-1]
    if first is None or last is None or first.is_empty or last.is_empty:
        return None
    ha, hb = float(frame["from_height_m"].iloc[0]), float(frame["to_height_m"].iloc[0])
    if not (np.isfinite(ha) and np.isfinite(hb)):
        return None
    a, b = first.coords[0], last.coords[-1]
    return (a[0], a[1]), ha, (b[0], b[1]), hb


class SightlineTool(VisTool):
    """Map interaction of the sight-line tool (the state lives in :class:`Sightlines`)."""

    def __init__(self, owner: Sightlines) -> None:
        super().__init__(owner.host)
        self.owner = owner
        self._drag: str | None = None

    def hint(self) -> str:
        if self.owner.a is not None and self.owner.b is None:
            return self.tr("Click B, the point to look at. Esc cancels.")
        return self.tr("Click A (the eye), then B; drag A or B to move them. Esc leaves the tool.")

    def busy(self) -> bool:
        return self.owner.a is not None and self.owner.b is None

    def cancel(self) -> None:
        self.owner.cancel_new()

    def activated(self) -> None:
        self.owner.show()

    def deactivated(self) -> None:
        self._drag = None
        self.owner.tool_gone()

    position_rule = True  # clicks outside the data are refused (ui.canvas)

    def grabs(self, x: float, y: float) -> bool:
        """Whether a press at map ``(x, y)`` grabs an end of the line (always allowed)."""
        o = self.owner
        return self.near(x, y, o.a) or self.near(x, y, o.b)

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        o = self.owner
        if o.b is not None and self.near(x, y, o.b):
            self._drag = "b"
        elif o.a is not None and self.near(x, y, o.a):
            self._drag = "a"
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._drag is not None:
            self.owner.move_end(self._drag, (x, y))
            return True
        if self.owner.a is not None and self.owner.b is None:
            self.owner.rubber_band((x, y))
        return False

    def release(self, x: float, y: float, event: QMouseEvent) -> bool:
        if not self.left(event):
            return False
        if self._drag is not None:
            self.owner.move_end(self._drag, (x, y))
            self._drag = None
            return True
        self.owner.click((x, y))
        self.status(self.hint())
        return True


class Sightlines(QObject, WorkingLayerOwner):
    """The working sight line, its panel and tool; recomputes sight-line layers."""

    working = WORKING
    layer_type = SightlineLayer
    overlay_source = "sightline"

    def __init__(self, host: VisHost) -> None:
        super().__init__()
        self.host = host
        self.panel = SightlinePanel()
        self.tool = SightlineTool(self)
        self.a: XY | None = None
        self.b: XY | None = None
        self.last: LineOfSight | None = None
        #: Time of the last test and layer update, ms (the drag frame cost).
        self.last_update_ms = 0.0
        self.panel.a_height.changed.connect(lambda _h: self.refresh())
        self.panel.b_height.changed.connect(lambda _h: self.refresh())
        self.panel.keep_requested.connect(self.keep)
        self.panel.clear_requested.connect(self.clear)
        self.panel.recompute_requested.connect(self.recompute_all)

    # -- state ------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget the working line (the scan is closing)."""
        self.a = self.b = None
        self.last = None
        self.panel.set_has_line(False)
        self.panel.result.setText(self.tr("Click A, then B."))
        self.panel.notes.setText("")

    def adopt(self) -> None:
        """Take up the working line of a scan just opened (from its layer)."""
        self.reset()
        layer = self._working()
        ends = ends_of(layer.data) if layer is not None else None
        if ends is None:
            return
        self.a, ha, self.b, hb = ends
        self.panel.a_height.set_metres(ha)
        self.panel.b_height.set_metres(hb)
        self.refresh()

    def click(self, xy: XY) -> None:
        """A click of the tool: A of a new line, or B of the line begun."""
        if self.a is None or self.b is not None:
            self.a, self.b = xy, None
            self.last = None
            self.panel.result.setText(self.tr("Now click B, the point to look at."))
            self.panel.notes.setText("")
            self.show()
            return
        if self.a == xy:
            return
        self.b = xy
        self.refresh()

    def cancel_new(self) -> None:
        """Drop a line with only A placed (the working layer keeps the last line)."""
        layer = self._working()
        ends = ends_of(layer.data) if layer is not None else None
        self.a, self.b = (ends[0], ends[2]) if ends else (None, None)
        self.refresh()

    def move_end(self, which: str, xy: XY) -> None:
        """Move end A or B to ``xy`` and test again (live while dragging)."""
        if which == "a":
            self.a = xy
        else:
            self.b = xy
        self.refresh()

    def tool_gone(self) -> None:
        """The tool was left: drop a half-drawn line and the handles."""
        if self.busy_new():
            self.cancel_new()
        self.host.show_overlay("sightline", [], [])

    def layer_removed(self, name: str) -> None:
        """A layer was taken out of the list: forget the working line if it was its."""
        if name == WORKING and self.b is not None:
            self.reset()
            self.show()

    def busy_new(self) -> bool:
        """Whether only A of a new line is placed."""
        return self.a is not None and self.b is None

    # -- testing and drawing ------------------------------------------------------------------------
    def test(self, index: VisibilityIndex, a: XY, b: XY) -> LineOfSight:
        """The line of sight from ``a`` to ``b`` with the panel's heights."""
        return line_of_sight(index, a, self.panel.a_height.value(), b, self.panel.b_height.value())

    def certainty(self, index: VisibilityIndex) -> SightCheck | None:
        """The working line over the terrain with its certainty (issue 11)."""
        scan = getattr(self.host, "scan", None)
        if self.a is None or self.b is None or scan is None:
            return None
        ha, hb = self.panel.a_height.value(), self.panel.b_height.value()
        return sight_line(index, self.a, ha, self.b, hb, terrain=terrain_for(scan))

    def certainty_text(self, check: SightCheck) -> str:
        """How sure the answer is, and on what ground."""
        sure = {
            VISIBLE: self.tr("Certain within the height uncertainty."),
            BLOCKED: self.tr("Certain within the height uncertainty."),
            UNCERTAIN: self.tr("UNCERTAIN: the answer flips within the height uncertainty."),
        }[check.verdict]
        ground = (
            self.tr("Ground taken as flat (no terrain model).")
            if check.flat_ground
            else self.tr("Over the terrain model.")
        )
        if check.by_terrain:
            ground += " " + self.tr("The terrain blocks the view.")
        return f"{sure} {ground}"

    def refresh(self) -> None:
        """Test the working line again and write its layer and the panel."""
        if self.a is None or self.b is None:
            self.show()
            return
        start = time.perf_counter()
        index = self.host.index.index
        layers = self.host.layers
        if index is None or layers is None:
            error = self.host.index.error
            self.panel.result.setText(
                f"<span style='color:{ERROR_COLOUR}'>{html.escape(error)}</span>"
                if error
                else self.tr(
                    "Preparing the buildings… the line is tested as soon as they are ready."
                )
            )
            self.show()
            return
        try:
            result = self.test(index, self.a, self.b)
        except OmgevingsscanError as exc:
            message = html.escape(str(exc))
            self.panel.result.setText(f"<span style='color:{ERROR_COLOUR}'>{message}</span>")
            return
        self.last = result
        frame = sightline_layer_frame(result, self.host.crs, self.map_label(result, index))
        verdict = self.certainty(index)
        if verdict is not None and verdict.verdict == UNCERTAIN:
            frame["status"] = UNCERTAIN  # amber: the answer flips within the heights
        put_layer(layers, SightlineLayer(WORKING, frame))
        self.panel.set_has_line(True)
        text = self.describe(result, index)
        if verdict is not None:
            text += "<br>" + html.escape(self.certainty_text(verdict))
        self.panel.result.setText(text)
        self.panel.notes.setText(self.end_notes(index))
        self.show()
        self.last_update_ms = (time.perf_counter() - start) * 1000

    def rubber_band(self, cursor: XY) -> None:
        """While B is being chosen: the line to the cursor, tested live (not a layer)."""
        index = self.host.index.index
        shapes: list[Shape] = []
        if index is not None and self.a is not None and self.a != cursor:
            try:
                res = self.test(index, self.a, cursor)
            except OmgevingsscanError:
                res = None
            if res is not None:
                cut = res.obstruction[:2] if res.obstruction else cursor
                if cut != self.a:
                    shapes.append(Shape(LineString([self.a, cut]), VISIBLE_GREEN, 3.0))
                if not res.visible:
                    shapes.append(Shape(LineString([cut, cursor]), BLOCKED_RED, 3.0, dash=True))
        self.show(extra=shapes)

    def show(self, extra: list[Shape] | None = None) -> None:
        """Draw the handles of A and B (and the blocking building) over the map while
        the tool is active."""
        if not self.tool.active():
            self.host.show_overlay("sightline", [], [])
            return
        shapes = list(extra or [])
        texts: list[tuple[float, float, str]] = []
        index = self.host.index.index
        res = self.last
        if res is not None and not res.visible and res.blocker is not None and index is not None:
            outline = index.footprints[res.blocker.index].boundary
            shapes.append(Shape(outline, BLOCKER_COLOUR, 3.0))
        if res is not None and res.obstruction is not None:
            ox, oy = res.obstruction[:2]
            shapes.append(Shape(Point(ox, oy), ERROR_COLOUR, 2.0, fill="#ffffff", marker_px=9))
        if index is None and self.a is not None and self.b is not None:
            shapes.append(Shape(LineString([self.a, self.b]), "#888888", 2.0, dash=True))
        for name, xy, editor in (
            ("A", self.a, self.panel.a_height),
            ("B", self.b, self.panel.b_height),
        ):
            if xy is not None:
                shapes.append(
                    Shape(Point(xy), HANDLE_COLOUR, 2.0, fill="#ffffff", fill_alpha=1.0,
                          marker_px=12)
                )  # fmt: skip
                texts.append((xy[0], xy[1], f"{name} {editor.value():.1f} m"))
        self.host.show_overlay("sightline", shapes, texts)

    # -- texts --------------------------------------------------------------------------------------
    def who(self, index: VisibilityIndex, res: LineOfSight) -> str:
        """The blocking building, for people."""
        label = building_label(index, res.blocker.index) if res.blocker else ""
        return label or self.tr("an unnamed building")

    def map_label(self, res: LineOfSight, index: VisibilityIndex) -> str:
        """The label drawn on the map (and printed)."""
        if res.visible or res.blocker is None:
            return self.tr("{0:.0f} m, {1:.0f}°: visible").format(res.distance, res.bearing)
        return self.tr("{0:.0f} m, {1:.0f}°: blocked by {2} ({3:.1f} m)").format(
            res.distance, res.bearing, self.who(index, res), res.blocker.height
        )

    def describe(self, res: LineOfSight, index: VisibilityIndex) -> str:
        """The answer for the panel (rich text)."""
        head = self.tr("{0:.1f} m, bearing {1:.0f}°").format(res.distance, res.bearing)
        if res.visible or res.blocker is None or res.obstruction is None:
            verdict = self.tr("Visible")
            return f"<b style='color:{VISIBLE_GREEN}'>{verdict}</b><br>{head}"
        verdict = self.tr("Blocked")
        why = self.tr(
            "after {0:.1f} m by {1}, {2:.1f} m high; the sight line is {3:.1f} m above "
            "the ground there."
        ).format(
            res.obstruction_distance or 0.0, html.escape(self.who(index, res)),
            res.blocker.height, res.obstruction[2],
        )  # fmt: skip
        return f"<b style='color:{BLOCKED_RED}'>{verdict}</b> {why}<br>{head}"

    def end_notes(self, index: VisibilityIndex) -> str:
        """Notes on ends inside buildings (they count as windows in the building's wall)."""
        notes = []
        for name, xy, editor in (
            ("A", self.a, self.panel.a_height),
            ("B", self.b, self.panel.b_height),
        ):
            host = index.containing_building(*xy) if xy is not None else None
            if host is None:
                continue
            label = building_label(index, host) or self.tr("an unnamed building")
            height = float(index.heights[host])
            if editor.value() > height:
                notes.append(
                    self.tr("{0} is above the roof of {1} ({2:.1f} m high).").format(
                        name, label, height
                    )
                )
            else:
                notes.append(
                    self.tr(
                        "{0} lies in {1} ({2:.1f} m high): it counts as a window in its wall."
                    ).format(name, label, height)
                )
        return " ".join(notes)

    # -- layers -------------------------------------------------------------------------------------
    def recompute_all(self) -> int:
        """Test every sight-line layer again with the current buildings; returns how many."""
        index, layers = self.host.index.index, self.host.layers
        if index is None or layers is None:
            return 0
        done = 0
        for layer in list(layers):
            if not isinstance(layer, SightlineLayer) or layer.name == WORKING:
                continue
            ends = ends_of(layer.data)
            if ends is None:
                continue
            a, ha, b, hb = ends
            res = line_of_sight(index, a, ha, b, hb)
            layer.data = sightline_layer_frame(res, self.host.crs, self.map_label(res, index))
            done += 1
        if self.a is not None and self.b is not None:
            self.refresh()
            done += 1
        return done
