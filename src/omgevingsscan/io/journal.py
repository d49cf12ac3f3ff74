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
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import stat
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from psygnal import Signal, SignalGroup

from omgevingsscan.errors import InputFileError
from omgevingsscan.io import gpkg_records as g
from omgevingsscan.layers.base import layer_class
from omgevingsscan.layers.records import Record, RecordLayer, format_utc, utc_now
from omgevingsscan.settings import config_dir

#: Store states: everything is in the file; edits wait in the recovery file; edits are
#: only in memory (even the recovery file could not be written).
STATES = ("saved", "recovery", "unsaved")
RECOVERY_VERSION = 1


class ScanWriteError(InputFileError):
    """The scan file cannot be written now (read-only, locked, missing).

    ``problem`` is the short cause ("the file is read-only"); ``extra`` is appended.
    """

    def __init__(self, path: str | Path, problem: str, extra: str = "") -> None:
        self.problem = problem
        super().__init__(path, f"cannot be written ({problem})" + (f"; {extra}" if extra else ""))


@dataclass(frozen=True)
class Edit:
    """One persisted change of a record table.

    Attributes
    ----------
    op
        "upsert" or "delete".
    table
        Table (layer) name.
    kind
        Layer kind ("posts", "sightings", "annotations"), to rebuild the table.
    state
        The layer's JSON state (for the scan metadata when the table is created).
    uuid
        The record.
    row
        The record's attributes (upserts), as :meth:`Record.to_row` gives them.
    wkb
        The geometry as ISO WKB (upserts).
    crs
        The CRS of the geometry.
    at
        When the edit was made (UTC text).
    """

    op: str
    table: str
    kind: str
    state: dict[str, Any]
    uuid: str
    row: dict[str, Any] | None
    wkb: bytes | None
    crs: str
    at: str

    @classmethod
    def upsert(cls, layer: RecordLayer[Any], record: Record, crs: str) -> Edit:
        """Snapshot of ``record`` as it is now."""
        return cls(
            "upsert",
            layer.name,
            layer.kind,
            layer.state(),
            record.uuid,
            record.to_row(),
            shapely.to_wkb(record.geometry, byte_order=1, flavor="iso"),
            crs,
            format_utc(utc_now()),
        )

    @classmethod
    def delete(cls, layer: RecordLayer[Any], uuid: str, crs: str) -> Edit:
        """Deletion of record ``uuid``."""
        return cls(
            "delete", layer.name, layer.kind, layer.state(), uuid, None, None, crs,
            format_utc(utc_now()),
        )  # fmt: skip

    def to_json(self, file: Path) -> str:
        """One JSON line for the recovery file."""
        return json.dumps(
            {
                "v": RECOVERY_VERSION,
                "file": str(file),
                "op": self.op,
                "table": self.table,
                "kind": self.kind,
                "state": self.state,
                "uuid": self.uuid,
                "row": self.row,
                "wkb": self.wkb.hex() if self.wkb is not None else None,
                "crs": self.crs,
                "at": self.at,
            },
            ensure_ascii=False,
            default=str,
        )

    @classmethod
    def from_json(cls, line: str) -> Edit:
        """Parse a recovery line (ValueError when it is damaged)."""
        d = json.loads(line)
        if d.get("op") not in ("upsert", "delete"):
            raise ValueError(f"unknown edit {d.get('op')!r}")
        wkb = bytes.fromhex(d["wkb"]) if d.get("wkb") else None
        return cls(
            d["op"], d["table"], d["kind"], d.get("state") or {"kind": d["kind"], "name": d["table"]},
            d["uuid"], d.get("row"), wkb, d["crs"], d.get("at", ""),
        )  # fmt: skip

    def record(self) -> Record:
        """The record of an upsert, rebuilt and validated."""
        if self.op != "upsert" or self.row is None or self.wkb is None:
            raise ValueError("only an upsert carries a record")
        rtype = _record_type(self.kind)
        return rtype.from_row(self.row, shapely.from_wkb(self.wkb))


def _record_type(kind: str) -> type[Record]:
    cls = layer_class(kind)
    if not issubclass(cls, RecordLayer):
        raise ValueError(f"layer kind {kind!r} holds no records")
    return cls.record_type


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
#: project file is replaced (a write-ahead log must never outlive its file).
_OPEN_STORES: weakref.WeakSet[EditStore] = weakref.WeakSet()


