"""Team store under load: W writer processes × N sightings at once, one transaction each.

Run: ``.venv/bin/python -m bench.bench_team [WRITERS] [PER_WRITER]`` (default 5 × 1000).
Starts a throwaway PostgreSQL + PostGIS server, publishes a small scan, then starts the
writers together. A reader in this process follows the shared scan with ``LISTEN``/
``NOTIFY`` (:class:`TeamSync`) and applies every sighting to its layer, as a desktop
does before the dock and the map redraw. Prints p50/p95 of the write latency (commit
included) and of notify-to-display (server clock at the change → record in the reader's
layer), checks that every sighting is stored once with one audit row, and compares one
save against a bare ``INSERT`` into a table without versions, audit or notify (the
baseline, same run).
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import sys
import threading
import time
from typing import Any

import psycopg
from shapely.geometry import Point

from omgevingsscan.io.journal import Edit
from omgevingsscan.io.team import TeamStore, publish_scan
from omgevingsscan.io.team.cluster import LocalCluster
from omgevingsscan.io.team.sync import TeamSync
from omgevingsscan.layers.sightings import Sighting, SightingsLayer
from omgevingsscan.scan import Scan, Site, StudyArea

CRS = "EPSG:28992"


def small_scan() -> Scan:
    """The Amsterdam town hall site with an empty sightings log."""
    site = Site("Stopera", "townhall", 52.3676842, 4.9002256, CRS)
    scan = Scan(site=site, study_area=StudyArea((site.x, site.y), 500.0), crs=CRS)
    scan.layers.append(SightingsLayer("sightings", crs=CRS))
    return scan


def writer(conninfo: str, schema: str, idx: int, n: int, start_at: float) -> list[float]:
    """Save ``n`` new sightings, each in its own transaction; returns the latencies (s)
    followed by the start and end time of the writing (epoch s)."""
    store = TeamStore(conninfo, schema, f"writer-{idx}").open()
    layer = SightingsLayer("sightings", crs=CRS)
    edits = []
    for i in range(n):
        s = Sighting(geometry=Point(121000 + i % 500, 486000 + idx * 10), observer=f"w{idx}",
                     description=f"writer {idx} #{i}")  # fmt: skip
        edits.append(Edit.upsert(layer, s, CRS))
    time.sleep(max(0.0, start_at - time.time()))
    out = []
    began = time.time()
    for edit in edits:
        t0 = time.perf_counter()
        store.save(edit, None)
        out.append(time.perf_counter() - t0)
    store.close()
    return [*out, began, time.time()]


def _warm(_i: int) -> None:
    """Nothing: makes a pool process import this module (and the app) before the start."""


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_load(conninfo: str, schema: str, writers: int, per_writer: int) -> dict[str, Any]:
    """Publish, follow, write at once; return counts and latencies (seconds)."""
    with psycopg.connect(conninfo) as conn:
        publish_scan(conn, small_scan(), schema)
    store = TeamStore(conninfo, schema, "reader").open()
    scan, versions = store.load_scan()
    total = writers * per_writer
    seen: list[float] = []
    done = threading.Event()

    def on_remote(_table: str, _uuid: str, latency: float) -> None:
        seen.append(latency)
        if len(seen) >= total:
            done.set()

    sync = TeamSync(store, scan, versions)
    sync.events.remote.connect(on_remote)
    ctx = mp.get_context("spawn")
    with ctx.Pool(writers) as pool:
        pool.map(_warm, range(writers))  # imports done before the clock starts
        start_at = time.time() + 1.0  # the writers start together
        results = [
            pool.apply_async(writer, (conninfo, schema, i, per_writer, start_at))
            for i in range(writers)
        ]
        runs = [r.get(timeout=600) for r in results]
    write_lat = [x for run in runs for x in run[:-2]]
    wall = max(run[-1] for run in runs) - min(run[-2] for run in runs)
    done.wait(60)
    sync.close()
    with psycopg.connect(conninfo) as conn:
        stored, distinct = conn.execute(
            f"SELECT count(*), count(DISTINCT uuid) FROM {schema}.sightings"
        ).fetchone()  # type: ignore[misc]
        audit = conn.execute(f"SELECT count(*) FROM {schema}.audit WHERE op = 'insert'").fetchone()[
            0
        ]  # type: ignore[index]
    return {
        "expected": total,
        "stored": stored,
        "distinct": distinct,
        "audit_inserts": audit,
        "in_reader_layer": len(scan.layer("sightings")),
        "write": write_lat,
        "notify": seen,
        "wall_s": wall,
    }


def baseline(conninfo: str, schema: str, n: int) -> tuple[float, float]:
    """Median seconds of a bare INSERT vs a TeamStore.save (same process, same server)."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"CREATE TABLE {schema}.bare (uuid text PRIMARY KEY, description text, "
                     "geom geometry(Point, 28992))")  # fmt: skip
        bare = []
        for i in range(n):
            t0 = time.perf_counter()
            conn.execute(f"INSERT INTO {schema}.bare VALUES (%s, %s, ST_SetSRID(ST_MakePoint("
                         "%s, %s), 28992))", (f"u{i}", f"#{i}", 121000.0 + i, 486000.0))  # fmt: skip
            bare.append(time.perf_counter() - t0)
    ours = writer(conninfo, schema, 99, n, 0.0)[:-2]
    return statistics.median(bare), statistics.median(ours)


def main() -> int:
    writers = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    per_writer = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    with LocalCluster() as pg:
        r = run_load(pg.conninfo, "load", writers, per_writer)
        bare, ours = baseline(pg.conninfo, "load", 300)
    ms = 1000.0
    print(f"{writers} writers × {per_writer} sightings at once, in {r['wall_s']:.1f} s "
          f"({r['expected'] / r['wall_s']:.0f} saves/s)")  # fmt: skip
    print(f"stored {r['stored']} (distinct {r['distinct']}), audit inserts "
          f"{r['audit_inserts']}, in the reader's layer {r['in_reader_layer']}")  # fmt: skip
    w, n = r["write"], r["notify"]
    print(f"write latency       p50 {_pct(w, 50) * ms:6.1f} ms   p95 {_pct(w, 95) * ms:6.1f} ms")
    print(f"notify-to-display   p50 {_pct(n, 50) * ms:6.1f} ms   p95 {_pct(n, 95) * ms:6.1f} ms")
    print(f"one save, no load: bare INSERT {bare * ms:.2f} ms, TeamStore.save {ours * ms:.2f} ms "
          f"(versions + audit + notify: {ours / bare:.1f}×)")  # fmt: skip
    ok = r["stored"] == r["distinct"] == r["audit_inserts"] == r["expected"]
    return 0 if ok and r["in_reader_layer"] == r["expected"] else 1


if __name__ == "__main__":
    sys.exit(main())
