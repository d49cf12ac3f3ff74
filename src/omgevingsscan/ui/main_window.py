"""The main window: menus, toolbar, map canvas, docks and status bar.

It wires widgets together and starts background jobs; the work itself lives in the
core (io/, analysis/) and the widgets. Every user-visible string goes through tr().
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolBar,
    QWidget,
)

from omgevingsscan.crs import to_wgs84
from omgevingsscan.render.scene import MapScene
from omgevingsscan.scan import Scan
from omgevingsscan.settings import Settings
from omgevingsscan.ui.about import show_about
from omgevingsscan.ui.canvas import MapCanvas
from omgevingsscan.ui.extensions import install_all
from omgevingsscan.ui.inspector import FeatureInspector
from omgevingsscan.ui.layer_panel import LayerPanel
from omgevingsscan.ui.new_scan_dialog import NewScanDialog, NewScanRequest
from omgevingsscan.ui.scan_files import ScanFiles
from omgevingsscan.ui.strings import progress_text
from omgevingsscan.ui.worker import Job, Task


class MainWindow(QMainWindow):
    """The omgevingsscan main window."""

    #: A scan was shown (after import or open).
    scan_loaded = Signal(object)
    #: The shown scan is about to be replaced, or the window closes (the old scan).
    scan_closing = Signal(object)
    #: The shown scan's terrain model was imported, replaced or removed (the scan).
    terrain_changed = Signal(object)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings.load()
        self.scan: Scan | None = None
        self.scan_path: Path | None = None
        self.job: Job | None = None
        self.last_error: str | None = None
        self._dialogs: list[QWidget] = []
        self.setWindowTitle("omgevingsscan")
        self.resize(1400, 900)

        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.layer_panel = LayerPanel()
        self.inspector = FeatureInspector()
        self.layers_dock = self._dock(
            self.tr("Layers"), self.layer_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.inspector_dock = self._dock(
            self.tr("Feature"), self.inspector, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.files = ScanFiles(self)
        self._build_status_bar()
        self._build_actions()
        self.extensions = install_all(self)
        self.canvas.cursor_moved.connect(self._on_cursor)
        self.canvas.scale_changed.connect(self._on_scale)
        self.canvas.clicked.connect(self._on_click)
        self.canvas.position_message.connect(lambda m: self.statusBar().showMessage(m, 10000))

    # -- construction -----------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.coords_label = QLabel()
        self.coords_label.setMinimumWidth(380)
        self.scale_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_job)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.coords_label)
        bar.addPermanentWidget(self.scale_label)

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action(
            self.tr("&New scan…"), self.new_scan_dialog, QKeySequence.StandardKey.New
        )
        self.act_open = self._action(
            self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open
        )
        self.act_save = self._action(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self.act_save_as = self._action(
            self.tr("Save &as…"), self.save_as, QKeySequence.StandardKey.SaveAs
        )
        self.act_demo = self._action(self.tr("Open the &demo scan"), self.open_demo)
        self.act_quit = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_zoom_site = self._action(self.tr("Zoom to &site"), self.zoom_to_site, "Ctrl+1")
        self.act_zoom_area = self._action(
            self.tr("Zoom to study &area"), self.zoom_to_study_area, "Ctrl+0"
        )
        self.act_zoom_in = self._action(
            self.tr("Zoom &in"), lambda: self.canvas.zoom_by(1.25), QKeySequence.StandardKey.ZoomIn
        )
        self.act_zoom_out = self._action(
            self.tr("Zoom &out"), lambda: self.canvas.zoom_by(0.8), QKeySequence.StandardKey.ZoomOut
        )
        self.act_online = self._action(self.tr("&Online mode"), self._toggle_online)
        self.act_online.setCheckable(True)
        self.act_online.setChecked(self.settings.online_mode)
        self.act_online.setStatusTip(
            self.tr("When on, the app may download OSM data from the Overpass API. Off by default.")
        )
        self.act_about = self._action(
            self.tr("&About omgevingsscan"), lambda: self._keep(show_about(self))
        )

        menu = self.menuBar()
        self.file_menu = menu.addMenu(self.tr("&File"))
        for act in (self.act_new, self.act_open):
            self.file_menu.addAction(act)
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &recent"))
        self.file_menu.addAction(self.act_demo)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_save)
        self.file_menu.addAction(self.act_save_as)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.view_menu = menu.addMenu(self.tr("&View"))
        for act in (self.act_zoom_site, self.act_zoom_area, self.act_zoom_in, self.act_zoom_out):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.layers_dock.toggleViewAction())
        self.view_menu.addAction(self.inspector_dock.toggleViewAction())
        self.analysis_menu = menu.addMenu(self.tr("&Analysis"))
        self.settings_menu = menu.addMenu(self.tr("&Settings"))
        self.settings_menu.addAction(self.act_online)
        self.help_menu = menu.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.act_about)

        self.toolbar = QToolBar(self.tr("Main"))
        self.toolbar.setObjectName("main-toolbar")
        self.addToolBar(self.toolbar)
        for act in (self.act_new, self.act_open, self.act_save):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        for act in (self.act_zoom_site, self.act_zoom_area):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.files.rebuild_recent()
        self._update_actions()

    def _keep(self, widget: QWidget) -> None:
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [widget]

    # -- showing a scan ---------------------------------------------------------------------
    def set_scan(self, scan: Scan, path: Path | None = None) -> None:
        """Show ``scan`` in the canvas and docks; ``path`` is its file (None: unsaved)."""
        if self.scan is not None:
            self.scan_closing.emit(self.scan)
        self.scan = scan
        self.scan_path = path
        self.canvas.set_map_scene(MapScene(scan))
        self.layer_panel.set_scan(scan)
        self.inspector.show_feature(None, None)
        view = scan.view
        if view.get("scale"):
            self.canvas.set_view(view["cx"], view["cy"], view["scale"])
        else:
            self.zoom_to_study_area()
        name = path.name if path else self.tr("unsaved")
        self.setWindowTitle(f"{scan.site.name} — {name} — omgevingsscan")
        if scan.coverage < 0.999:
            self.statusBar().showMessage(
                self.tr(
                    "The data covers {0:.0%} of the study area; the hatched part has no data."
                ).format(scan.coverage),
                15000,
            )
        self._update_actions()
        self.scan_loaded.emit(scan)

    def _update_actions(self) -> None:
        has = self.scan is not None
        for act in (self.act_save, self.act_save_as, self.act_zoom_site, self.act_zoom_area):
            act.setEnabled(has)

    def zoom_to_site(self) -> None:
        """Centre on the site at about 1:2,000."""
        if self.scan is not None:
            self.canvas.set_view(self.scan.site.x, self.scan.site.y, 0.5)

    def zoom_to_study_area(self) -> None:
        """Fit the study area in the view."""
        if self.scan is not None:
            x0, y0, x1, y1 = self.scan.study_area.polygon.bounds
            self.canvas.zoom_to_rect(x0, y0, x1, y1)

    # -- background jobs ---------------------------------------------------------------------
    def run_job(self, task: Task, title: str, on_success: Any) -> Job | None:
        """Run ``task`` in a worker thread with progress and Cancel; one job at a time."""
        if self.job is not None:
            self.show_error(self.tr("Please wait: {0} is still running.").format(self.job.title))
            return None
        job = Job(task, title, self)
        self.job = job
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.statusBar().showMessage(title)
        job.progress.connect(self._on_progress)
        job.succeeded.connect(on_success)
        job.failed.connect(self._on_job_failed)
        job.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Cancelled."), 5000))
        job.done.connect(self._on_job_done)
        job.start()
        return job

    def cancel_job(self) -> None:
        """Ask the running job to stop."""
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 100))
        self.statusBar().showMessage(progress_text(message))

    def _on_job_failed(self, message: str, user_error: bool) -> None:
        prefix = "" if user_error else self.tr("Unexpected error: ")
        self.show_error(prefix + message)

    def _on_job_done(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.job = None

    def show_error(self, message: str) -> QMessageBox:
        """Show an error without blocking; the open scan stays as it is."""
        self.last_error = message
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("omgevingsscan"), message, parent=self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self._keep(box)
        return box

    # -- file actions ----------------------------------------------------------------------------
    def open_demo(self) -> Job | None:
        """Import the bundled demo scan (Amsterdam city hall) in the background."""
        return self.files.open_demo()

    def open_scan(self, path: str | Path) -> Job | None:
        """Open a scan file in the background."""
        return self.files.open_scan(path)

    def open_dialog(self) -> None:
        """File → Open."""
        self.files.open_dialog()

    def import_new(self, request: NewScanRequest) -> Job | None:
        """Import a new scan from a request of the New-scan dialog, in the background."""
        return self.files.import_new(request)

    def new_scan_dialog(self) -> NewScanDialog:
        """File → New scan…: opens the dialog (non-blocking) and imports on OK."""
        return self.files.new_scan_dialog()

    def save(self) -> bool:
        """Save to the scan's file (asks for one the first time)."""
        return self.files.save()

    def save_as(self) -> bool:
        """Save under a new name."""
        return self.files.save_as()

    def save_to(self, path: Path) -> bool:
        """Write the scan (with the current view) to ``path``; errors go to a dialog."""
        return self.files.save_to(path)

    def _toggle_online(self, checked: bool) -> None:
        self.settings.online_mode = checked
        self.settings.save()
        state = self.tr("on") if checked else self.tr("off")
        self.statusBar().showMessage(self.tr("Online mode is {0}.").format(state), 5000)

    # -- canvas feedback ---------------------------------------------------------------------------
    def _on_cursor(self, x: float, y: float) -> None:
        if self.scan is None:
            return
        lat, lon = to_wgs84(x, y, self.scan.crs)
        label = "RD" if self.scan.crs == "EPSG:28992" else self.scan.crs
        self.coords_label.setText(f"{label} {x:,.1f}, {y:,.1f}   WGS84 {lat:.6f}, {lon:.6f}")

    def _on_scale(self, m_per_px: float) -> None:
        self.scale_label.setText(
            self.tr("Scale 1:{0}").format(f"{self.canvas.scale_denominator():,.0f}")
        )

    def _on_click(self, x: float, y: float) -> None:
        scene = self.canvas.map_scene()
        if scene is None:
            return
        hits = scene.features_at(x, y, tolerance_m=4 * self.canvas.metres_per_pixel())
        hits = [h for h in hits if h[0].name not in ("study_area", "data_extent")]
        if hits:
            self.inspector.show_feature(*hits[0])
            self.inspector_dock.raise_()
        else:
            self.inspector.show_feature(None, None)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait(10000)
        if self.scan is not None:
            self.scan_closing.emit(self.scan)
        for extension in self.extensions.values():
            extension.close()
        scene = self.canvas.map_scene()
        self.layer_panel.set_scan(None)
        self.canvas.set_map_scene(None)
        del scene
        super().closeEvent(event)
