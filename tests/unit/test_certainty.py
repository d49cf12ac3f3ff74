"""Viewsheds and exposure at the low and high building heights: uncertain ground, the
range of the exposed area, uncertain overlook positions, and the CLI flags."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
from shapely import affinity
from shapely.geometry import Point, box

from omgevingsscan.analysis.visibility import VisibilityIndex
from omgevingsscan.analysis.visibility.certainty import (
    CERTAIN,
    UNCERTAIN,
    exposure_range,
    viewshed_range,
)
from omgevingsscan.analysis.visibility.layers import result_layers
from omgevingsscan.cli import main
from omgevingsscan.io.project import save_scan
from omgevingsscan.layers.osm import BuildingsLayer
from omgevingsscan.scan import Scan, Site, StudyArea


def _frame(rule_wall: str, crs: str = "EPSG:28992", dx: float = 0.0, dy: float = 0.0):  # type: ignore[no-untyped-def]
    """A 10 m site, a 12 m wall east of it (its rule given), a 3 m shed north, and a
    30 m tower behind the wall, all but the wall with measured heights."""
    polys = [box(0, 0, 20, 20), box(40, -50, 45, 70), box(0, 40, 20, 43), box(80, 0, 90, 20)]
    return gpd.GeoDataFrame(
        {
            "osm_id": ["site", "wall", "shed", "tower"],
            "name": ["", "", "", ""],
            "height": [10.0, 12.0, 3.0, 30.0],
            "height_source": ["measured", rule_wall, "measured", "measured"],
        },
        geometry=[affinity.translate(p, dx, dy) for p in polys],
        crs=crs,
    )


def test_sigmas_follow_the_rules() -> None:
    index = VisibilityIndex(_frame("type default"))
    assert index.sigmas.tolist() == [0.5, 6.0, 0.5, 0.5]


def test_viewshed_uncertain_behind_a_guessed_wall() -> None:
    guessed = viewshed_range(VisibilityIndex(_frame("type default")), (30.0, 10.0), 14.0, 120.0)
    measured = viewshed_range(VisibilityIndex(_frame("measured")), (30.0, 10.0), 14.0, 120.0)
    # Behind the wall (east of x = 45): seen over a 12 m wall from 14 m up, but not
    # over an 18 m one; the guess makes it uncertain, the measurement certain.
    behind = box(46, -40, 79, 60)
    assert guessed.uncertain.intersection(behind).area > 500
    assert measured.uncertain.intersection(behind).area < 0.05 * guessed.uncertain.area
    # Certain ground is nominal ground (up to the 2.5 cm by which footprints are grown).
    assert guessed.certain.difference(guessed.nominal.ground).area < 20.0
    (layer,) = result_layers(guessed, "EPSG:28992")
    assert "uncertain" in set(layer.data["part"])


def test_exposure_range_and_uncertain_positions() -> None:
    """The tower's top floor sees the site's upper façade over the 12 m wall; if the
    wall were 18 m it would not: with a guessed wall that view is uncertain."""
    area = Point(10, 10).buffer(150)
    guessed = exposure_range(VisibilityIndex(_frame("type default")), Point(10, 10), area)
    lo, hi = guessed.area_range_m2
    assert lo < guessed.nominal.ground.area < hi
    pos = guessed.nominal.positions.set_index("osm_id")
    assert pos.loc["tower", "certainty"] == UNCERTAIN and pos.loc["tower", "upper_floors"]
    assert pos.loc["shed", "certainty"] == CERTAIN
    measured = exposure_range(VisibilityIndex(_frame("measured")), Point(10, 10), area)
    lo_m, hi_m = measured.area_range_m2
    assert hi_m - lo_m < 0.5 * (hi - lo)
    assert set(measured.nominal.positions["certainty"]) == {CERTAIN}
    assert "positions are uncertain" in guessed.nominal.notes[-1]
    ground, positions = result_layers(guessed, "EPSG:28992")
    assert "uncertain" in set(ground.data["part"]) and "certainty" in positions.data


def test_cli_certainty_flags(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    site = Site("Test", "townhall", 52.3676842, 4.9002256)
    frame = _frame("type default", site.crs, site.x - 10.0, site.y - 10.0)
    scan = Scan(site=site, study_area=StudyArea((site.x, site.y), 150.0), crs=site.crs)
    scan.layers.append(BuildingsLayer("buildings", frame))
    path = save_scan(scan, tmp_path / "small.gpkg")
    assert main(["exposure", str(path), "--spacing", "1", "--quiet", "--certainty"]) == 0
    data = json.loads(capsys.readouterr().out)
    lo, hi = data["summary"]["ground_range_m2"]
    assert lo < data["summary"]["ground_m2"] < hi
    assert data["summary"]["ground_model"] == "flat (no terrain model)"
    parts = {f["properties"].get("part") for f in data["features"]}
    assert "uncertain" in parts
