"""Background work of the visibility UI: the buildings index and slow viewsheds.

- :class:`LatestRunner` runs one task at a time on a background thread; a task
  submitted while another runs waits, and replaces any task still waiting ("latest
  wins"), so a drag that outpaces a slow analysis shows the newest answer next, never
  a queue of stale ones. Results come back on the UI thread through a signal.
- :class:`IndexService` prepares the scan's
  :class:`~omgevingsscan.analysis.visibility.index.VisibilityIndex`
  (:func:`~omgevingsscan.analysis.visibility.index_for`, about half a second on the demo
  scan) in the background when a scan is shown, and again when its buildings change.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from psygnal import SignalInstance
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, Signal

from omgevingsscan.analysis.visibility import index_for
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.layers.base import Layer, VectorLayer
from omgevingsscan.scan import Scan
from omgevingsscan.ui.common import connect_links, disconnect_links

BUILDINGS = "buildings"


class LatestRunner(QObject):
    """Run tasks one at a time off the UI thread; a newer waiting task replaces an older.

    Signals
    -------
    finished(object, object, object)
        ``(key, result, error)`` on the UI thread: the key given to :meth:`submit`, the
        task's result (None on error) and the exception (None on success).
    """

    finished = Signal(object, object, object)
    _done = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="visibility")
        self._running: Future[None] | None = None
        self._waiting: tuple[object, Callable[[], Any]] | None = None
        self._closed = False
        self._done.connect(self._on_done)

    def submit(self, key: object, task: Callable[[], Any]) -> None:
        """Run ``task()`` in the background; ``finished`` reports it with ``key``."""
        if self._closed:
            return
        if self._running is not None:
            self._waiting = (key, task)
            return
        self._running = self._pool.submit(self._run, key, task)

    def drop_waiting(self) -> None:
        """Forget the task that waits (the running one still reports)."""
        self._waiting = None

    def busy(self) -> bool:
        """Whether a task runs or waits."""
        return self._running is not None or self._waiting is not None

    def _run(self, key: object, task: Callable[[], Any]) -> None:
        try:
            result = task()
        except Exception as exc:  # handed to the UI thread, which shows it
            if not isinstance(exc, OmgevingsscanError):
                traceback.print_exc()
            self._done.emit(key, None, exc)
        else:
            self._done.emit(key, result, None)

    def _on_done(self, key: object, result: object, error: object) -> None:
        self._running = None
        if self._closed:
            return
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.submit(*waiting)
        self.finished.emit(key, result, error)

    def wait(self, ms: int = 30000) -> bool:
        """Handle events until nothing runs or waits (tests, screenshots, closing)."""
        deadline = time.monotonic() + ms / 1000
        while self.busy() and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThread.msleep(1)
        return not self.busy()

    def close(self) -> None:
        """Stop: drop the waiting task and wait for the running one."""
        self._closed = True
        self._waiting = None
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._running = None


class IndexService(QObject):
    """The visibility index of the shown scan, prepared in the background.

    Signals
    -------
    ready(object)
        A new :class:`VisibilityIndex` is ready (for the scan's current buildings).
    failed(str)
        It could not be built (no buildings layer, say).
    rebuilding()
        The buildings changed: the old index is gone and a new one is being prepared.
    """

    ready = Signal(object)
    failed = Signal(str)
    rebuilding = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scan: Scan | None = None
        self.index: VisibilityIndex | None = None
        self.error = ""
        #: How many indexes were made for this scan (1 = the first one).
        self.generation = 0
        self.last_build_s = 0.0
        self._ticket = 0
        self._buildings: VectorLayer | None = None
        self._links: list[tuple[SignalInstance, Callable[..., Any]]] = []
        self._runner = LatestRunner(self)
        self._runner.finished.connect(self._on_finished)

    # -- binding --------------------------------------------------------------------------------
    def bind(self, scan: Scan | None) -> None:
        """Follow ``scan`` (None: stop) and prepare its index."""
        self._links = disconnect_links(self._links)
        self._watch_buildings(None)
        self.scan = scan
        self.index = None
        self.error = ""
        self.generation = 0
        self._ticket += 1
        self._runner.drop_waiting()
        if scan is None:
            return
        ev = scan.layers.events
        self._links = connect_links(
            [
                (ev.inserted, self._on_layers),
                (ev.removed, self._on_layers),
                (ev.changed, self._on_layers),
            ]
        )
        self._watch_buildings(self._find_buildings())
        self._build()

    def close(self) -> None:
        """Stop following the scan and wait for a build in progress."""
        self.bind(None)
        self._runner.close()

    def _find_buildings(self) -> VectorLayer | None:
        layer = self.scan.layers.get(BUILDINGS) if self.scan is not None else None
        return layer if isinstance(layer, VectorLayer) else None

    def _watch_buildings(self, layer: VectorLayer | None) -> None:
        if self._buildings is not None:
            self._buildings.events.data.disconnect(self._on_buildings_changed)
        self._buildings = layer
        if layer is not None:
            layer.events.data.connect(self._on_buildings_changed)

    def _on_layers(self, *_: Layer | int | object) -> None:
        layer = self._find_buildings()
        if layer is not self._buildings:
            self._watch_buildings(layer)
            self._on_buildings_changed()

    def _on_buildings_changed(self) -> None:
        self.index = None
        self.rebuilding.emit()
        self._build()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        scan = self.scan
        if scan is None:
            return
        self._ticket += 1
        ticket = self._ticket

        def task() -> tuple[VisibilityIndex, float]:
            start = time.perf_counter()
            return index_for(scan), time.perf_counter() - start

        self._runner.submit(ticket, task)

    def _on_finished(self, key: object, result: object, error: object) -> None:
        if key != self._ticket:
            return  # built for buildings that changed since, or for another scan
        if error is not None or not isinstance(result, tuple):
            self.error = str(error)
            self.failed.emit(self.error)
            return
        self.index, self.last_build_s = result
        self.generation += 1
        self.error = ""
        self.ready.emit(self.index)

    def building(self) -> bool:
        """Whether the index is being prepared."""
        return self.index is None and self.scan is not None and not self.error

    def wait(self, ms: int = 30000) -> VisibilityIndex | None:
        """Handle events until the index is ready (tests, screenshots); return it."""
        deadline = time.monotonic() + ms / 1000
        while self.building() and time.monotonic() < deadline:
            self._runner.wait(max(1, round((deadline - time.monotonic()) * 1000)))
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return self.index
