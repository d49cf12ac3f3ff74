"""Layer style dicts resolved per feature, without Qt, for KML and the HTML map.

The print exports draw through :mod:`omgevingsscan.render` (Qt). KML and Leaflet
need the same colours as plain values, so this module resolves a layer's style dict
(see :mod:`omgevingsscan.layers.osm` for the keys) the way
:func:`omgevingsscan.render.style.group_features` does: graduated classes on
``breaks``/``fills``, else ``categories`` on ``column``, else the base style.
"""

from __future__ import annotations

import bisect
from typing import Any

import numpy as np
import pandas as pd

_KEYS = (
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
_DEFAULTS: dict[str, Any] = {
    "fill": None,
    "stroke": None,
    "stroke_width": 1.0,
    "width_units": "px",
    "casing": None,
    "dash": None,
    "marker": "circle",
    "marker_size": 6.0,
    "fill_opacity": 1.0,
}


def _resolved(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(_DEFAULTS)
    out.update({k: v for k, v in values.items() if k in _KEYS})
    return out


def feature_styles(
    style: dict[str, Any], frame: pd.DataFrame
) -> list[tuple[dict[str, Any], np.ndarray, str]]:
    """Group the rows of ``frame`` by resolved style.

    Returns
    -------
    list of (style, row_positions, label)
        ``style`` has every key of the renderer's ResolvedStyle; ``label`` names the
        class ("10–15 m", "Main road", "other") or is "" for a single-style layer.
    """
    base = {k: style[k] for k in _KEYS if k in style}
    n = len(frame)
    column = style.get("column")
    if column is None or column not in frame.columns or n == 0:
        return [(_resolved(base), np.arange(n), "")]
    values = frame[column].to_numpy()
    if "breaks" in style and "fills" in style:
        breaks = [float(b) for b in style["breaks"]]
        fills = list(style["fills"])
        labels = list(style.get("labels") or fills)
        numeric = pd.to_numeric(pd.Series(values), errors="coerce").fillna(0.0).to_numpy()
        classes = np.array([bisect.bisect_right(breaks, v) for v in numeric], dtype=int)
        out = []
        for i in range(len(breaks) + 1):
            idx = np.flatnonzero(classes == i)
            if len(idx):
                k = min(i, len(fills) - 1)
                out.append((_resolved({**base, "fill": fills[k]}), idx, str(labels[k])))
        return out
    categories: dict[str, dict[str, Any]] = style.get("categories") or {}
    names = style.get("labels") if isinstance(style.get("labels"), dict) else {}
    keys = np.array([str(v) if v is not None and v == v else "" for v in values], dtype=object)
    listed = np.isin(keys, list(categories))
    out = []
    if (~listed).any():
        out.append((_resolved(base), np.flatnonzero(~listed), "other" if categories else ""))
    for key, override in categories.items():
        idx = np.flatnonzero(keys == key)
        if len(idx):
            label = names.get(key, key.replace("_", " ")) if names else key.replace("_", " ")
            out.append((_resolved({**base, **override}), idx, label))
    return out


def hex_colour(value: str | None, default: str = "#777777") -> str:
    """A ``#rrggbb`` colour (``value`` if it is one, else ``default``)."""
    if isinstance(value, str) and len(value) == 7 and value.startswith("#"):
        try:
            int(value[1:], 16)
        except ValueError:
            return default
        return value.lower()
    return default


def kml_colour(value: str | None, alpha: float = 1.0, default: str = "#777777") -> str:
    """KML ``aabbggrr`` colour of a ``#rrggbb`` value with opacity ``alpha`` (0–1)."""
    rgb = hex_colour(value, default)
    a = max(0, min(255, round(alpha * 255)))
    return f"{a:02x}{rgb[5:7]}{rgb[3:5]}{rgb[1:3]}"


def screen_width_px(style: dict[str, Any], metres_per_px: float = 0.75) -> float:
    """A stroke width in screen pixels; map-metre widths at ``metres_per_px`` (zoom 17)."""
    width = float(style.get("stroke_width") or 1.0)
    if style.get("width_units") == "m":
        width = width / metres_per_px
    return max(0.5, min(width, 14.0))


_GENERIC_TITLES = ("", "Layer", "Vector")


def display_title(layer: Any) -> str:
    """How a layer is named on maps, in legends and reports.

    The kind's title ("Buildings") when the layer has its kind's name; otherwise the
    title with what the name adds: "isochrones_walk" → "Isochrones (walk)",
    "escape_routes" (kind "routes") → "Routes (escape routes)". Layers of a generic
    kind are called by their name.
    """
    title = getattr(layer, "title", "") or ""
    name, kind = layer.name, layer.kind
    if title in _GENERIC_TITLES:
        return name
    if name == kind or name.strip().lower() == title.lower():
        return title
    rest = name[len(kind) :].strip(" _-") if name.lower().startswith(kind.lower()) else name
    return f"{title} ({rest.replace('_', ' ')})" if rest else title
