"""Issue 10: nothing lost, no traceback, one consistent command line.

Each test here failed before the fix it guards: overwriting a scan, an analysis or an
export without ``--force``; positions 40 km away; GeoJSON printed with ``--save``;
options whose default the help did not give; misleading messages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from omgevingsscan.cli import build_parser, join_negative_values, main
from omgevingsscan.io.project import load_scan, save_scan
from tests.conftest import DEMO_PBF

TOWNHALL = "52.3676842,4.9002256"
#: Inside the bundled extract, about 900 m north-west of the town hall (outside 500 m).
OUTSIDE_STUDY = "52.3733,4.8912"
#: On the Nieuwe Herengracht, about 250 m from the town hall (public ground).
NEAR = "52.36577,4.90208"
#: Zandvoort, about 40 km away: outside the data.
FAR_AWAY = "52.3750,4.5300"


def _sha(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def scan_file(demo_gpkg, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A copy of the demo scan the test may change."""
    return str(shutil.copy(demo_gpkg, tmp_path / "scan.gpkg"))


# -- data loss ---------------------------------------------------------------------------------
def test_new_refuses_existing_scan_then_force_keeps_backup(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _run(capsys, "add-post", scan_file, "--at", TOWNHALL, "--name", "Noord")[0] == 0
    before = _sha(scan_file)
    args = ["new", "--osm", str(DEMO_PBF), "--site", TOWNHALL, "--radius", "100"]
    code, _, err = _run(capsys, *args, "--out", scan_file)
    assert code == 2
    assert err.count("\n") == 1 and "exists" in err and "--force" in err
    assert _sha(scan_file) == before
    code, _, err = _run(capsys, *args, "--out", scan_file, "--force")
    assert code == 0, err
    bak = Path(scan_file + ".bak")
    assert _sha(bak) == before  # the old scan, posts and all, is kept
    assert [p.name for p in load_scan(bak).layers.get("posts")] == ["Noord"]
    assert load_scan(scan_file).study_area.radius_m == 100
    assert not [p for p in Path(scan_file).parent.iterdir() if ".part" in p.name]


def test_new_refuses_a_shapefile_name(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.shp"
    code, _, err = _run(
        capsys, "new", "--osm", str(DEMO_PBF), "--site", TOWNHALL, "--out", str(out)
    )
    assert code == 2 and ".gpkg" in err and not out.exists()


def test_save_failure_leaves_the_old_scan(scan_file, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import omgevingsscan.io.project as project

    scan = load_scan(scan_file)
    before = _sha(scan_file)

    def half_written(scan_: object, tmp: Path) -> None:
        tmp.write_bytes(b"SQLite format 3\x00 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project, "_write_scan", half_written)
    with pytest.raises(OSError):
        save_scan(scan, scan_file)
    assert _sha(scan_file) == before
    assert sorted(p.name for p in Path(scan_file).parent.iterdir()) == ["scan.gpkg"]


def test_save_flushes_before_rename(scan_file, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import omgevingsscan.io.safe_files as safe_files

    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(safe_files.os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(
        safe_files.os, "replace", lambda a, b: events.append("replace") or real_replace(a, b)
    )
    save_scan(load_scan(scan_file), scan_file)
    assert "replace" in events and events.index("fsync") < events.index("replace")


@pytest.mark.parametrize(
    "args",
    [
        ("export", "{scan}", "--kml", "{out}.kml"),
        ("export", "{scan}", "--csv", "{out}.csv"),
        ("export", "{scan}", "--gpkg", "{out}.gpkg"),
        ("report", "{scan}", "--out", "{out}.pdf"),
        ("sightings", "{scan}", "--csv", "{out}.csv"),
        ("sightline", "{scan}", "--from", TOWNHALL, "--to", NEAR, "--out", "{out}.json"),
    ],
)
def test_outputs_are_not_replaced_without_force(scan_file, tmp_path, capsys, args) -> None:  # type: ignore[no-untyped-def]
    out = str(tmp_path / "mine")
    argv = [a.format(scan=scan_file, out=out) for a in args]
    target = Path(argv[argv.index(next(a for a in argv if a.startswith(out)))])
    target.write_bytes(b"the user's own file\n")
    code, _, err = _run(capsys, *argv)
    assert code == 2 and err.count("\n") == 1 and "--force" in err
    assert target.read_bytes() == b"the user's own file\n"
    if args[0] in ("report", "export") and "--gpkg" not in args:
        return  # the forced writes are covered by the export tests
    code, _, err = _run(capsys, *argv, "--force")
    assert code == 0, err
    assert target.read_bytes() != b"the user's own file\n"


def test_merge_out_writes_a_new_scan(scan_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    other = str(shutil.copy(scan_file, tmp_path / "other.gpkg"))
    assert _run(capsys, "add-sighting", other, "--at", TOWNHALL, "--repeat", "3")[0] == 0
    before = _sha(scan_file)
    merged = tmp_path / "merged.gpkg"
    code, out, err = _run(capsys, "merge", scan_file, other, "--out", str(merged))
    assert code == 0, err
    assert json.loads(out)["added"] == 3
    assert _sha(scan_file) == before
    assert len(load_scan(merged).layers.get("sightings")) == 3
    code, _, err = _run(capsys, "merge", scan_file, other, "--out", str(merged))
    assert code == 2 and "--force" in err


# -- one rule for positions --------------------------------------------------------------------
def test_far_away_post_is_refused(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _sha(scan_file)
    code, _, err = _run(capsys, "add-post", scan_file, "--at", FAR_AWAY)
    assert code == 2 and "outside the data" in err and err.count("\n") == 1
    assert _sha(scan_file) == before


@pytest.mark.parametrize(
    "command",
    [
        ["sightline", "--from", FAR_AWAY, "--to", TOWNHALL],
        ["viewshed", "--at", FAR_AWAY],
        ["route", "--from", TOWNHALL, "--to", FAR_AWAY],
        ["escape", "--to", FAR_AWAY],
        ["emergency", "--service", f"police={FAR_AWAY}"],
        ["add-sighting", "--at", FAR_AWAY],
    ],
)
def test_outside_the_data_is_an_error_everywhere(demo_gpkg, capsys, command) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, command[0], str(demo_gpkg), *command[1:])
    assert code == 2 and "outside the data" in err and out == ""


def test_outside_the_study_area_is_a_warning(demo_gpkg, scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(
        capsys, "viewshed", str(demo_gpkg), "--at", OUTSIDE_STUDY, "--format", "summary"
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["warnings"] and "outside the 500 m study area" in summary["warnings"][0]
    assert "warning" in err
    code, out, err = _run(capsys, "add-post", scan_file, "--at", OUTSIDE_STUDY)
    assert code == 0 and "outside the 500 m study area" in err


@pytest.mark.parametrize("where", ["rd:121833,486756", "Amstel 1", "52.3677, 4.9002"])
def test_every_command_takes_every_site_form(demo_gpkg, scan_file, capsys, where) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(
        capsys, "sightline", str(demo_gpkg), "--from", f"{where}@10", "--to", NEAR
    )
    assert code == 0, err
    assert json.loads(out)["summary"]["from_height_m"] == 10
    code, out, err = _run(
        capsys, "route", str(demo_gpkg), "--from", where, "--to", NEAR, "--format",
        "summary",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["from"]["lat"] == pytest.approx(52.3677, abs=5e-4)
    assert _run(capsys, "add-post", scan_file, "--at", where)[0] == 0


# -- --format and --save -----------------------------------------------------------------------
def test_save_prints_the_summary_not_the_geojson(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "viewshed", scan_file, "--at", NEAR, "--radius", "200", "--save")
    assert code == 0, err
    data = json.loads(out)
    assert "features" not in data and data["ground_m2"] > 0
    assert len(out) < 5000
    assert "viewshed" in load_scan(scan_file).layers.names()


@pytest.mark.parametrize("command", ["sightline", "viewshed", "isochrones", "chokepoints"])
def test_every_analysis_has_format_summary(demo_gpkg, capsys, command) -> None:  # type: ignore[no-untyped-def]
    extra = {
        "sightline": ["--from", TOWNHALL, "--to", NEAR],
        "viewshed": ["--at", NEAR, "--radius", "150"],
        "isochrones": ["--minutes", "1"],
        "chokepoints": [],
    }[command]
    code, out, err = _run(capsys, command, str(demo_gpkg), *extra, "--format", "summary")
    assert code == 0, err
    data = json.loads(out)
    assert "features" not in data and "warnings" in data


def test_analysis_out_refuses_a_shapefile_name(demo_gpkg, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.shp"
    code, _, err = _run(capsys, "viewshed", str(demo_gpkg), "--at", TOWNHALL, "--out", str(out))
    assert code == 2 and ".geojson" in err and not out.exists()


# -- help, usage, version ----------------------------------------------------------------------
def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("omgevingsscan 0.")


def test_unknown_option_prints_the_subcommands_usage(demo_gpkg, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        main(["viewshed", str(demo_gpkg), "--at", TOWNHALL, "--bogus"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: omgevingsscan viewshed") and "--bogus" in err


def test_every_option_gives_its_default_in_help() -> None:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    missing = []
    for name, p in sub.choices.items():
        for action in p._actions:
            if not action.option_strings or action.required or action.nargs == 0:
                continue
            if isinstance(action, argparse._HelpAction):
                continue
            helped = p.formatter_class(prog="x")._get_help_string(action) or ""
            if "default" not in helped.lower():
                missing.append(f"{name} {action.option_strings[0]}")
    assert not missing, f"options without their default in --help: {missing}"


# -- messages ----------------------------------------------------------------------------------
def test_sighting_for_an_unknown_post_lists_the_posts(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _run(capsys, "add-post", scan_file, "--at", TOWNHALL, "--name", "Noord")[0] == 0
    assert _run(capsys, "add-post", scan_file, "--at", NEAR, "--name", "West")[0] == 0
    code, _, err = _run(capsys, "add-sighting", scan_file, "--post", "Oost")
    assert code == 2
    assert "post 'Oost' does not exist" in err and "Noord, West" in err


@pytest.mark.parametrize("args", [["--height", "-2"], ["--at", f"{TOWNHALL}@-2"]])
def test_negative_height_says_so(scan_file, capsys, args) -> None:  # type: ignore[no-untyped-def]
    argv = ["add-post", scan_file, *args]
    if "--at" not in args:
        argv += ["--at", TOWNHALL]
    code, _, err = _run(capsys, *argv)
    assert code == 2 and "height" in err and "negative" in err


def test_negative_minutes_are_one_argument_and_rejected(demo_gpkg, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "isochrones", str(demo_gpkg), "--minutes", "-1,3")
    assert code == 2 and out == ""
    assert "-1 is not a positive number of minutes" in err and "usage" not in err


def test_negative_values_stay_with_their_option() -> None:
    assert join_negative_values(["x", "--at", "-33.9,18.4@2", "--minutes", "-1,3"]) == [
        "x",
        "--at=-33.9,18.4@2",
        "--minutes=-1,3",
    ]
    assert join_negative_values(["--save", "--name", "a"]) == ["--save", "--name", "a"]


# -- layer names -------------------------------------------------------------------------------
def test_older_scan_names_open_under_the_rule(scan_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from omgevingsscan.analysis.visibility import index_for, line_of_sight
    from omgevingsscan.analysis.visibility.layers import put_result

    scan = load_scan(scan_file)
    cx, cy = scan.study_area.centre
    result = line_of_sight(index_for(scan), (cx + 50, cy + 80), 1.6, (cx - 120, cy + 60), 1.6)
    put_result(scan.layers, result, scan.crs, name="Sight line")  # as older versions named it
    old = save_scan(scan, tmp_path / "old.gpkg")
    back = load_scan(old)
    assert "sightline" in back.layers.names() and "Sight line" not in back.layers.names()
    for i, given in enumerate(("sightline", "Sight line", "SIGHT LINE")):
        out = tmp_path / f"{i}.kml"
        code, _, err = _run(capsys, "export", str(old), "--kml", str(out), "--layers", given)
        assert code == 0, err
    code, _, err = _run(
        capsys, "export", str(old), "--kml", str(tmp_path / "n.kml"), "--layers", "x"
    )
    assert code == 2 and "sightline (Sight line)" in err


def test_saved_results_use_snake_case_tables(scan_file, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(
        capsys, "sightline", scan_file, "--from", TOWNHALL, "--to", NEAR, "--save",
        "--name", "Zicht Oost",
    )  # fmt: skip
    assert code == 0, err
    names = load_scan(scan_file).layers.names()
    assert "zicht_oost" in names
    assert all(n == n.lower() and " " not in n for n in names)
