"""The map scene: one QGraphicsItem per layer, kept in step with the scan's layer list.

The same scene is shown by the canvas and rendered by the print export, so the map on
screen and on paper come from one piece of painting code. Widths and marker sizes in
"px" are nominal 96-dpi pixels, converted to metres from the painter's transform and
the device's resolution, so a print at 1:2500 looks like the screen at that scale.
Each layer is painted by a :class:`~omgevingsscan.render.layer_item.LayerItem`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsScene
from shapely.geometry import box as shapely_box

from omgevingsscan.layers.base import Layer, VectorLayer
from omgevingsscan.layers.osm import OSM_LAYER_KINDS
from omgevingsscan.render.geometry import path_of
from omgevingsscan.render.layer_item import LayerItem
from omgevingsscan.scan import Scan

LAND_COLOUR = "#f2efe9"
OUTSIDE_COLOUR = "#dcdcdc"
_OSM_KINDS = {cls.kind for cls in OSM_LAYER_KINDS.values()}


class MapScene(QGraphicsScene):
    """A scene showing every layer of a scan, bottom layer first.

    OSM base layers are clipped to the study-area circle; analysis and user layers
    are not. Keep a Python reference to the scene for as long as a view shows it.
    """

    def __init__(self, scan: Scan, parent: Any = None) -> None:
        super().__init__(parent)
        self.scan = scan
        self.items_by_layer: dict[int, LayerItem] = {}
        circle = path_of([scan.study_area.polygon])
        self._clip = circle
        x0, y0, x1, y1 = scan.study_area.polygon.bounds
        pad = 0.25 * (x1 - x0)
        self.setSceneRect(QRectF(x0 - pad, -y1 - pad, (x1 - x0) + 2 * pad, (y1 - y0) + 2 * pad))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for layer in scan.layers:
            self._add(layer)
        self._restack()
        events = scan.layers.events
        self._connections = [
            (events.inserted, self._on_inserted),
            (events.removed, self._on_removed),
            (events.moved, self._on_moved),
            (events.reordered, self._on_reordered),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)

    def dispose(self) -> None:
        """Disconnect from the scan and its layers (call before dropping the scene)."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        for item in self.items_by_layer.values():
            item.dispose()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor(OUTSIDE_COLOUR))
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LAND_COLOUR))
        painter.drawPath(self._clip)
        painter.restore()

    def _add(self, layer: Layer) -> None:
        if not isinstance(layer, VectorLayer):
            return
        clip = self._clip if layer.kind in _OSM_KINDS or layer.kind == "data_extent" else None
        item = LayerItem(layer, clip)
        self.items_by_layer[id(layer)] = item
        self.addItem(item)

    def _restack(self) -> None:
        for z, layer in enumerate(self.scan.layers):
            item = self.items_by_layer.get(id(layer))
            if item is not None:
                item.setZValue(z)

    def _on_inserted(self, _index: int, layer: Layer) -> None:
        self._add(layer)
        self._restack()

    def _on_removed(self, _index: int, layer: Layer) -> None:
        item = self.items_by_layer.pop(id(layer), None)
        if item is not None:
            item.dispose()
            self.removeItem(item)
        self._restack()

    def _on_moved(self, *_: Any) -> None:
        self._restack()

    def _on_reordered(self, *_: Any) -> None:
        self._restack()

    def item_for(self, layer: Layer) -> LayerItem | None:
        """Return the item drawing ``layer``."""
        return self.items_by_layer.get(id(layer))

    def features_at(self, x: float, y: float, tolerance_m: float) -> list[tuple[VectorLayer, int]]:
        """Return ``(layer, row position)`` of visible features near ``(x, y)`` metres.

        The topmost layer comes first. Points and lines match within ``tolerance_m``;
        polygons match when they contain the point (or lie within the tolerance).
        """
        probe = shapely_box(x - tolerance_m, y - tolerance_m, x + tolerance_m, y + tolerance_m)
        hits: list[tuple[VectorLayer, int]] = []
        for layer in reversed(list(self.scan.layers)):
            if not isinstance(layer, VectorLayer) or not layer.visible or not len(layer):
                continue
            frame = layer.data
            idx = frame.sindex.query(probe, predicate="intersects")
            if not len(idx):
                continue
            geoms = frame.geometry.to_numpy()[idx]
            from shapely.geometry import Point

            centre = Point(x, y)
            dists = np.array([g.distance(centre) for g in geoms])
            for pos in idx[np.argsort(dists, kind="stable")]:
                hits.append((layer, int(pos)))
        return hits
