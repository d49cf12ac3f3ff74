"""Data exports: GeoJSON (RFC 7946), KML (fastkml), GPX (gpxpy), sightings CSV, .gpkg copy."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterable
from typing import Any, ClassVar

import geopandas as gpd
import gpxpy
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString, Point, shape

from omgevingsscan.errors import ExportError
from omgevingsscan.export import data
from omgevingsscan.export.snapshot import snapshot_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)
    from fastkml import kml


# -- analysis layers as the analysis modules make them (kinds only; not registered) ---------
class _Sightlines(VectorLayer):
    kind: ClassVar[str] = "sightlines"
    title: ClassVar[str] = "Sightlines"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {
        "stroke": "#d62828",
        "stroke_width": 2.0,
        "width_units": "px",
        "column": "visible",
        "categories": {"True": {"stroke": "#d62828"}, "False": {"stroke": "#2a9d8f"}},
    }


class _Routes(VectorLayer):
    kind: ClassVar[str] = "routes"
    title: ClassVar[str] = "Routes"
    geometry_kind: ClassVar[str] = "line"
    default_style: ClassVar[dict[str, Any]] = {"stroke": "#3a0ca3", "stroke_width": 3.0}


class _Sightings(VectorLayer):
    kind: ClassVar[str] = "sightings"
    title: ClassVar[str] = "Sightings"
    geometry_kind: ClassVar[str] = "point"
    default_style: ClassVar[dict[str, Any]] = {"fill": "#ff006e", "marker": "circle"}


SIGHTING_TEXTS = ["Grey van, parked", '=HYPERLINK("http://x")', 'Man "with" camera\nleft']


def analysis_scan(base: Scan, kinds: Iterable[str] = ("sightlines", "routes", "sightings")) -> Scan:
    """A copy of ``base`` with small analysis layers of the given kinds added."""
    scan = snapshot_scan(base, [layer.name for layer in base.layers], keep_visibility=True)
    sx, sy = scan.site.x, scan.site.y
    crs = scan.crs
    kinds = set(kinds)
    if "sightlines" in kinds:
        lines = [LineString([(sx + dx, sy + dy), (sx, sy)]) for dx, dy in [(120, 40), (-80, 150)]]
        frame = gpd.GeoDataFrame(
            {"name": ["A", "B"], "visible": [True, False]}, geometry=lines, crs=crs
        )
        scan.layers.append(_Sightlines("sightlines", frame))
    if "routes" in kinds:
        routes = [
            LineString([(sx, sy), (sx + 100.123, sy + 20.456), (sx + 320, sy + 160)]),
            LineString([(sx, sy), (sx - 150, sy - 90), (sx - 260, sy - 300.5)]),
        ]
        frame = gpd.GeoDataFrame(
            {
                "route": ["To the car park", "Escape south"],
                "mode": ["walk", "drive"],
                "time_s": [272.0, 95.5],
            },
            geometry=routes,
            crs=crs,
        )
        scan.layers.append(_Routes("escape_routes", frame))
    if "sightings" in kinds:
        times = pd.to_datetime(
            ["2026-05-01T10:15:00Z", "2026-05-01T09:02:00Z", "2026-05-01T11:40:00Z"], utc=True
        )
        frame = gpd.GeoDataFrame(
            {
                "time": times,
                "category": ["vehicle", "person", "person"],
                "description": SIGHTING_TEXTS,
                "severity": [2, 1, 3],
            },
            geometry=[Point(sx + 50, sy + 60), Point(sx - 90, sy + 10), Point(sx + 20, sy - 70)],
            crs=crs,
        )
        scan.layers.append(_Sightings("sightings", frame))
    return scan


# -- GeoJSON --------------------------------------------------------------------------------
def _positions(geometry: dict[str, Any]) -> list[list[float]]:
    kind, coords = geometry["type"], geometry.get("coordinates")
    if kind == "Point":
        return [coords]
    if kind in ("LineString", "MultiPoint"):
        return coords
    if kind in ("Polygon", "MultiLineString"):
        return [p for part in coords for p in part]
    if kind == "MultiPolygon":
        return [p for poly in coords for ring in poly for p in ring]
    if kind == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in _positions(g)]
    raise AssertionError(f"not an RFC 7946 geometry type: {kind}")


def _check_rings(geometry: dict[str, Any]) -> None:
    polygons = {
        "Polygon": [geometry.get("coordinates")],
        "MultiPolygon": geometry.get("coordinates"),
    }
    for rings in polygons.get(geometry["type"], []):
        for i, ring in enumerate(rings):
            assert len(ring) >= 4 and ring[0] == ring[-1], "a linear ring is closed, 4+ positions"
            ccw = shapely.LinearRing(ring).is_ccw
            assert ccw == (i == 0), "right-hand rule: exterior counterclockwise, holes clockwise"


def assert_rfc7946(doc: dict[str, Any]) -> None:
    """Validate a FeatureCollection against RFC 7946 (structure, WGS84, winding)."""
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc, "RFC 7946 removed the crs member"
    assert isinstance(doc["features"], list)
    if "bbox" in doc:
        w, s, e, n = doc["bbox"]
        assert -180 <= w <= e <= 180 and -90 <= s <= n <= 90
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict | None)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        for position in _positions(geometry):
            assert len(position) in (2, 3)
            lon, lat = position[0], position[1]
            # WGS84 longitude first: Amsterdam is at 4.9° E, 52.4° N.
            assert 4.0 < lon < 6.0 and 52.0 < lat < 53.0, position
        _check_rings(geometry)


def test_geojson_is_rfc7946_and_round_trips_to_the_centimetre(demo_scan, tmp_path):
    names = ["buildings", "roads", "poi", "water", "study_area", "site"]
    written = data.write_geojson(demo_scan, tmp_path / "gj", names)
    assert sorted(p.name for p in written) == sorted(f"{n}.geojson" for n in names)
    for path in written:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert_rfc7946(doc)
        layer = demo_scan.layer(path.stem)
        assert len(doc["features"]) == len(layer)
        back = gpd.GeoSeries(
            [shape(f["geometry"]) for f in doc["features"]], crs="EPSG:4326"
        ).to_crs(demo_scan.crs)
        original = layer.data.geometry
        a = shapely.normalize(shapely.force_2d(back.to_numpy()))
        b = shapely.normalize(shapely.force_2d(original.to_numpy()))
        assert shapely.equals_exact(a, b, tolerance=0.01).all(), path.name
    site = json.loads((tmp_path / "gj" / "site.geojson").read_text())["features"][0]
    assert site["properties"]["name"] == demo_scan.site.name
    assert site["geometry"]["coordinates"] == pytest.approx(
        [demo_scan.site.lon, demo_scan.site.lat], abs=1e-7
    )


def test_geojson_properties_are_plain_json(demo_scan, tmp_path):
    scan = analysis_scan(demo_scan, ["sightings"])
    (path,) = data.write_geojson(scan, tmp_path, ["sightings"])
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert_rfc7946(doc)
    props = [f["properties"] for f in doc["features"]]
    assert props[0]["time"] == "2026-05-01T10:15:00+00:00"
    assert props[2]["description"] == SIGHTING_TEXTS[2]
    assert all("tags" not in p for p in props)


def test_geojson_refuses_an_unknown_layer(demo_scan, tmp_path):
    with pytest.raises(ExportError, match="'roadz' not in the scan"):
        data.write_geojson(demo_scan, tmp_path, ["roadz"])
    assert list(tmp_path.iterdir()) == []


# -- KML ------------------------------------------------------------------------------------
def test_kml_parses_with_fastkml_with_names_folders_and_styles(demo_scan, tmp_path):
    names = ["water", "poi", "study_area", "site"]
    path = data.write_kml(demo_scan, tmp_path / "scan.kml", names)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'
    )
    doc = kml.KML.from_string(text.encode("utf-8")).features[0]
    assert doc.name == f"Omgevingsscan {demo_scan.site.name}"
    folders = {f.name: f for f in doc.features}
    assert list(folders) == ["Water", "Security-relevant points", "Study area", "Site"]
    assert len(folders["Security-relevant points"].features) == len(demo_scan.layer("poi"))
    (site,) = folders["Site"].features
    assert site.name == demo_scan.site.name
    lon, lat = site.geometry.coords[0][:2]
    assert (lat, lon) == pytest.approx((demo_scan.site.lat, demo_scan.site.lon), abs=1e-7)
    style_ids = {s.id for s in doc.styles}
    assert all(p.style_url.url[1:] in style_ids for f in doc.features for p in f.features)
    cameras = [p for p in folders["Security-relevant points"].features if "camera" in p.description]
    assert cameras and all(p.style_url.url == cameras[0].style_url.url for p in cameras)
    # Attributes travel as ExtendedData.
    data_names = {d.name for d in site.extended_data.elements}
    assert {"name", "kind"} <= data_names


def test_kml_escapes_text(demo_scan, tmp_path):
    scan = analysis_scan(demo_scan, ["sightings"])
    path = data.write_kml(scan, tmp_path / "s.kml", ["sightings"])
    doc = kml.KML.from_string(path.read_bytes()).features[0]
    values = [d.value for p in doc.features[0].features for d in p.extended_data.elements]
    assert SIGHTING_TEXTS[2] in values


# -- GPX ------------------------------------------------------------------------------------
def test_gpx_parses_with_gpxpy_and_keeps_the_route_geometry(demo_scan, tmp_path):
    scan = analysis_scan(demo_scan, ["routes"])
    path = data.write_gpx(scan, tmp_path / "routes.gpx")
    gpx = gpxpy.parse(path.read_text(encoding="utf-8"))
    assert [t.name for t in gpx.tracks] == ["To the car park", "Escape south"]
    assert gpx.waypoints[0].name == scan.site.name
    layer = scan.layer("escape_routes")
    for track, line in zip(gpx.tracks, layer.data.geometry):
        pts = [(p.longitude, p.latitude) for p in track.segments[0].points]
        back = gpd.GeoSeries([LineString(pts)], crs="EPSG:4326").to_crs(scan.crs).iloc[0]
        assert np.abs(np.asarray(back.coords) - np.asarray(line.coords)).max() < 0.01
    assert "time_s=272.0" in gpx.tracks[0].description


def test_gpx_without_routes_says_so(demo_scan, tmp_path):
    with pytest.raises(ExportError, match="no route layers"):
        data.write_gpx(demo_scan, tmp_path / "r.gpx")
    assert list(tmp_path.iterdir()) == []


# -- CSV ------------------------------------------------------------------------------------
def test_sightings_csv_is_sorted_positioned_and_safe_for_spreadsheets(demo_scan, tmp_path):
    scan = analysis_scan(demo_scan, ["sightings"])
    path = data.write_sightings_csv(scan, tmp_path / "s.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for spreadsheet programs
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["time"] for r in rows] == [
        "2026-05-01T09:02:00+00:00",
        "2026-05-01T10:15:00+00:00",
        "2026-05-01T11:40:00+00:00",
    ]
    by_text = {r["description"]: r for r in rows}
    assert '\'=HYPERLINK("http://x")' in by_text  # a formula is neutralised
    assert SIGHTING_TEXTS[2] in by_text  # quotes and newlines survive
    first = rows[0]
    assert list(first)[:2] == ["layer", "time"]
    x, y = float(first["x_epsg28992"]), float(first["y_epsg28992"])
    assert (x, y) == pytest.approx((scan.site.x - 90, scan.site.y + 10), abs=0.001)
    back = gpd.GeoSeries([Point(float(first["lon"]), float(first["lat"]))], crs="EPSG:4326")
    bx, by = back.to_crs(scan.crs).iloc[0].coords[0]
    assert (bx, by) == pytest.approx((x, y), abs=0.01)


def test_csv_without_sightings_says_so(demo_scan, tmp_path):
    with pytest.raises(ExportError, match="no sightings layer"):
        data.write_sightings_csv(demo_scan, tmp_path / "s.csv")


# -- GeoPackage -----------------------------------------------------------------------------
def test_gpkg_copy_is_the_file_as_it_is(demo_gpkg, tmp_path):
    out = data.copy_gpkg(demo_gpkg, tmp_path / "copy.gpkg")
    assert out.read_bytes() == demo_gpkg.read_bytes()
    with pytest.raises(ExportError, match="the scan file itself"):
        data.copy_gpkg(demo_gpkg, demo_gpkg)
    with pytest.raises(ExportError, match="needs a file name ending in .gpkg"):
        data.copy_gpkg(demo_gpkg, tmp_path / "copy.sqlite")
