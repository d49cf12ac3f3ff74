"""Connections to the team database: connection strings, service names, errors.

A *target* is what the user types: a libpq connection string or URI
(``postgresql://user@host:5432/db``, ``host=... dbname=...``) or the name of a service
in ``pg_service.conf`` (``service=teamdb`` or just ``teamdb``). Passwords are never
stored by omgevingsscan: libpq reads them from ``~/.pgpass`` (or ``PGPASSFILE``), the
service file or ``PGPASSWORD``; :func:`redact` removes one from any text shown or saved.
"""

from __future__ import annotations

import re
from typing import Any

import psycopg
from psycopg import conninfo as ci

from omgevingsscan.errors import OmgevingsscanError

#: Seconds to wait for the server before a connection counts as failed (offline).
CONNECT_TIMEOUT_S = 3
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class TeamError(OmgevingsscanError, RuntimeError):
    """A problem with the shared scan (connection, permission, missing schema)."""


class TeamOfflineError(TeamError):
    """The team database cannot be reached now."""


class TeamPermissionError(TeamError):
    """The database refused the edit for this user's role."""


def conninfo_for(target: str) -> str:
    """Return a libpq connection string for ``target`` (URI, key=value or service name).

    Raises
    ------
    TeamError
        When ``target`` is empty or not a valid connection string.
    """
    text = (target or "").strip()
    if not text:
        raise TeamError("no database given (use --db postgresql://host/db or a service name)")
    if "://" not in text and "=" not in text:
        text = f"service={text}"
    try:
        params = ci.conninfo_to_dict(text)
    except psycopg.ProgrammingError as exc:
        raise TeamError(f"{redact(text)}: not a PostgreSQL connection string ({exc})") from exc
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    params.setdefault("application_name", "omgevingsscan")
    return ci.make_conninfo(**params)


def redact(text: str) -> str:
    """``text`` with any password in it replaced by ``***`` (for messages and settings)."""
    text = re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)
    return re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", text, flags=re.IGNORECASE)


def describe(conninfo: str) -> str:
    """Short "user@host:port/db" text of a connection string (no password)."""
    try:
        p = ci.conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError:
        return redact(conninfo)
    if p.get("service") and not p.get("host"):
        return f"service {p['service']}"
    user = f"{p['user']}@" if p.get("user") else ""
    port = f":{p['port']}" if p.get("port") else ""
    return f"{user}{p.get('host', 'localhost')}{port}/{p.get('dbname', '')}"


def connect(conninfo: str, *, autocommit: bool = False) -> psycopg.Connection[Any]:
    """Open a connection; TeamOfflineError (one line, no password) when it fails."""
    try:
        return psycopg.connect(conninfo, autocommit=autocommit)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise TeamOfflineError(
            f"cannot reach the team database {describe(conninfo)}: {redact(first)}"
        ) from exc


def check_ident(name: str, what: str = "schema name") -> str:
    """Return ``name`` if it is a plain lower-case SQL identifier, else raise TeamError."""
    if not _IDENT.match(name):
        raise TeamError(
            f"{what} {name!r} must be lower-case letters, digits and _ (at most 63, "
            "not starting with a digit)"
        )
    return name


def schema_for(stem: str) -> str:
    """A schema name derived from a scan file name (``Town hall 2024`` → ``town_hall_2024``)."""
    name = re.sub(r"[^a-z0-9_]+", "_", stem.lower()).strip("_") or "scan"
    if name[0].isdigit():
        name = f"scan_{name}"
    return name[:63]
