"""Exposure of the site: from where it can be seen, and the ranked overlook positions.

The analysis (:func:`~omgevingsscan.analysis.visibility.exposure_for_scan`, about 20 s
on the demo scan) runs through the main window's ``run_job`` with progress and Cancel.
Its result becomes two layers, ``exposure`` (public ground with a view of the façade)
and ``overlooks`` (the ranked positions), saved with the scan. The panel lists the
positions from the ``overlooks`` layer (so a saved scan shows its list when opened);
clicking a row zooms to the position and highlights it, and clicking a position on the
map selects its row.
"""

from __future__ import annotations

import math
from typing import Any

import geopandas as gpd
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry import Point

from omgevingsscan.analysis.visibility import ExposureResult, exposure_for_scan
from omgevingsscan.analysis.visibility.layers import exposure_frames, result_layers
from omgevingsscan.analysis.visibility.scan import exposure_range_for_scan
from omgevingsscan.io.terrain import terrain_for
from omgevingsscan.layers.base import Layer
from omgevingsscan.layers.visibility import (
    ExposureLayer,
    OverlookLayer,
    put_layer,
)
from omgevingsscan.scan import Scan
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.visibility.common import HIGHLIGHT_COLOUR, VisHost

#: What the background job hands back: the result and its two layer frames.
Computed = tuple[ExposureResult, gpd.GeoDataFrame, gpd.GeoDataFrame]
#: Names (and kinds) of the exposure layers.
GROUND, POSITIONS = "exposure", "overlooks"
#: Zoom when a position is chosen: at most this many metres per pixel.
ZOOM_M_PER_PX = 0.35


class _Num(QTableWidgetItem):
    """A table cell that sorts by number and shows a rounded value (blank for none)."""

    def __init__(self, value: float | None, fmt: str = "{0:.0f}") -> None:
        ok = value is not None and math.isfinite(value)
        super().__init__(fmt.format(value) if ok else "")
        self.value = float(value) if ok else math.inf
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _Num):
            return self.value < other.value
        return super().__lt__(other)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return str(value)


