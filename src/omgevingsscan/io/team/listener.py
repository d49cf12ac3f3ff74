"""``LISTEN``/``NOTIFY`` in a background thread: the others' edits, as they are committed.

The thread blocks on the connection's socket (no polling query); ``notifies(timeout=)``
only wakes it to check whether it should stop. When the connection is lost it reports
``online(False)``, waits (1, 2, 4 … at most :data:`MAX_BACKOFF_S` seconds) and
reconnects, then reports ``online(True)`` so the caller fetches what it missed.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg

from omgevingsscan.io.team import schema as sql

#: Longest wait between reconnection attempts (s).
MAX_BACKOFF_S = 4.0


class Listener:
    """Calls ``on_notify(payload)`` (a dict, from the thread) for every change in ``schema``.

    ``on_online(bool)`` is called when the connection is lost or back.
    """

    def __init__(self, conninfo: str, schema: str, on_notify: Callable[[dict[str, Any]], None],
                 on_online: Callable[[bool], None] | None = None) -> None:  # fmt: skip
        self.conninfo, self.schema = conninfo, schema
        self.on_notify, self.on_online = on_notify, on_online
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self.online = False

    def start(self, wait_s: float = 5.0) -> Listener:
        """Start listening; wait up to ``wait_s`` seconds until LISTEN is in place."""
        self._thread = threading.Thread(target=self._run, name="team-listener", daemon=True)
        self._thread.start()
        self._ready.wait(wait_s)
        return self

    def stop(self) -> None:
        """Stop the thread (within about half a second)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(3.0)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            if self.on_online is not None:
                self.on_online(online)

    def _run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {sql.q(self.schema)}")
                    self._ready.set()
                    self._set_online(True)
                    backoff = 1.0
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            try:
                                payload = json.loads(note.payload)
                            except ValueError:
                                continue
                            self.on_notify(payload)
            except psycopg.Error:
                self._ready.set()
                if self._stop.is_set():
                    break
                self._set_online(False)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
        self.online = False  # stopped on purpose: not a lost connection


def latency_s(payload: dict[str, Any]) -> float:
    """Seconds from the change (the server's clock) to now (this machine's clock)."""
    return time.time() - float(payload.get("at", time.time()))
