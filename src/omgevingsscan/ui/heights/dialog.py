"""The dialog of Data → Import building heights…: 3D BAG tiles, or any vector layer
with a height (or storeys) attribute chosen from its numeric fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.errors import InputFileError
from omgevingsscan.io.heights.layer import height_fields
from omgevingsscan.ui.common import error_label, ok_cancel


@dataclass
class HeightsRequest:
    """What to import: 3D BAG ``files``, or one layer file with ``field``."""

    bag: bool
    files: list[str] = field(default_factory=list)
    field: str = ""
    levels: bool = False
    id_field: str | None = None
    dataset: str | None = None


class HeightsDialog(QDialog):
    """Choose the height source; ``request()`` gives the answer after OK."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import building heights"))
        self.bag_radio = QRadioButton(self.tr("3D BAG tiles (.gpkg, .city.json, .city.jsonl)"))
        self.layer_radio = QRadioButton(self.tr("Another vector layer with heights"))
        self.bag_radio.setChecked(True)
        self.files = QLineEdit()
        self.files.setPlaceholderText(self.tr("One or more files"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.field = QComboBox()
        self.id_field = QComboBox()
        self.levels = QCheckBox(self.tr("The attribute holds storeys, not metres"))
        self.dataset = QLineEdit()
        self.dataset.setPlaceholderText(self.tr("Name of the data set (default: the file name)"))
        self.error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Files"), row)
        form.addRow(self.tr("Height attribute"), self.field)
        form.addRow("", self.levels)
        form.addRow(self.tr("Join by id attribute"), self.id_field)
        form.addRow(self.tr("Data set"), self.dataset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bag_radio)
        layout.addWidget(self.layer_radio)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self._accept, self.reject))
        self.bag_radio.toggled.connect(self._sync)
        self.files.editingFinished.connect(self._load_fields)
        self._sync()

    def _sync(self) -> None:
        layer = self.layer_radio.isChecked()
        for w in (self.field, self.id_field, self.levels, self.dataset):
            w.setEnabled(layer)

    def _browse(self) -> None:
        if self.bag_radio.isChecked():
            names, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("3D BAG tiles"),
                "",
                self.tr("3D BAG (*.gpkg *.json *.jsonl)"),
            )
        else:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Vector layer"),
                "",
                self.tr("Vector data (*.gpkg *.geojson *.json *.shp)"),
            )
            names = [name] if name else []
        if names:
            self.set_files(names)

    def set_files(self, names: list[str]) -> None:
        """Show ``names`` and (for a layer) list its numeric attributes."""
        self.files.setText("; ".join(names))
        self._load_fields()

    def _paths(self) -> list[str]:
        return [p.strip() for p in self.files.text().split(";") if p.strip()]

    def _load_fields(self) -> None:
        self.field.clear()
        self.id_field.clear()
        self.error.clear()
        paths = self._paths()
        if not self.layer_radio.isChecked() or len(paths) != 1:
            return
        try:
            numeric = height_fields(paths[0])
        except InputFileError as exc:
            self.error.setText(str(exc))
            return
        self.field.addItems(numeric)
        guess = [n for n in numeric if any(k in n.lower() for k in ("height", "hoogte", "h_"))]
        if guess:
            self.field.setCurrentText(guess[0])
        self.id_field.addItem(self.tr("(none: join by footprint overlap)"), None)
        import pyogrio

        for name in pyogrio.read_info(paths[0])["fields"]:
            self.id_field.addItem(str(name), str(name))

    def request(self) -> HeightsRequest:
        """The choice made."""
        if self.bag_radio.isChecked():
            return HeightsRequest(True, self._paths())
        return HeightsRequest(
            False,
            self._paths()[:1],
            self.field.currentText(),
            self.levels.isChecked(),
            self.id_field.currentData(),
            self.dataset.text().strip() or None,
        )

    def _accept(self) -> None:
        req = self.request()
        if not req.files:
            self.error.setText(self.tr("Choose at least one file."))
            return
        missing = [f for f in req.files if not Path(f).is_file()]
        if missing:
            self.error.setText(self.tr("File not found: {0}").format(missing[0]))
            return
        if not req.bag and not req.field:
            self.error.setText(self.tr("Choose the attribute that holds the heights."))
            return
        self.accept()
