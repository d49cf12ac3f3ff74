"""Exposure of the demo site: today's code against the code before issue 11, side by side.

Run from the repository root::

    .venv/bin/python -m bench.bench_exposure [--rounds 1] [--small] [--jitter 0.2]

The baseline is a frozen copy of ``analysis/visibility`` from before issue 11
(``bench/baseline_visibility``). Both run on the same scan, the same buildings with the
same (fixed, OSM-estimated) heights, the same public ground and waiting spots, one
after the other, alternating when ``--rounds`` > 1. The script prints each time, the
ratio, and checks that the answers agree: areas of the visible ground, the symmetric
difference of the two ground polygons, and the ranked positions.

``--small`` also runs the isovist against CGAL (pyvispoly, arrangement prebuilt) and the
numpy sweep of the baseline on a small scene (the 300 buildings nearest the site) and on
the whole demo scene, and the eye-level façade isovists of
exposure (1,267 on the demo site) with today's compiled sweep against the numpy sweep of
the baseline, on the same index and samples.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import numpy as np


def _run_exposure(module: Any, index: Any, scan: Any, public: Any, spots: Any) -> Any:
    return module.exposure(
        index,
        scan.site.point,
        scan.study_area.polygon,
        public_ground=public,
        spots=spots,
    )


def compare(rounds: int, jitter: float = 0.0) -> float:
    """Time old and new exposure; return the ratio of the medians. ``jitter`` > 0
    scales each building's height by a random factor in ``1 +- jitter`` (seeded), as
    measured heights differ where the OSM estimates are one value for a whole street."""
    from bench.baseline_visibility import exposure as old_exposure
    from bench.baseline_visibility.index import VisibilityIndex as OldIndex
    from omgevingsscan.analysis.visibility import exposure as new_exposure_mod
    from omgevingsscan.analysis.visibility import (
        public_ground_from_layers,
        waiting_spots_from_layers,
    )
    from omgevingsscan.analysis.visibility.index import VisibilityIndex
    from omgevingsscan.io.demo import load_demo_scan

    scan = load_demo_scan()
    buildings = scan.frame("buildings")
    if jitter > 0:
        rng = np.random.default_rng(1)
        factor = rng.uniform(1 - jitter, 1 + jitter, len(buildings))
        buildings = buildings.assign(height=buildings["height"].to_numpy() * factor)
    new_index = VisibilityIndex(buildings)
    old_index = OldIndex(buildings)
    public = public_ground_from_layers(scan, new_index)
    spots = waiting_spots_from_layers(scan)
    kind = f"OSM estimates times 1 +- {jitter:g}" if jitter > 0 else "OSM estimates"
    print(f"demo scan: {len(buildings)} buildings, heights fixed ({kind})")
    times: dict[str, list[float]] = {"old": [], "new": []}
    cpu: dict[str, list[float]] = {"old": [], "new": []}
    results: dict[str, Any] = {}
    for _ in range(rounds):
        for name, module, index in (
            ("old", old_exposure, old_index),
            ("new", sys.modules[new_exposure_mod.__module__], new_index),
        ):
            t0, c0 = time.perf_counter(), time.process_time()
            results[name] = _run_exposure(module, index, scan, public, spots)
            times[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
            print(f"  {name}: {times[name][-1]:6.2f} s wall, {cpu[name][-1]:6.2f} s CPU")
    old, new = results["old"], results["new"]
    t_old, t_new = float(np.median(times["old"])), float(np.median(times["new"]))
    ratio = t_old / t_new
    c_old, c_new = float(np.median(cpu["old"])), float(np.median(cpu["new"]))
    print(f"exposure: old {t_old:.2f} s, new {t_new:.2f} s wall: {ratio:.1f}x faster")
    print(f"          old {c_old:.2f} s, new {c_new:.2f} s CPU: {c_old / c_new:.1f}x less work")
    sym = old.ground.symmetric_difference(new.ground).area
    print(
        f"ground: old {old.ground.area:,.3f} m², new {new.ground.area:,.3f} m², "
        f"symmetric difference {sym:.6f} m²; eye level old {old.ground_eye.area:,.3f} "
        f"new {new.ground_eye.area:,.3f} m²"
    )
    cols = ["kind", "osm_id", "upper_floors"]
    same = (
        old.positions[cols]
        .reset_index(drop=True)
        .equals(new.positions[cols].reset_index(drop=True))
    )
    print(f"positions: old {len(old.positions)}, new {len(new.positions)}, same ranking: {same}")
    return ratio


def small_isovist(points: int = 60, buildings: int | None = 300) -> float:
    """Isovist (300 m) against CGAL on the ``buildings`` nearest the site (None: the whole
    demo scene), with the numpy sweep of the baseline alongside; return the ratio."""
    import statistics

    import pyvispoly as pv
    import shapely

    from bench.baseline_visibility.isovist import isovist_ex as numpy_isovist_ex
    from bench.bench_visibility import _cgal
    from omgevingsscan.analysis.visibility import VisibilityIndex, isovist_ex
    from omgevingsscan.io.demo import load_demo_scan

    scan = load_demo_scan()
    frame = scan.frame("buildings")
    d = frame.geometry.distance(scan.site.point).to_numpy()
    small = frame.iloc[np.argsort(d)[:buildings]].reset_index(drop=True)
    index = VisibilityIndex(small)
    x0, y0, x1, y1 = index.obstacles.bounds
    calc, _ = _cgal(index, (x0 - 100, y0 - 100, x1 + 100, y1 + 100))
    # CGAL's holes are the outer rings of the obstacles: no points in courtyards.
    filled = shapely.union_all([shapely.Polygon(p.exterior) for p in index.obstacles.geoms])
    rng = np.random.default_rng(7)
    pts: list[tuple[float, float]] = []
    while len(pts) < points:
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if not filled.intersects(shapely.Point(x, y).buffer(0.5)):
            pts.append((x, y))

    # CPU time of this process (the box is shared): our whole query against CGAL's
    # query alone (no conversion to shapely, no clipping to the radius). Ours runs right
    # after CGAL (as in the first figures of issue 11; the caches are then cold), the
    # numpy sweep after ours.
    first = time.process_time()
    isovist_ex(index, pts[0], 300.0, check=False)  # loads (or compiles) the kernel
    first = time.process_time() - first
    ours, old, cgal = [], [], []
    for x, y in pts:
        for out, fn in (
            (cgal, lambda x=x, y=y: calc.compute_visibility_polygon(pv.Point(x, y))),
            (ours, lambda x=x, y=y: isovist_ex(index, (x, y), 300.0, check=False)),
            (old, lambda x=x, y=y: numpy_isovist_ex(index, (x, y), 300.0, check=False)),
        ):
            t0 = time.process_time()
            fn()
            out.append(time.process_time() - t0)
    ms = {k: statistics.median(v) * 1e3 for k, v in (("ours", ours), ("old", old), ("cgal", cgal))}
    ratio = ms["cgal"] / ms["ours"]
    scene = f"{buildings} buildings" if buildings else f"whole demo, {len(index)} buildings"
    print(
        f"isovist, {scene}, {points} points (CPU medians): compiled {ms['ours']:.2f} ms, "
        f"numpy sweep {ms['old']:.2f} ms, CGAL {ms['cgal']:.2f} ms: CGAL/compiled {ratio:.1f}x, "
        f"CGAL/numpy {ms['cgal'] / ms['old']:.1f}x (first call in this process {first:.2f} s CPU)"
    )
    return ratio


def facade_isovists() -> float:
    """Exposure's eye-level façade isovists: compiled sweep against the numpy sweep of
    the baseline, same index and samples; return the ratio of the CPU times."""
    import shapely

    from bench.baseline_visibility.facade import (
        CLEARANCE_M,
        _cover_radius,
        facade_samples,
        site_buildings,
    )
    from bench.baseline_visibility.isovist import isovist_ex as numpy_isovist_ex
    from omgevingsscan.analysis.visibility import VisibilityIndex, isovist_ex
    from omgevingsscan.io.demo import load_demo_scan
    from omgevingsscan.settings import EYE_HEIGHT_M

    scan = load_demo_scan()
    index = VisibilityIndex(scan.frame("buildings"))
    site = site_buildings(index, scan.site.point)
    is_site = np.zeros(len(index), dtype=bool)
    is_site[site] = True
    walls = index.walls[is_site[np.maximum(index.wall_owner, 0)] & (index.wall_owner >= 0)]
    pts = facade_samples(walls, 0.5)
    pts = pts[index.free_mask(pts, CLEARANCE_M)]
    eye_index, _ = index.subset((index.heights > EYE_HEIGHT_M) | is_site)
    radii = _cover_radius(pts, scan.study_area.polygon)
    isovist_ex(eye_index, pts[0], float(radii[0]), check=False)  # kernel loaded
    cpu, areas = {}, {}
    for name, fn in (("numpy", numpy_isovist_ex), ("compiled", isovist_ex)):
        c0 = time.process_time()
        res = [fn(eye_index, p, float(r), check=False) for p, r in zip(pts, radii)]
        cpu[name] = time.process_time() - c0
        areas[name] = shapely.union_all([r.polygon for r in res]).area
        pieces = sum(len(r.pieces) for r in res)
        print(f"  {name}: {cpu[name]:.3f} s CPU, union {areas[name]:,.3f} m², {pieces} pieces")
    ratio = cpu["numpy"] / cpu["compiled"]
    print(
        f"façade isovists ({len(pts)} samples): numpy {cpu['numpy']:.2f} s, compiled "
        f"{cpu['compiled']:.2f} s CPU: {ratio:.1f}x; per isovist "
        f"{cpu['numpy'] / len(pts) * 1e3:.2f} -> {cpu['compiled'] / len(pts) * 1e3:.2f} ms"
    )
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--no-exposure", action="store_true")
    parser.add_argument(
        "--jitter",
        type=float,
        default=0.0,
        help="scale each height by a random factor in 1 +- JITTER (0.2: no two alike)",
    )
    args = parser.parse_args(argv)
    if not args.no_exposure:
        compare(args.rounds, args.jitter)
    if args.small:
        small_isovist()
        small_isovist(buildings=None)
        facade_isovists()
    return 0


if __name__ == "__main__":
    sys.exit(main())
