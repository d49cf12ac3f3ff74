"""The report a mayor's office gets: its text (pdftotext) states the summary, the
matrix and every counted finding and no rejected one; the handout is one A4 page; the
.docx holds the same findings; every image fits its frame on any study area."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import geopandas as gpd
import pytest
from shapely.geometry import Point

from omgevingsscan.analysis.findings import suggest_findings
from omgevingsscan.analysis.findings import workflow as wf
from omgevingsscan.cli import main
from omgevingsscan.editing import ObservationEditor
from omgevingsscan.export.report import ReportOptions, fit_size
from omgevingsscan.export.report.base import FRAME_H, TEXT_W
from omgevingsscan.export.report.i18n import NL
from omgevingsscan.io.assessment import update_assessment, write_assessment
from omgevingsscan.io.project import load_scan
from tests.findings.conftest import jpeg

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdfimages")),
    reason="poppler-utils not installed",
)


def _text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return re.sub(r"\s+", " ", out.stdout)


def _pages(path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+(.*)", info).group(1)
    return pages, size


@pytest.fixture(scope="module")
def advised(analysed_gpkg, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The analysed demo with suggestions accepted (one rejected, one left), a hand-made
    finding with a photo, measures, a threat context and a contact."""
    path = shutil.copy(analysed_gpkg, tmp_path_factory.mktemp("adv") / "adv.gpkg")
    editor = ObservationEditor.open(path)
    # unique titles (two unnamed waiting spots would read the same)
    found = [
        s.finding.evolve(title=f"{s.finding.title} ({s.key})")
        for s in suggest_findings(editor.scan)
    ]
    for s in found[:-2]:
        wf.accept(editor, s)
    wf.accept(editor, found[-2], "rejected")
    wf.accept(editor, found[-1], "suggested")
    site = editor.scan.site
    own = wf.add_finding(
        editor,
        Point(site.x - 15, site.y + 25),
        "Unlit back door",
        category="lighting",
        likelihood=3,
        impact=4,
        status="accepted",
    )
    photo = path.parent / "door.jpg"
    photo.write_bytes(jpeg((320, 240)))
    wf.add_photo(editor, own, photo, "Back door at night")
    first = wf.find(editor, 1)
    wf.add_measure(editor, [first, own], "Frosted glass and lamps", responsible="police")
    editor.close()
    scan = load_scan(path)
    data = update_assessment(
        scan.meta,
        threat="Threats after a council decision",
        contacts=[{"role": "Police liaison", "name": "J. de Vries", "phone": "+31 20 555 0101"}],
    )
    write_assessment(path, data)
    return path, found


def test_report_text_holds_summary_matrix_and_only_counted_findings(advised, tmp_path):
    path, found = advised
    out, docx_out, handout = tmp_path / "r.pdf", tmp_path / "r.docx", tmp_path / "h.pdf"
    args = [
        "report",
        str(path),
        "--out",
        str(out),
        "--docx",
        str(docx_out),
        "--handout",
        str(handout),
        "--dpi",
        "72",
        "--classification",
        "VERTROUWELIJK",
    ]
    assert main(args) == 0
    text = _text(out)
    pages, _ = _pages(out)
    assert "1 Management summary" in text and "Threats after a council decision" in text
    assert "Overall risk level" in text and "HIGH" in text
    assert "2 Risk matrix" in text and "Likelihood" in text and "Impact" in text
    scan = load_scan(path)
    counted = scan.layers.get("findings").counted()
    assert len(counted) == len(found) - 1
    for f in counted:
        assert f.title in text, f.title
    rejected = found[-2].title
    waiting = found[-1].title
    assert rejected not in text and waiting not in text
    assert "1 suggested findings await" in text
    assert "Frosted glass and lamps" in text and "Back door at night" in text
    assert text.count("VERTROUWELIJK") >= 2 * pages
    assert f"page {pages} of {pages}" in text and "version 1.0" in text
    # the handout: one A4 page with the site, positions, routes and contacts
    n, size = _pages(handout)
    assert n == 1 and "595" in size and "841" in size
    htext = _text(handout)
    assert "Police handout" in htext and "J. de Vries" in htext and "+31 20 555 0101" in htext
    assert counted[0].title in htext and "emergency services" in htext
    # the editable copy holds the same findings
    document = docx.Document(str(docx_out))
    body = "\n".join(p.text for p in document.paragraphs)
    for f in counted:
        assert f"{f.number}. {f.title}" in body
    assert rejected not in body and waiting not in body
    # the photo, and a map per category
    assert len(document.inline_shapes) == 1 + len({f.category for f in counted})


