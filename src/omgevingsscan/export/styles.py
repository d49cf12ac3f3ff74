"""Style helpers for KML and the HTML map (no Qt): colours, widths, layer titles.

Features are grouped by :func:`omgevingsscan.layers.style.feature_styles`, the same
resolver the Qt renderer uses, so KML, Leaflet and print agree.
"""

from __future__ import annotations

from typing import Any

from omgevingsscan.layers.style import feature_styles

__all__ = ["display_title", "feature_styles", "hex_colour", "kml_colour", "screen_width_px"]


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
