"""The observation-post form: name, type, observer, height, direction, field of view,
range, notes and the time the post is manned.

The dialog is non-blocking (``open()``). On OK it hands the attributes to ``submit``,
which makes the edit and returns an error message when the model refuses a value; the
message is shown in the dialog and the dialog stays open, so nothing typed is lost.
Enter accepts, so a post with the proposed values is one keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.layers.posts import HEIGHT_KINDS, MAX_RANGE_M, POST_TYPES, ObservationPost
from omgevingsscan.settings import EYE_HEIGHT_M
from omgevingsscan.ui.common import ok_cancel
from omgevingsscan.ui.observations.text import choices

#: Eye height proposed for each height kind (metres above the street).
HEIGHT_DEFAULTS = {"ground": EYE_HEIGHT_M, "floor": 4.6, "mast": 8.0}

Submit = Callable[[dict[str, Any]], str | None]


def to_qdatetime(value: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in local time."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def from_qdatetime(value: QDateTime) -> datetime:
    """A QDateTime as an aware UTC datetime."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class _OptionalTime(QWidget):
    """A check box plus a date-time edit: unchecked means open-ended (None)."""

    def __init__(self, label: str, value: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateTimeEdit()
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setTimeZone(QTimeZone.systemTimeZone())
        self.edit.setDateTime(to_qdatetime(value) if value else QDateTime.currentDateTime())
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> datetime | None:
        return from_qdatetime(self.edit.dateTime()) if self.check.isChecked() else None


class PostDialog(QDialog):
    """Edit the attributes of a new or existing observation post."""

    def __init__(
        self,
        post: ObservationPost,
        submit: Submit,
        *,
        title: str,
        observers: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("post-dialog")
        self._submit = submit
        self.name = QLineEdit(post.name)
        self.name.setMaxLength(100)
        self.type = QComboBox()
        for value, label in choices(POST_TYPES):
            self.type.addItem(label, value)
        self.type.setCurrentIndex(POST_TYPES.index(post.type))
        self.observer = QLineEdit(post.observer)
        self.observer.setPlaceholderText(self.tr("observer or team"))
        self.observer.setCompleter(QCompleter(sorted(set(observers))))
        self.height_kind = QComboBox()
        for value, label in choices(HEIGHT_KINDS):
            self.height_kind.addItem(label, value)
        self.height_kind.setCurrentIndex(HEIGHT_KINDS.index(post.height_kind))
        self.height = self._spin(post.height_m, 0, 300, 1, self.tr(" m"))
        self.height_kind.currentIndexChanged.connect(self._height_kind_changed)
        self.direction = QSpinBox()
        self.direction.setRange(0, 359)
        self.direction.setWrapping(True)
        self.direction.setSuffix("°")
        self.direction.setValue(round(post.direction_deg) % 360)
        self.direction.setToolTip(self.tr("Compass direction of the view: 0 = north, 90 = east"))
        self.fov = QSpinBox()
        self.fov.setRange(1, 360)
        self.fov.setSuffix("°")
        self.fov.setValue(max(1, round(post.fov_deg)))
        self.fov.setToolTip(self.tr("Field of view; 360° sees all round"))
        self.range = self._spin(post.range_m, 0, MAX_RANGE_M, 0, self.tr(" m"))
        self.notes = QPlainTextEdit(post.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.active_from = _OptionalTime(self.tr("from"), post.active_from)
        self.active_to = _OptionalTime(self.tr("to"), post.active_to)
        self.error = QLabel()
        self.error.setObjectName("post-dialog-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Type"), self.type)
        form.addRow(self.tr("&Observer"), self.observer)
        height_row = QHBoxLayout()
        height_row.addWidget(self.height_kind, 1)
        height_row.addWidget(self.height)
        height_label = QLabel(self.tr("&Height"))
        height_label.setBuddy(self.height_kind)
        form.addRow(height_label, height_row)
        form.addRow(self.tr("&Direction"), self.direction)
        form.addRow(self.tr("&Field of view"), self.fov)
        form.addRow(self.tr("&Range"), self.range)
        form.addRow(self.tr("N&otes"), self.notes)
        form.addRow(self.tr("Manned"), self.active_from)
        form.addRow("", self.active_to)
        buttons = ok_cancel(self.accept, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.selectAll()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _spin(value: float, lo: float, hi: float, decimals: int, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(lo, hi)
        spin.setDecimals(decimals)
        spin.setSuffix(suffix)
        spin.setValue(value)
        return spin

    def _height_kind_changed(self) -> None:
        kind = self.height_kind.currentData()
        if self.height.value() in HEIGHT_DEFAULTS.values():
            self.height.setValue(HEIGHT_DEFAULTS[kind])

    def values(self) -> dict[str, Any]:
        """The attributes as entered (not validated yet)."""
        return {
            "name": self.name.text(),
            "type": self.type.currentData(),
            "observer": self.observer.text(),
            "height_kind": self.height_kind.currentData(),
            "height_m": self.height.value(),
            "direction_deg": float(self.direction.value()),
            "fov_deg": float(self.fov.value()),
            "range_m": self.range.value(),
            "notes": self.notes.toPlainText(),
            "active_from": self.active_from.value(),
            "active_to": self.active_to.value(),
        }

    def show_error(self, message: str) -> None:
        """Show why the values were refused (the dialog stays open)."""
        self.error.setText(self.tr("Not saved: {0}").format(message))
        self.error.setVisible(True)

    def accept(self) -> None:
        problem = self._submit(self.values())
        if problem:
            self.show_error(problem)
            return
        super().accept()
