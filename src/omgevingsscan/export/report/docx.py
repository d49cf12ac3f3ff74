"""The editable copy of the report as a Word document (.docx, python-docx). No Qt.

It holds what the customer's office edits: the version block, the management summary,
the risk matrix, the findings and measures table, each finding with its measures and
photos, the changes since an earlier scan, and (with a renderer) a map per finding
category. The analysis annexes stay in the PDF.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from omgevingsscan import __version__
from omgevingsscan.export.files import atomic_target, check_target
from omgevingsscan.export.report.base import MapFigure, MapRenderer, ReportOptions, assessment_meta
from omgevingsscan.export.report.content import collect_advice, findings_box
from omgevingsscan.export.report.i18n import translator
from omgevingsscan.layers.findings import CATEGORY_TITLES, RISK_COLOURS, FindingsLayer, risk_level
from omgevingsscan.scan import Scan


def _shade(cell: Any, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#"))
    props.append(shd)


def _table(doc: Any, headers: list[str], rows: list[list[str]]) -> Any:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return table


def write_docx(
    scan: Scan, path: str | Path, options: ReportOptions, renderer: MapRenderer | None = None
) -> Path:
    """Write the editable report of ``scan`` to ``path`` (.docx, atomically).

    Raises
    ------
    ExportError
        When the file cannot be written.
    """
    check_target(path, "docx")
    _ = options.translate or translator(options.language)
    advice = collect_advice(scan)
    meta = assessment_meta(scan)
    doc = Document()
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(10)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if options.classification:
        for part in (section.header, section.footer):
            para = part.paragraphs[0]
            para.text = options.classification
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.runs[0].bold = True
            para.runs[0].font.color.rgb = RGBColor(0xA4, 0x16, 0x1A)
    doc.add_heading(options.title or _("Security environment scan"), 0)
    doc.add_paragraph(scan.site.name)
    date = options.date or __import__("datetime").date.today().isoformat()
    _table(
        doc,
        [_("Version"), _("Date"), _("Author"), _("Classification")],
        [[options.version, date, options.author, options.classification]],
    )
    doc.add_paragraph(f"omgevingsscan {__version__}")

    doc.add_heading(_("1 Management summary"), 1)
    threat = options.threat if options.threat is not None else str(meta.get("threat", ""))
    doc.add_paragraph(f"{_('Site')}: {scan.site.name} ({_(scan.site.kind)})")
    doc.add_paragraph(f"{_('Threat context')}: {threat or _('not stated')}")
    overall = advice.overall
    para = doc.add_paragraph()
    para.add_run(f"{_('Overall risk level')}: ").bold = True
    para.add_run(_(overall).upper() if overall else _("no open findings")).bold = True
    top = advice.top()
    if top:
        doc.add_heading(_("Most serious findings and their measures"), 2)
        _table(
            doc,
            [_("no."), _("finding"), _("risk"), _("measures")],
            [
                [
                    str(f.number),
                    f.title,
                    _(f.risk),
                    "; ".join(m.description for m in advice.measures.get(f.uuid, [])) or "–",
                ]
                for f in top
            ],
        )

    doc.add_heading(_("2 Risk matrix"), 1)
    cells = advice.matrix()
    grid = doc.add_table(rows=7, cols=6)
    grid.style = "Table Grid"
    grid.cell(0, 0).text = _("Impact")
    grid.cell(6, 1).text = _("Likelihood")
    for r, impact in enumerate(range(5, 0, -1), start=1):
        grid.cell(r, 0).text = str(impact)
        for likelihood in range(1, 6):
            cell = grid.cell(r, likelihood)
            cell.text = ", ".join(str(n) for n in cells.get((likelihood, impact), []))
            _shade(cell, RISK_COLOURS[risk_level(likelihood, impact)])
    for likelihood in range(1, 6):
        grid.cell(0, likelihood).text = str(likelihood)

    doc.add_heading(_("3 Findings and measures"), 1)
    if not advice.findings:
        doc.add_paragraph(_("No findings have been recorded or accepted for this scan yet."))
    for f in advice.findings:
        doc.add_heading(f"{f.number}. {f.title}", 2)
        doc.add_paragraph(
            _("{0} · likelihood {1}, impact {2}: {3} · {4}").format(
                _(CATEGORY_TITLES[f.category]), f.likelihood, f.impact, _(f.risk), _(f.status)
            )
        )
        if f.description:
            doc.add_paragraph(f.description)
        for m in advice.measures.get(f.uuid, []):
            doc.add_paragraph(
                _("{0} ({1}, priority {2}, cost {3}, {4})").format(
                    m.description, _(m.responsible), _(m.priority), _(m.cost), _(m.status)
                ),
                style="List Bullet",
            )
        for ph in advice.photos.get(f.uuid, []):
            doc.add_picture(io.BytesIO(ph.data), width=Mm(70))
            doc.add_paragraph(ph.caption or ph.filename)
    if renderer is not None and advice.findings:
        doc.add_heading(_("5 Maps of the findings"), 1)
        for cat, found in advice.by_category().items():
            layer = FindingsLayer(f"findings: {cat}", found, crs=scan.crs)
            box = findings_box([f.geometry for f in found], (scan.site.x, scan.site.y))
            fig = renderer.render_figure(
                scan, MapFigure(box, 160.0, 100.0, None, extra=(layer,), legend_mm=0.0), 150
            )
            doc.add_paragraph(_(CATEGORY_TITLES[cat]))
            doc.add_picture(io.BytesIO(fig.png), width=Mm(160))
    if options.since is not None:
        doc.add_heading(_("6 Changes since {0}").format(options.since.old), 1)
        _table(
            doc,
            [_("what"), _("change"), _("reference"), _("name")],
            [[_(c.what), _(c.change), c.ref, c.name] for c in options.since.changes],
        )
    with atomic_target(path, "docx") as tmp:
        doc.save(str(tmp))
    return Path(path)
