"""The Data menu: import building heights and terrain in the background; the
height-provenance map style; the heights/ground label in the status bar."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu

from omgevingsscan.io import terrain as terrain_io
from omgevingsscan.io.heights import (
    HeightImport,
    import_3dbag,
    import_height_layer,
    stale_results,
)
from omgevingsscan.layers.base import LayerList
from omgevingsscan.layers.heights import PROVENANCE_STYLE, height_summary
from omgevingsscan.scan import Scan
from omgevingsscan.ui.common import make_action
from omgevingsscan.ui.heights.dialog import HeightsDialog, HeightsRequest
from omgevingsscan.ui.worker import Job

if TYPE_CHECKING:
    from omgevingsscan.ui.main_window import MainWindow


def _scratch(scan: Scan) -> Scan:
    """A stand-in scan holding a copy of the buildings, for a worker to change."""
    stub = copy.copy(scan)
    stub.meta = copy.deepcopy(scan.meta)
    layer = scan.layer("buildings")
    stub.layers = LayerList([type(layer)(layer.name, layer.data.copy())])
    return stub


class HeightsExtension(QObject):
    """Adds the Data menu and View → Height provenance to the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: HeightsDialog | None = None
        self.last_import: HeightImport | None = None
        self._plain_style: dict[str, Any] | None = None
        self.menu = QMenu(self.tr("&Data"), window)
        window.menuBar().insertMenu(window.analysis_menu.menuAction(), self.menu)
        self.act_heights = make_action(
            window,
            self.tr("Import building &heights…"),
            self.open_heights_dialog,
            tip=self.tr("Measured heights from 3D BAG tiles or any vector layer with heights"),
        )
        self.act_terrain = make_action(
            window,
            self.tr("Import &terrain…"),
            self.open_terrain_dialog,
            tip=self.tr("A DEM/DTM GeoTIFF (AHN, Copernicus GLO-30, SRTM) for the study area"),
        )
        self.act_style = make_action(
            window,
            self.tr("Height &provenance"),
            self.set_provenance_style,
            tip=self.tr("Colour buildings by where their height comes from; hatched: estimated"),
        )
        self.act_style.setCheckable(True)
        self.menu.addAction(self.act_heights)
        self.menu.addAction(self.act_terrain)
        self.menu.addSeparator()
        self.menu.addAction(self.act_style)
        window.view_menu.addAction(self.act_style)
        self.status = QLabel()
        window.statusBar().addPermanentWidget(self.status)
        window.scan_loaded.connect(self._on_scan)
        self._enable(window.scan is not None)
        if window.scan is not None:
            self._on_scan(window.scan)

    def close(self) -> None:
        """Nothing to release beyond Qt's parent ownership."""

    def _enable(self, on: bool) -> None:
        for act in (self.act_heights, self.act_terrain, self.act_style):
            act.setEnabled(on)

    def _on_scan(self, scan: Scan) -> None:
        self._enable(True)
        if self.window.scan_path is not None:
            try:
                terrain_io.bind(scan, self.window.scan_path)
            except ValueError as exc:
                self.window.show_error(str(exc))
        try:
            style = scan.layer("buildings").style
        except KeyError:
            style = {}
        self.act_style.setChecked(style.get("column") == "height_source")
        self.refresh_status()
        stale = stale_results(scan)
        if stale:
            self.window.statusBar().showMessage(
                self.tr("Computed on other building heights than the scan has now: {0}.").format(
                    ", ".join(stale)
                ),
                20000,
            )

    def status_text(self) -> str:
        """ "Heights: 1 % measured · Ground: flat" (what the status bar shows)."""
        scan = self.window.scan
        if scan is None:
            return ""
        try:
            summary = height_summary(scan.frame("buildings"), scan.study_area.polygon)
            heights = self.tr("Heights: {0:.0%} measured").format(summary.measured_share)
        except KeyError:
            heights = self.tr("Heights: no buildings")
        terrain = terrain_io.terrain_for(scan)
        ground = (
            self.tr("Ground: flat (no terrain model)")
            if terrain is None
            else self.tr("Ground: terrain from {0}").format(terrain.source)
        )
        return f"{heights} · {ground}"

    def refresh_status(self) -> None:
        """Update the status-bar label."""
        self.status.setText(self.status_text())

    # -- heights ---------------------------------------------------------------------
    def open_heights_dialog(self) -> HeightsDialog:
        """Open the height-import dialog (non-blocking); OK starts the import."""
        self.dialog = HeightsDialog(self.window)
        self.dialog.accepted.connect(lambda: self.import_heights(self.dialog.request()))
        self.dialog.open()
        return self.dialog

    def import_heights(self, request: HeightsRequest) -> Job | None:
        """Import heights in a worker; the buildings are replaced when it succeeds."""
        scan = self.window.scan
        if scan is None:
            return None
        stub = _scratch(scan)

        def task(progress: Any, cancelled: Any) -> tuple[Scan, HeightImport]:
            if request.bag:
                result = import_3dbag(stub, request.files, progress=progress, cancelled=cancelled)
            else:
                progress(0.1, "Reading " + Path(request.files[0]).name)
                result = import_height_layer(
                    stub,
                    request.files[0],
                    request.field,
                    levels=request.levels,
                    id_field=request.id_field,
                    dataset=request.dataset,
                )
            return stub, result

        return self.window.run_job(task, self.tr("Importing building heights"), self._heights_done)

    def _heights_done(self, answer: tuple[Scan, HeightImport]) -> None:
        stub, result = answer
        scan = self.window.scan
        if scan is None:
            return
        scan.layer("buildings").data = stub.frame("buildings")
        scan.meta["height_sources"] = stub.meta.get("height_sources", [])
        self.last_import = result
        self.refresh_status()
        message = self.tr(
            "{0} of {1} buildings have a measured height ({2} by id, {3} by overlap)."
        )
        message = message.format(result.matched, result.buildings, result.by_id, result.by_overlap)
        stale = stale_results(scan)
        if stale:
            message += " " + self.tr("Computed on the old heights, run again: {0}.").format(
                ", ".join(stale)
            )
        self.window.statusBar().showMessage(message, 20000)

    # -- terrain ---------------------------------------------------------------------
    def open_terrain_dialog(self) -> None:
        """Ask for a GeoTIFF, then import it."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import terrain"),
            "",
            self.tr("Elevation model (*.tif *.tiff *.vrt)"),
        )
        if name:
            self.import_terrain(name)

    def import_terrain(self, path: str | Path) -> Job | None:
        """Read the DEM window of the study area in a worker."""
        scan = self.window.scan
        if scan is None:
            return None
        bounds = terrain_io.study_bounds(scan)
        crs = scan.crs

        def task(progress: Any, cancelled: Any) -> terrain_io.Terrain:
            progress(0.1, "Reading " + Path(path).name)
            return terrain_io.read_dem(path, crs, bounds, cancelled=cancelled)

        return self.window.run_job(task, self.tr("Importing terrain"), self._terrain_done)

    def _terrain_done(self, terrain: terrain_io.Terrain) -> None:
        scan = self.window.scan
        if scan is None:
            return
        try:
            terrain_io.set_terrain(scan, terrain, self.window.scan_path)
        except ValueError as exc:
            self.window.show_error(str(exc))
            return
        self.refresh_status()
        self.window.terrain_changed.emit(scan)
        self.window.statusBar().showMessage(
            self.tr("Terrain: {0} x {1} cells of {2:.1f} m, ground {3:.1f} to {4:.1f} m.").format(
                terrain.z.shape[1],
                terrain.z.shape[0],
                terrain.cell,
                float(terrain.z.min()),
                float(terrain.z.max()),
            ),
            20000,
        )

    # -- style -----------------------------------------------------------------------
    def set_provenance_style(self, on: bool) -> None:
        """Show (or stop showing) the height provenance on the buildings layer."""
        scan = self.window.scan
        if scan is None:
            return
        try:
            layer = scan.layer("buildings")
        except KeyError:
            return
        if on:
            if layer.style.get("column") != "height_source":
                self._plain_style = layer.style
            layer.style = copy.deepcopy(PROVENANCE_STYLE)
        else:
            layer.style = self._plain_style or type(layer).default_style
        self.act_style.setChecked(on)
