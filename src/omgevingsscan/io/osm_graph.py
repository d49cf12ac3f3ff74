"""Walk, bike and drive street networks as osmnx graphs, built from an OSM file.

libosmium (pyosmium) streams the file in C++, keeps node locations, and hands only
``highway`` ways to Python. Each way is tested against osmnx's own Overpass network
filters (``osmnx._overpass._get_network_filter``), so the networks match what osmnx
would download. osmnx then builds, truncates, simplifies and projects each graph.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import osmium
import osmnx as ox
import shapely
from osmnx import _overpass
from osmnx import graph as ox_graph
from shapely.geometry.base import BaseGeometry

from omgevingsscan.errors import ImportCancelled, InputFileError
from omgevingsscan.io.osm_file import OSMIUM_ERRORS
from omgevingsscan.speeds import MODES, add_travel_times

#: Files larger than this keep node locations in a temporary file, not in memory.
LARGE_FILE_BYTES = 64 * 1024 * 1024
#: Extra way tags kept on edges beyond osmnx's defaults.
EXTRA_WAY_TAGS = ("zone:maxspeed", "bicycle", "foot", "motor_vehicle", "layer", "covered")
_MODE_TO_NETWORK = {"walk": "walk", "bike": "bike", "drive": "drive"}
_CLAUSE = re.compile(r'\["([^"]+)"(?:(!?~)"([^"]*)")?\]')

TagPredicate = Callable[[dict[str, str]], bool]


def network_predicate(network_type: str) -> TagPredicate:
    """Return a predicate on a way's tags equal to osmnx's Overpass filter for the type.

    Overpass semantics: ``["k"]`` requires the key; ``["k"!~"re"]`` passes when the key
    is absent or its value does not match the (unanchored) regex; ``["k"~"re"]`` needs
    a match.
    """
    text = _overpass._get_network_filter(network_type)
    clauses = [(k, op, re.compile(v) if op else None) for k, op, v in _CLAUSE.findall(text)]

    def pred(tags: dict[str, str]) -> bool:
        for key, op, rx in clauses:
            value = tags.get(key)
            if not op:
                if value is None:
                    return False
            elif op == "!~":
                if value is not None and rx is not None and rx.search(value):
                    return False
            elif value is None or rx is None or not rx.search(value):
                return False
        return True

    return pred


@contextmanager
def _useful_tags() -> Any:
    old = list(ox.settings.useful_tags_way)
    ox.settings.useful_tags_way = old + [t for t in EXTRA_WAY_TAGS if t not in old]
    try:
        yield
    finally:
        ox.settings.useful_tags_way = old


def read_highways(
    pbf: str | Path,
    bbox_wgs84: tuple[float, float, float, float],
    cancelled: Callable[[], bool] | None = None,
) -> tuple[dict[int, tuple[float, float]], list[dict[str, Any]], str | None]:
    """Stream the file and return the highway ways that touch the WGS84 box.

    Returns
    -------
    nodes, ways, newest
        ``nodes`` maps node id to ``(lon, lat)`` degrees for every node of a kept way;
        ``ways`` are dicts with ``id``, ``nodes`` (ids) and ``tags``; ``newest`` is the
        ISO timestamp of the newest kept way (the data date), or None.
    """
    west, south, east, north = bbox_wgs84
    size = Path(pbf).stat().st_size
    tmpdir = None
    if size > LARGE_FILE_BYTES:
        tmpdir = tempfile.mkdtemp(prefix="omgevingsscan-idx-")
        storage = f"sparse_file_array,{os.path.join(tmpdir, 'nodes.idx')}"
    else:
        storage = "flex_mem"
    nodes: dict[int, tuple[float, float]] = {}
    ways: list[dict[str, Any]] = []
    newest = None
    try:
        fp = (
            osmium.FileProcessor(str(pbf))
            .with_locations(storage)
            .with_filter(osmium.filter.EntityFilter(osmium.osm.WAY))
            .with_filter(osmium.filter.KeyFilter("highway"))
        )
        for count, way in enumerate(fp):
            if cancelled is not None and count % 2000 == 0 and cancelled():
                raise ImportCancelled("import cancelled")
            try:
                locs = [(n.ref, n.lon, n.lat) for n in way.nodes]
            except osmium.InvalidLocationError:
                continue
            if not any(west <= lon <= east and south <= lat <= north for _, lon, lat in locs):
                continue
            for ref, lon, lat in locs:
                nodes[ref] = (lon, lat)
            ways.append({"id": way.id, "nodes": [r for r, _, _ in locs], "tags": dict(way.tags)})
            ts = way.timestamp.isoformat() if way.timestamp.year > 1970 else None
            if ts and (newest is None or ts > newest):
                newest = ts
    except OSMIUM_ERRORS as exc:
        raise InputFileError(pbf, f"truncated or not valid OSM data ({exc})") from exc
    finally:
        if tmpdir:
            for f in Path(tmpdir).iterdir():
                f.unlink()
            os.rmdir(tmpdir)
    return nodes, ways, newest


def build_graph(
    nodes: dict[int, tuple[float, float]],
    ways: list[dict[str, Any]],
    mode: str,
    area_wgs84: BaseGeometry,
    crs: str,
) -> nx.MultiDiGraph:
    """Build the osmnx graph of one travel mode, clipped to an area, in a metric CRS.

    Parameters
    ----------
    nodes, ways
        Output of :func:`read_highways`.
    mode
        "walk", "bike" or "drive".
    area_wgs84
        Polygon (EPSG:4326) the graph is truncated to.
    crs
        Local metric CRS the graph is projected to; edges get ``length`` (m),
        ``speed_kph`` and ``travel_time`` (s).

    Returns
    -------
    networkx.MultiDiGraph
        Simplified, largest weakly connected component; empty when no way fits.
    """
    if mode not in MODES:
        raise ValueError(f"unknown travel mode {mode!r}")
    pred = network_predicate(_MODE_TO_NETWORK[mode])
    # Truncate by edge before building (as osmnx's truncate_graph_polygon with
    # truncate_by_edge=True would): keep a way when any of its nodes lies in the area.
    ids = np.fromiter(nodes.keys(), dtype=np.int64, count=len(nodes))
    coords = np.array(list(nodes.values()), dtype=float).reshape(-1, 2)
    inside_ids = set(ids[shapely.contains_xy(area_wgs84, coords[:, 0], coords[:, 1])].tolist())
    kept = [w for w in ways if pred(w["tags"]) and not inside_ids.isdisjoint(w["nodes"])]
    if not kept:
        return nx.MultiDiGraph(crs=crs)
    used = {n for w in kept for n in w["nodes"]}
    elements: list[dict[str, Any]] = [
        {"type": "node", "id": n, "lon": nodes[n][0], "lat": nodes[n][1]} for n in used
    ]
    elements += [
        {"type": "way", "id": w["id"], "nodes": w["nodes"], "tags": w["tags"]} for w in kept
    ]
    with _useful_tags():
        g = ox_graph._create_graph([{"elements": elements}], bidirectional=mode == "walk")
    # Keep the largest weakly connected component, in place (osmnx copies the graph).
    largest = max(nx.weakly_connected_components(g), key=len)
    g.remove_nodes_from([n for n in list(g.nodes) if n not in largest])
    g = ox.simplify_graph(g)
    g = ox.project_graph(g, to_crs=crs)
    return add_travel_times(g, mode)
