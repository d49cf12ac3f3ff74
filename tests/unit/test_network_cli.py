"""The route commands: GeoJSON (WGS84) with a summary, --save, and one-line errors (exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from omgevingsscan.cli import main
from omgevingsscan.io.project import load_scan
from omgevingsscan.layers.routes import (
    ChokepointsLayer,
    IsochronesLayer,
    RoutesLayer,
)

TOWNHALL = "52.3676842,4.9002256"
NORTH_WEST = "52.3710,4.8960"


@pytest.fixture
def scan_file(demo_gpkg, tmp_path):  # type: ignore[no-untyped-def]
    """A copy of the demo scan the test may change."""
    return str(shutil.copy(demo_gpkg, tmp_path / "scan.gpkg"))


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _wgs84_coords(feature: dict) -> list[list[float]]:  # type: ignore[type-arg]
    geom = feature["geometry"]
    coords = geom["coordinates"]
    if geom["type"] == "LineString":
        return coords
    if geom["type"] == "Point":
        return [coords]
    if geom["type"] == "Polygon":
        return coords[0]
    return [pt for poly in coords for pt in poly[0]]


def test_route_geojson(demo_gpkg, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(
        capsys, "route", str(demo_gpkg), "--from", TOWNHALL, "--to", NORTH_WEST, "--mode", "walk"
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 1
    props = data["features"][0]["properties"]
    assert props["mode"] == "walk" and props["length_m"] > 300 and props["time_s"] > 200
    assert props["via"]
    for lon, lat in _wgs84_coords(data["features"][0]):
        assert 4.88 < lon < 4.91 and 52.36 < lat < 52.38
    summary = data["summary"]
    assert summary["route"]["length_m"] == props["length_m"]
    assert summary["from"]["lat"] == pytest.approx(52.3676842)


def test_route_summary_to_file(demo_gpkg, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "route.json"
    code, out, _ = _run(
        capsys,
        "route",
        str(demo_gpkg),
        "--from",
        TOWNHALL,
        "--to",
        NORTH_WEST,
        "--mode",
        "drive",
        "--format",
        "summary",
        "--out",
        str(target),
    )
    assert code == 0 and out == ""
    summary = json.loads(target.read_text(encoding="utf-8"))
    assert summary["command"] == "route" and summary["mode"] == "drive"
    assert summary["route"]["time_s"] > 0


def test_escape_and_save(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "escape", scan_file, "--k", "3", "--save", "--format", "geojson")
    assert code == 0
    data = json.loads(out)
    assert 1 <= len(data["features"]) <= 3
    ranks = [f["properties"]["rank"] for f in data["features"]]
    assert ranks == list(range(1, len(ranks) + 1))
    assert all("flags" in f["properties"] for f in data["features"])
    assert "edge_disjoint" in data["summary"]
    assert "saved escape_routes" in err
    layer = load_scan(scan_file).layers.get("escape_routes")
    assert isinstance(layer, RoutesLayer)
    assert list(layer.data["route"]) == [f["properties"]["route"] for f in data["features"]]


def test_isochrones_and_chokepoints_saved(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(
        capsys, "isochrones", scan_file, "--mode", "bike", "--minutes", "1,2", "--save",
        "--format", "geojson",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert [f["properties"]["minutes"] for f in data["features"]] == [2.0, 1.0]
    code, out, _ = _run(capsys, "chokepoints", scan_file, "--format", "summary", "--save")
    assert code == 0
    summary = json.loads(out)
    assert summary["counts"]["bridge"] > 0
    scan = load_scan(scan_file)
    assert isinstance(scan.layers.get("isochrones_bike"), IsochronesLayer)
    assert isinstance(scan.layers.get("chokepoints_drive"), ChokepointsLayer)


def test_emergency_tells_when_no_service_in_data(demo_gpkg, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "emergency", str(demo_gpkg), "--format", "summary")
    assert code == 0
    summary = json.loads(out)
    assert summary["missing"] == ["police", "fire_station", "hospital"]
    assert "no police station in the loaded data" in err
    code, out, err = _run(capsys, "emergency", str(demo_gpkg), "--service", "police=52.3700,4.8950")
    assert code == 0
    data = json.loads(out)
    assert [f["properties"]["category"] for f in data["features"]] == ["police"]
    assert "no police station" not in err and "no fire station" in err


def test_approach(demo_gpkg, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, "approach", str(demo_gpkg), "--per-entry", "2")
    assert code == 0
    data = json.loads(out)
    assert data["summary"]["entry_points"]
    assert all(f["properties"]["kind"] == "approach" for f in data["features"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["escape", "{scan}", "--k", "11"], "k = 11 is out of range"),
        (["escape", "{scan}", "--k", "0"], "k = 0 is out of range"),
        (
            ["route", "{scan}", "--from", "52.40,4.90", "--to", NORTH_WEST],
            "--from 52.40000,4.90000 lies outside the data",
        ),
        (["route", "{scan}", "--from", "north", "--to", NORTH_WEST], "is not LAT,LON or rd:X,Y"),
        (["isochrones", "{scan}", "--minutes", "1,x"], "not comma-separated numbers"),
        (["isochrones", "{scan}", "--minutes", "0"], "not a positive number of minutes"),
        (["emergency", "{scan}", "--service", "army=52.37,4.90"], "not of the form"),
        (["chokepoints", "{scan}", "--detour", "0"], "must be positive"),
    ],
)
def test_bad_input_exits_2(demo_gpkg, capsys, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, *[a.replace("{scan}", str(demo_gpkg)) for a in args])
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("omgevingsscan: error: ")
    assert message in lines[0]


def test_failed_save_leaves_scan_untouched(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    before = Path(scan_file).read_bytes()
    code, _, _ = _run(capsys, "escape", scan_file, "--k", "12", "--save")
    assert code == 2
    assert Path(scan_file).read_bytes() == before
