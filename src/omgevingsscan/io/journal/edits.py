"""One persisted change of a record table (:class:`Edit`), its JSON line for the
recovery file, and the error raised when the scan file cannot be written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely

from omgevingsscan.errors import InputFileError
from omgevingsscan.layers.base import layer_class
from omgevingsscan.layers.records import Record, RecordLayer, format_utc, utc_now

#: Store states: everything is in the file; edits wait in the recovery file; edits are
#: only in memory (even the recovery file could not be written).
STATES = ("saved", "recovery", "unsaved")
RECOVERY_VERSION = 1


class ScanWriteError(InputFileError):
    """The scan file cannot be written now (read-only, locked, missing).

    ``problem`` is the short cause ("the file is read-only"); ``extra`` is appended.
    """

    def __init__(self, path: str | Path, problem: str, extra: str = "") -> None:
        self.problem = problem
        super().__init__(path, f"cannot be written ({problem})" + (f"; {extra}" if extra else ""))


@dataclass(frozen=True)
class Edit:
    """One persisted change of a record table.

    Attributes
    ----------
    op
        "upsert" or "delete".
    table
        Table (layer) name.
    kind
        Layer kind ("posts", "sightings", "annotations"), to rebuild the table.
    state
        The layer's JSON state (for the scan metadata when the table is created).
    uuid
        The record.
    row
        The record's attributes (upserts), as :meth:`Record.to_row` gives them.
    wkb
        The geometry as ISO WKB (upserts).
    crs
        The CRS of the geometry.
    at
        When the edit was made (UTC text).
    """

    op: str
    table: str
    kind: str
    state: dict[str, Any]
    uuid: str
    row: dict[str, Any] | None
    wkb: bytes | None
    crs: str
    at: str

    @classmethod
    def upsert(cls, layer: RecordLayer[Any], record: Record, crs: str) -> Edit:
        """Snapshot of ``record`` as it is now."""
        return cls(
            "upsert",
            layer.name,
            layer.kind,
            layer.state(),
            record.uuid,
            record.to_row(),
            shapely.to_wkb(record.geometry, byte_order=1, flavor="iso"),
            crs,
            format_utc(utc_now()),
        )

    @classmethod
    def delete(cls, layer: RecordLayer[Any], uuid: str, crs: str) -> Edit:
        """Deletion of record ``uuid``."""
        return cls(
            "delete", layer.name, layer.kind, layer.state(), uuid, None, None, crs,
            format_utc(utc_now()),
        )  # fmt: skip

    def to_json(self, file: Path) -> str:
        """One JSON line for the recovery file."""
        return json.dumps(
            {
                "v": RECOVERY_VERSION,
                "file": str(file),
                "op": self.op,
                "table": self.table,
                "kind": self.kind,
                "state": self.state,
                "uuid": self.uuid,
                "row": self.row,
                "wkb": self.wkb.hex() if self.wkb is not None else None,
                "crs": self.crs,
                "at": self.at,
            },
            ensure_ascii=False,
            default=_json_value,
        )

    @classmethod
    def from_json(cls, line: str) -> Edit:
        """Parse a recovery line (ValueError when it is damaged)."""
        d = json.loads(line)
        if d.get("op") not in ("upsert", "delete"):
            raise ValueError(f"unknown edit {d.get('op')!r}")
        wkb = bytes.fromhex(d["wkb"]) if d.get("wkb") else None
        return cls(
            d["op"], d["table"], d["kind"], d.get("state") or {"kind": d["kind"], "name": d["table"]},
            d["uuid"], d.get("row"), wkb, d["crs"], d.get("at", ""),
        )  # fmt: skip

    def record(self) -> Record:
        """The record of an upsert, rebuilt and validated."""
        if self.op != "upsert" or self.row is None or self.wkb is None:
            raise ValueError("only an upsert carries a record")
        rtype = _record_type(self.kind)
        return rtype.from_row(self.row, shapely.from_wkb(self.wkb))


def _json_value(value: object) -> str:
    """JSON form of a row value json cannot write: bytes (photo BLOBs) as "base64:…"."""
    if isinstance(value, bytes):
        import base64

        return "base64:" + base64.b64encode(value).decode("ascii")
    return str(value)


def _record_type(kind: str) -> type[Record]:
    cls = layer_class(kind)
    if not issubclass(cls, RecordLayer):
        raise ValueError(f"layer kind {kind!r} holds no records")
    return cls.record_type
