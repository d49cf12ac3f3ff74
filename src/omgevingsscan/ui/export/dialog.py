"""File → Export…: the print map with a live preview, the interactive map, data, report.

The dialog collects options; the exports themselves are the core functions
(:mod:`omgevingsscan.render.layout`, :mod:`omgevingsscan.export`), run in a worker
through the main window's ``run_job`` with progress and Cancel. Each export works on a
snapshot of the scan taken on the UI thread when the button is pressed, so editing the
scan while an export runs is safe.

It is installed into the main window as a UI extension (:mod:`omgevingsscan.ui.extensions`):
:func:`install` adds File → Export… and follows the window's scan.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.errors import ExportError, ImportCancelled
from omgevingsscan.export import data as data_export
from omgevingsscan.export.files import check_folder, default_filename, default_stem
from omgevingsscan.export.html import write_html
from omgevingsscan.export.page import PrintSpec
from omgevingsscan.export.paper import DEFAULT_DPI, MAX_DPI, MIN_DPI, STANDARD_SCALES
from omgevingsscan.export.report import ReportOptions
from omgevingsscan.export.snapshot import snapshot_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.render.geometry import from_scene
from omgevingsscan.render.layout import export_print, prepare_page, render_preview
from omgevingsscan.render.report_maps import export_report
from omgevingsscan.render.scene import MapScene
from omgevingsscan.scan import Scan
from omgevingsscan.ui.strings import layer_title

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost

RunJob = Callable[[Any, str, Any], Any]
#: Classification markings offered (the field is editable).
CLASSIFICATIONS = ("", "VERTROUWELIJK", "DEPARTEMENTAAL VERTROUWELIJK", "CONFIDENTIAL")
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

        self.tabs = QTabWidget()
        self.tabs.addTab(self._print_tab(), self.tr("Print map"))
        self.tabs.addTab(self._html_tab(), self.tr("Interactive map"))
        self.tabs.addTab(self._data_tab(), self.tr("Data"))
        self.tabs.addTab(self._report_tab(), self.tr("Report"))

        left = QVBoxLayout()
        left.addWidget(self._details_box())
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
    def _details_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Details"))
        form = QFormLayout(box)
        self.title = QLineEdit(f"Omgevingsscan {self.scan.site.name}")
        self.subtitle = QLineEdit()
        self.author = QLineEdit()
        self.date = QLineEdit(date.today().isoformat())
        self.classification = QComboBox()
        self.classification.setEditable(True)
        self.classification.addItems(CLASSIFICATIONS)
        self.classification.setToolTip(self.tr("Printed at the top and bottom of every page"))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Classification"), self.classification)
        return box

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

    def _path_row(self, edit: QLineEdit, caption: str, filt: str, folder: bool = False) -> QWidget:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        browse = QPushButton(self.tr("Browse…"))

        def pick() -> None:
            if folder:
                chosen = QFileDialog.getExistingDirectory(self, caption, edit.text())
            else:
                chosen, _ = QFileDialog.getSaveFileName(self, caption, edit.text(), filt)
            if chosen:
                edit.setText(chosen)

        browse.clicked.connect(pick)
        h.addWidget(edit, 1)
        h.addWidget(browse)
        return row

    def _default(self, what: str, ext: str) -> str:
        return str(self._folder / default_filename(self.scan.site.name, what, ext))

    def _print_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "A3"])
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Portrait"), False)
        self.orientation.addItem(self.tr("Landscape"), True)
        self.scale = QComboBox()
        for s in STANDARD_SCALES:
            self.scale.addItem(f"1:{s:,}".replace(",", " "), float(s))
        self.scale.addItem(self.tr("Fit to the frame"), None)
        self.scale.setCurrentIndex(len(STANDARD_SCALES))
        self.frame = QComboBox()
        self.frame.addItem(self.tr("Study area"), "study_area")
        self.frame.addItem(self.tr("Current view"), "view")
        if self._view is None:
            self.frame.model().item(1).setEnabled(False)  # type: ignore[attr-defined]
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF (vector)"), "pdf")
        self.format.addItem(self.tr("PNG (image)"), "png")
        self.format.addItem(self.tr("SVG (vector)"), "svg")
        self.dpi = QSpinBox()
        self.dpi.setRange(MIN_DPI, MAX_DPI)
        self.dpi.setValue(DEFAULT_DPI)
        self.dpi.setSuffix(self.tr(" dpi"))
        self.dpi.setEnabled(False)
        self.print_path = QLineEdit(self._default("map", "pdf"))
        self.format.currentIndexChanged.connect(self._on_format)
        self.print_button = QPushButton(self.tr("Export map"))
        self.print_button.clicked.connect(self.export_print)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("Map frame"), self.frame)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow(
            self.tr("File"),
            self._path_row(
                self.print_path, self.tr("Export map"), self.tr("Maps (*.pdf *.png *.svg)")
            ),
        )
        form.addRow(self.print_button)
        return tab

    def _html_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.basemap = QCheckBox(self.tr("Add the OSM tile basemap (online)"))
        self.basemap.setEnabled(self._online)
        note = (
            self.tr(
                "The OSM tile basemap loads map tiles from tile.openstreetmap.org when the "
                "file is opened: the tile server then learns which area, and so which site, "
                "is being viewed."
            )
            if self._online
            else self.tr("Online mode is off: the map has no basemap and makes no requests.")
        )
        self.basemap_note = QLabel(note)
        self.basemap_note.setWordWrap(True)
        self.html_path = QLineEdit(self._default("map", "html"))
        self.html_button = QPushButton(self.tr("Export interactive map"))
        self.html_button.clicked.connect(self.export_html)
        form.addRow(self.basemap)
        form.addRow(self.basemap_note)
        form.addRow(
            self.tr("File"),
            self._path_row(
                self.html_path, self.tr("Interactive map"), self.tr("Web page (*.html)")
            ),
        )
        form.addRow(self.html_button)
        return tab

    def _data_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.want_geojson = QCheckBox(self.tr("GeoJSON, one file per layer (QGIS)"))
        self.want_kml = QCheckBox(self.tr("KML (Google Earth, TAK)"))
        self.want_gpx = QCheckBox(self.tr("GPX of the routes"))
        self.want_csv = QCheckBox(self.tr("CSV of the sightings"))
        self.want_gpkg = QCheckBox(self.tr("Copy of the scan (.gpkg)"))
        self.want_geojson.setChecked(True)
        self.want_kml.setChecked(True)
        has_routes = bool(data_export.layers_of_kind(self.scan, data_export.ROUTE_KINDS))
        has_sightings = bool(data_export.layers_of_kind(self.scan, data_export.SIGHTING_KINDS))
        self.want_gpx.setEnabled(has_routes)
        self.want_gpx.setChecked(has_routes)
        self.want_csv.setEnabled(has_sightings)
        self.want_csv.setChecked(has_sightings)
        for box in (
            self.want_geojson,
            self.want_kml,
            self.want_gpx,
            self.want_csv,
            self.want_gpkg,
        ):
            form.addRow(box)
        self.data_folder = QLineEdit(str(self._folder / default_stem(self.scan.site.name, "data")))
        self.data_button = QPushButton(self.tr("Export data"))
        self.data_button.clicked.connect(self.export_data)
        form.addRow(
            self.tr("Folder"),
            self._path_row(self.data_folder, self.tr("Data folder"), "", folder=True),
        )
        form.addRow(self.data_button)
        return tab

    def _report_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        form.addRow(
            QLabel(
                self.tr(
                    "A PDF with a cover, a summary, maps, findings for each analysis that "
                    "was run, and the data sources."
                )
            )
        )
        self.report_path = QLineEdit(self._default("report", "pdf"))
        self.report_button = QPushButton(self.tr("Export report"))
        self.report_button.clicked.connect(self.export_report)
        form.addRow(
            self.tr("File"),
            self._path_row(self.report_path, self.tr("Report"), self.tr("PDF (*.pdf)")),
        )
        form.addRow(self.report_button)
        return tab

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

    def _on_format(self) -> None:
        fmt = self.format.currentData()
        self.dpi.setEnabled(fmt == "png")
        path = Path(self.print_path.text())
        if path.suffix.lower() in (".pdf", ".png", ".svg"):
            self.print_path.setText(str(path.with_suffix(f".{fmt}")))

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

        def task(progress: Any, cancelled: Any) -> list[Path]:
            return [export_print(snap, spec, path, fmt, progress=progress, cancelled=cancelled)]

        return self._start(task, self.tr("Exporting the map"))

    def export_html(self) -> Any:
        """Export the interactive map (background job)."""
        layers = self.chosen_layers()
        snap = snapshot_scan(self.scan, layers)
        path = self.html_path.text()
        basemap = self.basemap.isChecked()
        title, classification = self.title.text(), self.classification.currentText()
        online = self._online

        def task(progress: Any, cancelled: Any) -> list[Path]:
            progress(0.1, "Writing the interactive map")
            out, _warnings = write_html(
                snap,
                path,
                None,
                title=title,
                classification=classification,
                basemap=basemap,
                online_mode=online,
            )
            return [out]

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

        def task(progress: Any, cancelled: Any) -> list[Path]:
            check_folder(folder)
            out: list[Path] = []
            steps = [k for k, v in wants.items() if v]
            for i, what in enumerate(steps):
                if cancelled():
                    raise ImportCancelled("export cancelled")
                progress(i / max(len(steps), 1), f"Writing {what}")
                if what == "geojson":
                    out += data_export.write_geojson(snap, folder / "geojson", layers)
                elif what == "kml":
                    out.append(data_export.write_kml(snap, folder / f"{stem}.kml", layers))
                elif what == "gpx":
                    out.append(data_export.write_gpx(snap, folder / f"{stem}.gpx"))
                elif what == "csv":
                    out.append(
                        data_export.write_sightings_csv(snap, folder / f"{stem}-sightings.csv")
                    )
                elif what == "gpkg" and source is not None:
                    out.append(data_export.copy_gpkg(source, folder / f"{stem}.gpkg"))
            if not out:
                raise ExportError("nothing chosen to export")
            return out

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

        def task(progress: Any, cancelled: Any) -> list[Path]:
            out, _findings = export_report(
                snap, path, options, progress=progress, cancelled=cancelled
            )
            return [out]

        return self._start(task, self.tr("Exporting the report"))

    def done(self, result: int) -> None:
        """Close: dispose the preview scene."""
        if self._scene is not None:
            self._scene.dispose()
            self._scene = None
        super().done(result)


# -- the extension --------------------------------------------------------------------------
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
