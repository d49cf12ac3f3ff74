"""The :class:`EditStore`: follows record layers and writes every edit into the scan file
as it happens, falling back to the recovery file; :func:`release_file` closes every
store's connection on a file before it is replaced.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from psygnal import Signal, SignalGroup

from omgevingsscan.errors import InputFileError
from omgevingsscan.io import gpkg_records as g
from omgevingsscan.io.journal.edits import Edit, ScanWriteError
from omgevingsscan.io.journal.recovery import (
    _append_recovery,
    discard_recovery,
    pending_recovery,
    read_recovery,
    recovery_file_for,
)
from omgevingsscan.io.journal.transactions import _apply, _file_id, _reason, settle, write_problem
from omgevingsscan.layers.records import RecordLayer

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
