"""Findings, measures and their photos: the advice part of a scan (issue 12). No Qt.

A :class:`Finding` is a weakness the advisor records on the map: a point, line or zone
in the scan's local metric CRS, a category (the checklist's topics), a description, a
severity as likelihood × impact (1–5 each; :func:`risk_level` turns the product into
low / medium / high / critical), links to the analysis results that support it, and a
status. A :class:`Measure` answers one or more findings. A :class:`FindingPhoto` holds
one photo of a finding as a BLOB in the scan's GeoPackage, so the scan stays one file.

All three are :class:`~omgevingsscan.layers.records.Record` kinds: they are written to
the GeoPackage as they are made, undone and merged by uuid exactly like posts and
sightings (:class:`omgevingsscan.editing.ObservationEditor`).

Statuses of a finding:

``suggested``
    Made from an analysis result (:mod:`omgevingsscan.analysis.findings`); not counted
    anywhere until the advisor accepts it.
``rejected``
    A suggestion the advisor turned down; kept so it is not suggested again, never counted.
``open``
    Entered by the advisor, not yet confirmed.
``accepted``
    Confirmed by the advisor; it goes into the report.
``resolved``
    Its measures are in place; reported as resolved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

import geopandas as gpd

from omgevingsscan.layers.base import register_layer
from omgevingsscan.layers.measures import (
    COST_CLASSES,
    MAX_PHOTO_BYTES,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    PRIORITIES,
    RESPONSIBLE,
    ChangesLayer,
    FindingPhoto,
    FindingPhotosLayer,
    Measure,
    MeasuresLayer,
    photo_mime,
)
from omgevingsscan.layers.records import (
    Record,
    RecordLayer,
    check_choice,
    check_number,
    check_text,
    parse_time,
    utc_now,
)

#: Finding categories, in checklist order.
CATEGORIES = (
    "access",
    "lighting",
    "cameras",
    "hiding",
    "overlook",
    "parking",
    "escape",
    "emergency",
    "neighbours",
    "other",
)
#: Readable names of the categories (translated at display time).
CATEGORY_TITLES: dict[str, str] = {
    "access": "Access and entrances",
    "lighting": "Lighting",
    "cameras": "Camera coverage",
    "hiding": "Places to wait or hide unseen",
    "overlook": "Overlooking windows and roofs",
    "parking": "Parking and approach by car",
    "escape": "Escape and evacuation routes",
    "emergency": "Arrival of emergency services",
    "neighbours": "Neighbours and public places in view",
    "other": "Other",
}
STATUSES = ("suggested", "open", "accepted", "resolved", "rejected")
#: Statuses that count: in the report, the matrix and the overall risk.
COUNTED = ("open", "accepted", "resolved")
#: Risk levels, lowest first, with the highest likelihood × impact of each.
RISK_LEVELS: tuple[tuple[str, int], ...] = (
    ("low", 4),
    ("medium", 9),
    ("high", 16),
    ("critical", 25),
)
RISK_COLOURS: dict[str, str] = {
    "low": "#2a9d8f",
    "medium": "#e9c46a",
    "high": "#f4a261",
    "critical": "#c1121f",
}
#: Link kinds: what analysis result a finding rests on.
LINK_KINDS = ("overlook", "blind_spot", "chokepoint", "route", "sightline", "layer", "other")


def check_scale(value: object, what: str) -> int:
    """Return ``value`` as a whole number from 1 to 5, or raise ValueError naming ``what``."""
    x = check_number(value, what, lo=1, hi=5)
    if not float(x).is_integer():
        raise ValueError(f"{what} must be a whole number from 1 to 5, got {value!r}")
    return int(x)


def risk_score(likelihood: int, impact: int) -> int:
    """Likelihood × impact (1–25)."""
    return int(likelihood) * int(impact)


def risk_level(likelihood: int, impact: int) -> str:
    """The risk level of likelihood × impact: "low" (≤4), "medium" (≤9), "high" (≤16),
    "critical" (≥20)."""
    score = risk_score(likelihood, impact)
    for name, top in RISK_LEVELS:
        if score <= top:
            return name
    return RISK_LEVELS[-1][0]


def overall_risk(findings: list[Finding]) -> str | None:
    """The highest risk level among the open and accepted findings (None when there are none)."""
    order = [name for name, _ in RISK_LEVELS]
    levels = [f.risk for f in findings if f.status in ("open", "accepted")]
    return max(levels, key=order.index) if levels else None


def _check_links(value: object) -> str:
    if value is None or value == "":
        return "[]"
    items = json.loads(value) if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError("links must be a list of {kind, layer, ref, label}")
    out = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError(f"link {item!r} is not an object")
        kind = check_choice(item.get("kind", "other"), LINK_KINDS, "link kind")
        out.append(
            {
                "kind": kind,
                "layer": check_text(item.get("layer", ""), "link layer", max_len=200),
                "ref": check_text(item.get("ref", ""), "link reference", max_len=200),
                "label": check_text(item.get("label", ""), "link label", max_len=300),
            }
        )
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, kw_only=True)
class Finding(Record):
    """A weakness found in the scan.

    Attributes
    ----------
    geometry
        Point, LineString or Polygon in the scan's local metric CRS (metres).
    number
        Map number (1, 2, ...), shown on the maps and in the tables.
    title
        Short name ("Overlooking office, Amstel 3"). Required.
    category
        One of :data:`CATEGORIES`.
    description
        What is weak and why.
    likelihood, impact
        1 (very low) to 5 (very high).
    status
        One of :data:`STATUSES`.
    links
        JSON list of ``{"kind", "layer", "ref", "label"}``: the analysis results it rests on.
    source
        Key of the suggestion it came from ("overlook:w123"), "" when entered by hand.
    checklist
        Id of the checklist item it answers, or "".
    created
        When it was entered (UTC).
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("uuid", "TEXT"),
        ("number", "INTEGER"),
        ("title", "TEXT"),
        ("category", "TEXT"),
        ("description", "TEXT"),
        ("likelihood", "INTEGER"),
        ("impact", "INTEGER"),
        ("status", "TEXT"),
        ("links", "TEXT"),
        ("source", "TEXT"),
        ("checklist", "TEXT"),
        ("created", "DATETIME"),
    )
    TIME_COLUMNS: ClassVar[tuple[str, ...]] = ("created",)
    GEOMETRY_TYPE: ClassVar[str] = "GEOMETRY"
    GEOMETRY_KINDS: ClassVar[tuple[str, ...]] = ("Point", "LineString", "Polygon")

    title: str
    number: int = 0
    category: str = "other"
    description: str = ""
    likelihood: int = 3
    impact: int = 3
    status: str = "open"
    links: str = "[]"
    source: str = ""
    checklist: str = ""
    created: datetime = field(default_factory=utc_now)

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("title", check_text(self.title, "finding title", max_len=200, required=True))
        number = check_number(self.number, "finding number", lo=0, hi=100000)
        self._set("number", int(number))
        self._set("category", check_choice(self.category, CATEGORIES, "category"))
        self._set("description", check_text(self.description, "description", max_len=10000))
        self._set("likelihood", check_scale(self.likelihood, "likelihood"))
        self._set("impact", check_scale(self.impact, "impact"))
        self._set("status", check_choice(self.status, STATUSES, "finding status"))
        self._set("links", _check_links(self.links))
        self._set("source", check_text(self.source, "source", max_len=300))
        self._set("checklist", check_text(self.checklist, "checklist item", max_len=100))
        self._set("created", parse_time(self.created, "created"))

    @property
    def score(self) -> int:
        """Likelihood × impact."""
        return risk_score(self.likelihood, self.impact)

    @property
    def risk(self) -> str:
        """Risk level (see :func:`risk_level`)."""
        return risk_level(self.likelihood, self.impact)

    @property
    def counted(self) -> bool:
        """Whether the finding counts (open, accepted or resolved)."""
        return self.status in COUNTED

    def link_list(self) -> list[dict[str, str]]:
        """The links as a list of dicts."""
        return list(json.loads(self.links))


