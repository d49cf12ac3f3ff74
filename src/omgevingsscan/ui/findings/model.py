"""The findings table model (with its filter) and the risk-matrix view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from omgevingsscan.layers.findings import (
    CATEGORY_TITLES,
    RISK_COLOURS,
    Finding,
    FindingsLayer,
    MeasuresLayer,
    risk_level,
)


def tr(text: str) -> str:
    """Translate a findings text (context "Findings")."""
    return QCoreApplication.translate("Findings", text)


#: Filter choices: counted findings, all, or one status.
FILTERS = ("counted", "all", "suggested", "open", "accepted", "resolved", "rejected")


class FindingsModel(QAbstractTableModel):
    """Rows of findings: number, title, category, L × I, risk, status, measures."""

    HEADERS = ("No.", "Finding", "Category", "L × I", "Risk", "Status", "Measures")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.layer: FindingsLayer | None = None
        self.measures: MeasuresLayer | None = None
        self.filter = "counted"
        self.category = ""
        self.rows: list[Finding] = []

    def set_layers(self, layer: FindingsLayer | None, measures: MeasuresLayer | None) -> None:
        """Show the findings of ``layer`` (None: nothing)."""
        self.layer, self.measures = layer, measures
        self.refresh()

    def set_filter(self, status: str, category: str = "") -> None:
        """Show the findings of ``status`` (see :data:`FILTERS`) and ``category`` ("" = any)."""
        self.filter, self.category = status, category
        self.refresh()

    def refresh(self) -> None:
        """Re-read the layer."""
        self.beginResetModel()
        found = list(self.layer) if self.layer is not None else []
        if self.filter == "counted":
            found = [f for f in found if f.counted]
        elif self.filter != "all":
            found = [f for f in found if f.status == self.filter]
        if self.category:
            found = [f for f in found if f.category == self.category]
        self.rows = sorted(found, key=lambda f: (f.number == 0, f.number))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and col == 4:
            return QColor(RISK_COLOURS[f.risk])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.description or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        n_measures = len(self.measures.for_finding(f.uuid)) if self.measures is not None else 0
        values = (
            str(f.number) if f.number else "–",
            f.title,
            tr(CATEGORY_TITLES[f.category]),
            f"{f.likelihood} × {f.impact} = {f.score}",
            tr(f.risk),
            tr(f.status),
            str(n_measures),
        )
        return values[col]

    def finding(self, row: int) -> Finding | None:
        """The finding shown in ``row``."""
        return self.rows[row] if 0 <= row < len(self.rows) else None


class RiskMatrix(QWidget):
    """A 5 × 5 likelihood × impact grid with the findings' numbers in their cells.

    Clicking a cell emits ``cell_clicked(likelihood, impact)``.
    """

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: dict[tuple[int, int], list[int]] = {}
        self.setMinimumSize(120, 70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_findings(self, findings: list[Finding]) -> None:
        """Place ``findings`` (their numbers) in the grid."""
        self.cells = {}
        for f in findings:
            self.cells.setdefault((f.likelihood, f.impact), []).append(f.number)
        self.update()

    def _grid(self) -> tuple[float, float, float]:
        margin = 34.0
        size = min(self.width() - margin - 6, self.height() - margin - 6) / 5.0
        return margin, 6.0, max(size, 10.0)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        x0, y0, c = self._grid()
        p.setPen(QPen(QColor("#ffffff"), 1.0))
        for impact in range(1, 6):
            for likelihood in range(1, 6):
                r = QRectF(x0 + (likelihood - 1) * c, y0 + (5 - impact) * c, c, c)
                p.fillRect(r, QColor(RISK_COLOURS[risk_level(likelihood, impact)]))
                p.drawRect(r)
                nums = self.cells.get((likelihood, impact), [])
                if nums:
                    p.setPen(QColor("#000000"))
                    p.drawText(
                        r,
                        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                        ", ".join(str(n) for n in nums),
                    )
                    p.setPen(QPen(QColor("#ffffff"), 1.0))
        p.setPen(QColor("#222222"))
        for i in range(1, 6):
            p.drawText(
                QRectF(x0 - 16, y0 + (5 - i) * c, 14, c), Qt.AlignmentFlag.AlignCenter, str(i)
            )
            p.drawText(
                QRectF(x0 + (i - 1) * c, y0 + 5 * c, c, 14), Qt.AlignmentFlag.AlignCenter, str(i)
            )
        p.drawText(
            QRectF(x0, y0 + 5 * c + 13, 5 * c, 14), Qt.AlignmentFlag.AlignCenter, tr("Likelihood")
        )
        p.save()
        p.translate(10, y0 + 2.5 * c)
        p.rotate(-90)
        p.drawText(QRectF(-40, -8, 80, 16), Qt.AlignmentFlag.AlignCenter, tr("Impact"))
        p.restore()
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x0, y0, c = self._grid()
        likelihood = int((event.position().x() - x0) // c) + 1
        impact = 5 - int((event.position().y() - y0) // c)
        if 1 <= likelihood <= 5 and 1 <= impact <= 5:
            self.cell_clicked.emit(likelihood, impact)
