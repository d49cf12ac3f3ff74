"""The print map: PDF/PNG/SVG pages measured from the files themselves."""

from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from omgevingsscan.errors import ExportError, ImportCancelled
from omgevingsscan.export.page import PrintSpec
from omgevingsscan.export.paper import mm_to_pt, mm_to_px, paper_size_mm
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.render.layout import (
    SCALE_BAR_COLOUR,
    export_print,
    prepare_page,
    render_preview,
)

POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(
    not POPPLER,
    reason="poppler-utils (pdftotext, pdfinfo) not installed: apt-get install poppler-utils",
)
SVG = "{http://www.w3.org/2000/svg}"
TITLE = "Werkkaart Stopera"
CLASSIFICATION = "VERTROUWELIJK"

A4_PORTRAIT = PrintSpec(
    paper="A4",
    scale=2500,
    title=TITLE,
    subtitle="Omgeving 500 m",
    author="Team Beveiliging",
    classification=CLASSIFICATION,
)
A3_LANDSCAPE = PrintSpec(paper="A3", landscape=True, scale=None, title=TITLE)


@pytest.fixture(scope="module")
def pages(demo_scan, tmp_path_factory):
    """PDFs, an SVG and a PNG of the demo scan, written once."""
    out = tmp_path_factory.mktemp("print")
    return {
        "a4_pdf": export_print(demo_scan, A4_PORTRAIT, out / "a4.pdf"),
        "a3_pdf": export_print(demo_scan, A3_LANDSCAPE, out / "a3.pdf"),
        "a4_svg": export_print(demo_scan, A4_PORTRAIT, out / "a4.svg"),
        "a3_svg": export_print(demo_scan, A3_LANDSCAPE, out / "a3.svg"),
        "png": export_print(demo_scan, PrintSpec(paper="A4", scale=2500), out / "a4.png"),
    }


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_poppler
@pytest.mark.parametrize(
    ("key", "paper", "landscape"), [("a4_pdf", "A4", False), ("a3_pdf", "A3", True)]
)
def test_pdf_page_has_the_paper_size_in_points(pages, key, paper, landscape):
    info = subprocess.run(
        ["pdfinfo", "-box", str(pages[key])], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    box = re.search(r"MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", info)
    assert box is not None
    width, height = (
        float(box.group(3)) - float(box.group(1)),
        float(box.group(4)) - float(box.group(2)),
    )
    w_mm, h_mm = paper_size_mm(paper, landscape)
    # Qt states ISO sizes in whole points (A4: 595 × 842 pt for 595.28 × 841.89).
    assert width == pytest.approx(mm_to_pt(w_mm), abs=0.5)
    assert height == pytest.approx(mm_to_pt(h_mm), abs=0.5)
    assert f"({paper})" in info


@needs_poppler
def test_pdf_text_is_selectable_and_complete(pages, demo_scan):
    text = _pdf_text(pages["a4_pdf"])
    assert TITLE in text
    assert "Omgeving 500 m" in text and "Team Beveiliging" in text
    assert text.count(CLASSIFICATION) >= 2  # top and bottom
    assert ATTRIBUTION in text
    assert f"Data date {demo_scan.data_date[:10]}" in text
    assert re.search(r"Exported \d{4}-\d\d-\d\d \d\d:\d\d", text)
    assert "Scale 1:2 500 on A4" in text
    for entry in ("Legend", "Buildings", "Water", "Roads", "Security-relevant points", "10–15 m"):
        assert entry in text, entry
    # RD coordinate ticks on the frame: round hundreds of metres.
    assert re.search(r"\b121 [5-9]00\b", text) and re.search(r"\b486 [5-9]00\b", text)


@needs_poppler
def test_pdf_is_vector(pages):
    listing = subprocess.run(
        ["pdfimages", "-list", str(pages["a4_pdf"])], capture_output=True, text=True, check=True
    ).stdout
    assert len(listing.strip().splitlines()) == 2  # header lines only: no raster images
    assert pages["a4_pdf"].stat().st_size < 2_000_000


def _words(pdf: Path, tmp_path: Path) -> tuple[list[tuple[float, float, float, float, str]], float]:
    out = tmp_path / "bbox.html"
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(out)], check=True)
    text = out.read_text(encoding="utf-8")
    width = float(re.search(r'<page width="([\d.]+)"', text).group(1))
    words = [
        (float(a), float(b), float(c), float(d), html.unescape(w))
        for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            text,
        )
    ]
    return words, width


