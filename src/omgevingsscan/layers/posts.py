"""Observation posts: where observers (or cameras) watch from, and what they can see.

A post is a point in the scan's local metric CRS with a viewing direction (compass
degrees, 0 = north, clockwise), a field of view and a range in metres. Its view on the
map is the cone clipped by buildings (see :mod:`omgevingsscan.analysis.observation`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from shapely.geometry import Point, Polygon

from omgevingsscan.layers.base import VectorLayer, register_layer
from omgevingsscan.layers.records import (
    Record,
    RecordLayer,
    check_choice,
    check_number,
    check_text,
    parse_time,
)
from omgevingsscan.settings import EYE_HEIGHT_M

#: Kinds of post: a manned static post, a camera, a patrol point, or other.
POST_TYPES = ("static", "camera", "patrol", "other")
#: Where the observer stands: on the ground, on a floor of a building, or on a mast.
HEIGHT_KINDS = ("ground", "floor", "mast")
#: Highest eye/lens height accepted, metres above street level.
MAX_HEIGHT_M = 300.0
#: Longest range accepted, metres.
MAX_RANGE_M = 5000.0


@dataclass(frozen=True, kw_only=True)
class ObservationPost(Record):
    """One observation post.

    Attributes
    ----------
    geometry
        The post's position, a Point in the scan's local metric CRS (metres).
    uuid
        Stable identifier (UUID4 text).
    name
        Short name shown on the map and in the sightings log ("Post A"). Required.
    type
        One of :data:`POST_TYPES`.
    observer
        Observer or team manning the post.
    height_kind
        One of :data:`HEIGHT_KINDS`: ground, floor (in a building) or mast.
    height_m
        Eye (or lens) height above street level, metres, 0–300. Default 1.6 m.
    direction_deg
        Viewing direction, compass degrees (0 = north, 90 = east); stored in [0, 360).
    fov_deg
        Field-of-view angle, degrees, more than 0 and at most 360 (360 = all round).
    range_m
        How far the observer can see usefully, metres, at least 0.
    notes
        Free text.
    active_from, active_to
        When the post is manned; timezone-aware (stored UTC), or None for open-ended.
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("uuid", "TEXT"),
        ("name", "TEXT"),
        ("type", "TEXT"),
        ("observer", "TEXT"),
        ("height_kind", "TEXT"),
        ("height_m", "REAL"),
        ("direction_deg", "REAL"),
        ("fov_deg", "REAL"),
        ("range_m", "REAL"),
        ("notes", "TEXT"),
        ("active_from", "DATETIME"),
        ("active_to", "DATETIME"),
    )
    TIME_COLUMNS: ClassVar[tuple[str, ...]] = ("active_from", "active_to")
    GEOMETRY_TYPE: ClassVar[str] = "POINT"
    GEOMETRY_KINDS: ClassVar[tuple[str, ...]] = ("Point",)

    name: str
    type: str = "static"
    observer: str = ""
    height_kind: str = "ground"
    height_m: float = EYE_HEIGHT_M
    direction_deg: float = 0.0
    fov_deg: float = 90.0
    range_m: float = 100.0
    notes: str = ""
    active_from: datetime | None = None
    active_to: datetime | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("name", check_text(self.name, "post name", max_len=100, required=True))
        self._set("type", check_choice(self.type, POST_TYPES, "post type"))
        self._set("observer", check_text(self.observer, "observer", max_len=200))
        self._set("height_kind", check_choice(self.height_kind, HEIGHT_KINDS, "height kind"))
        self._set(
            "height_m", check_number(self.height_m, "height", lo=0, hi=MAX_HEIGHT_M, unit="m")
        )
        direction = check_number(self.direction_deg, "viewing direction", unit="°")
        self._set("direction_deg", direction % 360.0)
        self._set(
            "fov_deg",
            check_number(self.fov_deg, "field of view", lo=0, hi=360, lo_open=True, unit="°"),
        )
        self._set("range_m", check_number(self.range_m, "range", lo=0, hi=MAX_RANGE_M, unit="m"))
        self._set("notes", check_text(self.notes, "notes", max_len=5000))
        start = None if self.active_from is None else parse_time(self.active_from, "active from")
        end = None if self.active_to is None else parse_time(self.active_to, "active to")
        if start is not None and end is not None and end < start:
            raise ValueError(
                f"active to ({end.isoformat()}) is before active from ({start.isoformat()})"
            )
        self._set("active_from", start)
        self._set("active_to", end)

    @classmethod
    def _nullable(cls) -> set[str]:
        return {"active_from", "active_to"}

    @property
    def point(self) -> Point:
        """The position as a shapely Point (local CRS)."""
        return self.geometry  # type: ignore[return-value]

    @property
    def sector(self) -> tuple[float, float] | None:
        """``(direction_deg, fov_deg)`` for a cone, or None when the post sees all round."""
        return None if self.fov_deg >= 360.0 else (self.direction_deg, self.fov_deg)

    def is_active(self, when: datetime) -> bool:
        """Whether the post is manned at ``when`` (an aware datetime)."""
        if self.active_from is not None and when < self.active_from:
            return False
        return not (self.active_to is not None and when > self.active_to)

    def cone(self, segments_per_90: int = 16) -> Polygon:
        """The unobstructed view: a circular sector of ``range_m`` (local CRS, metres).

        For the view clipped by buildings use
        :func:`omgevingsscan.analysis.observation.post_view`.
        """
        return view_cone(
            self.point, self.range_m, self.direction_deg, self.fov_deg, segments_per_90
        )


