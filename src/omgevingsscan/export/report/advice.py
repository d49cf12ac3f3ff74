"""The advice sections of the report: management summary, risk matrix, findings and
measures, the findings one by one with their photos, a map per category, and the
changes since an earlier scan. Reads an :class:`~.content.Advice`; no Qt.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from omgevingsscan.analysis.findings.diff import ScanDiff
from omgevingsscan.export.report.base import MAP_W_MM, TEXT_W, MapFigure, assessment_meta
from omgevingsscan.export.report.builder import ReportBuilder
from omgevingsscan.export.report.content import Advice, findings_box
from omgevingsscan.layers.findings import (
    CATEGORY_TITLES,
    RISK_COLOURS,
    Finding,
    FindingsLayer,
    Measure,
    risk_level,
)

#: Largest photo next to a finding, points.
PHOTO_W, PHOTO_H = 62 * mm, 52 * mm


def level_colour(level: str | None) -> colors.Color:
    """Fill colour of a risk level."""
    return colors.HexColor(RISK_COLOURS.get(level or "", "#dddddd"))


def measure_text(b: ReportBuilder, m: Measure) -> str:
    """ "Fence at the back (municipality, priority high, cost low, proposed)"."""
    _ = b._
    return _("{0} ({1}, priority {2}, cost {3}, {4})").format(
        m.description, _(m.responsible), _(m.priority), _(m.cost), _(m.status)
    )


def summary(b: ReportBuilder, advice: Advice) -> list[Flowable]:
    """Section 1, one page: the site, the threat context, the overall risk, the top findings."""
    _, scan = b._, b.scan
    meta = assessment_meta(scan)
    threat = b.options.threat if b.options.threat is not None else str(meta.get("threat", ""))
    story: list[Flowable] = [b.p(_("1 Management summary"), "h1")]
    story.append(
        b.kv_table(
            [
                (_("Site"), f"{scan.site.name} ({_(scan.site.kind)})"),
                (_("Study area"), _("{0:.0f} m around the site").format(scan.study_area.radius_m)),
                (_("Threat context"), threat or _("not stated")),
            ]
        )
    )
    overall = advice.overall
    label = _(overall).upper() if overall else _("no open findings")
    box = Table(
        [[b.p(_("Overall risk level"), "cellb"), b.p(label, "risk")]],
        colWidths=[TEXT_W * 0.35, TEXT_W * 0.65],
        style=TableStyle(
            [
                ("BACKGROUND", (1, 0), (1, 0), level_colour(overall)),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )
    story += [Spacer(1, 4 * mm), box, Spacer(1, 3 * mm)]
    counts = ", ".join(f"{n} {_(name)}" for name, n in advice.level_counts() if n)
    resolved = sum(1 for f in advice.findings if f.status == "resolved")
    story.append(
        b.p(
            _("{0} findings ({1}); {2} resolved; {3} measures.").format(
                len(advice.findings), counts or "–", resolved, len(advice.all_measures)
            )
        )
    )
    if advice.pending:
        story.append(
            b.p(
                _("{0} suggested findings await the advisor's review and are not counted.").format(
                    advice.pending
                ),
                "small",
            )
        )
    top = advice.top()
    if top:
        story.append(b.p(_("Most serious findings and their measures"), "h3"))
        rows = []
        for f in top:
            ms = advice.measures.get(f.uuid, [])
            text = "; ".join(measure_text(b, m) for m in ms) or _("no measure yet")
            rows.append([str(f.number), f.title, _(f.risk), text])
        story.append(
            b.grid_table(
                [_("no."), _("finding"), _("risk"), _("measures")],
                rows,
                [0.06, 0.34, 0.12, 0.48],
                _risk_cells(rows, 2, top),
            )
        )
    if b.options.since is not None:
        c = b.options.since.counts()
        story.append(
            b.p(
                _("Changes since {0}: {1}.").format(
                    b.options.since.old, ", ".join(f"{v} × {_(k)}" for k, v in c.items()) or "–"
                ),
                "small",
            )
        )
    story.append(PageBreak())
    return story


def _risk_cells(rows: list[list[str]], col: int, findings: list[Finding]) -> list[tuple]:
    return [
        ("BACKGROUND", (col, i), (col, i), level_colour(f.risk))
        for i, f in enumerate(findings, start=1)
    ]


def matrix(b: ReportBuilder, advice: Advice) -> list[Flowable]:
    """Section 2: the 5 × 5 risk matrix with the findings' map numbers in their cells."""
    _ = b._
    cells = advice.matrix()
    head = b.p(_("Impact"), "cellc")
    data: list[list[object]] = [[head, "", "", "", "", ""]]
    style: list[tuple] = [("SPAN", (0, 0), (0, 0))]
    for r, impact in enumerate(range(5, 0, -1), start=1):
        row: list[object] = [b.p(f"{impact}", "cellc")]
        for likelihood in range(1, 6):
            nums = cells.get((likelihood, impact), [])
            row.append(b.p(", ".join(str(n) for n in nums), "cellc"))
            style.append(
                (
                    "BACKGROUND",
                    (likelihood, r),
                    (likelihood, r),
                    level_colour(risk_level(likelihood, impact)),
                )
            )
        data.append(row)
    data.append([b.p("", "cell")] + [b.p(str(v), "cellc") for v in range(1, 6)])
    data.append([b.p("", "cell"), b.p(_("Likelihood"), "cellc"), "", "", "", ""])
    style += [
        ("SPAN", (1, 7), (5, 7)),
        ("GRID", (1, 1), (5, 5), 0.5, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ]
    w = 24 * mm
    grid = Table(
        data, colWidths=[16 * mm] + [w] * 5, rowHeights=[8 * mm] + [16 * mm] * 5 + [7 * mm] * 2
    )
    grid.setStyle(TableStyle(style))
    legend = "   ".join(
        f"{_(name)}: {lo}–{hi}"
        for name, lo, hi in (
            ("low", 1, 4),
            ("medium", 5, 9),
            ("high", 10, 16),
            ("critical", 20, 25),
        )
    )
    story: list[Flowable] = [
        b.p(_("2 Risk matrix"), "h1"),
        b.p(
            _(
                "Each finding is placed by its likelihood and impact (1 = very low, 5 = very "
                "high); the numbers are the findings' map numbers. Risk = likelihood × impact."
            )
        ),
        Spacer(1, 3 * mm),
        grid,
        Spacer(1, 2 * mm),
        b.p(_("Risk levels (likelihood × impact)") + ": " + legend, "small"),
    ]
    return story


def table(b: ReportBuilder, advice: Advice) -> list[Flowable]:
    """Section 3: findings and measures, numbered as on the maps."""
    _ = b._
    story: list[Flowable] = [CondPageBreak(60 * mm), b.p(_("3 Findings and measures"), "h1")]
    if not advice.findings:
        story.append(b.p(_("No findings have been recorded or accepted for this scan yet.")))
        return story
    rows = []
    for f in advice.findings:
        ms = advice.measures.get(f.uuid, [])
        rows.append(
            [
                str(f.number),
                f.title,
                _(CATEGORY_TITLES[f.category]),
                f"{f.likelihood} × {f.impact} = {f.score}",
                _(f.risk),
                _(f.status),
                "; ".join(measure_text(b, m) for m in ms) or "–",
            ]
        )
    story.append(
        b.grid_table(
            [
                _("map no."),
                _("finding"),
                _("category"),
                _("L × I"),
                _("risk"),
                _("status"),
                _("measures"),
            ],
            rows,
            [0.08, 0.2, 0.15, 0.09, 0.08, 0.12, 0.28],
            _risk_cells(rows, 4, advice.findings),
        )
    )
    return story


def details(b: ReportBuilder, advice: Advice) -> list[Flowable]:
    """Section 4: each finding with its description, links, measures and photos beside it."""
    _ = b._
    if not advice.findings:
        return []
    story: list[Flowable] = [CondPageBreak(90 * mm), b.p(_("4 Findings in detail"), "h1")]
    for f in advice.findings:
        b.check()
        text: list[Flowable] = [
            b.p(f"{f.number}. {f.title}", "h3"),
            b.p(
                _("{0} · likelihood {1}, impact {2}: {3} · {4}").format(
                    _(CATEGORY_TITLES[f.category]), f.likelihood, f.impact, _(f.risk), _(f.status)
                ),
                "small",
            ),
        ]
        if f.description:
            text.append(b.p(f.description))
        links = f.link_list()
        if links:
            text.append(
                b.p(
                    _("Based on: {0}").format(
                        "; ".join(f"{lk['label'] or lk['ref']} ({lk['layer']})" for lk in links)
                    ),
                    "small",
                )
            )
        for m in advice.measures.get(f.uuid, []):
            text.append(b.p("→ " + measure_text(b, m), "cell"))
        photos = advice.photos.get(f.uuid, [])
        if photos:
            pics: list[Flowable] = []
            for ph in photos[:2]:
                img = b.image(ph.data, PHOTO_W, PHOTO_H, PHOTO_W, PHOTO_H)
                img._restrictSize(PHOTO_W, PHOTO_H)
                pics += [img, b.p(ph.caption or ph.filename, "caption")]
            row = Table([[text, pics]], colWidths=[TEXT_W - PHOTO_W - 4 * mm, PHOTO_W + 4 * mm])
            row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(KeepTogether([row, Spacer(1, 3 * mm)]))
        else:
            story.append(KeepTogether([*text, Spacer(1, 3 * mm)]))
    return story


def category_maps(b: ReportBuilder, advice: Advice) -> list[Flowable]:
    """Section 5: a map per finding category, framed on its findings."""
    _, scan = b._, b.scan
    groups = advice.by_category()
    if not groups or b.renderer is None:
        return []
    story: list[Flowable] = [PageBreak(), b.p(_("5 Maps of the findings"), "h1")]
    for i, (cat, found) in enumerate(groups.items(), start=1):
        b.progress(0.1 + 0.35 * i / len(groups), f"Map: {CATEGORY_TITLES[cat]}")
        layer = FindingsLayer(f"findings: {cat}", found, crs=scan.crs)
        box = findings_box([f.geometry for f in found], (scan.site.x, scan.site.y))
        numbers = ", ".join(str(f.number) for f in found)
        story += b.figure(
            MapFigure(box, MAP_W_MM, 95.0, b.map_layers(), extra=(layer,), legend_mm=0.0),
            _("{0}: findings {1}").format(_(CATEGORY_TITLES[cat]), numbers),
            heading=b.p(f"5.{i} {_(CATEGORY_TITLES[cat])}", "h2"),
        )
    return story


def changes(b: ReportBuilder, diff: ScanDiff | None) -> list[Flowable]:
    """Section 6: what changed since the earlier scan."""
    if diff is None:
        return []
    _ = b._
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        b.p(_("6 Changes since {0}").format(diff.old), "h1"),
    ]
    if not diff.changes:
        story.append(b.p(_("Nothing changed in the study area since {0}.").format(diff.old)))
        return story
    rows = [[_(k), str(v)] for k, v in diff.counts().items()]
    story.append(b.grid_table([_("change"), _("number")], rows, [0.7, 0.3]))
    if diff.exposure_old_m2 is not None and diff.exposure_new_m2 is not None:
        story.append(
            b.p(
                _("Exposed public ground: {0:.0f} m² then, {1:.0f} m² now.").format(
                    diff.exposure_old_m2, diff.exposure_new_m2
                )
            )
        )
    if b.renderer is not None:
        box = findings_box([c.geometry for c in diff.changes], (b.scan.site.x, b.scan.site.y))
        layer = diff.layer(b.scan.crs)
        story += b.figure(
            MapFigure(box, MAP_W_MM, 95.0, b.map_layers(), extra=(layer,), legend_mm=0.0),
            _("Changes since {0}").format(diff.old),
        )
    detail = [
        [_(c.what), _(c.change), c.ref, c.name or "–"] for c in diff.changes if c.what != "exposure"
    ][:80]
    if detail:
        story.append(Spacer(1, 2 * mm))
        story.append(
            b.grid_table(
                [_("what"), _("change"), _("reference"), _("name")], detail, [0.18, 0.18, 0.24, 0.4]
            )
        )
    return story
