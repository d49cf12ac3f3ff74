"""File → Export… in the main window: the extension that opens the Export dialog.

Installed by :mod:`omgevingsscan.ui.extensions`: :func:`install` adds File → Export…
(Ctrl+E) and follows the window's scan (the action is enabled once a scan is shown; the
dialog closes when the scan does). The dialog itself is
:class:`~omgevingsscan.ui.export.dialog.ExportDialog`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from omgevingsscan.render.geometry import from_scene
from omgevingsscan.scan import Scan
from omgevingsscan.ui.export.dialog import ExportDialog

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost


def current_view(window: WindowHost) -> tuple[float, float, float, float] | None:
    """The canvas's visible ground box ``(x0, y0, x1, y1)`` metres, or None without a scene."""
    canvas = window.canvas
    if canvas.map_scene() is None:
        return None
    rect = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    x0, y1 = from_scene(rect.topLeft())
    x1, y0 = from_scene(rect.bottomRight())
    return (x0, y0, x1, y1)


class ExportExtension(QObject):
    """Adds File → Export… to the main window."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ExportDialog | None = None
        self.action = QAction(self.tr("&Export…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setStatusTip(
            self.tr("Print map, interactive map, data for other tools, assessment report")
        )
        self.action.triggered.connect(self.open)
        self.action.setEnabled(window.scan is not None)
        menu = window.file_menu
        anchor = window.act_quit if hasattr(window, "act_quit") else None
        if anchor is not None:
            menu.insertAction(anchor, self.action)
            menu.insertSeparator(anchor)
        else:
            menu.addAction(self.action)
        window.scan_loaded.connect(self._on_scan)
        window.scan_closing.connect(self._on_closing)

    def _on_scan(self, _scan: Scan) -> None:
        self.action.setEnabled(True)

    def _on_closing(self, _scan: Scan) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None

    def open(self) -> ExportDialog | None:
        """Open the Export dialog for the shown scan (non-blocking)."""
        window = self.window
        if window.scan is None:
            window.show_error(self.tr("Open a scan first."))
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ExportDialog(
            window.scan,
            window.run_job,
            view=current_view(window),
            scan_path=window.scan_path,
            online_mode=window.settings.online_mode,
            parent=window,
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog.finished.connect(self._forget)
        self.dialog.open()
        return self.dialog

    def _forget(self, *_: Any) -> None:
        self.dialog = None

    def close(self) -> None:
        """Disconnect from the window."""
        self._on_closing(None)  # type: ignore[arg-type]
        self.window.scan_loaded.disconnect(self._on_scan)
        self.window.scan_closing.disconnect(self._on_closing)


def install(window: WindowHost) -> ExportExtension:
    """Install File → Export… into ``window`` (see :mod:`omgevingsscan.ui.extensions`)."""
    return ExportExtension(window)
