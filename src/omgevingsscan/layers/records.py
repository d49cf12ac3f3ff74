"""Hand-entered records (posts, sightings, annotations) and the layer that holds them.

A :class:`Record` is a frozen, validated dataclass with a stable ``uuid`` and a
shapely geometry in the scan's local metric CRS. Changing a record means making a new
one (``record.evolve(...)``), which runs the validation again, so an invalid value never
reaches a layer. A :class:`RecordLayer` keeps its records in order, keyed by uuid, emits
``added`` / ``changed`` / ``removed`` events (payload: the uuid) after each change, and
exposes a GeoDataFrame (``data``) for the renderer and the exports.

The low-level mutators (:meth:`RecordLayer.insert`, :meth:`RecordLayer.replace`,
:meth:`RecordLayer.remove`) do not record undo steps: user edits go through
:class:`omgevingsscan.editing.ObservationEditor`, which wraps them in undoable commands.

Times are timezone-aware :class:`datetime.datetime` objects, held in UTC and truncated
to the millisecond (what the GeoPackage ``DATETIME`` type stores); show them in local
time with :func:`format_local`. These value checks and formats (uuids, times, texts,
choices, numbers, geometries) are in :mod:`omgevingsscan.layers.values`.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Generic, Self, TypeVar

import geopandas as gpd
import pandas as pd
from psygnal import Signal
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.base import LayerEvents, VectorLayer

# Re-exported (see ``__all__``) for the callers that import them with the records.
from omgevingsscan.layers.values import (
    EARLIEST,
    MAX_FUTURE,
    check_choice,
    check_geometry,
    check_not_future,
    check_number,
    check_text,
    check_uuid,
    format_local,
    format_utc,
    new_uuid,
    parse_time,
    utc_now,
)


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of every hand-entered record: a stable ``uuid`` and a geometry (local CRS, m).

    Subclasses list their table columns in ``COLUMNS`` as ``(name, GeoPackage type)``
    pairs, turn themselves into a row of plain values with :meth:`to_row`, and back
    with :meth:`from_row`. Validation lives in ``__post_init__``, so
    ``dataclasses.replace`` (:meth:`evolve`) validates too.
    """

    #: Table columns besides the geometry: ``(name, GeoPackage SQL type)``.
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (("uuid", "TEXT"),)
    #: Columns that hold UTC times (``DATETIME`` text in the table, datetimes in frames).
    TIME_COLUMNS: ClassVar[tuple[str, ...]] = ()
    #: GeoPackage geometry type name of the table ("POINT", "GEOMETRY", ...).
    GEOMETRY_TYPE: ClassVar[str] = "GEOMETRY"
    #: Shapely geometry types accepted.
    GEOMETRY_KINDS: ClassVar[tuple[str, ...]] = ("Point",)

    geometry: BaseGeometry
    uuid: str = field(default_factory=new_uuid)

    def __post_init__(self) -> None:
        self._set("uuid", check_uuid(self.uuid))
        self._set("geometry", check_geometry(self.geometry, self.GEOMETRY_KINDS))

    def _set(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)

    def evolve(self, **changes: Any) -> Self:
        """Return a validated copy with ``changes`` applied (the uuid cannot change)."""
        if "uuid" in changes and changes["uuid"] != self.uuid:
            raise ValueError("the uuid of a record cannot change")
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ValueError(f"{type(self).__name__} has no attribute {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    def to_row(self) -> dict[str, Any]:
        """Return the table row (without geometry): plain str/int/float/None values."""
        row: dict[str, Any] = {}
        for name, _ in self.COLUMNS:
            value = getattr(self, name)
            if isinstance(value, datetime):
                value = format_utc(value)
            row[name] = value
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, Any], geometry: BaseGeometry) -> Self:
        """Build a record from a table row (as :meth:`to_row` gives) and its geometry."""
        kwargs: dict[str, Any] = {}
        for name, _ in cls.COLUMNS:
            if name not in row:
                continue
            value = row[name]
            if _is_missing(value):
                value = None
            if name in cls.TIME_COLUMNS and value is not None:
                value = parse_time(value, name, naive_is_utc=True)
            kwargs[name] = value
        kwargs = {k: v for k, v in kwargs.items() if v is not None or k in cls._nullable()}
        return cls(geometry=geometry, **cls._coerce_row(kwargs))

    @classmethod
    def _nullable(cls) -> set[str]:
        return set()

    @classmethod
    def _coerce_row(cls, kwargs: dict[str, Any]) -> dict[str, Any]:
        """Hook for subclasses: fix types that a table reader may change."""
        return kwargs

    def same_content(self, other: Record, tol_m: float = 0.01) -> bool:
        """True when ``other`` has the same attributes and a geometry within ``tol_m`` metres.

        Used by merges: a geometry that went through WGS84 and back differs by far less
        than a centimetre.
        """
        if type(other) is not type(self) or other.to_row() != self.to_row():
            return False
        return bool(self.geometry.equals_exact(other.geometry, tol_m))

    def differences(self, other: Record, tol_m: float = 0.01) -> list[str]:
        """Names of the attributes (and "geometry") in which ``other`` differs."""
        a, b = self.to_row(), other.to_row()
        out = [k for k in a if a.get(k) != b.get(k)]
        if not self.geometry.equals_exact(other.geometry, tol_m):
            out.append("geometry")
        return out


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return bool(value is pd.NaT)


