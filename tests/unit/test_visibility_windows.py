"""The compiled sight-line kernels (:mod:`.los_kernel`: the upper-floor window search
and the batch line of sight) against the numpy sight lines (:mod:`.los`) on the demo
data: the same verdicts, heights and blockers, bit for bit."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from omgevingsscan.analysis.visibility import (
    VisibilityIndex,
    exposure,
    index_for,
    line_of_sight,
    line_of_sight_many,
    lowest_visible_height,
    visible_many,
)
from omgevingsscan.analysis.visibility import overlook as overlook_mod
from omgevingsscan.analysis.visibility.los import KERNEL_MIN_LINES, _first_blocks_numpy
from omgevingsscan.analysis.visibility.los_kernel import first_blocks, windows_lowest


@pytest.fixture(scope="module")
def demo_index(demo_scan) -> VisibilityIndex:  # type: ignore[no-untyped-def]
    return index_for(demo_scan)


def _open_points(  # type: ignore[no-untyped-def]
    index: VisibilityIndex, centre: np.ndarray, n: int, rng, spread: float = 400.0
) -> np.ndarray:
    q = rng.uniform(-spread, spread, size=(4 * n, 2)) + centre
    return q[index.free_mask(q, 0.05)][:n]


def _kernel_lines(
    index: VisibilityIndex, a: np.ndarray, ha: np.ndarray, b: np.ndarray, hb: np.ndarray
) -> np.ndarray:
    """One sight line per call: lowest height seen at b (inf when a-b is blocked)."""
    out = np.empty(len(a))
    for i in range(len(a)):
        # b's "wall" faces a, so the pair is always tested.
        out[i] = windows_lowest(
            index, a[i : i + 1], ha[i : i + 1], None, b[i : i + 1], (a[i] - b[i])[None], hb[i]
        )[0]
    return out


def test_kernel_agrees_with_numpy_on_random_lines(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(11)
    centre = np.array([demo_scan.site.x, demo_scan.site.y])
    a = _open_points(demo_index, centre, 1500, rng)
    b = _open_points(demo_index, centre, 1500, rng)
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    # Lines along grid lines and diagonals through cell corners: the walk's edge cases.
    g = demo_index.grid
    k = rng.integers(5, min(g.nx, g.ny) - 5, size=(200, 2)).astype(float)
    corner = np.column_stack([g.x0 + k[:, 0] * g.cell, g.y0 + k[:, 1] * g.cell])
    step = g.cell * rng.integers(3, 40, size=(200, 1))
    direction = np.array([[1, 0], [0, 1], [1, 1], [1, -1]], dtype=float)[rng.integers(0, 4, 200)]
    ends = np.vstack([corner, corner + step * direction])
    free = demo_index.free_mask(ends, 0.05)
    ok = free[:200] & free[200:]
    a = np.vstack([a, corner[ok]])
    b = np.vstack([b, (corner + step * direction)[ok]])
    ha = rng.uniform(1.6, 30.0, len(a))
    hb = np.where(rng.random(len(a)) < 0.5, rng.uniform(1.6, 30.0, len(a)), ha)

    got = _kernel_lines(demo_index, a, ha, b, hb)
    res = line_of_sight_many(demo_index, a, ha, b, hb)
    assert np.array_equal(np.isfinite(got), res.visible)
    assert np.array_equal(np.isfinite(got), visible_many(demo_index, a, ha, b, hb))
    assert 0.1 < res.visible.mean() < 0.9 and ok.sum() > 50
    # Where the line is clear, the lowest height seen is exactly the numpy one.
    lowest = lowest_visible_height(demo_index, a, ha, b)
    assert np.array_equal(got[res.visible], lowest[res.visible])
    assert (lowest[res.visible] > 0).any()


def _corner_lines(index: VisibilityIndex, rng) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Lines along grid lines and diagonals through cell corners."""
    g = index.grid
    k = rng.integers(5, min(g.nx, g.ny) - 5, size=(300, 2)).astype(float)
    a = np.column_stack([g.x0 + k[:, 0] * g.cell, g.y0 + k[:, 1] * g.cell])
    step = g.cell * rng.integers(3, 40, size=(300, 1))
    direction = np.array([[1, 0], [0, 1], [1, 1], [1, -1]], dtype=float)[rng.integers(0, 4, 300)]
    return a, a + step * direction


