"""Keep a scan's record layers and the shared scan in step, online and offline.

A :class:`TeamSync` follows the posts, sightings and annotations layers (as the local
journal does): every change is sent to the database as one transaction based on the
version this desktop last saw. The others' changes arrive through ``LISTEN``/``NOTIFY``
(:class:`~omgevingsscan.io.team.listener.Listener`) and are applied to the layers in
place (not on the undo stack, not sent back).

When the database cannot be reached the edits go to the :class:`Outbox` in the local
GeoPackage and ``state`` becomes "offline"; :meth:`TeamSync.retry` (called by the UI's
timer and when the listener is back) sends them in order, with the same conflict
rules, then fetches what the others did meanwhile.

Threads: the listener calls :meth:`on_notify` from its thread. Without a ``wake``
callback an applier thread applies the changes, all that wait in one batch (one query
per table); the UI passes a ``wake`` that asks its own thread to call
:meth:`process_remote`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psygnal import Signal, SignalGroup

from omgevingsscan.io.journal import Edit
from omgevingsscan.io.team.db import TeamOfflineError, TeamPermissionError
from omgevingsscan.io.team.listener import Listener, latency_s
from omgevingsscan.io.team.outbox import Outbox
from omgevingsscan.io.team.store import EditConflict, TeamStore
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.scan import Scan

#: Sync states: edits go straight to the database; edits wait in the outbox.
STATES = ("online", "offline")


class TeamSyncEvents(SignalGroup):
    """``status(state, message)``; ``conflict(EditConflict)``; ``refused(message)``;
    ``remote(table, uuid, latency_s)`` after another desktop's change was applied."""

    status = Signal(str, str)
    conflict = Signal(object)
    refused = Signal(str)
    remote = Signal(str, str, float)


