"""Record tables in a GeoPackage, written row by row with plain ``sqlite3``.

Posts, sightings and annotations are proper GeoPackage feature tables (listed in
``gpkg_contents`` and ``gpkg_geometry_columns``, geometry as GeoPackage binary), so QGIS
shows them with their attributes. Each table has the record's columns plus ``fid`` and
``geom``, and a unique ``uuid``, so one edit is one ``INSERT ... ON CONFLICT(uuid) DO
UPDATE`` or ``DELETE`` in an SQLite transaction: milliseconds, where rewriting the whole
file takes seconds.

The tables carry no R-tree index (QGIS reads them fine; they are small). The SQL
functions GDAL's R-tree triggers call (``ST_IsEmpty``, ``ST_MinX``, ...) are registered
on every connection, so a table that GDAL re-created with an index stays writable.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import shapely
from pyproj import CRS
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.records import Record, RecordLayer, format_utc, utc_now

META_TABLE = "omgevingsscan_meta"
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def quote(name: str) -> str:
    """Quote an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


# -- GeoPackage binary geometry -----------------------------------------------------------
def encode_geometry(geom: BaseGeometry | None, srs_id: int) -> bytes | None:
    """Return ``geom`` as a GeoPackage geometry blob (little-endian, xy envelope except points)."""
    if geom is None:
        return None
    wkb = shapely.to_wkb(geom, byte_order=1, flavor="iso")
    if geom.is_empty:
        return b"GP\x00" + bytes([0x01 | 0x10]) + struct.pack("<i", srs_id) + wkb
    if geom.geom_type == "Point":
        return b"GP\x00\x01" + struct.pack("<i", srs_id) + wkb
    minx, miny, maxx, maxy = geom.bounds
    header = b"GP\x00\x03" + struct.pack("<i4d", srs_id, minx, maxx, miny, maxy)
    return header + wkb


def _header(blob: bytes) -> tuple[int, int, bool]:
    """Return (flags, offset of the WKB, empty flag) of a GeoPackage blob."""
    if len(blob) < 8 or blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    envelope = (flags >> 1) & 0x07
    if envelope not in _ENVELOPE_BYTES:
        raise ValueError(f"bad GeoPackage envelope indicator {envelope}")
    return flags, 8 + _ENVELOPE_BYTES[envelope], bool(flags & 0x10)


def decode_geometry(blob: bytes | None) -> BaseGeometry | None:
    """Return the shapely geometry of a GeoPackage blob (None for NULL)."""
    if blob is None:
        return None
    _, offset, _ = _header(bytes(blob))
    return shapely.from_wkb(bytes(blob)[offset:])


def _st_is_empty(blob: bytes | None) -> int | None:
    if blob is None:
        return None
    return int(_header(bytes(blob))[2])


def _bound(index: int):  # type: ignore[no-untyped-def]
    def f(blob: bytes | None) -> float | None:
        geom = decode_geometry(blob)
        if geom is None or geom.is_empty:
            return None
        return float(geom.bounds[index])

    return f


def register_functions(con: sqlite3.Connection) -> None:
    """Register the spatial SQL functions GDAL's GeoPackage triggers call."""
    con.create_function("ST_IsEmpty", 1, _st_is_empty, deterministic=True)
    for name, index in (("ST_MinX", 0), ("ST_MinY", 1), ("ST_MaxX", 2), ("ST_MaxY", 3)):
        con.create_function(name, 1, _bound(index), deterministic=True)


# -- connections ---------------------------------------------------------------------------
def connect(path: Path, timeout_s: float = 0.5) -> sqlite3.Connection:
    """Open an existing GeoPackage for writing (never creates a file), autocommit mode.

    Use ``BEGIN IMMEDIATE`` / ``COMMIT`` explicitly for a transaction.
    """
    uri = Path(path).resolve().as_uri() + "?mode=rw"
    con = sqlite3.connect(
        uri, uri=True, timeout=timeout_s, isolation_level=None, check_same_thread=False
    )
    register_functions(con)
    return con


