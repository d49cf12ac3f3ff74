"""The ATAK data package: manifest, posts/routes/zones KML, print map."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from shapely.geometry import Point, Polygon

from omgevingsscan.errors import ExportError
from omgevingsscan.export.atak import write_data_package
from omgevingsscan.layers.annotations import Annotation, AnnotationsLayer
from omgevingsscan.layers.posts import ObservationPost, PostsLayer
from omgevingsscan.scan import Scan


def test_package_holds_manifest_kml_and_map(demo_scan: Scan, tmp_path: Path) -> None:
    scan = Scan(site=demo_scan.site, study_area=demo_scan.study_area, crs=demo_scan.crs)
    x, y = scan.site.x, scan.site.y
    scan.layers.append(PostsLayer("posts", [ObservationPost(geometry=Point(x + 30, y),
                                                            name="P1")], crs=scan.crs))  # fmt: skip
    zone = Annotation(geometry=Polygon([(x, y), (x + 40, y), (x + 40, y + 40)]), kind="zone",
                      zone_kind="cordon", text="Cordon A")  # fmt: skip
    scan.layers.append(AnnotationsLayer("annotations", [zone], crs=scan.crs))
    pdf = tmp_path / "map.pdf"
    pdf.write_bytes(b"%PDF-1.4 test map")
    out = write_data_package(scan, tmp_path / "team.zip", pdf)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = ET.fromstring(zf.read("MANIFEST/manifest.xml"))
        posts = zf.read("posts.kml").decode()
        zones = zf.read("zones.kml").decode()
    assert names == ["MANIFEST/manifest.xml", "posts.kml", "zones.kml", "map/map.pdf"]
    entries = [c.get("zipEntry") for c in manifest.iter("Content")]
    assert entries == names[1:]
    params = {p.get("name"): p.get("value") for p in manifest.iter("Parameter")}
    assert params["name"] == scan.site.name and len(params["uid"]) == 36
    assert "<name>P1</name>" in posts and "Cordon A" in zones and "<Polygon>" in zones
    lon = float(posts.split("<coordinates>")[1].split(",")[0])
    assert 4.89 < lon < 4.91  # WGS84, not metres
    with pytest.raises(ExportError, match="zip"):
        write_data_package(scan, tmp_path / "team.kmz")
