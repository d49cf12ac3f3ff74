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
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QMouseEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu
from shapely.geometry import LineString, Point

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.layers.annotations import AnnotationsLayer
from omgevingsscan.layers.base import Layer
from omgevingsscan.layers.posts import PostsLayer
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.layers.sightings import SightingsLayer
from omgevingsscan.scan import Scan
from omgevingsscan.ui.canvas import MapTool
from omgevingsscan.ui.common import connect_links, disconnect_links, make_action
from omgevingsscan.ui.main_window import MainWindow
from omgevingsscan.ui.map_items import (
    LazyLayerItem,
    OverlayItem,
    Shape,
    use_record_items,
)
from omgevingsscan.ui.observations.annotations import (
    ArrowTool,
    LabelTool,
    MeasureTool,
    ZoneTool,
)
from omgevingsscan.ui.observations.coverage import CoverageController, CoveragePanel
from omgevingsscan.ui.observations.forms import FormsMixin
from omgevingsscan.ui.observations.post_tool import PostTool
from omgevingsscan.ui.observations.post_views import PostViews
from omgevingsscan.ui.observations.selection import SelectionMixin
from omgevingsscan.ui.observations.session import EditSession
from omgevingsscan.ui.observations.sightings_dock import SightingsPanel
from omgevingsscan.ui.observations.sightings_io import SightingsExchange
from omgevingsscan.ui.tool_base import ToolBase
from omgevingsscan.ui.tool_groups import add_tool_group

T = TypeVar("T")
#: How often the colours by age are brought up to date (ms).
AGE_REFRESH_MS = 60_000


def install(window: MainWindow) -> ObservationsUI:
    """Add the observation tools, docks and menus to ``window``."""
    return ObservationsUI(window)


class _PickSighting(ToolBase):
    """One click on the map gives the place of a sighting, then the tool leaves."""

    def __init__(self, host: ObservationsUI, attrs: dict[str, Any], post: str) -> None:
        super().__init__(host)
        self.ui, self.attrs, self.post = host, attrs, post

    def hint(self) -> str:
        return self.tr("Click where the sighting was. Esc cancels.")

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return True

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        self.leave()
        self.ui.log_sighting(self.post, self.attrs, position=Point(x, y))
        return True


