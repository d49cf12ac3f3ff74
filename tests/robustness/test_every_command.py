"""Every analysis and export command on four scans unlike each other (issue 14).

The demo; a 50 m scan; a 3000 m scan of a 3 x 3 tiled copy of the demo; a scan of
fields with no buildings at all. Every command exits 0, or 2 with one line; none ends
in a traceback, and none changes the scan it reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.conftest import ScanCase, check_cli

SCANS = ("demo", "r50", "r3000", "no_buildings")


def _commands(case: ScanCase, out: Path) -> dict[str, list[str]]:
    scan = str(case.path)
    route = ["route", scan, "--from", case.at("near"), "--to", case.at("far")]
    return {
        "sightline": ["sightline", scan, "--from", case.at("near"), "--to", case.at("far", 10)],
        "viewshed": ["viewshed", scan, "--at", case.at("near"), "--radius", "300"],
        "viewshed_height": ["viewshed", scan, "--at", case.at("near", 20), "--radius", "300"],
        "exposure": [
            *("exposure", scan, "--quiet", "--spacing", "10"),
            *("--top-spacing", "20", "--window-spacing", "20", "--facade-height", "4"),
        ],
        "route_walk": [*route, "--mode", "walk"],
        "route_bike": [*route, "--mode", "bike"],
        "route_drive": [*route, "--mode", "drive"],
        "escape": ["escape", scan, "--k", "2"],
        "approach": ["approach", scan],
        "emergency": ["emergency", scan],
        "isochrones": ["isochrones", scan, "--minutes", "1,3"],
        "chokepoints": ["chokepoints", scan],
        "posts": ["posts", scan],
        "export_pdf": ["export", scan, "--pdf", str(out / "map.pdf")],
        "export_png": ["export", scan, "--png", str(out / "map.png"), "--dpi", "72"],
        "export_svg": ["export", scan, "--svg", str(out / "map.svg")],
        "export_html": ["export", scan, "--html", str(out / "map.html")],
        "export_geojson": ["export", scan, "--geojson", str(out / "geojson")],
        "export_kml": ["export", scan, "--kml", str(out / "map.kml")],
        "export_gpx": ["export", scan, "--gpx", str(out / "routes.gpx")],
        "export_csv": ["export", scan, "--csv", str(out / "sightings.csv")],
        "export_gpkg": ["export", scan, "--gpkg", str(out / "copy.gpkg")],
        "report": ["report", scan, "--out", str(out / "report.pdf"), "--dpi", "72"],
    }


COMMANDS = tuple(_commands(ScanCase("x", Path("x"), (0, 0), (0, 0), (0, 0)), Path("o")))


def _params() -> list[object]:
    out = []
    for scan in SCANS:
        for command in COMMANDS:
            out.append(pytest.param(scan, command, id=f"{scan}-{command}"))
    return out


@pytest.mark.parametrize(("scan", "command"), _params())
def test_command_exits_cleanly(scan_cases, capsys, tmp_path, scan, command):  # type: ignore[no-untyped-def]
    case = scan_cases[scan]
    (tmp_path / "geojson").mkdir()
    argv = _commands(case, tmp_path)[command]
    # The demo has everything every command needs: there, all must succeed.
    allowed = (0,) if scan == "demo" else (0, 2)
    result = check_cli(capsys, argv, inputs=[case.path], allowed=allowed)
    if command.startswith(("export", "report")) and result.code == 0:
        written = [p for p in tmp_path.rglob("*") if p.is_file()]
        assert written and all(p.stat().st_size > 0 for p in written), argv
