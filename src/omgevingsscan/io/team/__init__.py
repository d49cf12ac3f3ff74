"""The team's shared scan: PostGIS store, live updates, offline queue, roles, CoT/TAK.

Public face:

- :func:`~omgevingsscan.io.team.publish.publish_scan` / :class:`TeamStore` — one schema
  per scan; one transaction per edit with optimistic versions (:class:`EditConflict`),
  an audit table, PostgreSQL roles with row-level security (:func:`grant`).
- :class:`~omgevingsscan.io.team.listener.Listener` — ``LISTEN``/``NOTIFY`` in a thread.
- :class:`~omgevingsscan.io.team.sync.TeamSync` — follows a scan's record layers, sends
  each edit, applies the others' edits, queues edits in the local GeoPackage while the
  database cannot be reached and sends them when it can.
- :mod:`~omgevingsscan.io.team.cot` — Cursor-on-Target events for ATAK/WinTAK/iTAK.
- :class:`~omgevingsscan.io.team.cluster.LocalCluster` — a throwaway local server.
"""

from __future__ import annotations

from omgevingsscan.io.team.db import (
    TeamError,
    TeamOfflineError,
    TeamPermissionError,
    conninfo_for,
    redact,
    schema_for,
)
from omgevingsscan.io.team.publish import publish_scan
from omgevingsscan.io.team.store import EditConflict, Saved, TeamStore, grant

__all__ = [
    "EditConflict",
    "Saved",
    "TeamError",
    "TeamOfflineError",
    "TeamPermissionError",
    "TeamStore",
    "conninfo_for",
    "grant",
    "publish_scan",
    "redact",
    "schema_for",
]
