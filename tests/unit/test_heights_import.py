"""Measured heights: 3D BAG GeoPackage / CityJSON / CityJSONL and any vector layer,
joined by ref:bag and by footprint overlap; provenance and its effect on sight lines."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest

from omgevingsscan.analysis.visibility import VisibilityIndex
from omgevingsscan.analysis.visibility.terrain import BLOCKED, UNCERTAIN, VISIBLE, sight_line
from omgevingsscan.errors import InputFileError
from omgevingsscan.io.heights import (
    import_3dbag,
    import_height_layer,
    normalise_bag_id,
    stale_results,
)
from omgevingsscan.layers.heights import (
    RULE_MEASURED,
    height_sigma,
    height_summary,
    sources_key,
)
from tests.unit import _heights_fixtures as fx


@pytest.fixture(scope="module")
def case(demo_scan) -> fx.BagCase:  # type: ignore[no-untyped-def]
    return fx.bag_case(demo_scan.frame("buildings"))


@pytest.fixture
def scan(demo_scan):  # type: ignore[no-untyped-def]
    """A private copy of the demo scan (its buildings layer gets replaced)."""
    fresh = copy.copy(demo_scan)
    fresh.meta = {}
    fresh.layers = copy.copy(demo_scan.layers)
    layer = demo_scan.layer("buildings")
    clone = type(layer)(layer.name, layer.data.copy(), style=layer.style)
    fresh.layers[[lyr.name for lyr in demo_scan.layers].index("buildings")] = clone
    return fresh


def test_bag_ids_lose_prefix_and_leading_zeros() -> None:
    assert normalise_bag_id("NL.IMBAG.Pand.0363100012185598") == "363100012185598"
    assert normalise_bag_id("0363100012185598") == "363100012185598"
    assert normalise_bag_id("363100012185598") == "363100012185598"
    assert normalise_bag_id(363100012185598.0) == "363100012185598"
    assert normalise_bag_id("w12345") == ""
    assert normalise_bag_id(None) == ""


def test_fixture_has_a_dozen_buildings_matched_by_ref_bag(case) -> None:  # type: ignore[no-untyped-def]
    assert len(case.by_id) == 12 and len(case.by_overlap) == 3


@pytest.mark.parametrize("writer", ["gpkg", "cityjson", "cityjsonl"])
def test_3dbag_join_counts_and_heights(scan, case, tmp_path: Path, writer: str) -> None:  # type: ignore[no-untyped-def]
    path = {
        "gpkg": lambda: fx.write_gpkg(case, tmp_path / "9-284-556.gpkg"),
        "cityjson": lambda: fx.write_cityjson(case, tmp_path / "9-284-556.city.json"),
        "cityjsonl": lambda: fx.write_cityjsonl(case, tmp_path / "9-284-556.city.jsonl"),
    }[writer]()
    report = import_3dbag(scan, [path])
    assert report.read == 16  # 12 + 3 + 1 far away
    assert (report.by_id, report.by_overlap) == (12, 3)
    b = scan.frame("buildings").set_index("osm_id")
    for osm_id in case.by_id + case.by_overlap:
        row = b.loc[osm_id]
        assert row["height"] == pytest.approx(case.measured[osm_id], abs=0.002)
        assert row["height_max_m"] == pytest.approx(case.measured[osm_id] + 1.2, abs=0.002)
        assert row["ground_m"] == pytest.approx(fx.GROUND_NAP, abs=0.002)
        assert row["height_source"] == RULE_MEASURED
        assert row["height_dataset"] == "3D BAG" and row["height_date"] == str(fx.DATE)
        assert row["height_sigma_m"] == 0.5
    assert set(b.loc[case.by_id, "height_join"]) == {"id"}
    assert set(b.loc[case.by_overlap, "height_join"]) == {"overlap"}
    others = b.drop(index=case.by_id + case.by_overlap)
    assert (others["height_source"] != RULE_MEASURED).all()
    assert scan.meta["height_sources"][0]["by_id"] == 12


def test_overlap_join_respects_the_iou_threshold(scan, case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_3dbag(scan, [fx.write_gpkg(case, tmp_path / "t.gpkg")], min_iou=0.999)
    assert (report.by_id, report.by_overlap) == (12, 0)


def test_any_vector_layer_with_a_chosen_field(scan, case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = case.rows.iloc[:15].copy()
    layer = gpd.GeoDataFrame(
        {
            "hoogte": rows["b3_h_dak_70p"] - rows["b3_h_maaiveld"],
            "lagen": np.arange(1, 16),
            "pand_id": rows["identificatie"],
        },
        geometry=rows.geometry.values,
        crs=rows.crs,
    ).to_crs("EPSG:4326")
    path = tmp_path / "gebouwen.geojson"
    layer.to_file(path, driver="GeoJSON")
    report = import_height_layer(scan, path, "hoogte", id_field="pand_id", dataset="Gemeente")
    assert (report.by_id, report.by_overlap) == (12, 3)
    b = scan.frame("buildings").set_index("osm_id")
    first = case.by_id[0]
    assert b.loc[first, "height"] == pytest.approx(case.measured[first], abs=0.01)
    assert b.loc[first, "height_dataset"] == "Gemeente"
    # Overlap only, storeys: the rule stays "levels" with ±1.5 m a storey.
    report = import_height_layer(scan, path, "lagen", levels=True)
    assert (report.by_id, report.by_overlap) == (0, 15)
    assert b.index[0] is not None
    b = scan.frame("buildings").set_index("osm_id")
    assert b.loc[first, "height_source"] == "levels"
    assert b.loc[first, "height"] == pytest.approx(1 * 3.0 + 0.5)
    assert b.loc[first, "height_sigma_m"] == pytest.approx(1.5)
    with pytest.raises(InputFileError, match="gebouwen.geojson.*no attribute 'hoogtes'"):
        import_height_layer(scan, path, "hoogtes")


def test_bad_files_name_the_file(scan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "tile.city.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputFileError, match="tile.city.json: not valid JSON"):
        import_3dbag(scan, [bad])
    with pytest.raises(InputFileError, match="missing.gpkg: file not found"):
        import_3dbag(scan, [tmp_path / "missing.gpkg"])
    plain = tmp_path / "plain.gpkg"
    gpd.GeoDataFrame({"x": [1]}, geometry=gpd.points_from_xy([0], [0]), crs=28992).to_file(plain)
    with pytest.raises(InputFileError, match="plain.gpkg: no layer with 3D BAG"):
        import_3dbag(scan, [plain])


def test_uncertainty_per_rule() -> None:
    assert height_sigma("measured", 12.0) == 0.5
    assert height_sigma("levels", 12.5, 4) == pytest.approx(6.0)
    assert height_sigma("type default", 14.0) == pytest.approx(7.0)


def test_sight_line_visible_with_the_lower_measured_height(scan, case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Eyes 2 m below the default roof, well above the measured one: blocked with the
    guess, visible with the measurement; uncertain with the guess, certain after."""
    before = VisibilityIndex(scan.frame("buildings"))
    import_3dbag(scan, [fx.write_gpkg(case, tmp_path / "t.gpkg")])
    after = VisibilityIndex(scan.frame("buildings"))
    assert sources_key(scan.frame("buildings")).startswith("3D BAG 2022: 15 measured")
    for osm_id in case.by_id:
        a, b = case.lines[osm_id]
        eye = case.default[osm_id] - 2.0
        guess = sight_line(before, tuple(a), eye, tuple(b), eye)
        assert not guess.line.visible and guess.line.blocker.osm_id == osm_id
        assert guess.verdict == UNCERTAIN  # ±50 % of the default spans the eyes
        measured = sight_line(after, tuple(a), eye, tuple(b), eye)
        assert measured.line.visible and measured.verdict == VISIBLE
        assert measured.height_sources != guess.height_sources
        # Eyes below the measured roof by more than its ±0.5 m: certainly blocked.
        low = case.measured[osm_id] - 1.0
        assert sight_line(after, tuple(a), low, tuple(b), low).verdict == BLOCKED


