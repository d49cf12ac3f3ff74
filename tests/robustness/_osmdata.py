"""OSM files the robustness tests build themselves: small hand-made towns, a tiled
copy of the bundled extract, and an extract cut by a bounding box with lost nodes."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

import osmium

Tags = dict[str, str]

#: Where the hand-made towns lie: fields near Houten (NL), WGS84 degrees.
OPEN_SITE = (52.02, 5.17)
#: Metres per degree of latitude, and of longitude at OPEN_SITE.
M_PER_DEG_LAT = 111_320.0
M_PER_DEG_LON = M_PER_DEG_LAT * math.cos(math.radians(OPEN_SITE[0]))


def offset(
    dx_m: float, dy_m: float, origin: tuple[float, float] = OPEN_SITE
) -> tuple[float, float]:
    """Return ``(lat, lon)`` of the point ``dx_m`` east and ``dy_m`` north of ``origin``."""
    return origin[0] + dy_m / M_PER_DEG_LAT, origin[1] + dx_m / M_PER_DEG_LON


def _tags(tags: Tags) -> str:
    return "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())


class OsmBuilder:
    """Collects nodes and ways (WGS84) and writes them as OSM XML."""

    def __init__(self) -> None:
        self.nodes: list[tuple[int, float, float, Tags]] = []
        self.ways: list[tuple[int, list[int], Tags]] = []
        self._next = 1

    def new_id(self) -> int:
        self._next += 1
        return self._next - 1

    def node(self, lat: float, lon: float, tags: Tags | None = None) -> int:
        nid = self._next
        self._next += 1
        self.nodes.append((nid, lat, lon, tags or {}))
        return nid

    def way(self, points: Sequence[tuple[float, float]], tags: Tags, closed: bool = False) -> int:
        refs = [self.node(lat, lon) for lat, lon in points]
        if closed:
            refs.append(refs[0])
        wid = self._next
        self._next += 1
        self.ways.append((wid, refs, tags))
        return wid

    def box_m(self, x: float, y: float, w: float, h: float, tags: Tags) -> int:
        """A closed way: the ``w`` x ``h`` m rectangle with its south-west corner at (x, y) m."""
        corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        return self.way([offset(*c) for c in corners], tags, closed=True)

    def line_m(self, points_m: Iterable[tuple[float, float]], tags: Tags) -> int:
        return self.way([offset(*p) for p in points_m], tags)

    def write(self, path: Path, bounds: tuple[float, float, float, float] | None = None) -> Path:
        """Write OSM XML; ``bounds`` is (south, west, north, east) degrees."""
        out = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
        if bounds:
            s, w, n, e = bounds
            out.append(f'<bounds minlat="{s}" minlon="{w}" maxlat="{n}" maxlon="{e}"/>')
        stamp = 'version="1" timestamp="2025-01-01T00:00:00Z"'
        for nid, lat, lon, tags in self.nodes:
            out.append(
                f'<node id="{nid}" {stamp} lat="{lat:.7f}" lon="{lon:.7f}">{_tags(tags)}</node>'
            )
        for wid, refs, tags in self.ways:
            nds = "".join(f'<nd ref="{r}"/>' for r in refs)
            out.append(f'<way id="{wid}" {stamp}>{nds}{_tags(tags)}</way>')
        out.append("</osm>")
        path.write_text("\n".join(out), encoding="utf-8")
        return path


def open_land_town(path: Path, *, buildings: bool = True) -> Path:
    """A road grid in fields around OPEN_SITE; with ``buildings``, a small town whose
    nearest building is 420 m east of the site (none within 300 m).

    The site is on a road crossing; a town hall node sits there so the scans have one
    named place.
    """
    b = OsmBuilder()
    half = 900.0
    grid: dict[tuple[int, int], int] = {}

    def at(i: int, j: int) -> int:  # shared node of the road grid, 100 m steps
        if (i, j) not in grid:
            grid[i, j] = b.node(*offset(i * 100.0, j * 100.0))
        return grid[i, j]

    for k in range(-3, 4):
        cls = "tertiary" if k == 0 else "unclassified"
        b.ways.append((b.new_id(), [at(i, 3 * k) for i in range(-9, 10)], {"highway": cls}))
        b.ways.append((b.new_id(), [at(3 * k, j) for j in range(-9, 10)], {"highway": cls}))
    b.ways.append((b.new_id(), [at(-3, -3), at(0, 0), at(3, 3)], {"highway": "footway"}))
    b.box_m(-half, -half, 2 * half - 1, half - 1, {"landuse": "farmland"})
    b.box_m(-200, 60, 150, 120, {"natural": "water"})
    b.box_m(-half, -20, 2 * half, 10, {"barrier": "hedge"})
    b.node(*OPEN_SITE, {"amenity": "townhall", "name": "Gemeentehuis Veldzicht"})
    b.node(*offset(5, 5), {"highway": "bus_stop", "name": "Veldzicht"})
    b.node(*offset(-500, 250), {"amenity": "police", "name": "Politiepost"})
    if buildings:
        for i in range(4):
            for j in range(3):
                x, y = 420 + i * 40, -60 + j * 45
                b.box_m(x, y, 22, 14, {"building": "house", "building:levels": "2"})
    s, w = offset(-half - 50, -half - 50)
    n, e = offset(half + 50, half + 50)
    return b.write(path, (s, w, n, e))


@dataclass
class ClipStats:
    """What the bounding-box cut did to the extract."""

    nodes_kept: int
    ways_kept: int
    refs_total: int
    refs_missing: int
    short_ways: int

    @property
    def missing_share(self) -> float:
        return self.refs_missing / max(self.refs_total, 1)


def clipped_extract(
    src: Path,
    dst: Path,
    bbox: tuple[float, float, float, float],
    *,
    drop_share: float = 0.12,
    seed: int = 14,
) -> ClipStats:
    """Cut ``src`` by the WGS84 ``bbox`` (west, south, east, north) keeping partial ways.

    Like a naive download-service extract: only nodes inside the box are written, ways
    with a node in the box keep all their node references (those outside now point to
    nothing), relations keep all members. Then ``drop_share`` of the remaining way-node
    references are removed at random (seeded) by deleting the nodes they point to.
    """
    w, s, e, n = bbox
    nodes: dict[int, tuple[float, float, Tags]] = {}
    ways: list[tuple[int, list[int], Tags]] = []
    rels: list[tuple[int, list[tuple[str, int, str]], Tags]] = []
    for obj in osmium.FileProcessor(str(src)):
        if obj.is_node():
            loc = obj.location
            if w <= loc.lon <= e and s <= loc.lat <= n:
                nodes[obj.id] = (loc.lon, loc.lat, dict(obj.tags))
        elif obj.is_way():
            refs = [nd.ref for nd in obj.nodes]
            if any(r in nodes for r in refs):
                ways.append((obj.id, refs, dict(obj.tags)))
        else:
            members = [(m.type, m.ref, m.role) for m in obj.members]
            rels.append((obj.id, members, dict(obj.tags)))
    kept_ways = {wid for wid, _, _ in ways}
    rels = [r for r in rels if any(t == "w" and ref in kept_ways for t, ref, _ in r[1])]
    uses = Counter(r for _, refs, _ in ways for r in refs if r in nodes)
    refs_total = sum(len(refs) for _, refs, _ in ways)
    target = int(drop_share * sum(uses.values()))
    rng = random.Random(seed)
    dropped = 0
    for nid in rng.sample(sorted(uses), len(uses)):
        if dropped >= target:
            break
        if nodes[nid][2]:
            continue  # tagged nodes (POIs) stay; only bare way nodes are lost
        nodes.pop(nid)
        dropped += uses[nid]
    missing = sum(1 for _, refs, _ in ways for r in refs if r not in nodes)
    short = sum(1 for _, refs, _ in ways if sum(r in nodes for r in refs) < 2)
    header = osmium.io.Header()
    header.add_box(osmium.osm.Box(w, s, e, n))
    mutable = osmium.osm.mutable
    if dst.exists():
        dst.unlink()
    with osmium.SimpleWriter(str(dst), header=header) as writer:
        for nid in sorted(nodes):
            lon, lat, tags = nodes[nid]
            writer.add_node(mutable.Node(id=nid, location=(lon, lat), tags=tags, version=1))
        for wid, refs, tags in sorted(ways, key=lambda t: t[0]):
            writer.add_way(mutable.Way(id=wid, nodes=refs, tags=tags, version=1))
        for rid, members, tags in sorted(rels, key=lambda t: t[0]):
            writer.add_relation(mutable.Relation(id=rid, members=members, tags=tags, version=1))
    return ClipStats(len(nodes), len(ways), refs_total, missing, short)


def tiled_copy(src: Path, dst: Path, n: int = 3) -> tuple[float, float, float, float]:
    """Write an ``n`` x ``n`` tiling of ``src`` (shifted copies with new ids) to ``dst``.

    The copies are shifted by the width and height of the file's bounds, so a town
    of the bundled extract's size becomes one ``n`` times as wide. Returns the new
    bounds (west, south, east, north) in degrees; the original is the south-west tile.
    """
    reader = osmium.io.Reader(str(src), osmium.osm.osm_entity_bits.NOTHING)
    box = reader.header().box()
    reader.close()
    w, s = box.bottom_left.lon, box.bottom_left.lat
    e, nn = box.top_right.lon, box.top_right.lat
    dx, dy = e - w, nn - s
    nodes, ways, rels = [], [], []
    for obj in osmium.FileProcessor(str(src)):
        if obj.is_node():
            nodes.append((obj.id, obj.location.lon, obj.location.lat, dict(obj.tags)))
        elif obj.is_way():
            ways.append((obj.id, [nd.ref for nd in obj.nodes], dict(obj.tags)))
        else:
            members = [(m.type, m.ref, m.role) for m in obj.members]
            rels.append((obj.id, members, dict(obj.tags)))
    step = 20_000_000_000  # id offset per tile, above every real OSM id
    tiles = [(i, j) for j in range(n) for i in range(n)]
    header = osmium.io.Header()
    bounds = (w, s, w + n * dx, s + n * dy)
    header.add_box(osmium.osm.Box(*bounds))
    mutable = osmium.osm.mutable
    if dst.exists():
        dst.unlink()
    with osmium.SimpleWriter(str(dst), header=header) as writer:
        for k, (i, j) in enumerate(tiles):
            off = k * step
            for nid, lon, lat, tags in nodes:
                loc = (lon + i * dx, lat + j * dy)
                writer.add_node(mutable.Node(id=nid + off, location=loc, tags=tags, version=1))
        for k in range(len(tiles)):
            off = k * step
            for wid, refs, tags in ways:
                refs = [r + off for r in refs]
                writer.add_way(mutable.Way(id=wid + off, nodes=refs, tags=tags, version=1))
        for k in range(len(tiles)):
            off = k * step
            for rid, members, tags in rels:
                members = [(t, ref + off, role) for t, ref, role in members]
                writer.add_relation(
                    mutable.Relation(id=rid + off, members=members, tags=tags, version=1)
                )
    return bounds
