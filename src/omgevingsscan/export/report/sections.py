"""The cover, the analysis annexes and the sources annex of the report.

Annex A lists the analyses that were run (:mod:`omgevingsscan.export.findings`), with
their maps; annex B the data sources. Other modules add lines to annex B's "data
quality" table with :func:`register_annex_rows` (for example the provenance of building
heights, or the features dropped at import), without editing this module.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from omgevingsscan import __version__
from omgevingsscan.crs import RD_NEW
from omgevingsscan.export.findings import ADVICE_KINDS, Findings, LayerFinding
from omgevingsscan.export.report.base import MAP_H_MM, MAP_W_MM, RED, TEXT_W, MapFigure
from omgevingsscan.export.report.builder import ReportBuilder
from omgevingsscan.export.report.heights import height_paragraphs
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.io.heights.report import height_report
from omgevingsscan.io.osm_repair import figures_line
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.findings import FindingsLayer
from omgevingsscan.scan import Scan

#: Functions giving extra ``(label, value)`` rows for annex B's data quality table.
AnnexRows = Callable[[Scan], list[tuple[str, str]]]
_ANNEX_ROWS: list[AnnexRows] = []


def register_annex_rows(fn: AnnexRows) -> AnnexRows:
    """Add ``fn`` to the providers of annex B's "data quality" rows (usable as a decorator)."""
    if fn not in _ANNEX_ROWS:
        _ANNEX_ROWS.append(fn)
    return fn


def annex_rows(scan: Scan) -> list[tuple[str, str]]:
    """The rows every registered provider gives for ``scan``."""
    rows: list[tuple[str, str]] = []
    for fn in _ANNEX_ROWS:
        rows += fn(scan)
    return rows


def cover(b: ReportBuilder) -> list[Flowable]:
    """The cover page with the version and date block."""
    scan, o, _ = b.scan, b.options, b._
    story: list[Flowable] = [Spacer(1, 24 * mm)]
    if o.classification:
        banner = Table(
            [[b.p(o.classification, "cover_class")]],
            colWidths=[TEXT_W],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, RED),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        )
        story += [banner, Spacer(1, 14 * mm)]
    story.append(b.p(o.title or _("Security environment scan"), "cover_title"))
    story.append(b.p(scan.site.name, "cover_site"))
    story.append(
        b.p(
            _("{0} · {1:.6f} N, {2:.6f} E · study area {3:.0f} m").format(
                _(scan.site.kind), scan.site.lat, scan.site.lon, scan.study_area.radius_m
            )
        )
    )
    story.append(Spacer(1, 12 * mm))
    rows = [(_("Version"), o.version or "1.0"), (_("Date"), b.date())]
    if o.author:
        rows.append((_("Author"), o.author))
    if o.classification:
        rows.append((_("Classification"), o.classification))
    rows += [
        (_("Data"), f"{ATTRIBUTION}; {(scan.data_date or '')[:10]}"),
        (_("Made with"), f"omgevingsscan {__version__}"),
    ]
    story.append(b.kv_table(rows))
    if o.classification:
        story += [
            Spacer(1, 10 * mm),
            b.p(
                _(
                    "This document is marked {0}. Handle, store and share it "
                    "accordingly; do not forward it to people without a need to know."
                ).format(o.classification),
                "small",
            ),
        ]
    story += [NextPageTemplate("body"), PageBreak()]
    return story


def analyses_annex(b: ReportBuilder, findings: Findings) -> list[Flowable]:
    """Annex A: the site's facts, the overview maps and one part per analysis run."""
    _ = b._
    s, scan = findings.summary, b.scan
    story: list[Flowable] = [PageBreak(), b.p(_("Annex A Analyses"), "h1")]
    story.append(
        b.p(
            _(
                "This annex describes the surroundings of {0} within {1:.0f} m, from "
                "OpenStreetMap data whose newest edit is dated {2}, and the results of the "
                "analyses that were run in omgevingsscan. Distances are measured in the "
                "local metric map projection ({3})."
            ).format(
                scan.site.name,
                scan.study_area.radius_m,
                (scan.data_date or _("unknown"))[:10],
                "RD New, EPSG:28992" if scan.crs == RD_NEW else scan.crs,
            )
        )
    )
    if scan.coverage < 0.999:
        story.append(
            b.p(
                _(
                    "Caution: the loaded data covers only {0:.0%} of the study area; "
                    "the rest is hatched on the maps and not described here."
                ).format(scan.coverage)
            )
        )
    story += [Spacer(1, 3 * mm), b.kv_table([(k, v) for k, v in s.facts])]
    if s.poi_counts:
        story.append(b.p(_("Security-relevant points in the study area"), "h3"))
        story.append(
            b.grid_table([_("category"), _("number")], [[_(k), str(v)] for k, v in s.poi_counts])
        )
    if s.nearest:
        story.append(b.p(_("Nearest emergency services (straight line)"), "h3"))
        story.append(b.grid_table([_("service"), _("distance")], [[_(k), v] for k, v in s.nearest]))
    story.append(b.p(_("Analyses"), "h3"))
    rows = []
    for i, sec in enumerate(findings.assessed, start=1):
        layers = ", ".join(f"{lf.title} ({lf.count})" for lf in sec.layers)
        rows.append([_(sec.section.title), _("assessed (annex A.{0})").format(i + 1), layers])
    for sec in findings.not_assessed:
        rows.append([_(sec.title), _("not assessed"), _("no results of this analysis in the scan")])
    story.append(b.grid_table([_("analysis"), _("status"), _("layers (features)")], rows))
    if not findings.assessed:
        story.append(
            b.p(
                _(
                    "No analysis has been run on this scan yet; the table lists each "
                    "analysis with its status."
                )
            )
        )
    story += _overview_maps(b)
    n = len(findings.assessed)
    for i, sec in enumerate(findings.assessed, start=1):
        b.progress(0.55 + 0.3 * (i - 1) / max(n, 1), f"Annex: {sec.section.title}")
        story += b.figure(
            MapFigure(sec.bounds, MAP_W_MM, 120.0, b.map_layers(sec.layer_names)),
            _(sec.section.title),
            heading=b.p(f"A.{i + 1} {_(sec.section.title)}", "h2"),
        )
        for j, lf in enumerate(sec.layers, start=1):
            story += _layer_block(b, lf, f"A.{i + 1}.{j}")
    if findings.other_layers:
        story += [CondPageBreak(60 * mm), b.p(_("Other layers"), "h2")]
        for j, lf in enumerate(findings.other_layers, start=1):
            story += _layer_block(b, lf, f"A.{n + 2}.{j}")
    return story