class TeamSync:
    """Follow ``scan``'s record layers for shared scan ``store``.

    Parameters
    ----------
    store
        An open :class:`TeamStore`.
    scan
        The scan whose record layers are followed (loaded from the store, or the local
        file the scan was shared from).
    versions
        The database version of each record in the layers (uuid → version).
    journal
        The local GeoPackage for the outbox (None: keep waiting edits in memory).
    listen
        Start a :class:`Listener` for live updates.
    wake
        Called (from the listener thread) when changes wait for :meth:`process_remote`.
    """

    def __init__(self, store: TeamStore, scan: Scan, versions: dict[str, int], *,
                 journal: str | Path | None = None, listen: bool = True,
                 wake: Callable[[], None] | None = None) -> None:  # fmt: skip
        self.store, self.scan = store, scan
        self.versions = dict(versions)
        self.outbox = Outbox(store.schema, journal)
        self.events = TeamSyncEvents()
        self.state, self.message = "online", ""
        self.conflicts: list[EditConflict] = []
        self._wake = wake
        self._lock = threading.RLock()
        self._local = threading.local()
        self._inbox: list[dict[str, Any]] = []
        self._inbox_lock = threading.Lock()
        self._links: list[tuple[Any, Any]] = []
        self._last_try = 0.0
        self._reader = TeamStore(store.conninfo, store.schema, store.editor)
        try:
            kinds = store.table_kinds()
        except TeamOfflineError as exc:  # work on; the edits wait in the outbox
            kinds = {x.name: x.kind for x in scan.layers if isinstance(x, RecordLayer)}
            self.state, self.message = "offline", str(exc)
        self.layers: dict[str, RecordLayer[Any]] = {}
        for layer in scan.layers:
            if isinstance(layer, RecordLayer) and layer.name in kinds:
                self._follow(layer)
        if len(self.outbox):
            self._set_state("offline", self._offline_message())
        self.listener: Listener | None = None
        self._pending, self._closing = threading.Event(), threading.Event()
        self._applier: threading.Thread | None = None
        if listen and wake is None:
            self._applier = threading.Thread(target=self._apply_loop, daemon=True)
            self._applier.start()
        if listen:
            self.listener = Listener(store.conninfo, store.schema, self.on_notify, self._on_online)
            self.listener.start()

    # -- following the layers -----------------------------------------------------------------
    def _follow(self, layer: RecordLayer[Any]) -> None:
        self.layers[layer.name] = layer

        def upsert(uuid: str) -> None:
            if not self._applying:
                self.send(Edit.upsert(layer, layer.get(uuid), self.scan.crs))

        def delete(uuid: str) -> None:
            if not self._applying:
                self.send(Edit.delete(layer, uuid, self.scan.crs))

        for signal, slot in (
            (layer.events.added, upsert),
            (layer.events.changed, upsert),
            (layer.events.removed, delete),
        ):
            signal.connect(slot)
            self._links.append((signal, slot))

    @property
    def _applying(self) -> bool:
        return bool(getattr(self._local, "applying", False))

    def close(self) -> None:
        """Stop listening and following; close the connections (waiting edits stay queued)."""
        if self.listener is not None:
            self.listener.stop()
        self._closing.set()
        if self._applier is not None:
            self._applier.join(3.0)
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links = []
        self.store.close()
        self._reader.close()

    # -- sending -------------------------------------------------------------------------------
    def send(self, edit: Edit) -> None:
        """Send one edit now, or queue it when offline (or when older edits wait)."""
        with self._lock:
            base = self.versions.get(edit.uuid)
            if self.state == "offline" or len(self.outbox):
                self.outbox.add(edit, base)
                self._set_state("offline", self._offline_message())
                if self.reachable() and time.monotonic() - self._last_try > 2.0:
                    self.retry()
                return
            if not self._write(edit, base):
                self.outbox.add(edit, base)
                self._set_state("offline", self._offline_message())

    def _write(self, edit: Edit, base: int | None) -> bool:
        """True when the edit is settled (saved, or refused and reported)."""
        try:
            version = self.store.save(edit, base)
        except TeamOfflineError as exc:
            self.message = str(exc)
            return False
        except EditConflict as conflict:
            self.conflicts.append(conflict)
            self.events.conflict.emit(conflict)
            return True
        except TeamPermissionError as exc:
            self.events.refused.emit(str(exc))
            self._refetch(edit.table, edit.uuid)
            return True
        if edit.op == "delete":
            self.versions.pop(edit.uuid, None)
        else:
            self.versions[edit.uuid] = version
        return True

    def reachable(self) -> bool:
        """Whether trying to reconnect makes sense now: the listener (which reconnects in
        its own thread, so nobody waits for a timeout) is connected, or there is none."""
        return self.listener is None or self.listener.online

    def retry(self) -> bool:
        """Send the waiting edits in order; True when none wait any more."""
        with self._lock:
            self._last_try = time.monotonic()
            try:
                self.store.ping()
            except TeamOfflineError as exc:
                self.message = str(exc)
                self._set_state("offline", self._offline_message())
                return False
            sent: dict[str, int | None] = {}
            for seq, edit, base in self.outbox.items():
                if edit.uuid in sent:
                    base = sent[edit.uuid]
                if not self._write(edit, base):
                    self._set_state("offline", self._offline_message())
                    return False
                sent[edit.uuid] = self.versions.get(edit.uuid)
                self.outbox.remove(seq)
            self._set_state("online", f"connected to {self.store.where}")
        self.resync()
        return True

    def resolve(self, conflict: EditConflict, keep: str) -> None:
        """Settle a conflict: ``keep`` "mine" saves the refused edit over theirs; "theirs"
        puts their version in the layer."""
        if conflict in self.conflicts:
            self.conflicts.remove(conflict)
        if keep == "mine":
            with self._lock:
                self._write(conflict.edit, conflict.their_version or None)
        elif keep == "theirs":
            self._refetch(conflict.edit.table, conflict.edit.uuid)
        else:
            raise ValueError(f"keep {keep!r}: use mine or theirs")

    # -- receiving -----------------------------------------------------------------------------
    def on_notify(self, payload: dict[str, Any]) -> None:
        """A change in the database (from the listener thread)."""
        with self._inbox_lock:
            self._inbox.append(payload)
        if self._wake is not None:
            self._wake()
        else:
            self._pending.set()

    def _apply_loop(self) -> None:
        """Without a ``wake``: apply what arrived in this thread, all that waits at once."""
        while not self._closing.is_set():
            if self._pending.wait(0.5):
                self._pending.clear()
                self.process_remote()

    def process_remote(self) -> int:
        """Apply the changes that arrived; return how many records changed here."""
        with self._inbox_lock:
            notes, self._inbox = self._inbox, []
        if not notes:
            return 0
        wanted: dict[str, dict[str, dict[str, Any]]] = {}
        for note in notes:
            table, uuid = note.get("t", ""), note.get("u", "")
            if table not in self.layers:
                continue
            if note.get("op") == "delete":
                if uuid not in self.layers[table]:
                    continue  # our own delete coming back
            elif self.versions.get(uuid) == note.get("v"):
                continue  # our own edit coming back
            wanted.setdefault(table, {})[uuid] = note
        n = 0
        with self._lock:
            for table, by_uuid in wanted.items():
                n += self._apply(table, by_uuid)
        return n

    def _apply(self, table: str, notes: dict[str, dict[str, Any]]) -> int:
        layer = self.layers[table]
        try:
            rows = {s.record.uuid: s for s in self._reader.fetch(table, list(notes))}
        except TeamOfflineError:
            return 0
        n = 0
        self._local.applying = True
        try:
            for uuid, note in notes.items():
                saved = rows.get(uuid)
                if saved is None:
                    if uuid in layer:
                        layer.remove(uuid)
                    self.versions.pop(uuid, None)
                elif self.versions.get(uuid, 0) < saved.version:
                    if uuid in layer:
                        layer.replace(saved.record)
                    else:
                        layer.insert(saved.record)
                    self.versions[uuid] = saved.version
                else:
                    continue
                n += 1
                self.events.remote.emit(table, uuid, latency_s(note))
        finally:
            self._local.applying = False
        return n

    def _refetch(self, table: str, uuid: str) -> None:
        """Put the database's version of ``uuid`` (or its absence) in the layer."""
        if table in self.layers:
            with self._lock:
                self.versions.pop(uuid, None)
                self._apply(table, {uuid: {"at": time.time()}})

    def tick(self) -> None:
        """Send waiting edits when offline, then apply what arrived (the UI's wake-up)."""
        if self.state == "offline":
            self.retry()
        self.process_remote()

    def resync(self) -> int:
        """Fetch every record and bring the layers up to date (after being offline)."""
        n = 0
        with self._lock:
            for table, layer in self.layers.items():
                try:
                    rows = {s.record.uuid: s for s in self._reader.fetch(table)}
                except TeamOfflineError:
                    return n
                stale = {
                    u: {"at": time.time()} for u in self.versions if u in layer and u not in rows
                }
                fresh = {u: {"at": time.time()} for u, s in rows.items()
                         if self.versions.get(u, 0) < s.version}  # fmt: skip
                if stale or fresh:
                    n += self._apply(table, {**stale, **fresh})
        return n

    # -- state ---------------------------------------------------------------------------------
    def _on_online(self, online: bool) -> None:
        if online and self.state == "offline":
            if self._wake is None:
                self.retry()
            else:
                self._wake()
        elif not online:
            self._set_state("offline", self._offline_message())

    def _offline_message(self) -> str:
        waiting = len(self.outbox)
        where = self.outbox.path or "memory"
        return (
            f"team database unreachable ({self.store.where}); {waiting} edits kept in "
            f"{where} and sent when it is back"
        )

    def _set_state(self, state: str, message: str) -> None:
        changed = (state, message) != (self.state, self.message)
        self.state, self.message = state, message
        if changed:
            self.events.status.emit(state, message)
