"""Checked values of hand-entered records: uuids, times (timezone-aware, UTC, to the
millisecond; shown in local time), texts, choices, numbers and geometries. Each check
returns the clean value or raises ValueError naming the field.
"""

from __future__ import annotations

import math
import uuid as uuid_mod
from datetime import UTC, datetime, timedelta, tzinfo

import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

#: How far into the future a timestamp may lie (clock skew between observers' devices).
MAX_FUTURE = timedelta(hours=24)
#: Earliest timestamp accepted (anything before is a typo).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


def new_uuid() -> str:
    """Return a new random (version 4) UUID as a lower-case string."""
    return str(uuid_mod.uuid4())


def check_uuid(value: object) -> str:
    """Return ``value`` as a canonical lower-case UUID string, or raise ValueError."""
    try:
        return str(uuid_mod.UUID(str(value).strip()))
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValueError(f"uuid {value!r} is not a UUID") from exc


def utc_now() -> datetime:
    """Return the current time in UTC, truncated to the millisecond."""
    return _truncate_ms(datetime.now(UTC))


def _truncate_ms(dt: datetime) -> datetime:
    return dt.replace(microsecond=dt.microsecond // 1000 * 1000)


def parse_time(value: object, what: str = "time", *, naive_is_utc: bool = False) -> datetime:
    """Return ``value`` as an aware UTC datetime truncated to the millisecond.

    Parameters
    ----------
    value
        A :class:`datetime`, a pandas Timestamp, or ISO 8601 text (``Z`` or an offset such
        as ``+02:00``).
    what
        Name of the field, for the error message.
    naive_is_utc
        Accept a value without time zone as UTC (used when reading the GeoPackage, whose
        ``DATETIME`` values are UTC by definition). Otherwise a naive value raises.

    Raises
    ------
    ValueError
        When the value is not a time, or carries no time zone.
    """
    if value is None or value is pd.NaT:
        raise ValueError(f"{what} is missing")
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValueError(f"{what} is empty")
        try:
            value = datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError as exc:
            raise ValueError(
                f"{what} {text!r} is not an ISO 8601 time (like 2024-05-01T14:30:00+02:00)"
            ) from exc
    if not isinstance(value, datetime):
        raise ValueError(f"{what} {value!r} is not a date and time")
    if value.tzinfo is None or value.utcoffset() is None:
        if not naive_is_utc:
            raise ValueError(f"{what} {value.isoformat()} has no time zone (UTC offset)")
        value = value.replace(tzinfo=UTC)
    return _truncate_ms(value.astimezone(UTC))


def check_not_future(dt: datetime, what: str = "time", now: datetime | None = None) -> datetime:
    """Raise ValueError when ``dt`` lies more than :data:`MAX_FUTURE` ahead or before 2000."""
    now = now or datetime.now(UTC)
    if dt > now + MAX_FUTURE:
        raise ValueError(
            f"{what} {format_utc(dt)} lies more than "
            f"{MAX_FUTURE.total_seconds() / 3600:g} h in the future"
        )
    if dt < EARLIEST:
        raise ValueError(f"{what} {format_utc(dt)} is before {EARLIEST.year}")
    return dt


def format_utc(dt: datetime) -> str:
    """Return ``dt`` as GeoPackage DATETIME text: ``YYYY-MM-DDTHH:MM:SS.sssZ`` (UTC)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def format_local(dt: datetime, tz: tzinfo | None = None, *, timespec: str = "seconds") -> str:
    """Return ``dt`` in local time (``tz``, default the machine's zone) with its UTC offset."""
    local = dt.astimezone(tz) if tz is not None else dt.astimezone()
    return local.isoformat(timespec=timespec)


def check_text(value: object, what: str, *, max_len: int = 2000, required: bool = False) -> str:
    """Return ``value`` as stripped text; raise ValueError if too long or required and empty."""
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise ValueError(f"{what} cannot be empty")
    if len(text) > max_len:
        raise ValueError(f"{what} is {len(text)} characters long; at most {max_len} allowed")
    return text


def check_choice(value: object, choices: tuple[str, ...], what: str) -> str:
    """Return ``value`` (lower-cased) if it is one of ``choices``, else raise ValueError."""
    text = str(value).strip().lower() if value is not None else ""
    if text not in choices:
        raise ValueError(f"{what} {value!r} unknown; use one of {', '.join(choices)}")
    return text


def check_number(
    value: object,
    what: str,
    *,
    lo: float | None = None,
    hi: float | None = None,
    lo_open: bool = False,
    unit: str = "",
) -> float:
    """Return ``value`` as a finite float within ``[lo, hi]`` (``(lo, hi]`` when ``lo_open``)."""
    if isinstance(value, bool):
        raise ValueError(f"{what} {value!r} is not a number")
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} {value!r} is not a number") from exc
    if not math.isfinite(x):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    suffix = f" {unit}" if unit else ""
    if lo is not None and (x < lo or (lo_open and x == lo)):
        rel = "more than" if lo_open else "at least"
        raise ValueError(f"{what} must be {rel} {lo:g}{suffix}, got {x:g}{suffix}")
    if hi is not None and x > hi:
        raise ValueError(f"{what} must be at most {hi:g}{suffix}, got {x:g}{suffix}")
    return x


def check_geometry(value: object, kinds: tuple[str, ...], what: str = "position") -> BaseGeometry:
    """Return ``value`` if it is a non-empty, finite shapely geometry of one of ``kinds``."""
    if not isinstance(value, BaseGeometry):
        raise ValueError(f"{what} must be a shapely geometry, got {type(value).__name__}")
    if value.is_empty:
        raise ValueError(f"{what} is empty")
    if value.geom_type not in kinds:
        raise ValueError(f"{what} must be a {' or '.join(kinds)}, got a {value.geom_type}")
    coords = shapely.get_coordinates(value)
    if not bool(pd.notna(coords).all()) or not all(math.isfinite(c) for c in coords.ravel()):
        raise ValueError(f"{what} has coordinates that are not finite numbers")
    if value.geom_type == "Polygon" and not value.is_valid:
        raise ValueError(f"{what}: the polygon crosses itself ({shapely.is_valid_reason(value)})")
    return shapely.force_2d(value)
