"""The sightings log of the observations extension: its dock, logging, deleting, the
colours by age, export and import (a part that reaches the extension through
:class:`~omgevingsscan.ui.observations.host.ObservationsHost`).

Ctrl+L logs a sighting at the chosen post with the time now; Ctrl+Shift+L (or a sighting
without a post) asks for a click on the map first. The observer list is refreshed once
per burst of changes (a merge of 1,000 sightings refreshes it once, not 1,000 times),
and the colours by age are brought up to date every minute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDockWidget
from shapely.geometry import Point

from omgevingsscan.layers.sightings import SightingsLayer
from omgevingsscan.ui.map_items import LazyLayerItem
from omgevingsscan.ui.observations.sightings_dock import SightingsPanel
from omgevingsscan.ui.observations.sightings_io import SightingsExchange
from omgevingsscan.ui.tool_base import ToolBase

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost
    from omgevingsscan.ui.observations.host import ObservationsHost

#: How often the colours by age are brought up to date (ms).
AGE_REFRESH_MS = 60_000


class _PickSighting(ToolBase):
    """One click on the map gives the place of a sighting, then the tool leaves."""

    def __init__(self, host: ObservationsHost, attrs: dict[str, Any], post: str) -> None:
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


class SightingsLog(QObject):
    """The Sightings log dock and what its buttons and shortcuts do."""

    def __init__(
        self,
        host: ObservationsHost,
        window: WindowHost,
        exchange: SightingsExchange,
        reselect: Callable[[], None],
    ) -> None:
        super().__init__()
        self.host = host
        #: Rings the selected sightings again (after the log changed).
        self.reselect = reselect
        self.window = window
        self.exchange = exchange
        self.panel = SightingsPanel()
        self.dock = QDockWidget(
            QCoreApplication.translate("ObservationsUI", "Sightings log"), window
        )
        self.dock.setObjectName("sightings-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [230], Qt.Orientation.Vertical)
        p = self.panel
        p.log_requested.connect(lambda post, attrs, on_map: self.log(post, attrs, on_map))
        p.delete_requested.connect(self.delete)
        p.export_requested.connect(self.export)
        p.import_requested.connect(self.import_)
        p.by_age.toggled.connect(self._on_style_options)
        p.last.toggled.connect(self._on_style_options)
        p.last_hours.valueChanged.connect(self._on_style_options)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_REFRESH_MS)
        self._age_timer.timeout.connect(self.refresh_age)
        self._age_timer.start()
        self._observers_timer = QTimer(self)
        self._observers_timer.setSingleShot(True)
        self._observers_timer.setInterval(0)
        self._observers_timer.timeout.connect(self.refresh_observers)

    def close(self) -> None:
        """Stop the timers (the window closes)."""
        self._age_timer.stop()
        self._observers_timer.stop()

    def _layer(self) -> SightingsLayer | None:
        return self.host.layer(SightingsLayer, "sightings")

    # -- following the layer ---------------------------------------------------------------------
    def show_style(self, sightings: SightingsLayer) -> None:
        """Set the colour-by-age and last-hours options from the layer's style."""
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

    def observers_soon(self, *_: Any) -> None:
        """Refresh the observer list once the current burst of changes is over."""
        self._observers_timer.start()

    def refresh_observers(self, *_: Any) -> None:
        """Offer the observers of the log in the entry row; re-ring the selection."""
        layer = self._layer()
        self.panel.set_observers(layer.observers() if layer is not None else [])
        self.reselect()

    def refresh_age(self) -> None:
        """Bring the colours by age up to date (map and table)."""
        scene = self.host.canvas.map_scene()
        scan = self.host.scan
        layer = scan.layers.get("sightings") if scan is not None else None
        item = scene.item_for(layer) if scene is not None and layer is not None else None
        if isinstance(item, LazyLayerItem):
            item.refresh()
        self.panel.model.refresh_colours()

    # -- actions ---------------------------------------------------------------------------------
    def focus(self) -> None:
        """Ctrl+L: show the log and put the cursor in the description."""
        self.dock.show()
        self.dock.raise_()
        self.panel.focus_entry()

    def log(self, post: str, attrs: dict[str, Any], on_map: bool) -> None:
        """Log a sighting now: at ``post``, or at a place clicked on the map."""
        if self.host.editor_or_ask(lambda: self.log(post, attrs, on_map)) is None:
            return
        if on_map or not post:
            self.host.use_tool(_PickSighting(self.host, dict(attrs), post))
            return
        self.host.log_sighting(post, attrs)

    def log_sighting(
        self, post: str, attrs: dict[str, Any], position: Point | None = None
    ) -> str | None:
        """Add a sighting (time now) and select its row; returns its uuid."""
        s = self.host.edit(lambda ed: ed.add_sighting(position, post=post, **attrs))
        if s is None:
            return None
        self.panel.entry_done()
        self.panel.clear_error()
        if not self.panel.select_uuids([s.uuid]):
            self.panel.clear_filter()
            self.panel.select_uuids([s.uuid])
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ObservationsUI", "The filter was cleared to show the new sighting."
                ),
                5000,
            )
        self.dock.raise_()
        return s.uuid

    def delete(self, uuids: list[str]) -> None:
        """Delete sightings (one undo step)."""
        if len(uuids) == 1:
            self.host.edit(lambda ed: ed.delete(ed.sightings, uuids[0]))
        elif uuids:
            self.host.edit(lambda ed: ed.delete_many(ed.sightings, uuids))

    def export(self, kind: str) -> None:
        """Export the rows shown as CSV or GeoJSON."""
        layer = self._layer()
        if layer is None or self.host.scan is None:
            return
        records = [layer.get(u) for u in self.panel.shown_uuids()]
        self.exchange.export(kind, records, self.host.scan.crs)

    def import_(self) -> None:
        """Import and merge from another observer's file."""
        editor = self.host.editor_or_ask(self.import_)
        if editor is not None:
            self.exchange.ask_import(editor)

    def _on_style_options(self, *_: Any) -> None:
        layer = self._layer()
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
