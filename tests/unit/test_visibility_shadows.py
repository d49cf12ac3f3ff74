"""The fast shadows (direct polygons, strips, buffer(0)) equal the plain union of the
footprint and its quads, on the demo buildings, from many light positions."""

from __future__ import annotations

import numpy as np
import shapely

from omgevingsscan.analysis.visibility import index_for
from omgevingsscan.analysis.visibility.blocks import casting, height_blocks, shadow_pieces
from omgevingsscan.analysis.visibility.shadows import (
    _radial_shadows,
    shadow_quads,
    shadows,
    union_tree,
)


def _reference(index, buildings, origin, scale):  # type: ignore[no-untyped-def]
    out = []
    for b, k in zip(buildings, scale):
        quads, _ = shadow_quads(index, np.array([b]), origin, np.array([k]))
        out.append(shapely.union_all(np.append(quads, index.grown[b])))
    return np.asarray(out, dtype=object)


def test_shadows_equal_the_union_of_quads(demo_scan) -> None:  # type: ignore[no-untyped-def]
    index = index_for(demo_scan)
    rng = np.random.default_rng(11)
    cx, cy = demo_scan.site.x, demo_scan.site.y
    direct_share = []
    for _ in range(4):
        origin = (cx + rng.uniform(-300, 300), cy + rng.uniform(-300, 300))
        near = index._grown_tree.query(shapely.Point(origin).buffer(150))
        buildings = np.asarray(near, dtype=np.int64)
        scale = rng.uniform(1.05, 8.0, len(buildings))
        fast = shadows(index, buildings, origin, scale)
        slow = _reference(index, buildings, origin, scale)
        assert shapely.is_valid(fast).all()
        diff = shapely.area(shapely.symmetric_difference(fast, slow))
        assert diff.max() < 1e-6, diff.max()
        direct_share.append(_radial_shadows(index, buildings, origin, scale)[1].mean())
    assert min(direct_share) > 0.9  # the compiled kernel carries nearly all the work


def test_shadow_of_a_building_under_the_eye(demo_scan) -> None:  # type: ignore[no-untyped-def]
    """An observer on a roof: the light inside the footprint (every wall faces away)."""
    index = index_for(demo_scan)
    b = int(np.flatnonzero(~index.grown_convex)[5])
    p = index.footprints[b].representative_point()
    origin = (p.x, p.y)
    (fast,) = shadows(index, np.array([b]), origin, np.array([2.0]))
    (slow,) = _reference(index, [b], origin, [2.0])
    assert fast.is_valid and fast.symmetric_difference(slow).area < 1e-6


def test_shadow_pieces_leave_the_union_unchanged(demo_scan) -> None:  # type: ignore[no-untyped-def]
    """Shadows of buildings hidden behind higher ones are left out, adjoining buildings
    of one height cast one shadow together: the union stays the same region."""
    index = index_for(demo_scan)
    rng = np.random.default_rng(5)
    cx, cy = demo_scan.site.x, demo_scan.site.y
    dropped = n_pieces = n_casting = 0
    for eye in (12.0, 16.0, 25.0):
        while True:
            origin = (cx + rng.uniform(-200, 200), cy + rng.uniform(-200, 200))
            if index.containing_building(*origin) is None:
                break
        near = np.asarray(index._grown_tree.query(shapely.Point(origin).buffer(250)))
        low = near[(index.heights[near] < eye) & (index.heights[near] > 1.6)]
        flat = near[index.heights[near] <= 1.6]
        scale = (eye - 1.6) / (eye - index.heights[low])
        which = casting(index, low, origin, eye)
        assert set(which) <= set(low)
        pieces = shadow_pieces(index, low, origin, eye, 1.6, flat)
        every = shapely.union_all(
            np.concatenate([shadows(index, low, origin, scale), index.footprints[flat]])
        )
        # Block shadows reach members outside the 250 m disc: compare inside it.
        disc = shapely.Point(origin).buffer(250)
        fast = union_tree(pieces).intersection(disc)
        assert fast.symmetric_difference(every.intersection(disc)).area < 1e-6
        dropped += len(low) - len(which)
        n_pieces += len(pieces)
        n_casting += len(which) + len(flat)
    assert dropped > 50  # the test has teeth: many shadows were left out
    assert n_pieces < 0.85 * n_casting  # and blocks replaced many


def test_blocks_follow_the_heights(demo_scan) -> None:  # type: ignore[no-untyped-def]
    """Blocks join adjoining buildings of one height; a copy with other heights (the
    low and high heights of the certainty checks) gets blocks of its own."""
    index = index_for(demo_scan)
    blocks = height_blocks(index)
    assert blocks.size.max() > 5 and len(blocks.size) < 0.6 * len(index)
    for block in np.flatnonzero(blocks.size > 1)[:20]:
        members = np.flatnonzero(blocks.label == block)
        assert len(set(index.heights[members])) == 1
    distinct = index.with_heights(index.heights + np.arange(len(index)) * 1e-3)
    assert height_blocks(distinct).size.max() == 1
    assert height_blocks(index) is blocks  # the original keeps its own


def test_a_block_whose_union_fails_is_not_used(demo_scan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """If GEOS loses a part of a block's union, the block's buildings cast their own
    shadows: the union of the pieces stays right."""
    import omgevingsscan.analysis.visibility.blocks as blocks_module

    real = shapely.union_all

    def lossy(geoms, *args, **kwargs):  # type: ignore[no-untyped-def]
        return real(geoms[1:], *args, **kwargs)  # drops the first member

    index = index_for(demo_scan)
    twin = index.with_heights(index.heights.copy())
    monkeypatch.setattr(blocks_module.shapely, "union_all", lossy)
    broken = height_blocks(twin)
    monkeypatch.setattr(blocks_module.shapely, "union_all", real)
    multi = np.flatnonzero(broken.size > 1)
    assert len(multi) and not broken.verts[3][multi].any()  # none of them used
    origin = (demo_scan.site.x - 120.0, demo_scan.site.y + 40.0)
    disc = shapely.Point(origin).buffer(200)
    near = np.asarray(index._grown_tree.query(disc))
    low = near[(index.heights[near] < 16.0) & (index.heights[near] > 1.6)]
    # Blocks also hold buildings beyond the disc, whose shadows fall beyond it too.
    good = union_tree(shadow_pieces(index, low, origin, 16.0, 1.6)).intersection(disc)
    fallback = union_tree(shadow_pieces(twin, low, origin, 16.0, 1.6)).intersection(disc)
    assert good.area > 1000 and good.symmetric_difference(fallback).area < 1e-6
