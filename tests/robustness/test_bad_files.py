"""A corpus of bad input files, made by the tests (issue 10's fuzz suite, files part).

OSM files truncated and bit-flipped in each format, entity tricks, a PNG under an
``.osm`` name, NaN and huge coordinates, ways with missing nodes; scan files that are
empty, truncated, from a newer format, not a scan, read-only, in a read-only folder, or
locked by another process. The rule for each: exit 0 (only where the input is in fact
acceptable) or 2 with one line naming the problem; no traceback, no hang, and the
input unchanged. Inputs that could crash or hang libosmium, GDAL or bz2 run in a
child process.
"""

from __future__ import annotations

import bz2
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DEMO_BZ2, DEMO_PBF, TOWNHALL
from tests.robustness._osmdata import OPEN_SITE, OsmBuilder, offset
from tests.robustness.conftest import check_cli, check_subprocess

SITE = f"{TOWNHALL[0]},{TOWNHALL[1]}"
OPEN = f"{OPEN_SITE[0]},{OPEN_SITE[1]}"
XML = bz2.decompress(DEMO_BZ2.read_bytes())


def _new(osm: Path, out: Path, site: str = SITE) -> list[str]:
    return ["new", "--osm", str(osm), "--site", site, "--radius", "100", "--out", str(out)]


def _flip(data: bytes, seed: int, n: int = 12) -> bytes:
    """``data`` with ``n`` random bits flipped (seeded), away from the first 16 bytes."""
    rng = random.Random(seed)
    buf = bytearray(data)
    for _ in range(n):
        i = rng.randrange(16, len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf)


def _cut_mid_tag(data: bytes, marker: bytes) -> bytes:
    """``data`` cut in the middle of the first tag starting with ``marker``."""
    i = data.index(marker)
    return data[: i + len(marker) + 7]


# -- OSM files ----------------------------------------------------------------------------
XML_CUTS = {
    "in the header": _cut_mid_tag(XML, b"<bounds"),
    "in a node": _cut_mid_tag(XML, b"<node"),
    "in a way": _cut_mid_tag(XML, b"<way"),
    "in a relation": _cut_mid_tag(XML, b"<relation"),
    "before the end": XML[: len(XML) - 20],
}


@pytest.mark.parametrize("where", list(XML_CUTS))
def test_truncated_osm_xml(tmp_path, capsys, where):  # type: ignore[no-untyped-def]
    """Issue 10: a .osm cut mid-tag named the file, never a RuntimeError traceback."""
    osm = tmp_path / "cut.osm"
    osm.write_bytes(XML_CUTS[where])
    out = tmp_path / "scan.gpkg"
    result = check_cli(capsys, _new(osm, out), inputs=[osm], allowed=(2,))
    assert "cut.osm" in result.err
    assert "truncated" in result.err or "not valid OSM" in result.err
    assert not out.exists()


BINARY = {
    "pbf": (DEMO_PBF.read_bytes(), ".osm.pbf"),
    "bz2": (DEMO_BZ2.read_bytes(), ".osm.bz2"),
    "osm": (XML, ".osm"),
}


@pytest.mark.parametrize("fmt", list(BINARY))
@pytest.mark.parametrize("share", [0.02, 0.5, 0.97])
def test_truncated_binary_and_xml(tmp_path, fmt, share):  # type: ignore[no-untyped-def]
    data, suffix = BINARY[fmt]
    osm = tmp_path / f"cut{suffix}"
    osm.write_bytes(data[: int(len(data) * share)])
    out = tmp_path / "scan.gpkg"
    result = check_subprocess(_new(osm, out), inputs=[osm], allowed=(2,), cwd=tmp_path)
    assert osm.name in result.err


@pytest.mark.parametrize("fmt", list(BINARY))
@pytest.mark.parametrize("seed", [1, 2])
def test_bit_flipped(tmp_path, fmt, seed):  # type: ignore[no-untyped-def]
    data, suffix = BINARY[fmt]
    osm = tmp_path / f"flipped{suffix}"
    osm.write_bytes(_flip(data, seed))
    check_subprocess(_new(osm, tmp_path / "scan.gpkg"), inputs=[osm], cwd=tmp_path)


ENTITY_FILES = {
    "billion laughs": (
        '<?xml version="1.0"?>\n<!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
        + ']>\n<osm version="0.6"><node id="1" lat="52.3676" lon="4.9" version="1">'
        + '<tag k="name" v="&i;"/></node></osm>'
    ),
    "external entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE osm [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<osm version="0.6"><node id="1" lat="52.3676" lon="4.9" version="1">'
        '<tag k="name" v="&xxe;"/></node></osm>'
    ),
    "DTD after 70 kB of comment": (
        '<?xml version="1.0"?>\n<!--' + "x" * 70_000 + "-->\n"
        '<!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        '<osm version="0.6"><node id="1" lat="52.3676" lon="4.9" version="1">'
        '<tag k="name" v="&d;&d;&d;&d;&d;&d;&d;&d;"/></node></osm>'
    ),
}


