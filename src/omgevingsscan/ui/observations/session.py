"""The editing session of the shown scan: its :class:`ObservationEditor`, kept safe.

Observations are written to the scan file the moment they are entered (the core's
:class:`~omgevingsscan.io.journal.EditStore`). This module gives that a face:

- a permanent status-bar label says that edits are saved as they are made, or why they
  cannot be and where they are kept instead (read-only or locked file → recovery file);
- a scan with edits waiting in a recovery file offers them when opened (a non-blocking
  question; edits wait for the answer);
- a scan that has never been saved gets a file before its first observation edit: the
  user is told why and asked for Save As;
- after File → Save As the editor follows the scan to its new file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.io.journal import RecoveryInfo, pending_recovery, write_problem
from omgevingsscan.scan import Scan
from omgevingsscan.ui.observations.save_state import SaveStateLabel
from omgevingsscan.ui.undo_actions import UndoActions

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost

#: Record layers in the order they are created (the last is drawn on top).
RECORD_KINDS = ("annotations", "posts", "sightings")
#: While edits wait in a recovery file, how often the file is tried again (ms).
RETRY_MS = 10_000
#: Quiet time after an edit before the store lets go of the file (ms): the write-ahead
#: log is folded in, so the .gpkg alone is complete (to copy it, or for another program).
IDLE_MS = 3_000


class EditSession(QObject):
    """Owns the observation editor of the window's scan and shows how edits are kept.

    Signals
    -------
    editor_changed(object)
        A new editor (or None) follows the shown scan.
    """

    editor_changed = Signal(object)
    _store_status = Signal(str, str)
    _store_written = Signal(int)

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.scan: Scan | None = None
        self.editor: ObservationEditor | None = None
        self.recovery_box: QMessageBox | None = None
        self.file_box: QMessageBox | None = None
        self._warned_state = "saved"
        self.undo = UndoActions(window)
        self.label = SaveStateLabel()
        window.statusBar().addPermanentWidget(self.label)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._on_retry)
        self._checkpoint = QTimer(self)
        self._checkpoint.setSingleShot(True)
        self._checkpoint.setInterval(IDLE_MS)
        self._checkpoint.timeout.connect(self._on_checkpoint)
        self._store_status.connect(self._on_status)
        self._store_written.connect(self._on_written)
        window.windowTitleChanged.connect(self._sync_path)
        self._show_state()

    # -- scan lifecycle ------------------------------------------------------------------------
    def scan_loaded(self, scan: Scan) -> None:
        """Start editing ``scan`` (after asking about kept edits, when there are any)."""
        self.scan = scan
        path = self.window.scan_path
        if path is None:
            self._show_state()
            return
        try:
            info = pending_recovery(path)
        except OmgevingsscanError as exc:
            self.window.show_error(str(exc))
            info = None
        if info is not None:
            self._ask_recovery(info)
        else:
            self._start(path, recover=True)

    def scan_closing(self, scan: Scan) -> None:
        """Write what is pending and stop editing ``scan``."""
        if scan is not self.scan:
            return
        for box in (self.recovery_box, self.file_box):
            if box is not None:
                box.finished.disconnect()
                box.close()
        self.recovery_box = self.file_box = None
        self._stop()
        self.scan = None
        self._show_state()

    def close(self) -> None:
        """Stop editing and let go of the window."""
        if self.scan is not None:
            self.scan_closing(self.scan)
        self.window.windowTitleChanged.disconnect(self._sync_path)
        self.undo.close()

    def _start(self, path: Path, recover: bool) -> None:
        scan = self.scan
        if scan is None:
            return
        try:
            editor = ObservationEditor.for_scan(scan, path, recover=recover)
            for kind in RECORD_KINDS:
                self._ensure_layer(editor, kind)
        except (OmgevingsscanError, ValueError, OSError) as exc:
            self.window.show_error(self.tr("Observations cannot be edited: {0}").format(exc))
            return
        self.editor = editor
        store = editor.store
        assert store is not None
        store.events.status.connect(self._from_store_status)
        store.events.written.connect(self._from_store_written)
        self.undo.bind(editor.stack)
        if editor.recovered:
            self.window.statusBar().showMessage(
                self.tr("{0} kept edits were recovered.").format(editor.recovered), 10000
            )
        problem = write_problem(store.path)
        if problem:
            self._warn(
                self.tr(
                    "{0} cannot be written ({1}). Observations you enter are kept in a "
                    "recovery file, {2}, and written into the scan as soon as it can be. "
                    "To keep working in a file of your own, use File → Save as."
                ).format(store.path.name, problem, store.recovery_path)
            )
        if store.state != "saved":
            self._retry.start()
        self._show_state()
        self.editor_changed.emit(editor)

    def _ensure_layer(self, editor: ObservationEditor, kind: str) -> None:
        layers = editor.scan.layers
        if layers.get(kind) is not None:
            editor.layer(kind)
            return
        layer = editor.layer(kind)
        site = layers.get("site")
        if site is not None:
            layers.move(layers.index(layer), layers.index(site))

    def _stop(self) -> None:
        self._retry.stop()
        self._checkpoint.stop()
        editor, self.editor = self.editor, None
        self.undo.bind(None)
        if editor is None:
            return
        store = editor.store
        if store is not None:
            store.events.status.disconnect(self._from_store_status)
            store.events.written.disconnect(self._from_store_written)
        editor.close()
        self.editor_changed.emit(None)

    # -- recovery on open ------------------------------------------------------------------------
    def _ask_recovery(self, info: RecoveryInfo) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Recover kept edits"),
            self.tr(
                "Edits to this scan were kept in a recovery file because the scan file "
                "could not be written when they were made."
            ),
            parent=self.window,
        )
        box.setInformativeText(
            info.message()
            + "\n\n"
            + self.tr(
                "Recover writes them into the scan. Set aside renames the recovery file "
                "(nothing is deleted) and opens the scan as it is."
            )
        )
        recover = box.addButton(self.tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Set aside"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(recover)
        box.setEscapeButton(recover)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: self.resolve_recovery(box.clickedButton() is recover))
        self.recovery_box = box
        self._show_state()
        box.open()

    def resolve_recovery(self, recover: bool) -> None:
        """Answer the recovery question: apply the kept edits, or set them aside."""
        box, self.recovery_box = self.recovery_box, None
        if box is not None:
            box.finished.disconnect()
            box.close()
        path = self.window.scan_path
        if self.scan is not None and path is not None and self.editor is None:
            self._start(path, recover=recover)

    # -- a file before the first edit ------------------------------------------------------------
    def ensure_editor(self, then: Callable[[], None] | None = None) -> ObservationEditor | None:
        """The editor, or None after starting what gets one (Save As, recovery question).

        ``then`` runs once the editor exists, when the user saved the scan.
        """
        if self.editor is not None:
            return self.editor
        if self.scan is None:
            self.window.statusBar().showMessage(self.tr("Open a scan first."), 5000)
            return None
        if self.recovery_box is not None:
            self.window.statusBar().showMessage(
                self.tr("First answer the question about the kept edits."), 5000
            )
            self.recovery_box.raise_()
            return None
        if self.window.scan_path is None:
            self._ask_for_file(then)
        return None

    def _ask_for_file(self, then: Callable[[], None] | None) -> None:
        if self.file_box is not None:
            self.file_box.raise_()
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Save the scan first"),
            self.tr(
                "Posts, sightings and annotations are written into the scan file the moment "
                "you enter them, so that nothing is lost if the computer or the program "
                "stops. This scan has no file yet: choose where to save it."
            ),
            parent=self.window,
        )
        save = box.addButton(self.tr("Save as…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(_result: int) -> None:
            self.file_box = None
            if box.clickedButton() is save and self.window.save_as():
                self._sync_path()
                if self.editor is not None and then is not None:
                    then()

        box.finished.connect(answered)
        self.file_box = box
        box.open()

    def _sync_path(self, *_: object) -> None:
        """Follow the window's scan to its file after Save / Save As."""
        path = self.window.scan_path
        if self.scan is None or path is None or self.window.scan is not self.scan:
            return
        if self.editor is None:
            if self.recovery_box is None:
                self._start(path, recover=True)
            return
        store = self.editor.store
        if store is not None and store.path != path.resolve():
            store.relocate(path)
            self.editor.stack.set_clean()
            self._retry.stop()
            self._show_state()

    # -- store state -----------------------------------------------------------------------------
    def _from_store_status(self, state: str, message: str) -> None:
        # The store may report from any thread; a Qt signal brings it to the UI thread.
        self._store_status.emit(state, message)

    def _from_store_written(self, count: int) -> None:
        self._store_written.emit(count)

    def _on_status(self, state: str, message: str) -> None:
        if state == "saved":
            self._retry.stop()
            if self._warned_state != "saved":
                self.window.statusBar().showMessage(
                    self.tr("The kept edits are now written into the scan file."), 10000
                )
        else:
            self._retry.start()
            if state != self._warned_state:
                self._warn(
                    self.tr("Your edits could not be written into the scan file.")
                    + "\n\n"
                    + message
                )
        self._warned_state = state
        self._show_state()

    def _warn(self, message: str) -> None:
        self.window.show_error(message)

    def _on_written(self, _count: int) -> None:
        self._checkpoint.start()

    def _on_retry(self) -> None:
        if self.editor is not None and self.editor.store is not None:
            self.editor.store.retry()
        else:
            self._retry.stop()

    def _on_checkpoint(self) -> None:
        if self.editor is not None and self.editor.store is not None:
            self.editor.store.suspend()  # the next edit reconnects

    def state(self) -> str:
        """ "saved", "recovery", "unsaved", "readonly" (will go to recovery), "nofile",
        "waiting" (recovery question open) or "none" (no scan)."""
        if self.scan is None:
            return "none"
        if self.recovery_box is not None:
            return "waiting"
        if self.editor is None or self.editor.store is None:
            return "nofile"
        store = self.editor.store
        if store.state == "saved" and write_problem(store.path):
            return "readonly"
        return store.state

    def _show_state(self) -> None:
        store = self.editor.store if self.editor is not None else None
        self.label.show_state(self.state(), store)
