"""Posts, sightings and annotations: validation, filters, time colours, undo and redo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from shapely.geometry import LineString, Point, Polygon

from omgevingsscan.editing import ObservationEditor, plan_merge
from omgevingsscan.layers.annotations import Annotation, AnnotationsLayer, measure
from omgevingsscan.layers.posts import ObservationPost, PostsLayer, view_cone
from omgevingsscan.layers.records import format_local, parse_time, utc_now
from omgevingsscan.layers.sightings import (
    Sighting,
    SightingFilter,
    SightingsLayer,
    last_hours,
    normalise_plate,
    sort_sightings,
    time_colours,
)
from omgevingsscan.undo import Command, CommandStack
from tests.unit._observation_scene import at, small_scan

P = Point(121000.0, 487000.0)


# -- validation -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"range_m": -1}, "range must be at least 0"),
        ({"fov_deg": 0}, "field of view must be more than 0"),
        ({"fov_deg": 361}, "field of view must be at most 360"),
        ({"name": "  "}, "post name cannot be empty"),
        ({"type": "tower"}, "post type 'tower' unknown"),
        ({"height_kind": "roof"}, "height kind 'roof' unknown"),
        ({"height_m": -2}, "height must be at least 0"),
        ({"direction_deg": float("nan")}, "viewing direction must be a finite number"),
        ({"active_from": datetime(2024, 5, 1, 8)}, "no time zone"),
        (
            {
                "active_from": datetime(2024, 5, 2, tzinfo=UTC),
                "active_to": datetime(2024, 5, 1, tzinfo=UTC),
            },
            "before active from",
        ),
        ({"geometry": LineString([(0, 0), (1, 1)])}, "position must be a Point"),
        ({"geometry": Point()}, "position is empty"),
        ({"uuid": "not-a-uuid"}, "is not a UUID"),
    ],
)
def test_post_validation(changes: dict, message: str) -> None:
    kwargs = {"geometry": P, "name": "Post A", **changes}
    with pytest.raises(ValueError, match=message):
        ObservationPost(**kwargs)


def test_post_defaults_and_normalisation() -> None:
    post = ObservationPost(geometry=P, name=" Post A ", direction_deg=-90, fov_deg=360)
    assert post.name == "Post A"
    assert post.direction_deg == 270.0
    assert post.sector is None
    assert post.height_m == 1.6 and post.height_kind == "ground"
    narrow = post.evolve(fov_deg=60, direction_deg=90)
    assert narrow.sector == (90.0, 60.0)
    assert narrow.uuid == post.uuid
    with pytest.raises(ValueError, match="uuid of a record cannot change"):
        post.evolve(uuid="6c4c5b1e-8c1e-4a0e-9a3a-000000000000")
    with pytest.raises(ValueError, match="has no attribute colour"):
        post.evolve(colour="red")


def test_view_cone_points_along_the_compass() -> None:
    cone = view_cone(P, 50, 90, 60)  # east
    c = cone.centroid
    assert c.x > P.x + 20 and abs(c.y - P.y) < 1
    assert view_cone(P, 0, 0, 90).is_empty
    full = view_cone(P, 10, 0, 360)
    assert full.area == pytest.approx(314.16, rel=0.01)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"severity": 0}, "severity must be a whole number from 1 to 5"),
        ({"severity": 6}, "severity must be a whole number from 1 to 5"),
        ({"severity": 2.5}, "severity must be a whole number"),
        ({"severity": True}, "not a whole number"),
        ({"category": "bicycle"}, "category 'bicycle' unknown"),
        ({"time": utc_now() + timedelta(hours=25)}, "more than 24 h in the future"),
        ({"time": datetime(1999, 12, 31, tzinfo=UTC)}, "before 2000"),
        ({"time": "2024-05-01T14:30:00"}, "no time zone"),
        ({"time": "yesterday"}, "not an ISO 8601 time"),
        ({"plate": "AB#123"}, "only letters, digits"),
        ({"plate": "A" * 16}, "too long"),
        ({"description": "x" * 5001}, "at most 5000 allowed"),
    ],
)
def test_sighting_validation(changes: dict, message: str) -> None:
    kwargs = {"geometry": P, **changes}
    with pytest.raises(ValueError, match=message):
        Sighting(**kwargs)


def test_sighting_time_is_utc_and_shown_local() -> None:
    s = Sighting(geometry=P, time="2024-07-01T14:30:15.123456+02:00", severity=3.0)
    assert s.time == datetime(2024, 7, 1, 12, 30, 15, 123000, tzinfo=UTC)
    assert s.time.tzinfo is UTC
    assert s.severity == 3 and isinstance(s.severity, int)
    assert format_local(s.time, ZoneInfo("Europe/Amsterdam")) == "2024-07-01T14:30:15+02:00"
    winter = Sighting(
        geometry=P, time=datetime(2024, 1, 5, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    )
    assert format_local(winter.time, ZoneInfo("Europe/Amsterdam")) == "2024-01-05T15:00:00+01:00"
    # a little ahead (clock skew) is fine
    Sighting(geometry=P, time=utc_now() + timedelta(hours=23))


@pytest.mark.parametrize(
    ("raw", "plate"),
    [
        ("ab 123 c", "AB-123-C"),
        ("AB-123-C", "AB-123-C"),
        ("ab.123.c", "AB-123-C"),
        ("  xx-99--zz ", "XX-99-ZZ"),
        ("ab123c", "AB123C"),
        ("", ""),
        (None, ""),
    ],
)
def test_plate_normalised(raw: str | None, plate: str) -> None:
    assert normalise_plate(raw) == plate


def test_annotation_validation() -> None:
    square = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    zone = Annotation.zone(square, "no_parking", style={"stroke": "#112233", "fill_opacity": 0.3})
    assert zone.zone_kind == "no_parking"
    assert Annotation.zone(square, "").zone_kind == "other"
    assert measure(zone.geometry) == {"length_m": 40.0, "area_m2": 100.0}
    assert measure(LineString([(0, 0), (3, 4)]))["length_m"] == 5.0
    with pytest.raises(ValueError, match="zone kind 'parking' unknown"):
        Annotation.zone(square, "parking")
    with pytest.raises(ValueError, match="must be a Polygon"):
        Annotation(geometry=P, kind="zone", zone_kind="cordon")
    with pytest.raises(ValueError, match="text cannot be empty"):
        Annotation.label(P, "")
    with pytest.raises(ValueError, match="an arrow needs two different points"):
        Annotation.arrow(LineString([(0, 0), (0, 0)]))
    with pytest.raises(ValueError, match="is not a colour"):
        Annotation.label(P, "Hek", style={"text_colour": "red"})
    with pytest.raises(ValueError, match="style key 'glow' unknown"):
        Annotation.label(P, "Hek", style={"glow": 1})
    with pytest.raises(ValueError, match="a label has no zone kind"):
        Annotation(geometry=P, kind="label", text="x", zone_kind="cordon")
    with pytest.raises(ValueError, match="crosses itself"):
        Annotation.zone(Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]), "cordon")
    layer = AnnotationsLayer("annotations")
    assert zone.effective_style(layer.style)["stroke"] == "#112233"
    assert zone.effective_style(layer.style)["dash"] == [4, 3]


def test_layer_rejects_wrong_record_and_duplicates() -> None:
    layer = SightingsLayer("sightings")
    s = Sighting(geometry=P)
    layer.insert(s)
    with pytest.raises(ValueError, match="already has a record"):
        layer.insert(s)
    with pytest.raises(ValueError, match="holds Sighting records, not ObservationPost"):
        layer.insert(ObservationPost(geometry=P, name="A"))
    with pytest.raises(KeyError, match="has no record"):
        layer.get("00000000-0000-4000-8000-000000000000")
    frame = layer.data
    assert list(frame.columns[:3]) == ["uuid", "time", "category"]
    assert str(frame["time"].dtype).startswith("datetime64[") and str(frame["time"].dt.tz) == "UTC"
    assert PostsLayer("posts").data.empty


# -- filters and time colours ---------------------------------------------------------------
def _log() -> list[Sighting]:
    base = datetime(2024, 5, 1, 12, tzinfo=UTC)
    return [
        Sighting(geometry=P, time=base, category="person", observer="Ann", description="man with camera"),
        Sighting(geometry=P, time=base + timedelta(hours=2), category="vehicle", plate="ab-12-cd", colour="black", observer="Bob", severity=4),
        Sighting(geometry=P, time=base + timedelta(hours=5), category="drone", observer="ann", severity=5),
        Sighting(geometry=P, time=base + timedelta(hours=9), category="vehicle", plate="XY-99-Z", observer="Cor", severity=2),
    ]  # fmt: skip


def test_filters_and_sorting() -> None:
    log = _log()
    base = log[0].time
    assert len(SightingFilter(since=base + timedelta(hours=1)).apply(log)) == 3
    assert len(SightingFilter(until=base + timedelta(hours=2)).apply(log)) == 2
    assert [s.category for s in SightingFilter(categories=("vehicle",)).apply(log)] == [
        "vehicle"
    ] * 2
    assert len(SightingFilter(observers=("ANN",)).apply(log)) == 2
    assert SightingFilter(text="ab12cd").apply(log) == [log[1]]
    assert SightingFilter(text="BLACK vehicle").apply(log) == [log[1]]
    assert len(SightingFilter(min_severity=4).apply(log)) == 2
    assert [s.severity for s in sort_sightings(log, "severity", descending=True)] == [5, 4, 2, 1]
    assert last_hours(log, 3.5, now=log[-1].time) == [log[3]]
    assert last_hours(log, 24, now=log[-1].time) == log
    with pytest.raises(ValueError, match="cannot sort on"):
        sort_sightings(log, "colourfulness")
    layer = SightingsLayer("sightings", log)
    assert layer.observers() == ["Ann", "ann", "Bob", "Cor"]
    layer.set_last_hours(5)
    assert layer.visible_records(now=log[-1].time) == [log[2], log[3]]
    layer.set_last_hours(None)
    assert len(layer.visible_records(now=log[-1].time)) == 4


def test_time_colours_follow_the_ramp() -> None:
    log = _log()
    times = [s.time for s in log]
    colours = time_colours(times, ["#000000", "#ffffff"], window_hours=9)
    assert colours[-1] == "#ffffff"  # newest
    assert colours[0] == "#000000"  # 9 h old: the oldest colour
    assert colours[2] == "#8e8e8e"  # 4 h old of 9: 5/9 of the way
    layer = SightingsLayer("sightings", log)
    assert len(layer.colours(log, now=log[-1].time)) == 4
    assert "time_colour" in layer.style


# -- undo stack -------------------------------------------------------------------------------
def test_command_stack_basics() -> None:
    box: list[int] = []
    stack = CommandStack(limit=3)
    seen: list[int] = []
    stack.events.index_changed.connect(seen.append)
    for i in range(4):
        stack.push(Command(lambda i=i: box.append(i), box.pop, f"add {i}"))
    assert box == [0, 1, 2, 3] and stack.count == 3 and stack.index == 3
    assert stack.undo_text == "add 3" and not stack.can_redo
    assert stack.undo() and stack.undo() and stack.undo()
    assert box == [0] and not stack.can_undo and not stack.undo()
    assert stack.redo_text == "add 1"
    stack.redo()
    stack.push(Command(lambda: box.append(9), box.pop, "add 9"))
    assert box == [0, 1, 9] and not stack.can_redo
    assert seen[-1] == 2
    assert stack.clean_index is None  # the saved state was dropped off the bottom
    stack.set_clean()
    assert stack.is_clean
    stack.undo()
    assert not stack.is_clean


def test_macro_is_one_step_and_rolls_back_on_error() -> None:
    box: list[int] = []
    stack = CommandStack()
    with stack.macro("two"):
        stack.push(Command(lambda: box.append(1), box.pop, "a"))
        stack.push(Command(lambda: box.append(2), box.pop, "b"))
    assert stack.count == 1 and box == [1, 2]
    stack.undo()
    assert box == []
    stack.redo()
    assert box == [1, 2]
    with pytest.raises(RuntimeError), stack.macro("fails"):
        stack.push(Command(lambda: box.append(3), box.pop, "c"))
        raise RuntimeError("boom")
    assert box == [1, 2] and stack.count == 1


def _snapshot(editor: ObservationEditor) -> tuple:
    return tuple(tuple(editor.layer(k).records()) for k in ("posts", "sightings", "annotations"))


def test_undo_redo_restore_the_exact_state() -> None:
    scan = small_scan()
    ed = ObservationEditor(scan)
    states = [_snapshot(ed)]

    def step(fn):  # type: ignore[no-untyped-def]
        fn()
        states.append(_snapshot(ed))

    post = ObservationPost(geometry=at(scan, 0, -20), name="A", direction_deg=180, fov_deg=90)
    step(lambda: ed.add(ed.posts, post))
    step(lambda: ed.place_post(at(scan, 20, 20), observer="Team 2"))
    step(lambda: ed.move(ed.posts, post.uuid, at(scan, 2, -22)))
    step(lambda: ed.update(ed.posts, post.uuid, range_m=40, notes="by the bridge"))
    sightings = []
    for i in range(3):
        step(
            lambda i=i: sightings.append(
                ed.add_sighting(post="a", category="person", description=f"p{i}")
            )
        )
    step(lambda: ed.update(ed.sightings, sightings[1].uuid, severity=4, plate="ab 1 c"))
    step(lambda: ed.delete(ed.sightings, sightings[0].uuid))
    step(lambda: ed.add_annotation(Annotation.label(at(scan, 5, 5), "Ingang")))
    step(lambda: ed.delete_many(ed.sightings, [sightings[1].uuid, sightings[2].uuid]))
    step(lambda: ed.delete(ed.posts, post.uuid))
    assert sightings[0].post == "A" and sightings[0].geometry.equals(at(scan, 2, -22))
    # undo everything, checking each intermediate state
    for expected in reversed(states[:-1]):
        assert ed.undo()
        assert _snapshot(ed) == expected
    assert not ed.undo()
    for expected in states[1:]:
        assert ed.redo()
        assert _snapshot(ed) == expected
    # a deleted record comes back in its own row
    ed.undo()
    assert ed.posts.uuids()[0] == post.uuid


def test_failed_edit_changes_nothing() -> None:
    ed = ObservationEditor(small_scan())
    s = ed.add_sighting(at(ed.scan, 0, -15))
    before = _snapshot(ed)
    with pytest.raises(ValueError, match="severity"):
        ed.update(ed.sightings, s.uuid, severity=9)
    with pytest.raises(ValueError, match="needs a position"):
        ed.add_sighting(post="nowhere")
    ed.place_post(at(ed.scan, 0, -20), "A")
    with pytest.raises(ValueError, match="already exists"):
        ed.place_post(at(ed.scan, 0, -25), "a")
    ed.undo()
    assert _snapshot(ed) == before
    assert ed.stack.index == 1


def test_plan_merge_counts_duplicates_inside_the_incoming_set() -> None:
    a = Sighting(geometry=P, description="one")
    b = Sighting(geometry=P, description="two")
    changed = b.evolve(description="TWO")
    to_add, result = plan_merge([a], [a, b, b, changed], source="x", kind="sightings")
    assert to_add == [b]
    assert (len(result.added), len(result.already), len(result.conflicts)) == (1, 2, 1)
    assert result.conflicts[0].fields == ["description"]
    assert "1 added, 2 already there, 1 conflicts" in result.summary()


def test_parse_time_accepts_z_and_timestamps() -> None:
    import pandas as pd

    assert parse_time("2024-05-01T10:00:00Z") == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert parse_time(pd.Timestamp("2024-05-01T10:00:00", tz="UTC")).tzinfo is UTC
    with pytest.raises(ValueError, match="missing"):
        parse_time(pd.NaT)
