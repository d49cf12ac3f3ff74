"""Suggestions come from the real analysis results of the demo scan; the diff finds
exactly what was changed; the checklists are valid data in both languages."""

from __future__ import annotations

import json
import shutil

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from omgevingsscan.analysis.findings import (
    SuggestOptions,
    diff_files,
    diff_scans,
    load_checklist,
    parse_checklist,
    suggest_findings,
)
from omgevingsscan.analysis.findings import workflow as wf
from omgevingsscan.analysis.findings.checklist import SITE_KINDS
from omgevingsscan.cli import main
from omgevingsscan.editing import ObservationEditor
from omgevingsscan.errors import InputFileError
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.findings import CATEGORIES


def test_suggestions_from_the_analyses(analysed_gpkg):
    scan = load_scan(analysed_gpkg)
    found = suggest_findings(scan, SuggestOptions(response_min=0.1))
    by_cat = {s.finding.category for s in found}
    assert {"overlook", "hiding", "escape", "emergency"} <= by_cat
    overlooks = [s for s in found if s.finding.category == "overlook"]
    assert len(overlooks) == 3
    positions = scan.layers.get("overlooks").data
    buildings = positions[positions["kind"] == "building"].sort_values("rank")
    link = overlooks[0].finding.link_list()[0]
    assert link["kind"] == "overlook" and link["layer"] == "overlooks"
    assert link["ref"] == str(buildings.iloc[0]["osm_id"])  # the nearest overlooking building
    assert overlooks[0].finding.geometry.equals(buildings.geometry.iloc[0])
    assert all(s.finding.status == "suggested" for s in found)
    # all walking escape routes share a cut edge in the demo: one chokepoint finding
    escape = [s for s in found if s.finding.category == "escape"]
    assert escape and escape[0].finding.link_list()[0]["kind"] == "chokepoint"
    # a threshold above the route time suggests nothing about the police
    slow = suggest_findings(scan, SuggestOptions(response_min=30))
    assert not any(s.finding.category == "emergency" for s in slow)


def test_accepted_and_rejected_are_not_suggested_again(scan_copy):
    editor = ObservationEditor.open(scan_copy)
    found = suggest_findings(editor.scan)
    wf.accept(editor, found[0])
    wf.accept(editor, found[1], "rejected")
    again = suggest_findings(editor.scan)
    keys = {s.key for s in again}
    assert found[0].key not in keys and found[1].key not in keys
    layer = wf.findings_layer(editor)
    assert [f.number for f in layer.counted()] == [1]
    assert layer.get(found[1].finding.uuid).number == 0
    editor.close()


def test_no_analyses_no_suggestions(demo_scan):
    assert suggest_findings(demo_scan) == []


def _changed_copy(src, tmp_path):
    scan = load_scan(src)
    buildings = scan.layers.get("buildings")
    frame = buildings.data
    inside = frame[frame.geometry.within(scan.study_area.polygon)]
    gone = list(inside["osm_id"].iloc[[3, 40, 120]])
    buildings.data = frame[~frame["osm_id"].isin(gone)]
    poi = scan.layers.get("poi")
    cam = gpd.GeoDataFrame(
        {"osm_id": ["n9999999999"], "name": ["New camera"], "category": ["camera"]},
        geometry=[Point(scan.site.x + 30, scan.site.y - 20)],
        crs=scan.crs,
    )
    poi.data = gpd.GeoDataFrame(pd.concat([poi.data, cam], ignore_index=True), crs=scan.crs)
    return save_scan(scan, tmp_path / "new.gpkg"), sorted(gone)


def test_diff_reports_exactly_the_changes(demo_gpkg, tmp_path):
    new, gone = _changed_copy(demo_gpkg, tmp_path)
    diff, _scan = diff_files(demo_gpkg, new)
    assert diff.counts() == {"building removed": 3, "camera added": 1}
    assert sorted(c.ref for c in diff.of("building", "removed")) == gone
    assert [c.ref for c in diff.of("camera", "added")] == ["n9999999999"]
    assert diff.layer("EPSG:28992").data.shape[0] == 4
    same, _ = diff_files(demo_gpkg, demo_gpkg)
    assert same.changes == []


def test_diff_cli_and_findings_opened(demo_gpkg, tmp_path, capsys):
    new, _gone = _changed_copy(demo_gpkg, tmp_path)
    editor = ObservationEditor.open(new)
    wf.add_finding(editor, Point(editor.scan.site.x, editor.scan.site.y), "Gate open")
    editor.close()
    assert main(["diff", str(demo_gpkg), str(new), "--geojson", str(tmp_path / "d.geojson")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"] == {"building removed": 3, "camera added": 1, "finding opened": 1}
    assert len(json.loads((tmp_path / "d.geojson").read_text())["features"]) == 5
    assert main(["diff", str(demo_gpkg), str(tmp_path / "missing.gpkg")]) == 2


def test_diff_exposure(analysed_gpkg, demo_scan):
    old = load_scan(analysed_gpkg)
    new = load_scan(analysed_gpkg)
    layer = next(lyr for lyr in new.layers if lyr.kind == "exposure")
    frame = layer.data
    frame["geometry"] = frame.geometry.buffer(-2.0)
    layer.data = frame
    diff = diff_scans(old, new)
    assert diff.of("exposure", "lost") and not diff.of("exposure", "gained")
    assert diff.exposure_new_m2 < diff.exposure_old_m2


@pytest.mark.parametrize("kind", SITE_KINDS)
def test_checklists_cover_every_topic_in_both_languages(kind):
    checklist = load_checklist(kind)
    assert set(checklist.by_category()) == set(CATEGORIES) - {"other"}
    for item in checklist.items:
        assert item.label("nl") != item.label("en") and item.label("nl")


def test_own_checklist_wins_and_bad_one_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("OMGEVINGSSCAN_CONFIG_DIR", str(tmp_path))
    (tmp_path / "checklists").mkdir()
    own = {
        "site_kind": "venue",
        "items": [{"id": "x", "category": "lighting", "text": {"en": "Lamps?", "nl": "Lampen?"}}],
    }
    (tmp_path / "checklists" / "venue.json").write_text(json.dumps(own))
    assert [i.id for i in load_checklist("venue").items] == ["x"]
    with pytest.raises(InputFileError, match="category 'sky' unknown"):
        parse_checklist(
            json.dumps(
                {
                    "site_kind": "venue",
                    "items": [{"id": "y", "category": "sky", "text": {"en": "?"}}],
                }
            ),
            "bad.json",
        )
    shutil.rmtree(tmp_path / "checklists")


def test_blind_spots_of_the_coverage_are_suggested(demo_scan):
    from omgevingsscan.analysis.observation import coverage_report, result_layers
    from omgevingsscan.export.snapshot import snapshot_scan
    from omgevingsscan.layers.posts import ObservationPost

    scan = snapshot_scan(demo_scan, [layer.name for layer in demo_scan.layers])
    site = scan.site
    post = ObservationPost(
        geometry=Point(site.x + 5, site.y - 40), name="A", direction_deg=0, fov_deg=90
    )
    report = coverage_report(scan, [post], target_radius_m=100.0)
    for layer in result_layers(report, scan.crs):
        scan.layers.append(layer)
    spots = report.coverage.blind_spots
    big = [b for b in spots if b.area_m2 >= 100.0]
    assert big  # one post cannot see around the town hall
    found = [s for s in suggest_findings(scan) if s.finding.category == "cameras"]
    assert len(found) == len(big)
    assert found[0].finding.geometry.geom_type == "Polygon"
    assert found[0].finding.link_list()[0]["kind"] == "blind_spot"
