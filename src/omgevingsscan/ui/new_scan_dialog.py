"""File → New scan…: site name and kind, location (four ways), radius, data source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.errors import SiteError
from omgevingsscan.io.geocode import Place, parse_coordinates, rank
from omgevingsscan.scan import SITE_KINDS
from omgevingsscan.settings import DEFAULT_RADIUS_M, MAX_RADIUS_M, MIN_RADIUS_M
from omgevingsscan.ui.common import error_label, ok_cancel

LOCATION_MODES = ("wgs84", "rd", "search", "map")


@dataclass
class NewScanRequest:
    """What the user asked for. ``site`` is (lat, lon) or a search text; ``osm_path`` is
    None for an Overpass download (online mode only)."""

    name: str
    kind: str
    site: tuple[float, float] | str
    radius_m: float
    osm_path: Path | None


class NewScanDialog(QDialog):
    """Collects a :class:`NewScanRequest`. Emits ``pick_on_map`` when the user wants to
    click the location; the main window then calls :meth:`set_picked`."""

    pick_on_map = Signal()

    def __init__(
        self,
        places: list[Place],
        default_file: Path | None,
        online_mode: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New scan"))
        self._places = places
        self._picked: tuple[float, float] | None = None
        self.request: NewScanRequest | None = None

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Residence of the mayor"))
        self.kind = QComboBox()
        kind_labels = {
            "residence": self.tr("Residence"),
            "townhall": self.tr("Town hall"),
            "venue": self.tr("Meeting venue"),
            "other": self.tr("Other"),
        }
        for kind in SITE_KINDS:
            self.kind.addItem(kind_labels[kind], kind)

        self.mode = QComboBox()
        mode_labels = {
            "wgs84": self.tr("WGS84 lat, lon"),
            "rd": self.tr("RD x, y (EPSG:28992)"),
            "search": self.tr("Address or name in the data"),
            "map": self.tr("Click on the map"),
        }
        for mode in LOCATION_MODES:
            self.mode.addItem(mode_labels[mode], mode)
        self.location = QLineEdit()
        self._model = QStringListModel(sorted({p.label for p in places}))
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.pick_button = QPushButton(self.tr("Pick on map…"))
        self.pick_button.clicked.connect(self._on_pick)
        self.mode.currentIndexChanged.connect(self._on_mode)
        loc_row = QHBoxLayout()
        loc_row.addWidget(self.location, 1)
        loc_row.addWidget(self.pick_button)

        self.radius = QSpinBox()
        self.radius.setRange(int(MIN_RADIUS_M), int(MAX_RADIUS_M))
        self.radius.setSingleStep(50)
        self.radius.setValue(int(DEFAULT_RADIUS_M))
        self.radius.setSuffix(" m")

        self.from_file = QRadioButton(self.tr("Local OSM file (.osm, .osm.bz2, .osm.pbf)"))
        self.from_online = QRadioButton(self.tr("Download from OpenStreetMap (Overpass)"))
        group = QButtonGroup(self)
        group.addButton(self.from_file)
        group.addButton(self.from_online)
        self.from_file.setChecked(True)
        self.from_online.setEnabled(online_mode)
        if not online_mode:
            self.from_online.setToolTip(self.tr("Switch on online mode in Settings first."))
        self.file = QLineEdit(str(default_file) if default_file else "")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)

        self.error = error_label()
        buttons = ok_cancel(self._accept, self.reject)
        self.buttons = buttons

        form = QFormLayout()
        form.addRow(self.tr("Site name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Location given as"), self.mode)
        form.addRow(self.tr("Location"), loc_row)
        form.addRow(self.tr("Study radius"), self.radius)
        form.addRow(self.tr("Data"), self.from_file)
        form.addRow("", file_row)
        form.addRow("", self.from_online)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._on_mode()

    def set_mode(self, mode: str) -> None:
        """Select a location mode: wgs84, rd, search or map."""
        self.mode.setCurrentIndex(LOCATION_MODES.index(mode))

    def _on_mode(self, *_: object) -> None:
        mode = self.mode.currentData()
        self.location.setCompleter(self.completer if mode == "search" else None)
        placeholders = {
            "wgs84": "52.3677, 4.9002",
            "rd": "121700, 486300",
            "search": self.tr("Amstel 1, Stopera…"),
            "map": self.tr("click Pick on map"),
        }
        self.location.setPlaceholderText(placeholders[mode])
        self.location.setReadOnly(mode == "map")
        self.pick_button.setVisible(mode == "map")

    def suggestions(self, text: str, limit: int = 10) -> list[str]:
        """Suggestions for a search text (what the completer offers, best first)."""
        return [p.label for p in rank(self._places, text, limit)]

    def _on_pick(self) -> None:
        self.pick_on_map.emit()

    def set_picked(self, lat: float, lon: float) -> None:
        """Fill the location with a point clicked on the map (WGS84 degrees)."""
        self._picked = (lat, lon)
        self.set_mode("map")
        self.location.setText(f"{lat:.6f}, {lon:.6f}")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open OSM file"),
            self.file.text(),
            self.tr("OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf)"),
        )
        if path:
            self.file.setText(path)

    def _site(self) -> tuple[float, float] | str:
        mode = self.mode.currentData()
        text = self.location.text().strip()
        if mode == "map":
            if self._picked is None:
                raise SiteError(self.tr("click Pick on map and then the site on the map"))
            return self._picked
        if not text:
            raise SiteError(self.tr("give the location of the site"))
        if mode == "wgs84":
            coords = parse_coordinates(text)
            if coords is None:
                raise SiteError(self.tr("'{0}' is not 'lat, lon' in degrees").format(text))
            return coords
        if mode == "rd":
            coords = parse_coordinates(f"rd:{text}" if not text.lower().startswith("rd") else text)
            if coords is None:
                raise SiteError(self.tr("'{0}' is not 'x, y' in RD metres").format(text))
            return coords
        local = rank(self._places, text, 1)
        if local and local[0].label.lower() == text.lower():
            return (local[0].lat, local[0].lon)
        return text

    def _accept(self) -> None:
        try:
            site = self._site()
        except SiteError as exc:
            self.error.setText(str(exc))
            return
        osm_path = None
        if self.from_file.isChecked():
            if not self.file.text().strip():
                self.error.setText(self.tr("choose an OSM file"))
                return
            osm_path = Path(self.file.text().strip())
        name = self.name.text().strip() or (site if isinstance(site, str) else "")
        self.request = NewScanRequest(
            name=name,
            kind=self.kind.currentData(),
            site=site,
            radius_m=float(self.radius.value()),
            osm_path=osm_path,
        )
        self.accept()
