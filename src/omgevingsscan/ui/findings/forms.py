"""The finding and measure forms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from omgevingsscan.layers.findings import (
    CATEGORIES,
    CATEGORY_TITLES,
    COST_CLASSES,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    PRIORITIES,
    RESPONSIBLE,
    STATUSES,
    Finding,
)
from omgevingsscan.ui.findings.model import tr


def _combo(values: tuple[str, ...], titles: dict[str, str] | None = None) -> QComboBox:
    box = QComboBox()
    for v in values:
        box.addItem(tr((titles or {}).get(v, v)), v)
    return box


def _select(box: QComboBox, value: str) -> None:
    i = box.findData(value)
    if i >= 0:
        box.setCurrentIndex(i)


class FindingDialog(QDialog):
    """Title, category, likelihood, impact, status and description of a finding."""

    def __init__(
        self, parent: QWidget | None, finding: Finding | None = None, **preset: Any
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Finding"))
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.category = _combo(CATEGORIES, CATEGORY_TITLES)
        self.likelihood = QSpinBox()
        self.likelihood.setRange(1, 5)
        self.impact = QSpinBox()
        self.impact.setRange(1, 5)
        self.status = _combo(STATUSES)
        self.description = QPlainTextEdit()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Likelihood (1–5)"), self.likelihood)
        form.addRow(self.tr("Impact (1–5)"), self.impact)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Description"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        values = {
            "title": "",
            "category": "other",
            "likelihood": 3,
            "impact": 3,
            "status": "open",
            "description": "",
        }
        if finding is not None:
            values.update({k: getattr(finding, k) for k in values})
        values.update(preset)
        self.title.setText(str(values["title"]))
        _select(self.category, str(values["category"]))
        self.likelihood.setValue(int(values["likelihood"]))
        self.impact.setValue(int(values["impact"]))
        _select(self.status, str(values["status"]))
        self.description.setPlainText(str(values["description"]))

    def values(self) -> dict[str, Any]:
        """The entered values, as Finding attributes."""
        return {
            "title": self.title.text(),
            "category": self.category.currentData(),
            "likelihood": self.likelihood.value(),
            "impact": self.impact.value(),
            "status": self.status.currentData(),
            "description": self.description.toPlainText(),
        }


class MeasureDialog(QDialog):
    """A measure: the findings it answers, type, description, responsible, priority, cost."""

    def __init__(self, parent: QWidget | None, findings: list[Finding], chosen: set[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Measure"))
        form = QFormLayout(self)
        self.findings = QListWidget()
        for f in findings:
            item = QListWidgetItem(f"{f.number}. {f.title}")
            item.setData(Qt.ItemDataRole.UserRole, f.uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if f.uuid in chosen else Qt.CheckState.Unchecked
            )
            self.findings.addItem(item)
        self.type = _combo(MEASURE_TYPES)
        self.description = QPlainTextEdit()
        self.responsible = _combo(RESPONSIBLE)
        self.priority = _combo(PRIORITIES)
        self.cost = _combo(COST_CLASSES)
        self.status = _combo(MEASURE_STATUSES)
        _select(self.priority, "medium")
        form.addRow(self.tr("Answers findings"), self.findings)
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Cost class"), self.cost)
        form.addRow(self.tr("Status"), self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> list[str]:
        """uuids of the checked findings."""
        out = []
        for i in range(self.findings.count()):
            item = self.findings.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def values(self) -> dict[str, Any]:
        """The entered values, as Measure attributes (without the findings)."""
        return {
            "type": self.type.currentData(),
            "description": self.description.toPlainText(),
            "responsible": self.responsible.currentData(),
            "priority": self.priority.currentData(),
            "cost": self.cost.currentData(),
            "status": self.status.currentData(),
        }