@pytest.mark.parametrize("kind", list(ENTITY_FILES))
def test_entity_tricks(tmp_path, kind):  # type: ignore[no-untyped-def]
    osm = tmp_path / "entities.osm"
    osm.write_text(ENTITY_FILES[kind])
    result = check_subprocess(
        _new(osm, tmp_path / "s.gpkg"), inputs=[osm], allowed=(2,), timeout=60
    )
    assert "entities.osm" in result.err
    assert "root:" not in result.err + result.out


def _png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, format="PNG")
    return buf.getvalue()


def test_png_named_osm(tmp_path, capsys):  # type: ignore[no-untyped-def]
    for name in ("picture.osm", "picture.osm.pbf", "picture.osm.bz2"):
        osm = tmp_path / name
        osm.write_bytes(_png())
        result = check_cli(capsys, _new(osm, tmp_path / "s.gpkg"), inputs=[osm], allowed=(2,))
        assert name in result.err


def _town(tmp_path: Path, coords: list[tuple[str, str]]) -> Path:
    """A tiny OSM file: a road and a building whose first nodes have the given coordinates."""
    b = OsmBuilder()
    b.way([offset(-200, 0), offset(0, 0), offset(200, 0)], {"highway": "residential"})
    b.box_m(20, 20, 15, 10, {"building": "house"})
    b.node(*OPEN_SITE, {"amenity": "townhall", "name": "Huis"})
    path = b.write(tmp_path / "town.osm")
    text = path.read_text()
    for i, (lat, lon) in enumerate(coords):
        nid = b.nodes[i][0]
        old = b.nodes[i]
        text = text.replace(
            f'id="{nid}" version="1" timestamp="2025-01-01T00:00:00Z" lat="{old[1]:.7f}" lon="{old[2]:.7f}"',
            f'id="{nid}" version="1" timestamp="2025-01-01T00:00:00Z" lat="{lat}" lon="{lon}"',
        )
    path.write_text(text)
    return path


COORDS = {
    "NaN": [("NaN", "NaN")],
    "huge": [("1e308", "-1e308")],
    "out of range": [("95.0", "200.0")],
    "empty": [("", "")],
    "text": [("north", "east")],
    "infinite": [("inf", "-inf")],
}


@pytest.mark.parametrize("kind", list(COORDS))
def test_bad_coordinates(tmp_path, kind):  # type: ignore[no-untyped-def]
    osm = _town(tmp_path, COORDS[kind])
    check_subprocess(_new(osm, tmp_path / "s.gpkg", OPEN), inputs=[osm], cwd=tmp_path)


def test_ways_with_missing_nodes_import(tmp_path, capsys):  # type: ignore[no-untyped-def]
    """Ways pointing at nodes the file lacks: the rest imports, the loss is reported."""
    b = OsmBuilder()
    b.way([offset(-200, 0), offset(0, 0), offset(200, 0)], {"highway": "residential"})
    b.box_m(20, 20, 15, 10, {"building": "house"})
    b.box_m(60, 20, 15, 10, {"building": "house"})
    b.ways.append((9001, [999_001, 999_002, 999_003, 999_001], {"building": "yes"}))
    b.node(*OPEN_SITE, {"amenity": "townhall", "name": "Huis"})
    path = b.write(tmp_path / "holes.osm")
    # The second house loses two of its corners.
    text = path.read_text().splitlines()
    house = b.ways[2][1]
    text = [ln for ln in text if not any(f'<node id="{r}" ' in ln for r in house[1:3])]
    path.write_text("\n".join(text))
    out = tmp_path / "s.gpkg"
    result = check_cli(capsys, _new(path, out, OPEN), inputs=[path], allowed=(0,))
    assert "dropped 1 broken features (buildings 1)" in result.err
    info = check_cli(capsys, ["info", out], inputs=[out], allowed=(0,))
    assert json.loads(info.out)["import"]["dropped"] == {"buildings": 1}


# -- scan files ---------------------------------------------------------------------------
def _scan_commands(scan: Path, tmp: Path) -> list[list[str]]:
    return [
        ["info", scan],
        ["viewshed", scan, "--at", "52.3684,4.8990", "--radius", "100"],
        ["export", scan, "--kml", tmp / "x.kml"],
        ["add-post", scan, "--at", "52.3684,4.8990"],
    ]