# -- spatial reference systems -------------------------------------------------------------
def srs_id_for(crs: str) -> tuple[int, str, int, str, str]:
    """Return (srs_id, organization, code, name, WKT) for a CRS string like "EPSG:28992"."""
    c = CRS.from_user_input(crs)
    auth = c.to_authority()
    wkt = c.to_wkt("WKT1_GDAL") or c.to_wkt()
    if auth is not None and auth[0].upper() == "EPSG":
        code = int(auth[1])
        return code, "EPSG", code, c.name, wkt
    code = 100000 + zlib.crc32(wkt.encode()) % 100000
    return code, "NONE", code, c.name, wkt


def ensure_srs(con: sqlite3.Connection, crs: str) -> int:
    """Make sure ``gpkg_spatial_ref_sys`` holds ``crs``; return its srs_id."""
    srs_id, org, code, name, wkt = srs_id_for(crs)
    con.execute(
        "INSERT OR IGNORE INTO gpkg_spatial_ref_sys "
        "(srs_name, srs_id, organization, organization_coordsys_id, definition) "
        "VALUES (?, ?, ?, ?, ?)",
        (name, srs_id, org, code, wkt),
    )
    return srs_id


# -- tables ----------------------------------------------------------------------------------
def table_srs(con: sqlite3.Connection, table: str) -> int | None:
    """srs_id of feature table ``table``, or None when there is no such table."""
    row = con.execute(
        "SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)", (table,)
    ).fetchone()
    return None if row is None else int(row[0])


def ensure_table(
    con: sqlite3.Connection,
    table: str,
    record_type: type[Record],
    crs: str,
    *,
    description: str = "",
    state: dict[str, Any] | None = None,
) -> int:
    """Create record table ``table`` if missing (and list it in the scan metadata).

    Returns the table's srs_id. An existing table must have a ``uuid`` column; any
    record column it lacks is added (a newer program version may add attributes).

    Raises
    ------
    ValueError
        When a table of that name exists but is not a record table.
    """
    srs = table_srs(con, table)
    if srs is not None:
        cols = {r[1] for r in con.execute(f"PRAGMA table_info({quote(table)})")}
        if "uuid" not in cols:
            raise ValueError(f"table {table!r} exists but is not a table of {record_type.__name__}")
        for name, sqltype in record_type.COLUMNS:
            if name not in cols:
                con.execute(f"ALTER TABLE {quote(table)} ADD COLUMN {quote(name)} {sqltype}")
        con.execute(
            f"CREATE UNIQUE INDEX IF NOT EXISTS {quote(f'idx_{table}_uuid')} "
            f"ON {quote(table)} (uuid)"
        )
        return srs
    srs = ensure_srs(con, crs)
    columns = ", ".join(
        f"{quote(name)} {sqltype}" + (" NOT NULL UNIQUE" if name == "uuid" else "")
        for name, sqltype in record_type.COLUMNS
    )
    con.execute(
        f"CREATE TABLE {quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
        f"geom {record_type.GEOMETRY_TYPE}, {columns})"
    )
    con.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
        "last_change, srs_id) VALUES (?, 'features', ?, ?, ?, ?)",
        (table, table, description, format_utc(utc_now()), srs),
    )
    con.execute(
        "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
        "srs_id, z, m) VALUES (?, 'geom', ?, ?, 0, 0)",
        (table, record_type.GEOMETRY_TYPE, srs),
    )
    if state is not None:
        register_in_meta(con, state)
    return srs


def register_in_meta(con: sqlite3.Connection, state: dict[str, Any]) -> None:
    """Add a layer's state to the scan metadata's layer list, if it is not there yet.

    Raises
    ------
    ValueError
        When the file has no omgevingsscan metadata.
    """
    try:
        row = con.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'scan'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise ValueError("not an omgevingsscan project (metadata table missing)") from exc
        raise
    if row is None:
        raise ValueError("not an omgevingsscan project (metadata row missing)")
    meta = json.loads(row[0])
    layers = meta.setdefault("layers", [])
    if any(entry.get("name") == state["name"] for entry in layers):
        return
    layers.append(state)
    con.execute(
        f"UPDATE {META_TABLE} SET value = ? WHERE key = 'scan'", (json.dumps(meta, default=str),)
    )