def view_cone(
    origin: Point, range_m: float, direction_deg: float, fov_deg: float, segments_per_90: int = 16
) -> Polygon:
    """A circular sector around compass ``direction_deg`` (0 = north) of ``fov_deg`` degrees.

    Parameters
    ----------
    origin
        Apex, in a metric CRS.
    range_m
        Radius in metres. A range of 0 gives an empty polygon.
    direction_deg, fov_deg
        Compass direction of the axis and full opening angle, degrees. ``fov_deg`` ≥ 360
        gives a full circle.
    segments_per_90
        Arc vertices per 90 degrees.
    """
    if range_m <= 0:
        return Polygon()
    if fov_deg >= 360.0:
        return origin.buffer(range_m, quad_segs=segments_per_90)  # type: ignore[return-value]
    n = max(2, math.ceil(fov_deg / 90.0 * segments_per_90))
    start = direction_deg - fov_deg / 2.0
    pts = [(origin.x, origin.y)]
    for i in range(n + 1):
        a = math.radians(start + fov_deg * i / n)
        pts.append((origin.x + range_m * math.sin(a), origin.y + range_m * math.cos(a)))
    return Polygon(pts)


@register_layer
class PostsLayer(RecordLayer[ObservationPost]):
    """Observation posts, drawn as markers with their view cones.

    Style hints beyond the common ones (see :mod:`omgevingsscan.layers.osm`):
    ``cone_fill`` / ``cone_stroke`` / ``cone_opacity`` for the view (the renderer draws
    the clipped view when an analysis provides it, else :meth:`ObservationPost.cone`),
    and ``label_column`` for the marker label.
    """

    kind: ClassVar[str] = "posts"
    title: ClassVar[str] = "Observation posts"
    geometry_kind: ClassVar[str] = "point"
    record_type: ClassVar[type[Record]] = ObservationPost
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#1d3557",
        "stroke": "#ffffff",
        "marker": "square",
        "marker_size": 11.0,
        "label_column": "name",
        "cone_fill": "#457b9d",
        "cone_stroke": "#1d3557",
        "cone_opacity": 0.25,
        "column": "type",
        "categories": {
            "static": {"fill": "#1d3557", "marker": "square"},
            "camera": {"fill": "#e85d04", "marker": "triangle"},
            "patrol": {"fill": "#2a9d8f", "marker": "circle"},
            "other": {"fill": "#6c757d", "marker": "circle"},
        },
    }

    def by_name(self, name: str) -> ObservationPost | None:
        """The first post called ``name`` (case-insensitive), or None."""
        key = name.strip().lower()
        for post in self:
            if post.name.lower() == key:
                return post
        return None


@register_layer
class PostViewsLayer(VectorLayer):
    """What each post sees: its cone clipped by buildings (a derived layer, redrawn from the
    posts; columns ``uuid``, ``name``, ``source`` ("post" or "cctv"), ``shown`` ("post",
    "cctv", or "rough" for a cone not clipped yet), ``clipped``, ``moved_m``, ``area_m2``).
    """

    kind: ClassVar[str] = "post_views"
    title: ClassVar[str] = "Views of the posts"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#457b9d",
        "fill_opacity": 0.25,
        "stroke": "#1d3557",
        "stroke_width": 1.2,
        "width_units": "px",
        "column": "shown",
        "categories": {
            "post": {},
            "cctv": {"fill": "#e85d04", "stroke": "#9a3b00", "fill_opacity": 0.2},
            "rough": {"fill_opacity": 0.1, "dash": [5, 3]},
        },
        "labels": {"post": "Post", "cctv": "OSM camera", "rough": "Not clipped yet"},
    }


@register_layer
class BlindSpotsLayer(VectorLayer):
    """Parts of the coverage target no post sees (columns ``rank_size``, ``rank_distance``,
    ``area_m2``, ``distance_m``; see :mod:`omgevingsscan.analysis.observation`)."""

    kind: ClassVar[str] = "blind_spots"
    title: ClassVar[str] = "Blind spots"
    geometry_kind: ClassVar[str] = "polygon"
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#e63946",
        "fill_opacity": 0.4,
        "stroke": "#9d0208",
        "stroke_width": 1.0,
        "width_units": "px",
    }