def _newer(demo_gpkg: Path, path: Path) -> Path:
    path.write_bytes(demo_gpkg.read_bytes())
    con = sqlite3.connect(path)
    row = con.execute("SELECT value FROM omgevingsscan_meta WHERE key = 'scan'").fetchone()
    meta = json.loads(row[0])
    meta["format_version"] = 99
    con.execute("UPDATE omgevingsscan_meta SET value = ? WHERE key = 'scan'", (json.dumps(meta),))
    con.commit()
    con.close()
    return path


def _not_a_scan(_demo: Path, path: Path) -> Path:
    import geopandas as gpd
    from shapely.geometry import Point

    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs="EPSG:28992").to_file(path)
    return path


def _no_table(demo_gpkg: Path, path: Path) -> Path:
    path.write_bytes(demo_gpkg.read_bytes())
    con = sqlite3.connect(path)
    con.execute("DROP TABLE buildings")
    con.commit()
    con.close()
    return path


def _damaged_table(demo_gpkg: Path, path: Path) -> Path:
    path.write_bytes(demo_gpkg.read_bytes())
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE buildings RENAME TO buildings_old")
    con.execute("CREATE TABLE buildings (x TEXT)")
    con.commit()
    con.close()
    return path


SCAN_FILES = {
    "damaged table": _damaged_table,
    "empty": lambda demo, p: (p.write_bytes(b""), p)[1],
    "truncated": lambda demo, p: (p.write_bytes(demo.read_bytes()[: demo.stat().st_size // 3]), p)[
        1
    ],
    "random bytes": lambda demo, p: (p.write_bytes(os.urandom(50_000)), p)[1],
    "newer format": _newer,
    "not a scan": _not_a_scan,
    "missing table": _no_table,
    "bad metadata": lambda demo, p: _meta_text(demo, p, "{not json"),
    "metadata of the wrong kind": lambda demo, p: _meta_text(demo, p, '["a list"]'),
    "version not a number": lambda demo, p: _meta_text(demo, p, '{"format_version": "two"}'),
}


def _meta_text(demo_gpkg: Path, path: Path, text: str) -> Path:
    path.write_bytes(demo_gpkg.read_bytes())
    con = sqlite3.connect(path)
    con.execute("UPDATE omgevingsscan_meta SET value = ? WHERE key = 'scan'", (text,))
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("kind", list(SCAN_FILES))
def test_bad_scan_files(demo_gpkg, tmp_path, capsys, kind):  # type: ignore[no-untyped-def]
    scan = SCAN_FILES[kind](demo_gpkg, tmp_path / "bad.gpkg")
    for argv in _scan_commands(scan, tmp_path):
        result = check_cli(capsys, argv, inputs=[scan], allowed=(2,))
        assert "bad.gpkg" in result.err


@pytest.fixture
def read_only(tmp_path):  # type: ignore[no-untyped-def]
    """Undo the read-only modes after the test, so pytest can clean up."""
    made: list[Path] = []
    yield made
    for p in made:
        p.chmod(0o755 if p.is_dir() else 0o644)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file modes")
def test_read_only_scan(demo_gpkg, tmp_path, capsys, read_only):  # type: ignore[no-untyped-def]
    scan = tmp_path / "ro.gpkg"
    scan.write_bytes(demo_gpkg.read_bytes())
    scan.chmod(0o444)
    read_only.append(scan)
    for argv in _scan_commands(scan, tmp_path):
        check_cli(capsys, argv, inputs=[scan])


def test_read_only_folder(demo_gpkg, tmp_path, capsys, read_only):  # type: ignore[no-untyped-def]
    folder = tmp_path / "locked"
    folder.mkdir()
    scan = folder / "scan.gpkg"
    scan.write_bytes(demo_gpkg.read_bytes())
    folder.chmod(0o555)
    read_only.append(folder)
    for argv in [
        ["export", scan, "--kml", folder / "x.kml"],
        ["export", scan, "--html", folder / "x.html"],
        ["new", "--osm", DEMO_PBF, "--site", SITE, "--radius", "100", "--out", folder / "n.gpkg"],
        ["info", scan],
    ]:
        check_cli(capsys, argv, inputs=[scan])  # root may write anyway: then 0


_LOCKER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_scan_locked_by_another_process(demo_gpkg, tmp_path, capsys):  # type: ignore[no-untyped-def]
    """Another process holds an exclusive lock: answers come, none hangs, nothing is lost."""
    scan = tmp_path / "locked.gpkg"
    scan.write_bytes(demo_gpkg.read_bytes())
    locker = subprocess.Popen(
        [sys.executable, "-c", _LOCKER, str(scan), "120"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        for argv in _scan_commands(scan, tmp_path):
            start = time.monotonic()
            check_cli(capsys, argv, inputs=[scan], timeout=90)
            assert time.monotonic() - start < 90
    finally:
        locker.kill()
        locker.wait()
