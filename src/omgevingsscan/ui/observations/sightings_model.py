"""The sightings log as a Qt table: a model over the sightings layer, a sort/filter proxy
and a delegate with the right editor per column.

:class:`SightingsModel` follows the layer's ``added`` / ``changed`` / ``removed``
events (undo and redo included) row by row. Editing a cell goes through the
:class:`~omgevingsscan.editing.ObservationEditor`, so it is undoable and saved at
once; a value the model refuses is not swallowed: ``edit_failed`` carries the reason.
Times show in local time; a typed time without a zone is local time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.layers.records import parse_time
from omgevingsscan.layers.sightings import (
    CATEGORIES,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Sighting,
    SightingFilter,
    SightingsLayer,
)
from omgevingsscan.ui.observations.text import choices, word

#: Columns of the table, in order (Sighting attribute names).
COLUMNS = ("time", "category", "severity", "description", "plate", "colour", "observer", "post")
#: Role giving the value the proxy sorts on.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role giving the sighting's uuid.
UUID_ROLE = Qt.ItemDataRole.UserRole + 2
#: How times show in the table (local; the tooltip gives the full date and UTC).
TIME_FORMAT = "%d-%m %H:%M:%S"
#: How a time is offered for editing.
EDIT_FORMAT = "%Y-%m-%d %H:%M:%S"
SEVERITY_COLOURS = {1: None, 2: None, 3: "#fff3bf", 4: "#ffd8a8", 5: "#ffc9c9"}

Index = QModelIndex | QPersistentModelIndex


def parse_local_time(text: str, now: datetime | None = None) -> datetime:
    """A typed time as an aware UTC datetime; without a zone it is local time.

    Accepts ``HH:MM[:SS]`` (today), ``YYYY-MM-DD HH:MM[:SS]`` and ISO 8601 with an offset.

    Raises
    ------
    ValueError
        When the text is not a time.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("time is empty")
    now_local = (now or datetime.now().astimezone()).astimezone()
    for fmt in ("%H:%M", "%H:%M:%S"):
        try:
            t = datetime.strptime(raw, fmt)
        except ValueError:
            continue
        local = now_local.replace(
            hour=t.hour, minute=t.minute, second=t.second, microsecond=0, tzinfo=None
        )
        return parse_time(local.astimezone())
    try:
        value = datetime.fromisoformat(raw.replace("z", "Z"))
    except ValueError as exc:
        raise ValueError(
            f"time {raw!r} is not a time (like 14:30, 2024-05-01 14:30 or with a UTC offset)"
        ) from exc
    if value.tzinfo is None:
        value = value.astimezone()
    return parse_time(value)


def format_time(value: datetime, fmt: str = TIME_FORMAT) -> str:
    """A time as shown in the table: local, to the second."""
    return value.astimezone().strftime(fmt)


