"""Every bad input gets a clear error that names the file or the value."""

from __future__ import annotations

import json
import shutil
import sqlite3

import geopandas as gpd
import pytest
from shapely.geometry import Point

from omgevingsscan.errors import (
    ImportCancelled,
    InputFileError,
    NewerFormatError,
    NotAScanError,
    RadiusError,
    SiteError,
    UnsupportedFileError,
)
from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.project import load_scan
from tests.conftest import DEMO_BZ2, DEMO_PBF, TOWNHALL


def _import(path, site=TOWNHALL, radius=200):
    return import_scan(path, site, radius_m=radius)


def test_missing_file(tmp_path):
    with pytest.raises(InputFileError, match="nothere.osm.pbf: file not found"):
        _import(tmp_path / "nothere.osm.pbf")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.osm.pbf"
    p.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty.osm.pbf: file is empty"):
        _import(p)


@pytest.mark.parametrize("src", [DEMO_PBF, DEMO_BZ2])
def test_truncated_file(tmp_path, src):
    p = tmp_path / f"cut{''.join(src.suffixes)}"
    p.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    with pytest.raises(InputFileError, match=r"cut.*truncated or not valid OSM"):
        _import(p)


def test_not_osm_xml(tmp_path):
    p = tmp_path / "notes.osm"
    p.write_text("<html><body>hello</body></html>")
    with pytest.raises(InputFileError, match="notes.osm: not OpenStreetMap XML"):
        _import(p)


def test_not_pbf(tmp_path):
    p = tmp_path / "random.osm.pbf"
    p.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(InputFileError, match="random.osm.pbf: not an OSM PBF"):
        _import(p)


def test_unknown_type(tmp_path):
    p = tmp_path / "map.shp"
    p.write_bytes(b"x")
    with pytest.raises(UnsupportedFileError, match=r"map.shp: don't know how to open.*\.osm\.pbf"):
        _import(p)


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE osm [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_entity_tricks_refused(tmp_path, prolog):
    p = tmp_path / "bomb.osm"
    p.write_text(
        f'<?xml version="1.0"?>\n{prolog}\n<osm version="0.6">'
        '<node id="1" lat="52.3677" lon="4.9002"><tag k="name" v="&b;"/></node></osm>'
    )
    with pytest.raises(InputFileError, match="bomb.osm: XML declares a DTD or entities"):
        _import(p)


def test_site_outside_data():
    with pytest.raises(SiteError, match=r"outside the data in amsterdam_centre.osm.pbf"):
        _import(DEMO_PBF, site=(52.0, 4.0))


def test_site_not_found():
    with pytest.raises(SiteError, match="'Nergensstraat 99' not found .*amsterdam_centre.osm.bz2"):
        _import(DEMO_BZ2, site="Nergensstraat 99")


@pytest.mark.parametrize("radius", [0, 49.9, 3000.1, -5])
def test_radius_out_of_range(radius):
    with pytest.raises(RadiusError, match="out of range; allowed 50–3000 m"):
        _import(DEMO_PBF, radius=radius)


def test_cancel():
    with pytest.raises(ImportCancelled):
        import_scan(DEMO_PBF, TOWNHALL, radius_m=100, cancelled=lambda: True)


def test_gpkg_that_is_not_a_scan(tmp_path):
    p = tmp_path / "other.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs="EPSG:28992").to_file(p)
    with pytest.raises(NotAScanError, match="other.gpkg: not an omgevingsscan project"):
        load_scan(p)


def test_text_file_named_gpkg(tmp_path):
    p = tmp_path / "fake.gpkg"
    p.write_text("hello")
    with pytest.raises(NotAScanError, match="fake.gpkg: not a GeoPackage"):
        load_scan(p)


def test_newer_format(tmp_path, demo_gpkg):
    p = tmp_path / "future.gpkg"
    shutil.copy(demo_gpkg, p)
    con = sqlite3.connect(p)
    meta = json.loads(con.execute("SELECT value FROM omgevingsscan_meta").fetchone()[0])
    meta["format_version"] = 99
    con.execute("UPDATE omgevingsscan_meta SET value = ?", (json.dumps(meta),))
    con.commit()
    con.close()
    with pytest.raises(NewerFormatError, match="future.gpkg: made by a newer omgevingsscan"):
        load_scan(p)
