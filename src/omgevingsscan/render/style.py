"""Turn style dicts (see :mod:`omgevingsscan.layers.osm`) into grouped Qt pens and brushes.

Features of a layer are grouped by their resolved style, so each group is drawn with
one path and one pen/brush: fast on screen and compact in PDF.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

_STYLE_KEYS = (
    "fill",
    "stroke",
    "stroke_width",
    "width_units",
    "casing",
    "dash",
    "marker",
    "marker_size",
    "fill_opacity",
)


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


def _base(style: dict[str, Any]) -> dict[str, Any]:
    base = {k: style[k] for k in _STYLE_KEYS if k in style}
    if isinstance(base.get("dash"), list):
        base["dash"] = tuple(base["dash"])
    return base


def _resolved(values: dict[str, Any]) -> ResolvedStyle:
    clean = dict(values)
    if isinstance(clean.get("dash"), list):
        clean["dash"] = tuple(clean["dash"])
    return ResolvedStyle(**{k: v for k, v in clean.items() if k in _STYLE_KEYS})


def group_features(
    style: dict[str, Any],
    frame: pd.DataFrame,
    overrides: list[dict[str, Any]] | None = None,
) -> list[tuple[ResolvedStyle, np.ndarray]]:
    """Group the rows of ``frame`` by their resolved style.

    ``overrides`` (one dict per row, from ``Layer.render_frame``) are merged over the
    class or category style of their row. Returns ``(style, row_positions)`` pairs in
    drawing order (graduated classes low to high; categories in the order the style
    lists them, the default first).
    """
    groups = _group_by_class(style, frame)
    if not overrides:
        return groups
    out: list[tuple[ResolvedStyle, np.ndarray]] = []
    for resolved, idx in groups:
        by_key: dict[str, list[int]] = {}
        looks: dict[str, dict[str, Any]] = {}
        for i in idx:
            extra = {k: v for k, v in overrides[i].items() if k in _STYLE_KEYS}
            key = style_key(extra)
            by_key.setdefault(key, []).append(int(i))
            looks[key] = extra
        base = {k: getattr(resolved, k) for k in _STYLE_KEYS}
        for key, rows in by_key.items():
            out.append((_resolved({**base, **looks[key]}), np.asarray(rows, dtype=int)))
    return out


def _group_by_class(
    style: dict[str, Any], frame: pd.DataFrame
) -> list[tuple[ResolvedStyle, np.ndarray]]:
    """Group rows by the graduated class or category of ``style`` (no overrides)."""
    base = _base(style)
    n = len(frame)
    column = style.get("column")
    if column is None or column not in frame.columns or n == 0:
        return [(_resolved(base), np.arange(n))]
    values = frame[column].to_numpy()
    if "breaks" in style and "fills" in style:
        breaks = [float(b) for b in style["breaks"]]
        fills = list(style["fills"])
        numeric = pd.to_numeric(pd.Series(values), errors="coerce").fillna(0.0).to_numpy()
        classes = np.array([bisect.bisect_right(breaks, v) for v in numeric], dtype=int)
        return [
            (
                _resolved({**base, "fill": fills[min(i, len(fills) - 1)]}),
                np.flatnonzero(classes == i),
            )
            for i in range(len(breaks) + 1)
            if (classes == i).any()
        ]
    categories: dict[str, dict[str, Any]] = style.get("categories") or {}
    keys = np.array([str(v) if v is not None and v == v else "" for v in values], dtype=object)
    groups: list[tuple[ResolvedStyle, np.ndarray]] = []
    listed = np.isin(keys, list(categories))
    if (~listed).any():
        groups.append((_resolved(base), np.flatnonzero(~listed)))
    for key, override in categories.items():
        idx = np.flatnonzero(keys == key)
        if len(idx):
            groups.append((_resolved({**base, **override}), idx))
    return groups


def legend_entries(
    style: dict[str, Any], frame: pd.DataFrame | None = None
) -> list[tuple[str, ResolvedStyle]]:
    """Return ``(label, style)`` pairs for a legend, limited to classes present in ``frame``."""
    base = _base(style)
    if "breaks" in style and "fills" in style:
        labels = style.get("labels") or [str(b) for b in style["fills"]]
        return [(labels[i], _resolved({**base, "fill": f})) for i, f in enumerate(style["fills"])]
    categories: dict[str, dict[str, Any]] = style.get("categories") or {}
    column = style.get("column")
    present = None
    if frame is not None and column in getattr(frame, "columns", []):
        present = {str(v) for v in frame[column].dropna().unique()}
    names = style.get("labels") if isinstance(style.get("labels"), dict) else {}
    out = []
    for key, override in categories.items():
        if present is None or key in present:
            out.append((names.get(key, key.replace("_", " ")), _resolved({**base, **override})))
    return out


def style_key(style: dict[str, Any]) -> str:
    """A stable text key of a style dict (for caches)."""
    return json.dumps(style, sort_keys=True, default=str)
