"""Run long work (import, analysis, export) off the UI thread, with progress and cancel.

A task is a plain callable ``fn(progress, cancelled) -> result``: ``progress(fraction,
message)`` reports, ``cancelled()`` polls the Cancel button. Results and errors come
back on the UI thread through Qt signals.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from omgevingsscan.errors import ImportCancelled, OmgevingsscanError

Task = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]


class _Runner(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str, bool)  # message, is_user_error
    cancelled_sig = Signal()

    def __init__(self, task: Task, cancel_event: threading.Event) -> None:
        super().__init__()
        self._task = task
        self._cancel = cancel_event

    @Slot()
    def run(self) -> None:
        try:
            result = self._task(self.progress.emit, self._cancel.is_set)
        except ImportCancelled:
            self.cancelled_sig.emit()
        except OmgevingsscanError as exc:
            self.failed.emit(str(exc), True)
        except Exception as exc:  # report any crash in the task to the user, with trace
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            traceback.print_exc()
            self.failed.emit(detail, False)
        else:
            self.finished.emit(result)


class Job(QObject):
    """One background task. Keep a reference until ``done`` fires.

    Signals
    -------
    progress(float, str)
        Fraction 0–1 and a message.
    succeeded(object)
        The task's result.
    failed(str, bool)
        Message, and whether it was bad input (True) or an unexpected error.
    cancelled()
        The user cancelled.
    done()
        Always last.
    """

    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str, bool)
    cancelled = Signal()
    done = Signal()

    def __init__(self, task: Task, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._cancel = threading.Event()
        self._thread = QThread()
        self._runner = _Runner(task, self._cancel)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progress.connect(self.progress)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._runner.cancelled_sig.connect(self._on_cancelled)

    def start(self) -> None:
        """Start the task in its own thread."""
        self._thread.start()

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._cancel.set()

    def is_running(self) -> bool:
        """Whether the thread is still running."""
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        """Block until the thread ends (tests and shutdown only)."""
        return self._thread.wait(ms)

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _on_finished(self, result: object) -> None:
        self._stop_thread()
        self.succeeded.emit(result)
        self.done.emit()

    def _on_failed(self, message: str, user_error: bool) -> None:
        self._stop_thread()
        self.failed.emit(message, user_error)
        self.done.emit()

    def _on_cancelled(self) -> None:
        self._stop_thread()
        self.cancelled.emit()
        self.done.emit()
