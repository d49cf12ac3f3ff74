"""The visibility extension: sight lines, viewsheds and the exposure of the site.

Installed by :mod:`omgevingsscan.ui.extensions`. It adds

- the **sight-line tool** (S) and the **viewshed tool** (V) to the toolbar and the
  Analysis menu (single-letter shortcuts work while the map has the focus);
- **Exposure of the site** and **Recompute visibility results** to the Analysis menu;
- the **Visibility** dock: tabs with the heights and answer of the sight line, the
  settings of the viewshed, and the ranked overlook positions of the exposure.

The buildings are prepared for these analyses in the background when a scan is shown
(:class:`~omgevingsscan.ui.visibility.index.IndexService`) and again when they change; the
tools wait for that without blocking. Every result is a layer of the scan (saved with
it); when the buildings change, a banner offers to recompute them.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from psygnal import SignalInstance
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.io.heights import stale_results
from omgevingsscan.layers.base import Layer, LayerList
from omgevingsscan.layers.visibility import (
    ExposureLayer,
    SightlineLayer,
    ViewshedLayer,
)
from omgevingsscan.scan import Scan
from omgevingsscan.ui.canvas import MapTool
from omgevingsscan.ui.common import connect_links, disconnect_links, make_action
from omgevingsscan.ui.host import WindowHost
from omgevingsscan.ui.map_items import OverlayItem, Shape
from omgevingsscan.ui.visibility.exposure import Exposure
from omgevingsscan.ui.visibility.index import IndexService
from omgevingsscan.ui.visibility.sightline import Sightlines
from omgevingsscan.ui.visibility.viewshed import Viewsheds

#: Pixels around a click within which an overlook position is picked.
PICK_PX = 8.0


def install(window: WindowHost) -> VisibilityUI:
    """Add the visibility tools, dock and actions to ``window``."""
    return VisibilityUI(window)


class VisibilityUI(QObject):
    """Sight lines, viewsheds and exposure in the main window."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.scan: Scan | None = None
        self.overlay: OverlayItem | None = None
        self._overlays: dict[str, tuple[list[Shape], list[tuple[float, float, str]]]] = {}
        self._links: list[tuple[SignalInstance, Any]] = []
        self.index = IndexService(self)
        self.sightlines = Sightlines(self)
        self.viewsheds = Viewsheds(self)
        self.exposure = Exposure(self)
        self._build_dock()
        self._build_actions()
        self.index.ready.connect(self._on_index_ready)
        self.index.failed.connect(self._on_index_failed)
        self.index.rebuilding.connect(self._on_rebuilding)
        window.scan_loaded.connect(self._on_scan_loaded)
        window.scan_closing.connect(self._on_scan_closing)
        window.terrain_changed.connect(self._on_terrain_changed)
        self.canvas.clicked.connect(self._on_map_click)

    # -- construction -------------------------------------------------------------------------------
    def _build_dock(self) -> None:
        w = self.window
        self.stale = QFrame()
        self.stale.setStyleSheet("QFrame { background: #fff3cd; border-radius: 3px; }")
        self.stale_label = QLabel(
            self.tr("The buildings changed: the visibility results may be out of date.")
        )
        self.stale_label.setWordWrap(True)
        self.stale_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stale_button = QPushButton(self.tr("Recompute"))
        self.stale_button.clicked.connect(self.recompute_all)
        row = QHBoxLayout(self.stale)
        row.addWidget(self.stale_label, 1)
        row.addWidget(self.stale_button)
        self.stale.setVisible(False)
        self.tabs = QTabWidget()
        self.tabs.setMinimumWidth(420)
        self.tabs.addTab(self.sightlines.panel, self.tr("Sight line"))
        self.tabs.addTab(self.viewsheds.panel, self.tr("Viewshed"))
        self.tabs.addTab(self.exposure.panel, self.tr("Exposure"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stale)
        layout.addWidget(self.tabs, 1)
        self.dock = QDockWidget(self.tr("Visibility"), w)
        self.dock.setObjectName("visibility-dock")
        self.dock.setWidget(body)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        w.tabifyDockWidget(w.inspector_dock, self.dock)
        w.inspector_dock.raise_()

    def _action(self, text: str, slot: Any, shortcut: str, tip: str) -> QAction:
        return make_action(self.window, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        w = self.window
        self.act_sightline = self._action(
            self.tr("&Sight line"), lambda on: self.use_tool(self.sightlines.tool, on, 0), "S",
            self.tr("Is B visible from A? Click A, then B; drag either end (S)"),
        )  # fmt: skip
        self.act_viewshed = self._action(
            self.tr("&Viewshed"), lambda on: self.use_tool(self.viewsheds.tool, on, 1), "V",
            self.tr("What can be seen from a point? Click it; drag it to move it (V)"),
        )  # fmt: skip
        self.act_exposure = self._action(
            self.tr("&Exposure of the site"), self.run_exposure, "",
            self.tr("From where can the site be seen: public ground and overlook positions"),
        )  # fmt: skip
        self.act_recompute = self._action(
            self.tr("&Recompute visibility results"), self.recompute_all, "",
            self.tr("Compute every sight line, viewshed and the exposure again"),
        )  # fmt: skip
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.tool_actions: dict[int, QAction] = {}
        for act, tool in ((self.act_sightline, self.sightlines.tool),
                          (self.act_viewshed, self.viewsheds.tool)):  # fmt: skip
            act.setCheckable(True)
            # single letters only while the map has the focus: typing in a field never
            # switches tools
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.canvas.addAction(act)
            group.addAction(act)
            self.tool_actions[id(tool)] = act
        menu = w.analysis_menu
        menu.addSeparator()
        for act in (self.act_sightline, self.act_viewshed, self.act_exposure, self.act_recompute):
            menu.addAction(act)
        w.toolbar.addSeparator()
        for act in (self.act_sightline, self.act_viewshed, self.act_exposure):
            w.toolbar.addAction(act)
        w.view_menu.addAction(self.dock.toggleViewAction())
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.scan is not None
        for act in (self.act_sightline, self.act_viewshed, self.act_exposure, self.act_recompute):
            act.setEnabled(has)

    # -- what the tools need (VisHost) ------------------------------------------------------------
    @property
    def layers(self) -> LayerList | None:
        """The open scan's layers, or None."""
        return self.scan.layers if self.scan is not None else None

    @property
    def crs(self) -> str | None:
        """The open scan's CRS."""
        return self.scan.crs if self.scan is not None else None

    def show_overlay(
        self, source: str, shapes: list[Shape], texts: list[tuple[float, float, str]]
    ) -> None:
        """Draw ``shapes`` and ``texts`` over the map (replacing those of ``source``)."""
        self._overlays[source] = (shapes, texts)
        if self.overlay is not None and shiboken6.isValid(self.overlay):
            self.overlay.set_content(
                [s for shapes_, _ in self._overlays.values() for s in shapes_],
                [t for _, texts_ in self._overlays.values() for t in texts_],
            )

    def use_tool(self, tool: MapTool, on: bool, tab: int) -> None:
        """Make ``tool`` the canvas's tool (``on`` False: back to panning)."""
        if not on:
            if self.canvas.tool() is tool:
                self.canvas.set_tool(None)
            return
        if self.scan is None:
            self.window.statusBar().showMessage(self.tr("Open a scan first."), 5000)
            self.tool_left(tool)
            return
        self.show_tab(tab)
        self.canvas.set_tool(tool)
        if self.index.error:
            self._say_failed()
        elif self.index.index is None:
            self.window.statusBar().showMessage(
                self.tr("Preparing the buildings for the visibility tools…"), 5000
            )

    def tool_left(self, tool: MapTool) -> None:
        """Uncheck the action of a tool that is no longer active."""
        act = self.tool_actions.get(id(tool))
        if act is not None and act.isChecked():
            act.setChecked(False)

    def show_tab(self, tab: int) -> None:
        """Show the dock at tab ``tab`` (0 sight line, 1 viewshed, 2 exposure)."""
        self.dock.show()
        self.dock.raise_()
        self.tabs.setCurrentIndex(tab)

    # -- scan lifecycle ---------------------------------------------------------------------------
    def _on_scan_loaded(self, scan: Scan) -> None:
        self.scan = scan
        scene = self.canvas.map_scene()
        if scene is not None:
            self.overlay = OverlayItem()
            scene.addItem(self.overlay)
        ev = scan.layers.events
        self._links = connect_links(
            [
                (ev.inserted, self._on_layers),
                (ev.removed, self._on_removed),
                (ev.changed, self._on_layers),
            ]
        )
        self.flag_stale(stale_results(scan))
        self.index.bind(scan)
        self.sightlines.adopt()
        self.viewsheds.adopt()
        self.exposure.adopt()
        self._update_actions()

    def _on_scan_closing(self, scan: Scan) -> None:
        if scan is not self.scan:
            return
        tool = self.canvas.tool()
        if tool is self.sightlines.tool or tool is self.viewsheds.tool:
            self.canvas.set_tool(None)
        self._links = disconnect_links(self._links)
        self.index.bind(None)
        self.exposure.release()
        self.sightlines.reset()
        self.viewsheds.reset()
        self.scan = None
        self._overlays = {}
        if self.overlay is not None and shiboken6.isValid(self.overlay):
            scene = self.overlay.scene()
            if scene is not None:
                scene.removeItem(self.overlay)
        self.overlay = None
        self.stale.setVisible(False)
        self._update_actions()

    def close(self) -> None:
        """Release everything (the window closes)."""
        if self.scan is not None:
            self._on_scan_closing(self.scan)
        self.index.close()
        self.viewsheds.close()
        self.canvas.clicked.disconnect(self._on_map_click)
        self.window.scan_loaded.disconnect(self._on_scan_loaded)
        self.window.scan_closing.disconnect(self._on_scan_closing)
        self.window.terrain_changed.disconnect(self._on_terrain_changed)

    def _on_layers(self, *_: object) -> None:
        self.exposure.on_layers_changed()

    def _on_removed(self, _index: int, layer: Layer) -> None:
        self.sightlines.layer_removed(layer.name)
        self.viewsheds.layer_removed(layer.name)
        self.exposure.on_layers_changed()

    # -- the buildings index ------------------------------------------------------------------------
    def _tool_active(self) -> bool:
        return self.canvas.tool() in (self.sightlines.tool, self.viewsheds.tool)

    def flag_stale(self, names: list[str] | None = None) -> None:
        """Show the banner: results computed on other building heights than the scan's
        now (``names``: those result layers, as :func:`stale_results` finds them), or,
        with ``names`` None, buildings changed since the results were made. An empty
        list hides the banner."""
        if names is not None and not names:
            self.stale.setVisible(False)
            return
        if names:
            text = self.tr(
                "Computed on other building heights than the scan has now: {0}. "
                "Recompute to use the current heights."
            ).format(", ".join(names))
        else:
            text = self.tr("The buildings changed: the visibility results may be out of date.")
        self.stale_label.setText(text)
        self.stale.setVisible(True)

    def _on_index_ready(self, _index: object) -> None:
        if self.index.generation > 1 and self._has_results():
            self.flag_stale(self._stale_names())
        if self._tool_active():  # someone is waiting; else keep the status bar for others
            self.window.statusBar().showMessage(
                self.tr("The buildings are ready for the visibility tools ({0:.1f} s).").format(
                    self.index.last_build_s
                ),
                4000,
            )
        self.sightlines.refresh()
        self.viewsheds.refresh()

    def _on_index_failed(self, message: str) -> None:
        if self._tool_active():
            self._say_failed()

    def _say_failed(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("The visibility tools cannot be used: {0}").format(self.index.error), 15000
        )

    def _on_terrain_changed(self, scan: Scan) -> None:
        if scan is self.scan and self._has_results():
            self.stale_label.setText(
                self.tr("The terrain changed: the visibility results may be out of date.")
            )
            self.stale.setVisible(True)

    def _on_rebuilding(self) -> None:
        if self._has_results():
            self.flag_stale(self._stale_names())

    def _stale_names(self) -> list[str] | None:
        """Result layers on other heights, or None (banner: "the buildings changed")."""
        return (stale_results(self.scan) if self.scan is not None else []) or None

    def _has_results(self) -> bool:
        kinds = (SightlineLayer, ViewshedLayer, ExposureLayer)
        return self.scan is not None and any(isinstance(x, kinds) for x in self.scan.layers)

    # -- actions ------------------------------------------------------------------------------------
    def run_exposure(self) -> Any:
        """Analysis → Exposure of the site: compute it in the background."""
        self.show_tab(2)
        return self.exposure.run()

    def recompute_all(self) -> None:
        """Compute every visibility result of the scan again with the current buildings."""
        if self.scan is None:
            return
        if self.index.index is None:
            self.window.statusBar().showMessage(
                self.tr("Preparing the buildings… try again in a moment."), 5000
            )
            return
        self.sightlines.recompute_all()
        self.viewsheds.recompute_all()
        if any(isinstance(x, ExposureLayer) for x in self.scan.layers):
            self.exposure.run()
        self.stale.setVisible(False)

    def _on_map_click(self, x: float, y: float) -> None:
        if self.scan is not None:
            self.exposure.pick(x, y, PICK_PX * self.canvas.metres_per_pixel())
