"""Stream a large OSM file and cut out a box, with memory bounded by the box's content.

Used for regional extracts (a province, the whole country): GDAL's OSM driver buffers
features of the layers it is not reading and its node index grows with the file, so a
large file is first cut down here to a small PBF, like ``osmium extract --strategy
complete_ways``:

1. one pass with node locations kept in a file on disk (libosmium's
   ``sparse_file_array``); only tagged nodes, ways and relations reach Python. Ways with
   a node in the box are kept whole, with the locations of all their nodes; tagged
   nodes in the box are kept; relations with a kept member are kept;
2. only when kept relations have member ways outside the box: a pass over the ways that
   adds them (multipolygon rings);
3. the kept objects are written, sorted, to a small PBF.

libosmium's id sets (``IdTracker``, ``IdFilter``) are dense bitmaps over the id range
and take over 1 GB for a few thousand scattered node ids, so kept ids are Python sets.
Memory is the node-location file (on disk, paged by the OS) plus what the box holds.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import osmium
from osmium.filter import EmptyTagFilter, EntityFilter

from omgevingsscan.errors import ImportCancelled, InputFileError
from omgevingsscan.io.osm_file import OSMIUM_ERRORS

#: Files at least this large (bytes) are cut down before GDAL reads them.
EXTRACT_THRESHOLD_BYTES = 4 * 1024 * 1024


def _in_box(lon: float, lat: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


@contextmanager
def extract_box(
    pbf: str | Path,
    box: tuple[float, float, float, float],
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Path]:
    """Yield a temporary PBF holding what the WGS84 box (west, south, east, north) needs.

    Ways crossing the box are complete; so are the member ways of kept relations.
    The file header carries the original file's bounds cut to the box.

    Raises
    ------
    InputFileError
        When the file is truncated or corrupt.
    ImportCancelled
        When ``cancelled()`` turns True.
    """
    is_cancelled = cancelled or (lambda: False)
    workdir = tempfile.mkdtemp(prefix="omgevingsscan-extract-")
    out = Path(workdir) / "extract.osm.pbf"
    locations = os.path.join(workdir, "locations.idx")
    nodes: dict[int, tuple[float, float, dict[str, str]]] = {}
    ways: dict[int, tuple[list[int], dict[str, str], object]] = {}
    relations: dict[int, tuple[list[tuple[str, int, str]], dict[str, str]]] = {}
    missing: set[int] = set()

    def keep_way(way: osmium.osm.Way) -> None:
        refs = []
        for n in way.nodes:
            refs.append(n.ref)
            if n.ref not in nodes and n.location.valid():
                nodes[n.ref] = (n.lon, n.lat, {})
        ways[way.id] = (refs, dict(way.tags), way.timestamp)

    try:
        try:
            fp = (
                osmium.FileProcessor(str(pbf))
                .with_locations(f"sparse_file_array,{locations}")
                .with_filter(EmptyTagFilter().enable_for(osmium.osm.NODE))
            )
            for count, obj in enumerate(fp):
                if count % 5000 == 0 and is_cancelled():
                    raise ImportCancelled("import cancelled")
                if obj.is_node():
                    loc = obj.location
                    if loc.valid() and _in_box(loc.lon, loc.lat, box):
                        nodes[obj.id] = (loc.lon, loc.lat, dict(obj.tags))
                elif obj.is_way():
                    if any(n.location.valid() and _in_box(n.lon, n.lat, box) for n in obj.nodes):
                        keep_way(obj)
                elif obj.is_relation():
                    members = [(m.type, m.ref, m.role) for m in obj.members]
                    if any(
                        (t == "w" and ref in ways) or (t == "n" and ref in nodes)
                        for t, ref, _ in members
                    ):
                        relations[obj.id] = (members, dict(obj.tags))
                        missing.update(ref for t, ref, _ in members if t == "w" and ref not in ways)
            if missing:
                os.unlink(locations)
                fp = (
                    osmium.FileProcessor(str(pbf))
                    .with_locations(f"sparse_file_array,{locations}")
                    .with_filter(EntityFilter(osmium.osm.WAY))
                )
                for way in fp:
                    if way.id in missing:
                        keep_way(way)
        except OSMIUM_ERRORS as exc:
            raise InputFileError(pbf, f"truncated or not valid OSM data ({exc})") from exc
        header = osmium.io.Header()
        header.add_box(osmium.osm.Box(*box))
        mutable = osmium.osm.mutable
        with osmium.SimpleWriter(str(out), header=header) as writer:
            for nid in sorted(nodes):
                lon, lat, tags = nodes[nid]
                writer.add_node(mutable.Node(id=nid, location=(lon, lat), tags=tags, version=1))
            for wid in sorted(ways):
                refs, tags, stamp = ways[wid]
                writer.add_way(
                    mutable.Way(id=wid, nodes=refs, tags=tags, version=1, timestamp=stamp)
                )
            for rid in sorted(relations):
                members, tags = relations[rid]
                writer.add_relation(mutable.Relation(id=rid, members=members, tags=tags, version=1))
        yield out
    finally:
        for f in Path(workdir).iterdir():
            f.unlink()
        os.rmdir(workdir)
