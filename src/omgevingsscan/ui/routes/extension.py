"""The routes extension (issue 4): route tool, emergency response, approach and escape
routes, isochrones, chokepoints.

Installed by :mod:`omgevingsscan.ui.extensions`. It adds the route tool (R) with a
travel-mode combo to the toolbar, six actions to the Analysis menu and the Routes dock
(:mod:`~omgevingsscan.ui.routes.panel`). The work is the core's
(:mod:`omgevingsscan.analysis.routing`); analyses run through the window's ``run_job``
and become layers of the scan (:mod:`omgevingsscan.layers.routes`), saved with it.

When a scan is shown, the street networks' CSR indexes and route tables are built in
a worker, so the first drag of the route tool is as quick as the rest. Hand-placed
emergency services and the route tool's A and B are kept in ``scan.meta`` (saved in
the project file). Everything connected to a scan or its layers is disconnected on
``scan_closing``.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox

from omgevingsscan.analysis.routing import (
    Route,
    network_index,
)
from omgevingsscan.analysis.routing.layers import (
    routes_layer,
)
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.layers.base import Layer, VectorLayer
from omgevingsscan.layers.routes import (
    set_layer,
)
from omgevingsscan.scan import Scan
from omgevingsscan.speeds import MODES
from omgevingsscan.ui.canvas import MapTool
from omgevingsscan.ui.common import connect_links, disconnect_links, make_action
from omgevingsscan.ui.host import WindowHost
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.routes.analyses import RouteAnalyses
from omgevingsscan.ui.routes.dialogs import RouteOptionsDialog
from omgevingsscan.ui.routes.launch import AnalysisLauncher
from omgevingsscan.ui.routes.overlay import ScaledOverlay
from omgevingsscan.ui.routes.results import RouteResults
from omgevingsscan.ui.routes.services import EmergencyServices
from omgevingsscan.ui.routes.text import (
    fmt_length,
    fmt_time,
    mode_label,
)
from omgevingsscan.ui.routes.tool import PickPointsTool, RouteTool

#: Where the route tool's A and B are kept in the scan.
ROUTE_KEY = "route_tool"
XY = tuple[float, float]


def install(window: WindowHost) -> RoutesUI:
    """Add the route tools, actions and dock to ``window``."""
    return RoutesUI(window)


class RoutesUI(QObject):
    """Everything of the route analysis in the main window."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.scan: Scan | None = None
        self.overlay: ScaledOverlay | None = None
        self._overlay_scene: weakref.ref[Any] | None = None
        self._overlays: dict[str, tuple[list[Shape], list[tuple[float, float, str]]]] = {}
        self._scan_links: list[tuple[Any, Any]] = []
        self._warm_ups: list[threading.Thread] = []
        self.notes: dict[str, list[str]] = {}
        self.route_tool = RouteTool(self)
        self.results = RouteResults(self, window)
        self.panel, self.dock = self.results.panel, self.results.dock
        box = self.panel.emergency
        box.place_requested.connect(lambda category: self.services.place(category))
        box.wider_requested.connect(lambda: self.services.load_wider_area())
        box.clear_requested.connect(lambda: self.services.clear())
        self._build_actions()
        self.analyses = RouteAnalyses(self)
        self.launcher = AnalysisLauncher(self, self.analyses)
        self.services = EmergencyServices(self)
        window.scan_loaded.connect(self._on_scan_loaded)
        window.scan_closing.connect(self._on_scan_closing)
        self.canvas.scale_changed.connect(self._on_scale)
        self._update_actions()

    # -- construction ---------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[..., Any], tip: str) -> QAction:
        return make_action(self.window, text, slot, tip=tip)

    def _build_actions(self) -> None:
        w = self.window
        self.act_route = self._action(
            self.tr("Rou&te A → B"),
            lambda checked: self.use_tool(self.route_tool if checked else None),
            self.tr("Click A and B for the route between them; drag either end (R)"),
        )
        self.act_route.setCheckable(True)
        self.act_route.setShortcut(QKeySequence("R"))
        # a single letter only while the map has the focus, never while typing
        self.act_route.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.canvas.addAction(self.act_route)
        self.act_emergency = self._action(
            self.tr("Emer&gency response"),
            lambda: self.analyses.run_emergency(),
            self.tr("Routes to the site from the nearest police, fire station and hospital"),
        )
        self.act_approach = self._action(
            self.tr("A&pproach routes…"),
            lambda: self.ask("approach"),
            self.tr("Entry points of the site and the corridors leading to them"),
        )
        self.act_escape = self._action(
            self.tr("Escape r&outes…"),
            lambda: self.ask("escape"),
            self.tr("Up to k routes out of the study area, as different as possible"),
        )
        self.act_isochrones = self._action(
            self.tr("&Isochrones…"),
            lambda: self.ask("isochrones"),
            self.tr("The area reachable from the site in 1, 3 and 5 minutes"),
        )
        self.act_chokepoints = self._action(
            self.tr("C&hokepoints…"),
            lambda: self.ask("chokepoints"),
            self.tr("Bridges, tunnels, narrow streets and streets whose loss cuts the site off"),
        )
        self.analysis_actions = (
            self.act_emergency,
            self.act_approach,
            self.act_escape,
            self.act_isochrones,
            self.act_chokepoints,
        )
        w.analysis_menu.addSeparator()
        w.analysis_menu.addAction(self.act_route)
        for act in self.analysis_actions:
            w.analysis_menu.addAction(act)
        w.view_menu.addAction(self.dock.toggleViewAction())
        w.toolbar.addSeparator()
        w.toolbar.addAction(self.act_route)
        self.mode_combo = QComboBox()
        self.mode_combo.setToolTip(self.tr("Travel mode of the route tool"))
        self.mode_combo.setAccessibleName(self.tr("Travel mode"))
        for mode in MODES:
            self.mode_combo.addItem(mode_label(mode), mode)
        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        self.act_mode = w.toolbar.addWidget(self.mode_combo)

    def _update_actions(self) -> None:
        has = self.scan is not None
        for act in (self.act_route, *self.analysis_actions):
            act.setEnabled(has)

    # -- scan lifecycle ---------------------------------------------------------------------------
    def _on_scan_loaded(self, scan: Scan) -> None:
        self.scan = scan
        events = scan.layers.events
        self._scan_links = connect_links(
            [(events.inserted, self.results.refresh), (events.removed, self._on_removed)]
        )
        self.notes = {}
        self.panel.emergency.hide()
        self._restore_route(scan)
        self.results.refresh()
        self.services.draw()
        self._update_actions()
        self._warm_up(scan)

    def _on_scan_closing(self, scan: Scan) -> None:
        if scan is not self.scan:
            return
        if isinstance(self.canvas.tool(), (RouteTool, PickPointsTool)):
            self.canvas.set_tool(None)
        self.launcher.close_dialog()
        self._scan_links = disconnect_links(self._scan_links)
        self.results.unwatch()
        self.scan = None
        self.route_tool.forget()
        self._overlays = {}
        item = self._live_overlay()
        if item is not None and item.scene() is not None:
            item.scene().removeItem(item)
        self.overlay = None
        self._overlay_scene = None
        self.panel.set_results([], None)
        self.panel.set_rows([])
        self.panel.set_notes([])
        self.panel.emergency.hide()
        self._update_actions()

    def close(self) -> None:
        """Release everything (the window closes)."""
        if self.scan is not None:
            self._on_scan_closing(self.scan)
        for thread in self._warm_ups:
            thread.join(5.0)
        self.window.scan_loaded.disconnect(self._on_scan_loaded)
        self.window.scan_closing.disconnect(self._on_scan_closing)
        self.canvas.scale_changed.disconnect(self._on_scale)

    def _warm_up(self, scan: Scan) -> None:
        """Build the networks' indexes and route tables in a worker (drags are then instant).

        A plain daemon thread: the work is pure Python on the core's caches (which
        take a lock), nothing comes back to the UI but faster routes.
        """
        graphs = [g for m in MODES if (g := scan.graphs.get(m)) is not None and len(g)]

        def work() -> None:
            for graph in graphs:
                try:
                    network_index(graph).route_table("time")
                except AnalysisInputError:
                    continue  # the route tool reports it when it is used

        self._warm_ups = [t for t in self._warm_ups if t.is_alive()]
        thread = threading.Thread(target=work, name="route-tables", daemon=True)
        self._warm_ups.append(thread)
        thread.start()

    def warm_up_done(self) -> bool:
        """Whether the route tables of the shown scan are built (tests)."""
        return not any(t.is_alive() for t in self._warm_ups)

    # -- overlay ----------------------------------------------------------------------------------
    def _live_overlay(self) -> ScaledOverlay | None:
        item = self.overlay
        scene = self._overlay_scene() if self._overlay_scene is not None else None
        if item is None or scene is None or not shiboken6.isValid(item):
            return None
        return item

    def _on_scale(self, m_per_px: float) -> None:
        item = self._live_overlay()
        if item is not None:
            item.set_scale(m_per_px)

    def show_overlay(
        self,
        shapes: list[Shape],
        texts: list[tuple[float, float, str]],
        source: str = "tool",
    ) -> None:
        """Draw ``shapes`` and ``texts`` over the map (replacing those of ``source``)."""
        self._overlays[source] = (shapes, texts)
        scene = self.canvas.map_scene()
        if scene is None or self.scan is None:
            return
        item = self._live_overlay()
        if item is None or self._overlay_scene is None or self._overlay_scene() is not scene:
            item = ScaledOverlay(self.canvas.metres_per_pixel())
            scene.addItem(item)
            self.overlay = item
            self._overlay_scene = weakref.ref(scene)
        all_shapes = [s for shapes_, _ in self._overlays.values() for s in shapes_]
        all_texts = [t for _, texts_ in self._overlays.values() for t in texts_]
        item.set_content(all_shapes, all_texts)

    # -- tools ------------------------------------------------------------------------------------
    def mode(self) -> str:
        """The travel mode of the route tool."""
        return str(self.mode_combo.currentData())

    def set_mode(self, mode: str) -> None:
        """Choose the route tool's travel mode (re-routes A → B)."""
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode)))

    def _on_mode(self, _index: int) -> None:
        self.route_tool.mode_changed()
        if self.canvas.tool() is self.route_tool:
            self.route_tool.status(self.route_tool.hint())

    def use_tool(self, tool: MapTool | None) -> None:
        """Make ``tool`` the canvas's tool (None: pan)."""
        if tool is not None and self.scan is None:
            self.window.statusBar().showMessage(self.tr("Open a scan first."), 5000)
            self.tool_left(tool)
            return
        self.canvas.set_tool(tool)
        if tool is self.route_tool:
            self.act_route.setChecked(True)  # also when chosen from code, not the button

    def tool_left(self, tool: MapTool) -> None:
        """Uncheck the route action when its tool is no longer active."""
        if tool is self.route_tool and self.act_route.isChecked():
            self.act_route.setChecked(False)

    def report(self, message: str) -> None:
        """Show an error without blocking."""
        self.window.show_error(message)

    def route_changed(self, route: Route, a: XY, b: XY) -> None:
        """The route tool found a route: update the ``route`` layer, dock and status bar."""
        scan = self.scan
        if scan is None:
            return
        set_layer(scan, routes_layer([route], scan.crs, name="route"))
        scan.meta[ROUTE_KEY] = {"a": list(a), "b": list(b), "mode": route.mode}
        via = ", ".join(route.via[:4]) + (" …" if len(route.via) > 4 else "")
        self.window.statusBar().showMessage(
            self.tr("Route A → B by {0}: {1}, {2}; via {3}").format(
                mode_label(route.mode), fmt_length(route.length_m), fmt_time(route.time_s), via
            )
        )
        if not self.results.dock_shown or self.panel.current_result() != "route":
            self.present("route", show=not self.results.dock_shown)

    def _restore_route(self, scan: Scan) -> None:
        saved = scan.meta.get(ROUTE_KEY)
        if not isinstance(saved, dict) or not isinstance(scan.layers.get("route"), VectorLayer):
            return
        try:
            a = (float(saved["a"][0]), float(saved["a"][1]))
            b = (float(saved["b"][0]), float(saved["b"][1]))
        except (KeyError, IndexError, TypeError, ValueError):
            return
        self.mode_combo.blockSignals(True)
        self.set_mode(str(saved.get("mode", "walk")))
        self.mode_combo.blockSignals(False)
        self.route_tool.a, self.route_tool.b = a, b

    # -- analyses ---------------------------------------------------------------------------------
    def ask(self, kind: str) -> RouteOptionsDialog | None:
        """Open the options of an analysis; OK runs it."""
        return self.launcher.ask(kind)

    def pick_destinations(self, mode: str, k: int) -> PickPointsTool | None:
        """Let the user click escape destinations, then run the escape routes to them."""
        return self.launcher.pick_destinations(mode, k)

    # -- results in the dock ----------------------------------------------------------------------
    def _on_removed(self, _index: int, layer: Layer) -> None:
        if self.scan is not None and layer.name == "route":
            self.route_tool.forget()
            self.route_tool.redraw()
            self.scan.meta.pop(ROUTE_KEY, None)
        self.results.refresh()

    def present(self, name: str, show: bool = True) -> None:
        """Show result ``name`` in the dock (and the dock itself when ``show``)."""
        self.results.present(name, show)

    def show_dock(self) -> None:
        """Show and raise the Routes dock (a sensible height the first time)."""
        self.results.show_dock()
