"""Annotation tools (text label, arrow, zone) with a style picker, and the measure tool.

- Label: click where the text goes; type it; Enter.
- Arrow: press at the tail, drag, release at the head.
- Zone: click the corners; double-click, Enter or a click on the first corner closes
  it; then choose the kind (cordon, no-parking zone, meeting point, restricted area),
  a caption and, if wanted, a style of its own. Backspace drops the last corner.
- Measure: click points; the distance along them, and the area once there are three,
  show beside the cursor and in the status bar. Double-click or Enter ends a
  measurement; the next click starts a new one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.annotations import (
    ZONE_KINDS,
    Annotation,
    AnnotationsLayer,
    measure,
)
from omgevingsscan.ui.common import ok_cancel
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.observations.text import choices
from omgevingsscan.ui.tool_base import ToolBase

if TYPE_CHECKING:
    from omgevingsscan.ui.observations.host import ObservationsHost

#: Colours offered by the style picker, with their names.
PALETTE = (
    ("#c1121f", QT_TRANSLATE_NOOP("AnnotationDialog", "red")),
    ("#e85d04", QT_TRANSLATE_NOOP("AnnotationDialog", "orange")),
    ("#ffd60a", QT_TRANSLATE_NOOP("AnnotationDialog", "yellow")),
    ("#15803d", QT_TRANSLATE_NOOP("AnnotationDialog", "green")),
    ("#1d4ed8", QT_TRANSLATE_NOOP("AnnotationDialog", "blue")),
    ("#7b2cbf", QT_TRANSLATE_NOOP("AnnotationDialog", "purple")),
    ("#4b5563", QT_TRANSLATE_NOOP("AnnotationDialog", "grey")),
    ("#111111", QT_TRANSLATE_NOOP("AnnotationDialog", "black")),
    ("#ffffff", QT_TRANSLATE_NOOP("AnnotationDialog", "white")),
)
#: Two corners closer than this many pixels are one (closing a zone on its first corner).
SNAP_PX = 8.0

Submit = Callable[[str, str, dict[str, Any]], str | None]


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(colour))
    return QIcon(pix)


class AnnotationDialog(QDialog):
    """Text, zone kind and style of a label, arrow or zone (non-blocking; Enter accepts).

    ``submit(text, zone_kind, style)`` makes the edit and returns an error message, or
    None; on an error the dialog stays open and shows it.
    """

    def __init__(
        self,
        kind: str,
        submit: Submit,
        *,
        annotation: Annotation | None = None,
        layer_style: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotation-dialog")
        self.kind = kind
        self._submit = submit
        self._layer_style = layer_style or AnnotationsLayer.default_style
        titles = {
            "label": self.tr("Text label"),
            "arrow": self.tr("Arrow"),
            "zone": self.tr("Zone"),
        }
        self.setWindowTitle(titles[kind])
        self.text = QLineEdit(annotation.text if annotation else "")
        self.text.setPlaceholderText(
            self.tr("Text") if kind == "label" else self.tr("Caption (optional)")
        )
        self.zone_kind = QComboBox()
        for value, label in choices(ZONE_KINDS):
            self.zone_kind.addItem(label, value)
        if annotation is not None and annotation.zone_kind:
            self.zone_kind.setCurrentIndex(ZONE_KINDS.index(annotation.zone_kind))
        self.custom = QGroupBox(self.tr("Own style"))
        self.custom.setCheckable(True)
        self.custom.setChecked(bool(annotation and annotation.style))
        self.stroke = self._colour_combo()
        self.fill = self._colour_combo(none=True)
        self.opacity = QSpinBox()
        self.opacity.setRange(0, 100)
        self.opacity.setSuffix(" %")
        self.width = QDoubleSpinBox()
        self.width.setRange(0.5, 20)
        self.width.setSingleStep(0.5)
        self.width.setSuffix(self.tr(" px"))
        self.dashed = QCheckBox(self.tr("dashed"))
        self.font_size = QSpinBox()
        self.font_size.setRange(6, 72)
        self.font_size.setSuffix(self.tr(" pt"))
        style_form = QFormLayout(self.custom)
        if kind == "label":
            style_form.addRow(self.tr("Text colour"), self.stroke)
            style_form.addRow(self.tr("Text size"), self.font_size)
        else:
            style_form.addRow(self.tr("Line colour"), self.stroke)
            style_form.addRow(self.tr("Line width"), self.width)
            style_form.addRow("", self.dashed)
        if kind == "zone":
            style_form.addRow(self.tr("Fill colour"), self.fill)
            style_form.addRow(self.tr("Fill opacity"), self.opacity)
        self._load_style(annotation)
        self.zone_kind.currentIndexChanged.connect(lambda: self._load_style(None))
        self.error = QLabel()
        self.error.setObjectName("annotation-dialog-error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Text") if kind == "label" else self.tr("&Caption"), self.text)
        if kind == "zone":
            form.addRow(self.tr("&Kind of zone"), self.zone_kind)
        buttons = ok_cancel(self.accept, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.custom)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _colour_combo(self, none: bool = False) -> QComboBox:
        combo = QComboBox()
        if none:
            combo.addItem(self.tr("none"), None)
        for colour, name in PALETTE:
            combo.addItem(_swatch(colour), self.tr(name), colour)
        return combo

    @staticmethod
    def _select(combo: QComboBox, colour: str | None) -> None:
        found = combo.findData(colour)
        if found < 0 and colour:
            combo.addItem(_swatch(colour), colour, colour)
            found = combo.count() - 1
        combo.setCurrentIndex(max(found, 0))

    def _load_style(self, annotation: Annotation | None) -> None:
        """Fill the style fields from the annotation's (or the kind's) effective style."""
        probe = annotation or _probe(self.kind, self.zone_kind.currentData())
        style = probe.effective_style(self._layer_style)
        colour_key = "text_colour" if self.kind == "label" else "stroke"
        self._select(self.stroke, style.get(colour_key) or "#111111")
        self._select(self.fill, style.get("fill"))
        self.opacity.setValue(round(float(style.get("fill_opacity", 0.2)) * 100))
        self.width.setValue(float(style.get("stroke_width", 2.0)))
        self.dashed.setChecked(bool(style.get("dash")))
        self.font_size.setValue(round(float(style.get("font_size", 10.0))))

    def style(self) -> dict[str, Any]:
        """The chosen style ({} keeps the default of the kind)."""
        if not self.custom.isChecked():
            return {}
        if self.kind == "label":
            return {"text_colour": self.stroke.currentData(), "font_size": self.font_size.value()}
        style: dict[str, Any] = {
            "stroke": self.stroke.currentData(),
            "stroke_width": self.width.value(),
            "width_units": "px",
            "dash": [8, 4] if self.dashed.isChecked() else None,
        }
        if self.kind == "zone":
            style["fill"] = self.fill.currentData()
            style["fill_opacity"] = self.opacity.value() / 100.0
        return style

    def accept(self) -> None:
        zone_kind = self.zone_kind.currentData() if self.kind == "zone" else ""
        problem = self._submit(self.text.text(), zone_kind, self.style())
        if problem:
            self.error.setText(self.tr("Not saved: {0}").format(problem))
            self.error.setVisible(True)
            return
        super().accept()


def _probe(kind: str, zone_kind: str) -> Annotation:
    """A throw-away annotation of ``kind`` to read the default style from."""
    if kind == "label":
        return Annotation.label(Point(0, 0), "x")
    if kind == "arrow":
        return Annotation.arrow(LineString([(0, 0), (1, 1)]))
    return Annotation.zone(Polygon([(0, 0), (1, 0), (0, 1)]), zone_kind)


class LabelTool(ToolBase):
    """Click where a text label goes."""

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.ui = host

    def hint(self) -> str:
        return self.tr("Label: click where the text goes. Esc leaves.")

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return True

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        self.ui.new_annotation("label", Point(x, y))
        return True


class ArrowTool(ToolBase):
    """Press at the tail, release at the head."""

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.ui = host
        self._tail: tuple[float, float] | None = None

    def hint(self) -> str:
        return self.tr("Arrow: press at the tail, drag and release at the head. Esc leaves.")

    def busy(self) -> bool:
        return self._tail is not None

    def reset(self) -> None:
        self._tail = None

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        self._tail = (x, y)
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self._tail is None:
            return False
        line = LineString([self._tail, (x, y)])
        self.ui.show_overlay(
            [Shape(line, stroke="#c1121f", width_px=2.5, dash=True)],
            [(x, y, f"{line.length:.0f} m")],
        )
        return True

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        tail, self._tail = self._tail, None
        self.ui.show_overlay([], [])
        if tail is None:
            return True
        if math.hypot(x - tail[0], y - tail[1]) / self.px() < SNAP_PX:
            self.status(self.tr("Drag from the tail to the head to draw an arrow."))
            return True
        arrow = Annotation.arrow(LineString([tail, (x, y)]))
        self.ui.edit(lambda ed: ed.add_annotation(arrow))
        return True


class _PointsTool(ToolBase):
    """Collects clicked points, with a rubber band to the cursor."""

    closed = False

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.ui = host
        self.points: list[tuple[float, float]] = []
        self._cursor: tuple[float, float] | None = None

    def busy(self) -> bool:
        return bool(self.points)

    def reset(self) -> None:
        self.points = []
        self._cursor = None

    def undo_point(self) -> None:
        if self.points:
            self.points.pop()
        self.redraw()

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return True

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        self._cursor = (x, y)
        if self.points:
            self.redraw()
        return bool(self.points)

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.closed and len(self.points) >= 3:
            fx, fy = self.points[0]
            if math.hypot(x - fx, y - fy) / self.px() < SNAP_PX:
                self.finish()
                return True
        if (
            not self.points
            or math.hypot(x - self.points[-1][0], y - self.points[-1][1]) / self.px() >= 1.0
        ):
            self.points.append((x, y))
        self._cursor = (x, y)
        self.redraw()
        return True

    def double_click(self, x: float, y: float) -> None:
        # The first click of the double-click normally added this point already.
        if (
            not self.points
            or math.hypot(x - self.points[-1][0], y - self.points[-1][1]) / self.px() >= SNAP_PX
        ):
            self.points.append((x, y))
        self.finish()

    def sketch(self) -> BaseGeometry | None:
        """The points so far plus the cursor, as a line (or polygon when closed)."""
        pts = list(self.points)
        if self._cursor is not None and (not pts or pts[-1] != self._cursor):
            pts.append(self._cursor)
        if self.closed and len(pts) >= 3:
            poly = Polygon(pts)
            return poly if poly.is_valid and poly.area > 0 else LineString([*pts, pts[0]])
        return LineString(pts) if len(pts) >= 2 else None

    def redraw(self) -> None:
        """Show the sketch and the figures."""


class ZoneTool(_PointsTool):
    """Click the corners of a zone."""

    closed = True

    def hint(self) -> str:
        return self.tr(
            "Zone: click the corners; double-click, Enter or a click on the first corner "
            "closes it. Backspace drops a corner; Esc cancels."
        )

    def redraw(self) -> None:
        sketch = self.sketch()
        shapes = [Shape(Point(p), stroke="#c1121f", marker_px=7) for p in self.points]
        if sketch is not None:
            shapes.insert(0, Shape(sketch, stroke="#c1121f", fill="#c1121f", dash=True))
        self.ui.show_overlay(shapes, [])

    def finish(self) -> None:
        pts = self.points
        self.reset()
        self.ui.show_overlay([], [])
        if len(pts) < 3:
            if pts:
                self.status(self.tr("A zone needs at least three corners."))
            return
        polygon = Polygon(pts)
        if not polygon.is_valid:
            self.ui.report(self.tr("The zone crosses itself; draw it again."))
            return
        self.ui.new_annotation("zone", polygon)
        self.status(self.hint())


class MeasureTool(_PointsTool):
    """Distance along clicked points; area once they enclose one."""

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__(host)
        self.done = False
        self.result: dict[str, float] = {}

    def hint(self) -> str:
        return self.tr(
            "Measure: click points; double-click or Enter ends. Backspace drops a point; "
            "Esc clears."
        )

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.done:
            self.reset()
            self.done = False
        return super().click(x, y, event)

    def move(self, x: float, y: float, event: QMouseEvent) -> bool:
        if self.done:
            return False
        return super().move(x, y, event)

    def finish(self) -> None:
        self._cursor = None
        self.done = True
        self.redraw()

    def figures(self) -> dict[str, float]:
        """Length (m) along the points and the cursor, area (m²) when three or more."""
        sketch = self.sketch()
        if sketch is None:
            return {"length_m": 0.0, "area_m2": 0.0}
        figures = measure(sketch)
        pts = [*self.points] + ([self._cursor] if self._cursor else [])
        if len(pts) >= 3:
            poly = Polygon(pts)
            figures["area_m2"] = float(poly.area) if poly.is_valid else 0.0
        return figures

    def text(self, figures: dict[str, float]) -> str:
        """The figures as a short text."""
        length = figures["length_m"]
        out = self.tr("{0:,.1f} m").format(length) if length < 1000 else f"{length / 1000:,.3f} km"
        if figures["area_m2"] > 0:
            out += self.tr("; area {0:,.0f} m²").format(figures["area_m2"])
        return out

    def redraw(self) -> None:
        sketch = self.sketch()
        shapes = [Shape(Point(p), stroke="#7b2cbf", marker_px=6) for p in self.points]
        texts: list[tuple[float, float, str]] = []
        self.result = self.figures()
        if sketch is not None:
            shapes.insert(0, Shape(sketch, stroke="#7b2cbf", width_px=2.0, dash=True))
            if len(self.points) + (1 if self._cursor else 0) >= 3:
                pts = [*self.points] + ([self._cursor] if self._cursor else [])
                poly = Polygon(pts)
                if poly.is_valid:
                    shapes.insert(0, Shape(poly, stroke="#7b2cbf", width_px=0.1, fill="#7b2cbf"))
            where = self._cursor or self.points[-1]
            texts.append((where[0], where[1], self.text(self.result)))
            self.status(self.tr("Measured: {0}").format(self.text(self.result)))
        self.ui.show_overlay(shapes, texts)
