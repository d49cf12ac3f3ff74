"""Viewsheds and post views over terrain on the demo scan, with a synthetic 1 m DEM.

Run from the repository root::

    .venv/bin/python -m bench.bench_terrain

The DEM (a 25 m ridge 60 m east of the town hall on flat ground, 1 m cells, written to
a temporary GeoTIFF and read the app's way) is made here, so nothing is downloaded.
Printed, side by side in the same run:

- the terrain profile of 60,000 sight lines: the compiled loop
  (``analysis/visibility/terrain/kernel.py``) against its numpy reference (the code it
  replaced), with the ratio and a check that the answers are equal;
- viewsheds over terrain at radii 100, 300 and 500 m from a 10 m eye: grid cell,
  cells tested and seconds, next to the exact flat viewshed of the same question;
- the view of a 100 m post over terrain against its flat 2D isovist;
- the exposure of the site over terrain (``analysis/visibility/terrain/exposure.py``)
  against the flat exposure, with the process's CPU time (the kernel runs on both
  cores).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np


def _timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def main() -> None:
    """Run the comparisons and print them."""
    from shapely.geometry import Point
    from tests.unit._heights_fixtures import write_ridge_tif

    from omgevingsscan.analysis.observation import post_view, post_view_terrain
    from omgevingsscan.analysis.visibility import (
        exposure,
        index_for,
        public_ground_from_layers,
        viewshed_25d,
        waiting_spots_from_layers,
    )
    from omgevingsscan.analysis.visibility.terrain import building_bases
    from omgevingsscan.analysis.visibility.terrain.exposure import exposure_terrain
    from omgevingsscan.analysis.visibility.terrain.kernel import (
        profile_block,
        profile_block_numpy,
    )
    from omgevingsscan.analysis.visibility.terrain.viewshed import viewshed_terrain
    from omgevingsscan.io import terrain as terrain_io
    from omgevingsscan.io.demo import load_demo_scan
    from omgevingsscan.layers.posts import ObservationPost

    scan = load_demo_scan()
    index = index_for(scan)
    cx, cy = scan.site.x, scan.site.y
    with tempfile.TemporaryDirectory() as folder:
        path = write_ridge_tif(
            Path(folder) / "ridge.tif",
            scan.crs,
            (cx - 700, cy - 700, cx + 700, cy + 700),
            (np.array([cx + 60, cy - 100]), np.array([cx + 60, cy + 100])),
            cell=1.0,
        )
        terrain = terrain_io.read_dem(path, scan.crs, terrain_io.study_bounds(scan))
    building_bases(index, terrain)
    print(f"demo scan: {len(index)} buildings; DEM {terrain.z.shape} cells of {terrain.cell} m")

    rng = np.random.default_rng(0)
    n = 60_000
    a = np.array([cx, cy]) + rng.uniform(-300, 300, (n, 2))
    b = np.array([cx, cy]) + rng.uniform(-300, 300, (n, 2))
    za = terrain.elevation(a[:, 0], a[:, 1]) + 1.6
    zb = terrain.elevation(b[:, 0], b[:, 1]) + 1.6
    args = (a, za, b, zb, 0.0, 0.05)
    profile_block(terrain.z, terrain.x0, terrain.y0, terrain.cell, *args[:2], *args[2:])
    fast, t_fast = _timed(profile_block, terrain.z, terrain.x0, terrain.y0, terrain.cell, *args)
    ref, t_ref = _timed(profile_block_numpy, terrain, *args)
    same = np.array_equal(fast, ref, equal_nan=True)
    print(
        f"terrain profile, {n:,} lines: numpy {t_ref:.2f} s, compiled {t_fast:.3f} s, "
        f"ratio {t_ref / t_fast:.1f}x, equal: {same}"
    )

    origin = (cx - 57.0, cy)
    for radius in (100.0, 300.0, 500.0):
        flat, t_flat = _timed(viewshed_25d, index, origin, 10.0, radius)
        over, t_over = _timed(viewshed_terrain, index, terrain, origin, 10.0, radius)
        print(
            f"viewshed r={radius:.0f} m, eye 10 m: flat exact {t_flat * 1000:.0f} ms "
            f"({flat.ground.area:,.0f} m² of ground); over terrain, people 1.6 m: {t_over:.2f} s "
            f"({over.tested:,} cells of {over.cell_m:.2f} m; visible {over.ground.area:,.0f} m², "
            f"uncertain {over.uncertain.area:,.0f} m²)"
        )

    post = ObservationPost(geometry=Point(*origin), name="P", range_m=100.0, fov_deg=360.0)
    flat_view, t_flat = _timed(post_view, index, post)
    over_view, t_over = _timed(post_view_terrain, index, terrain, post)
    print(
        f"post view, 100 m all round: flat isovist {t_flat * 1000:.0f} ms "
        f"({flat_view.polygon.area:,.0f} m²); over terrain {t_over:.2f} s "
        f"({over_view.polygon.area:,.0f} m²)"
    )

    public, spots = public_ground_from_layers(scan, index), waiting_spots_from_layers(scan)
    site, area = scan.site.point, scan.study_area.polygon
    for name, fn, args in (
        ("flat exact", exposure, (index, site, area)),
        ("over terrain", exposure_terrain, (index, terrain, site, area)),
    ):
        cpu = time.process_time()
        result, wall = _timed(fn, *args, public_ground=public, spots=spots)
        extra = (
            f"; {result.cells:,} cells of {result.cell_m:.2f} m, range "
            f"{result.least.area:,.0f}–{result.most.area:,.0f} m²"
            if hasattr(result, "cells")
            else ""
        )
        print(
            f"exposure {name}: {wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU; "
            f"ground {result.ground.area:,.0f} m², {len(result.positions)} positions{extra}"
        )


if __name__ == "__main__":
    main()
