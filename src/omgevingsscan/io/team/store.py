"""The shared scan's records: one transaction per edit, optimistic versions, audit.

A :class:`TeamStore` is one connection to one shared scan (schema). :meth:`save`
writes one edit (an :class:`~omgevingsscan.io.journal.Edit`, the same unit the local
journal writes) in one transaction, on the condition that the row still has the
version the editor started from. When someone else saved in between, nothing is
changed, the refused version is kept in the audit table (``op`` = ``conflict``) and
:class:`EditConflict` carries both versions, so the user picks one; saving again with
``base`` = the other's version keeps one's own. Nobody's save is silently lost.
"""

from __future__ import annotations

import contextlib
import getpass
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import shapely

from omgevingsscan.io.journal import Edit
from omgevingsscan.io.team import publish
from omgevingsscan.io.team import schema as sql
from omgevingsscan.io.team.db import (
    TeamError,
    TeamOfflineError,
    TeamPermissionError,
    check_ident,
    connect,
    describe,
)
from omgevingsscan.layers.base import layer_class
from omgevingsscan.layers.records import Record, RecordLayer
from omgevingsscan.scan import Scan


class EditConflict(TeamError):
    """The record was saved by someone else since this editor read it.

    Attributes
    ----------
    edit
        The refused edit (kept in the audit table).
    base
        The version it was based on.
    theirs
        The record as it is in the database now (None when it was deleted).
    their_version, their_editor
        Its version and who saved it.
    """

    def __init__(self, edit: Edit, base: int | None, theirs: Record | None,
                 their_version: int, their_editor: str) -> None:  # fmt: skip
        self.edit, self.base = edit, base
        self.theirs, self.their_version, self.their_editor = theirs, their_version, their_editor
        what = "deleted it" if theirs is None else f"saved version {their_version}"
        super().__init__(
            f"{edit.table} {edit.uuid}: {their_editor or 'someone'} {what} since you "
            f"read version {base}; your change was not saved (it is kept in the audit table)"
        )


@dataclass(frozen=True)
class Saved:
    """A row as stored: the record, its version and who saved it when."""

    record: Record
    version: int
    editor: str
    edited_at: Any


def _record_type(kind: str) -> type[Record]:
    cls = layer_class(kind)
    assert issubclass(cls, RecordLayer)
    return cls.record_type