class ExposurePanel(QWidget):
    """The Compute button, a summary and the table of overlook positions.

    Signals
    -------
    compute_requested()
    position_chosen(int)
        The row (position in the ``overlooks`` layer's data) the user chose.
    """

    compute_requested = Signal()
    position_chosen = Signal(int)

    COLUMNS = ("rank", "kind", "distance", "in_view", "name", "note")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compute = QPushButton(self.tr("Compute the exposure of the site"))
        self.compute.setToolTip(
            self.tr("From where can the site be seen? Public ground and overlook positions")
        )
        self.summary = QLabel(
            self.tr("Not computed yet. The result shows who can see the site, and from where.")
        )
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Kind"), self.tr("Distance"), self.tr("In view"),
             self.tr("Name"), self.tr("Note")]
        )  # fmt: skip
        self.table.horizontalHeaderItem(3).setToolTip(
            self.tr("Buildings: length of their façade with a view of the site. Waiting "
                    "spots: width of the site's façade in view, in degrees.")
        )  # fmt: skip
        self.table.setAccessibleName(self.tr("Overlook positions"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.compute.clicked.connect(self.compute_requested)
        self.certainty = QCheckBox(self.tr("With the height uncertainty (3x longer)"))
        self.certainty.setToolTip(
            self.tr("Also at the low and high building heights: the range of the area and "
                    "which positions are uncertain")
        )  # fmt: skip
        top = QHBoxLayout()
        top.addWidget(self.compute)
        top.addWidget(self.certainty)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._filling = False

    # -- filling ---------------------------------------------------------------------------------
    def kind_text(self, kind: str, category: str) -> str:
        """A position's kind, for people."""
        if kind == "building":
            return self.tr("Building")
        names = {
            "parking": self.tr("Parking"),
            "bridge": self.tr("Bridge"),
            "transit_stop": self.tr("Bus or tram stop"),
            "bench": self.tr("Bench"),
            "terrace": self.tr("Terrace"),
        }
        return names.get(category, category)

    def note_text(self, row: dict[str, Any]) -> str:
        """Upper-floor-only views and the lowest part of the façade in view."""
        notes = []
        if _number(row.get("upper_floors")) == 1:
            notes.append(
                self.tr("only from the top floor")
                if row["kind"] == "building"
                else self.tr("sees only the upper façade")
            )
        lowest = _number(row.get("lowest_seen_m"))
        if lowest is not None and lowest > 0.05:
            notes.append(self.tr("façade seen from {0:.1f} m up").format(lowest))
        if row.get("certainty") == "uncertain":
            notes.append(self.tr("UNCERTAIN within the building heights"))
        return "; ".join(notes)

    def fill(self, positions: gpd.GeoDataFrame | None) -> None:
        """Show ``positions`` (the ``overlooks`` layer's data; None: nothing)."""
        self._filling = True
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        rows = positions if positions is not None and len(positions) else None
        n = len(rows) if rows is not None else 0
        self.table.setRowCount(n)
        if rows is not None:
            cols = {c: rows[c].to_numpy() for c in rows.columns if c != "geometry"}
            for r in range(n):
                row = {c: v[r] for c, v in cols.items()}
                self._fill_row(r, row)
        self.table.setSortingEnabled(True)
        self.table.sortItems(0, Qt.SortOrder.AscendingOrder)
        self._filling = False

    def _fill_row(self, r: int, row: dict[str, Any]) -> None:
        rank = _Num(_number(row["rank"]))
        rank.setData(Qt.ItemDataRole.UserRole, r)
        kind = str(row["kind"])
        name = _text(row.get("name")) or _text(row.get("osm_id"))
        if kind == "building":
            in_view = _Num(_number(row.get("facade_m")), self.tr("{0:.0f} m façade"))
        else:
            in_view = _Num(_number(row.get("view_deg")), self.tr("{0:.0f}° view"))
        cells = [
            rank,
            QTableWidgetItem(self.kind_text(kind, str(row.get("category", "")))),
            _Num(_number(row["distance_m"]), "{0:.0f} m"),
            in_view,
            QTableWidgetItem(name),
            QTableWidgetItem(self.note_text(row)),
        ]
        for c, item in enumerate(cells):
            self.table.setItem(r, c, item)

    def row_of(self, position: int) -> int:
        """The table row showing layer row ``position`` (-1: none)."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == position:
                return r
        return -1

    def _on_selection(self) -> None:
        if self._filling:
            return
        items = self.table.selectedItems()
        if items:
            first = self.table.item(items[0].row(), 0)
            self.position_chosen.emit(int(first.data(Qt.ItemDataRole.UserRole)))


class Exposure(QObject):
    """Runs the exposure analysis and shows its positions."""

    def __init__(self, host: VisHost) -> None:
        super().__init__()
        self.host = host
        self.panel = ExposurePanel()
        self.chosen: int | None = None
        self._layer: OverlookLayer | None = None
        self._filled = False
        self.panel.compute_requested.connect(self.run)
        self.panel.position_chosen.connect(self.choose)

    # -- following the layers -------------------------------------------------------------------------
    def adopt(self) -> None:
        """Show the positions layer of the scan (after opening, or when layers change);
        the table is filled again only when that layer is another one."""
        layers = self.host.layers
        found = layers.get(POSITIONS) if layers is not None else None
        layer = found if isinstance(found, OverlookLayer) else None
        if layer is None and layers is not None:  # e.g. saved by the CLI under its name
            layer = next((x for x in layers if isinstance(x, OverlookLayer)), None)
        if layer is not self._layer or not self._filled:
            if self._layer is not None:
                self._layer.events.data.disconnect(self._on_data)
            self._layer = layer
            if layer is not None:
                layer.events.data.connect(self._on_data)
            self._on_data()
        else:
            self.panel.summary.setText(self.summary())

    def release(self) -> None:
        """Stop following the layers (the scan is closing)."""
        if self._layer is not None:
            self._layer.events.data.disconnect(self._on_data)
        self._layer = None
        self._filled = False
        self.chosen = None
        self.panel.fill(None)

    def on_layers_changed(self, *_: int | Layer | object) -> None:
        """The layer list changed: the positions layer may have come or gone."""
        self.adopt()

    def _on_data(self) -> None:
        layer = self._layer
        self.chosen = None
        self.host.show_overlay("exposure", [], [])
        self.panel.fill(layer.data if layer is not None else None)
        self._filled = True
        self.panel.summary.setText(self.summary())
        self.panel.compute.setText(
            self.tr("Compute the exposure of the site")
            if layer is None
            else self.tr("Recompute the exposure")
        )

    def summary(self) -> str:
        """Areas and counts of the exposure shown."""
        layers = self.host.layers
        ground = layers.get(GROUND) if layers is not None else None
        if not isinstance(ground, ExposureLayer) and layers is not None:
            ground = next((x for x in layers if isinstance(x, ExposureLayer)), None)
        if self._layer is None or not isinstance(ground, ExposureLayer):
            return self.tr(
                "Not computed yet. The result shows who can see the site, and from where."
            )
        parts = dict(zip(ground.data["part"], ground.data["area_m2"], strict=False))
        eye, upper = parts.get("eye_level", 0.0), parts.get("upper_facade", 0.0)
        data = self._layer.data
        buildings = int((data["kind"] == "building").sum()) if len(data) else 0
        scan = getattr(self.host, "scan", None)
        flat = (
            self.tr("Over the terrain model.")
            if scan is not None and terrain_for(scan) is not None
            else self.tr("Ground taken as flat (no terrain model).")
        )
        return self.tr(
            "Public ground with a view of the façade: {0:,.0f} m² ({1:,.0f} m² at eye level, "
            "{2:,.0f} m² of the upper façade only). {3} overlook positions: {4} buildings, "
            "{5} waiting spots."
        ).format(eye + upper, eye, upper, len(data), buildings, len(data) - buildings) + (
            " " + flat
        )

    # -- computing --------------------------------------------------------------------------------
    def run(self) -> Any:
        """Compute the exposure in the background (progress and Cancel in the status bar)."""
        window = self.host.window
        scan = window.scan
        if scan is None:
            window.statusBar().showMessage(self.tr("Open a scan first."), 5000)
            return None
        index = self.host.index.index

        ranged = self.panel.certainty.isChecked()

        def task(progress: Any, cancelled: Any) -> Computed:
            if ranged:
                answer = exposure_range_for_scan(
                    scan, index, progress=progress, cancelled=cancelled
                )
                ground, positions = (x.data for x in result_layers(answer, scan.crs, index=index))
                return answer.nominal, ground, positions
            result = exposure_for_scan(scan, index, progress=progress, cancelled=cancelled)
            ground, positions = (x.data for x in result_layers(result, scan.crs, index=index))
            return result, ground, positions  # frames too: 0.2 s

        def done(computed: Computed) -> None:
            self.take(scan, *computed)

        return window.run_job(task, self.tr("Computing the exposure of the site"), done)

    def take(
        self,
        scan: Scan,
        result: ExposureResult,
        ground: gpd.GeoDataFrame | None = None,
        positions: gpd.GeoDataFrame | None = None,
    ) -> None:
        """Store ``result`` (and its layer frames, when made already) as the layers of
        ``scan``, when it is still the one shown."""
        if self.host.window.scan is not scan:
            return
        if ground is None or positions is None:
            ground, positions = exposure_frames(result, scan.crs)
        put_layer(scan.layers, ExposureLayer(GROUND, ground))
        put_layer(scan.layers, OverlookLayer(POSITIONS, positions))
        self.adopt()
        for note in result.notes:
            self.host.window.statusBar().showMessage(note, 10000)

    # -- choosing a position ----------------------------------------------------------------------
    def choose(self, position: int) -> None:
        """Zoom to position ``position`` (row of the layer's data) and highlight it."""
        layer = self._layer
        if layer is None or not 0 <= position < len(layer.data):
            return
        self.chosen = position
        row = layer.data.iloc[position]
        point = row.geometry
        canvas = self.host.canvas
        canvas.set_view(point.x, point.y, min(canvas.metres_per_pixel(), ZOOM_M_PER_PX))
        shapes = [Shape(point, HIGHLIGHT_COLOUR, 4.0, marker_px=26)]
        index = self.host.index.index
        if row["kind"] == "building" and index is not None and _text(row.get("osm_id")):
            try:
                b = index.osm_ids.index(str(row["osm_id"]))
            except ValueError:
                b = -1
            if b >= 0:
                shapes.insert(0, Shape(index.footprints[b].boundary, HIGHLIGHT_COLOUR, 4.0))
        label = f"#{int(row['rank'])} {_text(row.get('name')) or _text(row.get('osm_id'))}"
        self.host.show_overlay("exposure", shapes, [(point.x, point.y, label)])
        table_row = self.panel.row_of(position)
        if table_row >= 0 and self.panel.table.currentRow() != table_row:
            self.panel.table.blockSignals(True)
            self.panel.table.selectRow(table_row)
            self.panel.table.blockSignals(False)
            self.panel.table.scrollToItem(self.panel.table.item(table_row, 0))

    def pick(self, x: float, y: float, tolerance_m: float) -> bool:
        """A click on the map: choose the nearest position within ``tolerance_m``."""
        layer = self._layer
        if layer is None or not layer.visible or not len(layer.data):
            return False
        d = layer.data.geometry.distance(Point(x, y)).to_numpy()
        best = int(d.argmin())
        if d[best] > tolerance_m:
            return False
        self.choose(best)
        return True
