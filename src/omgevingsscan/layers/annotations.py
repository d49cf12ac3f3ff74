"""Annotations the advisor draws: text labels, arrows and zone polygons, each with a style.

Geometries are in the scan's local metric CRS: a label is a Point, an arrow a
LineString (drawn with its head at the last vertex), a zone a Polygon with a zone kind.
Each annotation carries a partial style (the keys of :data:`STYLE_KEYS`) that overrides
the layer's default for its kind; :func:`measure` gives the length and area for the
measure tool.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.base import register_layer
from omgevingsscan.layers.records import (
    Record,
    RecordLayer,
    check_choice,
    check_geometry,
    check_number,
    check_text,
    copy_style,
)

#: Kinds of annotation and the geometry each takes.
ANNOTATION_KINDS: dict[str, tuple[str, ...]] = {
    "label": ("Point",),
    "arrow": ("LineString",),
    "zone": ("Polygon",),
}
#: Kinds of zone.
ZONE_KINDS = ("cordon", "no_parking", "meeting_point", "restricted", "other")
#: Style keys an annotation may set, and what each holds.
STYLE_KEYS: dict[str, str] = {
    "stroke": "#rrggbb outline / line colour, or None",
    "fill": "#rrggbb fill colour, or None",
    "fill_opacity": "0–1",
    "stroke_width": "width (px or m, see width_units), > 0",
    "width_units": '"px" or "m"',
    "dash": "list of dash lengths in px, or None",
    "font_size": "text size, points",
    "text_colour": "#rrggbb",
    "halo": "#rrggbb halo around text, or None",
    "head_size": "arrow head length, px",
}
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

#: Default look of each zone kind (layer style ``categories`` on ``zone_kind``).
ZONE_STYLES: dict[str, dict[str, Any]] = {
    "cordon": {"stroke": "#c1121f", "fill": "#c1121f", "fill_opacity": 0.15, "dash": [8, 4]},
    "no_parking": {"stroke": "#1d4ed8", "fill": "#1d4ed8", "fill_opacity": 0.15, "dash": [4, 3]},
    "meeting_point": {"stroke": "#15803d", "fill": "#22c55e", "fill_opacity": 0.25},
    "restricted": {"stroke": "#7c2d12", "fill": "#ea580c", "fill_opacity": 0.2},
    "other": {"stroke": "#4b5563", "fill": "#9ca3af", "fill_opacity": 0.2},
}


def check_style(style: Mapping[str, Any] | None) -> dict[str, Any]:
    """Validate a partial annotation style; return a plain copy.

    Raises
    ------
    ValueError
        For an unknown key, a colour that is not ``#rrggbb``, a width or size ≤ 0, an
        opacity outside 0–1.
    """
    if style is None:
        return {}
    if not isinstance(style, Mapping):
        raise ValueError("an annotation style must be a dict")
    out = copy_style(style)
    for key, value in out.items():
        if key not in STYLE_KEYS:
            raise ValueError(f"style key {key!r} unknown; use {', '.join(STYLE_KEYS)}")
        if key in ("stroke", "fill", "text_colour", "halo"):
            if value is not None and not (isinstance(value, str) and _COLOUR.match(value)):
                raise ValueError(f"style {key} {value!r} is not a colour like #1d3557")
        elif key == "fill_opacity":
            check_number(value, "fill opacity", lo=0, hi=1)
        elif key in ("stroke_width", "font_size", "head_size"):
            check_number(value, f"style {key}", lo=0, lo_open=True, hi=500)
        elif key == "width_units":
            check_choice(value, ("px", "m"), "width units")
        elif (
            key == "dash"
            and value is not None
            and (
                not isinstance(value, list)
                or not all(isinstance(v, int | float) and v > 0 for v in value)
            )
        ):
            raise ValueError(f"style dash {value!r} must be a list of positive lengths")
    return out


@dataclass(frozen=True, kw_only=True)
class Annotation(Record):
    """A label, an arrow or a zone.

    Attributes
    ----------
    geometry
        Point (label), LineString (arrow, head at the end) or Polygon (zone); local CRS.
    uuid
        Stable identifier.
    kind
        "label", "arrow" or "zone".
    text
        The label text, or a caption for an arrow or zone.
    zone_kind
        For zones: one of :data:`ZONE_KINDS`; "" for labels and arrows.
    style
        Partial style overriding the defaults (keys of :data:`STYLE_KEYS`).
    notes
        Free text.
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("uuid", "TEXT"),
        ("kind", "TEXT"),
        ("text", "TEXT"),
        ("zone_kind", "TEXT"),
        ("style", "TEXT"),
        ("notes", "TEXT"),
    )
    GEOMETRY_TYPE: ClassVar[str] = "GEOMETRY"
    GEOMETRY_KINDS: ClassVar[tuple[str, ...]] = ("Point", "LineString", "Polygon")

    kind: str
    text: str = ""
    zone_kind: str = ""
    style: dict[str, Any] = field(default_factory=dict)
    notes: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        kind = check_choice(self.kind, tuple(ANNOTATION_KINDS), "annotation kind")
        self._set("kind", kind)
        self._set("geometry", check_geometry(self.geometry, ANNOTATION_KINDS[kind], kind))
        self._set("text", check_text(self.text, "text", max_len=500, required=kind == "label"))
        if kind == "zone":
            self._set("zone_kind", check_choice(self.zone_kind or "other", ZONE_KINDS, "zone kind"))
        elif self.zone_kind:
            raise ValueError(f"a {kind} has no zone kind (got {self.zone_kind!r})")
        else:
            self._set("zone_kind", "")
        if kind == "arrow" and self.geometry.length == 0:
            raise ValueError("an arrow needs two different points")
        if kind == "zone" and self.geometry.area == 0:
            raise ValueError("a zone needs an area (at least three points not on one line)")
        self._set("style", check_style(self.style))
        self._set("notes", check_text(self.notes, "notes", max_len=5000))

    def to_row(self) -> dict[str, Any]:
        """Table row; ``style`` as JSON text with sorted keys."""
        row = super().to_row()
        row["style"] = json.dumps(self.style, sort_keys=True)
        return row

    @classmethod
    def _coerce_row(cls, kwargs: dict[str, Any]) -> dict[str, Any]:
        style = kwargs.get("style")
        if isinstance(style, str):
            try:
                kwargs["style"] = json.loads(style) if style.strip() else {}
            except ValueError as exc:
                raise ValueError(f"style {style!r} is not valid JSON") from exc
        return kwargs

    @classmethod
    def label(cls, geometry: BaseGeometry, text: str, **kwargs: Any) -> Self:
        """A text label at a point."""
        return cls(geometry=geometry, kind="label", text=text, **kwargs)

    @classmethod
    def arrow(cls, geometry: BaseGeometry, text: str = "", **kwargs: Any) -> Self:
        """An arrow along a line, head at the end."""
        return cls(geometry=geometry, kind="arrow", text=text, **kwargs)

    @classmethod
    def zone(cls, geometry: BaseGeometry, zone_kind: str, text: str = "", **kwargs: Any) -> Self:
        """A zone polygon of ``zone_kind``."""
        return cls(geometry=geometry, kind="zone", zone_kind=zone_kind, text=text, **kwargs)

    def effective_style(self, layer_style: Mapping[str, Any]) -> dict[str, Any]:
        """The layer's style for this kind (and zone kind), overridden by ``self.style``."""
        base = dict(layer_style.get("kinds", {}).get(self.kind, {}))
        if self.kind == "zone":
            base.update(layer_style.get("categories", {}).get(self.zone_kind, {}))
        base.update(self.style)
        return base


