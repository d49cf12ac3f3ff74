"""The editor's link to its file: opening a scan with its waiting recovery edits, the
:class:`~omgevingsscan.io.journal.EditStore` that writes every edit at once, Save / Save As,
and setting a declined recovery file aside.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from omgevingsscan.errors import InputFileError
from omgevingsscan.io.journal import (
    EditStore,
    apply_edits_to_scan,
    apply_recovery,
    pending_recovery,
    read_recovery,
    recovery_file_for,
    settle,
    write_problem,
)
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.records import RecordLayer, format_utc, utc_now
from omgevingsscan.scan import Scan
from omgevingsscan.undo import CommandStack


class PersistenceLink:
    """Keeps the record layers of ``scan`` written to its file through an :class:`EditStore`.

    Parameters
    ----------
    scan
        The scan being edited.
    stack
        The undo stack; its transaction becomes the store's batch, so a step's edits are
        written in one SQLite transaction.
    """

    def __init__(self, scan: Scan, stack: CommandStack) -> None:
        self.scan = scan
        self.stack = stack
        self.store: EditStore | None = None

    def use(self, store: EditStore) -> None:
        """Write through ``store`` from now on (every record layer of the scan is followed)."""
        self.store = store
        self.stack.transaction = store.batch
        for layer in self.scan.layers:
            if isinstance(layer, RecordLayer):
                store.attach(layer)

    def follow(self, layer: RecordLayer[Any]) -> None:
        """Persist a record layer added to the scan after the store was set up."""
        if self.store is not None:
            self.store.attach(layer)

    def save(self, path: str | Path | None = None) -> Path:
        """Save the whole scan to ``path`` (default: its file) and follow it (see
        :meth:`ObservationEditor.save`)."""
        target = Path(path) if path is not None else (self.store.path if self.store else None)
        if target is None:
            raise InputFileError(Path("."), "the scan has no file yet; choose where to save it")
        if target.exists():
            problem = write_problem(target)
            if problem:
                raise InputFileError(target, f"cannot be saved ({problem}); use Save As")
        out = save_scan(self.scan, target)
        if self.store is None:
            self.use(EditStore(out, self.scan.crs))
        else:
            self.store.relocate(out)
        self.stack.set_clean()
        return out

    def close(self) -> None:
        """Write what is pending and stop following the layers."""
        if self.store is not None:
            self.store.close()


def open_scan(path: str | Path, *, recover: bool = True) -> tuple[Scan, int]:
    """Load the scan at ``path`` with its waiting recovery edits (see
    :meth:`ObservationEditor.open`); returns the scan and how many edits were recovered."""
    p = Path(path)
    recovered = 0
    settle(p)  # fold a write-ahead log left by a crash into the file
    if pending_recovery(p) is not None:
        if recover:
            with contextlib.suppress(InputFileError):
                recovered = apply_recovery(p)
        else:
            set_aside_recovery(p)
    scan = load_scan(p)
    leftover = read_recovery(p)
    if leftover:
        recovered += apply_edits_to_scan(scan, leftover)
    return scan, recovered


def recover_into(scan: Scan, path: str | Path, *, recover: bool = True) -> int:
    """Handle the recovery edits of ``scan``, already loaded from ``path`` (see
    :meth:`ObservationEditor.for_scan`); returns how many were replayed on ``scan``."""
    p = Path(path)
    recovered = 0
    if pending_recovery(p) is not None:
        if recover:
            edits = read_recovery(p)
            with contextlib.suppress(InputFileError):
                apply_recovery(p)
            recovered = apply_edits_to_scan(scan, edits)
        else:
            set_aside_recovery(p)
    return recovered


def set_aside_recovery(path: str | Path) -> Path | None:
    """Rename the recovery file of scan ``path`` to ``*-declined-<time>.jsonl`` (nothing is
    deleted); returns the new path, or None when there was no recovery file."""
    rec = recovery_file_for(path)
    if not rec.exists():
        return None
    stamp = format_utc(utc_now()).replace(":", "").replace(".", "")
    target = rec.with_name(f"{rec.stem}-declined-{stamp}.jsonl")
    os.replace(rec, target)
    return target