def test_batch_kernel_equals_numpy_with_blockers(demo_scan, demo_index) -> None:  # type: ignore[no-untyped-def]
    """Random lines with ends anywhere, windows included (ends inside buildings)."""
    rng = np.random.default_rng(21)
    centre = np.array([demo_scan.site.x, demo_scan.site.y])
    a = rng.uniform(-400, 400, (4000, 2)) + centre
    b = rng.uniform(-400, 400, (4000, 2)) + centre
    ca, cb = _corner_lines(demo_index, rng)
    a, b = np.vstack([a, ca]), np.vstack([b, cb])
    n = len(a)
    ha = rng.uniform(0.0, 30.0, n)
    hb = np.where(rng.random(n) < 0.3, ha, rng.uniform(0.0, 30.0, n))
    p, bld = demo_index._grown_tree.query(shapely.points(np.vstack([a, b])), "intersects")
    inside_a, inside_b = (p[p < n], bld[p < n]), (p[p >= n] - n, bld[p >= n])
    t_k, who_k = first_blocks(demo_index, a, ha, b, hb, inside_a, inside_b)
    t_n, who_n = _first_blocks_numpy(demo_index, a, ha, b, hb, inside_a, inside_b)
    assert np.array_equal(t_k, t_n) and np.array_equal(who_k, who_n)
    visible = ~np.isfinite(t_k)
    assert 0.1 < visible.mean() < 0.9 and len(inside_a[0]) > 500 and len(inside_b[0]) > 500
    # The public function takes the kernel for large batches, numpy for small ones.
    batch = line_of_sight_many(demo_index, a[:500], ha[:500], b[:500], hb[:500])
    assert KERNEL_MIN_LINES <= 500
    assert np.array_equal(batch.blocker, who_n[:500])
    for i in range(0, 500, 25):
        one = line_of_sight(demo_index, tuple(a[i]), ha[i], tuple(b[i]), hb[i])
        assert one.visible == batch.visible[i]
        assert (one.blocker is None) == (batch.blocker[i] < 0)
        if one.blocker is not None:
            assert one.blocker.osm_id == demo_index.osm_ids[batch.blocker[i]]
            assert one.obstruction == tuple(batch.obstruction[i])


def _reference_window_views(  # type: ignore[no-untyped-def]
    index, windows, heights, window_normals, targets, target_normals, z_top, step=None
) -> np.ndarray:
    """Every front-facing (window, target) pair through the numpy sight lines."""
    wi = np.repeat(np.arange(len(windows)), len(targets))
    ti = np.tile(np.arange(len(targets)), len(windows))
    d = targets[ti] - windows[wi]
    front = np.einsum("ij,ij->i", target_normals[ti], -d) > 0
    if window_normals is not None:
        front &= np.einsum("ij,ij->i", window_normals[wi], d) > 0
    wi, ti = wi[front], ti[front]
    lowest = np.full(len(windows), np.inf)
    for s in range(0, len(wi), 100_000):
        w, t = wi[s : s + 100_000], ti[s : s + 100_000]
        clear = line_of_sight_many(index, windows[w], heights[w], targets[t], z_top).visible
        w, t = w[clear], t[clear]
        z = lowest_visible_height(index, windows[w], heights[w], targets[t])
        np.minimum.at(lowest, w, z)
    return lowest


def _reference_distances(site_shape, xy: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    return shapely.distance(site_shape, shapely.points(xy))


def _reference_nearest(group: np.ndarray, dist: np.ndarray) -> tuple[list[int], list[int]]:
    groups = sorted(set(group.tolist()))
    firsts = []
    for g in groups:
        mine = np.flatnonzero(group == g)
        firsts.append(int(mine[np.argmin(dist[mine])]))
    return groups, firsts


def test_fast_windows_give_the_reference_positions(demo_scan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Exposure on the demo buildings near the site: the compiled window search and
    the grouped distances give exactly the rows of a straightforward computation."""
    buildings = demo_scan.frame("buildings")
    site = demo_scan.site.point
    near = buildings[buildings.distance(site) < 250].reset_index(drop=True)
    index = VisibilityIndex(near)
    area = site.buffer(180)
    spots = gpd.GeoDataFrame(
        {"category": ["bench"] * 40, "osm_id": [f"n{i}" for i in range(40)]},
        geometry=shapely.points(
            _open_points(index, np.array([site.x, site.y]), 40, np.random.default_rng(5), 160.0)
        ),
        crs=near.crs,
    )
    fast = exposure(index, site, area, spots=spots, facade_height=12.0)
    monkeypatch.setattr(overlook_mod, "_window_views", _reference_window_views)
    monkeypatch.setattr(overlook_mod, "_distances", _reference_distances)
    monkeypatch.setattr(overlook_mod, "_nearest", _reference_nearest)
    slow = exposure(index, site, area, spots=spots, facade_height=12.0)
    pos_fast, pos_slow = fast.positions, slow.positions
    pd.testing.assert_frame_equal(
        pd.DataFrame(pos_fast.drop(columns="geometry")),
        pd.DataFrame(pos_slow.drop(columns="geometry")),
        check_exact=True,
    )
    assert pos_fast.geometry.geom_equals_exact(pos_slow.geometry, 0.0).all()
    upper = pos_fast[pos_fast["upper_floors"]]
    assert (upper["kind"] == "building").sum() > 3 and (upper["kind"] == "spot").any()
    assert (upper["lowest_seen_m"] > 0).any()
