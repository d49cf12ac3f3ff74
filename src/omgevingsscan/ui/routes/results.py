"""The Routes dock of the routes extension: the results of the shown scan, their rows and
notes, and zooming to a row. It reaches the extension through
:class:`~omgevingsscan.ui.routes.host.RoutesHost`.

The dock lists the route result layers of the scan (top layer first); the chosen one's
rows follow its data, and the notes written by the analysis are shown under them. A row
activated in the table is zoomed to and ringed on the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget

from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.ui.common import connect_links, disconnect_links
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.routes.panel import RoutesPanel
from omgevingsscan.ui.routes.text import RESULT_KINDS, result_title, table_rows

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost
    from omgevingsscan.ui.routes.host import RoutesHost


class RouteResults(QObject):
    """The Routes dock and the result shown in it."""

    def __init__(self, host: RoutesHost, window: WindowHost) -> None:
        super().__init__()
        self.host = host
        self.window = window
        self._layer_links: list[tuple[Any, Any]] = []
        #: Whether the dock was shown once (it gets a sensible height the first time).
        self.dock_shown = False
        self.panel = RoutesPanel()
        self.dock = QDockWidget(QCoreApplication.translate("RoutesUI", "Routes"), window)
        self.dock.setObjectName("routes-dock")
        self.dock.setWidget(self.panel)
        # the table is wide (route, mode, length, time, via, flags): below the map
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        others = [
            d
            for d in window.findChildren(QDockWidget)
            if not d.isHidden() and window.dockWidgetArea(d) == bottom
        ]
        window.addDockWidget(bottom, self.dock)
        if others:
            window.tabifyDockWidget(others[0], self.dock)
            others[0].raise_()
        self.dock.hide()
        self.panel.result_chosen.connect(self.show_result)
        self.panel.row_activated.connect(self.zoom_to_row)

    def result_layers(self) -> list[VectorLayer]:
        """The route results of the shown scan, top layer first."""
        scan = self.host.scan
        if scan is None:
            return []
        return [
            layer
            for layer in reversed(list(scan.layers))
            if isinstance(layer, VectorLayer) and layer.kind in RESULT_KINDS
        ]

    def refresh(self, *_: Any) -> None:
        """List the results again (a layer came or went) and show the chosen one."""
        current = self.panel.current_result()
        layers = self.result_layers()
        self.panel.set_results([(la.name, result_title(la.name)) for la in layers], current)
        self.show_result(self.panel.current_result())
        self.host.services.draw()

    def present(self, name: str, show: bool = True) -> None:
        """Show result ``name`` in the dock (and the dock itself when ``show``)."""
        self.refresh()
        index = self.panel.results.findData(name)
        if index >= 0:
            self.panel.results.setCurrentIndex(index)
        self.show_result(name)
        if show:
            self.show_dock()

    def show_dock(self) -> None:
        """Show and raise the Routes dock (a sensible height the first time)."""
        first = not self.dock_shown
        self.dock_shown = True
        self.dock.show()
        self.dock.raise_()
        if first and not self.dock.isFloating():
            self.window.resizeDocks([self.dock], [230], Qt.Orientation.Vertical)

    def unwatch(self) -> None:
        """Stop following the shown result layer."""
        self._layer_links = disconnect_links(self._layer_links)

    def show_result(self, name: str | None) -> None:
        """Show the rows and notes of result ``name`` (None: nothing)."""
        self.unwatch()
        self.host.show_overlay([], [], source="selection")
        scan = self.host.scan
        layer = scan.layers.get(name) if scan is not None and name else None
        if not isinstance(layer, VectorLayer):
            self.panel.set_rows([])
            self.panel.set_notes([])
            return
        links = [(layer.events.data, self._refresh_rows)]
        if layer.name == "emergency_routes":
            links.append((layer.events.visible, self.host.services.draw))
        self._layer_links = connect_links(links)
        self._refresh_rows()

    def _refresh_rows(self, *_: Any) -> None:
        name = self.panel.current_result()
        scan = self.host.scan
        layer = scan.layers.get(name) if scan is not None and name else None
        if not isinstance(layer, VectorLayer):
            return
        self.panel.set_rows(table_rows(layer), layer.kind)
        self.panel.set_notes(self.host.notes.get(layer.name, []))

    def zoom_to_row(self, row: int) -> None:
        """Zoom the map to a row of the dock's table and ring it."""
        rows = self.panel.rows()
        if not 0 <= row < len(rows) or rows[row].geometry is None:
            return
        geom = rows[row].geometry
        x0, y0, x1, y1 = geom.bounds
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        half_w, half_h = max((x1 - x0) * 0.6, 60.0), max((y1 - y0) * 0.6, 60.0)
        self.window.canvas.zoom_to_rect(cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        ring = Shape(geom, stroke="#b3ffd60a", width_px=12.0)
        if geom.geom_type == "Point":
            ring = Shape(geom, stroke="#ffd60a", width_px=3.0, marker_px=22)
        self.host.show_overlay([ring], [], source="selection")
