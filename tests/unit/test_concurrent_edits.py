"""Two observers' processes logging into the same scan file at once lose nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

N = 500


def test_two_processes_add_500_sightings_each(demo_gpkg, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = Path(shutil.copy(demo_gpkg, tmp_path / "scan.gpkg"))
    env = {**os.environ, "OMGEVINGSSCAN_CONFIG_DIR": str(tmp_path / "config")}
    cli = [sys.executable, "-m", "omgevingsscan.cli", "add-sighting", str(scan)]
    procs = [
        subprocess.Popen(
            [*cli, "--at", "52.3677,4.9002", "--observer", who, "--repeat", str(N)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for who in ("a", "b")
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
        assert len(out.split()) == N
    uuids = {u for out, _ in outputs for u in out.split()}
    assert len(uuids) == 2 * N
    con = sqlite3.connect(scan)
    try:
        stored = {row[0] for row in con.execute("SELECT uuid FROM sightings")}
        per = dict(con.execute("SELECT observer, count(*) FROM sightings GROUP BY observer"))
    finally:
        con.close()
    assert stored == uuids
    assert per == {"a": N, "b": N}
