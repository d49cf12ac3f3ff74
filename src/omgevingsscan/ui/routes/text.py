"""Words and numbers of the route tools: modes, services, chokepoint kinds, lengths, times.

The analysis core is Qt-free and writes English keys ("walk", "police", "cut_edge")
into its results and tables; they are listed here with QT_TRANSLATE_NOOP and translated
at display time, as :mod:`omgevingsscan.ui.strings` does for layer titles. The table
rows of the Routes dock (:func:`table_rows`) are built here from a result layer's
frame, so the dock and the tests read the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.base import VectorLayer

_CTX = "routes"

#: Titles of the route layer kinds, for the layer panel (translated in context "layers").
LAYER_TITLES = (
    QT_TRANSLATE_NOOP("layers", "Routes"),
    QT_TRANSLATE_NOOP("layers", "Isochrones"),
    QT_TRANSLATE_NOOP("layers", "Chokepoints"),
    QT_TRANSLATE_NOOP("layers", "Entry points"),
)

MODES: dict[str, str] = {
    "walk": QT_TRANSLATE_NOOP("routes", "walk"),
    "bike": QT_TRANSLATE_NOOP("routes", "bike"),
    "drive": QT_TRANSLATE_NOOP("routes", "drive"),
}

SERVICES: dict[str, str] = {
    "police": QT_TRANSLATE_NOOP("routes", "Police station"),
    "fire_station": QT_TRANSLATE_NOOP("routes", "Fire station"),
    "hospital": QT_TRANSLATE_NOOP("routes", "Hospital"),
}

CHOKEPOINT_KINDS: dict[str, str] = {
    "bridge": QT_TRANSLATE_NOOP("routes", "Bridge"),
    "tunnel": QT_TRANSLATE_NOOP("routes", "Tunnel or passage"),
    "narrow": QT_TRANSLATE_NOOP("routes", "Narrow street"),
    "oneway": QT_TRANSLATE_NOOP("routes", "One-way street"),
    "cut_edge": QT_TRANSLATE_NOOP("routes", "Loss cuts the site off"),
    "detour": QT_TRANSLATE_NOOP("routes", "Loss forces a long detour"),
}

#: Chokepoint kinds in the order the dock lists them (the most serious first).
CHOKEPOINT_ORDER = ("cut_edge", "detour", "bridge", "tunnel", "narrow", "oneway")

#: Titles of the result layers by their default names (see layers.routes.LAYER_NAMES).
RESULTS: dict[str, str] = {
    "route": QT_TRANSLATE_NOOP("routes", "Route A → B"),
    "escape_routes": QT_TRANSLATE_NOOP("routes", "Escape routes"),
    "approach_routes": QT_TRANSLATE_NOOP("routes", "Approach routes"),
    "emergency_routes": QT_TRANSLATE_NOOP("routes", "Emergency response"),
    "isochrones": QT_TRANSLATE_NOOP("routes", "Isochrones"),
    "chokepoints": QT_TRANSLATE_NOOP("routes", "Chokepoints"),
}

#: Layer kinds whose rows the Routes dock lists.
RESULT_KINDS = ("routes", "chokepoints", "isochrones")


def tr(text: str) -> str:
    """Translate ``text`` (marked with QT_TRANSLATE_NOOP("routes", ...))."""
    return QCoreApplication.translate(_CTX, text)


def mode_label(mode: str) -> str:
    """ "walk" → "walk" / "lopen"; unknown modes pass unchanged."""
    return tr(MODES[mode]) if mode in MODES else str(mode or "")


def service_label(category: str) -> str:
    """ "police" → "Police station" / "Politiebureau"."""
    return tr(SERVICES[category]) if category in SERVICES else category


def chokepoint_label(kind: str) -> str:
    """ "cut_edge" → "Loss cuts the site off" (translated)."""
    return tr(CHOKEPOINT_KINDS[kind]) if kind in CHOKEPOINT_KINDS else kind


def result_title(layer_name: str) -> str:
    """The dock's name of a result layer: "escape_routes" → "Escape routes",
    "isochrones_walk" → "Isochrones (walk)"; other names pass unchanged."""
    if layer_name in RESULTS:
        return tr(RESULTS[layer_name])
    base, _, mode = layer_name.rpartition("_")
    if base in RESULTS and mode in MODES:
        return f"{tr(RESULTS[base])} ({mode_label(mode)})"
    return layer_name


def fmt_length(metres: float) -> str:
    """ "616 m", or "1.25 km" (with the locale's decimal sign) from 1 km on."""
    if metres is None or not math.isfinite(metres):
        return ""
    if metres < 1000.0:
        return f"{metres:.0f} m"
    return f"{QLocale().toString(metres / 1000.0, 'f', 2)} km"


def fmt_time(seconds: float) -> str:
    """ "45 s", "7 min 24 s", "1 h 05 min"."""
    if seconds is None or not math.isfinite(seconds):
        return ""
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def fmt_minutes(minutes: float) -> str:
    """ "3 min", "1.5 min"."""
    return f"{QLocale().toString(float(minutes), 'g', 4)} min"


def flags_text(flags: str) -> str:
    """Translate a route's ``flags`` ("bridge: Blauwbrug; cut_edge: Amstel")."""
    out = []
    for part in (p.strip() for p in str(flags or "").split(";")):
        if not part:
            continue
        kind, sep, names = part.partition(": ")
        out.append(f"{chokepoint_label(kind)}: {names}" if sep else chokepoint_label(kind))
    return "; ".join(out)


HEADERS: dict[str, tuple[str, ...]] = {
    "routes": (
        QT_TRANSLATE_NOOP("routes", "Route"),
        QT_TRANSLATE_NOOP("routes", "Mode"),
        QT_TRANSLATE_NOOP("routes", "Length"),
        QT_TRANSLATE_NOOP("routes", "Time"),
        QT_TRANSLATE_NOOP("routes", "Via"),
        QT_TRANSLATE_NOOP("routes", "Flags"),
    ),
    "chokepoints": (
        QT_TRANSLATE_NOOP("routes", "Chokepoint"),
        QT_TRANSLATE_NOOP("routes", "Mode"),
        QT_TRANSLATE_NOOP("routes", "Length"),
        QT_TRANSLATE_NOOP("routes", "Time"),
        QT_TRANSLATE_NOOP("routes", "Street"),
        QT_TRANSLATE_NOOP("routes", "Why"),
    ),
    "isochrones": (
        QT_TRANSLATE_NOOP("routes", "Area"),
        QT_TRANSLATE_NOOP("routes", "Mode"),
        QT_TRANSLATE_NOOP("routes", "Length"),
        QT_TRANSLATE_NOOP("routes", "Time"),
        QT_TRANSLATE_NOOP("routes", "Via"),
        QT_TRANSLATE_NOOP("routes", "Reach"),
    ),
}


def headers(kind: str) -> list[str]:
    """The dock's column headers for a result layer kind (translated)."""
    return [tr(h) for h in HEADERS.get(kind, HEADERS["routes"])]


@dataclass
class Row:
    """One row of the Routes dock: texts per column, the geometry, and whether critical."""

    route: str
    mode: str
    length: str
    time: str
    via: str
    flags: str
    geometry: BaseGeometry
    critical: bool = False

    def cells(self) -> list[str]:
        """The texts in column order."""
        return [self.route, self.mode, self.length, self.time, self.via, self.flags]


def _value(row: Any, column: str, default: Any = "") -> Any:
    value = row.get(column, default) if hasattr(row, "get") else default
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return default
    return value


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def table_rows(layer: VectorLayer) -> list[Row]:
    """The dock's rows of a routes, chokepoints or isochrones layer."""
    frame = layer.data
    if layer.kind == "chokepoints" and len(frame):
        # the drawing order puts structural ones last (on top); the table puts them first
        rank = {k: i for i, k in enumerate(CHOKEPOINT_ORDER)}
        keys = [
            (not _flag(_value(r, "critical", False)), rank.get(str(_value(r, "kind")), 99),
             float(_value(r, "distance_m", 0.0)))
            for _, r in frame.iterrows()
        ]  # fmt: skip
        frame = frame.iloc[sorted(range(len(frame)), key=keys.__getitem__)]
    rows: list[Row] = []
    geoms = frame.geometry.to_numpy() if len(frame) else []
    for (_, rec), geom in zip(frame.iterrows(), geoms):
        mode = mode_label(str(_value(rec, "mode")))
        if layer.kind == "chokepoints":
            rows.append(
                Row(
                    chokepoint_label(str(_value(rec, "kind"))),
                    mode,
                    fmt_length(float(_value(rec, "length_m", math.nan))),
                    "",
                    str(_value(rec, "name")),
                    str(_value(rec, "reason")),
                    geom,
                    _flag(_value(rec, "critical", False)),
                )
            )
        elif layer.kind == "isochrones":
            area = float(_value(rec, "area_m2", math.nan))
            reach = float(_value(rec, "reach_m", math.nan))
            detail = tr(QT_TRANSLATE_NOOP("routes", "{0} ha reachable, {1} of streets")).format(
                QLocale().toString(area / 10_000.0, "f", 1), fmt_length(reach)
            )
            rows.append(
                Row(
                    tr(QT_TRANSLATE_NOOP("routes", "within {0}")).format(
                        fmt_minutes(float(_value(rec, "minutes", 0.0)))
                    ),
                    mode,
                    "",
                    fmt_minutes(float(_value(rec, "minutes", 0.0))),
                    "",
                    detail,
                    geom,
                )
            )
        else:
            flags = flags_text(str(_value(rec, "flags")))
            shared = str(_value(rec, "shared"))
            if shared:
                shares = tr(QT_TRANSLATE_NOOP("routes", "shares {0}")).format(shared)
                flags = f"{flags}; {shares}" if flags else shares
            critical = _flag(_value(rec, "critical", False))
            rows.append(
                Row(
                    str(_value(rec, "route")),
                    mode,
                    fmt_length(float(_value(rec, "length_m", math.nan))),
                    fmt_time(float(_value(rec, "time_s", math.nan))),
                    str(_value(rec, "via")),
                    flags,
                    geom,
                    critical,
                )
            )
    return rows
