"""Recovery files: edits kept in ``settings.config_dir()/recovery/`` while the scan file
cannot be written, one JSON line per edit; reading, describing, applying and
discarding them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from omgevingsscan.errors import InputFileError
from omgevingsscan.io.journal.edits import Edit
from omgevingsscan.io.journal.transactions import write_edits
from omgevingsscan.layers.base import layer_class
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.settings import config_dir


# -- recovery files --------------------------------------------------------------------------
def recovery_dir() -> Path:
    """Folder of recovery files: ``settings.config_dir()/recovery``."""
    return config_dir() / "recovery"


def recovery_file_for(path: str | Path) -> Path:
    """The recovery file of scan ``path`` (one per absolute path)."""
    p = Path(path).resolve()
    digest = hashlib.sha1(str(p).encode("utf-8")).hexdigest()[:12]
    return recovery_dir() / f"{p.stem}-{digest}.jsonl"


def read_recovery(path: str | Path) -> list[Edit]:
    """The edits waiting in the recovery file of scan ``path`` (empty when none).

    A damaged last line (the program died while writing it) is skipped; the edit it
    held had not been confirmed to the user.
    """
    rec = recovery_file_for(path)
    if not rec.exists():
        return []
    edits = []
    lines = rec.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            edits.append(Edit.from_json(line))
        except (ValueError, KeyError) as exc:
            if i == len(lines) - 1:
                break
            raise InputFileError(rec, f"line {i + 1} is damaged ({exc})") from exc
    return edits


def _append_recovery(path: Path, edits: list[Edit]) -> Path:
    rec = recovery_file_for(path)
    rec.parent.mkdir(parents=True, exist_ok=True)
    with open(rec, "a", encoding="utf-8") as fh:
        for edit in edits:
            fh.write(edit.to_json(path) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return rec


@dataclass(frozen=True)
class RecoveryInfo:
    """Edits of a scan waiting in a recovery file.

    Attributes
    ----------
    scan_path, recovery_path
        The scan and its recovery file.
    edits
        How many edits wait.
    tables
        Edits per table.
    oldest, newest
        UTC text of the first and last edit.
    """

    scan_path: Path
    recovery_path: Path
    edits: int
    tables: dict[str, int]
    oldest: str
    newest: str

    def message(self) -> str:
        """A sentence for the "recover edits?" dialog or the CLI."""
        parts = ", ".join(f"{n} in {t}" for t, n in sorted(self.tables.items()))
        return (
            f"{self.edits} edits to {self.scan_path.name} ({parts}), made between "
            f"{self.oldest} and {self.newest}, were kept in {self.recovery_path} "
            "because the file could not be written"
        )


def pending_recovery(path: str | Path) -> RecoveryInfo | None:
    """Describe the edits waiting for scan ``path``, or None when there are none."""
    edits = read_recovery(path)
    if not edits:
        return None
    tables: dict[str, int] = {}
    for e in edits:
        tables[e.table] = tables.get(e.table, 0) + 1
    return RecoveryInfo(
        Path(path).resolve(),
        recovery_file_for(path),
        len(edits),
        tables,
        min(e.at for e in edits),
        max(e.at for e in edits),
    )


def apply_recovery(path: str | Path, *, timeout_s: float = 2.0) -> int:
    """Write the waiting edits into scan ``path`` and remove the recovery file.

    Returns the number of edits written (0 when none waited).

    Raises
    ------
    ScanWriteError
        When the file still cannot be written; the recovery file is kept.
    """
    edits = read_recovery(path)
    if not edits:
        return 0
    write_edits(Path(path), edits, timeout_s=timeout_s)
    discard_recovery(path)
    return len(edits)


def discard_recovery(path: str | Path) -> None:
    """Delete the recovery file of scan ``path`` (after applying it, or on the user's word)."""
    with contextlib.suppress(FileNotFoundError):
        recovery_file_for(path).unlink()


def apply_edits_to_scan(scan: Any, edits: list[Edit]) -> int:
    """Replay ``edits`` on the record layers of ``scan`` in memory (no undo, no events to a
    store that is not attached yet). Missing layers are created. Returns the count applied.
    """
    n = 0
    for edit in edits:
        layer = scan.layers.get(edit.table)
        if layer is None:
            cls = layer_class(edit.kind)
            style = edit.state.get("style")
            layer = cls(edit.table, crs=scan.crs, style=style)
            scan.layers.append(layer)
        if not isinstance(layer, RecordLayer):
            raise ValueError(f"layer {edit.table!r} is not a record layer")
        if edit.op == "delete":
            if edit.uuid in layer:
                layer.remove(edit.uuid)
        else:
            record = edit.record()
            if record.uuid in layer:
                layer.replace(record)
            else:
                layer.insert(record)
        n += 1
    return n
