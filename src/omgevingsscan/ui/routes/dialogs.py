"""Options of the route analyses: travel mode, k and destinations, minutes, entry distance.

One small form serves the four analyses that ask something (approach, escape,
isochrones, chokepoints); it is opened with ``open()`` (never ``exec()``), checks its
values with the core's own checks and hands them over through :attr:`chosen`.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.analysis.routing import DEFAULT_MINUTES, K_MAX, K_MIN
from omgevingsscan.analysis.routing.isochrones import check_minutes
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.speeds import MODES
from omgevingsscan.ui.common import error_label, ok_cancel
from omgevingsscan.ui.routes.text import mode_label

#: Default options per analysis.
DEFAULTS: dict[str, dict[str, Any]] = {
    "approach": {"mode": "walk", "distance_m": 75},
    "escape": {"mode": "drive", "k": 3, "to": "edge"},
    "isochrones": {"mode": "walk", "minutes": list(DEFAULT_MINUTES)},
    "chokepoints": {"mode": "drive"},
}


def parse_minutes(text: str) -> list[float]:
    """ "1, 3, 5" or "1 3 5" (a decimal comma as in "1,5" is not allowed) → [1.0, 3.0, 5.0]."""
    parts = [p for p in re.split(r"[;\s,]+", text.strip()) if p]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise AnalysisInputError(f"{text!r} is not a list of minutes like 1, 3, 5") from None
    return check_minutes(values)


def minutes_text(minutes: list[float]) -> str:
    """[1.0, 3.0, 5.0] → "1, 3, 5"."""
    return ", ".join(f"{m:g}" for m in minutes)


class RouteOptionsDialog(QDialog):
    """Asks the options of one route analysis; emits :attr:`chosen` with them on OK."""

    chosen = Signal(dict)

    def __init__(self, kind: str, options: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        titles = {
            "approach": self.tr("Approach routes"),
            "escape": self.tr("Escape routes"),
            "isochrones": self.tr("Isochrones"),
            "chokepoints": self.tr("Chokepoints"),
        }
        self.setWindowTitle(titles[kind])
        values = {**DEFAULTS[kind], **options}
        form = QFormLayout()
        self.mode = QComboBox()
        for mode in MODES:
            self.mode.addItem(mode_label(mode), mode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(values["mode"])))
        form.addRow(self.tr("Travel mode"), self.mode)
        self.k = QSpinBox()
        self.k.setRange(K_MIN, K_MAX)
        self.k.setValue(int(values.get("k", 3)))
        self.to = QComboBox()
        self.to.addItem(self.tr("The edge of the study area"), "edge")
        self.to.addItem(self.tr("Points I click on the map"), "points")
        self.to.setCurrentIndex(max(0, self.to.findData(values.get("to", "edge"))))
        self.minutes = QLineEdit(minutes_text(values.get("minutes", list(DEFAULT_MINUTES))))
        self.minutes.setToolTip(self.tr("Minutes, separated by commas: 1, 3, 5"))
        self.distance = QSpinBox()
        self.distance.setRange(10, 500)
        self.distance.setSingleStep(25)
        self.distance.setSuffix(" m")
        self.distance.setValue(int(values.get("distance_m", 75)))
        if kind == "escape":
            form.addRow(self.tr("Number of routes (k)"), self.k)
            form.addRow(self.tr("Destinations"), self.to)
        elif kind == "isochrones":
            form.addRow(self.tr("Minutes"), self.minutes)
        elif kind == "approach":
            form.addRow(self.tr("Entry points within"), self.distance)
        explain = {
            "approach": self.tr(
                "Ways into the site: tagged entrances of its building, otherwise the nearest "
                "street access; the corridors from the edge of the study area to each are "
                "ranked by travel time."
            ),
            "escape": self.tr(
                "Up to k routes from the site, as different as possible: no shared street "
                "when the network allows it. Shared segments are listed."
            ),
            "isochrones": self.tr("The area reachable from the site within each time."),
            "chokepoints": self.tr(
                "Bridges, tunnels, narrow and one-way streets near the site, and streets "
                "whose loss cuts the site off or forces a long detour."
            ),
        }
        note = QLabel(explain[kind])
        note.setWordWrap(True)
        self.error = error_label()
        buttons = ok_cancel(self._accept, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        """The options entered; AnalysisInputError for bad minutes."""
        out: dict[str, Any] = {"mode": self.mode.currentData()}
        if self.kind == "escape":
            out.update(k=self.k.value(), to=self.to.currentData())
        elif self.kind == "isochrones":
            out["minutes"] = parse_minutes(self.minutes.text())
        elif self.kind == "approach":
            out["distance_m"] = self.distance.value()
        return out

    def _accept(self) -> None:
        try:
            values = self.values()
        except AnalysisInputError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
        self.chosen.emit(values)
