"""Edits waiting for the team database, kept in the local GeoPackage.

While the database cannot be reached, each edit is written (with the version it was
based on) into the table ``omgevingsscan_team_outbox`` of the scan's local GeoPackage
(the same file the :mod:`~omgevingsscan.io.journal` writes the records into), in an
SQLite transaction, so a crash or a closed laptop loses nothing. Without a local file
the queue is kept in memory.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from omgevingsscan.io.journal import Edit

TABLE = "omgevingsscan_team_outbox"


class Outbox:
    """A first-in first-out queue of ``(edit, base version)`` for shared scan ``schema``."""

    def __init__(self, schema: str, path: str | Path | None = None) -> None:
        self.schema = schema
        self.path = Path(path) if path else None
        self._memory: list[tuple[int, Edit, int | None]] = []
        self._seq = 0
        self._lock = threading.Lock()
        if self.path is not None:
            with self._con() as con:
                con.execute(
                    f"CREATE TABLE IF NOT EXISTS {TABLE} (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    " schema TEXT NOT NULL, uuid TEXT NOT NULL, base INTEGER, edit TEXT NOT NULL)"
                )

    @contextlib.contextmanager
    def _con(self) -> Iterator[sqlite3.Connection]:
        """A connection for one transaction (committed, then closed)."""
        assert self.path is not None
        con = sqlite3.connect(self.path, timeout=5.0)
        try:
            with con:
                yield con
        finally:
            con.close()

    def add(self, edit: Edit, base: int | None) -> None:
        """Queue ``edit`` (committed to disk before returning)."""
        with self._lock:
            if self.path is None:
                self._seq += 1
                self._memory.append((self._seq, edit, base))
                return
            with self._con() as con:
                con.execute(
                    f"INSERT INTO {TABLE} (schema, uuid, base, edit) VALUES (?, ?, ?, ?)",
                    (self.schema, edit.uuid, base, edit.to_json(self.path)),
                )

    def items(self) -> list[tuple[int, Edit, int | None]]:
        """The waiting edits, oldest first: ``(seq, edit, base)``."""
        with self._lock:
            if self.path is None:
                return list(self._memory)
            with self._con() as con:
                rows = con.execute(
                    f"SELECT seq, edit, base FROM {TABLE} WHERE schema = ? ORDER BY seq",
                    (self.schema,),
                ).fetchall()
            return [(seq, Edit.from_json(text), base) for seq, text, base in rows]

    def remove(self, seq: int) -> None:
        """Drop edit ``seq`` (it reached the database, or was refused and reported)."""
        with self._lock:
            if self.path is None:
                self._memory = [m for m in self._memory if m[0] != seq]
                return
            with self._con() as con:
                con.execute(f"DELETE FROM {TABLE} WHERE seq = ?", (seq,))

    def __len__(self) -> int:
        with self._lock:
            if self.path is None:
                return len(self._memory)
            with self._con() as con:
                row = con.execute(
                    f"SELECT count(*) FROM {TABLE} WHERE schema = ?", (self.schema,)
                ).fetchone()
            return int(row[0])
