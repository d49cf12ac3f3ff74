"""The feature inspector: the OSM tags and attributes of the clicked feature."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.heights import provenance_text
from omgevingsscan.ui.strings import layer_title


class FeatureInspector(QWidget):
    """Shows one feature: its layer, its attributes and its OSM tags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Click a feature on the map to see its tags."))
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def rows(self) -> list[tuple[str, str]]:
        """The (key, value) rows shown."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]

    def show_feature(self, layer: VectorLayer | None, position: int | None) -> None:
        """Show row ``position`` of ``layer``; None clears the inspector."""
        self.table.setRowCount(0)
        if layer is None or position is None:
            self.title.setText(self.tr("Nothing here. Click a feature on the map to see its tags."))
            return
        row = layer.data.iloc[position]
        rows: list[tuple[str, str]] = []
        tags: dict[str, str] = {}
        for key, value in row.items():
            if key == "geometry":
                continue
            if key == "tags" and isinstance(value, str):
                try:
                    tags = json.loads(value)
                except ValueError:
                    tags = {}
                continue
            if value is None or (isinstance(value, float) and value != value):
                continue
            text = f"{value:.1f}" if isinstance(value, float) else str(value)
            rows.append((key, text))
        if layer.kind == "buildings" and "height" in row:
            rows.insert(0, (self.tr("height provenance"), provenance_text(row.to_dict())))
        rows += [(f"tag: {k}", v) for k, v in sorted(tags.items())]
        geom = row.geometry
        if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon"):
            rows.append((self.tr("area (m²)"), f"{geom.area:,.0f}"))
        elif geom is not None and "LineString" in geom.geom_type:
            rows.append((self.tr("length (m)"), f"{geom.length:,.1f}"))
        name = row.get("name") if "name" in row else None
        heading = layer_title(layer)
        self.title.setText(f"<b>{heading}</b>" + (f": {name}" if isinstance(name, str) else ""))
        self.table.setRowCount(len(rows))
        for r, (k, v) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(k))
            self.table.setItem(r, 1, QTableWidgetItem(v))
