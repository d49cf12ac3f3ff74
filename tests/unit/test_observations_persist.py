"""Nothing is lost: GeoPackage round trip, every edit written at once, read-only and locked
files, recovery, and a process killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pyogrio
import pytest
from shapely.geometry import LineString, Polygon

from omgevingsscan.cli import main
from omgevingsscan.editing import ObservationEditor
from omgevingsscan.io.journal import (
    EditStore,
    pending_recovery,
    read_recovery,
    recovery_file_for,
)
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.annotations import Annotation
from omgevingsscan.layers.records import format_local
from omgevingsscan.layers.sightings import Sighting
from omgevingsscan.settings import config_dir
from tests.unit._observation_scene import at, small_scan, small_scan_file

AMS = ZoneInfo("Europe/Amsterdam")


def _records(path: Path, kind: str) -> list:
    layer = load_scan(path).layers.get(kind)
    return [] if layer is None else layer.records()


def _fill(ed: ObservationEditor) -> None:
    scan = ed.scan
    ed.place_post(
        at(scan, 0, -20),
        "Post A",
        type="camera",
        observer="Team Noord",
        height_kind="mast",
        height_m=6.5,
        direction_deg=185.5,
        fov_deg=75,
        range_m=62.5,
        notes="lamp post, 'quoted' \"text\" ünïcode",
        active_from=datetime(2024, 7, 1, 8, 0, tzinfo=timezone(timedelta(hours=2))),
        active_to=datetime(2024, 7, 1, 22, 30, 15, 250000, tzinfo=timezone(timedelta(hours=-4))),
    )
    ed.place_post(at(scan, 18, 18), "Post B", type="patrol", fov_deg=360)
    ed.add_sighting(
        at(scan, 3, -25),
        post="Post A",
        time=datetime(2024, 7, 1, 14, 30, 5, 123000, tzinfo=AMS),
        category="vehicle",
        description="Grijze bestelbus, stond 10 min stil",
        plate="vx 123 z",
        colour="grijs",
        observer="Ann",
        severity=4,
    )
    ed.add_sighting(post="Post B", time="2024-01-15T09:00:00-05:00", category="drone", severity=5)
    ed.add_annotation(
        Annotation.zone(
            Polygon([(scan.site.x - 15, scan.site.y - 15), (scan.site.x + 15, scan.site.y - 15), (scan.site.x, scan.site.y + 5)]),
            "cordon",
            text="Afzetting",
            style={"stroke": "#aa0000", "dash": [6, 2], "fill_opacity": 0.2},
        )
    )  # fmt: skip
    ed.add_annotation(Annotation.label(at(scan, 12, 0), "Ingang", style={"font_size": 12}))
    ed.add_annotation(Annotation.arrow(LineString([at(scan, 40, -40), at(scan, 12, -12)])))


def test_round_trip_of_every_attribute_with_time_zones(tmp_path: Path) -> None:
    scan = small_scan()
    ed = ObservationEditor(scan)
    _fill(ed)
    path = save_scan(scan, tmp_path / "scan.gpkg")
    back = load_scan(path)
    for kind in ("posts", "sightings", "annotations"):
        assert type(back.layers.get(kind)) is type(scan.layers.get(kind))
        assert back.layers.get(kind).records() == scan.layers.get(kind).records(), kind
        assert back.layers.get(kind).style == scan.layers.get(kind).style
    post = back.layers.get("posts").records()[0]
    assert post.active_from == datetime(2024, 7, 1, 6, 0, tzinfo=UTC)
    assert post.active_to == datetime(2024, 7, 2, 2, 30, 15, 250000, tzinfo=UTC)
    s = back.layers.get("sightings").records()[0]
    assert s.time.tzinfo is UTC and s.time == datetime(2024, 7, 1, 12, 30, 5, 123000, tzinfo=UTC)
    assert format_local(s.time, AMS) == "2024-07-01T14:30:05+02:00"
    assert s.plate == "VX-123-Z" and s.post == "Post A" and s.observer == "Ann"
    # stored as UTC text in proper GeoPackage feature tables that GDAL/QGIS read
    con = sqlite3.connect(path)
    raw = con.execute("SELECT time FROM sightings ORDER BY fid").fetchall()
    kinds = dict(con.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns"))
    con.close()
    assert raw[0][0] == "2024-07-01T12:30:05.123Z"
    assert kinds["sightings"] == "POINT" and kinds["annotations"] == "GEOMETRY"
    info = pyogrio.read_info(path, layer="posts")
    assert info["crs"] == "EPSG:28992" and info["geometry_type"] == "Point"
    assert "active_from" in list(info["fields"]) and info["features"] == 2
    frame = pyogrio.read_dataframe(path, layer="sightings")
    assert str(frame["time"].dt.tz) == "UTC"


def test_every_edit_is_in_the_file_before_save(tmp_path: Path) -> None:
    path = small_scan_file(tmp_path)
    ed = ObservationEditor.open(path)
    _fill(ed)
    s = ed.sightings.records()[0]
    ed.update(ed.sightings, s.uuid, severity=2, description="changed")
    ed.delete(ed.annotations, ed.annotations.uuids()[1])
    ed.move(ed.posts, ed.posts.uuids()[0], at(ed.scan, 1, -21))
    # read with a fresh reader, without saving and while the editor is still open
    for kind in ("posts", "sightings", "annotations"):
        assert _records(path, kind) == ed.layer(kind).records(), kind
    ed.undo()
    ed.undo()
    assert _records(path, "annotations") == ed.annotations.records()
    assert _records(path, "posts") == ed.posts.records()
    assert ed.store is not None and ed.store.state == "saved" and ed.store.written_count >= 12
    ed.close()
    assert not Path(str(path) + "-wal").exists()  # one file again after close


def test_save_while_the_store_is_open_keeps_one_consistent_file(tmp_path: Path) -> None:
    path = small_scan_file(tmp_path)
    ed = ObservationEditor.open(path)
    ed.add_sighting(at(ed.scan, 0, -15))
    ed.save()  # full save over the open file: the store lets go first
    ed.add_sighting(at(ed.scan, 0, -16))
    other = tmp_path / "copy.gpkg"
    ed.save(other)
    ed.add_sighting(at(ed.scan, 0, -17))
    assert len(_records(path, "sightings")) == 2
    assert len(_records(other, "sightings")) == 3
    ed.close()


def _make_read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def test_read_only_file_keeps_edits_in_a_recovery_file(tmp_path: Path) -> None:
    path = small_scan_file(tmp_path)
    _make_read_only(path)
    ed = ObservationEditor.open(path)
    statuses: list[tuple[str, str]] = []
    assert ed.store is not None
    ed.store.events.status.connect(lambda st, msg: statuses.append((st, msg)))
    s1 = ed.add_sighting(at(ed.scan, 0, -15), description="first")
    s2 = ed.add_sighting(at(ed.scan, 0, -16), description="second")
    assert ed.store.state == "recovery"
    assert "read-only" in ed.store.message and str(ed.store.recovery_path) in ed.store.message
    assert statuses and statuses[0][0] == "recovery"
    rec = recovery_file_for(path)
    assert rec.parent == config_dir() / "recovery" and rec.exists()
    assert [e.uuid for e in read_recovery(path)] == [s1.uuid, s2.uuid]
    assert _records(path, "sightings") == []  # the file was not touched
    ed.close()
    # reopened while still read-only: the edits show, and stay in the recovery file
    again = ObservationEditor.open(path)
    assert again.sightings.records() == [s1, s2]
    assert again.store is not None and again.store.state == "recovery"
    info = pending_recovery(path)
    assert info is not None and info.edits == 2 and "2 edits" in info.message()
    again.close()
    # writable again: opening writes them into the file and removes the recovery file
    path.chmod(0o644)
    third = ObservationEditor.open(path)
    assert third.recovered == 2
    assert _records(path, "sightings") == [s1, s2]
    assert not rec.exists() and pending_recovery(path) is None
    third.close()


def test_cli_on_a_read_only_file_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = small_scan_file(tmp_path)
    _make_read_only(path)
    code = main(["add-sighting", str(path), "--at", "52.3675,4.9002", "--category", "person"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "read-only" in err and "recovery" in err and str(path) in err
    path.chmod(0o644)
    assert main(["recover", str(path)]) == 0
    assert len(_records(path, "sightings")) == 1


def test_locked_file_goes_to_recovery_then_catches_up(tmp_path: Path) -> None:
    path = small_scan_file(tmp_path)
    scan = load_scan(path)
    store = EditStore(path, scan.crs, busy_timeout_s=0.05, retry_interval_s=0.0)
    ed = ObservationEditor(scan, store)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        s = ed.add_sighting(at(scan, 0, -15))
        assert store.state == "recovery" and "locked by another program" in store.message
        assert store.waiting() == 1
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    t = ed.add_sighting(at(scan, 0, -16))  # the next edit catches up
    assert store.state == "saved" and store.waiting() == 0
    assert [r.uuid for r in _records(path, "sightings")] == [s.uuid, t.uuid]
    ed.close()


_CHILD_ENV_KEYS = ("PATH", "HOME", "LANG", "TZ", "PYTHONPATH", "OMGEVINGSSCAN_CONFIG_DIR")


def test_sigkill_loses_no_sighting(tmp_path: Path) -> None:
    path = small_scan_file(tmp_path)
    env = {k: os.environ[k] for k in _CHILD_ENV_KEYS if k in os.environ}
    cmd = [sys.executable, "-m", "omgevingsscan", "add-sighting", str(path)]
    cmd += ["--at", "52.3675,4.9002", "--category", "vehicle", "--plate", "AB-12-CD"]
    cmd += ["--repeat", "100000"]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    confirmed: list[str] = []
    deadline = time.monotonic() + 120
    assert child.stdout is not None
    while len(confirmed) < 40 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        confirmed.append(line.decode().strip())
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert len(confirmed) == 40, child.stderr.read().decode() if child.stderr else ""
    # GDAL reads every confirmed sighting straight away (write-ahead log left by the kill)
    assert set(confirmed) <= set(pyogrio.read_dataframe(path, layer="sightings")["uuid"])
    on_disk = {r.uuid for r in _records(path, "sightings")}
    assert set(confirmed) <= on_disk
    # and the editor reopens it cleanly, as one file again
    ed = ObservationEditor.open(path)
    assert set(confirmed) <= set(ed.sightings.uuids())
    assert all(s.plate == "AB-12-CD" for s in ed.sightings)
    ed.close()
    assert not Path(str(path) + "-wal").exists()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_cli_add_post_and_sighting_from_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = small_scan_file(tmp_path)
    assert main(["add-post", str(path), "--at", "52.36755,4.90022", "--name", "Noord",
                 "--direction", "90", "--fov", "60", "--range", "50",
                 "--active-from", "2024-07-01T08:00+02:00"]) == 0  # fmt: skip
    post_uuid = capsys.readouterr().out.strip()
    assert main(["add-sighting", str(path), "--post", "noord", "--category", "person",
                 "--time", "2024-07-01T10:15:00+02:00", "--severity", "3"]) == 0  # fmt: skip
    capsys.readouterr()
    posts = _records(path, "posts")
    sightings = _records(path, "sightings")
    assert posts[0].uuid == post_uuid and posts[0].fov_deg == 60
    assert posts[0].active_from == datetime(2024, 7, 1, 6, tzinfo=UTC)
    assert sightings[0].post == "Noord" and sightings[0].geometry.equals(posts[0].geometry)
    assert main(["add-sighting", str(path), "--post", "Zuid"]) == 2
    assert "post 'Zuid' does not exist" in capsys.readouterr().err
    assert main(["add-sighting", str(path), "--at", "52.3675,4.9002", "--severity", "7"]) == 2
    assert "severity" in capsys.readouterr().err
    assert main(["add-post", str(path), "--at", "52.3675,4.9002", "--range", "-5"]) == 2
    assert "range must be at least 0" in capsys.readouterr().err
    assert main(["sightings", str(path)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["total"] == 1 and listed["sightings"][0]["time_utc"] == "2024-07-01T08:15:00.000Z"


def test_records_survive_a_sighting_table_made_by_gdal(tmp_path: Path) -> None:
    """A record table that GDAL rewrote (with an R-tree index and its triggers) stays
    writable row by row: the triggers' SQL functions are provided."""
    path = small_scan_file(tmp_path)
    ed = ObservationEditor.open(path)
    ed.add_sighting(at(ed.scan, 0, -15))
    ed.close()
    frame = pyogrio.read_dataframe(path, layer="sightings")
    pyogrio.write_dataframe(frame, path, layer="sightings", driver="GPKG")  # GDAL rewrite
    con = sqlite3.connect(path)
    triggers = con.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_sightings%'"
    ).fetchone()[0]
    con.close()
    assert triggers > 0
    ed = ObservationEditor.open(path)
    ed.add_sighting(at(ed.scan, 0, -16))
    s = Sighting(geometry=at(ed.scan, 0, -17))
    ed.add(ed.sightings, s)
    ed.move(ed.sightings, s.uuid, at(ed.scan, 1, -17))
    assert ed.store is not None and ed.store.state == "saved", ed.store.message
    ed.close()
    assert len(_records(path, "sightings")) == 3
