"""Print-page maths, options and safe file writing (no Qt)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from omgevingsscan.errors import ExportError
from omgevingsscan.export.files import atomic_target, check_target, default_filename, slugify
from omgevingsscan.export.page import (
    MapExtent,
    PrintSpec,
    Rect,
    crs_label,
    format_coordinate,
    grid_convergence_deg,
    grid_ticks,
    map_extent,
    plan_page,
    scale_bar,
    target_box,
)
from omgevingsscan.export.paper import (
    format_scale,
    ground_m,
    mm_to_pt,
    mm_to_px,
    nice_scale_at_least,
    paper_mm,
    paper_size_mm,
    parse_scale,
)


def test_a_100_m_bar_at_1_to_2500_is_40_mm():
    assert paper_mm(100.0, 2500) == pytest.approx(40.0, abs=1e-12)
    assert ground_m(40.0, 2500) == pytest.approx(100.0, abs=1e-12)
    bar = scale_bar(2500, 45.0)
    assert bar.length_m == 100.0
    assert bar.length_mm == pytest.approx(40.0, abs=1e-12)
    assert bar.labels[0] == (0.0, "0") and bar.labels[-1][1] == "100"


@pytest.mark.parametrize(
    ("scale", "room", "metres", "segments"),
    [(500, 60, 20, 4), (1000, 60, 50, 5), (5000, 60, 200, 4), (25000, 50, 1000, 4)],
)
def test_scale_bar_is_the_longest_nice_length_that_fits(scale, room, metres, segments):
    bar = scale_bar(scale, room)
    assert bar.length_m == metres
    assert bar.segments == segments
    assert bar.length_mm <= room
    assert bar.length_mm == pytest.approx(metres * 1000 / scale)
    assert bar.unit == ("km" if metres >= 1000 else "m")


def test_paper_sizes_and_units():
    assert paper_size_mm("a4") == (210.0, 297.0)
    assert paper_size_mm("A3", landscape=True) == (420.0, 297.0)
    assert mm_to_pt(210) == pytest.approx(595.2756, abs=1e-3)
    assert mm_to_px(210, 300) == 2480
    with pytest.raises(ExportError, match="paper size 'A5' unknown"):
        paper_size_mm("A5")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2500", 2500.0),
        ("1:2500", 2500.0),
        ("1:2.500", 2500.0),
        ("1 : 2 500", 2500.0),
        (1000, 1000.0),
    ],
)
def test_parse_scale(text, value):
    assert parse_scale(text) == value


@pytest.mark.parametrize("text", ["fit", "", None, "auto"])
def test_parse_scale_fit(text):
    assert parse_scale(text) is None


@pytest.mark.parametrize("text", ["1:abc", "-500", "1:50", "1:0", "1:5000000"])
def test_parse_scale_refuses_bad_scales(text):
    with pytest.raises(ExportError):
        parse_scale(text)


def test_nice_scales_and_labels():
    assert nice_scale_at_least(3127) == 4000
    assert nice_scale_at_least(2500) == 2500
    assert nice_scale_at_least(7400) == 7500
    assert nice_scale_at_least(101) == 125
    assert format_scale(2500) == "1:2 500"
    assert format_coordinate(121500.0) == "121 500"
    assert crs_label("EPSG:28992") == "RD New (EPSG:28992)"
    assert crs_label("EPSG:32631").startswith("UTM 31N")


@pytest.mark.parametrize(
    ("paper", "landscape", "classification"),
    list(itertools.product(["A4", "A3"], [False, True], [False, True])),
)
def test_furniture_boxes_never_overlap_and_stay_on_the_page(paper, landscape, classification):
    plan = plan_page(paper, landscape, classification)
    blocks = plan.blocks()
    margin = plan.page.inset(9.99)
    for name, rect in blocks.items():
        assert rect.w > 10 and rect.h > 5, name
        assert margin.contains(rect), name
    for (a, ra), (b, rb) in itertools.combinations(blocks.items(), 2):
        assert not ra.overlaps(rb), (a, b)
    assert len(plan.banners) == (2 if classification else 0)
    assert plan.map.w > 170 and plan.map.h > 160


def test_map_extent_at_a_fixed_scale_is_exact(demo_scan):
    plan = plan_page("A3", True, False)
    box = target_box(PrintSpec(), demo_scan)
    ext = map_extent(demo_scan, box, plan.map.w, plan.map.h, 2500)
    assert ext.width_m == pytest.approx(plan.map.w * 2.5)
    assert ext.height_m == pytest.approx(plan.map.h * 2.5)
    assert (ext.cx, ext.cy) == pytest.approx(demo_scan.study_area.centre)


def test_fit_scale_contains_the_study_area(demo_scan):
    plan = plan_page("A4", False, True)
    ext = map_extent(demo_scan, target_box(PrintSpec(), demo_scan), plan.map.w, plan.map.h, None)
    x0, y0, x1, y1 = ext.bounds
    ax0, ay0, ax1, ay1 = demo_scan.study_area.polygon.bounds
    assert x0 < ax0 and y0 < ay0 and x1 > ax1 and y1 > ay1
    assert ext.scale == nice_scale_at_least(ext.scale)
    # Not needlessly small: below the next nice scale the study area would not fit.
    diameter = 2 * demo_scan.study_area.radius_m
    assert ground_m(min(plan.map.w, plan.map.h), ext.scale / 1.34) < diameter


def test_a_frame_away_from_the_study_area_is_refused(demo_scan):
    sx, sy = demo_scan.site.x, demo_scan.site.y
    far = (sx + 5000, sy + 5000, sx + 5001, sy + 5001)
    with pytest.raises(ExportError, match="does not reach the study area: the map would be empty"):
        map_extent(demo_scan, far, 200, 150, 500)


def test_a_scale_that_shrinks_the_study_area_to_a_dot_is_refused(demo_scan):
    box = target_box(PrintSpec(), demo_scan)
    with pytest.raises(ExportError, match="the map would be empty"):
        map_extent(demo_scan, box, 200, 150, 500_000)
    with pytest.raises(ExportError, match="too large"):
        map_extent(demo_scan, box, 200, 150, 20)


def test_spec_validation():
    assert PrintSpec(paper="a3").validated().paper == "A3"
    with pytest.raises(ExportError, match="unknown"):
        PrintSpec(paper="Letter").validated()
    with pytest.raises(ExportError, match="needs the current view"):
        PrintSpec(frame="view").validated()
    with pytest.raises(ExportError, match="resolution"):
        PrintSpec(dpi=5000).validated()
    with pytest.raises(ExportError, match="frame 'map' unknown"):
        PrintSpec(frame="map").validated()


def test_grid_ticks_are_round_and_about_5_cm_apart():
    interval, ticks = grid_ticks(121_433.0, 122_011.0, 2500)
    assert interval == 100.0
    assert ticks == [121_500.0, 121_600.0, 121_700.0, 121_800.0, 121_900.0, 122_000.0]
    assert paper_mm(interval, 2500) == pytest.approx(40.0)


def test_true_north_lies_east_of_grid_north_west_of_the_rd_meridian(demo_scan):
    gamma = grid_convergence_deg(demo_scan.crs, demo_scan.site.x, demo_scan.site.y)
    # Amsterdam (4.90° E) lies west of RD's central meridian (5.39° E): γ ≈ +0.39°.
    assert 0.3 < gamma < 0.5
    # On the central meridian of UTM 31N (3° E) true and grid north coincide.
    from omgevingsscan.crs import from_wgs84

    x, y = from_wgs84(52.0, 3.0, "EPSG:32631")
    assert abs(grid_convergence_deg("EPSG:32631", x, y)) < 1e-6


def test_rect_helpers():
    a, b = Rect(0, 0, 10, 10), Rect(10, 0, 5, 5)
    assert not a.overlaps(b)
    assert a.overlaps(Rect(9, 9, 5, 5))
    assert a.contains(Rect(1, 1, 2, 2)) and not a.contains(b)
    assert MapExtent(0, 0, 10, 4, 500).bounds == (-5, -2, 5, 2)


# -- safe writing ------------------------------------------------------------------------------
def test_atomic_target_writes_the_whole_file_or_nothing(tmp_path):
    target = tmp_path / "map.pdf"
    with atomic_target(target, "pdf") as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_bytes(b"%PDF-1.4 complete")
    assert target.read_bytes() == b"%PDF-1.4 complete"

    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_target(target, "pdf") as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("crash while writing")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf"]


def test_atomic_target_refuses_an_empty_result(tmp_path):
    with (
        pytest.raises(ExportError, match="nothing was written"),
        atomic_target(tmp_path / "a.svg", "svg"),
    ):
        pass
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "fmt", "message"),
    [
        ("missing/out.pdf", "pdf", "does not exist"),
        ("out.png", "pdf", "needs a file name ending in .pdf"),
        ("", "pdf", "no output file"),
    ],
)
def test_check_target_explains_what_is_wrong(tmp_path, name, fmt, message):
    path = tmp_path / name if name else ""
    with pytest.raises(ExportError, match=message):
        check_target(path, fmt)


def test_check_target_refuses_a_folder_and_a_file_as_folder(tmp_path):
    (tmp_path / "dir.pdf").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        check_target(tmp_path / "dir.pdf", "pdf")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="does not exist"):
        check_target(tmp_path / "file" / "out.pdf", "pdf")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_check_target_refuses_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="not writable"):
            check_target(folder / "out.pdf", "pdf")
    finally:
        folder.chmod(0o700)


def test_file_names():
    assert slugify("Stadhuis Amsterdam (Stopera)") == "stadhuis-amsterdam-stopera"
    assert slugify("Ærø ☃ café").isascii() and slugify("Ærø ☃ café").endswith("cafe")
    assert slugify("☃") == "scan"
    name = default_filename("Stadhuis", "map", "pdf")
    assert name.startswith("stadhuis-map-") and name.endswith(".pdf")
    day = Path(name).stem.split("-")[-1]
    assert day.isdigit() and len(day) == 8