class SightingsModel(QAbstractTableModel):
    """Rows are the sightings of a layer, in layer order."""

    #: An edit was refused: the reason.
    edit_failed = Signal(str)
    #: An edit was made (clears an old error).
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.layer: SightingsLayer | None = None
        self.editor: ObservationEditor | None = None
        self._uuids: list[str] = []
        self._colours: dict[str, str] | None = None

    # -- binding --------------------------------------------------------------------------------
    def bind(self, layer: SightingsLayer | None, editor: ObservationEditor | None) -> None:
        """Show ``layer`` and edit it through ``editor`` (None: empty)."""
        self.beginResetModel()
        if self.layer is not None:
            ev = self.layer.events
            ev.added.disconnect(self._on_added)
            ev.changed.disconnect(self._on_changed)
            ev.removed.disconnect(self._on_removed)
            ev.style.disconnect(self.refresh_colours)
        self.layer, self.editor = layer, editor
        self._uuids = layer.uuids() if layer is not None else []
        self._colours = None
        if layer is not None:
            ev = layer.events
            ev.added.connect(self._on_added)
            ev.changed.connect(self._on_changed)
            ev.removed.connect(self._on_removed)
            ev.style.connect(self.refresh_colours)
        self.endResetModel()

    def _on_added(self, uuid: str) -> None:
        assert self.layer is not None
        row = self.layer.index_of(uuid)
        self.beginInsertRows(QModelIndex(), row, row)
        self._uuids.insert(row, uuid)
        self._colours = None
        self.endInsertRows()

    def _on_changed(self, uuid: str) -> None:
        row = self.row_of(uuid)
        if row >= 0:
            self._colours = None
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _on_removed(self, uuid: str) -> None:
        row = self.row_of(uuid)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._uuids[row]
        self.endRemoveRows()

    def refresh_colours(self, *_: Any) -> None:
        """Recompute the age colours (the clock moved on, or the style changed)."""
        self._colours = None
        if self._uuids:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._uuids) - 1, 0),
                [Qt.ItemDataRole.DecorationRole],
            )

    # -- lookup ----------------------------------------------------------------------------------
    def record(self, row: int) -> Sighting:
        """The sighting in ``row``."""
        assert self.layer is not None
        return self.layer.get(self._uuids[row])

    def row_of(self, uuid: str) -> int:
        """The row of ``uuid`` or -1."""
        try:
            return self._uuids.index(uuid)
        except ValueError:
            return -1

    def _colour(self, uuid: str) -> str | None:
        if self.layer is None:
            return None
        if self._colours is None:
            if not self.layer.style.get("time_colour"):
                self._colours = {}
                return None
            records = self.layer.records()
            self._colours = dict(
                zip((r.uuid for r in records), self.layer.colours(records), strict=True)
            )
        return self._colours.get(uuid)

    # -- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._uuids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = {
            "time": self.tr("Time"),
            "category": self.tr("Category"),
            "severity": self.tr("Sev."),
            "description": self.tr("Description"),
            "plate": self.tr("Plate"),
            "colour": self.tr("Colour"),
            "observer": self.tr("Observer"),
            "post": self.tr("Post"),
        }
        return names[COLUMNS[section]]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.editor is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.layer is None:
            return None
        s = self.record(index.row())
        column = COLUMNS[index.column()]
        value = getattr(s, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "time":
                return format_time(value)
            if column == "category":
                return word(value)
            return value
        if role == Qt.ItemDataRole.EditRole:
            return format_time(value, EDIT_FORMAT) if column == "time" else value
        if role == SORT_ROLE:
            if column == "time":
                return value.timestamp()
            return value.lower() if isinstance(value, str) else value
        if role == UUID_ROLE:
            return s.uuid
        if role == Qt.ItemDataRole.DecorationRole and column == "time":
            colour = self._colour(s.uuid)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole and column == "severity":
            colour = SEVERITY_COLOURS.get(s.severity)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "severity":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "time":
                return self.tr("{0} (UTC {1})").format(
                    value.astimezone().isoformat(timespec="seconds"),
                    value.strftime("%Y-%m-%d %H:%M:%S"),
                )
            return s.description or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if self.layer is None or self.editor is None:
            return False
        s = self.record(index.row())
        column = COLUMNS[index.column()]
        try:
            new = parse_local_time(str(value)) if column == "time" else value
            if column == "severity":
                new = int(value)
            self.editor.update(self.layer, s.uuid, **{column: new})
        except ValueError as exc:
            self.edit_failed.emit(
                self.tr("{0} not changed: {1}").format(
                    self.headerData(index.column(), Qt.Orientation.Horizontal), exc
                )
            )
            return False
        self.edited.emit()
        return True


class SightingsProxy(QSortFilterProxyModel):
    """Sorts on the model's sort role and keeps the rows that pass a :class:`SightingFilter`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.filter = SightingFilter()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, flt: SightingFilter) -> None:
        """Show only the sightings passing ``flt``."""
        self.beginFilterChange()
        self.filter = flt
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, SightingsModel) or model.layer is None:
            return True
        return self.filter.matches(model.record(source_row))

    def uuid_at(self, row: int) -> str:
        """The uuid of proxy ``row``."""
        return str(self.data(self.index(row, 0), UUID_ROLE))


class SightingsDelegate(QStyledItemDelegate):
    """Combo boxes for category and post, a spin box for severity, a hint for the time."""

    def __init__(self, model: SightingsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = COLUMNS[index.column()]
        if column == "category":
            combo = QComboBox(parent)
            for value, label in choices(CATEGORIES):
                combo.addItem(label, value)
            return combo
        if column == "severity":
            spin = QSpinBox(parent)
            spin.setRange(SEVERITY_MIN, SEVERITY_MAX)
            return spin
        if column == "post" and self.model.editor is not None:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.addItems([""] + [p.name for p in self.model.editor.posts])
            return combo
        editor = super().createEditor(parent, option, index)
        if column == "time" and isinstance(editor, QLineEdit):
            editor.setPlaceholderText(self.tr("14:30 or 2024-05-01 14:30"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value) if not editor.isEditable() else -1
            if found >= 0:
                editor.setCurrentIndex(found)
            else:
                editor.setCurrentText(str(value))
            return
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentText() if editor.isEditable() else editor.currentData()
            model.setData(index, value, Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def time_window(choice: str, now: datetime | None = None) -> datetime | None:
    """The start of a preset time window ("1h", "4h", "24h"; else None), UTC."""
    hours = {"1h": 1, "4h": 4, "24h": 24}.get(choice)
    if hours is None:
        return None
    ref = now or datetime.now().astimezone()
    return parse_time(ref - timedelta(hours=hours))
