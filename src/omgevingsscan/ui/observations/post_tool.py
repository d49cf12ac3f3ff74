"""The observation-post tool.

- Click on the map: a new post there (the form opens with proposed values; Enter
  accepts). Press and drag first to aim it: the drag gives the viewing direction and
  the range.
- Drag a post: move it; its view follows live and the move is one undoable step.
- Shift+drag a post: aim it (direction and range follow the cursor).
- Click a post: select it (Delete removes it); double-click: edit its attributes.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QMouseEvent
from shapely.geometry import LineString, Point

from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.tool_base import ToolBase

if TYPE_CHECKING:
    from omgevingsscan.ui.observations.host import ObservationsHost

#: A press that moves less than this many pixels is a click.
CLICK_PX = 5.0
#: Pick tolerance around a post marker, pixels.
PICK_PX = 9.0
#: Live-update interval while dragging, ms (about 60 per second at most).
DRAG_MS = 15


def bearing(x0: float, y0: float, x1: float, y1: float) -> float:
    """Compass bearing (0 = north, clockwise) from (x0, y0) to (x1, y1), degrees."""
    return math.degrees(math.atan2(x1 - x0, y1 - y0)) % 360.0


class PostTool(ToolBase):
    """Place, move, aim, select and edit observation posts."""

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.ui = host
        self._start: tuple[float, float] | None = None
        self._post: ObservationPost | None = None
        self._mode = ""
        self._pending: tuple[float, float] | None = None
        self._moved = False
        #: Time of the last live update of a dragged post, ms.
        self.drag_times: list[float] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAG_MS)
        self._timer.timeout.connect(self._apply_drag)

    def hint(self) -> str:
        return self.tr(
            "Post: click to place (drag to aim it); drag a post to move it, Shift+drag to "
            "aim it; double-click to edit; Del removes; Esc leaves."
        )

    def busy(self) -> bool:
        return self._start is not None

    def reset(self) -> None:
        if self._post is not None:
            self.ui.views.preview(None, self._post.uuid)
        self._start = None
        self._post = None
        self._mode = ""
        self._pending = None
        self._timer.stop()

    # -- mouse ------------------------------------------------------------------------------------
    position_rule = True  # clicks outside the data are refused (ui.canvas)

    def grabs(self, x: float, y: float) -> bool:
        """Whether a press at map ``(x, y)`` grabs an existing post (always allowed)."""
        return self.ui.post_at(x, y, PICK_PX) is not None

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        self._start = (x, y)
        self._moved = False
        self._post = self.ui.post_at(x, y, PICK_PX)
        if self._post is not None:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._mode = "aim" if shift else "move"
            self.ui.select_record("posts", self._post.uuid)
        else:
            self._mode = "new"
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._start is None:
            return False
        sx, sy = self._start
        if not self._moved and math.hypot(x - sx, y - sy) / self.px() < CLICK_PX:
            return True
        self._moved = True
        self._pending = (x, y)
        if not self._timer.isActive():
            self._timer.start()
        return True

    def _dragged(self, x: float, y: float) -> ObservationPost | None:
        post = self._post
        if post is None or self._start is None:
            return None
        if self._mode == "move":
            sx, sy = self._start
            return post.evolve(geometry=Point(post.point.x + x - sx, post.point.y + y - sy))
        if self._mode == "aim":
            rng = min(math.hypot(x - post.point.x, y - post.point.y), 3000.0)
            return post.evolve(
                direction_deg=bearing(post.point.x, post.point.y, x, y), range_m=round(rng)
            )
        return None

    def _apply_drag(self) -> None:
        if self._pending is None or self._start is None:
            return
        start = time.perf_counter()
        x, y = self._pending
        if self._mode == "new":
            sx, sy = self._start
            rng = math.hypot(x - sx, y - sy)
            cone = ObservationPost(
                geometry=Point(sx, sy),
                name="new",
                direction_deg=bearing(sx, sy, x, y),
                fov_deg=90,
                range_m=rng,
            ).cone()
            self.ui.show_overlay(
                [
                    Shape(cone, stroke="#1d3557", fill="#457b9d", dash=True),
                    Shape(LineString([(sx, sy), (x, y)]), stroke="#1d3557", width_px=1.5),
                ],
                [(x, y, self.tr("{0:.0f} m, {1:.0f}°").format(rng, bearing(sx, sy, x, y)))],
            )
        else:
            moved = self._dragged(x, y)
            if moved is not None:
                self.ui.views.preview(moved)
                self.ui.show_overlay(
                    [Shape(moved.point, stroke="#ffd60a", width_px=3.0, marker_px=18)], []
                )
        self.drag_times.append((time.perf_counter() - start) * 1000)

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._start is None:
            return False
        self._timer.stop()
        mode, post, moved = self._mode, self._post, self._moved
        sx, sy = self._start
        changed = self._dragged(x, y) if moved and mode in ("move", "aim") else None
        self.reset()
        self.ui.show_overlay([], [])
        if mode == "new":
            attrs: dict[str, Any] = {}
            if moved and math.hypot(x - sx, y - sy) / self.px() >= CLICK_PX:
                attrs["direction_deg"] = round(bearing(sx, sy, x, y))
                attrs["range_m"] = round(min(math.hypot(x - sx, y - sy), 3000.0))
            self.ui.new_post(Point(sx, sy), **attrs)
        elif post is not None and changed is not None and mode == "move":
            self.ui.edit(lambda ed: ed.move(ed.posts, post.uuid, changed.point))
        elif post is not None and changed is not None:
            self.ui.edit(
                lambda ed: ed.update(
                    ed.posts,
                    post.uuid,
                    undo_text=f"Change post {post.name}",
                    direction_deg=changed.direction_deg,
                    range_m=changed.range_m,
                )
            )
        self.status(self.hint())
        return True

    def double_click(self, x: float, y: float) -> None:
        self._timer.stop()
        self.reset()
        post = self.ui.post_at(x, y, PICK_PX)
        if post is not None:
            self.ui.edit_post(post.uuid)
