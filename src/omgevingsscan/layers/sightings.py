"""The sightings log: what observers saw, when, where and from which post.

Times are stored in UTC and shown in local time (:func:`format_local`). The layer's
default style colours sightings by age through the ``time_colour`` hint:

``time_colour``
    ``{"column": "time", "ramp": [oldest, ..., newest], "window_hours": H,
    "reference": "now" | "latest"}``. A renderer computes each sighting's age
    ``reference - time`` in hours, ``t = clamp(1 - age / H, 0, 1)`` and takes the colour
    at ``t`` along the ramp (0 = the first, oldest colour; 1 = the last, newest), as
    :func:`time_colours` does. ``reference`` "now" uses the clock; "latest" the newest
    sighting (for printing an old log). The colour replaces ``fill``; category
    markers still apply.
``last_hours``
    ``None`` to draw every sighting, or N to draw only those of the last N hours
    (:meth:`SightingsLayer.visible_records`, :func:`last_hours`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar

import geopandas as gpd
import numpy as np

from omgevingsscan.layers.base import register_layer
from omgevingsscan.layers.records import (
    Record,
    RecordLayer,
    check_choice,
    check_not_future,
    check_text,
    parse_time,
    utc_now,
)

#: Categories of sighting.
CATEGORIES = ("person", "vehicle", "drone", "other")
#: Lowest and highest severity (1 = note, 5 = immediate threat).
SEVERITY_MIN, SEVERITY_MAX = 1, 5
_PLATE_OK = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_PLATE_SEP = re.compile(r"[\s.\-_·]+")


def normalise_plate(text: object) -> str:
    """Return a licence plate in canonical form: upper case, groups joined by ``-``.

    "ab 123 c", "AB-123-C" and "ab.123.c" all become "AB-123-C"; "ab123c" stays
    "AB123C" (compare plates with :func:`plate_key`). Empty input gives "".

    Raises
    ------
    ValueError
        When the plate holds other characters than letters, digits and separators, or
        is longer than 15 characters.
    """
    raw = "" if text is None else str(text).strip()
    if not raw:
        return ""
    plate = _PLATE_SEP.sub("-", raw.upper()).strip("-")
    if not _PLATE_OK.match(plate):
        raise ValueError(f"plate {raw!r} may hold only letters, digits, spaces and dashes")
    if len(plate) > 15:
        raise ValueError(f"plate {raw!r} is too long ({len(plate)} characters; at most 15)")
    return plate


def plate_key(plate: str) -> str:
    """The plate without separators, for matching "AB-123-C" with "AB123C"."""
    return plate.replace("-", "").upper()


def check_severity(value: object) -> int:
    """Return ``value`` as an int from 1 to 5, or raise ValueError."""
    if isinstance(value, bool):
        raise ValueError(f"severity {value!r} is not a whole number from 1 to 5")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"severity {value!r} is not a whole number from 1 to 5") from exc
    if not number.is_integer() or not SEVERITY_MIN <= number <= SEVERITY_MAX:
        raise ValueError(f"severity must be a whole number from 1 to 5, got {value!r}")
    return int(number)


@dataclass(frozen=True, kw_only=True)
class Sighting(Record):
    """One entry in the sightings log.

    Attributes
    ----------
    geometry
        Where it was seen: a Point in the scan's local metric CRS (metres).
    uuid
        Stable identifier (UUID4 text); merges match on it.
    time
        When; timezone-aware, held in UTC to the millisecond. Default now. At most
        24 h in the future (clock skew), not before 2000.
    category
        One of :data:`CATEGORIES`.
    description
        What was seen.
    plate
        Vehicle licence plate, normalised by :func:`normalise_plate`.
    colour
        Colour of the vehicle or clothing.
    observer
        Who saw it.
    post
        The post it was seen from (its name, or its uuid).
    severity
        1 (note) to 5 (immediate threat).
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("uuid", "TEXT"),
        ("time", "DATETIME"),
        ("category", "TEXT"),
        ("description", "TEXT"),
        ("plate", "TEXT"),
        ("colour", "TEXT"),
        ("observer", "TEXT"),
        ("post", "TEXT"),
        ("severity", "INTEGER"),
    )
    TIME_COLUMNS: ClassVar[tuple[str, ...]] = ("time",)
    GEOMETRY_TYPE: ClassVar[str] = "POINT"
    GEOMETRY_KINDS: ClassVar[tuple[str, ...]] = ("Point",)

    time: datetime = field(default_factory=utc_now)
    category: str = "other"
    description: str = ""
    plate: str = ""
    colour: str = ""
    observer: str = ""
    post: str = ""
    severity: int = 1

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("time", check_not_future(parse_time(self.time, "time"), "time"))
        self._set("category", check_choice(self.category, CATEGORIES, "category"))
        self._set("description", check_text(self.description, "description", max_len=5000))
        self._set("plate", normalise_plate(self.plate))
        self._set("colour", check_text(self.colour, "colour", max_len=50))
        self._set("observer", check_text(self.observer, "observer", max_len=200))
        self._set("post", check_text(self.post, "post", max_len=100))
        self._set("severity", check_severity(self.severity))

    def text_blob(self) -> str:
        """Lower-case text searched by the table's free-text filter."""
        return " ".join(
            (
                self.description,
                self.plate,
                plate_key(self.plate),
                self.colour,
                self.observer,
                self.post,
                self.category,
            )
        ).lower()