@needs_poppler
@pytest.mark.parametrize(("key", "spec"), [("a4_pdf", A4_PORTRAIT), ("a3_pdf", A3_LANDSCAPE)])
def test_no_text_leaves_its_box_or_overlaps_other_text(pages, demo_scan, tmp_path, key, spec):
    words, _ = _words(pages[key], tmp_path)
    assert len(words) > 60
    plan = prepare_page(demo_scan, spec).plan
    boxes = [
        (
            mm_to_pt(r.x) - 1.5,
            mm_to_pt(r.y) - 1.5,
            mm_to_pt(r.right) + 1.5,
            mm_to_pt(r.bottom) + 1.5,
        )
        for r in plan.blocks().values()
    ]
    for x0, y0, x1, y1, word in words:
        assert any(
            bx0 <= x0 and by0 <= y0 and x1 <= bx1 and y1 <= by1 for bx0, by0, bx1, by1 in boxes
        ), f"{word!r} at {x0:.0f},{y0:.0f} lies outside every furniture box"
    for a, b in itertools.combinations(words, 2):
        ix = min(a[2], b[2]) - max(a[0], b[0])
        iy = min(a[3], b[3]) - max(a[1], b[1])
        if ix > 0 and iy > 0:
            smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
            assert ix * iy < 0.15 * smaller, f"{a[4]!r} overlaps {b[4]!r}"


# -- SVG: measure the drawing ------------------------------------------------------------------
def _matrix(g: ET.Element) -> tuple[float, ...]:
    m = re.match(r"matrix\(([^)]*)\)", g.get("transform", "matrix(1,0,0,1,0,0)"))
    assert m is not None
    return tuple(float(v) for v in m.group(1).split(","))


def _mm_per_unit(root: ET.Element) -> float:
    width_mm = float(root.get("width").removesuffix("mm"))
    return width_mm / float(root.get("viewBox").split()[2])


def _numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def test_svg_scale_bar_is_true_to_scale(pages):
    root = ET.parse(pages["a4_svg"]).getroot()
    assert root.get("width") == "210mm" and root.get("height") == "297mm"
    # SVG 1.1, so the map is clipped to its frame by clip paths.
    assert root.get("version") == "1.1"
    assert len(list(root.iter(f"{SVG}clipPath"))) > 0
    unit = _mm_per_unit(root)
    widths = [
        float(rect.get("width")) * _matrix(g)[0]
        for g in root.iter(f"{SVG}g")
        if g.get("stroke") == SCALE_BAR_COLOUR and g.get("fill") == "none"
        for rect in g.iter(f"{SVG}rect")
    ]
    assert len(widths) == 1
    bar_mm = widths[0] * unit
    ground = bar_mm * 2500 / 1000  # metres at 1:2500
    nice = [m * 10**e for e in range(0, 4) for m in (1, 2, 5)]
    length = min(nice, key=lambda n: abs(n - ground))
    assert ground == pytest.approx(length, rel=0.005)
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert f"{length:g}" in labels and "m" in labels


def test_svg_map_is_drawn_at_the_stated_scale(pages, demo_scan):
    """The study-area circle (1000 m across) spans 1000 m / 1:N on paper."""
    root = ET.parse(pages["a3_svg"]).getroot()
    unit = _mm_per_unit(root)
    page = prepare_page(demo_scan, A3_LANDSCAPE)
    spans = []
    for g in root.iter(f"{SVG}g"):
        if g.get("stroke") != "#c1121f" or g.get("fill") != "none":
            continue
        a = _matrix(g)[0]
        for shape in g:
            coords = _numbers(shape.get("points") or shape.get("d") or "")
            xs = coords[0::2]
            if len(xs) > 100:  # the 256-vertex circle, not a dash or a swatch
                spans.append((max(xs) - min(xs)) * a * unit)
    assert spans, "study-area circle not found in the SVG"
    diameter_mm = 2 * demo_scan.study_area.radius_m * 1000 / page.extent.scale
    assert spans[0] == pytest.approx(diameter_mm, rel=0.005)


