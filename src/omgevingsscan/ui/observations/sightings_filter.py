"""The filter bar of the Sightings log: words or plate, category, observer and time.

:class:`FilterBar` builds the fields in one row (:attr:`FilterBar.row`, laid out by the
panel) and says what they describe as a
:class:`~omgevingsscan.layers.sightings.SightingFilter`; ``changed`` is emitted whenever
a field changes.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, QObject, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QLineEdit, QToolButton

from omgevingsscan.layers.sightings import CATEGORIES, SightingFilter
from omgevingsscan.ui.observations.post_dialog import from_qdatetime
from omgevingsscan.ui.observations.sightings_model import time_window
from omgevingsscan.ui.observations.text import choices


class FilterBar(QObject):
    """The fields of the filter bar, in :attr:`row`."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.search.setObjectName("sighting-search")
        self.search.setPlaceholderText(self.tr("Filter: words, plate…"))
        self.search.setClearButtonEnabled(True)
        self.f_category = QComboBox()
        self.f_category.addItem(self.tr("all categories"), "")
        for value, label in choices(CATEGORIES):
            self.f_category.addItem(label, value)
        self.f_observer = QComboBox()
        self.f_observer.addItem(self.tr("all observers"), "")
        self.f_time = QComboBox()
        for label, value in (
            (self.tr("any time"), ""),
            (self.tr("last hour"), "1h"),
            (self.tr("last 4 hours"), "4h"),
            (self.tr("last 24 hours"), "24h"),
            (self.tr("from … to …"), "range"),
        ):
            self.f_time.addItem(label, value)
        now = QDateTime.currentDateTime()
        self.f_from = QDateTimeEdit(now.addSecs(-4 * 3600))
        self.f_to = QDateTimeEdit(now.addSecs(3600))
        for edit in (self.f_from, self.f_to):
            edit.setDisplayFormat("dd-MM HH:mm")
            edit.setCalendarPopup(True)
            edit.setVisible(False)
            edit.dateTimeChanged.connect(self._changed)
        self.clear_filter_button = QToolButton(text="✕")
        self.clear_filter_button.setToolTip(self.tr("Clear the filter"))
        self.clear_filter_button.clicked.connect(self.clear)
        self.search.textChanged.connect(self._changed)
        for combo in (self.f_category, self.f_observer, self.f_time):
            combo.currentIndexChanged.connect(self._changed)
        self.row = QHBoxLayout()
        self.row.addWidget(self.search, 1)
        self.row.addWidget(self.f_category)
        self.row.addWidget(self.f_observer)
        self.row.addWidget(self.f_time)
        self.row.addWidget(self.f_from)
        self.row.addWidget(self.f_to)
        self.row.addWidget(self.clear_filter_button)

    def _changed(self, *_: object) -> None:
        self.changed.emit()

    def current_filter(self) -> SightingFilter:
        """The filter the bar describes."""
        choice = self.f_time.currentData()
        since = until = None
        if choice == "range":
            since = from_qdatetime(self.f_from.dateTime())
            until = from_qdatetime(self.f_to.dateTime())
        elif choice:
            since = time_window(choice)
            until = since + timedelta(days=3650) if since else None
        category = self.f_category.currentData()
        observer = self.f_observer.currentData()
        return SightingFilter(
            since=since,
            until=until,
            categories=(category,) if category else (),
            observers=(observer,) if observer else (),
            text=self.search.text().strip(),
        )

    def clear(self) -> None:
        """Show every sighting."""
        for w in (self.search, self.f_category, self.f_observer, self.f_time):
            w.blockSignals(True)
        self.search.clear()
        self.f_category.setCurrentIndex(0)
        self.f_observer.setCurrentIndex(0)
        self.f_time.setCurrentIndex(0)
        for w in (self.search, self.f_category, self.f_observer, self.f_time):
            w.blockSignals(False)
        self.changed.emit()
