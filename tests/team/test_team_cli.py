"""The team CLI: share, --db on the record commands, roles, CoT and the ATAK package."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import zipfile
from pathlib import Path

import psycopg
import pytest

from omgevingsscan.cli import main
from omgevingsscan.io.team import TeamStore
from omgevingsscan.io.team.cluster import LocalCluster


@pytest.fixture
def local(demo_gpkg: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Stopera scan.gpkg"
    shutil.copy(demo_gpkg, path)
    return path


def test_share_then_record_commands_with_db(
    pg: LocalCluster, local: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"postgresql://postgres@127.0.0.1:{pg.port}/postgres"
    assert main(["share", str(local), "--db", db]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "stopera_scan" and out["tables"]["buildings"] > 100
    assert main(["share", str(local), "--db", db]) == 2  # exists: one line, no traceback
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err
    # an observer's laptop: its own copy of the scan, the shared log
    other = tmp_path / "laptop.gpkg"
    shutil.copy(local, other)
    args = ["--db", db, "--schema", "stopera_scan", "--editor", "Ann"]
    assert main(["add-sighting", str(local), "--at", "52.3675,4.9005", "--category",
                 "vehicle", "--plate", "ab-12-cd", *args]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["sightings", str(other), *args]) == 0
    text = capsys.readouterr().out
    assert "AB-12-CD" in text
    store = TeamStore(pg.conninfo, "stopera_scan").open()
    [saved] = store.fetch("sightings")
    assert saved.editor == "Ann" and saved.record.plate == "AB-12-CD"
    # the ATAK package, from the shared scan
    package = tmp_path / "team.zip"
    assert main(["atak-package", str(other), str(package), *args]) == 0
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
        manifest = zf.read("MANIFEST/manifest.xml").decode()
        assert zf.read("map/map.pdf")[:4] == b"%PDF"
    assert names[0] == "MANIFEST/manifest.xml" and "map/map.pdf" in names
    assert 'zipEntry="map/map.pdf"' in manifest and "MissionPackageManifest" in manifest
    store.close()


def test_cot_send_and_receive_commands(
    pg: LocalCluster, local: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from omgevingsscan.io.team.cot import split_events

    assert main(["add-sighting", str(local), "--at", "52.3675,4.9005", "--category", "drone"]) == 0
    server = socket.create_server(("127.0.0.1", 0))
    got = bytearray()

    def peer() -> None:
        conn, _ = server.accept()
        while chunk := conn.recv(65536):
            got.extend(chunk)
        conn.close()

    t = threading.Thread(target=peer)
    t.start()
    port = server.getsockname()[1]
    assert main(["cot-send", str(local), "--to", f"tcp://127.0.0.1:{port}"]) == 0
    t.join(5)
    events, _ = split_events(bytes(got))
    assert len(events) == 1 and b'type="a-u-A-M-H-Q"' in events[0]
    # the same event back from a TAK server: already known, nothing added
    server2 = socket.create_server(("127.0.0.1", 0))

    def feed() -> None:
        conn, _ = server2.accept()
        conn.sendall(bytes(got))
        conn.close()

    threading.Thread(target=feed).start()
    capsys.readouterr()
    src = f"tcp://127.0.0.1:{server2.getsockname()[1]}"
    assert main(["cot-receive", str(local), "--from", src, "--seconds", "3"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["events"] == 1 and result["added"] == 0
    with psycopg.connect(pg.conninfo):
        pass


def test_record_commands_work_offline_and_send_later(
    pg: LocalCluster, local: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"postgresql://postgres@127.0.0.1:{pg.port}/postgres"
    args = ["--db", db, "--schema", "offline_cli"]
    assert main(["share", str(local), *args]) == 0
    pg.stop()
    try:
        code = main(["add-sighting", str(local), "--at", "52.3675,4.9005", "--category",
                     "person", "--description", "typed on the train", *args])  # fmt: skip
        assert code == 0
        assert "team database unreachable" in capsys.readouterr().err
        from omgevingsscan.io.team.outbox import Outbox

        assert len(Outbox("offline_cli", local)) == 1  # waits in the local GeoPackage
    finally:
        pg.start()
    capsys.readouterr()
    assert main(["sightings", str(local), *args]) == 0  # connects: sends what waited
    assert len(Outbox("offline_cli", local)) == 0
    [saved] = TeamStore(pg.conninfo, "offline_cli").open().fetch("sightings")
    assert saved.record.description == "typed on the train"