def test_svg_coordinates_are_centimetre_precise(demo_scan, tmp_path):
    """At 1:500 the site star lies where the site is, to 0.05 mm (2.5 cm on the ground)."""
    spec = PrintSpec(paper="A4", landscape=True, scale=500, layers=("site",))
    out = export_print(demo_scan, spec, tmp_path / "site.svg")
    page = prepare_page(demo_scan, spec)
    root = ET.parse(out).getroot()
    unit = _mm_per_unit(root)
    x0, _, _, _ = page.extent.bounds
    expected = page.plan.map.x + (demo_scan.site.x - x0) * 1000 / 500
    found = []
    for g in root.iter(f"{SVG}g"):
        if g.get("fill") == "#c1121f":
            a, _, _, _, e, _ = _matrix(g)
            for path in g.iter(f"{SVG}path"):
                xs = _numbers(path.get("d"))[0::2]
                found.append(((max(xs) + min(xs)) / 2 * a + e) * unit)
    assert any(abs(x - expected) < 0.05 for x in found), (found, expected)


# -- PNG --------------------------------------------------------------------------------------
def test_png_has_the_dpi_metadata_and_exact_pixel_size(pages):
    from PIL import Image

    assert PrintSpec().dpi == 300
    with Image.open(pages["png"]) as image:
        assert image.size == (mm_to_px(210, 300), mm_to_px(297, 300)) == (2480, 3508)
        dpi = image.info["dpi"]
        assert dpi[0] == pytest.approx(300, abs=0.01) and dpi[1] == pytest.approx(300, abs=0.01)
        # A map, not a blank page: many distinct colours in the frame.
        assert len(image.convert("RGB").crop((300, 300, 1800, 1800)).getcolors(1 << 20)) > 50


def test_png_at_another_resolution(demo_scan, tmp_path):
    from PIL import Image

    out = export_print(demo_scan, PrintSpec(paper="A3", landscape=True, dpi=96), tmp_path / "m.png")
    with Image.open(out) as image:
        assert image.size == (mm_to_px(420, 96), mm_to_px(297, 96))
        # PNG stores whole pixels per metre: 96 dpi is 3779.5 → 3780 px/m = 96.012 dpi.
        assert image.info["dpi"][0] == pytest.approx(96, abs=0.0127)


# -- bad input ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("spec", "name", "message"),
    [
        (PrintSpec(paper="A5"), "m.pdf", "paper size 'A5' unknown"),
        (PrintSpec(scale=20), "m.pdf", "too large"),
        (PrintSpec(scale=2_000_000), "m.svg", "too small"),
        (
            PrintSpec(frame="view", view=(0.0, 0.0, 10.0, 10.0), scale=500),
            "m.png",
            "the map would be empty",
        ),
        (PrintSpec(layers=("nope",)), "m.pdf", "layer 'nope' not in the scan"),
        (PrintSpec(layers=()), "m.pdf", "no layers chosen"),
        (PrintSpec(), "m.tiff", "print format 'tiff' unknown"),
    ],
)
def test_bad_options_give_a_clear_error_and_no_file(demo_scan, tmp_path, spec, name, message):
    with pytest.raises(ExportError, match=message):
        export_print(demo_scan, spec, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_path_gives_a_clear_error(demo_scan, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_print(demo_scan, PrintSpec(), tmp_path / "no" / "such" / "m.pdf")
    (tmp_path / "taken.pdf").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_print(demo_scan, PrintSpec(), tmp_path / "taken.pdf")


def test_a_cancelled_export_leaves_no_file_and_keeps_the_old_one(demo_scan, tmp_path):
    target = tmp_path / "m.pdf"
    target.write_bytes(b"previous export")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # cancel after the page is drawn, before the rename

    with pytest.raises(ImportCancelled):
        export_print(demo_scan, PrintSpec(), target, cancelled=cancelled)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["m.pdf"]


def test_the_export_does_not_change_the_scan(demo_scan, tmp_path):
    before = [(layer.name, layer.visible, layer.opacity, len(layer)) for layer in demo_scan.layers]
    export_print(demo_scan, PrintSpec(layers=("buildings", "site")), tmp_path / "m.pdf")
    assert [
        (layer.name, layer.visible, layer.opacity, len(layer)) for layer in demo_scan.layers
    ] == before


def test_preview_has_the_page_shape(demo_scan):
    portrait = render_preview(prepare_page(demo_scan, PrintSpec(paper="A4")), 300)
    landscape = render_preview(prepare_page(demo_scan, PrintSpec(paper="A4", landscape=True)), 300)
    assert portrait.width() == landscape.width() == 300
    assert portrait.height() == mm_to_px(297, 300 / (210 / 25.4))
    assert landscape.height() < portrait.height()
