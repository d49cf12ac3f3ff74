"""Resolving a layer's style dict per feature, without Qt: the one place that does it.

The Qt renderer (:mod:`omgevingsscan.render.style`), the HTML map and KML all group
features through :func:`feature_styles`, so a class looks the same everywhere. The keys
are documented in :mod:`omgevingsscan.layers.osm`.
"""

from __future__ import annotations

import bisect
import json
from typing import Any

import numpy as np
import pandas as pd

#: Style keys a resolved (concrete) style has, with their defaults.
DEFAULTS: dict[str, Any] = {
    "fill": None,
    "stroke": None,
    "stroke_width": 1.0,
    "width_units": "px",
    "casing": None,
    "dash": None,
    "marker": "circle",
    "marker_size": 6.0,
    "fill_opacity": 1.0,
    "text_colour": "#222222",
    "halo": "#ffffff",
    "font_size": 12.0,
    "head_size": 0.0,
    "hatch": None,
}
STYLE_KEYS = tuple(DEFAULTS)


def resolved(values: dict[str, Any]) -> dict[str, Any]:
    """A concrete style: every key of :data:`DEFAULTS`, ``dash`` as a tuple or None."""
    out = dict(DEFAULTS)
    out.update({k: v for k, v in values.items() if k in DEFAULTS})
    if isinstance(out.get("dash"), list):
        out["dash"] = tuple(out["dash"])
    return out


def style_key(style: dict[str, Any]) -> str:
    """A stable text key of a style dict (for grouping and caches)."""
    return json.dumps(style, sort_keys=True, default=str)


def _base(style: dict[str, Any]) -> dict[str, Any]:
    return {k: style[k] for k in STYLE_KEYS if k in style}


def _classes(
    style: dict[str, Any], frame: pd.DataFrame
) -> list[tuple[dict[str, Any], np.ndarray, str]]:
    base = _base(style)
    n = len(frame)
    column = style.get("column")
    if column is None or column not in frame.columns or n == 0:
        return [(resolved(base), np.arange(n), "")]
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
                out.append((resolved({**base, "fill": fills[k]}), idx, str(labels[k])))
        return out
    categories: dict[str, dict[str, Any]] = style.get("categories") or {}
    names = style.get("labels") if isinstance(style.get("labels"), dict) else {}
    keys = np.array([str(v) if v is not None and v == v else "" for v in values], dtype=object)
    listed = np.isin(keys, list(categories))
    out = []
    if (~listed).any():
        out.append((resolved(base), np.flatnonzero(~listed), "other" if categories else ""))
    for key, override in categories.items():
        idx = np.flatnonzero(keys == key)
        if len(idx):
            out.append((resolved({**base, **override}), idx, names.get(key, key.replace("_", " "))))
    return out


def feature_styles(
    style: dict[str, Any],
    frame: pd.DataFrame,
    overrides: list[dict[str, Any]] | None = None,
) -> list[tuple[dict[str, Any], np.ndarray, str]]:
    """Group the rows of ``frame`` by their resolved style.

    Parameters
    ----------
    style
        The layer's style dict.
    frame
        The rows drawn.
    overrides
        Optional, one dict per row (``Layer.render_frame``), merged over the row's class.

    Returns
    -------
    list of (style, row_positions, label)
        ``style`` is concrete (see :func:`resolved`); ``label`` names the class
        ("10–15 m", "Main road", "other") or is "" for a single-style layer. Order:
        graduated classes low to high; the default first, then categories as listed.
    """
    groups = _classes(style, frame)
    if not overrides:
        return groups
    out = []
    for look, idx, label in groups:
        rows: dict[str, list[int]] = {}
        extra_of: dict[str, dict[str, Any]] = {}
        for i in idx:
            extra = {k: v for k, v in overrides[i].items() if k in DEFAULTS}
            key = style_key(extra)
            rows.setdefault(key, []).append(int(i))
            extra_of[key] = extra
        for key, positions in rows.items():
            out.append((resolved({**look, **extra_of[key]}), np.asarray(positions, int), label))
    return out


def legend_classes(
    style: dict[str, Any], frame: pd.DataFrame | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """``(label, style)`` for a legend: every graduated class, or the categories present
    in ``frame`` (all listed categories when ``frame`` is None)."""
    base = _base(style)
    if "breaks" in style and "fills" in style:
        labels = style.get("labels") or [str(f) for f in style["fills"]]
        return [(labels[i], resolved({**base, "fill": f})) for i, f in enumerate(style["fills"])]
    categories: dict[str, dict[str, Any]] = style.get("categories") or {}
    column = style.get("column")
    present = None
    if frame is not None and column in getattr(frame, "columns", []):
        present = {str(v) for v in frame[column].dropna().unique()}
    names = style.get("labels") if isinstance(style.get("labels"), dict) else {}
    return [
        (names.get(key, key.replace("_", " ")), resolved({**base, **override}))
        for key, override in categories.items()
        if present is None or key in present
    ]
