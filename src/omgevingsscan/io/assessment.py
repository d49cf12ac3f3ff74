"""The advice data kept in the scan's metadata: the threat context and the contacts.

They are small and not geographic, so they live in the scan metadata
(``meta["assessment"]``) and are written into the GeoPackage at once, in one SQLite
transaction, like the record edits. Contacts are only printed on the police handout;
nothing is sent anywhere.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from omgevingsscan.errors import InputFileError
from omgevingsscan.io import gpkg_records as g

#: Longest threat context accepted, characters.
MAX_THREAT = 5000


def check_contacts(contacts: object) -> list[dict[str, str]]:
    """Return ``contacts`` as a list of ``{"role", "name", "phone"}`` (ValueError if not)."""
    if not isinstance(contacts, list):
        raise ValueError("contacts must be a list")
    out = []
    for c in contacts:
        if not isinstance(c, dict):
            raise ValueError(f"contact {c!r} is not role/name/phone")
        item = {k: str(c.get(k, "") or "").strip()[:200] for k in ("role", "name", "phone")}
        if not (item["name"] or item["phone"]):
            raise ValueError("a contact needs a name or a phone number")
        out.append(item)
    return out


def parse_contact(text: str) -> dict[str, str]:
    """Parse "role;name;phone" (ValueError when it is not of that form)."""
    parts = [p.strip() for p in text.split(";")]
    if len(parts) != 3:
        raise ValueError(f"contact {text!r} is not of the form ROLE;NAME;PHONE")
    return check_contacts([dict(zip(("role", "name", "phone"), parts, strict=True))])[0]


def update_assessment(meta: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """Return ``meta``'s assessment data with ``changes`` (threat, contacts) applied, checked."""
    data = dict(meta.get("assessment") or {})
    if changes.get("threat") is not None:
        threat = str(changes["threat"]).strip()
        if len(threat) > MAX_THREAT:
            raise ValueError(f"the threat context is longer than {MAX_THREAT} characters")
        data["threat"] = threat
    if changes.get("contacts") is not None:
        data["contacts"] = check_contacts(changes["contacts"])
    return data


def write_assessment(path: str | Path, data: dict[str, Any], *, timeout_s: float = 2.0) -> None:
    """Store ``data`` as ``meta["assessment"]`` in the scan file ``path`` (one transaction).

    Raises
    ------
    InputFileError
        When the file is not a scan or cannot be written.
    """
    p = Path(path)
    try:
        con = g.connect(p, timeout_s=timeout_s)
    except sqlite3.Error as exc:
        raise InputFileError(p, f"cannot be written ({exc})") from exc
    try:
        con.execute("BEGIN IMMEDIATE")
        row = con.execute(f"SELECT value FROM {g.META_TABLE} WHERE key = 'scan'").fetchone()
        if row is None:
            raise InputFileError(p, "not an omgevingsscan project (metadata row missing)")
        meta = json.loads(row[0])
        inner = meta.setdefault("meta", {})
        inner["assessment"] = data
        con.execute(
            f"UPDATE {g.META_TABLE} SET value = ? WHERE key = 'scan'",
            (json.dumps(meta, default=str),),
        )
        con.execute("COMMIT")
    except sqlite3.Error as exc:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise InputFileError(p, f"cannot be written ({exc})") from exc
    finally:
        con.close()