class ObservationsUI(SelectionMixin, FormsMixin, QObject):
    """Everything the observers and the advisor use to enter data."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.scan: Scan | None = None
        self.editor: ObservationEditor | None = None
        self.overlay: OverlayItem | None = None
        self.selection: tuple[str, str] | None = None
        self.dialog: QDialog | None = None
        self._overlays: dict[str, tuple[list[Shape], list[tuple[float, float, str]]]] = {}
        self._layer_links: list[tuple[Any, Any]] = []
        self._record_links: list[tuple[Layer, Any, Any]] = []
        #: Sightings selected in the table (ringed on the map).
        self.sighting_selection: list[str] = []
        self._last_observer = ""
        self.session = EditSession(window)
        self.views = PostViews(window)
        self.exchange = SightingsExchange(window)
        self._build_docks()
        self.coverage = CoverageController(window, self.views, self.coverage_panel)
        self._build_actions()
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_REFRESH_MS)
        self._age_timer.timeout.connect(self._refresh_age)
        self._age_timer.start()
        # a merge of 1,000 sightings refreshes the observer list once, not 1,000 times
        self._observers_timer = QTimer(self)
        self._observers_timer.setSingleShot(True)
        self._observers_timer.setInterval(0)
        self._observers_timer.timeout.connect(self._refresh_observers)
        window.scan_loaded.connect(self._on_scan_loaded)
        window.scan_closing.connect(self._on_scan_closing)
        self.session.editor_changed.connect(self._on_editor)
        self.views.changed.connect(self._on_views)
        self._warned_moved: dict[str, tuple[float, float]] = {}
        self._warned_problem: dict[str, str] = {}
        self.coverage.updated.connect(self._on_coverage)
        self.canvas.clicked.connect(self._on_map_click)
        self.canvas.installEventFilter(self)
        self.canvas.viewport().installEventFilter(self)

    # -- construction ----------------------------------------------------------------------------
    def _build_docks(self) -> None:
        w = self.window
        self.panel = SightingsPanel()
        self.sightings_dock = QDockWidget(self.tr("Sightings log"), w)
        self.sightings_dock.setObjectName("sightings-dock")
        self.sightings_dock.setWidget(self.panel)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.sightings_dock)
        w.resizeDocks([self.sightings_dock], [230], Qt.Orientation.Vertical)
        self.coverage_panel = CoveragePanel()
        self.coverage_dock = QDockWidget(self.tr("Coverage"), w)
        self.coverage_dock.setObjectName("coverage-dock")
        self.coverage_dock.setWidget(self.coverage_panel)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.coverage_dock)
        w.tabifyDockWidget(w.inspector_dock, self.coverage_dock)
        w.inspector_dock.raise_()
        self.coverage_dock.hide()
        self.coverage_dock.visibilityChanged.connect(lambda _v: self._on_coverage())
        p = self.panel
        p.log_requested.connect(lambda post, attrs, on_map: self.log(post, attrs, on_map))
        p.delete_requested.connect(self.delete_sightings)
        p.selection_changed.connect(self._on_table_selection)
        p.export_requested.connect(self.export_sightings)
        p.import_requested.connect(self.import_sightings)
        p.by_age.toggled.connect(self._on_style_options)
        p.last.toggled.connect(self._on_style_options)
        p.last_hours.valueChanged.connect(self._on_style_options)

    def _action(self, text: str, slot: Any, shortcut: str = "", tip: str = "") -> QAction:
        return make_action(self.window, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        w = self.window
        self.post_tool = PostTool(self)
        self.label_tool = LabelTool(self)
        self.arrow_tool = ArrowTool(self)
        self.zone_tool = ZoneTool(self)
        self.measure_tool = MeasureTool(self)
        self.tool_actions: dict[int, QAction] = {}
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        specs = (
            (
                self.post_tool,
                self.tr("Observation &post"),
                "P",
                self.tr("Place, move, aim and edit observation posts (P)"),
            ),
            (self.label_tool, self.tr("Text &label"), "T", self.tr("Put a text on the map (T)")),
            (self.arrow_tool, self.tr("&Arrow"), "A", self.tr("Draw an arrow (A)")),
            (
                self.zone_tool,
                self.tr("&Zone"),
                "Z",
                self.tr("Draw a cordon, no-parking zone, meeting point or restricted area (Z)"),
            ),
            (
                self.measure_tool,
                self.tr("&Measure"),
                "M",
                self.tr("Measure a distance and an area (M)"),
            ),
        )
        self.menu = QMenu(self.tr("&Observations"), w.menuBar())
        self.menu.setObjectName("observations-menu")
        w.menuBar().insertMenu(w.settings_menu.menuAction(), self.menu)
        w.toolbar.addSeparator()
        for tool, text, key, tip in specs:
            act = self._action(
                text, lambda checked, t=tool: self.use_tool(t if checked else None), key, tip
            )
            act.setCheckable(True)
            # single letters only while the map has the focus: typing in the table or a
            # field never switches tools
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.canvas.addAction(act)
            group.addAction(act)
            self.tool_actions[id(tool)] = act
            self.menu.addAction(act)
        # The post tool on the toolbar; the annotation tools behind one button (fits 1280 px).
        w.toolbar.addAction(self.tool_actions[id(self.post_tool)])
        self.annotate_button = add_tool_group(
            w.toolbar,
            self.tr("Annotate"),
            [self.tool_actions[id(t)] for t, *_ in specs if t is not self.post_tool],
            "annotate-tools",
        )
        self.menu.addSeparator()
        self.act_log = self._action(
            self.tr("&Log a sighting at the post"),
            self.panel_focus,
            "Ctrl+L",
            self.tr("Type what was seen; Enter logs it with the time now (Ctrl+L)"),
        )
        self.act_log_map = self._action(
            self.tr("Log a sighting on the &map"),
            lambda: self.log(
                str(self.panel.post.currentData() or ""), self.panel.entry_values(), True
            ),
            "Ctrl+Shift+L",
            self.tr("Click where it was (Ctrl+Shift+L)"),
        )
        self.act_coverage = self._action(
            self.tr("&Coverage of the posts"),
            self.run_coverage,
            "",
            self.tr("Share of the public ground seen by the posts, and the blind spots"),
        )
        self.act_cctv = self._action(
            self.tr("Show OSM &cameras' views"),
            self._toggle_cctv,
            "",
            self.tr("Draw the views of surveillance cameras mapped in OpenStreetMap"),
        )
        self.act_cctv.setCheckable(True)
        self.coverage_panel.cctv.toggled.connect(self.act_cctv.setChecked)
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
        self.selection = None
        self.sighting_selection = []
        self._overlays = {}
        self._warned_moved, self._warned_problem = {}, {}

    def close(self) -> None:
        """Release everything (the window closes)."""
        if self.scan is not None:
            self._on_scan_closing(self.scan)
        self._age_timer.stop()
        self.session.close()
        self.views.close()
        self.coverage.close()
        self.canvas.clicked.disconnect(self._on_map_click)
        self.canvas.removeEventFilter(self)
        self.canvas.viewport().removeEventFilter(self)
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
        sightings = self._layer(SightingsLayer, "sightings")
        posts = self._layer(PostsLayer, "posts")
        self.panel.model.bind(sightings, editor)
        self.panel.set_enabled(editor is not None)
        self.views.bind(scan, posts)
        notes = self._layer(AnnotationsLayer, "annotations")
        links = (
            (posts, self._refresh_posts),
            (sightings, self._observers_soon),
            (notes, self._refresh_posts),
        )
        for layer, slot in links:
            if layer is None:
                continue
            for signal in (layer.events.added, layer.events.changed, layer.events.removed):
                signal.connect(slot)
                self._record_links.append((layer, signal, slot))
        self._refresh_posts()
        self._refresh_observers()
        if sightings is not None:
            style = sightings.style
            p = self.panel
            for w in (p.by_age, p.last, p.last_hours):
                w.blockSignals(True)
            p.by_age.setChecked(bool(style.get("time_colour")))
            p.last.setChecked(style.get("last_hours") is not None)
            p.last_hours.setEnabled(style.get("last_hours") is not None)
            if style.get("last_hours") is not None:
                p.last_hours.setValue(float(style["last_hours"]))
            for w in (p.by_age, p.last, p.last_hours):
                w.blockSignals(False)

    def _layer(self, cls: type[T], name: str) -> T | None:
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
        posts = self._layer(PostsLayer, "posts")
        self.panel.set_posts([(p.uuid, p.name) for p in posts] if posts is not None else [])
        if self.selection is not None:
            self._show_selection()

    def _observers_soon(self, *_: Any) -> None:
        self._observers_timer.start()

    def _refresh_observers(self, *_: Any) -> None:
        layer = self._layer(SightingsLayer, "sightings")
        self.panel.set_observers(layer.observers() if layer is not None else [])
        self._show_sighting_selection()

    def _refresh_age(self) -> None:
        item = self._item("sightings")
        if isinstance(item, LazyLayerItem):
            item.refresh()
        self.panel.model.refresh_colours()

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

    def _item(self, name: str) -> Any:
        scene = self.canvas.map_scene()
        layer = self.scan.layers.get(name) if self.scan is not None else None
        return scene.item_for(layer) if scene is not None and layer is not None else None

    # -- sightings -------------------------------------------------------------------------------
    def panel_focus(self) -> None:
        """Ctrl+L: show the log and put the cursor in the description."""
        self.sightings_dock.show()
        self.sightings_dock.raise_()
        self.panel.focus_entry()

    def log(self, post: str, attrs: dict[str, Any], on_map: bool) -> None:
        """Log a sighting now: at ``post``, or at a place clicked on the map."""
        if self.editor_or_ask(lambda: self.log(post, attrs, on_map)) is None:
            return
        if on_map or not post:
            self.use_tool(_PickSighting(self, dict(attrs), post))
            return
        self.log_sighting(post, attrs)

    def log_sighting(
        self, post: str, attrs: dict[str, Any], position: Point | None = None
    ) -> str | None:
        """Add a sighting (time now) and select its row; returns its uuid."""
        s = self.edit(lambda ed: ed.add_sighting(position, post=post, **attrs))
        if s is None:
            return None
        self.panel.entry_done()
        self.panel.clear_error()
        if not self.panel.select_uuids([s.uuid]):
            self.panel.clear_filter()
            self.panel.select_uuids([s.uuid])
            self.window.statusBar().showMessage(
                self.tr("The filter was cleared to show the new sighting."), 5000
            )
        self.sightings_dock.raise_()
        return s.uuid

    def delete_sightings(self, uuids: list[str]) -> None:
        """Delete sightings (one undo step)."""
        if len(uuids) == 1:
            self.edit(lambda ed: ed.delete(ed.sightings, uuids[0]))
        elif uuids:
            self.edit(lambda ed: ed.delete_many(ed.sightings, uuids))

    def export_sightings(self, kind: str) -> None:
        """Export the rows shown as CSV or GeoJSON."""
        layer = self._layer(SightingsLayer, "sightings")
        if layer is None or self.scan is None:
            return
        records = [layer.get(u) for u in self.panel.shown_uuids()]
        self.exchange.export(kind, records, self.scan.crs)

    def import_sightings(self) -> None:
        """Import and merge from another observer's file."""
        editor = self.editor_or_ask(self.import_sightings)
        if editor is not None:
            self.exchange.ask_import(editor)

    def _on_style_options(self, *_: Any) -> None:
        layer = self._layer(SightingsLayer, "sightings")
        if layer is None:
            return
        p = self.panel
        style = layer.style
        style["time_colour"] = (
            style.get("time_colour") or SightingsLayer.default_style["time_colour"]
            if p.by_age.isChecked()
            else None
        )
        style["last_hours"] = p.last_hours.value() if p.last.isChecked() else None
        if style != layer.style:
            layer.style = style

    # -- coverage --------------------------------------------------------------------------------
    def run_coverage(self) -> Any:
        """Compute the coverage (background job) and show the Coverage dock."""
        posts = self._layer(PostsLayer, "posts")
        if posts is None or not len(posts):
            self.report(self.tr("Place observation posts first (the post tool, P)."))
            return None
        self.coverage_dock.show()
        self.coverage_dock.raise_()
        return self.coverage.run()

    def _on_coverage(self, _report: Any = None) -> None:
        shown = self.coverage_dock.isVisible()
        shapes = self.coverage.target + self.coverage.highlight if shown else []
        self.show_overlay(shapes, [], source="coverage")

    def _on_views(self) -> None:
        """Show where a post inside a building looks from, and say so once."""
        shapes = []
        for view in self.views.views.values():
            if view.moved_m < 0.5:
                continue
            line = LineString([view.post.point, view.origin])
            shapes.append(Shape(line, stroke="#1d3557", width_px=1.5, dash=True))
            shapes.append(Shape(view.origin, stroke="#1d3557", marker_px=6))
            where = (view.post.point.x, view.post.point.y)
            if self._warned_moved.get(view.post.uuid) != where:
                self._warned_moved[view.post.uuid] = where
                self.window.statusBar().showMessage(
                    self.tr(
                        "Post {0} stands inside a building: its view is taken from the "
                        "nearest open space, {1:.0f} m away (dashed line)."
                    ).format(view.post.name, view.moved_m),
                    10000,
                )
        for uuid, problem in self.views.problems().items():
            if self._warned_problem.get(uuid) != problem:
                self._warned_problem[uuid] = problem
                self.window.statusBar().showMessage(
                    self.tr("A view could not be computed: {0}").format(problem), 10000
                )
        self.show_overlay(shapes, [], source="origins")

    def _toggle_cctv(self, checked: bool) -> None:
        if self.coverage_panel.cctv.isChecked() != checked:
            self.coverage_panel.cctv.setChecked(checked)
        else:
            self.views.set_show_cctv(checked)
        if checked and self.scan is not None and self.views.posts is None:
            self.report(self.tr("Save the scan first to work with posts and cameras."))