@dataclass(frozen=True)
class SightingFilter:
    """A filter on the sightings log (what the docked table and the CLI offer).

    Attributes
    ----------
    since, until
        Aware datetimes bounding the time (inclusive); None for open.
    categories
        Keep only these categories (empty: all).
    observers
        Keep only these observers, case-insensitive (empty: all).
    text
        Words that must all occur in description, plate, colour, observer, post or
        category (case-insensitive; plates match with or without dashes).
    min_severity
        Keep severity ≥ this.
    """

    since: datetime | None = None
    until: datetime | None = None
    categories: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    text: str = ""
    min_severity: int = 1

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, parse_time(value, name))
        for cat in self.categories:
            check_choice(cat, CATEGORIES, "category")
        object.__setattr__(self, "min_severity", check_severity(self.min_severity))

    def matches(self, s: Sighting) -> bool:
        """Whether sighting ``s`` passes the filter."""
        if self.since is not None and s.time < self.since:
            return False
        if self.until is not None and s.time > self.until:
            return False
        if self.categories and s.category not in self.categories:
            return False
        if self.observers and s.observer.lower() not in {o.lower() for o in self.observers}:
            return False
        if s.severity < self.min_severity:
            return False
        if self.text:
            blob = s.text_blob()
            return all(word in blob for word in self.text.lower().split())
        return True

    def apply(self, sightings: Iterable[Sighting]) -> list[Sighting]:
        """The sightings that pass, in their original order."""
        return [s for s in sightings if self.matches(s)]


#: Sort keys offered by :func:`sort_sightings`.
SORT_KEYS = ("time", "category", "severity", "observer", "post", "plate", "description")


def sort_sightings(
    sightings: Iterable[Sighting], key: str = "time", *, descending: bool = False
) -> list[Sighting]:
    """Return ``sightings`` sorted by ``key`` (one of :data:`SORT_KEYS`), stable, ties by time."""
    if key not in SORT_KEYS:
        raise ValueError(f"cannot sort on {key!r}; use one of {', '.join(SORT_KEYS)}")

    def k(s: Sighting) -> tuple[Any, datetime]:
        v = getattr(s, key)
        return (v.lower() if isinstance(v, str) else v, s.time)

    return sorted(sightings, key=k, reverse=descending)