_FINDING_STYLE: dict[str, Any] = {
    "fill": "#c1121f",
    "fill_opacity": 0.6,
    "stroke": "#7a0c12",
    "stroke_width": 2.5,
    "width_units": "px",
    "marker": "circle",
    "marker_size": 12.0,
    "label_column": "label",
    "font_size": 10.0,
    "column": "status",
    "categories": {
        "suggested": {"fill": "#9e9e9e", "stroke": "#616161", "dash": [4, 3]},
        "open": {"fill": "#e85d04", "stroke": "#9a3b00"},
        "accepted": {"fill": "#c1121f", "stroke": "#7a0c12"},
        "resolved": {"fill": "#2a9d8f", "stroke": "#1b6b61"},
        "rejected": {"fill": "#d9d9d9", "stroke": "#bdbdbd", "fill_opacity": 0.1},
    },
}


@register_layer
class FindingsLayer(RecordLayer[Finding]):
    """The findings of the scan, numbered on the map and coloured by status."""

    kind: ClassVar[str] = "findings"
    title: ClassVar[str] = "Findings"
    geometry_kind: ClassVar[str] = "point"
    record_type: ClassVar[type[Record]] = Finding
    default_style: ClassVar[dict[str, Any]] = _FINDING_STYLE

    @property
    def data(self) -> gpd.GeoDataFrame:
        """The findings as a GeoDataFrame, with ``label`` (the map number as text) and
        ``risk`` (the risk level) added."""
        frame = super().data
        frame["label"] = [str(n) for n in frame["number"]]
        frame["risk"] = [risk_level(a, b) for a, b in zip(frame["likelihood"], frame["impact"])]
        return frame

    @data.setter
    def data(self, value: gpd.GeoDataFrame) -> None:
        RecordLayer.data.fset(self, value)  # type: ignore[attr-defined]

    def next_number(self) -> int:
        """The next free map number."""
        return max((f.number for f in self), default=0) + 1

    def by_number(self, number: int) -> Finding | None:
        """The finding with map number ``number``, or None."""
        return next((f for f in self if f.number == int(number)), None)

    def by_source(self, source: str) -> Finding | None:
        """The finding made from suggestion ``source``, or None."""
        return next((f for f in self if source and f.source == source), None)

    def counted(self) -> list[Finding]:
        """The findings that count (open, accepted, resolved), by number."""
        return sorted((f for f in self if f.counted), key=lambda f: f.number)


__all__ = [
    "CATEGORIES",
    "CATEGORY_TITLES",
    "COST_CLASSES",
    "COUNTED",
    "MAX_PHOTO_BYTES",
    "MEASURE_STATUSES",
    "MEASURE_TYPES",
    "PRIORITIES",
    "RESPONSIBLE",
    "RISK_COLOURS",
    "RISK_LEVELS",
    "STATUSES",
    "ChangesLayer",
    "Finding",
    "FindingPhoto",
    "FindingPhotosLayer",
    "FindingsLayer",
    "Measure",
    "MeasuresLayer",
    "overall_risk",
    "photo_mime",
    "risk_level",
    "risk_score",
]