def release_file(path: str | Path) -> None:
    """Close every edit-store connection on ``path`` and fold its write-ahead log.

    :func:`omgevingsscan.io.project.save_scan` calls this just before it replaces the
    file; the stores reconnect on their next edit.
    """
    p = Path(path).resolve()
    for store in list(_OPEN_STORES):
        if store.path == p:
            store.suspend()
    settle(p)


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run an EditStore method under the store's lock (the UI may release the file from a
    worker thread through :func:`release_file`)."""

    @functools.wraps(method)
    def wrapper(self: EditStore, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


class StoreEvents(SignalGroup):
    """Events of an :class:`EditStore`."""

    #: State changed or a new problem arose: (state, message); message "" when saved.
    status = Signal(str, str)
    #: Edits written to the scan file: how many.
    written = Signal(int)


class EditStore:
    """Writes every record edit into the scan GeoPackage as it happens.

    Parameters
    ----------
    path
        The scan file (.gpkg). It must exist (save the scan first).
    crs
        The scan's CRS (of every geometry written).
    busy_timeout_s
        How long a write waits for another program's lock before the edit goes to the
        recovery file, seconds.
    retry_interval_s
        While in recovery, how often an edit tries the file again, seconds.

    Attributes
    ----------
    state
        "saved", "recovery" or "unsaved" (see :data:`STATES`).
    message
        Why the file could not be written, for the status bar; "" when saved.
    """

    def __init__(
        self,
        path: str | Path,
        crs: str,
        *,
        busy_timeout_s: float = 0.5,
        retry_interval_s: float = 10.0,
    ) -> None:
        self.events = StoreEvents()
        self.path = Path(path).resolve()
        self.crs = crs
        self.busy_timeout_s = busy_timeout_s
        self.retry_interval_s = retry_interval_s
        self.state = "saved"
        self.message = ""
        self.written_count = 0
        self._problem = ""
        self._con: sqlite3.Connection | None = None
        self._con_id: tuple[int, int] | None = None
        self._tables: dict[str, int] = {}
        self._fids: dict[tuple[str, str], int] = {}
        self._lock = threading.RLock()
        self._pending: list[Edit] = []
        self._unsaved: list[Edit] = []
        self._depth = 0
        self._last_try = 0.0
        self._layers: dict[int, tuple[RecordLayer[Any], list[tuple[Any, Callable[..., None]]]]] = {}
        if recovery_file_for(self.path).exists():
            info = pending_recovery(self.path)
            if info is not None:
                self._set_state("recovery", info.message())

    # -- following layers ----------------------------------------------------------------------
    def attach(self, layer: RecordLayer[Any]) -> None:
        """Persist every change of ``layer`` from now on."""
        if id(layer) in self._layers:
            return

        def on_added(uuid: str) -> None:
            self.record_upsert(layer, uuid)

        def on_removed(uuid: str) -> None:
            self.record_delete(layer, uuid)

        conns = [
            (layer.events.added, on_added),
            (layer.events.changed, on_added),
            (layer.events.removed, on_removed),
        ]
        for signal, slot in conns:
            signal.connect(slot)
        self._layers[id(layer)] = (layer, conns)

    def detach(self, layer: RecordLayer[Any]) -> None:
        """Stop following ``layer``."""
        entry = self._layers.pop(id(layer), None)
        if entry:
            for signal, slot in entry[1]:
                signal.disconnect(slot)

    def close(self) -> None:
        """Flush, close the connection (one file again) and stop following every layer."""
        self.flush()
        self.suspend()
        for layer, _ in list(self._layers.values()):
            self.detach(layer)

    # -- edits -----------------------------------------------------------------------------------
    def record_upsert(self, layer: RecordLayer[Any], uuid: str) -> None:
        """Persist the current state of record ``uuid`` of ``layer``."""
        self._pending.append(Edit.upsert(layer, layer.get(uuid), self.crs))
        self._maybe_flush()

    def record_delete(self, layer: RecordLayer[Any], uuid: str) -> None:
        """Persist the deletion of record ``uuid`` of ``layer``."""
        self._pending.append(Edit.delete(layer, uuid, self.crs))
        self._maybe_flush()

    def write_layer(self, layer: RecordLayer[Any]) -> None:
        """Persist every record of ``layer`` (e.g. when it is first attached to a file)."""
        with self.batch():
            for record in layer:
                self._pending.append(Edit.upsert(layer, record, self.crs))

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Write the edits made inside the block in one transaction, at its end."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self._maybe_flush()

    def _maybe_flush(self) -> None:
        if self._depth == 0:
            self.flush()

    @_locked
    def flush(self) -> None:
        """Write the pending edits now (to the file, else to the recovery file)."""
        edits, self._pending = self._pending, []
        if not edits and not self._unsaved:
            return
        edits = self._unsaved + edits
        self._unsaved = []
        due = time.monotonic() - self._last_try >= self.retry_interval_s
        if (self.state == "saved" or due) and self._try_write(edits):
            return
        self._keep(edits)

    def _connection(self) -> sqlite3.Connection:
        """The open connection to the file, (re)opened when needed, in WAL mode."""
        ident = _file_id(self.path)
        if self._con is not None and ident == self._con_id:
            return self._con
        self.suspend()
        problem = write_problem(self.path)
        if problem:
            raise ScanWriteError(self.path, problem)
        try:
            con = g.connect(self.path, timeout_s=self.busy_timeout_s)
        except sqlite3.Error as exc:
            raise ScanWriteError(self.path, _reason(exc)) from exc
        try:
            # One fsync per edit (WAL + FULL) instead of three or four: an edit costs
            # milliseconds and survives a crash or a power cut. Another program holding
            # the file may refuse WAL; then the rollback journal is used.
            with contextlib.suppress(sqlite3.OperationalError):
                con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as exc:
            con.close()
            raise ScanWriteError(self.path, _reason(exc)) from exc
        self._con, self._con_id, self._tables = con, ident, {}
        _OPEN_STORES.add(self)
        return con

    @_locked
    def suspend(self) -> None:
        """Close the connection, folding the write-ahead log into the file (one file again).

        Called before the file is replaced, on close, and by the UI when idle; the next
        edit reconnects.
        """
        con, self._con = self._con, None
        self._tables = {}
        _OPEN_STORES.discard(self)
        if con is None:
            return
        with contextlib.suppress(sqlite3.Error):
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("PRAGMA journal_mode=DELETE")
        con.close()

    @_locked
    def checkpoint(self) -> None:
        """Copy the write-ahead log into the file now (so a copy of the .gpkg alone is
        complete), keeping the connection. Cheap to call from an idle timer."""
        if self._con is not None:
            with contextlib.suppress(sqlite3.Error):
                self._con.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _try_write(self, edits: list[Edit]) -> bool:
        self._last_try = time.monotonic()
        try:
            waiting = read_recovery(self.path) if self.state != "saved" else []
        except InputFileError as exc:  # damaged recovery file: keep it, report it
            self._problem = str(exc)
            return False
        try:
            con = self._connection()
            _apply(con, waiting + edits, self._tables, self._fids)
        except ScanWriteError as exc:
            self._problem = exc.problem
            return False
        except (sqlite3.Error, ValueError, OSError) as exc:
            self._problem = _reason(exc)
            self.suspend()
            return False
        if waiting:
            discard_recovery(self.path)
        self.written_count += len(waiting) + len(edits)
        self.events.written.emit(len(waiting) + len(edits))
        self._set_state("saved", "")
        return True

    def _keep(self, edits: list[Edit]) -> None:
        reason = self._problem or "it could not be written"
        try:
            rec = _append_recovery(self.path, edits)
        except OSError as exc:
            self._unsaved = edits
            self._set_state(
                "unsaved",
                f"{self.path.name}: {len(edits)} edits NOT saved: {reason}, and the recovery "
                f"file could not be written either ({exc.strerror or exc}). Keep the program "
                "open and save the scan elsewhere.",
            )
            return
        self._set_state(
            "recovery",
            f"{self.path.name} cannot be written ({reason}); your edits are kept in {rec} "
            "and will be written to the scan as soon as it can be",
        )

    @_locked
    def retry(self) -> bool:
        """Try now to write waiting edits to the file; True when nothing waits any more."""
        if self.state == "saved" and not self._pending:
            return True
        edits, self._pending = self._unsaved + self._pending, []
        self._unsaved = []
        if self._try_write(edits):
            return True
        if edits:
            self._keep(edits)
        return False

    def raise_if_unsaved(self) -> None:
        """Raise ScanWriteError (saying where the edits are kept) unless all is in the file."""
        if self.state == "saved":
            return
        reason = self._problem or "it could not be written"
        where = (
            f"{self.waiting()} edits are kept in {self.recovery_path} until it can be "
            "(omgevingsscan recover SCAN writes them)"
            if self.state == "recovery"
            else "edits are only in memory"
        )
        raise ScanWriteError(self.path, reason, where)

    def waiting(self) -> int:
        """How many edits wait in the recovery file or in memory."""
        return len(read_recovery(self.path)) + len(self._unsaved) + len(self._pending)

    @property
    def recovery_path(self) -> Path:
        """Where edits are kept while the file cannot be written."""
        return recovery_file_for(self.path)

    def _set_state(self, state: str, message: str) -> None:
        changed = (state, message) != (self.state, self.message)
        self.state, self.message = state, message
        if changed:
            self.events.status.emit(state, message)

    @_locked
    def relocate(self, path: str | Path) -> None:
        """Follow the scan to ``path`` (after Save As), where every record is already saved."""
        old = self.path
        self.suspend()
        self.path = Path(path).resolve()
        if old != self.path:
            discard_recovery(old)
        self._unsaved, self._pending = [], []
        self._set_state("saved", "")
