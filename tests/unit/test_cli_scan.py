"""The headless CLI: new, info, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from omgevingsscan.cli import main
from tests.conftest import DEMO_BZ2, DEMO_PBF


def test_new_and_info(tmp_path, capsys):
    out = tmp_path / "scan.gpkg"
    code = main(
        [
            "new",
            "--osm",
            str(DEMO_PBF),
            "--site",
            "52.3677,4.9002",
            "--name",
            "Stadhuis",
            "--kind",
            "townhall",
            "--radius",
            "300",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert out.exists()
    capsys.readouterr()
    assert main(["info", str(out)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["site"]["name"] == "Stadhuis"
    assert info["site"]["kind"] == "townhall"
    assert info["crs"] == "EPSG:28992"
    assert info["radius_m"] == 300
    layers = {entry["name"]: entry["features"] for entry in info["layers"]}
    assert layers["buildings"] > 300
    assert layers["site"] == 1
    assert info["networks"]["walk"]["edges"] > 100


@pytest.mark.parametrize("site", ["rd:121833,486756", "Amstel 1"])
def test_new_site_forms(tmp_path, site, capsys):
    out = tmp_path / "s.gpkg"
    assert (
        main(["new", "--osm", str(DEMO_BZ2), "--site", site, "--radius", "100", "--out", str(out)])
        == 0
    )
    capsys.readouterr()
    main(["info", str(out)])
    info = json.loads(capsys.readouterr().out)
    assert info["site"]["lat"] == pytest.approx(52.3677, abs=3e-4)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--osm", "missing.osm.pbf", "--site", "52.3677,4.9002"],
            "missing.osm.pbf: file not found",
        ),
        (
            ["--osm", str(DEMO_PBF), "--site", "52.3677,4.9002", "--radius", "5000"],
            "radius 5000 m is out of range",
        ),
        (["--osm", str(DEMO_PBF), "--site", "91,4"], "is not a WGS84 position"),
    ],
)
def test_new_errors_are_one_line(tmp_path, capsys, args, message):
    out = tmp_path / "x.gpkg"
    assert main(["new", *args, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert not out.exists()


def test_info_on_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.gpkg"
    bad.write_text("not sqlite")
    assert main(["info", str(bad)]) == 2
    assert "bad.gpkg: not a GeoPackage" in capsys.readouterr().err


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "omgevingsscan", "info", "nothere.gpkg"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "omgevingsscan: error: nothere.gpkg: file not found"
