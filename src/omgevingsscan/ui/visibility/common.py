"""Shared pieces of the visibility UI: the height editor, the tool base, labels.

- :class:`HeightEditor`: an eye height as "eye level" (1.6 m), "floor N" (N x 3 m +
  1.6 m) or plain metres, always showing the value in metres.
- :class:`VisTool`: the visibility flavour of :class:`~omgevingsscan.ui.tool_base.MapToolBase`,
  with Esc (cancel what is being drawn, else leave the tool) and grab handles.
- :func:`building_label`, :func:`unique_name`: text helpers.

Core strings shown by this UI (layer titles, progress steps of the exposure analysis)
are listed with QT_TRANSLATE_NOOP so lupdate finds them; they are translated at display
time by :mod:`omgevingsscan.ui.strings`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.layers.base import Layer, LayerList
from omgevingsscan.settings import EYE_HEIGHT_M, LEVEL_HEIGHT_M
from omgevingsscan.ui.canvas import MapCanvas, MapTool
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.tool_base import MapToolBase

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost
    from omgevingsscan.ui.visibility.index import IndexService

#: Titles of the visibility layer kinds (translated by ``strings.layer_title``).
LAYER_TITLES = (
    QT_TRANSLATE_NOOP("layers", "Sight line"),
    QT_TRANSLATE_NOOP("layers", "Viewshed"),
    QT_TRANSLATE_NOOP("layers", "Exposure of the site"),
    QT_TRANSLATE_NOOP("layers", "Overlook positions"),
)
#: Progress steps of :func:`omgevingsscan.analysis.visibility.exposure`.
PROGRESS = (
    QT_TRANSLATE_NOOP("progress", "Sampling the façade"),
    QT_TRANSLATE_NOOP("progress", "Isovists from the façade"),
    QT_TRANSLATE_NOOP("progress", "Merging the views"),
    QT_TRANSLATE_NOOP("progress", "Views of the upper façade"),
    QT_TRANSLATE_NOOP("progress", "Overlooking buildings"),
    QT_TRANSLATE_NOOP("progress", "Upper-floor windows"),
    QT_TRANSLATE_NOOP("progress", "Waiting spots"),
)

#: How close (screen pixels) a press must be to a handle to grab it.
GRAB_PX = 10.0
#: Colours of the tool feedback.
HANDLE_COLOUR = "#1d3557"
ERROR_COLOUR = "#d62828"
HIGHLIGHT_COLOUR = "#ffd60a"


class VisHost(Protocol):
    """What the visibility tools and panels need from the extension."""

    window: WindowHost
    canvas: MapCanvas
    index: IndexService

    @property
    def layers(self) -> LayerList | None:
        """The open scan's layers, or None."""

    @property
    def crs(self) -> str | None:
        """The open scan's CRS."""

    def show_overlay(
        self, source: str, shapes: list[Shape], texts: list[tuple[float, float, str]]
    ) -> None:
        """Draw tool feedback over the map (replacing that of ``source``)."""

    def tool_left(self, tool: MapTool) -> None:
        """The tool stopped being the canvas's tool."""


def floor_height(floor: int) -> float:
    """Eye height (metres) at a window on ``floor`` (0 = ground floor)."""
    return floor * LEVEL_HEIGHT_M + EYE_HEIGHT_M


