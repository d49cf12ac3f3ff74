"""Nothing is lost: every edit of a post, sighting or annotation is written to the scan's
GeoPackage when it is made, in an SQLite transaction, not only on Save.

An :class:`EditStore` follows record layers (their ``added`` / ``changed`` /
``removed`` events, so undo and redo are written too) and upserts or deletes the
edited row. When the file cannot be written (read-only, locked by another program,
gone), the edits go to a *recovery file* in ``settings.config_dir()/recovery/``, one
JSON line per edit, flushed to disk, and the store reports a clear message
(``state`` "recovery", ``message``, the ``status`` event). It retries on later edits
(at most every ``retry_interval_s`` seconds) and on :meth:`EditStore.retry`; once the
file can be written again, the recovery edits are replayed into it and the recovery
file is removed. On the next open :func:`pending_recovery` tells whether a scan has
edits waiting, :func:`apply_recovery` writes them, and :func:`apply_edits_to_scan`
shows them in memory while the file is still read-only.

Store callbacks never raise into the model: a failure is a state and a message.

The package: :mod:`.edits` (the :class:`Edit` record of one change, :class:`ScanWriteError`),
:mod:`.transactions` (writing edits into the GeoPackage in one transaction, :func:`settle`),
:mod:`.recovery` (the recovery file) and :mod:`.store` (the :class:`EditStore` and
:func:`release_file`). Callers import from this package.
"""

from __future__ import annotations

from omgevingsscan.io.journal.edits import RECOVERY_VERSION, STATES, Edit, ScanWriteError
from omgevingsscan.io.journal.recovery import (
    RecoveryInfo,
    apply_edits_to_scan,
    apply_recovery,
    discard_recovery,
    pending_recovery,
    read_recovery,
    recovery_dir,
    recovery_file_for,
)
from omgevingsscan.io.journal.store import EditStore, StoreEvents, release_file
from omgevingsscan.io.journal.transactions import settle, write_edits, write_problem

__all__ = [
    "RECOVERY_VERSION",
    "STATES",
    "Edit",
    "EditStore",
    "RecoveryInfo",
    "ScanWriteError",
    "StoreEvents",
    "apply_edits_to_scan",
    "apply_recovery",
    "discard_recovery",
    "pending_recovery",
    "read_recovery",
    "recovery_dir",
    "recovery_file_for",
    "release_file",
    "settle",
    "write_edits",
    "write_problem",
]
