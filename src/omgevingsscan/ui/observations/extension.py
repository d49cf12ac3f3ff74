"""The observations extension: posts, sightings log, annotations, measure, coverage, undo.

Installed by :mod:`omgevingsscan.ui.extensions`. It adds an Observations menu and
toolbar buttons (post P, label T, arrow A, zone Z, measure M), Ctrl+L / Ctrl+Shift+L to
log a sighting, the Sightings log and Coverage docks, the Edit menu's Undo/Redo and a
status-bar label that says how edits are kept. All edits go through the core's
:class:`~omgevingsscan.editing.ObservationEditor` (undoable, written at once).

Selection follows the map both ways: a row selected in the table rings the sighting on
the map; a sighting clicked on the map selects its row. A post or annotation clicked
on the map is selected too: Delete removes it, a double-click edits it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.layers.annotations import AnnotationsLayer
from omgevingsscan.layers.base import Layer
from omgevingsscan.layers.posts import ObservationPost, PostsLayer
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.layers.sightings import SightingsLayer
from omgevingsscan.scan import Scan
from omgevingsscan.ui.canvas import MapTool
from omgevingsscan.ui.common import connect_links, disconnect_links, make_action
from omgevingsscan.ui.host import WindowHost
from omgevingsscan.ui.map_items import (
    OverlayItem,
    Shape,
    use_record_items,
)
from omgevingsscan.ui.observations.annotation_dialog import AnnotationDialog
from omgevingsscan.ui.observations.coverage_ui import CoverageUI
from omgevingsscan.ui.observations.forms import ObservationForms
from omgevingsscan.ui.observations.post_dialog import PostDialog
from omgevingsscan.ui.observations.post_tool import PICK_PX
from omgevingsscan.ui.observations.post_views import PostViews
from omgevingsscan.ui.observations.selection import MapSelection
from omgevingsscan.ui.observations.session import EditSession
from omgevingsscan.ui.observations.sightings_io import SightingsExchange
from omgevingsscan.ui.observations.sightings_log import SightingsLog
from omgevingsscan.ui.observations.tools_menu import ObservationTools
from omgevingsscan.ui.tool_base import ToolBase

T = TypeVar("T")


def install(window: WindowHost) -> ObservationsUI:
    """Add the observation tools, docks and menus to ``window``."""
    return ObservationsUI(window)


class ObservationsUI(QObject):
    """Everything the observers and the advisor use to enter data."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.scan: Scan | None = None
        self.editor: ObservationEditor | None = None
        self.overlay: OverlayItem | None = None
        self.dialog: QDialog | None = None
        self._overlays: dict[str, tuple[list[Shape], list[tuple[float, float, str]]]] = {}
        self._layer_links: list[tuple[Any, Any]] = []
        self._record_links: list[tuple[Layer, Any, Any]] = []
        self.forms = ObservationForms(self)
        self.picker = MapSelection(self)
        self.session = EditSession(window)
        self.views = PostViews(window)
        self.exchange = SightingsExchange(window)
        self.sightings_log = SightingsLog(
            self, window, self.exchange, self.picker.show_sighting_selection
        )
        self.panel = self.sightings_log.panel
        self.sightings_dock = self.sightings_log.dock
        self.panel.selection_changed.connect(self.picker.on_table_selection)
        self.coverage_ui = CoverageUI(self, window, self.views)
        self.coverage = self.coverage_ui.controller
        self.coverage_panel = self.coverage_ui.panel
        self.coverage_dock = self.coverage_ui.dock
        self.act_coverage = self.coverage_ui.act_coverage
        self.act_cctv = self.coverage_ui.act_cctv
        self._build_actions()
        window.scan_loaded.connect(self._on_scan_loaded)
        window.scan_closing.connect(self._on_scan_closing)
        self.session.editor_changed.connect(self._on_editor)
        self.views.changed.connect(self.coverage_ui.on_views)
        self.coverage.updated.connect(self.coverage_ui.on_coverage)
        self.canvas.clicked.connect(self.picker.on_map_click)
        self.canvas.installEventFilter(self.picker)
        self.canvas.viewport().installEventFilter(self.picker)

    # -- construction ----------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: str = "", tip: str = "") -> QAction:
        return make_action(self.window, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        w = self.window
        self.menu = QMenu(self.tr("&Observations"), w.menuBar())
        self.menu.setObjectName("observations-menu")
        w.menuBar().insertMenu(w.settings_menu.menuAction(), self.menu)
        w.toolbar.addSeparator()
        self.tools = ObservationTools(self, w, self.menu)
        self.tool_actions = self.tools.actions
        self.post_tool, self.label_tool = self.tools.post, self.tools.label
        self.arrow_tool, self.zone_tool = self.tools.arrow, self.tools.zone
        self.measure_tool = self.tools.measure
        self.annotate_button = self.tools.annotate_button
        self.menu.addSeparator()
        self.act_log = self._action(
            self.tr("&Log a sighting at the post"),
            self.sightings_log.focus,
            "Ctrl+L",
            self.tr("Type what was seen; Enter logs it with the time now (Ctrl+L)"),
        )
        self.act_log_map = self._action(
            self.tr("Log a sighting on the &map"),
            lambda: self.sightings_log.log(
                str(self.panel.post.currentData() or ""), self.panel.entry_values(), True
            ),
            "Ctrl+Shift+L",
            self.tr("Click where it was (Ctrl+Shift+L)"),
        )
        for act in (self.act_log, self.act_log_map, self.act_coverage, self.act_cctv):
            self.menu.addAction(act)
        w.analysis_menu.addAction(self.act_coverage)
        w.toolbar.addAction(self.act_coverage)
        w.view_menu.addAction(self.sightings_dock.toggleViewAction())
        w.view_menu.addAction(self.coverage_dock.toggleViewAction())

    # -- scan lifecycle --------------------------------------------------------------------------
    def _on_scan_loaded(self, scan: Scan) -> None:
        self.scan = scan
        scene = self.canvas.map_scene()
        if scene is not None:
            use_record_items(scene)
            self.overlay = OverlayItem()
            scene.addItem(self.overlay)
        ev = scan.layers.events
        self._layer_links = connect_links(
            [(ev.inserted, self._on_layer_inserted), (ev.removed, self._on_removed)]
        )
        self.coverage.bind(scan)
        self.session.scan_loaded(scan)
        if self.editor is None:
            self._bind_layers(None)

    def _on_scan_closing(self, scan: Scan) -> None:
        if scan is not self.scan:
            return
        self.scan = None  # from here on the record layers of ``scan`` are let go
        tool = self.canvas.tool()
        if isinstance(tool, ToolBase):
            self.canvas.set_tool(None)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.session.scan_closing(scan)
        self._bind_layers(None)
        self._layer_links = disconnect_links(self._layer_links)
        self.views.bind(None, None)
        self.coverage.bind(None)
        if self._live_overlay():
            scene = self.canvas.map_scene()
            assert scene is not None and self.overlay is not None
            scene.removeItem(self.overlay)
        self.overlay = None
        self.picker.clear()
        self._overlays = {}
        self.coverage_ui.forget_warnings()

    def close(self) -> None:
        """Release everything (the window closes)."""
        if self.scan is not None:
            self._on_scan_closing(self.scan)
        self.sightings_log.close()
        self.session.close()
        self.views.close()
        self.coverage.close()
        self.canvas.clicked.disconnect(self.picker.on_map_click)
        self.canvas.removeEventFilter(self.picker)
        self.canvas.viewport().removeEventFilter(self.picker)
        self.window.scan_loaded.disconnect(self._on_scan_loaded)
        self.window.scan_closing.disconnect(self._on_scan_closing)

    def _on_editor(self, editor: ObservationEditor | None) -> None:
        self.editor = editor
        self._bind_layers(editor)

    def _bind_layers(self, editor: ObservationEditor | None) -> None:
        """Point the table, the post list and the views at the scan's record layers."""
        for _layer, signal, slot in self._record_links:
            signal.disconnect(slot)
        self._record_links = []
        scan = self.scan
        sightings = self.layer(SightingsLayer, "sightings")
        posts = self.layer(PostsLayer, "posts")
        self.panel.model.bind(sightings, editor)
        self.panel.set_enabled(editor is not None)
        self.views.bind(scan, posts)
        notes = self.layer(AnnotationsLayer, "annotations")
        links = (
            (posts, self._refresh_posts),
            (sightings, self.sightings_log.observers_soon),
            (notes, self._refresh_posts),
        )
        for layer, slot in links:
            if layer is None:
                continue
            for signal in (layer.events.added, layer.events.changed, layer.events.removed):
                signal.connect(slot)
                self._record_links.append((layer, signal, slot))
        self._refresh_posts()
        self.sightings_log.refresh_observers()
        if sightings is not None:
            self.sightings_log.show_style(sightings)

    def layer(self, cls: type[T], name: str) -> T | None:
        """The scan's layer ``name`` if it is a ``cls`` (None without a scan)."""
        if self.scan is None:
            return None
        found = self.scan.layers.get(name)
        return found if isinstance(found, cls) else None

    def _on_layer_inserted(self, _index: int, layer: Layer) -> None:
        scene = self.canvas.map_scene()
        if scene is not None and scene.scan is self.scan:
            use_record_items(scene, [layer])

    def _on_removed(self, index: int, layer: Layer) -> None:
        """Entered data cannot be removed from the layer list (only hidden)."""
        if self.editor is None or not isinstance(layer, RecordLayer):
            return
        if self.editor.scan.layers.get(layer.name) is not None:
            return
        scan = self.scan

        def put_back() -> None:
            if scan is self.scan and scan is not None and layer not in scan.layers:
                scan.layers.insert(min(index, len(scan.layers)), layer)

        QTimer.singleShot(0, put_back)
        self.window.show_error(
            self.tr(
                "The layer {0} holds entered data and cannot be removed. Untick it to hide it."
            ).format(layer.name)
        )

    def _refresh_posts(self, *_: Any) -> None:
        posts = self.layer(PostsLayer, "posts")
        self.panel.set_posts([(p.uuid, p.name) for p in posts] if posts is not None else [])
        if self.picker.selection is not None:
            self.picker.show_selection()

    # -- parts: selection and forms --------------------------------------------------------------
    @property
    def selection(self) -> tuple[str, str] | None:
        """The selected post or annotation: (layer name, uuid), or None."""
        return self.picker.selection

    @property
    def sighting_selection(self) -> list[str]:
        """Sightings selected in the table (ringed on the map)."""
        return self.picker.sighting_selection

    def record_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The record (kind, uuid) drawn at map ``(x, y)``."""
        return self.picker.record_at(x, y)

    def select_record(self, kind: str | None, uuid: str | None) -> None:
        """Select a post or annotation on the map (None: nothing)."""
        self.picker.select_record(kind, uuid)

    def delete_selected(self) -> bool:
        """Delete the selected post or annotation, else the selected sightings."""
        return self.picker.delete_selected()

    def post_at(self, x: float, y: float, pixels: float = PICK_PX) -> ObservationPost | None:
        """The nearest visible post within ``pixels`` of map ``(x, y)``."""
        return self.forms.post_at(x, y, pixels)

    def new_post(self, position: Point, **attrs: Any) -> PostDialog | None:
        """Open the form for a new post at ``position``; OK places it (one undo step)."""
        return self.forms.new_post(position, **attrs)

    def edit_post(self, uuid: str) -> PostDialog | None:
        """Open the form of post ``uuid``; OK changes it (one undo step)."""
        return self.forms.edit_post(uuid)

    def new_annotation(self, kind: str, geometry: BaseGeometry) -> AnnotationDialog | None:
        """Open the form for a new label, arrow or zone; OK adds it."""
        return self.forms.new_annotation(kind, geometry)

    def edit_annotation(self, uuid: str) -> AnnotationDialog | None:
        """Open the form of annotation ``uuid``; OK changes it (one undo step)."""
        return self.forms.edit_annotation(uuid)

    def log_sighting(
        self, post: str, attrs: dict[str, Any], position: Point | None = None
    ) -> str | None:
        """Add a sighting (time now) and select its row; returns its uuid."""
        return self.sightings_log.log_sighting(post, attrs, position)

    def delete_sightings(self, uuids: list[str]) -> None:
        """Delete sightings (one undo step)."""
        self.sightings_log.delete(uuids)

    def run_coverage(self) -> Any:
        """Compute the coverage (background job) and show the Coverage dock."""
        return self.coverage_ui.run()

    # -- editing helpers -------------------------------------------------------------------------
    def editor_or_ask(self, then: Callable[[], None] | None = None) -> ObservationEditor | None:
        """The editor; else asks for a file (Save As) and runs ``then`` once it exists."""
        return self.session.ensure_editor(then)

    def edit(self, change: Callable[[ObservationEditor], T]) -> T | None:
        """Make an undoable edit; a refused value is reported, not swallowed."""
        editor = self.editor_or_ask(lambda: self.edit(change))
        if editor is None:
            return None
        try:
            return change(editor)
        except (ValueError, KeyError, OmgevingsscanError) as exc:
            self.report(self.tr("Not saved: {0}").format(exc))
            return None

    def report(self, message: str) -> None:
        """Show an error without blocking."""
        self.window.show_error(message)

    def show_overlay(
        self, shapes: list[Shape], texts: list[tuple[float, float, str]], source: str = "tool"
    ) -> None:
        """Draw ``shapes`` and ``texts`` over the map (replacing those of ``source``)."""
        self._overlays[source] = (shapes, texts)
        if self._live_overlay():
            assert self.overlay is not None
            all_shapes = [s for shapes_, _ in self._overlays.values() for s in shapes_]
            all_texts = [t for _, texts_ in self._overlays.values() for t in texts_]
            self.overlay.set_content(all_shapes, all_texts)

    def _live_overlay(self) -> bool:
        """Whether the overlay still lives in the scene the canvas shows."""
        item = self.overlay
        if item is None or not shiboken6.isValid(item):
            self.overlay = None
            return False
        scene = self.canvas.map_scene()
        return scene is not None and item.scene() is scene

    def use_tool(self, tool: MapTool | None) -> None:
        """Make ``tool`` the canvas's tool (None: pan)."""
        if tool is not None and self.scan is None:
            self.window.statusBar().showMessage(self.tr("Open a scan first."), 5000)
            self.tool_left(tool)
            return
        self.canvas.set_tool(tool)

    def tool_left(self, tool: MapTool) -> None:
        """Uncheck the action of a tool that is no longer active."""
        act = self.tool_actions.get(id(tool))
        if act is not None and act.isChecked():
            act.setChecked(False)
