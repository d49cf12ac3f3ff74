"""The Findings dock's panel (filter, table, risk matrix, buttons) and the checklist panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.analysis.findings.checklist import Checklist
from omgevingsscan.layers.findings import CATEGORIES, CATEGORY_TITLES, Finding, FindingsLayer
from omgevingsscan.ui.findings.model import FILTERS, FindingsModel, RiskMatrix, tr


class FindingsPanel(QWidget):
    """Table of findings with a status and category filter, a risk matrix and actions.

    Signals: ``action(str)`` with "add", "suggest", "accept", "reject", "edit",
    "measure", "photo", "delete"; ``selected(object)`` with the finding (or None).
    """

    action = Signal(str)
    selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.status_filter = QComboBox()
        for f in FILTERS:
            self.status_filter.addItem(tr(f), f)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("every category"), "")
        for c in CATEGORIES:
            self.category_filter.addItem(tr(CATEGORY_TITLES[c]), c)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.category_filter.currentIndexChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(40)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _i: self.action.emit("edit"))
        self.matrix = RiskMatrix()
        self.summary = QLabel()
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("add", self.tr("Add…")),
            ("suggest", self.tr("Suggest")),
            ("accept", self.tr("Accept")),
            ("reject", self.tr("Reject")),
            ("edit", self.tr("Edit…")),
            ("measure", self.tr("Measure…")),
            ("photo", self.tr("Photo…")),
            ("delete", self.tr("Delete")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=key: self.action.emit(k))
            n = len(self.buttons)
            buttons.addWidget(button, n // 4, n % 4)
            self.buttons[key] = button
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.status_filter)
        top.addWidget(self.category_filter, 1)
        top.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.matrix)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        buttons.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_layers(self, layer: FindingsLayer | None, measures: object = None) -> None:
        """Show ``layer`` (None when no scan)."""
        self.model.set_layers(layer, measures)  # type: ignore[arg-type]
        self.refresh()

    def refresh(self) -> None:
        """Re-read the layers (after an edit)."""
        current = self.current()
        self.model.refresh()
        layer = self.model.layer
        counted = layer.counted() if layer is not None else []
        self.matrix.set_findings(counted)
        pending = sum(1 for f in layer if f.status == "suggested") if layer is not None else 0
        self.summary.setText(self.tr("{0} counted, {1} suggested").format(len(counted), pending))
        if current is not None:
            self.select(current.uuid)
        self._update_buttons()

    def _filter(self) -> None:
        self.model.set_filter(self.status_filter.currentData(), self.category_filter.currentData())
        self._update_buttons()

    def current(self) -> Finding | None:
        """The selected finding."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.finding(rows[0].row()) if rows else None

    def select(self, uuid: str) -> None:
        """Select the row of finding ``uuid`` (if shown)."""
        for row, f in enumerate(self.model.rows):
            if f.uuid == uuid:
                self.table.selectRow(row)
                return

    def _on_selection(self, *_: object) -> None:
        self._update_buttons()
        self.selected.emit(self.current())

    def _update_buttons(self) -> None:
        f = self.current()
        has_scan = self.model.layer is not None
        for key, button in self.buttons.items():
            if key in ("add", "suggest"):
                button.setEnabled(has_scan)
            elif key in ("accept", "reject"):
                button.setEnabled(f is not None and f.status in ("suggested", "open", "rejected"))
            else:
                button.setEnabled(f is not None)


class ChecklistPanel(QWidget):
    """The checklist of the site kind, with the findings made for each item, and the
    threat context and contacts. ``add_for(str, str)`` asks for a finding (item id,
    category); ``threat_saved(str, str)`` stores the threat context and the contacts
    (one per line, "role; name; phone")."""

    add_for = Signal(str, str)
    threat_saved = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Point to check"), self.tr("Findings")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(self._on_double)
        self.threat = QPlainTextEdit()
        self.threat.setPlaceholderText(self.tr("Threat context (free text, for the report)"))
        self.threat.setMaximumHeight(60)
        self.threat.setMinimumHeight(30)
        self.tree.setMinimumHeight(40)
        self.contacts = QPlainTextEdit()
        self.contacts.setPlaceholderText(
            self.tr("Contacts for the police handout, one per line: role; name; phone")
        )
        self.contacts.setMaximumHeight(60)
        self.contacts.setMinimumHeight(30)
        save = QPushButton(self.tr("Save threat context and contacts"))
        save.clicked.connect(
            lambda: self.threat_saved.emit(self.threat.toPlainText(), self.contacts.toPlainText())
        )
        self.source = QLabel()
        self.source.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(QLabel(self.tr("Double-click a point to record a finding for it.")))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.source)
        row = QHBoxLayout()
        row.addWidget(self.threat, 3)
        row.addWidget(self.contacts, 2)
        layout.addLayout(row)
        layout.addWidget(save)

    def show_checklist(
        self,
        checklist: Checklist | None,
        findings: list[Finding],
        language: str,
        threat: str,
        contacts: list[dict[str, str]] | None = None,
    ) -> None:
        """Fill the tree: categories, their items and how many findings each has."""
        self.tree.clear()
        self.threat.setPlainText(threat)
        self.contacts.setPlainText(
            "\n".join(f"{c['role']}; {c['name']}; {c['phone']}" for c in contacts or [])
        )
        if checklist is None:
            self.source.setText("")
            return
        self.source.setText(
            self.tr("Checklist: {0} ({1})").format(
                checklist.title.get(language) or checklist.title.get("en", ""), checklist.source
            )
        )
        for cat, items in checklist.by_category().items():
            in_cat = [f for f in findings if f.category == cat and f.counted]
            top = QTreeWidgetItem([tr(CATEGORY_TITLES[cat]), str(len(in_cat))])
            top.setData(0, Qt.ItemDataRole.UserRole, ("", cat))
            self.tree.addTopLevelItem(top)
            for item in items:
                n = sum(1 for f in in_cat if f.checklist == item.id)
                child = QTreeWidgetItem([item.label(language), str(n) if n else ""])
                child.setToolTip(0, item.label(language))
                child.setData(0, Qt.ItemDataRole.UserRole, (item.id, cat))
                top.addChild(child)
            top.setExpanded(True)

    def _on_double(self, item: QTreeWidgetItem, _column: int) -> None:
        item_id, cat = item.data(0, Qt.ItemDataRole.UserRole)
        self.add_for.emit(item_id, cat)
