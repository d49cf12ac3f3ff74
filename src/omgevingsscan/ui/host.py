"""What the feature extensions may use of the main window: :class:`WindowHost`.

The main window (:mod:`omgevingsscan.ui.main_window`) hands itself to each extension
(:mod:`omgevingsscan.ui.extensions`) typed as this protocol, so no extension, and not
the registry, imports the main window: the window depends on its extensions, never the
other way round. It is a ``QMainWindow`` (extensions add docks and parent their dialogs
to it) with the scan it shows, two signals about that scan, the map canvas, the menus,
the toolbar, the status bar and the one-job-at-a-time worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import Qt, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QMessageBox, QStatusBar, QToolBar

    from omgevingsscan.scan import Scan
    from omgevingsscan.settings import Settings
    from omgevingsscan.ui.canvas import MapCanvas
    from omgevingsscan.ui.worker import Job, Task


class WindowHost(Protocol):
    """The main window as the extensions see it (a ``QMainWindow``)."""

    #: A scan was shown (after import or open); carries the scan.
    scan_loaded: SignalInstance
    #: The shown scan is about to be replaced, or the window closes; carries the old scan.
    scan_closing: SignalInstance
    #: The scan's terrain model was imported, replaced or removed; carries the scan.
    terrain_changed: SignalInstance
    #: Emitted by Qt when the title changes (the scan's file name is in it).
    windowTitleChanged: SignalInstance

    settings: Settings
    scan: Scan | None
    scan_path: Path | None
    job: Job | None
    canvas: MapCanvas
    inspector_dock: QDockWidget
    file_menu: QMenu
    view_menu: QMenu
    analysis_menu: QMenu
    settings_menu: QMenu
    toolbar: QToolBar
    act_quit: QAction

    def run_job(self, task: Task, title: str, on_success: Any) -> Job | None:
        """Run ``task`` in a worker with progress and Cancel (one job at a time)."""

    def show_error(self, message: str) -> QMessageBox:
        """Show an error without blocking."""

    def save_as(self) -> bool:
        """Ask for a file and save the scan there."""

    def new_scan_dialog(self) -> Any:
        """Open the New-scan dialog."""

    # -- QMainWindow ------------------------------------------------------------------------
    def statusBar(self) -> QStatusBar: ...

    def menuBar(self) -> QMenuBar: ...

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...

    def resizeDocks(self, docks: Any, sizes: Any, orientation: Qt.Orientation) -> None: ...

    def dockWidgetArea(self, dock: QDockWidget) -> Qt.DockWidgetArea: ...

    def findChildren(self, kind: Any, name: str = "") -> Any: ...

    def tr(self, text: str) -> str: ...
