"""The assessment report states exactly the analyses that were run."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, ClassVar

import geopandas as gpd
import pytest

from omgevingsscan.errors import ExportError
from omgevingsscan.export.findings import SECTIONS, collect_findings, section_for
from omgevingsscan.export.report import MapFigure, ReportOptions, write_report
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.render.report_maps import QtMapRenderer, export_report
from tests.unit.test_export_data import analysis_scan

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
    reason="poppler-utils (pdftotext, pdfinfo) not installed: apt-get install poppler-utils",
)
TITLES = {s.key: s.title for s in SECTIONS}


class _Posts(VectorLayer):
    kind: ClassVar[str] = "posts"
    title: ClassVar[str] = "Observation posts"
    geometry_kind: ClassVar[str] = "point"
    default_style: ClassVar[dict[str, Any]] = {"fill": "#1d3557", "marker": "square"}


@pytest.mark.parametrize(
    ("kind", "name", "key"),
    [
        ("sightlines", "sightlines", "exposure"),
        ("viewshed", "viewshed_site", "exposure"),
        ("overlook_positions", "overlook", "exposure"),
        ("routes", "escape_routes", "escape"),
        ("chokepoints", "chokepoints_walk", "escape"),
        ("routes", "approach_routes", "routes"),
        ("isochrones", "isochrones_walk", "routes"),
        ("entry_points", "entry_points", "routes"),
        ("posts", "posts", "posts"),
        ("sightings", "sightings", "sightings"),
        ("annotations", "annotations", "annotations"),
    ],
)
def test_layers_are_found_by_kind(kind, name, key):
    section = section_for(kind, name)
    assert section is not None and section.key == key


@pytest.mark.parametrize("kind", ["buildings", "roads", "poi", "site", "study_area", "data_extent"])
def test_base_layers_are_not_analyses(kind):
    assert section_for(kind, kind) is None


def test_findings_list_what_was_run_and_only_that(demo_scan):
    plain = collect_findings(demo_scan)
    assert plain.assessed == []
    assert [s.key for s in plain.not_assessed] == [s.key for s in SECTIONS]

    scan = analysis_scan(demo_scan)
    empty = gpd.GeoDataFrame({"name": []}, geometry=[], crs=scan.crs)
    scan.layers.append(_Posts("posts", empty))  # a layer without results: not assessed
    found = collect_findings(scan)
    assert found.assessed_keys == ["exposure", "escape", "sightings"]
    assert [s.key for s in found.not_assessed] == ["routes", "posts", "annotations"]
    sightlines = found.assessed[0].layers[0]
    assert sightlines.count == 2
    assert dict(sightlines.facts)["features"] == "2"
    assert sightlines.table is not None and "length (m)" in sightlines.table.headers
    routes = found.assessed[1].layers[0]
    assert dict(routes.facts)["time"] == "1.6 – 4.5 min"
    log = found.assessed[2].layers[0]
    assert log.table is not None and log.table.headers[:2] == ["time", "category"]
    times = [row[0] for row in log.table.rows]
    assert times == sorted(times)
    summary = dict(found.summary.facts)
    assert summary["buildings"].endswith("in the study area")


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def report(demo_scan, tmp_path_factory):
    scan = analysis_scan(demo_scan)
    out = tmp_path_factory.mktemp("report") / "report.pdf"
    path, findings = export_report(
        scan,
        out,
        ReportOptions(author="Team Beveiliging", classification="VERTROUWELIJK", map_dpi=72),
    )
    return path, findings


@needs_poppler
def test_report_has_sections_for_exactly_the_analyses_run(report):
    path, findings = report
    assert findings.assessed_keys == ["exposure", "escape", "sightings"]
    text = _text(path)
    headings = [h for h in re.findall(r"^A\.(\d+) (.+)$", text, re.M) if h[1] != "Maps"]
    assert [h[1] for h in headings] == [
        TITLES["exposure"],
        TITLES["escape"],
        TITLES["sightings"],
    ]
    for key in ("routes", "posts", "annotations"):
        assert not re.search(rf"^A\.\d+ {re.escape(TITLES[key])}$", text, re.M)
    # The summary marks the others "not assessed", one row each.
    assert text.count("not assessed") == 3
    assert text.count("no results of this analysis in the scan") == 3
    # Findings carry the analysis results.
    for value in ("To the car park", "Escape south", "Grey van, parked", "2026-05-01"):
        assert value in text, value


@needs_poppler
def test_report_pages_carry_classification_attribution_and_numbers(report, demo_scan):
    path, _ = report
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 6
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info)
    assert "Author:          Team Beveiliging" in info
    for n in range(1, pages + 1):
        page = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert page.count("VERTROUWELIJK") >= 2, f"page {n}: classification top and bottom"
        assert ATTRIBUTION in page, f"page {n}"
        assert f"page {n} of {pages}" in page
    text = _text(path)
    assert "Security environment scan" in text and demo_scan.site.name in text
    assert "1 Management summary" in text and "A.1 Maps" in text
    assert "Annex A Analyses" in text and "Annex B Data sources and attribution" in text
    assert "Figure 1. Overview of the study area" in text
    assert re.search(r"Figure \d+\. Sightings log, scale 1:[\d ]+ \(on A4\)", text)


@needs_poppler
def test_report_without_analyses_says_none_was_run(demo_scan, tmp_path):
    path, findings = export_report(demo_scan, tmp_path / "r.pdf", ReportOptions(map_dpi=72))
    assert findings.assessed == []
    text = _text(path)
    assert "No analysis has been run on this scan yet" in text
    assert text.count("not assessed") == len(SECTIONS)
    assert not re.search(r"^A\.[2-9]\d* ", text, re.M)


def test_report_maps_come_from_the_map_scene(demo_scan):
    x0, y0, x1, y1 = demo_scan.study_area.polygon.bounds
    fig = QtMapRenderer().render_figure(
        demo_scan, MapFigure((x0, y0, x1, y1), 100.0, 80.0, ("buildings", "site")), 100
    )
    assert fig.png.startswith(b"\x89PNG")
    assert fig.scale == 15000  # 1020 m (2 % to spare) in 80 mm is 1:12 750: next nice 1:15 000
    assert fig.height_mm == pytest.approx(80.0 + 34.0)


def test_a_bad_report_path_writes_nothing(demo_scan, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_report(demo_scan, tmp_path / "no" / "r.pdf", ReportOptions(), QtMapRenderer())
    with pytest.raises(ExportError, match="needs a file name ending in .pdf"):
        write_report(demo_scan, tmp_path / "r.docx", ReportOptions(), QtMapRenderer())
    assert list(tmp_path.iterdir()) == []
