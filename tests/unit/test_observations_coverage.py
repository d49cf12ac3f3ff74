"""Coverage: exact views against a brute-force grid, blind spots, OSM cameras, the CLI."""

from __future__ import annotations

import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Point, box

from omgevingsscan.analysis.observation import (
    blind_spots_frame,
    cctv_posts,
    coverage,
    coverage_report,
    free_origin,
    parse_direction,
    post_view,
    result_layers,
    target_area,
)
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.cli import main
from omgevingsscan.editing import ObservationEditor
from omgevingsscan.layers.posts import ObservationPost
from tests.unit._observation_scene import at, small_scan, small_scan_file


def _brute_force_shares(
    target, posts: list[ObservationPost], obstacles, step: float
) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Share of grid points of ``target`` seen by ≥1 and ≥2 posts: a point is seen when it
    is within range, within the cone, and the segment to it crosses no building."""
    minx, miny, maxx, maxy = target.bounds
    xs = np.arange(minx + step / 2, maxx, step)
    ys = np.arange(miny + step / 2, maxy, step)
    gx, gy = (a.ravel() for a in np.meshgrid(xs, ys))
    inside = shapely.contains_xy(target, gx, gy)
    gx, gy = gx[inside], gy[inside]
    shapely.prepare(obstacles)
    counts = np.zeros(len(gx), dtype=int)
    for post in posts:
        ox, oy = post.point.x, post.point.y
        dx, dy = gx - ox, gy - oy
        ok = np.hypot(dx, dy) <= post.range_m
        if post.sector is not None:
            bearing = np.degrees(np.arctan2(dx, dy)) % 360
            diff = np.abs((bearing - post.direction_deg + 180) % 360 - 180)
            ok &= diff <= post.fov_deg / 2
        idx = np.flatnonzero(ok)
        lines = shapely.linestrings(
            np.stack([np.column_stack([np.full(len(idx), ox), gx[idx]]),
                      np.column_stack([np.full(len(idx), oy), gy[idx]])], axis=2)
        )  # fmt: skip
        blocked = shapely.intersects(lines, obstacles)
        counts[idx[~blocked]] += 1
    return float(np.mean(counts >= 1)), float(np.mean(counts >= 2))


def test_coverage_matches_a_brute_force_grid() -> None:
    scan = small_scan()
    buildings = scan.frame("buildings")
    index = VisibilityIndex(buildings)
    site = scan.site.point
    target = target_area(index, site, 60.0)
    assert target.area == pytest.approx(math.pi * 60**2 - buildings.intersection(site.buffer(60, quad_segs=64)).area.sum(), rel=1e-3)  # fmt: skip
    posts = [
        ObservationPost(geometry=at(scan, 0, -20), name="S", direction_deg=180, fov_deg=120, range_m=50),
        ObservationPost(geometry=at(scan, 18, 18), name="NE", fov_deg=360, range_m=45),
        ObservationPost(geometry=at(scan, -30, -10), name="W", direction_deg=60, fov_deg=90, range_m=70),
        ObservationPost(geometry=at(scan, 15, -20), name="SE", direction_deg=315, fov_deg=45, range_m=40),
    ]  # fmt: skip
    views = [post_view(index, p) for p in posts]
    assert all(v.moved_m == 0 for v in views)
    result = coverage(target, [v.polygon for v in views], site)
    share_1, share_2 = _brute_force_shares(target, posts, index.obstacles, step=0.5)
    assert 0.2 < result.share_1 < 0.95 and 0.05 < result.share_2 < result.share_1
    assert result.share_1 == pytest.approx(share_1, abs=0.01)
    assert result.share_2 == pytest.approx(share_2, abs=0.01)
    # blind spots fill exactly the rest, ranked by size and by distance
    blind = sum(b.area_m2 for b in result.blind_spots)
    assert blind == pytest.approx(
        target.area - result.seen_1.area, abs=1.0 * (len(result.blind_spots) + 5)
    )
    areas = [b.area_m2 for b in result.blind_spots]
    assert areas == sorted(areas, reverse=True) and result.blind_spots[0].rank_size == 1
    nearest = result.by_distance()
    assert [b.rank_distance for b in nearest] == list(range(1, len(nearest) + 1))
    assert [b.distance_m for b in nearest] == sorted(b.distance_m for b in nearest)
    frame = blind_spots_frame(result, scan.crs)
    assert list(frame.columns[:4]) == ["rank_size", "rank_distance", "area_m2", "distance_m"]


def test_no_posts_means_everything_is_blind() -> None:
    scan = small_scan()
    target = target_area(scan.frame("buildings"), scan.site.point, 40)
    result = coverage(target, [], scan.site.point)
    assert result.share_1 == 0 and result.share_2 == 0
    assert sum(b.area_m2 for b in result.blind_spots) == pytest.approx(target.area)


def test_a_post_in_a_building_looks_out_of_its_facade() -> None:
    scan = small_scan()
    index = VisibilityIndex(scan.frame("buildings"))
    inside = at(scan, 0, 5)  # in the town hall (10 m half-width), looking north
    origin = free_origin(index, inside, 0.0)
    assert origin.y == pytest.approx(scan.site.y + 10.05, abs=0.02)
    assert abs(origin.x - inside.x) < 1e-6
    post = ObservationPost(geometry=inside, name="Window", height_kind="floor", height_m=7, direction_deg=0, fov_deg=90, range_m=30)  # fmt: skip
    view = post_view(index, post)
    assert view.moved_m == pytest.approx(5.05, abs=0.02) and view.polygon.area > 100
    zero = post_view(index, post.evolve(range_m=0))
    assert zero.polygon.is_empty


def test_osm_cameras_become_posts() -> None:
    assert parse_direction("160") == 160 and parse_direction("SE") == 135
    assert parse_direction("90;270") == 90 and parse_direction("up") is None
    assert parse_direction(float("nan")) is None
    poi = gpd.GeoDataFrame(
        {
            "osm_id": ["n1", "n2", "n3", "n4"],
            "category": ["camera", "camera", "camera", "police"],
            "camera_direction": ["160", None, None, None],
            "camera_type": ["fixed", "dome", None, None],
            "tags": [
                json.dumps({"man_made": "surveillance", "camera:angle": "30"}),
                json.dumps({"man_made": "surveillance"}),
                json.dumps({"camera:direction": "W", "camera:type": "fixed", "height": "5"}),
                "{}",
            ],
        },
        geometry=[Point(0, 0), Point(1, 1), Point(2, 2), Point(3, 3)],
        crs="EPSG:28992",
    )
    cams = cctv_posts(poi)
    assert [c.name for c in cams] == ["CCTV n1", "CCTV n2", "CCTV n3"]
    assert (cams[0].direction_deg, cams[0].fov_deg) == (160.0, 60.0)
    assert "tilt" in cams[0].notes
    assert cams[1].fov_deg == 360.0
    assert (cams[2].direction_deg, cams[2].fov_deg, cams[2].height_m) == (270.0, 60.0, 5.0)
    assert cctv_posts(poi)[0].uuid == cams[0].uuid  # stable


def test_moving_a_post_changes_the_coverage() -> None:
    scan = small_scan()
    ed = ObservationEditor(scan)
    post = ed.place_post(at(scan, 0, -20), "A", direction_deg=0, fov_deg=60, range_m=50)
    before = coverage_report(scan, ed.posts, target_radius_m=50).coverage.share_1
    ed.move(ed.posts, post.uuid, at(scan, 0, -25))
    ed.update(ed.posts, post.uuid, direction_deg=180, fov_deg=180)
    report = coverage_report(scan, ed.posts, target_radius_m=50)
    assert report.coverage.share_1 > before
    layers = result_layers(report, scan.crs)
    assert [layer.name for layer in layers] == ["views", "blind_spots"]
    d = report.to_dict(scan.crs, max_blind_spots=2)
    assert len(d["largest_blind_spots"]) <= 2 and d["posts_counted"] == 1


def test_cli_posts_prints_coverage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = small_scan_file(tmp_path)
    ed = ObservationEditor.open(path)
    ed.place_post(at(ed.scan, 0, -20), "A", direction_deg=180, fov_deg=120, range_m=50)
    ed.place_post(at(ed.scan, 18, 18), "B", fov_deg=360, range_m=45)
    ed.close()
    assert main(["posts", str(path), "--target-radius", "60", "--blind-spots", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in out["posts"]] == ["A", "B"]
    cov = out["coverage"]
    assert 0 < cov["seen_by_2_or_more"] < cov["seen_by_1_or_more"] < 1
    assert cov["target_area_m2"] > 9000 and len(cov["largest_blind_spots"]) == 3
    assert all(p["view_area_m2"] > 0 for p in out["posts"])


def test_target_area_excludes_other_ground() -> None:
    scan = small_scan()
    water = box(scan.site.x - 60, scan.site.y + 40, scan.site.x + 60, scan.site.y + 60)
    plain = target_area(scan.frame("buildings"), scan.site.point, 50)
    wet = target_area(scan.frame("buildings"), scan.site.point, 50, exclude=[water])
    assert wet.area < plain.area - 100