def _overview_maps(b: ReportBuilder) -> list[Flowable]:
    _, scan = b._, b.scan
    b.progress(0.45, "Drawing the overview map")
    visible = tuple(
        layer.name
        for layer in scan.layers
        if isinstance(layer, VectorLayer) and layer.visible and layer.kind not in ADVICE_KINDS
    )
    extra = counted_layer(b)
    story: list[Flowable] = [PageBreak(), b.p(_("A.1 Maps"), "h2")]
    story += b.figure(
        MapFigure(scan.study_area.polygon.bounds, MAP_W_MM, MAP_H_MM, visible, extra=extra),
        _("Overview of the study area ({0:.0f} m around the site)").format(
            scan.study_area.radius_m
        ),
    )
    half = min(110.0, scan.study_area.radius_m)
    sx, sy = scan.site.x, scan.site.y
    story += b.figure(
        MapFigure(
            (sx - half, sy - half, sx + half, sy + half), MAP_W_MM, MAP_H_MM, visible, extra=extra
        ),
        _("The site and its immediate surroundings"),
    )
    return story


def counted_layer(b: ReportBuilder) -> tuple[VectorLayer, ...]:
    """The counted findings as a map layer (none when there are none)."""
    if b.advice is None or not b.advice.findings:
        return ()
    return (FindingsLayer("findings", b.advice.findings, crs=b.scan.crs),)


def _layer_block(b: ReportBuilder, lf: LayerFinding, number: str) -> list[Flowable]:
    _ = b._
    story: list[Flowable] = [
        CondPageBreak(40 * mm),
        b.p(f"{number} {lf.title}", "h3"),
        b.kv_table([(k, v) for k, v in lf.facts]),
        Spacer(1, 2 * mm),
    ]
    if lf.table is not None and lf.table.rows:
        story.append(b.grid_table(lf.table.headers, lf.table.rows))
        if lf.table.omitted:
            story.append(
                b.p(
                    _("{0} more rows are in the data export (GeoJSON, KML or CSV).").format(
                        lf.table.omitted
                    ),
                    "small",
                )
            )
    return story


def sources_annex(b: ReportBuilder, findings: Findings) -> list[Flowable]:
    """Annex B: data sources, data quality, method notes and attribution."""
    _, scan = b._, b.scan
    story: list[Flowable] = [PageBreak(), b.p(_("Annex B Data sources and attribution"), "h1")]
    rows = [
        (_("map data"), f"OpenStreetMap, {scan.source or 'OSM'}"),
        (_("newest edit in the data"), (scan.data_date or _("unknown"))[:19]),
        (_("imported"), (scan.imported_at or "")[:19]),
        (_("coverage"), f"{scan.coverage:.0%}"),
        (_("repaired at import"), figures_line(scan.meta) or _("nothing")),
        (_("map projection"), "RD New (EPSG:28992)" if scan.crs == RD_NEW else scan.crs),
        (_("report made"), b.exported_at.strftime("%Y-%m-%d %H:%M %Z")),
        (_("software"), f"omgevingsscan {__version__}"),
    ]
    story.append(b.kv_table(rows))
    quality = annex_rows(scan)
    if quality:
        story += [b.p(_("Data quality"), "h3"), b.kv_table(quality)]
    if findings.summary.height_sources:
        story.append(b.p(_("Building heights"), "h3"))
        story.append(
            b.p(
                _(
                    "Heights come from the OSM height tag where present; else from "
                    "building:levels × 3 m plus a roof allowance; else from a default "
                    "per building type. The table shows how many buildings in the study "
                    "area got their height from each rule: the more defaults, the less "
                    "certain visibility results are."
                )
            )
        )
        story.append(
            b.grid_table(
                [_("height from"), _("buildings")],
                [[_(k), str(v)] for k, v in findings.summary.height_sources],
            )
        )
    provenance = height_report(scan)  # issue 11: measured share near the site, terrain
    if provenance is not None:
        nl = b.options.language == "nl"
        story += [b.p(text) for text in height_paragraphs(provenance, _, nl)]
    story.append(b.p(_("Attribution and licence"), "h3"))
    story.append(
        b.p(
            _(
                "{0}. The map data is available under the Open Database Licence "
                "(opendatacommons.org/licenses/odbl); the maps in this report are "
                "produced works that must credit OpenStreetMap contributors."
            ).format(ATTRIBUTION)
        )
    )
    return story
