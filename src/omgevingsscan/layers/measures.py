"""Measures answering findings, photos of findings, and the layer of changes between
two scans (see :mod:`omgevingsscan.layers.findings` for the findings). No Qt.

A :class:`Measure` answers one or more findings; a :class:`FindingPhoto` holds one
photo of a finding as a BLOB in the scan's GeoPackage, so the scan stays one file.
Both are :class:`~omgevingsscan.layers.records.Record` kinds (written as made, undone
and merged by uuid like posts and sightings).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, ClassVar

import geopandas as gpd

from omgevingsscan.layers.base import VectorLayer, register_layer
from omgevingsscan.layers.records import (
    Record,
    RecordLayer,
    check_choice,
    check_text,
    check_uuid,
)

MEASURE_TYPES = (
    "barrier",
    "lighting",
    "camera",
    "access_control",
    "surveillance",
    "procedure",
    "communication",
    "other",
)
RESPONSIBLE = ("municipality", "police", "official", "security_firm", "other")
PRIORITIES = ("high", "medium", "low")
COST_CLASSES = ("low", "medium", "high")
MEASURE_STATUSES = ("proposed", "agreed", "in_progress", "done", "rejected")
#: Largest photo accepted, bytes.
MAX_PHOTO_BYTES = 20 * 1024 * 1024
_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def _check_uuid_list(value: object) -> str:
    if value is None or value == "":
        return ""
    parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
    uuids = [check_uuid(p) for p in parts if str(p).strip()]
    return ",".join(dict.fromkeys(uuids))


@dataclass(frozen=True, kw_only=True)
class Measure(Record):
    """A measure answering one or more findings.

    Attributes
    ----------
    geometry
        Where it applies (local CRS, metres); by default the first finding's location.
    type
        One of :data:`MEASURE_TYPES`.
    description
        What is to be done. Required.
    responsible
        One of :data:`RESPONSIBLE` (the municipality, the police, the official, the
        security firm, other).
    priority
        high, medium or low.
    cost
        Rough cost class: low, medium or high.
    status
        One of :data:`MEASURE_STATUSES`.
    findings
        Comma-separated uuids of the findings it answers.
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("uuid", "TEXT"),
        ("type", "TEXT"),
        ("description", "TEXT"),
        ("responsible", "TEXT"),
        ("priority", "TEXT"),
        ("cost", "TEXT"),
        ("status", "TEXT"),
        ("findings", "TEXT"),
    )
    GEOMETRY_TYPE: ClassVar[str] = "GEOMETRY"
    GEOMETRY_KINDS: ClassVar[tuple[str, ...]] = ("Point", "LineString", "Polygon")

    description: str
    type: str = "other"
    responsible: str = "municipality"
    priority: str = "medium"
    cost: str = "medium"
    status: str = "proposed"
    findings: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("type", check_choice(self.type, MEASURE_TYPES, "measure type"))
        self._set(
            "description",
            check_text(self.description, "measure description", max_len=5000, required=True),
        )
        self._set("responsible", check_choice(self.responsible, RESPONSIBLE, "responsible party"))
        self._set("priority", check_choice(self.priority, PRIORITIES, "priority"))
        self._set("cost", check_choice(self.cost, COST_CLASSES, "cost class"))
        self._set("status", check_choice(self.status, MEASURE_STATUSES, "measure status"))
        self._set("findings", _check_uuid_list(self.findings))

    def finding_uuids(self) -> list[str]:
        """The uuids of the findings it answers."""
        return [u for u in self.findings.split(",") if u]


def photo_mime(data: bytes) -> str:
    """The MIME type of JPEG or PNG ``data``; ValueError for anything else."""
    for magic, mime in _MAGIC.items():
        if data.startswith(magic):
            return mime
    raise ValueError("the photo is not a JPEG or PNG image")


