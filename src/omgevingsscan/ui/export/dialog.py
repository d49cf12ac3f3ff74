"""File → Export…: the print map with a live preview, the interactive map, data, report.

The dialog collects options; the exports themselves are the core functions
(:mod:`omgevingsscan.render.layout`, :mod:`omgevingsscan.export`), run in a worker
through the main window's ``run_job`` with progress and Cancel. Each export works on a
snapshot of the scan taken on the UI thread when the button is pressed, so editing the
scan while an export runs is safe.

The form's tabs are in :mod:`omgevingsscan.ui.export.tabs`, the export tasks run in the
worker in :mod:`omgevingsscan.ui.export.jobs`; File → Export… is added to the main window
by :mod:`omgevingsscan.ui.export.extension`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.errors import ExportError
from omgevingsscan.export import data as data_export
from omgevingsscan.export.files import default_filename, default_stem
from omgevingsscan.export.page import PrintSpec
from omgevingsscan.export.report import ReportOptions
from omgevingsscan.export.snapshot import snapshot_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.render.layout import prepare_page, render_preview
from omgevingsscan.render.scene import MapScene
from omgevingsscan.scan import Scan
from omgevingsscan.ui.export.jobs import data_task, html_task, print_task, report_task
from omgevingsscan.ui.export.tabs import DataTab, DetailsBox, HtmlTab, PrintTab, ReportTab
from omgevingsscan.ui.strings import layer_title

if TYPE_CHECKING:
    pass

RunJob = Callable[[Any, str, Any], Any]
#: Width of the preview image, pixels.
PREVIEW_WIDTH = 420


class ExportDialog(QDialog):
    """Options and buttons for every export of one scan.

    Parameters
    ----------
    scan
        The scan shown in the main window.
    run_job
        ``run_job(task, title, on_success)`` of the main window (worker thread).
    view
        The canvas's current view ``(x0, y0, x1, y1)`` in metres, for the "current
        view" frame; None disables that choice.
    scan_path
        The scan's file (for default names and the .gpkg copy), or None.
    online_mode
        Whether online mode is on (the OSM tile basemap is offered only then).

    Signals
    -------
    preview_updated()
        The preview shows the current options.
    exported(list)
        Paths written by an export that finished.
    """

    preview_updated = Signal()
    exported = Signal(list)

    def __init__(
        self,
        scan: Scan,
        run_job: RunJob,
        *,
        view: tuple[float, float, float, float] | None = None,
        scan_path: Path | None = None,
        online_mode: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.scan = scan
        self._run_job = run_job
        self._view = view
        self._scan_path = scan_path
        self._online = online_mode
        self._folder = scan_path.parent if scan_path else Path.cwd()
        self._snapshot: Scan | None = None
        self._scene: MapScene | None = None
        self.last_paths: list[Path] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_preview)

        self.details = DetailsBox(scan.site.name)
        d = self.details
        self.title, self.subtitle, self.author = d.title_edit, d.subtitle, d.author
        self.date, self.classification = d.date, d.classification
        self.print_tab = PrintTab(self._default("map", "pdf"), view is not None)
        t = self.print_tab
        self.paper, self.orientation, self.scale, self.frame = (
            t.paper,
            t.orientation,
            t.scale,
            t.frame,
        )
        self.format, self.dpi, self.print_path = t.format, t.dpi, t.print_path
        self.print_button = t.print_button
        self.print_button.clicked.connect(self.export_print)
        self.html_tab = HtmlTab(self._default("map", "html"), online_mode)
        self.basemap, self.html_path = self.html_tab.basemap, self.html_tab.html_path
        self.html_button = self.html_tab.html_button
        self.html_button.clicked.connect(self.export_html)
        folder = str(self._folder / default_stem(scan.site.name, "data"))
        self.data_tab = DataTab(scan, folder)
        dt = self.data_tab
        self.want_geojson, self.want_kml, self.want_gpx = dt.want_geojson, dt.want_kml, dt.want_gpx
        self.want_csv, self.want_gpkg = dt.want_csv, dt.want_gpkg
        self.data_folder, self.data_button = dt.data_folder, dt.data_button
        self.data_button.clicked.connect(self.export_data)
        self.report_tab = ReportTab(self._default("report", "pdf"))
        self.report_path = self.report_tab.report_path
        self.report_button = self.report_tab.report_button
        self.report_button.clicked.connect(self.export_report)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.print_tab, self.tr("Print map"))
        self.tabs.addTab(self.html_tab, self.tr("Interactive map"))
        self.tabs.addTab(self.data_tab, self.tr("Data"))
        self.tabs.addTab(self.report_tab, self.tr("Report"))

        left = QVBoxLayout()
        left.addWidget(self.details)
        left.addWidget(self._layers_box(), 1)
        left.addWidget(self.tabs)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        left.addWidget(buttons)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(PREVIEW_WIDTH + 8, round(PREVIEW_WIDTH * 1.42) + 8))
        self.preview.setStyleSheet("background: #8a8a8a;")
        self.preview.setAccessibleName(self.tr("Page preview"))
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Preview")))
        right.addWidget(self.preview, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self._connect_preview()
        self._rebuild_snapshot()
        self.schedule_preview()

    # -- building the form -----------------------------------------------------------------
    def _layers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Layers"))
        lay = QVBoxLayout(box)
        self.layers = QListWidget()
        for layer in reversed(list(self.scan.layers)):
            if not isinstance(layer, VectorLayer):
                continue
            title = layer_title(layer)
            label = title if layer.name == layer.kind else f"{layer.name} ({title})"
            item = QListWidgetItem(f"{label}: {len(layer)}")
            item.setData(Qt.ItemDataRole.UserRole, layer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.layers.addItem(item)
        lay.addWidget(self.layers)
        return box

    def _default(self, what: str, ext: str) -> str:
        return str(self._folder / default_filename(self.scan.site.name, what, ext))

    # -- state ----------------------------------------------------------------------------
    def chosen_layers(self) -> tuple[str, ...]:
        """Names of the checked layers, bottom first."""
        names = []
        for i in range(self.layers.count()):
            item = self.layers.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(reversed(names))

    def print_spec(self) -> PrintSpec:
        """The print options as chosen."""
        return PrintSpec(
            paper=self.paper.currentText(),
            landscape=bool(self.orientation.currentData()),
            scale=self.scale.currentData(),
            frame=self.frame.currentData(),
            view=self._view,
            title=self.title.text(),
            subtitle=self.subtitle.text(),
            author=self.author.text(),
            date=self.date.text(),
            classification=self.classification.currentText(),
            layers=self.chosen_layers(),
            dpi=self.dpi.value(),
        )

    # -- preview --------------------------------------------------------------------------
    def _connect_preview(self) -> None:
        for combo in (self.paper, self.orientation, self.scale, self.frame):
            combo.currentIndexChanged.connect(self.schedule_preview)
        for edit in (self.title, self.subtitle, self.author, self.date):
            edit.textChanged.connect(self.schedule_preview)
        self.classification.currentTextChanged.connect(self.schedule_preview)
        self.layers.itemChanged.connect(self._on_layers_changed)

    def _on_layers_changed(self, *_: Any) -> None:
        self._rebuild_snapshot()
        self.schedule_preview()

    def _rebuild_snapshot(self) -> None:
        if self._scene is not None:
            self._scene.dispose()
        self._snapshot = snapshot_scan(self.scan, self.chosen_layers())
        self._scene = MapScene(self._snapshot)

    def schedule_preview(self, *_: Any) -> None:
        """Redraw the preview shortly (changes in quick succession redraw once)."""
        self._timer.start()

    def update_preview(self) -> None:
        """Redraw the page preview now."""
        assert self._snapshot is not None
        try:
            page = prepare_page(self._snapshot, self.print_spec(), snapshot=False)
        except ExportError as exc:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(html.escape(str(exc)))
            self.print_button.setEnabled(False)
        else:
            image = render_preview(page, PREVIEW_WIDTH, self._scene)
            self.preview.setText("")
            self.preview.setPixmap(QPixmap.fromImage(image))
            self.print_button.setEnabled(True)
        self.preview_updated.emit()

    # -- exports --------------------------------------------------------------------------
    def _start(self, task: Callable[[Any, Any], list[Path]], title: str) -> Any:
        self.status.setText(title)
        return self._run_job(task, title, self._done)

    def _done(self, paths: list[Path]) -> None:
        self.last_paths = list(paths)
        self.status.setText(self.tr("Written: {0}").format(", ".join(str(p) for p in paths)))
        self.exported.emit(self.last_paths)

    def export_print(self) -> Any:
        """Export the print map in the chosen format (background job)."""
        spec = self.print_spec()
        path = self.print_path.text()
        fmt = self.format.currentData()
        snap = snapshot_scan(self.scan, spec.layers)
        return self._start(print_task(snap, spec, path, fmt), self.tr("Exporting the map"))

    def export_html(self) -> Any:
        """Export the interactive map (background job)."""
        layers = self.chosen_layers()
        snap = snapshot_scan(self.scan, layers)
        path = self.html_path.text()
        basemap = self.basemap.isChecked()
        task = html_task(
            snap,
            path,
            title=self.title.text(),
            classification=self.classification.currentText(),
            basemap=basemap,
            online=self._online,
        )
        return self._start(task, self.tr("Exporting the interactive map"))

    def export_data(self) -> Any:
        """Export the chosen data files into the folder (background job)."""
        layers = self.chosen_layers()
        snap = snapshot_scan(
            self.scan, [layer.name for layer in data_export.vector_layers(self.scan)]
        )
        folder = Path(self.data_folder.text())
        stem = default_stem(self.scan.site.name, "data")
        wants = {
            "geojson": self.want_geojson.isChecked(),
            "kml": self.want_kml.isChecked(),
            "gpx": self.want_gpx.isChecked() and self.want_gpx.isEnabled(),
            "csv": self.want_csv.isChecked() and self.want_csv.isEnabled(),
            "gpkg": self.want_gpkg.isChecked(),
        }
        source = self._scan_path
        if wants["gpkg"] and source is None:
            self.status.setText(self.tr("Save the scan first to export a copy of its file."))
            return None
        task = data_task(snap, folder, stem, layers, wants, source)
        return self._start(task, self.tr("Exporting data"))

    def export_report(self) -> Any:
        """Export the assessment report (background job)."""
        names = [layer.name for layer in data_export.vector_layers(self.scan)]
        snap = snapshot_scan(self.scan, names, keep_visibility=True)
        path = self.report_path.text()
        options = ReportOptions(
            title="",
            author=self.author.text(),
            date=self.date.text(),
            classification=self.classification.currentText(),
        )
        return self._start(report_task(snap, path, options), self.tr("Exporting the report"))

    def done(self, result: int) -> None:
        """Close: dispose the preview scene."""
        if self._scene is not None:
            self._scene.dispose()
            self._scene = None
        super().done(result)