R = TypeVar("R", bound=Record)


class RecordLayerEvents(LayerEvents):
    """Layer events plus per-record ones; each carries the uuid of the record."""

    added = Signal(str)
    changed = Signal(str)
    removed = Signal(str)


class RecordLayer(VectorLayer, Generic[R]):
    """A vector layer whose features are typed records, in order, keyed by uuid.

    Parameters
    ----------
    name
        Layer name, also its table name in the project file.
    data
        Optional GeoDataFrame (as read from the project file) or iterable of records.
    **kwargs
        ``visible``, ``opacity``, ``style`` as for every layer.
    """

    record_type: ClassVar[type[Record]] = Record
    events: RecordLayerEvents

    def __init__(
        self,
        name: str,
        data: gpd.GeoDataFrame | Iterable[R] | None = None,
        *,
        crs: str | None = None,
        **kwargs: Any,
    ) -> None:
        self._records: dict[str, R] = {}
        self._frame: gpd.GeoDataFrame | None = None
        self._crs = crs
        super().__init__(name, gpd.GeoDataFrame(geometry=[], crs=crs), **kwargs)
        self.events = RecordLayerEvents()
        if data is not None:
            self._load(data)

    # -- reading --------------------------------------------------------------------------
    def _load(self, data: gpd.GeoDataFrame | Iterable[R]) -> None:
        if isinstance(data, gpd.GeoDataFrame):
            if data.crs is not None:
                self._crs = data.crs.to_string()
            records = list(frame_to_records(data, self.record_type))
        else:
            records = list(data)
        self._records = {}
        for rec in records:
            self._check_type(rec)
            if rec.uuid in self._records:
                raise ValueError(f"layer {self.name!r}: uuid {rec.uuid} appears twice")
            self._records[rec.uuid] = rec
        self._frame = None

    def _check_type(self, record: Record) -> None:
        if not isinstance(record, self.record_type):
            raise ValueError(
                f"layer {self.name!r} holds {self.record_type.__name__} records, "
                f"not {type(record).__name__}"
            )

    @property
    def crs(self) -> str | None:
        """The CRS of the geometries (the scan's local metric CRS), if known."""
        return self._crs

    @crs.setter
    def crs(self, value: str | None) -> None:
        self._crs = value
        self._frame = None

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(list(self._records.values()))

    def __contains__(self, uuid: object) -> bool:
        return uuid in self._records

    def records(self) -> list[R]:
        """All records, in order (the order the table shows by default)."""
        return list(self._records.values())

    def uuids(self) -> list[str]:
        """The uuids, in order."""
        return list(self._records)

    def get(self, uuid: str) -> R:
        """Return the record ``uuid``; KeyError naming the layer when there is none."""
        try:
            return self._records[uuid]
        except KeyError:
            raise KeyError(f"layer {self.name!r} has no record {uuid}") from None

    def find(self, uuid: str) -> R | None:
        """Return the record ``uuid`` or None."""
        return self._records.get(uuid)

    def index_of(self, uuid: str) -> int:
        """Row number of ``uuid`` (KeyError when absent)."""
        self.get(uuid)
        return list(self._records).index(uuid)

    # -- low-level mutation (no undo; see ObservationEditor) ------------------------------
    def insert(self, record: R, index: int | None = None) -> None:
        """Add ``record`` at row ``index`` (default: the end). Emits ``added``."""
        self._check_type(record)
        if record.uuid in self._records:
            raise ValueError(f"layer {self.name!r} already has a record {record.uuid}")
        if index is None or int(index) >= len(self._records):
            self._records[record.uuid] = record  # appending: no copy of the whole layer
        else:
            items = list(self._records.items())
            items.insert(max(0, int(index)), (record.uuid, record))
            self._records = dict(items)
        self._touch()
        self.events.added.emit(record.uuid)

    def replace(self, record: R) -> R:
        """Put ``record`` in place of the one with the same uuid; return the old one.

        Emits ``changed``.
        """
        self._check_type(record)
        old = self.get(record.uuid)
        self._records[record.uuid] = record
        self._touch()
        self.events.changed.emit(record.uuid)
        return old

    def remove(self, uuid: str) -> tuple[R, int]:
        """Take record ``uuid`` out; return it and the row it was in. Emits ``removed``."""
        index = self.index_of(uuid)
        record = self._records.pop(uuid)
        self._touch()
        self.events.removed.emit(uuid)
        return record, index

    def _touch(self) -> None:
        self._frame = None
        self.events.data.emit()

    # -- frames ---------------------------------------------------------------------------
    @property
    def data(self) -> gpd.GeoDataFrame:
        """The records as a GeoDataFrame (local CRS); times as UTC datetimes. Read-only copy."""
        if self._frame is None:
            self._frame = records_to_frame(self.records(), self.record_type, self._crs)
        return self._frame.copy()

    @data.setter
    def data(self, value: gpd.GeoDataFrame) -> None:
        if not isinstance(value, gpd.GeoDataFrame):
            raise ValueError("layer data must be a GeoDataFrame")
        self._load(value)
        self.events.data.emit()

    def frame_where(self, keep: Callable[[R], bool]) -> gpd.GeoDataFrame:
        """GeoDataFrame of the records for which ``keep(record)`` is true."""
        return records_to_frame(
            [r for r in self._records.values() if keep(r)], self.record_type, self._crs
        )


