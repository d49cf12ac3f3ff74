"""Issue 14.3: invalid polygons (bow-ties, self-touching rings) never end in a GEOS error.

The import makes polygons valid once (``shapely.make_valid``, polygonal parts kept) and
counts them; a scan saved before that (an "older scan" holding invalid polygons in its
GeoPackage) still exports to every format and runs the analyses, because loading and
the overlays in export and analysis repair what they meet.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, Polygon

from omgevingsscan.analysis.observation import target_area
from omgevingsscan.analysis.visibility import VisibilityIndex
from omgevingsscan.analysis.visibility.scan import public_ground_from_layers
from omgevingsscan.export.html import build_html
from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.osm_repair import import_figures
from omgevingsscan.io.project import save_scan
from tests.robustness._osmdata import OPEN_SITE, OsmBuilder, offset
from tests.robustness.conftest import check_cli, count_case

SITE = "52.3676842,4.9002256"


def _bad_polygons(x: float, y: float) -> list[Polygon]:
    """A bow-tie and a ring that touches itself at one point (both invalid)."""
    bow = Polygon([(x + 60, y + 60), (x + 80, y + 80), (x + 80, y + 60), (x + 60, y + 80)])
    touch = Polygon(
        [
            *((x - 80, y + 40), (x - 60, y + 40), (x - 70, y + 50), (x - 60, y + 60)),
            *((x - 80, y + 60), (x - 70, y + 50), (x - 80, y + 40)),
        ]
    )
    assert not bow.is_valid and not touch.is_valid
    return [bow, touch]


def _add_bad(scan, layers=("buildings", "landuse", "water")):  # type: ignore[no-untyped-def]
    for name in layers:
        layer = scan.layer(name)
        frame = layer.data
        extra = frame.iloc[:2].copy()
        extra["osm_id"] = ["w999999991", "w999999992"]
        extra = extra.set_geometry(_bad_polygons(scan.site.x, scan.site.y), crs=frame.crs)
        layer.data = gpd.GeoDataFrame(pd.concat([frame, extra], ignore_index=True), crs=frame.crs)
    return scan


@pytest.fixture(scope="module")
def older_scan(demo_scan, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The demo scan saved with a bow-tie and a self-touching ring in three layers."""
    import copy

    scan = _add_bad(copy.deepcopy(demo_scan))
    path = save_scan(scan, tmp_path_factory.mktemp("older") / "older.gpkg")
    import pyogrio

    held = pyogrio.read_dataframe(path, layer="buildings")
    assert (~held.geometry.is_valid).sum() >= 2  # the file really holds them
    return path


COMMANDS = {
    "html": ["export", "{scan}", "--html", "{out}/map.html"],
    "pdf": ["export", "{scan}", "--pdf", "{out}/map.pdf"],
    "svg": ["export", "{scan}", "--svg", "{out}/map.svg"],
    "kml": ["export", "{scan}", "--kml", "{out}/map.kml"],
    "geojson": ["export", "{scan}", "--geojson", "{out}"],
    "gpkg": ["export", "{scan}", "--gpkg", "{out}/copy.gpkg"],
    "report": ["report", "{scan}", "--out", "{out}/report.pdf", "--dpi", "72"],
    "exposure": ["exposure", "{scan}", "--quiet", "--spacing", "4", "--top-spacing", "8"],
    "posts": ["posts", "{scan}"],
    "viewshed": ["viewshed", "{scan}", "--at", "52.3684,4.8990@12", "--radius", "200"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_older_scan_with_invalid_polygons(older_scan, capsys, tmp_path, command):  # type: ignore[no-untyped-def]
    """Before the fix: HTML, exposure and posts ended in ``TopologyException: side
    location conflict``."""
    argv = [a.format(scan=older_scan, out=tmp_path) for a in COMMANDS[command]]
    check_cli(capsys, argv, inputs=[older_scan], allowed=(0,))


def test_overlays_on_invalid_polygons_in_memory(demo_scan):  # type: ignore[no-untyped-def]
    """The overlays themselves are safe, not only the loader."""
    import copy

    scan = _add_bad(copy.deepcopy(demo_scan))
    ground = public_ground_from_layers(scan)
    assert ground.is_valid and ground.area > 10_000
    html, _warnings = build_html(scan)  # clips every OSM layer to the study circle
    assert "<html>" in html
    site = Point(scan.site.x, scan.site.y)
    area = target_area(VisibilityIndex([]), site, 100.0, exclude=_bad_polygons(site.x, site.y))
    assert area.is_valid and area.area < shapely.area(site.buffer(100.0, quad_segs=64))
    count_case()


def test_import_makes_polygons_valid_and_counts_them(tmp_path):  # type: ignore[no-untyped-def]
    b = OsmBuilder()
    bow = [(0, 0), (20, 20), (20, 0), (0, 20)]
    b.way([offset(x + 100, y) for x, y in bow], {"building": "yes", "name": "Vlinder"}, closed=True)
    touch = [(0, 0), (20, 0), (10, 10), (20, 20), (0, 20), (10, 10)]
    b.way([offset(x - 100, y) for x, y in touch], {"building": "yes", "name": "Acht"}, closed=True)
    b.way([offset(-300, 5), offset(300, 5)], {"highway": "residential"})
    b.node(*OPEN_SITE, {"amenity": "townhall", "name": "Huis"})
    s, w = offset(-400, -400)
    n, e = offset(400, 400)
    osm = b.write(tmp_path / "invalid.osm", (s, w, n, e))
    scan = import_scan(osm, OPEN_SITE, radius_m=200)
    buildings = scan.frame("buildings")
    assert set(buildings["name"]) == {"Vlinder", "Acht"}
    assert buildings.geometry.is_valid.all()
    assert set(buildings.geom_type) <= {"Polygon", "MultiPolygon"}
    # The bow-tie keeps both triangles (400 m²); the figure eight both squares' halves.
    vlinder = buildings.loc[buildings["name"] == "Vlinder"].geometry.iloc[0]
    assert vlinder.area == pytest.approx(200.0, rel=0.05)
    figures = import_figures(scan.meta)
    assert figures["invalid_fixed"].get("buildings", 0) >= 1
    count_case()
