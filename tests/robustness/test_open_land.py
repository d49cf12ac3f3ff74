"""Issue 14.1: visibility where no building is in range is the full circle or sector.

A site in open land (the hand-made town of :mod:`tests.robustness._osmdata`: fields,
a road grid, the nearest building 420 m east) and indexes with zero buildings, one
building, and all buildings outside the radius. Before the fix an empty index ended
in ``IndexError`` in ``isovist_ex``.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from shapely.geometry import Point, box

from omgevingsscan.analysis.observation import coverage, target_area
from omgevingsscan.analysis.visibility import (
    VisibilityIndex,
    isovist,
    isovist_ex,
    line_of_sight,
    viewshed_25d,
)
from tests.robustness._osmdata import OPEN_SITE, open_land_town
from tests.robustness.conftest import check_cli, count_case

RADIUS = 300.0
FULL = math.pi * RADIUS**2


@pytest.fixture(scope="module")
def open_scan(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A 500 m scan of the open-land town, site in the fields."""
    from omgevingsscan.cli import main

    folder = tmp_path_factory.mktemp("open")
    osm = open_land_town(folder / "veldzicht.osm")
    out = folder / "veldzicht.gpkg"
    site = f"{OPEN_SITE[0]},{OPEN_SITE[1]}"
    assert (
        main(["new", "--osm", str(osm), "--site", site, "--radius", "500", "--out", str(out)]) == 0
    )
    return out


def test_elevated_viewshed_in_open_land_is_the_full_circle(open_scan, capsys):  # type: ignore[no-untyped-def]
    """The issue's command: ``viewshed SCAN --at LAT,LON@20 --radius 300`` in the fields."""
    at = f"{OPEN_SITE[0]},{OPEN_SITE[1]}@20"
    result = check_cli(
        capsys,
        ["viewshed", open_scan, "--at", at, "--radius", "300"],
        inputs=[open_scan],
        allowed=(0,),
    )
    ground = [f for f in json.loads(result.out)["features"] if f["properties"]["part"] == "ground"]
    assert len(ground) == 1
    assert ground[0]["properties"]["area_m2"] == pytest.approx(FULL, rel=0.01)


@pytest.mark.parametrize("command", ["viewshed", "sightline", "exposure", "posts"])
def test_commands_in_open_land(open_scan, capsys, command, tmp_path):  # type: ignore[no-untyped-def]
    here = f"{OPEN_SITE[0]},{OPEN_SITE[1]}"
    argv = {
        "viewshed": ["viewshed", open_scan, "--at", here, "--radius", "300", "--sector", "90,60"],
        "sightline": ["sightline", open_scan, "--from", here, "--to", "52.0215,5.1720@5"],
        "exposure": ["exposure", open_scan, "--quiet", "--spacing", "4"],
        "posts": ["posts", open_scan],
    }[command]
    check_cli(capsys, argv, inputs=[open_scan])


def _indexes() -> dict[str, VisibilityIndex]:
    far = [box(400 + 30 * i, -20, 420 + 30 * i, 20) for i in range(5)]
    return {
        "no buildings": VisibilityIndex([]),
        "one building far away": VisibilityIndex([box(500, 500, 520, 520)]),
        "all buildings outside the radius": VisibilityIndex(far),
    }


@pytest.mark.parametrize("name", list(_indexes()))
def test_isovist_without_buildings_in_range(name):  # type: ignore[no-untyped-def]
    index = _indexes()[name]
    result = isovist_ex(index, (0.0, 0.0), RADIUS)
    assert result.polygon.area == pytest.approx(FULL, rel=1e-3)
    assert result.view_deg == {} and len(result.piece_wall) == 0
    sector = isovist(index, (0.0, 0.0), RADIUS, sector=(90.0, 60.0))
    assert sector.area == pytest.approx(FULL / 6, rel=1e-3)
    assert sector.centroid.x > 0  # it looks east
    count_case()


@pytest.mark.parametrize("name", list(_indexes()))
def test_line_of_sight_and_viewshed_without_buildings_in_range(name):  # type: ignore[no-untyped-def]
    index = _indexes()[name]
    los = line_of_sight(index, (0.0, 0.0), 1.6, (200.0, 50.0), 1.6)
    assert los.visible
    shed = viewshed_25d(index, (0.0, 0.0), 20.0, RADIUS)
    assert shed.ground.area == pytest.approx(FULL, rel=1e-3)
    count_case()


@pytest.mark.parametrize("name", list(_indexes()))
def test_coverage_without_buildings_in_range(name):  # type: ignore[no-untyped-def]
    index = _indexes()[name]
    site = Point(0, 0)
    target = target_area(index, site, 100.0)
    assert target.area == pytest.approx(math.pi * 100**2, rel=1e-3)
    view = isovist(index, (50.0, 0.0), RADIUS)
    result = coverage(target, [view], site)
    assert result.share_1 == pytest.approx(1.0, abs=1e-3)
    count_case()


def test_one_building_in_range_still_blocks():  # type: ignore[no-untyped-def]
    """The guard does not switch buildings off: one block in range casts its shadow."""
    index = VisibilityIndex([box(50, -10, 70, 10)])
    result = isovist_ex(index, (0.0, 0.0), RADIUS)
    assert result.polygon.area < FULL * 0.98
    assert set(result.view_deg) == {0}
    assert not result.polygon.contains(Point(100, 0))
    assert np.all(result.piece_wall >= 0)
    count_case()
