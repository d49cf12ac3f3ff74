"""The Sight line panel: heights of A and B, the answer, and Keep / Clear / Recompute.
Used by :class:`~omgevingsscan.ui.visibility.sightline.Sightlines`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.ui.visibility.common import (
    HeightEditor,
)


class SightlinePanel(QWidget):
    """Heights of A and B, the answer, and Keep / Clear / Recompute."""

    keep_requested = Signal()
    clear_requested = Signal()
    recompute_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.a_height = HeightEditor()
        self.b_height = HeightEditor()
        self.a_height.setToolTip(self.tr("Height of the eye at A"))
        self.b_height.setToolTip(self.tr("Height of the eye at B"))
        self.result = QLabel(self.tr("Choose the sight-line tool (S) and click A, then B."))
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setStyleSheet("color: #555;")
        self.keep = QPushButton(self.tr("Keep as layer"))
        self.keep.setToolTip(
            self.tr("Keep this sight line as its own layer; the next one starts afresh")
        )
        self.clear = QPushButton(self.tr("Clear"))
        self.recompute = QPushButton(self.tr("Recompute all"))
        self.recompute.setToolTip(self.tr("Test every sight-line layer again"))
        self.keep.clicked.connect(self.keep_requested)
        self.clear.clicked.connect(self.clear_requested)
        self.recompute.clicked.connect(self.recompute_requested)
        form = QFormLayout()
        form.addRow(self.tr("A (from):"), self.a_height)
        form.addRow(self.tr("B (to):"), self.b_height)
        buttons = QHBoxLayout()
        for b in (self.keep, self.clear, self.recompute):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.set_has_line(False)

    def set_has_line(self, has: bool) -> None:
        """Enable Keep and Clear when there is a working line."""
        self.keep.setEnabled(has)
        self.clear.setEnabled(has)
