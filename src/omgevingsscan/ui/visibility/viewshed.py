"""The viewshed tool: click a point; radius, sector and observer height in a panel.

At eye level (1.6 m and lower) the answer is the exact 2D isovist among the building
footprints (:func:`~omgevingsscan.analysis.visibility.isovist_ex`, a few ms), computed
on the UI thread, so a dragged point redraws at screen rate. An elevated observer gets
the 2.5D viewshed (ground and roofs seen over lower buildings,
:func:`~omgevingsscan.analysis.visibility.viewshed_25d`, 5 ms to 0.4 s), computed off
the UI thread; while the point is dragged the newest position is computed next and
older ones are skipped.

With a terrain model in the scan, every viewshed is the one over the terrain
(:func:`~omgevingsscan.analysis.visibility.terrain.viewshed.viewshed_terrain`: a grid
of 3D sight lines, 0.2–4 s), always computed off the UI thread, with its uncertain
ground; the panel says which ground model was used.

The result is a :class:`~omgevingsscan.layers.visibility.ViewshedLayer` called
``viewshed`` (the working one; "Keep" renames it ``viewshed_1``, ``viewshed_2``...).
The layer stores the observer's position (``origin_x``, ``origin_y``) next to the
height, radius and sector, so it can be recomputed.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QMouseEvent
from shapely.geometry import Point

from omgevingsscan.analysis.visibility import (
    Isovist,
    Viewshed25D,
)
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.terrain import TerrainViewshed
from omgevingsscan.errors import AnalysisInputError, OmgevingsscanError
from omgevingsscan.io.terrain import Terrain, terrain_for
from omgevingsscan.layers.visibility import (
    ViewshedLayer,
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
from omgevingsscan.ui.visibility.index import LatestRunner
from omgevingsscan.ui.visibility.viewshed_panel import ViewshedPanel
from omgevingsscan.ui.visibility.viewshed_question import (
    Question,
    answer,
    question_of,
    viewshed_layer_frame,
)

#: Name (and kind) of the working viewshed layer.
WORKING = "viewshed"
XY = tuple[float, float]


class ViewshedTool(VisTool):
    """Map interaction of the viewshed tool (the state lives in :class:`Viewsheds`)."""

    def __init__(self, owner: Viewsheds) -> None:
        super().__init__(owner.host)
        self.owner = owner
        self._drag = False

    def hint(self) -> str:
        return self.tr("Click a point to see what is visible from it; drag it to move it.")

    def activated(self) -> None:
        self.owner.show()

    def deactivated(self) -> None:
        self._drag = False
        self.host.show_overlay("viewshed", [], [])

    position_rule = True  # clicks outside the data are refused (ui.canvas)

    def grabs(self, x: float, y: float) -> bool:
        """Whether a press at map ``(x, y)`` grabs the observer (always allowed)."""
        return self.near(x, y, self.owner.origin)

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        self._drag = self.near(x, y, self.owner.origin)
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._drag:
            self.owner.place((x, y), final=False)
            return True
        return False

    def release(self, x: float, y: float, event: QMouseEvent) -> bool:
        if not self.left(event):
            return False
        self._drag = False
        self.owner.place((x, y), final=True)
        return True


class Viewsheds(QObject, WorkingLayerOwner):
    """The working viewshed, its panel and tool; recomputes viewshed layers."""

    working = WORKING
    layer_type = ViewshedLayer
    overlay_source = "viewshed"

    def __init__(self, host: VisHost) -> None:
        super().__init__()
        self.host = host
        self.panel = ViewshedPanel()
        self.tool = ViewshedTool(self)
        self.origin: XY | None = None
        #: Where the point is being dragged when that spot is refused (in a building).
        self.refused: XY | None = None
        #: Milliseconds of the last 2D update on the UI thread (the drag frame cost).
        self.last_update_ms = 0.0
        #: Milliseconds of the last 2.5D computation in the background.
        self.last_background_ms = 0.0
        self._ticket = 0
        #: Bumped when the working viewshed is dropped: late answers for it are ignored.
        self._epoch = 0
        self._live = LatestRunner(self)
        self._live.finished.connect(self._on_live)
        self._batch = LatestRunner(self)
        self._batch.finished.connect(self._on_batch)
        self.panel.changed.connect(self.refresh)
        self.panel.keep_requested.connect(self.keep)
        self.panel.clear_requested.connect(self.clear)
        self.panel.recompute_requested.connect(self.recompute_all)

    def close(self) -> None:
        """Wait for background work and stop."""
        self._live.close()
        self._batch.close()

    def wait(self, ms: int = 30000) -> bool:
        """Handle events until background viewsheds are done (tests, screenshots)."""
        return self._live.wait(ms) and self._batch.wait(ms)

    # -- state ------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget the working viewshed (the scan is closing)."""
        self._ticket += 1
        self._epoch += 1
        self._live.drop_waiting()
        self.origin = None
        self.refused = None
        self.panel.set_has_result(False)
        self.panel.show_error("")
        self.panel.result.setText(self.tr("Click a point."))

    def adopt(self) -> None:
        """Take up the working viewshed of a scan just opened (from its layer)."""
        self.reset()
        layer = self._working()
        q = question_of(layer.data) if layer is not None else None
        if q is not None:
            self.origin = q.origin
            self.panel.set_question(q)
            self.panel.set_has_result(True)

    def layer_removed(self, name: str) -> None:
        """A layer was taken out of the list: forget the working view if it was its."""
        if name == WORKING and self.origin is not None:
            self.reset()
            self.show()

    def place(self, xy: XY, final: bool) -> None:
        """Put the observer at ``xy`` and compute (``final``: the button was released)."""
        index = self.host.index.index
        if index is None:
            self.origin = xy
            if self.host.index.error:
                self.panel.show_error(self.host.index.error)
            else:
                self.panel.result.setText(
                    self.tr(
                        "Preparing the buildings… the view is computed as soon as they are ready."
                    )
                )
            self.show()
            return
        q = self.panel.question(xy)
        problem = self.refusal(index, q)
        if problem:
            self.refused = None if final else xy
            self.panel.show_error(problem)
            self.host.window.statusBar().showMessage(problem, 10000)
            self.show()
            return
        self.refused = None
        self.origin = xy
        self.compute(q)

    def refresh(self) -> None:
        """Compute the working viewshed again (the settings or the buildings changed)."""
        if self.origin is not None:
            self.place(self.origin, final=True)

    def refusal(self, index: VisibilityIndex, q: Question) -> str:
        """Why ``q`` cannot be answered ("" when it can): a point inside a building."""
        host = index.containing_building(*q.origin)
        if host is None:
            return ""
        height = float(index.heights[host])
        if q.elevated and q.height > height:
            return ""  # an observer on a lower roof
        label = building_label(index, host) or self.tr("an unnamed building")
        return self.tr(
            "This point lies inside {0} ({1:.1f} m high). Choose a point in open space, or "
            "raise the observer above its roof to look from the roof."
        ).format(label, height)

    # -- computing ----------------------------------------------------------------------------------
    def terrain(self) -> Terrain | None:
        """The open scan's terrain model (None: the ground is taken as flat)."""
        scan = getattr(self.host, "scan", None)
        terrain = terrain_for(scan) if scan is not None else None
        self.panel.set_terrain(terrain is not None)
        return terrain

    def compute(self, q: Question) -> None:
        """Answer ``q``: on the UI thread at eye level on flat ground, in the background
        when elevated or over terrain."""
        index = self.host.index.index
        if index is None:
            return
        self._ticket += 1
        terrain = self.terrain()
        if q.elevated or terrain is not None:
            self.panel.result.setText(self.tr("Computing…"))
            self.show(busy=True)
            ticket = self._ticket

            def task() -> tuple[Isovist | Viewshed25D, float]:
                start = time.perf_counter()
                return answer(index, q, terrain), (time.perf_counter() - start) * 1000

            self._live.submit((ticket, self._epoch, q, index), task)
            return
        start = time.perf_counter()
        try:
            result = answer(index, q)
        except (OmgevingsscanError, ValueError) as exc:
            self._show_failure(exc)
            return
        self._write(result, q, index)
        self.last_update_ms = (time.perf_counter() - start) * 1000

    def _on_live(self, key: Any, result: Any, error: Any) -> None:
        ticket, epoch, q, index = key
        if index is not self.host.index.index or epoch != self._epoch or self.origin is None:
            return  # another scan, changed buildings, or the working viewshed was dropped
        if error is not None:
            self._show_failure(error)
            return
        value, ms = result
        self.last_background_ms = ms
        self._write(value, q, index)
        if ticket != self._ticket:
            self.show(busy=True)

    def _show_failure(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, OmgevingsscanError | ValueError) else repr(exc)
        self.panel.show_error(message)
        self.host.window.statusBar().showMessage(message, 10000)

    def _write(self, result: Isovist | Viewshed25D, q: Question, index: VisibilityIndex) -> None:
        layers = self.host.layers
        if layers is None:
            return
        frame = viewshed_layer_frame(result, q, index, self.host.crs)
        put_layer(layers, ViewshedLayer(WORKING, frame))
        self.panel.show_error("")
        self.panel.set_has_result(True)
        self.panel.result.setText(self.summary(result))
        self.show()

    def summary(self, result: Isovist | Viewshed25D) -> str:
        """What the panel says about a result."""
        if isinstance(result, TerrainViewshed):
            return self.tr(
                "Visible ground over the terrain: {0:,.0f} m²; uncertain within the heights: "
                "{1:,.0f} m² ({2:.1f} m grid, {3:,} sight lines)."
            ).format(result.ground.area, result.uncertain.area, result.cell_m, result.tested)
        flat = " " + self.tr("Ground taken as flat (no terrain model).")
        if isinstance(result, Isovist):
            return (
                self.tr("Visible ground: {0:,.0f} m²; {1} buildings in view.").format(
                    result.polygon.area, len(result.view_deg)
                )
                + flat
            )
        return (
            self.tr(
                "Visible ground: {0:,.0f} m²; roofs of {1} lower buildings: {2:,.0f} m²."
            ).format(result.ground.area, len(result.roofs), result.roof_area)
            + flat
        )

    def show(self, busy: bool = False) -> None:
        """Draw the observer's handle and the reach of the view over the map while the
        tool is active."""
        if not self.tool.active():
            self.host.show_overlay("viewshed", [], [])
            return
        shapes: list[Shape] = []
        texts: list[tuple[float, float, str]] = []
        if self.origin is not None:
            q = self.panel.question(self.origin)
            ring = Point(self.origin).buffer(q.radius, 64).boundary
            shapes.append(Shape(ring, "#888888", 1.0, dash=True))
            shapes.append(
                Shape(Point(self.origin), HANDLE_COLOUR, 2.0, fill="#ffffff", fill_alpha=1.0,
                      marker_px=12)
            )  # fmt: skip
            text = f"{q.height:.1f} m" + (" …" if busy else "")
            texts.append((self.origin[0], self.origin[1], text))
        if self.refused is not None:
            shapes.append(
                Shape(Point(self.refused), ERROR_COLOUR, 2.5, fill=ERROR_COLOUR, marker_px=12)
            )
        self.host.show_overlay("viewshed", shapes, texts)

    # -- layers -------------------------------------------------------------------------------------
    def recompute_all(self) -> int:
        """Compute every kept viewshed layer again (in the background) and the working
        one; returns how many are being recomputed."""
        index, layers = self.host.index.index, self.host.layers
        if index is None or layers is None:
            return 0
        jobs = []
        for layer in layers:
            if isinstance(layer, ViewshedLayer) and layer.name != WORKING:
                q = question_of(layer.data)
                if q is not None:
                    jobs.append((layer, q))
        if jobs:
            terrain = self.terrain()

            def task() -> list[tuple[ViewshedLayer, Question, Any]]:
                out = []
                for layer, q in jobs:
                    try:
                        out.append((layer, q, answer(index, q, terrain)))
                    except AnalysisInputError as exc:
                        out.append((layer, q, exc))
                return out

            self._batch.submit(index, task)
        self.refresh()
        return len(jobs) + (self.origin is not None)

    def _on_batch(self, index: Any, result: Any, error: Any) -> None:
        layers = self.host.layers
        if error is not None:
            self._show_failure(error)
            return
        if index is not self.host.index.index or layers is None:
            return
        for layer, q, value in result:
            if layer not in layers:
                continue
            if isinstance(value, Exception):
                self._show_failure(value)
                continue
            layer.data = viewshed_layer_frame(value, q, index, self.host.crs)
