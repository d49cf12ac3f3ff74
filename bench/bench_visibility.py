"""Benchmark: isovists against CGAL (pyvispoly), 10,000 2.5D sight lines against naive
shapely, the 2.5D viewshed, and the exposure of the demo site.

Run from the repository root::

    .venv/bin/python -m bench.bench_visibility [--points 100] [--pairs 10000] [--no-exposure]
        [--isovist-only]

Every figure is compared with a baseline measured in the same run, on the same inputs:

- **isovist** (300 m, exact angular sweep, :func:`isovist_ex`) against pyvispoly's CGAL
  visibility polygons, built once as one polygon-with-holes for the whole study area
  (footprints merged with mitre joins, so no vertices are added) and then queried;
  the same random public-space points, per-query times and their ratio, and the
  largest difference in area between the two answers;
- a sampled 720-ray isovist (shapely) on a few points, to show what sampling costs;
- **10,000 sight lines** with heights (:func:`line_of_sight_many`, :func:`visible_many`)
  against a naive per-pair shapely test, and their agreement;
- **exposure** of the demo site (:func:`exposure_for_scan`, defaults), and its eye-level
  part with CGAL isovists in place of ours.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box

ROOT = Path(__file__).resolve().parents[1]
PBF = ROOT / "src" / "omgevingsscan" / "resources" / "amsterdam_centre.osm.pbf"
TOWNHALL = (52.3676842, 4.9002256)
RADIUS = 300.0


def _stats(times: list[float]) -> str:
    ms = sorted(t * 1e3 for t in times)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (
        f"median {statistics.median(ms):7.3f} ms  mean {statistics.mean(ms):7.3f} ms  "
        f"p95 {p95:7.3f} ms  max {ms[-1]:7.3f} ms"
    )


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def _public_points(
    scan: Any, index: Any, public: Any, n: int, seed: int
) -> list[tuple[float, float]]:
    filled = shapely.union_all([Polygon(p.exterior) for p in index.obstacles.geoms])
    rng = np.random.default_rng(seed)
    cx, cy, r = scan.site.x, scan.site.y, scan.study_area.radius_m
    shapely.prepare(public)
    pts: list[tuple[float, float]] = []
    while len(pts) < n:
        x, y = cx + rng.uniform(-r, r), cy + rng.uniform(-r, r)
        p = Point(x, y)
        if math.hypot(x - cx, y - cy) < r and public.contains(p) and filled.distance(p) > 0.05:
            pts.append((x, y))
    return pts


def _cgal(index: Any, bounds: tuple[float, float, float, float]) -> tuple[Any, int]:
    import pyvispoly as pv

    def ring(coords: np.ndarray) -> Any:
        return pv.Polygon([pv.Point(float(x), float(y)) for x, y in coords[:-1]])

    holes = [
        ring(
            np.asarray(
                shapely.orient_polygons(Polygon(p.exterior), exterior_cw=True).exterior.coords
            )
        )
        for p in index.obstacles.geoms
    ]
    vertices = sum(len(p.exterior.coords) - 1 for p in index.obstacles.geoms) + 4
    calc = pv.VisibilityPolygonCalculator(
        pv.PolygonWithHoles(ring(np.asarray(box(*bounds).exterior.coords)), holes)
    )
    return calc, vertices


def _cgal_isovist(calc: Any, x: float, y: float, radius: float) -> tuple[Polygon, float]:
    import pyvispoly as pv

    from omgevingsscan.analysis.visibility import circle_polygon

    t = time.perf_counter()
    vp = calc.compute_visibility_polygon(pv.Point(x, y))
    raw = time.perf_counter() - t
    poly = Polygon([(float(q.x()), float(q.y())) for q in vp.boundary()])
    return poly.intersection(circle_polygon((x, y), radius)), raw


def _ray_isovist(obstacles: Any, x: float, y: float, radius: float, rays: int = 720) -> Polygon:
    """The sampled approach: 720 rays, each cut at its first hit."""
    ang = np.arange(rays) * (2 * math.pi / rays)
    ends = np.column_stack([x + radius * np.cos(ang), y + radius * np.sin(ang)])
    lines = shapely.linestrings([[(x, y), tuple(e)] for e in ends])
    hits = shapely.intersection(lines, obstacles)
    d = np.where(shapely.is_empty(hits), radius, shapely.distance(Point(x, y), hits))
    return Polygon(np.column_stack([x + d * np.cos(ang), y + d * np.sin(ang)]))


def _naive_los(index: Any, a: np.ndarray, ha: float, b: np.ndarray, hb: float) -> bool:
    line = LineString([a, b])
    length = line.length
    for j in index._grown_tree.query(line, predicate="intersects"):
        for part in shapely.get_parts(line.intersection(index.grown[j])):
            for c in part.coords:
                t = line.project(Point(c)) / length
                if ha + (hb - ha) * t < index.heights[j] - 1e-9:
                    return False
    return True


def bench_isovist(scan: Any, index: Any, public: Any, n_points: int) -> None:
    print(f"\n== Isovist, {RADIUS:.0f} m, {n_points} random public-space points ==")
    cx, cy = scan.site.x, scan.site.y
    x0, y0, x1, y1 = index.obstacles.bounds
    r = scan.study_area.radius_m + RADIUS + 20
    bounds = (min(x0, cx - r), min(y0, cy - r), max(x1, cx + r), max(y1, cy + r))
    (calc, verts), t_build = _timed(lambda: _cgal(index, bounds))
    print(f"pyvispoly polygon-with-holes: {verts} vertices, built once in {t_build:.2f} s")
    pts = _public_points(scan, index, public, n_points, seed=2024)

    from omgevingsscan.analysis.visibility import isovist_ex

    isovist_ex(index, pts[0], RADIUS)  # warm caches (radius polygon)
    mine_t, cgal_raw, cgal_t, worst = [], [], [], 0.0
    for x, y in pts:
        iso, t = _timed(lambda x=x, y=y: isovist_ex(index, (x, y), RADIUS))
        mine_t.append(t)
        (ref, raw), t_all = _timed(lambda x=x, y=y: _cgal_isovist(calc, x, y, RADIUS))
        cgal_raw.append(raw)
        cgal_t.append(t_all)
        worst = max(worst, abs(iso.polygon.area - ref.area) / ref.area)
    print(f"ours (exact sweep)          {_stats(mine_t)}")
    print(f"pyvispoly query only        {_stats(cgal_raw)}")
    print(f"pyvispoly + shapely + clip  {_stats(cgal_t)}")
    print(
        f"ratio pyvispoly/ours: median {statistics.median(cgal_raw) / statistics.median(mine_t):.1f}x, "
        f"mean {statistics.mean(cgal_raw) / statistics.mean(mine_t):.1f}x (query only); "
        f"median {statistics.median(cgal_t) / statistics.median(mine_t):.1f}x with conversion"
    )
    print(f"largest relative area difference ours vs CGAL: {worst:.2e}")

    print("\n-- sampled 720-ray isovist (shapely), first 5 points --")
    ray_t, err = [], []
    for x, y in pts[:5]:
        ray, t = _timed(lambda x=x, y=y: _ray_isovist(index.obstacles, x, y, RADIUS))
        ray_t.append(t)
        exact = isovist_ex(index, (x, y), RADIUS).polygon
        err.append(exact.symmetric_difference(ray).area / exact.area)
    print(f"720 rays                    {_stats(ray_t)}")
    print(
        f"ratio 720-ray/ours (median): {statistics.median(ray_t) / statistics.median(mine_t):.0f}x; "
        f"area wrong by {min(err):.1%}-{max(err):.1%} (symmetric difference / exact area)"
    )


def bench_los(scan: Any, index: Any, public: Any, n_pairs: int) -> None:
    from omgevingsscan.analysis.visibility import line_of_sight_many, visible_many

    print(
        f"\n== {n_pairs} sight lines with heights (1.6-25 m), ends 20-300 m apart in open space =="
    )
    a = np.array(_public_points(scan, index, public, n_pairs, seed=7))
    rng = np.random.default_rng(8)
    b = np.empty_like(a)
    todo = np.arange(n_pairs)
    while len(todo):  # the other end 20-300 m away in a random direction, in open space
        ang = rng.uniform(0, 2 * math.pi, len(todo))
        dist = rng.uniform(20.0, RADIUS, len(todo))
        b[todo] = a[todo] + np.column_stack([dist * np.cos(ang), dist * np.sin(ang)])
        todo = todo[~index.free_mask(b[todo], 0.05)]
    ha, hb = rng.uniform(1.6, 25.0, n_pairs), rng.uniform(1.6, 25.0, n_pairs)
    print(f"{len(a)} pairs, mean length {np.hypot(*(b - a).T).mean():.0f} m")
    line_of_sight_many(index, a[:100], ha[:100], b[:100], hb[:100])
    full, t_full = _timed(lambda: line_of_sight_many(index, a, ha, b, hb))
    fast, t_fast = _timed(lambda: visible_many(index, a, ha, b, hb))
    naive, t_naive = _timed(
        lambda: np.array([_naive_los(index, a[i], ha[i], b[i], hb[i]) for i in range(len(a))])
    )
    print(
        f"ours, full answers (line_of_sight_many): {t_full * 1e3:8.1f} ms  ({t_full / len(a) * 1e6:.1f} us/pair)"
    )
    print(
        f"ours, visible only (visible_many):       {t_fast * 1e3:8.1f} ms  ({t_fast / len(a) * 1e6:.1f} us/pair)"
    )
    print(
        f"naive shapely per pair:                  {t_naive * 1e3:8.1f} ms  ({t_naive / len(a) * 1e6:.1f} us/pair)"
    )
    print(
        f"ratio naive/ours: {t_naive / t_full:.1f}x (full), {t_naive / t_fast:.1f}x (visible only); "
        f"agreement {np.mean(full.visible == naive):.2%} / {np.mean(fast == naive):.2%}; "
        f"{full.visible.mean():.1%} visible"
    )


def bench_viewshed(scan: Any, index: Any, public: Any) -> None:
    from omgevingsscan.analysis.visibility import isovist_ex, viewshed_25d

    print("\n== 2.5D viewshed, 300 m, 20 public-space points ==")
    pts = _public_points(scan, index, public, 20, seed=99)
    for h in (1.6, 10.6, 20.0):
        viewshed_25d(index, pts[0], h, RADIUS)  # builds the sub-index once per height
        times, gain = [], []
        for p in pts:
            vs, t = _timed(lambda p=p, h=h: viewshed_25d(index, p, h, RADIUS))
            times.append(t)
            gain.append(vs.ground.area / isovist_ex(index, p, RADIUS).polygon.area)
        print(
            f"eye at {h:4.1f} m: {_stats(times)}  ground / 2D isovist: {statistics.mean(gain):.2f}"
        )


def bench_exposure(scan: Any, index: Any) -> None:
    from omgevingsscan.analysis.visibility import exposure_for_scan, isovist_ex
    from omgevingsscan.analysis.visibility.exposure import facade_samples
    from omgevingsscan.analysis.visibility.facade import CLEARANCE_M

    print("\n== Exposure of the demo site (defaults) ==")
    marks: list[tuple[float, str]] = []
    t0 = time.perf_counter()
    res, total = _timed(
        lambda: exposure_for_scan(
            scan, index, progress=lambda f, m: marks.append((time.perf_counter() - t0, m))
        )
    )
    last: dict[str, float] = {}
    prev_t, prev_m = 0.0, ""
    for t, m in marks:
        if m != prev_m:
            if prev_m:
                last[prev_m] = last.get(prev_m, 0.0) + t - prev_t
            prev_t, prev_m = t, m
    print(
        f"total {total:.1f} s; samples: {res.samples[0]} at eye level, {res.samples[1]} on the façade top"
    )
    for m, t in last.items():
        print(f"  {m:<28} {t:6.2f} s")
    kinds = res.positions["kind"].value_counts().to_dict()
    print(
        f"public ground seeing the façade: {res.ground.area:,.0f} m² "
        f"(eye level {res.ground_eye.area:,.0f} m²); positions: {kinds}"
    )
    _, t_eye = _timed(lambda: exposure_for_scan(scan, index, facade_height=1.6))
    print(f"eye level only (facade_height=1.6): {t_eye:.1f} s")

    # Baseline for the eye-level union: CGAL isovists from the same samples.
    site_walls = index.walls[np.isin(index.wall_owner, res.site_buildings)]
    samples = facade_samples(site_walls, 0.5)
    samples = samples[index.free_mask(samples, CLEARANCE_M)]
    # CGAL's domain has the footprints' outlines as holes: leave out courtyard samples.
    filled = shapely.union_all([Polygon(p.exterior) for p in index.obstacles.geoms])
    samples = samples[~shapely.intersects(filled, shapely.points(samples))]
    cx, cy = scan.site.x, scan.site.y
    r = scan.study_area.radius_m
    x0, y0, x1, y1 = index.obstacles.bounds
    far = 2 * r + 50
    calc, _ = _cgal(
        index, (min(x0, cx - far), min(y0, cy - far), max(x1, cx + far), max(y1, cy + far))
    )
    area = scan.study_area.polygon
    radii = np.hypot(samples[:, 0] - cx, samples[:, 1] - cy) + r * math.sqrt(2) + 1

    def ours() -> Any:
        return shapely.union_all(
            [isovist_ex(index, p, rr, check=False).polygon for p, rr in zip(samples, radii)]
        )

    def cgal() -> Any:
        return shapely.union_all(
            [_cgal_isovist(calc, p[0], p[1], rr)[0] for p, rr in zip(samples, radii)]
        )

    u_ours, t_ours = _timed(ours)
    u_cgal, t_cgal = _timed(cgal)
    a_ours, a_cgal = u_ours.intersection(area), u_cgal.intersection(area)
    diff = a_ours.symmetric_difference(a_cgal).area
    print(
        f"eye-level union from {len(samples)} samples: ours {t_ours:.2f} s, with CGAL isovists "
        f"{t_cgal:.2f} s ({t_cgal / t_ours:.1f}x); {a_ours.area:,.1f} vs {a_cgal.area:,.1f} m², "
        f"symmetric difference {diff:.2e} m²"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=100)
    parser.add_argument("--pairs", type=int, default=10_000)
    parser.add_argument("--no-exposure", action="store_true")
    parser.add_argument("--isovist-only", action="store_true")
    args = parser.parse_args(argv)

    from omgevingsscan.analysis.visibility import VisibilityIndex, public_ground_from_layers
    from omgevingsscan.io.osm import import_scan

    scan = import_scan(PBF, TOWNHALL, radius_m=500, name="Stadhuis", kind="townhall")
    buildings = scan.frame("buildings")
    index, t_index = _timed(lambda: VisibilityIndex(buildings))
    print(
        f"demo scan: {len(buildings)} buildings, {len(index.walls)} merged wall segments, "
        f"{len(index.edges)} building edges; VisibilityIndex built in {t_index:.2f} s"
    )
    public = public_ground_from_layers(scan, index)
    bench_isovist(scan, index, public, args.points)
    if args.isovist_only:
        return 0
    bench_los(scan, index, public, args.pairs)
    bench_viewshed(scan, index, public)
    if not args.no_exposure:
        bench_exposure(scan, index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
