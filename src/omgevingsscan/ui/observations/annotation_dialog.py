"""The form of a text label, arrow or zone: its text, the zone's kind and its style.

Non-blocking; Enter accepts. The edit is made by a ``submit`` callback that returns an
error message or None: on an error the form stays open and shows it. Used by the forms
(:mod:`omgevingsscan.ui.observations.forms`) behind the annotation tools.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
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

from omgevingsscan.layers.annotations import (
    ZONE_KINDS,
    Annotation,
    AnnotationsLayer,
)
from omgevingsscan.ui.common import ok_cancel
from omgevingsscan.ui.observations.text import choices

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
