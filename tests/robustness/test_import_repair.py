"""Issue 10: an extract cut by a bounding box, with ways that lost nodes, imports.

The fixture is made from the bundled extract: cut by a box keeping partial ways (their
references to nodes outside the box now point to nothing), then 12 % of the remaining
way-node references removed at random (seeded). Before the fix the import failed
with ``Invalid number of points in LinearRing found 2``.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.osm_repair import RepairReport, figures_line, import_figures, repair_ways
from omgevingsscan.io.project import load_scan
from tests.conftest import DEMO_PBF, TOWNHALL
from tests.robustness._osmdata import OPEN_SITE, OsmBuilder, clipped_extract, offset
from tests.robustness.conftest import check_cli, count_case

#: The box the fixture is cut by: the middle of the bundled extract (WGS84 degrees).
BBOX = (4.8935, 52.3665, 4.9025, 52.3725)
SITE = f"{TOWNHALL[0]},{TOWNHALL[1]}"


@pytest.fixture(scope="module")
def clipped(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("clipped")
    path = folder / "clipped.osm.pbf"
    stats = clipped_extract(DEMO_PBF, path, BBOX, drop_share=0.12, seed=14)
    return path, stats


def test_the_fixture_is_broken_like_a_real_cut(clipped):  # type: ignore[no-untyped-def]
    _path, stats = clipped
    assert stats.missing_share > 0.12  # the cut's losses plus the random 12 %
    assert stats.short_ways > 20  # ways left with fewer than two nodes


@pytest.fixture(scope="module")
def clipped_scan(clipped, tmp_path_factory):  # type: ignore[no-untyped-def]
    from omgevingsscan.cli import main

    path, _ = clipped
    out = tmp_path_factory.mktemp("clipped_scan") / "clipped.gpkg"
    args = ["new", "--osm", str(path), "--site", SITE, "--radius", "300", "--out", str(out)]
    assert main(args) == 0
    return out


def test_new_imports_and_reports_the_drops(clipped, tmp_path, capsys):  # type: ignore[no-untyped-def]
    path, _ = clipped
    out = tmp_path / "scan.gpkg"
    argv = ["new", "--osm", path, "--site", SITE, "--radius", "300", "--out", out]
    result = check_cli(capsys, argv, inputs=[path], allowed=(0,))
    note = [ln for ln in result.err.splitlines() if ln.startswith("omgevingsscan: note:")]
    assert len(note) == 1 and "dropped" in note[0] and "buildings" in note[0], result.err
    scan = load_scan(out)
    figures = import_figures(scan.meta)
    assert figures["dropped_total"] > 0 and figures["dropped"]["buildings"] > 0
    assert figures["ways_repaired"] > 100 and figures["missing_node_refs"] > 1000
    for layer in ("buildings", "landuse", "water"):
        assert scan.frame(layer).geometry.is_valid.all(), layer
    assert len(scan.frame("buildings")) > 300
    assert scan.graphs["walk"].number_of_edges() > 100


def test_info_shows_the_drops(clipped_scan, capsys):  # type: ignore[no-untyped-def]
    result = check_cli(capsys, ["info", clipped_scan], inputs=[clipped_scan], allowed=(0,))
    figures = json.loads(result.out)["import"]
    assert figures["dropped_total"] == sum(figures["dropped"].values()) > 0
    assert set(figures["dropped"]) <= {
        "buildings",
        "roads",
        "paths",
        "railways",
        "water",
        "landuse",
        "barriers",
    }


def test_gui_message_names_the_layers(clipped_scan, qapp):  # type: ignore[no-untyped-def]
    from omgevingsscan.ui.import_notes import import_message

    scan = load_scan(clipped_scan)
    message = import_message(scan)
    figures = import_figures(scan.meta)
    assert message is not None and str(figures["dropped_total"]) in message
    assert "Buildings: " in message
    assert import_message(load_scan(_clean_scan_path(clipped_scan))) is None


def _clean_scan_path(clipped_scan):  # type: ignore[no-untyped-def]
    """A scan of a whole file: nothing to report."""
    out = clipped_scan.with_name("whole.gpkg")
    if not out.exists():
        from omgevingsscan.io.project import save_scan

        save_scan(import_scan(DEMO_PBF, TOWNHALL, radius_m=100), out)
    return out


def test_report_states_the_drops(clipped_scan, tmp_path, capsys):  # type: ignore[no-untyped-def]
    pdf = tmp_path / "report.pdf"
    argv = ["report", clipped_scan, "--out", pdf, "--dpi", "72"]
    check_cli(capsys, argv, inputs=[clipped_scan], allowed=(0,))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    line = figures_line(load_scan(clipped_scan).meta)
    assert line is not None
    assert "dropped" in text and "broken features" in " ".join(text.split())


def test_repair_pass_on_a_hand_made_file(tmp_path):  # type: ignore[no-untyped-def]
    """Each repair rule on its own: drop, keep shorter, close again."""
    b = OsmBuilder()
    road = b.way(
        [offset(-200, 0), offset(0, 0), offset(100, 0), offset(200, 0)], {"highway": "residential"}
    )
    house = b.box_m(20, 20, 15, 10, {"building": "house"})
    park = b.box_m(-150, 20, 80, 60, {"leisure": "park"})
    b.box_m(60, -40, 15, 10, {"building": "house"})  # untouched
    b.node(*OPEN_SITE, {"amenity": "townhall"})
    ways = {wid: refs for wid, refs, _ in b.ways}
    lost = {ways[road][2], *ways[house][1:3], ways[park][0]}
    b.nodes = [n for n in b.nodes if n[0] not in lost]
    osm = b.write(tmp_path / "holes.osm")
    from omgevingsscan.io.osm_file import as_pbf

    box = (OPEN_SITE[1] - 0.01, OPEN_SITE[0] - 0.01, OPEN_SITE[1] + 0.01, OPEN_SITE[0] + 0.01)
    report = RepairReport()
    with as_pbf(osm) as pbf, repair_ways(pbf, box, report) as fixed:
        assert fixed != pbf
    assert dict(report.dropped) == {"buildings": 1}
    assert report.ways_repaired == 2 and report.missing_refs == 5  # park: first and last ref
    scan = import_scan(osm, OPEN_SITE, radius_m=300)
    assert len(scan.frame("buildings")) == 1
    park_geom = scan.frame("landuse").geometry.iloc[0]
    assert park_geom.area == pytest.approx(0.5 * 80 * 60, rel=0.02)  # a triangle, closed again
    assert len(scan.frame("roads")) == 1
    count_case()
