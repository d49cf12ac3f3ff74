"""``finding``, ``measure``, ``suggest`` on the command line; bad input exits 2, one line."""

from __future__ import annotations

import json

from omgevingsscan.cli import main
from omgevingsscan.crs import to_wgs84
from omgevingsscan.io.project import load_scan
from tests.findings.conftest import jpeg


def test_finding_and_measure_commands(scan_copy, tmp_path, capsys):
    scan = load_scan(scan_copy)
    lat, lon = to_wgs84(scan.site.x + 10, scan.site.y - 5, scan.crs)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg())
    s = str(scan_copy)
    assert (
        main(
            [
                "finding",
                "add",
                s,
                "--title",
                "Dark gate",
                "--at",
                f"{lat},{lon}",
                "--category",
                "lighting",
                "--likelihood",
                "4",
                "--impact",
                "3",
                "--photo",
                str(photo),
                "--caption",
                "the gate",
            ]
        )
        == 0
    )
    number, uuid = capsys.readouterr().out.split()
    assert number == "1"
    zone = ";".join(
        f"{a},{b}"
        for a, b in (
            to_wgs84(scan.site.x + dx, scan.site.y + dy, scan.crs)
            for dx, dy in ((0, 0), (30, 0), (30, 30))
        )
    )
    assert main(["finding", "add", s, "--title", "Crowd area", "--zone", zone]) == 0
    capsys.readouterr()
    assert main(["finding", "edit", s, "1", "--status", "accepted", "--impact", "5"]) == 0
    edited = json.loads(capsys.readouterr().out)
    assert edited["status"] == "accepted" and edited["risk"] == "critical"
    assert (
        main(
            [
                "measure",
                "add",
                s,
                "--findings",
                "1,2",
                "--description",
                "Lamps",
                "--type",
                "lighting",
                "--responsible",
                "municipality",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["measure", "list", s]) == 0
    measures = json.loads(capsys.readouterr().out)
    assert measures[0]["findings"] == [1, 2] and measures[0]["type"] == "lighting"
    assert main(["finding", "list", s, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["title"] for d in listed] == ["Dark gate", "Crowd area"]
    assert listed[1]["geometry"] == "Polygon" and listed[0]["measures"] == 1
    photos = load_scan(scan_copy).layers.get("finding_photos")
    assert [p.caption for p in photos] == ["the gate"] and photos.records()[0].finding == uuid
    assert main(["finding", "context", s, "--threat", "Letters", "--contact", "Mayor;A;123"]) == 0
    assert load_scan(scan_copy).meta["assessment"]["contacts"][0]["role"] == "Mayor"


def test_suggest_accept_and_reject(scan_copy, capsys):
    s = str(scan_copy)
    assert main(["suggest", s]) == 0
    suggestions = json.loads(capsys.readouterr().out)
    keys = [d["key"] for d in suggestions]
    assert any(k.startswith("overlook:") for k in keys)
    assert main(["suggest", s, "--accept", keys[0], "--reject", keys[1]]) == 0
    states = {d["key"]: d["state"] for d in json.loads(capsys.readouterr().out)}
    assert states[keys[0]] == "accepted" and states[keys[1]] == "rejected"
    assert main(["finding", "list", s, "--json"]) == 0
    assert [d["number"] for d in json.loads(capsys.readouterr().out)] == [1]
    assert main(["suggest", s]) == 0
    assert keys[0] not in {d["key"] for d in json.loads(capsys.readouterr().out)}


def test_bad_input_exits_2_with_one_line(scan_copy, tmp_path, capsys):
    s = str(scan_copy)
    bad_photo = tmp_path / "x.jpg"
    bad_photo.write_text("not an image")
    cases = [
        ["finding", "add", s, "--title", "x", "--at", "52.36,4.90", "--likelihood", "9"],
        ["finding", "add", s, "--title", "x", "--at", "nowhere"],
        ["finding", "add", s, "--title", "x", "--at", "52.36,4.90", "--photo", str(bad_photo)],
        ["finding", "edit", s, "42", "--status", "resolved"],
        ["measure", "add", s, "--findings", "7", "--description", "x"],
        ["suggest", s, "--accept", "nothing:here"],
        ["finding", "context", s, "--contact", "only a name"],
        ["report", s, "--out", str(tmp_path / "r.pdf"), "--docx", str(tmp_path / "r.doc")],
    ]
    for args in cases:
        capsys.readouterr()
        assert main(args) == 2, args
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("omgevingsscan: error:"), (args, err)
    assert main(["finding", "list", s, "--all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing was written


def test_merge_shares_findings_measures_and_photos(scan_copy, tmp_path, capsys):
    other = tmp_path / "other.gpkg"
    import shutil

    shutil.copy(scan_copy, other)
    scan = load_scan(other)
    lat, lon = to_wgs84(scan.site.x, scan.site.y + 20, scan.crs)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg())
    assert (
        main(
            [
                "finding",
                "add",
                str(other),
                "--title",
                "Seen by a colleague",
                "--at",
                f"{lat},{lon}",
                "--photo",
                str(photo),
            ]
        )
        == 0
    )
    assert main(["measure", "add", str(other), "--findings", "1", "--description", "Camera"]) == 0
    capsys.readouterr()
    assert main(["merge", str(scan_copy), str(other)]) == 0
    out = json.loads(capsys.readouterr().out)
    added = {r["kind"]: r["added"] for r in out["results"]}
    assert added["findings"] == 1 and added["measures"] == 1 and added["finding_photos"] == 1
    merged = load_scan(scan_copy)
    assert merged.layers.get("findings").records()[0].title == "Seen by a colleague"
    assert merged.layers.get("finding_photos").records()[0].data == jpeg()