def measure(geometry: BaseGeometry) -> dict[str, float]:
    """Length and area of a geometry in a metric CRS, for the measure tool.

    Returns
    -------
    dict
        ``length_m`` (the outline for polygons) and ``area_m2`` (0 for lines and points).
    """
    check_geometry(geometry, ("Point", "LineString", "Polygon", "MultiPolygon", "MultiLineString"))
    return {"length_m": float(geometry.length), "area_m2": float(geometry.area)}


@register_layer
class AnnotationsLayer(RecordLayer[Annotation]):
    """Labels, arrows and zones.

    Style: ``kinds`` maps "label" / "arrow" / "zone" to a partial style;
    ``categories`` on ``zone_kind`` gives each zone kind its look; each annotation's own
    ``style`` overrides both (:meth:`Annotation.effective_style`).
    """

    kind: ClassVar[str] = "annotations"
    title: ClassVar[str] = "Annotations"
    geometry_kind: ClassVar[str] = "mixed"
    record_type: ClassVar[type[Record]] = Annotation
    default_style: ClassVar[dict[str, Any]] = {
        "column": "zone_kind",
        "kinds": {
            "label": {"text_colour": "#111111", "halo": "#ffffff", "font_size": 10.0},
            "arrow": {
                "stroke": "#c1121f",
                "stroke_width": 2.5,
                "width_units": "px",
                "head_size": 12.0,
            },
            "zone": {"stroke_width": 2.0, "width_units": "px"},
        },
        "categories": ZONE_STYLES,
    }

    def render_frame(self) -> tuple[gpd.GeoDataFrame, list[dict[str, Any]] | None]:
        """Every annotation with its effective style; labels carry their ``text``."""
        records = self.records()
        frame = self.frame_where(lambda _r: True)
        by_uuid = {r.uuid: r for r in records}
        overrides = []
        for uuid in frame["uuid"]:
            record = by_uuid[uuid]
            style = record.effective_style(self.style)
            if record.text:
                style["text"] = record.text
            overrides.append(style)
        return frame, overrides