@dataclass(frozen=True, kw_only=True)
class FindingPhoto(Record):
    """A photo of a finding, kept as a BLOB in the scan file.

    Attributes
    ----------
    geometry
        Where it was taken (default: the finding's location), local CRS.
    finding
        uuid of the finding.
    filename
        Original file name.
    caption
        Text printed under the photo.
    data
        The JPEG or PNG bytes (at most :data:`MAX_PHOTO_BYTES`).
    mime
        image/jpeg or image/png (from the bytes).
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("uuid", "TEXT"),
        ("finding", "TEXT"),
        ("filename", "TEXT"),
        ("caption", "TEXT"),
        ("mime", "TEXT"),
        ("data", "BLOB"),
    )
    GEOMETRY_TYPE: ClassVar[str] = "POINT"
    GEOMETRY_KINDS: ClassVar[tuple[str, ...]] = ("Point",)

    finding: str
    data: bytes
    filename: str = ""
    caption: str = ""
    mime: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("finding", check_uuid(self.finding))
        data = self.data
        if isinstance(data, str) and data.startswith("base64:"):
            data = base64.b64decode(data[7:])
        if isinstance(data, (bytearray, memoryview)):
            data = bytes(data)
        if not isinstance(data, bytes) or not data:
            raise ValueError("the photo holds no image data")
        if len(data) > MAX_PHOTO_BYTES:
            raise ValueError(
                f"the photo is {len(data) / 1e6:.1f} MB; at most {MAX_PHOTO_BYTES / 1e6:.0f} MB"
            )
        self._set("data", data)
        self._set("mime", photo_mime(data))
        self._set("filename", check_text(self.filename, "file name", max_len=300))
        self._set("caption", check_text(self.caption, "caption", max_len=1000))


@register_layer
class MeasuresLayer(RecordLayer[Measure]):
    """Measures answering the findings."""

    kind: ClassVar[str] = "measures"
    title: ClassVar[str] = "Measures"
    geometry_kind: ClassVar[str] = "point"
    record_type: ClassVar[type[Record]] = Measure
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#1d4ed8",
        "stroke": "#ffffff",
        "marker": "square",
        "marker_size": 9.0,
    }

    def for_finding(self, uuid: str) -> list[Measure]:
        """The measures answering finding ``uuid``."""
        return [m for m in self if uuid in m.finding_uuids()]


@register_layer
class FindingPhotosLayer(RecordLayer[FindingPhoto]):
    """Photos of findings (BLOBs in the scan file); hidden on the map by default."""

    kind: ClassVar[str] = "finding_photos"
    title: ClassVar[str] = "Finding photos"
    geometry_kind: ClassVar[str] = "point"
    record_type: ClassVar[type[Record]] = FindingPhoto
    default_style: ClassVar[dict[str, Any]] = {"fill": "#555555", "marker_size": 5.0}

    def __init__(self, name: str, data: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("visible", False)
        super().__init__(name, data, **kwargs)

    @property
    def data(self) -> gpd.GeoDataFrame:
        """The photos as a GeoDataFrame without the image bytes (``bytes`` holds the size)."""
        frame = super().data
        frame["bytes"] = [len(b) for b in frame["data"]]
        return frame.drop(columns=["data"])

    @data.setter
    def data(self, value: gpd.GeoDataFrame) -> None:
        RecordLayer.data.fset(self, value)  # type: ignore[attr-defined]

    def for_finding(self, uuid: str) -> list[FindingPhoto]:
        """The photos of finding ``uuid``, in order."""
        return [p for p in self if p.finding == uuid]


@register_layer
class ChangesLayer(VectorLayer):
    """What changed between two scans (:mod:`omgevingsscan.analysis.findings.diff`):
    columns ``what`` (building, path, barrier, camera, exposure, finding), ``change``
    (added, removed, gained, lost, opened, resolved), ``ref`` and ``name``."""

    kind: ClassVar[str] = "changes"
    title: ClassVar[str] = "Changes since the previous scan"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#7b2cbf",
        "fill_opacity": 0.35,
        "stroke": "#7b2cbf",
        "stroke_width": 2.0,
        "width_units": "px",
        "marker": "circle",
        "marker_size": 10.0,
        "column": "change",
        "categories": {
            "added": {"fill": "#2b9348", "stroke": "#1b5e20"},
            "removed": {"fill": "#d00000", "stroke": "#6a040f", "dash": [4, 3]},
            "gained": {"fill": "#f48c06", "stroke": "#9c6644"},
            "lost": {"fill": "#90e0ef", "stroke": "#0077b6"},
            "opened": {"fill": "#c1121f", "stroke": "#7a0c12"},
            "resolved": {"fill": "#2a9d8f", "stroke": "#1b6b61"},
        },
    }
