"""Sightings exchange: GeoJSON export and import with clear errors, CSV, and merges of
several observers' files with exact counts."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from omgevingsscan.cli import main
from omgevingsscan.editing import ObservationEditor
from omgevingsscan.io.exchange import (
    ExchangeError,
    parse_sightings_geojson,
    read_sightings_geojson,
    sightings_csv,
    sightings_to_geojson,
)
from omgevingsscan.io.project import load_scan
from omgevingsscan.layers.sightings import Sighting
from tests.unit._observation_scene import at, small_scan, small_scan_file

CRS = "EPSG:28992"
T0 = datetime(2024, 7, 1, 10, 0, tzinfo=UTC)


def _sighting(scan, i: int, **kw) -> Sighting:  # type: ignore[no-untyped-def]
    base = {
        "geometry": at(scan, i, -20 - i),
        "time": T0 + timedelta(minutes=7 * i),
        "category": ("person", "vehicle", "drone", "other")[i % 4],
        "description": f"sighting {i}",
        "observer": "Ann",
        "severity": 1 + i % 5,
    }
    base.update(kw)
    return Sighting(**base)


def test_geojson_round_trip_is_exact() -> None:
    scan = small_scan()
    log = [_sighting(scan, i, plate=f"ab-1{i}-cd", colour="rood", post="Post A") for i in range(5)]
    data = sightings_to_geojson(log, CRS, tz=ZoneInfo("Europe/Amsterdam"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 5
    f0 = data["features"][0]
    lon, lat = f0["geometry"]["coordinates"]
    assert 4.89 < lon < 4.91 and 52.36 < lat < 52.37  # WGS84 longitude, latitude
    assert f0["properties"]["time"] == "2024-07-01T12:00:00.000+02:00"
    assert set(f0["properties"]) == {
        "uuid", "time", "category", "description", "observer", "post", "severity", "plate",
        "colour",
    }  # fmt: skip
    back = parse_sightings_geojson(json.loads(json.dumps(data)), CRS)
    assert all(a.same_content(b) for a, b in zip(log, back))
    assert [b.time for b in back] == [a.time for a in log]
    # RD New <-> WGS84 is not exactly invertible in PROJ: well under a centimetre
    assert max(a.geometry.distance(b.geometry) for a, b in zip(log, back)) < 0.005


def test_geojson_import_names_each_bad_feature(tmp_path: Path) -> None:
    scan = small_scan()
    data = sightings_to_geojson([_sighting(scan, i) for i in range(6)], CRS)
    feats = data["features"]
    feats[1]["properties"]["severity"] = 7
    feats[2]["geometry"] = {"type": "LineString", "coordinates": [[4.9, 52.3], [4.91, 52.31]]}
    del feats[3]["properties"]["uuid"]
    feats[4]["properties"]["time"] = "2024-07-01 10:00"  # no offset
    feats[5]["geometry"]["coordinates"] = [152.3, 4.9]  # swapped, out of range
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExchangeError) as info:
        read_sightings_geojson(path, CRS, scan.site.point)
    msg = str(info.value)
    assert str(path) in msg and "5 of 6 features do not fit" in msg
    assert f"feature 1 ({feats[1]['properties']['uuid']}): severity must be a whole number" in msg
    assert "feature 2" in msg and "must be a Point, got 'LineString'" in msg
    assert "feature 3: property uuid missing" in msg
    assert "feature 4" in msg and "no time zone" in msg
    assert "feature 5" in msg and "km from the site (longitude and latitude swapped?)" in msg
    assert "feature 0" not in msg
    with pytest.raises(ExchangeError, match="not a GeoJSON FeatureCollection"):
        parse_sightings_geojson({"type": "Feature"}, CRS)
    with pytest.raises(ExchangeError, match="must be WGS84"):
        parse_sightings_geojson(
            {"type": "FeatureCollection", "features": [],
             "crs": {"type": "name", "properties": {"name": "EPSG:28992"}}},
            CRS,
        )  # fmt: skip
    feats[5]["geometry"]["coordinates"] = [4.9, 95.0]
    with pytest.raises(ExchangeError, match="is not a WGS84 longitude, latitude"):
        parse_sightings_geojson(data, CRS)
    path.write_text("{nope", encoding="utf-8")
    with pytest.raises(Exception, match="not valid JSON"):
        read_sightings_geojson(path, CRS)


def test_csv_export_has_utc_and_local_time() -> None:
    scan = small_scan()
    log = [_sighting(scan, 0, plate="AB 12 CD", description='says "hello", waves')]
    text = sightings_csv(log, CRS, tz=ZoneInfo("Europe/Amsterdam"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["time_utc"] == "2024-07-01T10:00:00.000Z"
    assert rows[0]["time_local"] == "2024-07-01T12:00:00+02:00"
    assert rows[0]["plate"] == "AB-12-CD" and rows[0]["description"] == 'says "hello", waves'
    assert float(rows[0]["lat"]) == pytest.approx(52.3675, abs=1e-3)


def _observer_file(folder: Path, name: str, sightings: list[Sighting]) -> Path:
    path = small_scan_file(folder, name)
    ed = ObservationEditor.open(path)
    for s in sightings:
        ed.add(ed.sightings, s)
    ed.close()
    return path


def test_merge_of_three_observers_gives_exact_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = small_scan()
    s = [_sighting(scan, i) for i in range(8)]
    changed = s[0].evolve(description="sighting 0, later corrected", severity=5)
    a = _observer_file(tmp_path, "ann.gpkg", [s[0], s[1], s[2], s[3]])
    b = _observer_file(tmp_path, "bob.gpkg", [s[2], s[3], s[4], s[5]])
    c = _observer_file(tmp_path, "cor.gpkg", [s[5], s[6], changed, s[7]])
    main_path = small_scan_file(tmp_path, "main.gpkg")
    ed = ObservationEditor.open(main_path)
    ed.add(ed.sightings, s[1])  # the main scan already has one
    ed.close()

    assert main(["merge", str(main_path), str(a), str(b), str(c)]) == 0
    out = json.loads(capsys.readouterr().out)
    per_file = [
        (r["source"], r["added"], r["already_there"], len(r["conflicts"])) for r in out["results"]
    ]
    assert per_file == [("ann.gpkg", 3, 1, 0), ("bob.gpkg", 2, 2, 0), ("cor.gpkg", 2, 1, 1)]
    assert (out["added"], out["already_there"], out["conflicts"]) == (7, 4, 1)
    conflict = out["results"][2]["conflicts"][0]
    assert conflict["uuid"] == s[0].uuid and conflict["fields"] == ["description", "severity"]
    merged = load_scan(main_path).layers.get("sightings").records()
    assert sorted(r.uuid for r in merged) == sorted(x.uuid for x in s)
    assert next(r for r in merged if r.uuid == s[0].uuid).description == "sighting 0"

    # merging again adds nothing; a GeoJSON export of cor merges as already there
    geo = tmp_path / "cor.geojson"
    ed_c = ObservationEditor.open(c)
    geo.write_text(json.dumps(sightings_to_geojson(ed_c.sightings, CRS)), encoding="utf-8")
    ed_c.close()
    assert main(["merge", str(main_path), str(a), str(b), str(c), str(geo)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["added"], out["already_there"], out["conflicts"]) == (0, 14, 2)
    assert len(load_scan(main_path).layers.get("sightings")) == 8


def test_merge_is_one_undo_step_and_refuses_unknown_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = small_scan()
    other = _observer_file(tmp_path, "ann.gpkg", [_sighting(scan, i) for i in range(3)])
    ed = ObservationEditor.open(small_scan_file(tmp_path, "main.gpkg"))
    from omgevingsscan.commands.merge import merge_file

    result = merge_file(ed, other)
    assert [len(r.added) for r in result] == [3]
    assert len(ed.sightings) == 3 and ed.stack.count == 1
    ed.undo()
    assert len(ed.sightings) == 0
    ed.close()
    bad = tmp_path / "notes.txt"
    bad.write_text("hi")
    assert main(["merge", str(tmp_path / "main.gpkg"), str(bad)]) == 2
    assert "Don't know how to merge" in capsys.readouterr().err


def test_cli_sightings_filters_and_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = small_scan()
    path = _observer_file(tmp_path, "scan.gpkg", [_sighting(scan, i) for i in range(8)])
    assert (
        main(["sightings", str(path), "--since", "2024-07-01T12:30+02:00", "--category", "vehicle"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 8 and [r["description"] for r in out["sightings"]] == ["sighting 5"]
    csv_out, geo_out = tmp_path / "out.csv", tmp_path / "out.geojson"
    assert (
        main(
            [
                "sightings",
                str(path),
                "--hours",
                "1000000",
                "--csv",
                str(csv_out),
                "--geojson",
                str(geo_out),
            ]
        )
        == 0
    )
    assert "wrote 8 of 8 sightings" in capsys.readouterr().err
    assert len(csv_out.read_text().splitlines()) == 9
    assert len(read_sightings_geojson(geo_out, CRS)) == 8
    assert main(["sightings", str(path), "--since", "tomorrow"]) == 2
    assert "not an ISO 8601 time" in capsys.readouterr().err