def records_to_frame(
    records: list[R], record_type: type[Record], crs: str | None
) -> gpd.GeoDataFrame:
    """Return ``records`` as a GeoDataFrame: one column per table column, times as UTC."""
    columns = [name for name, _ in record_type.COLUMNS]
    rows = [r.to_row() for r in records]
    frame = pd.DataFrame(rows, columns=columns)
    for name in record_type.TIME_COLUMNS:
        frame[name] = pd.to_datetime(frame[name], utc=True, format="ISO8601")
    return gpd.GeoDataFrame(frame, geometry=[r.geometry for r in records], crs=crs)


def frame_to_records(frame: gpd.GeoDataFrame, record_type: type[R]) -> Iterator[R]:
    """Yield records from a GeoDataFrame read from a project table.

    Raises
    ------
    ValueError
        Naming the row and the problem, when a row does not validate.
    """
    geoms = frame.geometry.to_numpy() if len(frame) else []
    cols = [c for c in frame.columns if c != frame.geometry.name]
    for i, (values, geom) in enumerate(zip(frame[cols].itertuples(index=False), geoms)):
        row = dict(zip(cols, values))
        try:
            yield record_type.from_row(row, geom)
        except ValueError as exc:
            raise ValueError(f"row {i + 1}: {exc}") from exc


def copy_style(style: Mapping[str, Any]) -> dict[str, Any]:
    """Deep copy of a style dict (helper for the record modules)."""
    return copy.deepcopy(dict(style))


__all__ = [
    "EARLIEST",
    "MAX_FUTURE",
    "R",
    "Record",
    "RecordLayer",
    "RecordLayerEvents",
    "check_choice",
    "check_geometry",
    "check_not_future",
    "check_number",
    "check_text",
    "check_uuid",
    "copy_style",
    "format_local",
    "format_utc",
    "frame_to_records",
    "new_uuid",
    "parse_time",
    "records_to_frame",
    "utc_now",
]
