"""Turn style dicts (see :mod:`omgevingsscan.layers.osm`) into grouped Qt pens and brushes.

Features of a layer are grouped by their resolved style, so each group is drawn with
one path and one pen/brush: fast on screen and compact in PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from omgevingsscan.layers.style import feature_styles, legend_classes, resolved


@dataclass(frozen=True)
class ResolvedStyle:
    """The concrete style of one group of features."""

    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 1.0
    width_units: str = "px"
    casing: str | None = None
    dash: tuple[float, ...] | None = None
    marker: str = "circle"
    marker_size: float = 6.0
    fill_opacity: float = 1.0
    text_colour: str = "#222222"
    halo: str | None = "#ffffff"
    font_size: float = 12.0
    head_size: float = 0.0
    hatch: str | None = None

    def width_in_map_units(self, px_m: float) -> float:
        """Return the stroke width in metres, given ``px_m`` metres per nominal pixel."""
        return self.stroke_width if self.width_units == "m" else self.stroke_width * px_m

    def pen(self, px_m: float, casing: bool = False) -> QPen:
        """Return the stroke (or casing) pen, its width in scene units (metres)."""
        colour = self.casing if casing else self.stroke
        if colour is None:
            return QPen(Qt.PenStyle.NoPen)
        width = self.width_in_map_units(px_m)
        if casing:
            width += 1.6 * px_m
        pen = QPen(QColor(colour), max(width, 1e-6))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if self.dash and not casing:
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            # Qt dash lengths are in units of the pen width; convert from px.
            unit = max(width, 1e-9)
            pen.setDashPattern([max(d * px_m / unit, 0.1) for d in self.dash])
        return pen

    def brush(self) -> QBrush:
        """Return the fill brush (NoBrush when ``fill`` is None)."""
        if self.fill is None:
            return QBrush(Qt.BrushStyle.NoBrush)
        colour = QColor(self.fill)
        colour.setAlphaF(max(0.0, min(1.0, self.fill_opacity)))
        return QBrush(colour)


def hatch_brush(colour: str, px_m: float) -> QBrush:
    """Diagonal hatching in ``colour`` (lines about 5 nominal px apart), drawn over a
    fill to mark estimated values (see the height-provenance style)."""
    brush = QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern)
    brush.setTransform(brush.transform().scale(px_m * 0.7, px_m * 0.7))
    return brush


def _resolved(values: dict[str, Any]) -> ResolvedStyle:
    return ResolvedStyle(**resolved(values))


def group_features(
    style: dict[str, Any],
    frame: pd.DataFrame,
    overrides: list[dict[str, Any]] | None = None,
) -> list[tuple[ResolvedStyle, np.ndarray]]:
    """Group the rows of ``frame`` by resolved style (see :func:`feature_styles`)."""
    return [(_resolved(look), idx) for look, idx, _ in feature_styles(style, frame, overrides)]


def legend_entries(
    style: dict[str, Any], frame: pd.DataFrame | None = None
) -> list[tuple[str, ResolvedStyle]]:
    """``(label, style)`` pairs for a legend (see :func:`legend_classes`)."""
    return [(label, _resolved(look)) for label, look in legend_classes(style, frame)]