class TeamStore:
    """A connection to shared scan ``schema``; ``editor`` names the user in the audit."""

    def __init__(self, conninfo: str, schema: str, editor: str = "") -> None:
        self.conninfo = conninfo
        self.schema = check_ident(schema)
        self.editor = editor or getpass.getuser()
        self.conn: psycopg.Connection[Any] | None = None
        self._meta: dict[str, Any] | None = None
        self.srid = 0

    # -- connection ---------------------------------------------------------------------------
    def open(self) -> TeamStore:
        """Connect (TeamOfflineError when the server cannot be reached)."""
        if self.conn is None or self.conn.closed:
            self.conn = connect(self.conninfo)
            self._meta = publish.read_meta(self.conn, self.schema)
            self.conn.commit()
            self.srid = publish.srid_of(self._meta["crs"])
        return self

    def ping(self) -> None:
        """Make sure the connection works (reconnecting once); TeamOfflineError if not."""
        conn = self._c()
        try:
            conn.execute("SELECT 1")
            conn.rollback()
        except psycopg.OperationalError:
            self.conn = None
            self.open()

    def close(self) -> None:
        """Close the connection."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    @property
    def where(self) -> str:
        """The database and scan, for messages: ``user@host:port/db, scan S``."""
        return f"{describe(self.conninfo)}, scan {self.schema}"

    def _c(self) -> psycopg.Connection[Any]:
        if self.conn is None or self.conn.closed or self.conn.broken:
            self.conn = None
            self.open()
        assert self.conn is not None
        return self.conn

    @property
    def meta(self) -> dict[str, Any]:
        """The scan metadata as published."""
        if self._meta is None:
            self.open()
        assert self._meta is not None
        return self._meta

    def table_kinds(self) -> dict[str, str]:
        """Record tables and their kinds (posts, sightings, annotations)."""
        return {
            s["name"]: s["kind"]
            for s in self.meta["layers"]
            if issubclass(layer_class(s["kind"]), RecordLayer)
        }

    # -- reading -------------------------------------------------------------------------------
    def fetch(self, table: str, uuids: list[str] | None = None) -> list[Saved]:
        """Rows of record table ``table`` (all, or those of ``uuids``), oldest first."""
        kind = self.table_kinds().get(table)
        if kind is None:
            raise TeamError(f"{self.where}: no record table {table!r}")
        rtype = _record_type(kind)
        names = [n for n, _ in rtype.COLUMNS]
        cols = ", ".join(sql.q(n) for n in names)
        where = "" if uuids is None else "WHERE uuid = ANY(%s)"
        with self._transaction() as conn, conn.cursor() as cur:
            cur.execute(
                f"SELECT {cols}, version, editor, edited_at, ST_AsBinary(geom) FROM "
                f"{sql.q(self.schema)}.{sql.q(table)} {where} ORDER BY edited_at, uuid",
                () if uuids is None else (uuids,),
            )
            rows = cur.fetchall()
        out = []
        for row in rows:
            values = dict(zip(names, row[: len(names)]))
            version, editor, at, wkb = row[len(names) :]
            out.append(Saved(rtype.from_row(values, shapely.from_wkb(wkb)), version, editor, at))
        return out

    def load_scan(self) -> tuple[Scan, dict[str, int]]:
        """The whole shared scan and the version of every record."""

        def records(table: str, kind: str) -> list[tuple[Record, int]]:
            return [(s.record, s.version) for s in self.fetch(table)]

        conn = self._c()
        try:
            return publish.read_scan(conn, self.schema, records)
        finally:
            conn.rollback()

    def history(self, uuid: str) -> list[dict[str, Any]]:
        """Every audit entry of record ``uuid``, oldest first."""
        with self._transaction() as conn, conn.cursor() as cur:
            cur.execute(
                f"SELECT id, at, tbl, op, version, editor, db_user, data FROM "
                f"{sql.q(self.schema)}.audit WHERE uuid = %s ORDER BY id",
                (uuid,),
            )
            names = [d.name for d in cur.description or []]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    # -- writing -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """One transaction; a lost connection is TeamOfflineError, a refusal by the
        database's rights TeamPermissionError (both one line)."""
        conn = self._c()
        try:
            with conn.transaction():
                yield conn
        except psycopg.OperationalError as exc:
            self.conn = None
            raise TeamOfflineError(f"{self.where}: the connection was lost") from exc
        except psycopg.errors.InsufficientPrivilege as exc:
            first = str(exc).strip().splitlines()[0]
            raise TeamPermissionError(f"{self.where}: {first}") from exc

    def save(self, edit: Edit, base: int | None) -> int:
        """Write ``edit`` if the row still has version ``base`` (None: a new record).

        Returns the new version (0 after a delete).

        Raises
        ------
        EditConflict
            When the row changed since ``base``; nothing was changed.
        TeamPermissionError
            When the user's role may not make this edit (row-level security).
        TeamOfflineError
            When the database cannot be reached; nothing was changed.
        """
        with self._transaction() as conn, conn.cursor() as cur:
            result = self._save(cur, edit, base)
        if isinstance(result, int):
            return result
        version, editor = result
        theirs = self.fetch(edit.table, [edit.uuid]) if version else []
        raise EditConflict(edit, base, theirs[0].record if theirs else None, version, editor)

    def _save(
        self, cur: psycopg.Cursor[Any], edit: Edit, base: int | None
    ) -> int | tuple[int, str]:
        """The body of :meth:`save`; a (version, editor) pair means refused."""
        t = f"{sql.q(self.schema)}.{sql.q(edit.table)}"
        cur.execute(f"SELECT version, editor FROM {t} WHERE uuid = %s", (edit.uuid,))
        now = cur.fetchone()
        if edit.op == "delete":
            if now is None:
                return 0
            if base is not None and now[0] != base:
                return self._refuse(cur, edit, base, now[0], now[1])
            cur.execute(f"DELETE FROM {t} WHERE uuid = %s", (edit.uuid,))
            if cur.rowcount != 1:
                raise TeamPermissionError(
                    f"{self.where}: you may not delete {edit.table} {edit.uuid} "
                    "(observers can delete only their own records)"
                )
            return 0
        assert edit.row is not None and edit.wkb is not None
        names = list(edit.row)
        values = [edit.row[n] for n in names]
        if now is None:
            if base:
                return self._refuse(cur, edit, base, 0, "")
            cols = ", ".join(sql.q(n) for n in names)
            cur.execute(
                f"INSERT INTO {t} ({cols}, editor, geom) VALUES "
                f"({', '.join(['%s'] * len(names))}, %s, ST_GeomFromWKB(%s, {self.srid})) "
                "RETURNING version",
                [*values, self.editor, edit.wkb],
            )
            return int(cur.fetchone()[0])  # type: ignore[index]
        if base != now[0]:
            same = self._same_as_stored(edit)
            if same:
                return int(now[0])  # a resend of what is already there
            return self._refuse(cur, edit, base, now[0], now[1])
        sets = ", ".join(f"{sql.q(n)} = %s" for n in names if n != "uuid")
        cur.execute(
            f"UPDATE {t} SET {sets}, editor = %s, geom = ST_GeomFromWKB(%s, {self.srid}) "
            "WHERE uuid = %s AND version = %s RETURNING version",
            [*(edit.row[n] for n in names if n != "uuid"), self.editor, edit.wkb,
             edit.uuid, base],
        )  # fmt: skip
        row = cur.fetchone()
        if row is None:
            raise TeamPermissionError(
                f"{self.where}: you may not change {edit.table} {edit.uuid} "
                "(observers can change only their own sightings)"
            )
        return int(row[0])

    def _same_as_stored(self, edit: Edit) -> bool:
        found = self.fetch(edit.table, [edit.uuid])
        return bool(found) and found[0].record.same_content(edit.record())

    def _refuse(self, cur: psycopg.Cursor[Any], edit: Edit, base: int | None, version: int,
                editor: str) -> tuple[int, str]:  # fmt: skip
        cur.execute(
            f"INSERT INTO {sql.q(self.schema)}.audit (tbl, uuid, op, version, editor, data, geom) "
            f"VALUES (%s, %s, 'conflict', %s, %s, %s, ST_GeomFromWKB(%s, {self.srid}))",
            (edit.table, edit.uuid, base, self.editor, json.dumps(edit.row), edit.wkb),
        )
        return (version, editor)

    def set_meta(self, meta: dict[str, Any]) -> None:
        """Replace the scan metadata (the site, radius, styles): the advisor's right."""
        with self._transaction() as conn, conn.cursor() as cur:
            cur.execute(
                f"UPDATE {sql.q(self.schema)}.meta SET value = %s WHERE key = 'scan'",
                (json.dumps(meta, default=str),),
            )
        self._meta = dict(meta)


def grant(conn: psycopg.Connection[Any], user: str, role: str, *, create: bool = False) -> None:
    """Make login role ``user`` an ``observer`` or ``advisor`` (``create``: make the login
    role first, without a password: set one with ``ALTER ROLE`` or use other auth)."""
    check_ident(user, "user name")
    if role not in sql.ROLES:
        raise TeamError(f"role {role!r} unknown; use observer or advisor")
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(sql.roles_sql())
        if create:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (user,))
            if cur.fetchone() is None:
                cur.execute(f"CREATE ROLE {sql.q(user)} LOGIN")
        cur.execute(f"GRANT {sql.ROLES[role]} TO {sql.q(user)}")