def upsert_row(
    con: sqlite3.Connection,
    table: str,
    row: dict[str, Any],
    geom_blob: bytes | None,
    fid: int | None = None,
) -> None:
    """Insert or update the row whose ``uuid`` is ``row["uuid"]``.

    ``fid`` puts a re-inserted row back under the feature id it had before it was
    deleted (undo of a delete), so its place and its id in QGIS come back too.
    """
    names = list(row)
    cols = ["geom", *(quote(n) for n in names)]
    values = [geom_blob, *(row[n] for n in names)]
    if fid is not None:
        cols.insert(0, "fid")
        values.insert(0, fid)
    marks = ", ".join("?" * len(values))
    updates = ", ".join(
        [
            "geom = excluded.geom",
            *(f"{quote(n)} = excluded.{quote(n)}" for n in names if n != "uuid"),
        ]
    )
    con.execute(
        f"INSERT INTO {quote(table)} ({', '.join(cols)}) VALUES ({marks}) "
        f"ON CONFLICT(uuid) DO UPDATE SET {updates}",
        values,
    )


def delete_row(con: sqlite3.Connection, table: str, uuid: str) -> int | None:
    """Delete the row of ``uuid``; return its feature id (None when it was not there)."""
    row = con.execute(
        f"DELETE FROM {quote(table)} WHERE uuid = ? RETURNING fid", (uuid,)
    ).fetchone()
    return None if row is None else int(row[0])


def touch_contents(con: sqlite3.Connection, tables: Iterable[str]) -> None:
    """Set ``last_change`` of ``tables`` in gpkg_contents to now."""
    now = format_utc(utc_now())
    for table in tables:
        con.execute(
            "UPDATE gpkg_contents SET last_change = ? WHERE lower(table_name) = lower(?)",
            (now, table),
        )


def read_rows(
    con: sqlite3.Connection, table: str
) -> list[tuple[dict[str, Any], BaseGeometry | None]]:
    """All rows of ``table`` as (attributes, geometry), in fid order."""
    cur = con.execute(f"SELECT * FROM {quote(table)} ORDER BY fid")
    names = [d[0] for d in cur.description]
    out = []
    for values in cur:
        row = dict(zip(names, values))
        blob = row.pop("geom", None)
        row.pop("fid", None)
        out.append((row, decode_geometry(blob)))
    return out


def write_layer_table(
    con: sqlite3.Connection, layer: RecordLayer[Any], crs: str, *, replace: bool = True
) -> int:
    """Write every record of ``layer`` to its table (created if missing); return the count.

    With ``replace`` the table's rows are deleted first, so it holds exactly the layer.
    """
    srs = ensure_table(con, layer.name, layer.record_type, crs, description=layer.title)
    if replace:
        con.execute(f"DELETE FROM {quote(layer.name)}")
    for record in layer:
        upsert_row(con, layer.name, record.to_row(), encode_geometry(record.geometry, srs))
    return len(layer)


def write_record_tables(path: str | Path, layers: Iterable[Any], crs: str) -> list[str]:
    """Write the record layers among ``layers`` into the GeoPackage ``path`` in one transaction.

    Used by :func:`omgevingsscan.io.project.save_scan` on its temporary file. Returns the
    table names written.
    """
    record_layers = [layer for layer in layers if isinstance(layer, RecordLayer)]
    if not record_layers:
        return []
    con = connect(Path(path), timeout_s=5.0)
    try:
        con.execute("BEGIN IMMEDIATE")
        for layer in record_layers:
            write_layer_table(con, layer, crs)
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return [layer.name for layer in record_layers]
