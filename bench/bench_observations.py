"""Benchmark: coverage of 10 posts on the demo scan, and 1,000 sightings added one by one.

Run from the repository root::

    .venv/bin/python bench/bench_observations.py

Each figure is compared with a baseline measured in the same run:

- coverage (exact isovists + polygon overlay) against a brute-force 1 m grid estimate
  of the same shares (sight lines tested point by point, the sampling approach);
- an edit written at once (one SQLite transaction, WAL, fsync) against rewriting the
  whole project file with ``save_scan`` after each edit.

Uses a temporary folder for the scan and the config (recovery files); touches nothing
else.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
PBF = ROOT / "src" / "omgevingsscan" / "resources" / "amsterdam_centre.osm.pbf"
TOWNHALL = (52.3676842, 4.9002256)


def _choose_posts(index, site, n: int = 10):  # type: ignore[no-untyped-def]
    """``n`` posts in open space 25–90 m from the site, each looking at the site."""
    from omgevingsscan.errors import AnalysisInputError
    from omgevingsscan.layers.posts import ObservationPost

    posts = []
    for k in range(72):
        angle = 2 * math.pi * ((k * 0.381966) % 1.0)  # golden-angle spread
        dist = 25 + (k * 37) % 65
        x, y = site.x + dist * math.sin(angle), site.y + dist * math.cos(angle)
        try:
            index.check_free(x, y)
        except AnalysisInputError:
            continue
        bearing = math.degrees(math.atan2(site.x - x, site.y - y)) % 360
        posts.append(
            ObservationPost(
                geometry=shapely.Point(x, y),
                name=f"Post {len(posts) + 1}",
                direction_deg=bearing,
                fov_deg=(60, 90, 120, 360)[len(posts) % 4],
                range_m=80,
            )
        )
        if len(posts) == n:
            break
    return posts


def _grid_shares(target, posts, obstacles, step: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    minx, miny, maxx, maxy = target.bounds
    gx, gy = (
        a.ravel()
        for a in np.meshgrid(
            np.arange(minx + step / 2, maxx, step), np.arange(miny + step / 2, maxy, step)
        )
    )
    keep = shapely.contains_xy(target, gx, gy)
    gx, gy = gx[keep], gy[keep]
    shapely.prepare(obstacles)
    counts = np.zeros(len(gx), dtype=int)
    for p in posts:
        dx, dy = gx - p.point.x, gy - p.point.y
        ok = np.hypot(dx, dy) <= p.range_m
        if p.sector is not None:
            diff = np.abs((np.degrees(np.arctan2(dx, dy)) - p.direction_deg + 180) % 360 - 180)
            ok &= diff <= p.fov_deg / 2
        idx = np.flatnonzero(ok)
        xs = np.column_stack([np.full(len(idx), p.point.x), gx[idx]])
        ys = np.column_stack([np.full(len(idx), p.point.y), gy[idx]])
        lines = shapely.linestrings(np.stack([xs, ys], axis=2))
        counts[idx[~shapely.intersects(lines, obstacles)]] += 1
    return float(np.mean(counts >= 1)), float(np.mean(counts >= 2))


def bench_coverage(scan) -> None:  # type: ignore[no-untyped-def]
    from omgevingsscan.analysis.observation import coverage_report
    from omgevingsscan.analysis.visibility.index import VisibilityIndex

    t = time.perf_counter()
    index = VisibilityIndex(scan.frame("buildings"))
    t_index = time.perf_counter() - t
    posts = _choose_posts(index, scan.site.point)
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        report = coverage_report(scan, posts, index=index)
        runs.append(time.perf_counter() - t)
    t_cov = statistics.median(runs)
    c = report.coverage
    t = time.perf_counter()
    g1, g2 = _grid_shares(c.target, posts, index.obstacles, step=1.0)
    t_grid = time.perf_counter() - t
    print(
        f"coverage: {len(posts)} posts, target {c.target_area_m2:.0f} m², index built once in {t_index * 1000:.0f} ms"
    )
    print(
        f"  exact coverage (10 views + overlay + blind spots): median {t_cov * 1000:.1f} ms of 5 runs"
    )
    print(
        f"  seen by >=1: {c.share_1:.4f}, >=2: {c.share_2:.4f}, blind spots: {len(c.blind_spots)}"
    )
    print(f"  baseline 1 m grid estimate: {t_grid * 1000:.0f} ms; shares {g1:.4f} / {g2:.4f}")
    print(
        f"  ratio grid / exact: {t_grid / t_cov:.1f}x; share difference {abs(g1 - c.share_1):.4f} / {abs(g2 - c.share_2):.4f}"
    )


def bench_adds(scan, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from omgevingsscan.editing import ObservationEditor
    from omgevingsscan.io.project import load_scan, save_scan

    path = save_scan(scan, folder / "demo.gpkg")
    size_mb = path.stat().st_size / 1e6
    ed = ObservationEditor.open(path)
    site = ed.scan.site.point
    lat = []
    for i in range(1000):
        a = 2 * math.pi * i / 1000
        pos = shapely.Point(site.x + 40 * math.cos(a), site.y + 40 * math.sin(a))
        t = time.perf_counter()
        ed.add_sighting(
            pos,
            category=("person", "vehicle")[i % 2],
            description=f"sighting {i}",
            severity=1 + i % 5,
        )
        lat.append(time.perf_counter() - t)
    assert ed.store is not None and ed.store.state == "saved", ed.store.message
    undo = []
    for _ in range(20):
        t = time.perf_counter()
        ed.undo()
        undo.append(time.perf_counter() - t)
    ed.close()
    n_file = len(load_scan(path).layers.get("sightings"))
    # second baseline: the same row write with a new connection and the rollback journal
    from omgevingsscan.io.journal import Edit, write_edits

    layer = ed.sightings
    naive = []
    for record in layer.records()[:200]:
        edit = Edit.upsert(layer, record, ed.scan.crs)
        t = time.perf_counter()
        write_edits(path, [edit])
        naive.append(time.perf_counter() - t)
    base = []
    for _ in range(5):
        t = time.perf_counter()
        ed.add_sighting(site, description="baseline")  # same edit, then a full save
        save_scan(ed.scan, path)
        base.append(time.perf_counter() - t)
    ms = [x * 1000 for x in lat]
    q = np.percentile(ms, [50, 95, 99])
    print(f"1,000 sightings added one by one, each written at once ({size_mb:.1f} MB demo scan):")
    print(
        f"  per add: median {q[0]:.1f} ms, p95 {q[1]:.1f} ms, p99 {q[2]:.1f} ms, max {max(ms):.1f} ms; total {sum(lat):.1f} s"
    )
    print(
        f"  undo (written too): median {statistics.median(undo) * 1000:.1f} ms; file holds {n_file} of 1000 after close (should be 980)"
    )
    print(
        f"  baseline new connection + rollback journal per edit: median "
        f"{statistics.median(naive) * 1000:.1f} ms (200 edits)"
    )
    print(
        f"  baseline full save_scan per edit: median {statistics.median(base) * 1000:.0f} ms (5 edits)"
    )
    print(
        f"  ratio save_scan / immediate write: {statistics.median(base) / statistics.median(lat):.0f}x"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-obs-") as tmp:
        os.environ["OMGEVINGSSCAN_CONFIG_DIR"] = str(Path(tmp) / "config")
        from omgevingsscan.io.osm import import_scan

        scan = import_scan(PBF, TOWNHALL, radius_m=500, name="Stadhuis", kind="townhall")
        bench_coverage(scan)
        bench_adds(scan, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