def test_dutch_report(advised, tmp_path):
    path, _found = advised
    out = tmp_path / "nl.pdf"
    assert (
        main(
            [
                "report",
                str(path),
                "--out",
                str(out),
                "--lang",
                "nl",
                "--dpi",
                "72",
                "--since",
                str(path),
            ]
        )
        == 0
    )
    text = _text(out)
    for phrase in (
        "1 Managementsamenvatting",
        "2 Risicomatrix",
        "Kans",
        "Totaal risiconiveau",
        "3 Bevindingen en maatregelen",
        "6 Wijzigingen sinds",
        "Bijlage A Analyses",
    ):
        assert phrase in text, phrase


def test_every_report_text_has_a_dutch_translation():
    import ast
    from pathlib import Path

    import omgevingsscan.export.report as pkg

    missing = []
    for file in Path(pkg.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(file.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value not in NL
            ):
                missing.append(node.args[0].value)
    assert missing == []


def test_fit_size():
    assert fit_size(100, 200, 50, 1000) == (50, 100)
    assert fit_size(100, 200, 1000, 100) == (50, 100)
    assert fit_size(10, 20, 1000, 1000) == (10, 20)


def _image_heights(pdf) -> list[float]:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    heights = []
    for line in listing.stdout.splitlines()[2:]:
        cols = line.split()
        if cols[2] != "image":
            continue
        h_px, y_ppi = int(cols[4]), float(cols[13])
        heights.append(h_px / y_ppi * 72.0)
    return heights


@pytest.mark.parametrize(
    ("radius", "shape"),
    [(50, "landscape"), (500, "portrait"), (3000, "landscape"), (3000, "portrait")],
)
def test_every_image_fits_its_frame(radius, shape, tmp_path):
    from omgevingsscan.io.osm import import_scan
    from omgevingsscan.layers.base import VectorLayer
    from omgevingsscan.layers.osm import OSM_LAYER_KINDS
    from tests.conftest import DEMO_PBF, TOWNHALL

    scan = import_scan(DEMO_PBF, TOWNHALL, radius_m=radius, name="Edge", kind="residence")
    x, y = scan.site.x, scan.site.y
    w, h = (radius * 2.0, radius * 0.5) if shape == "landscape" else (radius * 0.5, radius * 2.0)
    from shapely.geometry import box

    strip = box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    for layer in scan.layers:  # a data extent of the wanted shape
        if isinstance(layer, VectorLayer) and layer.kind in {
            c.kind for c in OSM_LAYER_KINDS.values()
        }:
            frame = layer.data
            layer.data = frame[frame.geometry.intersects(strip)]
    for i in range(16):  # a long legend: many result layers with categories, near the site
        pts = [Point(x + radius * 0.05 * j, y + radius * 0.03 * i) for j in range(6)]
        cats = [f"result class {i}.{j} with a long name" for j in range(6)]
        frame = gpd.GeoDataFrame({"category": cats}, geometry=pts, crs=scan.crs)
        style = {
            "column": "category",
            "categories": {
                c: {"fill": f"#{(i * 15) % 255:02x}{j * 40:02x}80"} for j, c in enumerate(cats)
            },
        }
        scan.layers.append(VectorLayer(f"result {i}", frame, style=style))
    from omgevingsscan.export.report import MapFigure
    from omgevingsscan.render.report_maps import QtMapRenderer, export_report

    tall = QtMapRenderer().render_figure(
        scan, MapFigure(scan.study_area.polygon.bounds, TEXT_W / 2.835, 150.0), 72
    )
    assert tall.height_mm * 2.835 > FRAME_H  # as rendered, the map with legend is too tall
    out = tmp_path / "r.pdf"
    export_report(scan, out, ReportOptions(map_dpi=72))
    heights = _image_heights(out)
    assert heights and max(heights) <= FRAME_H + 0.5
    assert "Reduced to fit the page." in _text(out)
