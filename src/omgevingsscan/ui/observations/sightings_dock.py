"""The sightings log dock: quick entry, a filter bar, the table, map options, exchange.

Quick entry is made for time pressure: Ctrl+L puts the cursor in the description, Enter
logs the sighting at the chosen post with the time now (Ctrl+Shift+L: click its place
on the map instead). The new row is selected; its other cells are edited in place. The
filter bar filters on text, category, observer and time; the map can colour sightings by
age and show only the last N hours. Every action that changes data is a signal the
observations extension turns into an undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.layers.sightings import CATEGORIES, SightingFilter
from omgevingsscan.ui.observations.sightings_filter import FilterBar
from omgevingsscan.ui.observations.sightings_model import (
    COLUMNS,
    UUID_ROLE,
    SightingsDelegate,
    SightingsModel,
    SightingsProxy,
)
from omgevingsscan.ui.observations.text import choices


class SightingsPanel(QWidget):
    """The widget inside the sightings dock.

    Signals
    -------
    log_requested(str, dict, bool)
        Log a sighting: post uuid ("" for none), attributes, and whether to pick the
        position on the map.
    delete_requested(list)
        Delete these sighting uuids.
    selection_changed(list)
        The selected uuids changed (the map follows).
    export_requested(str)
        "csv" or "geojson", of the rows shown.
    import_requested()
        Import and merge from a file.
    """

    log_requested = Signal(str, dict, bool)
    delete_requested = Signal(list)
    selection_changed = Signal(list)
    export_requested = Signal(str)
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SightingsModel(self)
        self.proxy = SightingsProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_entry()
        self.filter_bar = FilterBar()
        fb = self.filter_bar
        self.search, self.f_category, self.f_observer = fb.search, fb.f_category, fb.f_observer
        self.f_time, self.f_from, self.f_to = fb.f_time, fb.f_from, fb.f_to
        self.clear_filter_button = fb.clear_filter_button
        fb.changed.connect(self.apply_filter)
        self._build_table()
        self._build_bottom()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(self.entry_row)
        layout.addLayout(fb.row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(self.bottom_row)
        self.model.edit_failed.connect(self.show_error)
        self.model.edited.connect(self.clear_error)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self.set_enabled(False)

    # -- construction ------------------------------------------------------------------------------
    def _build_entry(self) -> None:
        self.post = QComboBox()
        self.post.setToolTip(self.tr("Post the sighting is seen from (its position is used)"))
        self.post.setMinimumContentsLength(8)
        self._had_posts = False
        self.category = QComboBox()
        for value, label in choices(CATEGORIES):
            self.category.addItem(label, value)
        self.severity = QSpinBox()
        self.severity.setRange(1, 5)
        self.severity.setPrefix(self.tr("sev. "))
        self.severity.setToolTip(self.tr("Severity: 1 note … 5 immediate threat"))
        self.description = QLineEdit()
        self.description.setObjectName("sighting-description")
        self.description.setPlaceholderText(
            self.tr("What was seen — Enter logs it now at the post (Ctrl+L)")
        )
        self.description.returnPressed.connect(lambda: self._log(on_map=False))
        self.log_button = QPushButton(self.tr("Log"))
        self.log_button.setToolTip(self.tr("Log now at the post (Enter)"))
        self.log_button.clicked.connect(lambda: self._log(on_map=False))
        self.map_button = QPushButton(self.tr("On map…"))
        self.map_button.setToolTip(
            self.tr("Log now at a place you click on the map (Ctrl+Shift+L)")
        )
        self.map_button.clicked.connect(lambda: self._log(on_map=True))
        self.entry_row = QHBoxLayout()
        self.entry_row.addWidget(self.post)
        self.entry_row.addWidget(self.category)
        self.entry_row.addWidget(self.severity)
        self.entry_row.addWidget(self.description, 1)
        self.entry_row.addWidget(self.log_button)
        self.entry_row.addWidget(self.map_button)

    def _build_table(self) -> None:
        table = QTableView()
        table.setObjectName("sightings-table")
        table.setModel(self.proxy)
        table.setItemDelegate(SightingsDelegate(self.model, table))
        table.setSortingEnabled(True)
        table.sortByColumn(COLUMNS.index("time"), Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("description"), QHeaderView.ResizeMode.Stretch)
        for name, width in (
            ("time", 140),
            ("category", 80),
            ("severity", 42),
            ("plate", 80),
            ("colour", 80),
            ("observer", 100),
            ("post", 120),
        ):
            table.setColumnWidth(COLUMNS.index(name), width)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete)
        self.table = table
        self.error = QLabel()
        self.error.setObjectName("sightings-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)

    def _build_bottom(self) -> None:
        self.count = QLabel()
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected sightings (Del)"))
        self.delete_button.clicked.connect(self._delete)
        self.by_age = QCheckBox(self.tr("Colour by age"))
        self.by_age.setChecked(True)
        self.by_age.setToolTip(self.tr("On the map: light = older, dark red = recent"))
        self.last = QCheckBox(self.tr("Map: last"))
        self.last_hours = QDoubleSpinBox()
        self.last_hours.setRange(0.25, 720)
        self.last_hours.setDecimals(2)
        self.last_hours.setValue(4)
        self.last_hours.setSuffix(self.tr(" h"))
        self.last_hours.setEnabled(False)
        self.last.toggled.connect(self.last_hours.setEnabled)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("CSV (rows shown)…"), lambda: self.export_requested.emit("csv"))
        menu.addAction(
            self.tr("GeoJSON for the police (rows shown)…"),
            lambda: self.export_requested.emit("geojson"),
        )
        self.export_button.setMenu(menu)
        self.import_button = QPushButton(self.tr("Import / merge…"))
        self.import_button.setToolTip(
            self.tr("Merge sightings from another observer's scan file or a GeoJSON file")
        )
        self.import_button.clicked.connect(self.import_requested)
        self.bottom_row = QHBoxLayout()
        self.bottom_row.addWidget(self.count, 1)
        self.bottom_row.addWidget(self.by_age)
        self.bottom_row.addWidget(self.last)
        self.bottom_row.addWidget(self.last_hours)
        self.bottom_row.addWidget(self.delete_button)
        self.bottom_row.addWidget(self.export_button)
        self.bottom_row.addWidget(self.import_button)

    # -- state -------------------------------------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        """Allow entry and edits (there is an editor) or not."""
        for w in (
            self.post,
            self.category,
            self.severity,
            self.description,
            self.log_button,
            self.map_button,
            self.delete_button,
            self.import_button,
        ):
            w.setEnabled(enabled)

    def set_posts(self, posts: list[tuple[str, str]]) -> None:
        """Offer ``(uuid, name)`` posts in the entry row, keeping the choice."""
        current = self.post.currentData()
        self.post.blockSignals(True)
        self.post.clear()
        self.post.addItem(self.tr("(no post)"), "")
        for uuid, name in posts:
            self.post.addItem(name, uuid)
        found = self.post.findData(current)
        if (found <= 0 and posts and not self._had_posts) or found < 0:
            found = 1 if posts else 0
        self._had_posts = bool(posts)
        self.post.setCurrentIndex(found)
        self.post.blockSignals(False)

    def set_observers(self, observers: list[str]) -> None:
        """Offer ``observers`` in the filter, keeping the choice."""
        current = self.f_observer.currentData()
        self.f_observer.blockSignals(True)
        self.f_observer.clear()
        self.f_observer.addItem(self.tr("all observers"), "")
        for name in observers:
            self.f_observer.addItem(name, name)
        found = self.f_observer.findData(current)
        self.f_observer.setCurrentIndex(max(found, 0))
        self.f_observer.blockSignals(False)
        if found < 0 and current:
            self.apply_filter()

    def show_error(self, message: str) -> None:
        """Show why an edit was refused, until the next successful one."""
        self.error.setText(message)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        """Hide the error line."""
        self.error.clear()
        self.error.setVisible(False)

    # -- filter ------------------------------------------------------------------------------------
    def current_filter(self) -> SightingFilter:
        """The filter the bar describes."""
        return self.filter_bar.current_filter()

    def apply_filter(self, *_: object) -> None:
        """Filter the table by the bar."""
        custom = self.f_time.currentData() == "range"
        self.f_from.setVisible(custom)
        self.f_to.setVisible(custom)
        try:
            flt = self.current_filter()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.proxy.set_filter(flt)
        self._update_count()

    def clear_filter(self) -> None:
        """Show every sighting."""
        self.filter_bar.clear()

    def _update_count(self, *_: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            self.count.setText(self.tr("{0} sightings").format(total))
        else:
            self.count.setText(self.tr("{0} of {1} sightings shown").format(shown, total))

    # -- selection ---------------------------------------------------------------------------------
    def selected_uuids(self) -> list[str]:
        """The uuids of the selected rows, in table order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.proxy.uuid_at(r) for r in rows]

    def shown_uuids(self) -> list[str]:
        """The uuids of the rows shown (filtered and sorted), in table order."""
        return [self.proxy.uuid_at(r) for r in range(self.proxy.rowCount())]

    def select_uuids(self, uuids: list[str], edit_column: str | None = None) -> int:
        """Select the rows of ``uuids`` (scrolling to the first); returns how many are shown.

        A sighting hidden by the filter cannot be selected; the caller may clear the
        filter and try again.
        """
        selection = QItemSelection()
        first = None
        for uuid in uuids:
            row = self.model.row_of(uuid)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                continue
            last = self.proxy.index(index.row(), len(COLUMNS) - 1)
            selection.select(index, last)
            first = first or index
        self.table.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if first is not None:
            self.table.scrollTo(first)
            column = COLUMNS.index(edit_column) if edit_column else 0
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(first.row(), column),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
        return len(selection.indexes()) // len(COLUMNS)

    def _on_selection(self, *_: object) -> None:
        self.selection_changed.emit(self.selected_uuids())

    # -- actions -----------------------------------------------------------------------------------
    def focus_entry(self) -> None:
        """Put the cursor in the description field (Ctrl+L)."""
        self.description.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.description.selectAll()

    def entry_values(self) -> dict[str, object]:
        """The attributes typed in the entry row."""
        return {
            "category": self.category.currentData(),
            "severity": self.severity.value(),
            "description": self.description.text().strip(),
        }

    def _log(self, on_map: bool) -> None:
        self.log_requested.emit(str(self.post.currentData() or ""), self.entry_values(), on_map)

    def entry_done(self) -> None:
        """Clear the entry row after a sighting was logged (keep post and category)."""
        self.description.clear()
        self.severity.setValue(1)

    def _delete(self) -> None:
        uuids = self.selected_uuids()
        if uuids:
            self.delete_requested.emit(uuids)

    def uuid_at_row(self, row: int) -> str:
        """The uuid of table row ``row``."""
        return str(self.proxy.index(row, 0).data(UUID_ROLE))
