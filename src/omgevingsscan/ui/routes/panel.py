"""The Routes dock: the table of a route result, its notes, and the emergency-services box.

A combo picks one result layer of the scan (the A → B route, escape, approach and
emergency routes, isochrones, chokepoints); the table lists its rows (route, mode,
length, time, via, flags), critical ones in red; clicking a row asks the extension to
zoom to it. Above, a box appears after an emergency-response run that found no
police, fire or hospital: it lets the user place a service by hand or load a wider
area, without a modal dialog in the way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.ui.routes.text import SERVICES, Row, headers, service_label

CRITICAL_COLOUR = "#9d0208"
#: Route, mode, length, time, via, flags.
COLUMNS = 6


class EmergencyBox(QFrame):
    """Tells what emergency services are missing and offers the two ways out."""

    place_requested = Signal(str)
    wider_requested = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergency-box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#emergency-box { background: #fff4d6; border: 1px solid #e0b84a; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide_button = QToolButton()
        self.hide_button.setText("×")
        self.hide_button.setAutoRaise(True)
        self.hide_button.setToolTip(self.tr("Hide this message"))
        self.hide_button.clicked.connect(self.hide)
        self.category = QComboBox()
        for key in SERVICES:
            self.category.addItem(service_label(key), key)
        self.place = QPushButton(self.tr("Place on the map"))
        self.place.setToolTip(self.tr("Click where the service is; its route is added"))
        self.place.clicked.connect(lambda: self.place_requested.emit(self.category.currentData()))
        self.wider = QPushButton(self.tr("Load a wider area…"))
        self.wider.setToolTip(self.tr("A new scan of the same site with a larger radius"))
        self.wider.clicked.connect(self.wider_requested)
        self.clear = QPushButton(self.tr("Remove placed"))
        self.clear.setToolTip(self.tr("Remove the services placed by hand"))
        self.clear.clicked.connect(self.clear_requested)
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.category)
        buttons.addWidget(self.place)
        buttons.addWidget(self.wider)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.hide()

    def show_message(self, text: str, missing: list[str], placed: int) -> None:
        """Show ``text``; pre-select the first missing category."""
        self.message.setText(text)
        if missing:
            self.category.setCurrentIndex(max(0, self.category.findData(missing[0])))
        self.clear.setVisible(placed > 0)
        self.show()


class RoutesPanel(QWidget):
    """Result chooser, table and notes."""

    #: The user chose another result layer (its name).
    result_chosen = Signal(str)
    #: The user clicked or selected a row (its number).
    row_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.emergency = EmergencyBox()
        self.results = QComboBox()
        self.results.setAccessibleName(self.tr("Result"))
        self.results.currentIndexChanged.connect(self._on_result)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(headers("routes"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for col in range(COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 240)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.cellClicked.connect(lambda row, _col: self.row_activated.emit(row))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(
            self.tr(
                "No route results yet. Use the route tool (R) or the route analyses in the "
                "Analysis menu."
            )
        )
        self.empty.setWordWrap(True)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Result")))
        chooser.addWidget(self.results, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.emergency)
        layout.addWidget(self.empty)
        layout.addLayout(chooser)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setMinimumWidth(220)
        notes_box = QScrollArea()
        notes_box.setWidget(self.notes)
        notes_box.setWidgetResizable(True)
        notes_box.setFrameShape(QFrame.Shape.NoFrame)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.table)
        self.split.addWidget(notes_box)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        layout.addWidget(self.split, 1)
        self._rows: list[Row] = []
        self.set_results([], None)

    # -- results ------------------------------------------------------------------------------
    def set_results(self, items: list[tuple[str, str]], current: str | None) -> None:
        """List ``(layer name, title)`` in the chooser and select ``current``."""
        self.results.blockSignals(True)
        self.results.clear()
        for name, title in items:
            self.results.addItem(title, name)
        index = self.results.findData(current) if current is not None else -1
        self.results.setCurrentIndex(index if index >= 0 else (0 if items else -1))
        self.results.blockSignals(False)
        has = bool(items)
        self.empty.setVisible(not has)
        for w in (self.results, self.table):
            w.setEnabled(has)

    def current_result(self) -> str | None:
        """The name of the result layer shown."""
        value = self.results.currentData()
        return str(value) if value is not None else None

    def _on_result(self, _index: int) -> None:
        name = self.current_result()
        if name is not None:
            self.result_chosen.emit(name)

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], kind: str = "routes") -> None:
        """Fill the table for a result of layer ``kind`` (the selection is kept by row
        number when it still exists)."""
        selected = self.selected_row()
        self._rows = list(rows)
        table = self.table
        table.blockSignals(True)
        table.setHorizontalHeaderLabels(headers(kind))
        table.setRowCount(len(rows))
        red = QBrush(QColor(CRITICAL_COLOUR))
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells()):
                shown = f"⚠ {text}" if c == 5 and row.critical and text else text
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    table.setItem(r, c, item)
                item.setText(shown)
                item.setToolTip(text if c in (4, 5) else "")
                item.setForeground(red if row.critical and c in (0, 5) else QBrush())
        for c in range(COLUMNS):  # e.g. no time for chokepoints, no via for isochrones
            table.setColumnHidden(c, bool(rows) and not any(row.cells()[c] for row in rows))
        if selected is not None and selected < len(rows):
            table.selectRow(selected)
        table.blockSignals(False)

    def rows(self) -> list[Row]:
        """The rows shown."""
        return list(self._rows)

    def texts(self) -> list[list[str]]:
        """The table's cell texts, row by row."""
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def selected_row(self) -> int | None:
        """The selected row number, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else None

    def _on_selection(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.row_activated.emit(row)

    def set_notes(self, lines: list[str]) -> None:
        """Show notes beside the table (one paragraph each)."""
        self.notes.setText("\n\n".join(lines))
