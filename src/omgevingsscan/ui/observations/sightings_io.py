"""Sightings out and in: CSV and GeoJSON export (for the police), import and merge.

Export writes the rows the table shows. Import reads another observer's scan file
(sightings, posts and annotations) or an exchange GeoJSON file in the background, then
merges on the UI thread as one undo step, and says what was added, what was already
there and which records conflict (the local version is kept).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from omgevingsscan.editing import MergeResult, ObservationEditor
from omgevingsscan.io.exchange import (
    read_scan_records,
    read_sightings_geojson,
    sightings_csv,
    sightings_geojson_text,
)
from omgevingsscan.layers.records import Record
from omgevingsscan.layers.sightings import Sighting
from omgevingsscan.ui.observations.text import merge_file_text, word
from omgevingsscan.ui.worker import Job

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost

#: Record kinds merged from another scan file, in this order.
MERGE_KINDS = ("posts", "sightings", "annotations")


def read_for_merge(path: Path, crs: str, site: Any = None) -> dict[str, list[Record]]:
    """The records to merge from ``path``: a scan file (.gpkg) or an exchange GeoJSON."""
    if path.suffix.lower() == ".gpkg":
        return {kind: read_scan_records(path, kind, crs) for kind in MERGE_KINDS}
    return {"sightings": list(read_sightings_geojson(path, crs, site))}


class SightingsExchange(QObject):
    """File dialogs and jobs for export, import and merge."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.last_results: list[MergeResult] = []
        self._box: QMessageBox | None = None

    # -- export -----------------------------------------------------------------------------------
    def export(self, kind: str, sightings: list[Sighting], crs: str) -> Path | None:
        """Ask for a file and write ``sightings`` as "csv" or "geojson"; returns the path."""
        if not sightings:
            self.window.show_error(self.tr("No sightings shown to export."))
            return None
        if kind == "csv":
            title, filt, ext = self.tr("Export sightings as CSV"), self.tr("CSV (*.csv)"), ".csv"
        else:
            title = self.tr("Export sightings as GeoJSON")
            filt, ext = self.tr("GeoJSON (*.geojson *.json)"), ".geojson"
        name, _ = QFileDialog.getSaveFileName(self.window, title, "", filt)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (ext, ".json"):
            path = path.with_name(path.name + ext)
        text = (
            sightings_csv(sightings, crs)
            if kind == "csv"
            else sightings_geojson_text(sightings, crs)
        )
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.window.show_error(
                self.tr("{0} could not be written: {1}").format(path, exc.strerror or exc)
            )
            return None
        self.window.statusBar().showMessage(
            self.tr("{0} sightings exported to {1}").format(len(sightings), path), 10000
        )
        return path

    # -- import -----------------------------------------------------------------------------------
    def ask_import(self, editor: ObservationEditor, done: Callable[[], None] | None = None) -> None:
        """Ask for a file and merge it into ``editor``'s scan."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import and merge sightings"),
            "",
            self.tr("Scan or GeoJSON (*.gpkg *.geojson *.json)"),
        )
        if name:
            self.merge_file(editor, Path(name), done)

    def merge_file(
        self, editor: ObservationEditor, path: Path, done: Callable[[], None] | None = None
    ) -> Job | None:
        """Read ``path`` in the background, then merge it (one undo step) and report."""
        scan = editor.scan
        crs, site = scan.crs, scan.site.point

        def task(progress: Any, cancelled: Any) -> dict[str, list[Record]]:
            return read_for_merge(path, crs, site)

        def merged(records: dict[str, list[Record]]) -> None:
            self.last_results = self.merge(editor, records, path.name)
            self._report(self.last_results, path.name)
            if done is not None:
                done()

        return self.window.run_job(task, self.tr("Reading {0}").format(path.name), merged)

    def merge(
        self, editor: ObservationEditor, records: dict[str, list[Record]], source: str
    ) -> list[MergeResult]:
        """Merge ``records`` (by kind) as one undo step."""
        results = []
        with editor.macro(merge_file_text(source)):
            for kind in MERGE_KINDS:
                if kind in records:
                    results.append(editor.merge(kind, records[kind], source))
        return results

    def _report(self, results: list[MergeResult], source: str) -> None:
        lines = []
        for r in results:
            if not (r.added or r.already or r.conflicts) and r.kind != "sightings":
                continue
            lines.append(
                self.tr("{0}: {1} added, {2} already there, {3} conflicts").format(
                    word(r.kind).capitalize(), len(r.added), len(r.already), len(r.conflicts)
                )
            )
        conflicts = [c for r in results for c in r.conflicts]
        detail = "\n".join(f"{c.uuid}: {', '.join(c.fields)}" for c in conflicts[:20])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Merged {0}").format(source),
            "\n".join(lines),
            parent=self.window,
        )
        if conflicts:
            box.setInformativeText(
                self.tr(
                    "Conflicts are records with the same identity but other content; the "
                    "version in this scan was kept."
                )
            )
            box.setDetailedText(detail)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self._box = box
        self.window.statusBar().showMessage(" · ".join(lines), 15000)
