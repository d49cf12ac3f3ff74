"""Writing edits into the scan GeoPackage: one SQLite transaction per batch, the reason
why a file cannot be written, and folding a leftover write-ahead log into the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

import shapely

from omgevingsscan.io import gpkg_records as g
from omgevingsscan.io.journal.edits import Edit, ScanWriteError, _record_type
from omgevingsscan.layers.base import layer_class


# -- writing -------------------------------------------------------------------------------
def write_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written, checked before opening it, or None.

    A file without any write permission bit counts as read-only even for root (like
    editors do), so the user's "read-only" mark is respected.
    """
    if not path.exists():
        return "the file is missing"
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.parent, os.W_OK):
        return "its folder is read-only"
    return None


def _reason(exc: BaseException) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "it is locked by another program"
    if "readonly" in text or "read-only" in text:
        return "the file is read-only"
    if "unable to open" in text:
        return "the file cannot be opened"
    if "disk is full" in text or "no space" in text:
        return "the disk is full"
    return str(exc)


def _apply(
    con: sqlite3.Connection,
    edits: list[Edit],
    tables: dict[str, int],
    fids: dict[tuple[str, str], int] | None = None,
) -> None:
    """Apply ``edits`` on ``con`` in one transaction; ``tables`` caches table srs ids,
    ``fids`` remembers the feature ids of deleted rows so an undone delete gets its id back.
    """
    fids = {} if fids is None else fids
    con.execute("BEGIN IMMEDIATE")
    try:
        for edit in edits:
            if edit.table not in tables:
                tables[edit.table] = g.ensure_table(
                    con,
                    edit.table,
                    _record_type(edit.kind),
                    edit.crs,
                    description=layer_class(edit.kind).title,
                    state=edit.state,
                )
            key = (edit.table, edit.uuid)
            if edit.op == "delete":
                fid = g.delete_row(con, edit.table, edit.uuid)
                if fid is not None:
                    fids[key] = fid
            else:
                assert edit.row is not None and edit.wkb is not None
                blob = g.encode_geometry(shapely.from_wkb(edit.wkb), tables[edit.table])
                g.upsert_row(con, edit.table, edit.row, blob, fids.pop(key, None))
        g.touch_contents(con, {e.table for e in edits})
        con.execute("COMMIT")
    except BaseException:
        tables.clear()
        with contextlib.suppress(sqlite3.Error):
            if con.in_transaction:
                con.execute("ROLLBACK")
        raise


def write_edits(path: Path, edits: list[Edit], *, timeout_s: float = 0.5) -> None:
    """Apply ``edits`` to the GeoPackage ``path`` in one SQLite transaction (own connection).

    Raises
    ------
    ScanWriteError
        When the file cannot be written; nothing of ``edits`` is written then.
    """
    problem = write_problem(path)
    if problem:
        raise ScanWriteError(path, problem)
    try:
        con = g.connect(path, timeout_s=timeout_s)
    except sqlite3.Error as exc:
        raise ScanWriteError(path, _reason(exc)) from exc
    try:
        _apply(con, edits, {})
    except (sqlite3.Error, ValueError, OSError) as exc:
        raise ScanWriteError(path, _reason(exc)) from exc
    finally:
        con.close()


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def settle(path: str | Path) -> bool:
    """Fold a write-ahead log left next to ``path`` (by a crash) into the file itself.

    Returns True when the file is now a single file (no ``-wal`` beside it). A
    read-only file is left as it is (readers still see the logged edits).
    """
    p = Path(path)
    wal = p.with_name(p.name + "-wal")
    if not wal.exists():
        return True
    if write_problem(p):
        return False
    try:
        con = g.connect(p, timeout_s=2.0)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return not wal.exists()


#: Stores with an open connection, so :func:`release_file` can close them before the