class HeightEditor(QWidget):
    """An eye height: eye level, a floor, or metres; shows the value in metres.

    Signals
    -------
    changed(float)
        The height in metres changed.
    """

    changed = Signal(float)

    EYE, FLOOR, METRES = range(3)

    def __init__(self, minimum: float = 0.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._minimum = minimum
        self.mode = QComboBox()
        self.mode.addItems([self.tr("Eye level"), self.tr("Floor"), self.tr("Metres")])
        self.mode.setToolTip(
            self.tr(
                "Eye level: a standing person, {0:g} m. Floor N: a window on floor N "
                "(0 = ground floor), N × {1:g} m + {0:g} m. Metres: any height above ground."
            ).format(EYE_HEIGHT_M, LEVEL_HEIGHT_M)
        )
        self.floor = QSpinBox()
        self.floor.setRange(0, 80)
        self.floor.setValue(1)
        self.floor.setAccessibleName(self.tr("Floor"))
        self.metres = QDoubleSpinBox()
        self.metres.setRange(max(minimum, 0.0), 300.0)
        self.metres.setDecimals(1)
        self.metres.setSingleStep(0.5)
        self.metres.setSuffix(" m")
        self.metres.setValue(EYE_HEIGHT_M)
        self.metres.setAccessibleName(self.tr("Height in metres"))
        self.shown = QLabel()
        self.shown.setMinimumWidth(60)
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode)
        layout.addWidget(self.floor)
        layout.addWidget(self.metres)
        layout.addWidget(self.shown, 1)
        self.mode.currentIndexChanged.connect(self._on_edit)
        self.floor.valueChanged.connect(self._on_edit)
        self.metres.valueChanged.connect(self._on_edit)
        self._value = EYE_HEIGHT_M
        self._sync()

    def value(self) -> float:
        """The height in metres above ground."""
        return self._value

    def set_eye(self) -> None:
        """Eye level (1.6 m)."""
        self.mode.setCurrentIndex(self.EYE)

    def set_floor(self, floor: int) -> None:
        """A window on ``floor`` (0 = ground floor)."""
        self.floor.setValue(floor)
        self.mode.setCurrentIndex(self.FLOOR)

    def set_metres(self, metres: float) -> None:
        """A height in metres (eye level or a floor when it is one)."""
        if math.isclose(metres, EYE_HEIGHT_M):
            self.set_eye()
            return
        floor = (metres - EYE_HEIGHT_M) / LEVEL_HEIGHT_M
        if floor > 0 and math.isclose(floor, round(floor)):
            self.set_floor(round(floor))
            return
        self.metres.setValue(metres)
        self.mode.setCurrentIndex(self.METRES)

    def _compute(self) -> float:
        mode = self.mode.currentIndex()
        if mode == self.FLOOR:
            return floor_height(self.floor.value())
        if mode == self.METRES:
            return max(float(self.metres.value()), self._minimum)
        return EYE_HEIGHT_M

    def _sync(self) -> None:
        mode = self.mode.currentIndex()
        self.floor.setVisible(mode == self.FLOOR)
        self.metres.setVisible(mode == self.METRES)
        self._value = self._compute()
        self.shown.setText(f"= {self._value:.1f} m")

    def _on_edit(self, *_: object) -> None:
        before = self._value
        self._sync()
        if not math.isclose(before, self._value):
            self.changed.emit(self._value)


class VisTool(MapToolBase):
    """A map tool of the visibility UI: Esc only (no Enter, Backspace or double-click,
    no viewport filter), :meth:`activated`/:meth:`deactivated` hooks, grab handles."""

    host: VisHost
    watch_viewport = False
    enter_finishes = False
    backspace_undoes = False
    double_click_finishes = False

    def near(self, x: float, y: float, point: tuple[float, float] | None) -> bool:
        """Whether map ``(x, y)`` is within grabbing distance of ``point``."""
        if point is None:
            return False
        tol = GRAB_PX * self.canvas.metres_per_pixel()
        return math.hypot(x - point[0], y - point[1]) <= tol


class WorkingLayerOwner:
    """What the sight-line and viewshed owners share: their working result is the layer
    named :attr:`working` of type :attr:`layer_type`, kept under a new name or cleared.

    The owner (a QObject that lists this class after QObject) has ``host`` and
    overrides :meth:`reset` and :meth:`show`.
    """

    #: The name of the working layer (the next kept one is ``working_N``).
    working: str
    #: The layer class of the working layer.
    layer_type: type[Layer]
    #: The source of the tool feedback in the host's overlay.
    overlay_source: str
    host: VisHost

    def reset(self) -> None:
        """Forget the working result."""

    def show(self) -> None:
        """Draw the tool feedback."""

    def _working(self) -> Any:
        layers = self.host.layers
        layer = layers.get(self.working) if layers is not None else None
        return layer if isinstance(layer, self.layer_type) else None

    def keep(self) -> Any:
        """Rename the working layer so it stays; the next result starts a new one."""
        layer, layers = self._working(), self.host.layers
        if layer is None or layers is None:
            return None
        layer.name = unique_name(layers, self.working)
        self.reset()
        self.host.show_overlay(self.overlay_source, [], [])
        return layer

    def clear(self) -> None:
        """Remove the working result and its layer."""
        layer, layers = self._working(), self.host.layers
        if layer is not None and layers is not None:
            layers.remove(layer)
        self.reset()
        self.show()


def building_label(index: VisibilityIndex, i: int) -> str:
    """A building's name and OSM id ("Stopera (w268782345)"), or its id, or ""."""
    name, osm_id = index.names[i], index.osm_ids[i]
    if name and osm_id:
        return f"{name} ({osm_id})"
    return name or osm_id


def unique_name(layers: LayerList, kind: str) -> str:
    """``kind_N`` with the lowest N >= 1 that no layer uses yet (shown as "Sight line
    (1)" by the layer list, in the user's language)."""
    taken = set(layers.names())
    n = 1
    while f"{kind}_{n}" in taken:
        n += 1
    return f"{kind}_{n}"
