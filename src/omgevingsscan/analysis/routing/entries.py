"""Entry points of the site: the tagged entrances of the site building, or, when none
is tagged, where the nearest streets give access to it. Coordinates are metres in the
graph's CRS (the scan's local CRS).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import networkx as nx
import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.routing.graph import (
    MAX_SNAP_M,
    NetworkIndex,
    network_index,
)
from omgevingsscan.errors import AnalysisInputError

#: Entrances farther than this (metres) from the site building's outline are not its own.
ENTRANCE_TOLERANCE_M = 3.0
#: A building this close (metres) to the site point counts as the site building.
SITE_BUILDING_M = 15.0
#: At most this many street access points when no entrance is tagged.
MAX_STREET_ACCESS = 4


@dataclass(frozen=True)
class EntryPoint:
    """A way into the site.

    Attributes
    ----------
    label
        "main entrance", "entrance 2", "street access: Amstel", …
    source
        "entrance" (a tagged entrance of the site building) or "street_access".
    x, y
        The entrance or access point, metres in the graph's CRS.
    node
        OSM id of the street node routes use.
    snap_m
        Distance from the point to that node, metres.
    distance_m
        Distance from the site point, metres.
    """

    label: str
    source: str
    x: float
    y: float
    node: int
    snap_m: float
    distance_m: float


def site_building(
    site_xy: tuple[float, float], buildings: gpd.GeoDataFrame | None
) -> BaseGeometry | None:
    """Return the footprint holding the site point, else the nearest within 15 m, else None."""
    if buildings is None or buildings.empty:
        return None
    pt = Point(site_xy)
    geoms = buildings.geometry
    holding = geoms[geoms.covers(pt)]
    if not holding.empty:
        return holding.iloc[0]
    dist = geoms.distance(pt)
    if dist.min() <= SITE_BUILDING_M:
        return geoms.loc[dist.idxmin()]
    return None


def entry_points(
    graph: nx.MultiDiGraph,
    site_xy: tuple[float, float],
    *,
    entrances: gpd.GeoDataFrame | None = None,
    buildings: gpd.GeoDataFrame | None = None,
    max_distance_m: float = 75.0,
    max_snap_m: float = MAX_SNAP_M,
) -> list[EntryPoint]:
    """Return the network entry points of the site.

    Tagged entrances (points in ``entrances``) of the site building that lie within
    ``max_distance_m`` of the site are used when there are any; the building is the
    footprint holding the site (or nearest within 15 m) and an entrance belongs to it
    when within 3 m of its outline. An entrance is tied to the nearer end node of its
    nearest street. Otherwise the nearest point of each street within
    ``max_distance_m`` of the building (or site) gives a *street access*: its point
    nearest to the site (at most four, nearest first), or failing that the single nearest street point. Each entry point
    is tied to the nearer end node of its street. Entrances farther than
    ``max_snap_m`` from every street are left out.
    """
    if max_distance_m <= 0:
        raise AnalysisInputError(f"entry distance {max_distance_m} m must be positive")
    index = network_index(graph)
    site = Point(site_xy)
    building = site_building(site_xy, buildings)
    out: list[EntryPoint] = []
    if entrances is not None and not entrances.empty:
        cand = entrances[entrances.geometry.distance(site) <= max_distance_m]
        if building is not None:
            cand = cand[cand.geometry.distance(building) <= ENTRANCE_TOLERANCE_M]
        cand = cand.assign(_d=cand.geometry.distance(site)).sort_values("_d")
        for number, (_, row) in enumerate(cand.iterrows(), start=1):
            geom = row.geometry
            try:
                pos, snap = index.street_node(geom.x, geom.y, max_snap_m)
            except AnalysisInputError:
                continue
            kind = str(row.get("entrance") or _entrance_value(row.get("tags")) or "")
            label = "main entrance" if kind == "main" else f"entrance {number}"
            out.append(
                EntryPoint(
                    label,
                    "entrance",
                    float(geom.x),
                    float(geom.y),
                    int(index.node_ids[pos]),
                    snap,
                    float(row["_d"]),
                )
            )
    if out:
        return out
    return _street_access(index, site, building or site, max_distance_m, max_snap_m)


def _entrance_value(tags: object) -> str:
    if isinstance(tags, str) and '"entrance"' in tags:
        try:
            return str(json.loads(tags).get("entrance", ""))
        except ValueError:
            return ""
    if isinstance(tags, dict):
        return str(tags.get("entrance", ""))
    return ""


def _street_access(
    index: NetworkIndex,
    site: Point,
    target: BaseGeometry,
    max_distance_m: float,
    max_snap_m: float,
) -> list[EntryPoint]:
    if index.n_arcs == 0:
        raise AnalysisInputError("the street network is empty")
    geoms = index.arc_geoms()
    tree = shapely.STRtree(geoms)
    near = tree.query(target, predicate="dwithin", distance=max_distance_m)
    if near.size == 0:
        near = np.atleast_1d(tree.nearest(target))
    dists = shapely.distance(geoms[near], target)
    best: dict[str, tuple[float, int]] = {}
    for a, d in sorted(zip(near.tolist(), dists.tolist()), key=lambda t: t[1]):
        names = index.arc_names(a)
        key = names[0] if names else f"segment {index.arc_segment[a]}"
        best.setdefault(key, (d, a))
    out: list[EntryPoint] = []
    for name, (_d, a) in sorted(best.items(), key=lambda kv: kv[1][0])[:MAX_STREET_ACCESS]:
        line = geoms[a]
        pt = line.interpolate(line.project(site))  # the street point facing the site
        along = line.project(pt, normalized=True)
        pos = int(index.arc_u[a] if along < 0.5 else index.arc_v[a])
        snap = float(np.hypot(*(index.xy[pos] - (pt.x, pt.y))))
        if snap > max_snap_m:
            continue
        label = f"street access: {name}" if not name.startswith("segment ") else "street access"
        out.append(
            EntryPoint(
                label,
                "street_access",
                float(pt.x),
                float(pt.y),
                int(index.node_ids[pos]),
                snap,
                float(pt.distance(site)),
            )
        )
    if not out:
        raise AnalysisInputError("the site lies outside the street network: no street access found")
    return out


def entry_points_frame(entries: Sequence[EntryPoint], crs: object = None) -> gpd.GeoDataFrame:
    """Return entry points as a point GeoDataFrame.

    Columns: ``label``, ``source`` ("entrance" or "street_access"), ``node`` (OSM id),
    ``snap_m`` and ``distance_m`` (metres).
    """
    return gpd.GeoDataFrame(
        {
            "label": [e.label for e in entries],
            "source": [e.source for e in entries],
            "node": [e.node for e in entries],
            "snap_m": [round(e.snap_m, 1) for e in entries],
            "distance_m": [round(e.distance_m, 1) for e in entries],
        },
        geometry=[Point(e.x, e.y) for e in entries],
        crs=crs,
    )
