"""Overlooking buildings and waiting spots of the demo exposure: today's code against
the code before issue 11, on the same inputs.

Run from the repository root::

    .venv/bin/python -m bench.bench_windows [--rounds 3] [--pairs 20000]

One run of today's :func:`exposure` on the demo scan (town hall, 500 m, heights fixed)
records the inputs of its last two phases: the overlooking buildings
(``_building_rows``: walls seen at eye level, then the 2.5D search from the top-floor
windows of the other buildings to the façade top) and the waiting spots
(``_spot_rows``). Those phases then run again, alternating the frozen baseline
(``bench/baseline_visibility``, on its own index) and today's code, and the script
prints CPU and wall time, the ratio, and whether the ranked positions frames are
identical in every column. The first call of today's code (inside that exposure run)
is printed apart: it includes importing numba and loading the compiled kernel from its
cache (or compiling it, on the very first run after a change).

Then ``--pairs`` random sight lines over the demo buildings (ends anywhere, so also
inside buildings: the window rule) through the batch line of sight: the vectorised
numpy path against the compiled kernel, with the same fractions and blockers.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import numpy as np
import pandas as pd


def _timed(fn: Any) -> tuple[Any, float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def _same(a: Any, b: Any) -> bool:
    try:
        pd.testing.assert_frame_equal(
            pd.DataFrame(a.drop(columns="geometry")),
            pd.DataFrame(b.drop(columns="geometry")),
            check_exact=True,
        )
    except AssertionError:
        return False
    return bool(a.geometry.geom_equals_exact(b.geometry, 0.0).all())


def compare(rounds: int) -> float:
    """Time both versions of the two phases; return the ratio of the median CPU times."""
    from bench.baseline_visibility import overlook as old
    from bench.baseline_visibility.index import VisibilityIndex as OldIndex
    from omgevingsscan.analysis.visibility import exposure as exposure_func
    from omgevingsscan.analysis.visibility import overlook as new
    from omgevingsscan.analysis.visibility import (
        public_ground_from_layers,
        waiting_spots_from_layers,
    )
    from omgevingsscan.analysis.visibility.index import VisibilityIndex
    from omgevingsscan.io.demo import load_demo_scan
    from omgevingsscan.settings import EYE_HEIGHT_M

    scan = load_demo_scan()
    buildings = scan.frame("buildings")
    index, old_index = VisibilityIndex(buildings), OldIndex(buildings)
    public = public_ground_from_layers(scan, index)
    spots = waiting_spots_from_layers(scan)

    # Record the inputs of the two phases (everything after the index arguments).
    module = sys.modules[exposure_func.__module__]
    seen: dict[str, tuple[Any, ...]] = {}
    real = {name: getattr(module, name) for name in ("_building_rows", "_spot_rows")}

    def recorder(name: str) -> Any:
        def record(*args: Any) -> Any:
            seen[name] = args[3:]
            out, wall, cpu = _timed(lambda: real[name](*args))
            seen[name + " time"] = (wall, cpu)
            return out

        return record

    for name in real:
        setattr(module, name, recorder(name))
    try:
        exposure_func(
            index, scan.site.point, scan.study_area.polygon, public_ground=public, spots=spots
        )
    finally:
        for name, func in real.items():
            setattr(module, name, func)
    building_args, spot_args = seen["_building_rows"], seen["_spot_rows"]
    is_site = building_args[0]
    mask = (index.heights > EYE_HEIGHT_M) | is_site

    def run(mod: Any, idx: Any) -> tuple[Any, float, float, float, float]:
        eye_index, parent = idx.subset(mask)
        rows, w1, c1 = _timed(lambda: mod._building_rows(idx, eye_index, parent, *building_args))
        more, w2, c2 = _timed(lambda: mod._spot_rows(idx, eye_index, parent, *spot_args))
        return mod._rank(rows + more, idx.crs), w1, c1, w2, c2

    print(
        f"demo scan: {len(buildings)} buildings, {len(building_args[6])} façade targets, "
        f"heights fixed (OSM estimates)"
    )
    w, c = seen["_building_rows time"]
    print(
        f"  new, first call in the process (numba import + kernel load): {w:.2f} s wall {c:.2f} s CPU"
    )
    timings: dict[str, list[tuple[float, float, float, float]]] = {"old": [], "new": []}
    frames: dict[str, Any] = {}
    for _ in range(rounds):
        for name, mod, idx in (("old", old, old_index), ("new", new, index)):
            frame, w1, c1, w2, c2 = run(mod, idx)
            frames[name] = frame
            timings[name].append((w1, c1, w2, c2))
            print(
                f"  {name}: buildings {w1:6.2f} s wall {c1:6.2f} s CPU, "
                f"spots {w2:5.2f} s wall {c2:5.2f} s CPU"
            )
    med = {k: np.median(np.array(v), axis=0) for k, v in timings.items()}
    o, n = med["old"], med["new"]
    ratio = float((o[1] + o[3]) / (n[1] + n[3]))
    print(
        f"overlooking buildings: old {o[1]:.2f} s, new {n[1]:.2f} s CPU ({o[1] / n[1]:.1f}x); "
        f"wall {o[0]:.2f} / {n[0]:.2f} s"
    )
    print(
        f"waiting spots:         old {o[3]:.2f} s, new {n[3]:.2f} s CPU ({o[3] / n[3]:.1f}x); "
        f"wall {o[2]:.2f} / {n[2]:.2f} s"
    )
    print(f"both phases: {ratio:.1f}x less CPU")
    same = _same(frames["old"], frames["new"])
    print(f"positions: old {len(frames['old'])}, new {len(frames['new'])}, identical: {same}")
    return ratio


def sight_lines(pairs: int) -> float:
    """Batch line of sight on random demo lines: the numpy path against the kernel."""
    import shapely

    from omgevingsscan.analysis.visibility import index_for
    from omgevingsscan.analysis.visibility.los import _first_blocks_numpy
    from omgevingsscan.analysis.visibility.los_kernel import first_blocks
    from omgevingsscan.io.demo import load_demo_scan

    scan = load_demo_scan()
    index = index_for(scan)
    rng = np.random.default_rng(1)
    centre = np.array([scan.site.x, scan.site.y])
    a = rng.uniform(-400, 400, (pairs, 2)) + centre
    b = rng.uniform(-400, 400, (pairs, 2)) + centre
    ha = rng.uniform(0.0, 30.0, pairs)
    hb = rng.uniform(0.0, 30.0, pairs)
    p, bld = index._grown_tree.query(shapely.points(np.vstack([a, b])), "intersects")
    inside = ((p[p < pairs], bld[p < pairs]), (p[p >= pairs] - pairs, bld[p >= pairs]))
    first_blocks(index, a[:10], ha[:10], b[:10], hb[:10], *inside)  # numba import, load
    (t_n, who_n), w_n, c_n = _timed(lambda: _first_blocks_numpy(index, a, ha, b, hb, *inside))
    (t_k, who_k), w_k, c_k = _timed(lambda: first_blocks(index, a, ha, b, hb, *inside))
    same = np.array_equal(t_n, t_k) and np.array_equal(who_n, who_k)
    print(
        f"{pairs:,} sight lines (ends anywhere within 400 m, {np.isinf(t_n).mean():.0%} visible,"
        f" {len(p):,} ends inside buildings): numpy {c_n * 1e3:.0f} ms CPU ({w_n * 1e3:.0f} ms"
        f" wall), kernel {c_k * 1e3:.0f} ms CPU ({w_k * 1e3:.0f} ms wall): {c_n / c_k:.1f}x;"
        f" same t and blockers: {same}"
    )
    return c_n / c_k


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=20_000)
    args = parser.parse_args(argv)
    compare(args.rounds)
    sight_lines(args.pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
