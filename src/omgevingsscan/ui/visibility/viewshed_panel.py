"""The Viewshed panel: radius, sector and observer height; the answer; Keep / Clear /
Recompute. Used by :class:`~omgevingsscan.ui.visibility.viewshed.Viewsheds`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.settings import EYE_HEIGHT_M
from omgevingsscan.ui.visibility.common import (
    ERROR_COLOUR,
    HeightEditor,
)
from omgevingsscan.ui.visibility.viewshed_question import Question

XY = tuple[float, float]


class ViewshedPanel(QWidget):
    """Radius, sector and observer height; the answer; Keep / Clear / Recompute."""

    changed = Signal()
    keep_requested = Signal()
    clear_requested = Signal()
    recompute_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._terrain = False
        self.radius = QSpinBox()
        self.radius.setRange(10, 3000)
        self.radius.setSingleStep(50)
        self.radius.setValue(300)
        self.radius.setSuffix(" m")
        self.sector = QCheckBox(self.tr("Only a sector"))
        self.direction = QSpinBox()
        self.direction.setRange(0, 359)
        self.direction.setWrapping(True)
        self.direction.setSuffix("°")
        self.direction.setToolTip(self.tr("Direction of view: 0° north, 90° east"))
        self.angle = QSpinBox()
        self.angle.setRange(1, 360)
        self.angle.setValue(90)
        self.angle.setSuffix("°")
        self.angle.setToolTip(self.tr("Width of the sector"))
        self.height = HeightEditor(minimum=0.1)
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.method.setStyleSheet("color: #555;")
        self.result = QLabel(self.tr("Choose the viewshed tool (V) and click a point."))
        self.result.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        for label in (self.method, self.result, self.error):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error.setVisible(False)
        self.keep = QPushButton(self.tr("Keep as layer"))
        self.keep.setToolTip(
            self.tr("Keep this viewshed as its own layer; the next one starts afresh")
        )
        self.clear = QPushButton(self.tr("Clear"))
        self.recompute = QPushButton(self.tr("Recompute all"))
        self.recompute.setToolTip(self.tr("Compute every viewshed layer again"))
        sector_row = QHBoxLayout()
        sector_row.addWidget(self.sector)
        sector_row.addWidget(self.direction)
        sector_row.addWidget(self.angle)
        form = QFormLayout()
        form.addRow(self.tr("Radius:"), self.radius)
        form.addRow(self.tr("Sector:"), sector_row)
        form.addRow(self.tr("Observer:"), self.height)
        buttons = QHBoxLayout()
        for b in (self.keep, self.clear, self.recompute):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.method)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for w in (self.radius, self.direction, self.angle):
            w.valueChanged.connect(self._on_change)
        self.sector.toggled.connect(self._on_change)
        self.height.changed.connect(self._on_change)
        self.keep.clicked.connect(self.keep_requested)
        self.clear.clicked.connect(self.clear_requested)
        self.recompute.clicked.connect(self.recompute_requested)
        self._on_change()
        self.set_has_result(False)

    def question(self, origin: XY) -> Question:
        """The question the panel asks about ``origin``."""
        sector = (
            (float(self.direction.value()), float(self.angle.value()))
            if self.sector.isChecked()
            else None
        )
        return Question(origin, self.height.value(), float(self.radius.value()), sector)

    def set_question(self, q: Question) -> None:
        """Show the settings of ``q`` (without recomputing)."""
        widgets = (self.radius, self.sector, self.direction, self.angle, self.height)
        for w in widgets:
            w.blockSignals(True)
        self.radius.setValue(round(q.radius))
        self.sector.setChecked(q.sector is not None)
        if q.sector is not None:
            self.direction.setValue(round(q.sector[0]) % 360)
            self.angle.setValue(round(q.sector[1]))
        self.height.set_metres(q.height)
        for w in widgets:
            w.blockSignals(False)
        self._describe_method()

    def show_error(self, message: str) -> None:
        """Show ``message`` inline (empty: hide it)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def set_has_result(self, has: bool) -> None:
        """Enable Keep and Clear when there is a working viewshed."""
        self.keep.setEnabled(has)
        self.clear.setEnabled(has)

    def set_terrain(self, terrain: bool) -> None:
        """Say whether the viewshed is computed over a terrain model."""
        if terrain != self._terrain:
            self._terrain = terrain
            self._describe_method()

    def _describe_method(self) -> None:
        self.direction.setEnabled(self.sector.isChecked())
        self.angle.setEnabled(self.sector.isChecked())
        if self._terrain:
            self.method.setText(
                self.tr(
                    "Over the terrain model: sight lines from {0:.1f} m up to a grid of points, "
                    "past the terrain and the buildings on it; hatched where uncertain."
                ).format(self.height.value())
            )
        elif self.height.value() > EYE_HEIGHT_M + 1e-9:
            self.method.setText(
                self.tr(
                    "2.5D viewshed: the ground and roofs seen over lower buildings "
                    "from {0:.1f} m up."
                ).format(self.height.value())
            )
        else:
            self.method.setText(self.tr("Exact 2D isovist among the building footprints."))

    def _on_change(self, *_: object) -> None:
        self._describe_method()
        self.changed.emit()
