"""The tabs of the Export dialog, one per kind of export, with their options.

Each tab holds its own fields and its Export button; the dialog
(:class:`~omgevingsscan.ui.export.dialog.ExportDialog`) connects the buttons, reads the
fields and starts the export. :class:`DetailsBox` holds the title block shared by the
print map, the interactive map and the report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from omgevingsscan.export import data as data_export
from omgevingsscan.export.paper import DEFAULT_DPI, MAX_DPI, MIN_DPI, STANDARD_SCALES
from omgevingsscan.scan import Scan

#: Classification markings offered (the field is editable).
CLASSIFICATIONS = ("", "VERTROUWELIJK", "DEPARTEMENTAAL VERTROUWELIJK", "CONFIDENTIAL")


def path_row(
    parent: QWidget, edit: QLineEdit, caption: str, filt: str, folder: bool = False
) -> QWidget:
    """``edit`` with a Browse… button that asks for a file (or a ``folder``)."""
    row = QWidget()
    h = QHBoxLayout(row)
    h.setContentsMargins(0, 0, 0, 0)
    browse = QPushButton(QCoreApplication.translate("ExportDialog", "Browse…"))

    def pick() -> None:
        if folder:
            chosen = QFileDialog.getExistingDirectory(parent, caption, edit.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(parent, caption, edit.text(), filt)
        if chosen:
            edit.setText(chosen)

    browse.clicked.connect(pick)
    h.addWidget(edit, 1)
    h.addWidget(browse)
    return row


class DetailsBox(QGroupBox):
    """Title, subtitle, author, date and classification of the exports."""

    def __init__(self, site_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Details"))
        form = QFormLayout(self)
        self.title_edit = QLineEdit(f"Omgevingsscan {site_name}")
        self.subtitle = QLineEdit()
        self.author = QLineEdit()
        self.date = QLineEdit(date.today().isoformat())
        self.classification = QComboBox()
        self.classification.setEditable(True)
        self.classification.addItems(CLASSIFICATIONS)
        self.classification.setToolTip(self.tr("Printed at the top and bottom of every page"))
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Classification"), self.classification)


class PrintTab(QWidget):
    """The print map: paper, orientation, scale, frame, format, resolution, file."""

    def __init__(self, default_path: str, has_view: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
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
        if not has_view:
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
        self.print_path = QLineEdit(default_path)
        self.format.currentIndexChanged.connect(self._on_format)
        self.print_button = QPushButton(self.tr("Export map"))
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("Map frame"), self.frame)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow(
            self.tr("File"),
            path_row(
                self, self.print_path, self.tr("Export map"), self.tr("Maps (*.pdf *.png *.svg)")
            ),
        )
        form.addRow(self.print_button)

    def _on_format(self) -> None:
        fmt = self.format.currentData()
        self.dpi.setEnabled(fmt == "png")
        path = Path(self.print_path.text())
        if path.suffix.lower() in (".pdf", ".png", ".svg"):
            self.print_path.setText(str(path.with_suffix(f".{fmt}")))


class HtmlTab(QWidget):
    """The interactive map: the basemap (online mode only) and the file."""

    def __init__(self, default_path: str, online: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.basemap = QCheckBox(self.tr("Add the OSM tile basemap (online)"))
        self.basemap.setEnabled(online)
        note = (
            self.tr(
                "The OSM tile basemap loads map tiles from tile.openstreetmap.org when the "
                "file is opened: the tile server then learns which area, and so which site, "
                "is being viewed."
            )
            if online
            else self.tr("Online mode is off: the map has no basemap and makes no requests.")
        )
        self.basemap_note = QLabel(note)
        self.basemap_note.setWordWrap(True)
        self.html_path = QLineEdit(default_path)
        self.html_button = QPushButton(self.tr("Export interactive map"))
        form.addRow(self.basemap)
        form.addRow(self.basemap_note)
        form.addRow(
            self.tr("File"),
            path_row(
                self, self.html_path, self.tr("Interactive map"), self.tr("Web page (*.html)")
            ),
        )
        form.addRow(self.html_button)


class DataTab(QWidget):
    """Data for other tools: which formats, and the folder."""

    def __init__(self, scan: Scan, default_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.want_geojson = QCheckBox(self.tr("GeoJSON, one file per layer (QGIS)"))
        self.want_kml = QCheckBox(self.tr("KML (Google Earth, TAK)"))
        self.want_gpx = QCheckBox(self.tr("GPX of the routes"))
        self.want_csv = QCheckBox(self.tr("CSV of the sightings"))
        self.want_gpkg = QCheckBox(self.tr("Copy of the scan (.gpkg)"))
        self.want_geojson.setChecked(True)
        self.want_kml.setChecked(True)
        has_routes = bool(data_export.layers_of_kind(scan, data_export.ROUTE_KINDS))
        has_sightings = bool(data_export.layers_of_kind(scan, data_export.SIGHTING_KINDS))
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
        self.data_folder = QLineEdit(default_folder)
        self.data_button = QPushButton(self.tr("Export data"))
        form.addRow(
            self.tr("Folder"),
            path_row(self, self.data_folder, self.tr("Data folder"), "", folder=True),
        )
        form.addRow(self.data_button)


class ReportTab(QWidget):
    """The assessment report: the file."""

    def __init__(self, default_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr(
                    "A PDF with a cover, a summary, maps, findings for each analysis that "
                    "was run, and the data sources."
                )
            )
        )
        self.report_path = QLineEdit(default_path)
        self.report_button = QPushButton(self.tr("Export report"))
        form.addRow(
            self.tr("File"),
            path_row(self, self.report_path, self.tr("Report"), self.tr("PDF (*.pdf)")),
        )
        form.addRow(self.report_button)