def last_hours(
    sightings: Iterable[Sighting], hours: float, now: datetime | None = None
) -> list[Sighting]:
    """The sightings of the last ``hours`` hours before ``now`` (default: the clock)."""
    if hours < 0:
        raise ValueError(f"hours must be at least 0, got {hours:g}")
    ref = parse_time(now, "now") if now is not None else utc_now()
    return SightingFilter(
        since=ref - timedelta(hours=hours), until=ref + timedelta(hours=24)
    ).apply(sightings)


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def time_colours(
    times: Sequence[datetime],
    ramp: Sequence[str],
    window_hours: float,
    reference: datetime | None = None,
) -> list[str]:
    """Colours (``#rrggbb``) for sighting times by age, as the ``time_colour`` hint describes.

    Parameters
    ----------
    times
        Aware datetimes.
    ramp
        Two or more ``#rrggbb`` colours, oldest first.
    window_hours
        Age (hours) at which the oldest colour is reached; older stays at the oldest.
    reference
        "Now" for the ages; default the newest of ``times``.
    """
    if len(ramp) < 2:
        raise ValueError("a colour ramp needs at least two colours")
    if window_hours <= 0:
        raise ValueError(f"window_hours must be more than 0, got {window_hours:g}")
    if not times:
        return []
    ref = reference or max(times)
    ages = np.array([(ref - t).total_seconds() / 3600.0 for t in times])
    pos = np.clip(1.0 - ages / window_hours, 0.0, 1.0) * (len(ramp) - 1)
    rgb = np.array([_hex_to_rgb(c) for c in ramp], dtype=float)
    lo = np.minimum(np.floor(pos).astype(int), len(ramp) - 2)
    frac = (pos - lo)[:, None]
    mixed = np.rint(rgb[lo] * (1 - frac) + rgb[lo + 1] * frac).astype(int)
    return [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in mixed]


@register_layer
class SightingsLayer(RecordLayer[Sighting]):
    """The sightings log as a point layer, coloured by age (see the module docstring)."""

    kind: ClassVar[str] = "sightings"
    title: ClassVar[str] = "Sightings"
    geometry_kind: ClassVar[str] = "point"
    record_type: ClassVar[type[Record]] = Sighting
    default_style: ClassVar[dict[str, Any]] = {
        "fill": "#d62828",
        "stroke": "#ffffff",
        "marker": "circle",
        "marker_size": 11.0,
        "column": "category",
        "categories": {
            "person": {"marker": "circle"},
            "vehicle": {"marker": "square"},
            "drone": {"marker": "triangle"},
            "other": {"marker": "star"},
        },
        "time_colour": {
            "column": "time",
            "ramp": ["#fee391", "#fe9929", "#cc4c02", "#7f0000"],
            "window_hours": 24.0,
            "reference": "now",
        },
        "last_hours": None,
    }

    def filtered(self, flt: SightingFilter) -> list[Sighting]:
        """The records passing ``flt``, in layer order."""
        return flt.apply(self)

    def visible_records(self, now: datetime | None = None) -> list[Sighting]:
        """The records to draw: all, or those of the last ``style["last_hours"]`` hours."""
        hours = self.style.get("last_hours")
        return list(self) if hours is None else last_hours(self, float(hours), now)

    def set_last_hours(self, hours: float | None) -> None:
        """Show only the last ``hours`` hours (None: show all). Emits ``style``."""
        if hours is not None and float(hours) < 0:
            raise ValueError(f"hours must be at least 0, got {hours}")
        self.style = {**self.style, "last_hours": None if hours is None else float(hours)}

    def colours(self, records: Sequence[Sighting], now: datetime | None = None) -> list[str]:
        """Fill colours of ``records`` by the ``time_colour`` style hint."""
        hint = self.style.get("time_colour") or {}
        ramp = hint.get("ramp") or self.default_style["time_colour"]["ramp"]
        window = float(hint.get("window_hours", 24.0))
        ref = None
        if hint.get("reference", "now") == "now":
            ref = parse_time(now, "now") if now is not None else utc_now()
        return time_colours([r.time for r in records], ramp, window, ref)

    def render_frame(self) -> tuple[gpd.GeoDataFrame, list[dict[str, Any]] | None]:
        """The visible records ("last N hours" applied), each filled by its age."""
        records = self.visible_records()
        keep = {r.uuid for r in records}
        frame = self.frame_where(lambda r: r.uuid in keep)
        order = {r.uuid: i for i, r in enumerate(records)}
        colours = self.colours(records)
        overrides = [{"fill": colours[order[u]]} for u in frame["uuid"]]
        return frame, overrides

    def observers(self) -> list[str]:
        """Distinct observer names, sorted (for the table's filter box)."""
        return sorted({s.observer for s in self if s.observer}, key=lambda o: (o.lower(), o))
