"""``omgevingsscan export`` and ``omgevingsscan report`` on the command line."""

from __future__ import annotations

import json

import pytest

from omgevingsscan import cli


@pytest.fixture
def run(monkeypatch, capsys):
    """Run the CLI with only the export commands registered; return (status, stderr)."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("export",))

    def _run(*argv: str) -> tuple[int, str]:
        status = cli.main(list(argv))
        return status, capsys.readouterr().err

    return _run


def test_export_writes_every_format(run, demo_gpkg, tmp_path):
    status, err = run(
        "export",
        str(demo_gpkg),
        "--pdf", str(tmp_path / "map.pdf"),
        "--png", str(tmp_path / "map.png"),
        "--dpi", "100",
        "--svg", str(tmp_path / "map.svg"),
        "--paper", "A3",
        "--landscape",
        "--scale", "1:2500",
        "--title", "Werkkaart",
        "--classification", "VERTROUWELIJK",
        "--html", str(tmp_path / "map.html"),
        "--geojson", str(tmp_path / "geojson"),
        "--kml", str(tmp_path / "map.kml"),
        "--gpkg", str(tmp_path / "copy.gpkg"),
        "--layers", "water,buildings,poi,study_area,site",
    )  # fmt: skip
    assert status == 0, err
    for name in ("map.pdf", "map.png", "map.svg", "map.html", "map.kml", "copy.gpkg"):
        assert (tmp_path / name).stat().st_size > 1000, name
        assert f"wrote {tmp_path / name}" in err
    assert "(A3 landscape, 1:2 500)" in err
    assert sorted(p.name for p in (tmp_path / "geojson").iterdir()) == [
        "buildings.geojson",
        "poi.geojson",
        "site.geojson",
        "study_area.geojson",
        "water.geojson",
    ]
    doc = json.loads((tmp_path / "geojson" / "site.geojson").read_text())
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert (tmp_path / "copy.gpkg").read_bytes() == demo_gpkg.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pdf", "{tmp}/m.pdf", "--paper", "A5"], "paper size 'A5' unknown"),
        (["--pdf", "{tmp}/m.pdf", "--scale", "50"], "1:50 is too large"),
        (["--pdf", "{tmp}/m.pdf", "--scale", "big"], "is not of the form 2500 or 1:2500"),
        (["--pdf", "{tmp}/no/such/folder/m.pdf"], "does not exist"),
        (["--pdf", "{tmp}/m.png"], "needs a file name ending in .pdf"),
        (["--png", "{tmp}/m.png", "--dpi", "5000"], "resolution 5000 dpi is out of range"),
        (["--pdf", "{tmp}/m.pdf", "--layers", "nope"], "layer 'nope' not in the scan"),
        (["--html", "{tmp}/m.html", "--basemap"], "needs online mode"),
        (["--gpx", "{tmp}/r.gpx"], "no route layers"),
        (["--csv", "{tmp}/s.csv"], "no sightings layer"),
        ([], "nothing to export"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    run, demo_gpkg, tmp_path, args, message
):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    status, err = run("export", str(demo_gpkg), *argv)
    assert status == 2
    assert err.startswith("omgevingsscan: error: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_missing_scan_file_is_named(run, tmp_path):
    status, err = run("export", str(tmp_path / "none.gpkg"), "--pdf", str(tmp_path / "m.pdf"))
    assert status == 2 and "none.gpkg" in err


def test_report_command(run, demo_gpkg, tmp_path):
    out = tmp_path / "report.pdf"
    status, err = run(
        "report", str(demo_gpkg), "--out", str(out), "--author", "Team B", "--dpi", "72"
    )
    assert status == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    assert f"wrote {out} (analyses assessed: none)" in err


def test_report_refuses_a_bad_path(run, demo_gpkg, tmp_path):
    status, err = run("report", str(demo_gpkg), "--out", str(tmp_path / "x" / "r.pdf"))
    assert status == 2 and "does not exist" in err