def test_summary_and_stale_results(scan, case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from omgevingsscan.analysis.visibility.layers import result_layers
    from omgevingsscan.layers.base import LayerList

    index = VisibilityIndex(scan.frame("buildings"))
    a, b = case.lines[case.by_id[0]]
    check = sight_line(index, tuple(a), 3.0, tuple(b), 3.0)
    (layer,) = result_layers(check, scan.crs, index=index)
    assert set(layer.data["height_sources"]) == {"OSM estimates"}
    scan.layers = LayerList([*scan.layers, layer])
    assert stale_results(scan) == []
    import_3dbag(scan, [fx.write_gpkg(case, tmp_path / "t.gpkg")])
    assert stale_results(scan) == [layer.name]
    summary = height_summary(scan.frame("buildings"))
    assert summary.counts[RULE_MEASURED] == 15
    assert summary.measured_share == pytest.approx(15 / len(scan.frame("buildings")))
    from omgevingsscan.export.report.heights import summary_sentence

    text = summary_sentence(summary, 500)
    assert text.startswith("15 of 1,111 buildings within 500 m of the site (1%) have a measured")
    assert "3D BAG 2022" in text
    assert json.dumps(scan.meta["height_sources"])  # saved with the scan as JSON


def test_report_figures_and_text(scan, case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from omgevingsscan.export.report.heights import height_paragraphs
    from omgevingsscan.export.report.i18n import translator
    from omgevingsscan.io.heights.report import height_report

    before = height_report(scan)
    assert before is not None and before.near.counts[RULE_MEASURED] == 0
    assert "No terrain model: the ground is taken as flat." in height_paragraphs(before)
    assert any("Most heights near the site are estimates" in t for t in height_paragraphs(before))
    import_3dbag(scan, [fx.write_gpkg(case, tmp_path / "t.gpkg")])
    after = height_report(scan)
    assert after.study.counts[RULE_MEASURED] == 15
    english = height_paragraphs(after)
    assert english[0].startswith(f"{after.near.counts[RULE_MEASURED]} of ")
    assert "within 150 m of the site" in english[0]
    assert "have a measured height (3D BAG 2022)." in english[0]
    dutch = height_paragraphs(after, translator("nl"), nl=True)
    assert len(dutch) == len(english)
    assert dutch[0].startswith(f"{after.near.counts[RULE_MEASURED]} van ")
    assert "binnen 150 m van de locatie" in dutch[0]
    assert "hebben een gemeten hoogte (3D BAG 2022)." in dutch[0]
    assert f"van {after.study.total:,} gebouwen".replace(",", ".") in dutch[1]
    assert dutch[-1].startswith("Geen hoogtemodel")
    assert not any("measured" in t or "the ground" in t for t in dutch)


def test_pdf_report_states_the_measured_share(scan, case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from omgevingsscan.export.report import ReportOptions
    from omgevingsscan.render.report_maps import export_report

    import_3dbag(scan, [fx.write_gpkg(case, tmp_path / "t.gpkg")])
    pdf, _ = export_report(scan, tmp_path / "report.pdf", ReportOptions(map_dpi=72))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "have a measured height" in " ".join(text.split())
    assert "the ground is taken as flat" in " ".join(text.split())
