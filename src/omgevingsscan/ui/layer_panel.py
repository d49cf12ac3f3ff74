"""The layer panel: visibility, opacity, order, delete, and a feature count per layer.

The list shows the top layer first (the model keeps bottom first). The panel follows
the scan's evented layer list and each layer's events; it disconnects when the scan
changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.layers.base import Layer, VectorLayer
from omgevingsscan.scan import Scan
from omgevingsscan.ui.strings import layer_title

#: Layers the user may not delete (the scan needs them).
PROTECTED = {"site", "study_area"}


class LayerPanel(QWidget):
    """A list of the scan's layers with check boxes, an opacity slider and order buttons."""

    #: The selected layer changed (None when nothing is selected).
    layer_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scan: Scan | None = None
        self._connections: list[tuple[Any, Any]] = []
        self._updating = False
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Layers"))
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentRowChanged.connect(self._on_current)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(100)
        self.opacity.setToolTip(self.tr("Opacity of the selected layer"))
        self.opacity.valueChanged.connect(self._on_opacity)
        self.up = QToolButton(text="▲")
        self.up.setToolTip(self.tr("Move layer up"))
        self.down = QToolButton(text="▼")
        self.down.setToolTip(self.tr("Move layer down"))
        self.remove = QToolButton(text="✕")
        self.remove.setToolTip(self.tr("Remove layer"))
        self.up.clicked.connect(lambda: self._move(+1))
        self.down.clicked.connect(lambda: self._move(-1))
        self.remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Opacity")))
        buttons.addWidget(self.opacity, 1)
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._sync_buttons()

    # -- binding ----------------------------------------------------------------
    def set_scan(self, scan: Scan | None) -> None:
        """Show the layers of ``scan`` (disconnecting from the previous one)."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        self._scan = scan
        if scan is not None:
            ev = scan.layers.events
            self._connections = [
                (ev.inserted, self._rebuild),
                (ev.removed, self._rebuild),
                (ev.moved, self._rebuild),
                (ev.reordered, self._rebuild),
            ]
            for layer in scan.layers:
                self._connect_layer(layer)
            for signal, slot in self._connections:
                signal.connect(slot)
        self._rebuild()

    def _connect_layer(self, layer: Layer) -> None:
        for signal in (layer.events.visible, layer.events.name, layer.events.data):
            signal.connect(self._refresh_rows)
            self._connections.append((signal, self._refresh_rows))

    def layers_top_first(self) -> list[Layer]:
        """The scan's layers, top first (the order shown)."""
        return list(reversed(list(self._scan.layers))) if self._scan else []

    def _label(self, layer: Layer) -> str:
        name = layer_title(layer)
        if isinstance(layer, VectorLayer):
            return f"{name} ({len(layer):,})"
        return name

    def _rebuild(self, *_: Any) -> None:
        if self._scan is not None:
            known = {id(sig) for sig, _ in self._connections}
            for layer in self._scan.layers:
                if id(layer.events.visible) not in known:
                    self._connect_layer(layer)
        current = self.current_layer()
        self._updating = True
        self.list.clear()
        for layer in self.layers_top_first():
            item = QListWidgetItem(self._label(layer))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, layer.name)
            item.setToolTip(layer.name)
            self.list.addItem(item)
        self._updating = False
        if current is not None:
            self.select_layer(current.name)
        self._sync_buttons()

    def _refresh_rows(self, *_: Any) -> None:
        self._updating = True
        for row, layer in enumerate(self.layers_top_first()):
            item = self.list.item(row)
            if item is None:
                continue
            item.setText(self._label(layer))
            item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
        self._updating = False

    # -- user actions -------------------------------------------------------------
    def current_layer(self) -> Layer | None:
        """The selected layer, or None."""
        item = self.list.currentItem()
        if item is None or self._scan is None:
            return None
        return self._scan.layers.get(item.data(Qt.ItemDataRole.UserRole))

    def select_layer(self, name: str) -> None:
        """Select the row of layer ``name``."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)
                return

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._updating or self._scan is None:
            return
        layer = self._scan.layers.get(item.data(Qt.ItemDataRole.UserRole))
        if layer is not None:
            layer.visible = item.checkState() == Qt.CheckState.Checked

    def _on_current(self, _row: int) -> None:
        layer = self.current_layer()
        self._updating = True
        self.opacity.setValue(round((layer.opacity if layer else 1.0) * 100))
        self._updating = False
        self._sync_buttons()
        self.layer_selected.emit(layer)

    def _on_opacity(self, value: int) -> None:
        layer = self.current_layer()
        if layer is not None and not self._updating:
            layer.opacity = value / 100.0

    def _move(self, step: int) -> None:
        layer = self.current_layer()
        if layer is None or self._scan is None:
            return
        layers = self._scan.layers
        index = layers.index(layer)
        target = index + step
        if 0 <= target < len(layers):
            layers.move(index, target + (1 if step > 0 else 0))
            self.select_layer(layer.name)

    def _remove(self) -> None:
        layer = self.current_layer()
        if layer is None or self._scan is None or layer.name in PROTECTED:
            return
        self._scan.layers.remove(layer)

    def _sync_buttons(self) -> None:
        layer = self.current_layer()
        enabled = layer is not None
        for w in (self.opacity, self.up, self.down):
            w.setEnabled(enabled)
        self.remove.setEnabled(enabled and layer is not None and layer.name not in PROTECTED)
