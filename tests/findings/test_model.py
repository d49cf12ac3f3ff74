"""Findings, measures and photos: validation, risk, and that they survive save, reopen,
recovery and merge like posts and sightings."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Point, Polygon

from omgevingsscan.analysis.findings import workflow as wf
from omgevingsscan.editing import ObservationEditor
from omgevingsscan.io.journal import Edit
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.findings import (
    Finding,
    FindingPhoto,
    FindingsLayer,
    Measure,
    overall_risk,
    risk_level,
)
from tests.findings.conftest import jpeg


@pytest.mark.parametrize(
    ("likelihood", "impact", "level"),
    [
        (1, 1, "low"),
        (2, 2, "low"),
        (1, 5, "medium"),
        (3, 3, "medium"),
        (2, 5, "high"),
        (4, 4, "high"),
        (4, 5, "critical"),
        (5, 5, "critical"),
    ],
)
def test_risk_levels(likelihood, impact, level):
    assert risk_level(likelihood, impact) == level


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("likelihood", 6, "at most 5"),
        ("impact", 2.5, "whole number"),
        ("category", "weather", "category"),
        ("status", "maybe", "finding status"),
        ("title", " ", "cannot be empty"),
        ("links", [{"kind": "rumour"}], "link kind"),
    ],
)
def test_bad_values_are_refused(field, value, message):
    attrs = {"title": "Dark alley", field: value}
    with pytest.raises(ValueError, match=message):
        Finding(geometry=Point(0, 0), **attrs)


def test_geometries_and_overall_risk():
    zone = Finding(geometry=Polygon([(0, 0), (5, 0), (5, 5)]), title="z", likelihood=5, impact=5)
    line = Finding(geometry=LineString([(0, 0), (5, 5)]), title="l", status="resolved")
    low = Finding(geometry=Point(1, 1), title="p", likelihood=1, impact=2)
    suggested = Finding(geometry=Point(1, 1), title="s", likelihood=5, impact=5, status="suggested")
    assert overall_risk([low, line]) == "low"  # resolved ones do not count
    assert overall_risk([low, zone, suggested]) == "critical"
    assert overall_risk([suggested]) is None
    with pytest.raises(ValueError, match="JPEG or PNG"):
        FindingPhoto(geometry=Point(0, 0), finding=zone.uuid, data=b"GIF89a....")


def _fill(editor: ObservationEditor) -> tuple[Finding, Measure, FindingPhoto]:
    site = editor.scan.site
    f = wf.add_finding(
        editor,
        Point(site.x + 12, site.y),
        "Overlooking office",
        category="overlook",
        likelihood=4,
        impact=5,
        status="accepted",
        links=[{"kind": "overlook", "layer": "Overlook positions", "ref": "w1", "label": "rank 1"}],
    )
    m = wf.add_measure(editor, [f], "Frosted glass", type="other", responsible="municipality")
    layer = editor.layer("finding_photos")
    photo = FindingPhoto(
        geometry=Point(site.x, site.y), finding=f.uuid, data=jpeg(), filename="a.jpg"
    )
    editor.add(layer, photo)
    return f, m, photo


def test_findings_measures_photos_survive_save_and_reopen(scan_copy, tmp_path):
    editor = ObservationEditor.open(scan_copy)
    f, m, photo = _fill(editor)
    editor.close()
    # written as made: reopening the file (no Save) shows them
    again = ObservationEditor.open(scan_copy)
    got = again.layer("findings").get(f.uuid)
    assert got == f and got.risk == "critical" and got.link_list()[0]["ref"] == "w1"
    assert again.layer("measures").get(m.uuid).finding_uuids() == [f.uuid]
    stored = again.layer("finding_photos").get(photo.uuid)
    assert stored.data == photo.data and stored.mime == "image/jpeg"
    # a full save to another file keeps them too
    out = again.save(tmp_path / "saved.gpkg")
    again.close()
    scan = load_scan(out)
    assert scan.layers.get("finding_photos").get(photo.uuid).data == photo.data
    assert isinstance(scan.layers.get("findings"), FindingsLayer)
    assert "data" not in scan.layers.get("finding_photos").data.columns


def test_undo_removes_finding_from_file(scan_copy):
    editor = ObservationEditor.open(scan_copy)
    f, _m, _p = _fill(editor)
    while editor.undo():
        pass
    editor.close()
    assert f.uuid not in ObservationEditor.open(scan_copy).layer("findings")


def test_photo_survives_the_recovery_file(scan_copy):
    editor = ObservationEditor.open(scan_copy)
    _f, _m, photo = _fill(editor)
    layer = editor.layer("finding_photos")
    edit = Edit.upsert(layer, photo, editor.scan.crs)
    back = Edit.from_json(edit.to_json(scan_copy)).record()
    editor.close()
    assert back == photo


def test_merge_by_uuid(scan_copy, tmp_path):
    editor = ObservationEditor.open(scan_copy)
    f, m, photo = _fill(editor)
    editor.close()
    other_path = save_scan(load_scan(scan_copy), tmp_path / "other.gpkg")
    other = ObservationEditor.open(other_path)
    changed = f.evolve(status="resolved")
    other.layer("findings").replace(changed)
    new = Finding(geometry=Point(editor.scan.site.x, editor.scan.site.y), title="New", number=2)
    other.close()
    mine = ObservationEditor.open(scan_copy)
    result = mine.merge("findings", [changed, new], source="other.gpkg")
    assert result.added == [new.uuid]
    assert [c.uuid for c in result.conflicts] == [f.uuid]
    assert result.conflicts[0].fields == ["status"]
    assert mine.merge("measures", [m], source="other.gpkg").already == [m.uuid]
    assert mine.merge("finding_photos", [photo], source="other.gpkg").already == [photo.uuid]
    mine.close()
    assert new.uuid in ObservationEditor.open(scan_copy).layer("findings")
