"""Build a large PBF by tiling the bundled extract (for the large-file import benchmark).

Each tile is a copy of the extract shifted by a whole number of tile widths, with ids
offset so they stay unique. Nodes come first, then ways, then relations, as PBF readers
expect.
"""

from __future__ import annotations

import sys
from pathlib import Path

import osmium

SRC = Path(__file__).resolve().parents[1] / "src/omgevingsscan/resources/amsterdam_centre.osm.pbf"
#: Tile step in degrees: wider than the data (incl. the ways' overhang), so tiles don't overlap.
STEP_LON, STEP_LAT = 0.05, 0.03
ID_OFFSET = 20_000_000_000


def tile_offsets(nx: int, ny: int) -> list[tuple[int, float, float]]:
    """(tile index, lon shift, lat shift) for an nx × ny grid centred on the original."""
    out = []
    for j in range(ny):
        for i in range(nx):
            out.append((j * nx + i, (i - nx // 2) * STEP_LON, (j - ny // 2) * STEP_LAT))
    return out


def build(target: Path, nx: int = 8, ny: int = 7) -> Path:
    """Write ``target`` with nx × ny tiles (default 56) unless it already exists."""
    if target.exists():
        return target
    tmp = target.with_suffix(".tmp.pbf")
    if tmp.exists():
        tmp.unlink()
    nodes = [
        (n.id, n.location.lon, n.location.lat, dict(n.tags))
        for n in osmium.FileProcessor(str(SRC), osmium.osm.NODE)
    ]
    ways = [
        (w.id, [r.ref for r in w.nodes], dict(w.tags))
        for w in osmium.FileProcessor(str(SRC), osmium.osm.WAY)
    ]
    rels = [
        (r.id, [(m.type, m.ref, m.role) for m in r.members], dict(r.tags))
        for r in osmium.FileProcessor(str(SRC), osmium.osm.RELATION)
    ]
    offsets = tile_offsets(nx, ny)
    writer = osmium.SimpleWriter(str(tmp))
    try:
        for t, dlon, dlat in offsets:
            off = t * ID_OFFSET
            for nid, lon, lat, tags in nodes:
                writer.add_node(
                    osmium.osm.mutable.Node(
                        id=nid + off, location=(lon + dlon, lat + dlat), tags=tags, version=1
                    )
                )
        for t, _, _ in offsets:
            off = t * ID_OFFSET
            for wid, refs, tags in ways:
                writer.add_way(
                    osmium.osm.mutable.Way(
                        id=wid + off, nodes=[r + off for r in refs], tags=tags, version=1
                    )
                )
        for t, _, _ in offsets:
            off = t * ID_OFFSET
            for rid, members, tags in rels:
                writer.add_relation(
                    osmium.osm.mutable.Relation(
                        id=rid + off,
                        members=[(k, ref + off, role) for k, ref, role in members],
                        tags=tags,
                        version=1,
                    )
                )
    finally:
        writer.close()
    tmp.rename(target)
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
