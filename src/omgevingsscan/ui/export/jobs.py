"""The export tasks of the Export dialog, run in a worker (``run_job``).

Each function takes what the dialog gathered on the UI thread (a snapshot of the scan
taken when the button was pressed, paths, options) and returns the task
``task(progress, cancelled) -> list[Path]`` of the files written. The work itself is done
by the core (:mod:`omgevingsscan.render.layout`, :mod:`omgevingsscan.export`); a task
touches no widget.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from omgevingsscan.errors import ExportError, ImportCancelled
from omgevingsscan.export import data as data_export
from omgevingsscan.export.files import check_folder
from omgevingsscan.export.html import write_html
from omgevingsscan.export.page import PrintSpec
from omgevingsscan.export.report import ReportOptions
from omgevingsscan.render.layout import export_print
from omgevingsscan.render.report_maps import export_report
from omgevingsscan.scan import Scan

#: ``task(progress, cancelled)`` returning the paths written.
ExportTask = Callable[[Any, Any], list[Path]]


def print_task(snap: Scan, spec: PrintSpec, path: str, fmt: str) -> ExportTask:
    """The print map as PDF, PNG or SVG (``fmt``) at ``path``."""

    def task(progress: Any, cancelled: Any) -> list[Path]:
        return [export_print(snap, spec, path, fmt, progress=progress, cancelled=cancelled)]

    return task


def html_task(
    snap: Scan, path: str, *, title: str, classification: str, basemap: bool, online: bool
) -> ExportTask:
    """The interactive map (one HTML file) at ``path``."""

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

    return task


def data_task(
    snap: Scan,
    folder: Path,
    stem: str,
    layers: Sequence[str],
    wants: Mapping[str, bool],
    source: Path | None,
) -> ExportTask:
    """The data files chosen in ``wants`` (geojson, kml, gpx, csv, gpkg) into ``folder``.

    ``source`` is the scan's own file, copied for "gpkg".
    """

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
                out.append(data_export.write_sightings_csv(snap, folder / f"{stem}-sightings.csv"))
            elif what == "gpkg" and source is not None:
                out.append(data_export.copy_gpkg(source, folder / f"{stem}.gpkg"))
        if not out:
            raise ExportError("nothing chosen to export")
        return out

    return task


def report_task(snap: Scan, path: str, options: ReportOptions) -> ExportTask:
    """The assessment report (PDF) at ``path``."""

    def task(progress: Any, cancelled: Any) -> list[Path]:
        out, _findings = export_report(snap, path, options, progress=progress, cancelled=cancelled)
        return [out]

    return task
