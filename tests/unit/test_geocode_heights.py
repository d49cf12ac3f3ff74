"""Site parsing, offline search in the data, and building height rules."""

from __future__ import annotations

import pytest

from omgevingsscan.crs import local_crs, utm_epsg
from omgevingsscan.errors import SiteError
from omgevingsscan.io.geocode import parse_coordinates, search_osm_file
from omgevingsscan.layers.heights import estimate_height, parse_length_m
from tests.conftest import DEMO_PBF


def test_parse_coordinates():
    assert parse_coordinates("52.3677, 4.9002") == (52.3677, 4.9002)
    lat, lon = parse_coordinates("rd:121833,486756")
    assert lat == pytest.approx(52.36768, abs=1e-4)
    assert lon == pytest.approx(4.90023, abs=1e-4)
    assert parse_coordinates("Amstel 1") is None
    with pytest.raises(SiteError, match="looks like RD metres"):
        parse_coordinates("121833, 486756")
    with pytest.raises(SiteError, match="outside the RD New area"):
        parse_coordinates("rd:900000,100")


def test_search_in_data():
    hits = search_osm_file(DEMO_PBF, "Amstel 1")
    assert hits[0].label == "Amstel 1"
    assert hits[0].lat == pytest.approx(52.3677, abs=3e-4)
    stopera = search_osm_file(DEMO_PBF, "stopera")
    assert stopera[0].label == "Stopera"
    assert search_osm_file(DEMO_PBF, "Zzyzx Road") == []


def test_crs_choice():
    assert local_crs(52.37, 4.90) == "EPSG:28992"
    assert local_crs(48.85, 2.35) == "EPSG:32631"
    assert utm_epsg(-33.9, 18.4) == "EPSG:32734"


@pytest.mark.parametrize(
    ("tags", "height", "rule"),
    [
        ({"building": "yes", "height": "21.5"}, 21.5, "height tag"),
        ({"building": "yes", "height": "30 ft"}, 9.144, "height tag"),
        ({"building": "apartments", "building:levels": "4"}, 12.5, "levels"),
        ({"building": "house", "building:levels": "3", "roof:shape": "gabled"}, 11.5, "levels"),
        ({"building": "house", "building:levels": "2", "roof:levels": "1"}, 9.0, "levels"),
        ({"building": "houseboat"}, 2.5, "type default"),
        ({"building": "yes"}, 11.0, "type default"),
        ({"building": "yes", "height": "tall"}, 11.0, "type default"),
    ],
)
def test_height_rules(tags, height, rule):
    h, r = estimate_height(tags)
    assert h == pytest.approx(height)
    assert r == rule


def test_parse_length():
    assert parse_length_m("12,5 m") == 12.5
    assert parse_length_m(None) is None
    assert parse_length_m("-3") is None
