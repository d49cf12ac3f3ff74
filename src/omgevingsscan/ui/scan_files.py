"""The File menu's work for the main window: open, import, the demo, save, recent files.

:class:`ScanFiles` opens and imports scans in the background (the window's ``run_job``:
progress and Cancel), shows them with the window's ``set_scan``, saves them with the
current view, and keeps the Open-recent menu. It reaches the window only through
:class:`FilesHost`, so it does not import the main window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from omgevingsscan.crs import to_wgs84
from omgevingsscan.io.demo import load_demo_scan
from omgevingsscan.io.geocode import places_from_layers
from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan
from omgevingsscan.ui.canvas import MapTool
from omgevingsscan.ui.host import WindowHost
from omgevingsscan.ui.import_notes import import_message
from omgevingsscan.ui.new_scan_dialog import NewScanDialog, NewScanRequest
from omgevingsscan.ui.worker import Job


class FilesHost(WindowHost, Protocol):
    """The main window as :class:`ScanFiles` sees it."""

    recent_menu: QMenu

    def set_scan(self, scan: Scan, path: Path | None = None) -> None:
        """Show ``scan``; ``path`` is its file (None: unsaved)."""

    def setWindowTitle(self, title: str) -> None: ...

    def _keep(self, widget: QWidget) -> None:
        """Keep a non-blocking dialog alive while it is shown."""


class _PickTool(MapTool):
    """One click on the map gives a location, then the tool removes itself."""

    def __init__(self, callback: Any) -> None:
        self._callback = callback

    def release(self, x: float, y: float, event: Any) -> bool:
        self.canvas.set_tool(None)
        self._callback(x, y)
        return True


class ScanFiles:
    """Open, import, save and the recent files of the main window."""

    def __init__(self, window: FilesHost) -> None:
        self.window = window

    def open_demo(self) -> Job | None:
        """Import the bundled demo scan (Amsterdam city hall) in the background."""
        return self.window.run_job(
            lambda progress, cancelled: load_demo_scan(progress, cancelled),
            QCoreApplication.translate("MainWindow", "Opening the demo scan"),
            self._imported,
        )

    def _imported(self, scan: Scan) -> None:
        self.window.set_scan(scan, None)
        note = import_message(scan)  # features dropped or repaired at import
        if note:
            self.window.statusBar().showMessage(note, 30000)

    def open_scan(self, path: str | Path) -> Job | None:
        """Open a scan file in the background."""
        p = Path(path)

        def done(scan: Scan) -> None:
            self.window.set_scan(scan, p)
            self.window.settings.add_recent(p)
            self.window.settings.save()
            self.rebuild_recent()

        return self.window.run_job(
            lambda progress, cancelled: load_scan(p),
            QCoreApplication.translate("MainWindow", "Opening {0}").format(p.name),
            done,
        )

    def open_dialog(self) -> None:
        """File → Open."""
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Open scan"),
            "",
            QCoreApplication.translate("MainWindow", "Scan (*.gpkg)"),
        )
        if path:
            self.open_scan(path)

    def import_new(self, request: NewScanRequest) -> Job | None:
        """Import a new scan from a request of the New-scan dialog, in the background."""

        def task(progress: Any, cancelled: Any) -> Scan:
            if request.osm_path is None:
                from omgevingsscan.io.overpass import download_osm

                osm_path = download_osm(
                    request.site, request.radius_m, self.window.settings, progress, cancelled
                )
            else:
                osm_path = request.osm_path
            return import_scan(
                osm_path,
                request.site,
                radius_m=request.radius_m,
                name=request.name or None,
                kind=request.kind,
                progress=progress,
                cancelled=cancelled,
            )

        return self.window.run_job(
            task,
            QCoreApplication.translate("MainWindow", "Importing OSM data"),
            self._imported,
        )

    def _imported(self, scan: Scan) -> None:
        self.window.set_scan(scan, None)
        note = import_message(scan)  # features dropped or repaired at import
        if note:
            self.window.statusBar().showMessage(note, 30000)

    def new_scan_dialog(self) -> NewScanDialog:
        """File → New scan…: opens the dialog (non-blocking) and imports on OK."""
        places = []
        if self.window.scan is not None:
            frames = {
                layer.name: layer.data
                for layer in self.window.scan.layers
                if isinstance(layer, VectorLayer)
                and layer.name in ("addresses", "buildings", "poi")
            }
            places = places_from_layers(frames)
        from omgevingsscan.io.demo import demo_osm_path

        dialog = NewScanDialog(
            places, demo_osm_path(), self.window.settings.online_mode, self.window
        )
        dialog.accepted.connect(lambda: dialog.request and self.import_new(dialog.request))
        dialog.pick_on_map.connect(lambda: self._pick_for(dialog))
        dialog.open()
        self.window._keep(dialog)
        return dialog

    def _pick_for(self, dialog: NewScanDialog) -> None:
        if self.window.scan is None:
            self.window.show_error(
                QCoreApplication.translate(
                    "MainWindow", "Open a scan first to pick a location on its map."
                )
            )
            return
        dialog.hide()
        crs = self.window.scan.crs

        def picked(x: float, y: float) -> None:
            lat, lon = to_wgs84(x, y, crs)
            dialog.set_picked(lat, lon)
            dialog.show()

        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Click the site on the map.")
        )
        self.window.canvas.set_tool(_PickTool(picked))

    def save(self) -> bool:
        """Save to the scan's file (asks for one the first time)."""
        if self.window.scan is None:
            return False
        if self.window.scan_path is None:
            return self.save_as()
        return self.save_to(self.window.scan_path)

    def save_as(self) -> bool:
        """Save under a new name."""
        if self.window.scan is None:
            return False
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Save scan"),
            "",
            QCoreApplication.translate("MainWindow", "Scan (*.gpkg)"),
        )
        if not path:
            return False
        if not path.endswith(".gpkg"):
            # The dialog asked about the name as typed; ask again for the real file.
            path += ".gpkg"
            if Path(path).exists() and not self.confirm_replace(Path(path)):
                return False
        return self.save_to(Path(path))

    def confirm_replace(self, path: Path) -> bool:
        """Ask before a save replaces another existing file (it is then kept as .bak)."""
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("MainWindow", "Replace scan?"),
            QCoreApplication.translate(
                "MainWindow", "{0} already exists. Replace it? The old file is kept as {1}."
            ).format(path.name, path.name + ".bak"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_to(self, path: Path) -> bool:
        """Write the scan (with the current view) to ``path``; errors go to a dialog."""
        if self.window.scan is None:
            return False
        cx, cy = self.window.canvas.centre_xy()
        self.window.scan.view = {"cx": cx, "cy": cy, "scale": self.window.canvas.metres_per_pixel()}
        current = self.window.scan_path
        replacing_other = path.exists() and path.resolve() != (
            current.resolve() if current else None
        )
        try:
            save_scan(self.window.scan, path, backup=replacing_other)  # atomic; old kept as .bak
        except (OSError, ValueError) as exc:
            self.window.show_error(str(exc))
            return False
        self.window.scan_path = path
        self.window.settings.add_recent(path)
        self.window.settings.save()
        self.rebuild_recent()
        self.window.setWindowTitle(f"{self.window.scan.site.name} — {path.name} — omgevingsscan")
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved {0}").format(path), 5000
        )
        return True

    def rebuild_recent(self) -> None:
        self.window.recent_menu.clear()
        for entry in self.window.settings.recent:
            act = self.window.recent_menu.addAction(entry)
            act.triggered.connect(lambda _=False, p=entry: self.open_scan(p))
        self.window.recent_menu.setEnabled(bool(self.window.settings.recent))
