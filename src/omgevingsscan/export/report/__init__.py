"""The assessment report: the document handed to the mayor's office. No Qt here.

Why reportlab: the report is mostly flowing text and tables that run over several
pages. reportlab's Platypus gives pagination, tables whose header row repeats on each
page, keep-with-next headings and page templates (the classification at the top and
bottom of every page, "page x of y") as tested, documented building blocks. The maps
are drawn by the one renderer (the Qt :class:`~omgevingsscan.render.scene.MapScene`),
reached through the small :class:`MapRenderer` protocol so this package stays Qt-free;
the caller passes :class:`omgevingsscan.render.report_maps.QtMapRenderer`.

The package:

- :mod:`.base` — page geometry, options, figures, fonts, styles, numbered pages;
- :mod:`.builder` — shared pieces (tables, figures fitted to the frame) and the PDF;
- :mod:`.content` — the findings, measures and photos the report states;
- :mod:`.advice` — management summary, risk matrix, findings and measures, category
  maps, changes since an earlier scan;
- :mod:`.sections` — cover, analysis annex, sources annex (with a hook for data
  quality lines, :func:`register_annex_rows`);
- :mod:`.handout` — the one-page police handout;
- :mod:`.docx` — the editable Word copy;
- :mod:`.i18n` — the Dutch texts of the report.
"""

from __future__ import annotations

from pathlib import Path

from omgevingsscan.errors import ExportError
from omgevingsscan.export.files import atomic_target, check_target
from omgevingsscan.export.findings import Findings, collect_findings
from omgevingsscan.export.report import advice as advice_sections
from omgevingsscan.export.report.base import (
    Cancelled,
    MapFigure,
    MapRenderer,
    Progress,
    RenderedFigure,
    ReportOptions,
    fit_size,
)
from omgevingsscan.export.report.builder import ReportBuilder
from omgevingsscan.export.report.content import Advice, collect_advice
from omgevingsscan.export.report.sections import (
    analyses_annex,
    cover,
    register_annex_rows,
    sources_annex,
)
from omgevingsscan.scan import Scan


def _check_options(path: str | Path, options: ReportOptions, ext: str = "pdf") -> None:
    check_target(path, ext)
    if options.map_dpi < 72 or options.map_dpi > 600:
        raise ExportError(f"report map resolution {options.map_dpi} dpi out of range 72–600")


def write_report(
    scan: Scan,
    path: str | Path,
    options: ReportOptions,
    renderer: MapRenderer | None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[Path, Findings]:
    """Write the assessment report of ``scan`` to ``path`` (PDF, atomically).

    Order: cover (version and date block), management summary, risk matrix, findings
    and measures, findings in detail with photos, a map per finding category, changes
    since an earlier scan (``options.since``), annex A (the analyses), annex B (sources).
    Returns the path and the analysis results it states. ``renderer`` None leaves the
    maps out.

    Raises
    ------
    ExportError
        When the file cannot be written.
    ImportCancelled
        When ``cancelled()`` turned true; nothing is written then.
    """
    _check_options(path, options)
    b = ReportBuilder(scan, options, renderer, progress, cancelled)
    b.progress(0.02, "Collecting findings")
    findings = collect_findings(scan)
    advice = collect_advice(scan)
    b.findings, b.advice = findings, advice
    story = cover(b)
    story += advice_sections.summary(b, advice)
    story += advice_sections.matrix(b, advice)
    story += advice_sections.table(b, advice)
    story += advice_sections.details(b, advice)
    story += advice_sections.category_maps(b, advice)
    story += advice_sections.changes(b, options.since)
    story += analyses_annex(b, findings)
    story += sources_annex(b, findings)
    b.progress(0.9, "Writing the PDF")
    with atomic_target(path, "pdf") as tmp:
        b.write(tmp, story)
    if progress is not None:
        progress(1.0, "Report done")
    return Path(path), findings


__all__ = [
    "Advice",
    "MapFigure",
    "MapRenderer",
    "RenderedFigure",
    "ReportOptions",
    "collect_advice",
    "fit_size",
    "register_annex_rows",
    "write_report",
]
