"""The team extension: open a shared scan, follow the others' edits, show the state.

*File → Open shared scan…* loads the scan from the team database in a worker, keeps a
local copy in ``config_dir()/team/`` (the GeoPackage the journal writes every edit to,
and where edits wait while the database cannot be reached) and shows it. A
:class:`~omgevingsscan.io.team.sync.TeamSync` then sends each edit and applies the
others' edits in place as their notifications arrive (the sightings dock and the map
follow the layers). The status bar says whether the scan is shared and online; while
offline a timer retries every :data:`RETRY_MS`. On a conflict the user chooses between
their version and the other one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from omgevingsscan.io.project import save_scan
from omgevingsscan.io.team import EditConflict, TeamStore, conninfo_for, redact
from omgevingsscan.io.team.outbox import Outbox
from omgevingsscan.io.team.sync import TeamSync
from omgevingsscan.scan import Scan
from omgevingsscan.settings import config_dir
from omgevingsscan.ui.common import make_action
from omgevingsscan.ui.main_window import MainWindow
from omgevingsscan.ui.team.dialog import SharedScanDialog

#: Progress messages of the worker (translated by ``progress_text``).
PROGRESS = (
    QT_TRANSLATE_NOOP("progress", "Loading the shared scan"),
    QT_TRANSLATE_NOOP("progress", "Keeping a local copy"),
)
#: Retry interval while the team database cannot be reached (ms).
RETRY_MS = 3000


def install(window: MainWindow) -> TeamUI:
    """Add *Open shared scan…* and the team status to ``window``."""
    return TeamUI(window)


class TeamUI(QObject):
    """The shared scan of one window."""

    #: From any thread: changes wait (listener) / the state changed.
    _wake = Signal()
    _status = Signal(str, str)
    _conflict = Signal(object)
    #: A shared scan is shown and followed (its TeamSync).
    opened = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sync: TeamSync | None = None
        self.box: QMessageBox | None = None
        self.act_open = make_action(
            window, self.tr("Open &shared scan…"), self.open_dialog, "",
            self.tr("Open a scan the team shares in a PostGIS database"),
        )  # fmt: skip
        window.file_menu.insertAction(window.act_demo, self.act_open)
        self.label = QLabel()
        self.label.setObjectName("team-state")
        window.statusBar().addPermanentWidget(self.label)
        self.label.hide()
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._on_retry)
        self._wake.connect(self._on_wake)
        self._status.connect(self._show_status)
        self._conflict.connect(self._ask_conflict)
        window.scan_closing.connect(self._on_scan_closing)

    # -- opening -------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        dialog = SharedScanDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.open_shared(dialog.target.text(), dialog.schema.text(), dialog.editor.text())

    def open_shared(self, target: str, schema: str, editor: str = "") -> Any:
        """Load shared scan ``schema`` from ``target`` in a worker, then show and follow it."""
        conninfo = conninfo_for(target)
        store = TeamStore(conninfo, schema.strip(), editor.strip())
        cache = cache_path(store.schema)

        def task(progress: Any, cancelled: Any) -> tuple[Scan, dict[str, int]]:
            progress(0.1, "Loading the shared scan")
            scan, versions = store.open().load_scan()
            progress(0.7, "Keeping a local copy")
            cache.parent.mkdir(parents=True, exist_ok=True)
            # edits still waiting from an earlier session move into the new copy
            waiting = Outbox(store.schema, cache).items() if cache.exists() else []
            save_scan(scan, cache)
            outbox = Outbox(store.schema, cache)
            for _seq, edit, base in waiting:
                outbox.add(edit, base)
            return scan, versions

        def done(result: tuple[Scan, dict[str, int]]) -> None:
            scan, versions = result
            self.window.set_scan(scan, cache)
            self.window.setWindowTitle(f"{scan.site.name} — {store.where}")
            self._follow(TeamSync(store, scan, versions, journal=cache, wake=self._wake.emit))

        title = self.tr("Opening shared scan {0}").format(redact(target))
        return self.window.run_job(task, title, done)

    def _follow(self, sync: TeamSync) -> None:
        self.sync = sync
        sync.events.status.connect(self._status.emit)
        sync.events.conflict.connect(self._conflict.emit)
        sync.events.refused.connect(lambda m: self._status.emit("refused", m))
        self._show_status(sync.state, sync.message)
        self.opened.emit(sync)

    def _on_scan_closing(self, scan: Scan) -> None:
        if self.sync is not None and self.sync.scan is scan:
            self.close()

    def close(self) -> None:
        """Stop following the shared scan (waiting edits stay in the local copy)."""
        sync, self.sync = self.sync, None
        self._retry.stop()
        if sync is not None:
            sync.close()
        self.label.hide()

    # -- live updates --------------------------------------------------------------------------
    def _on_wake(self) -> None:
        if self.sync is not None:
            self.sync.tick()

    def _on_retry(self) -> None:
        # the listener reconnects in its thread; the window never waits for a timeout
        if self.sync is not None and self.sync.reachable() and self.sync.retry():
            self._retry.stop()

    def _show_status(self, state: str, message: str) -> None:
        if self.sync is None:
            return
        where = self.sync.store.where
        if state == "refused":
            self.window.show_error(message)
            return
        if state == "offline":
            waiting = len(self.sync.outbox)
            self.label.setText(
                self.tr("⚠ Team database offline, edits waiting: {0}").format(waiting)
            )
            self._retry.start()
        else:
            self.label.setText(self.tr("● Shared: {0}").format(where))
            self._retry.stop()
        self.label.setToolTip(message or where)
        self.label.show()

    def _ask_conflict(self, conflict: EditConflict) -> None:
        sync = self.sync
        if sync is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Edited by someone else"),
            self.tr(
                "{0} changed this record while you were editing it. Your version was not "
                "saved. Which version should stay?"
            ).format(conflict.their_editor or self.tr("Someone")),
            parent=self.window,
        )
        box.setDetailedText(str(conflict))
        mine = box.addButton(self.tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Take theirs"), QMessageBox.ButtonRole.RejectRole)

        def chosen() -> None:
            sync.resolve(conflict, "mine" if box.clickedButton() is mine else "theirs")
            self.box = None

        box.finished.connect(chosen)
        self.box = box
        box.open()


def cache_path(schema: str) -> Path:
    """The local copy of shared scan ``schema``."""
    return config_dir() / "team" / f"{schema}.gpkg"
