"""Join measured buildings to the scan's OSM buildings: by id, then by footprint overlap.

- **By id**: the OSM tag ``ref:bag`` (one or more BAG numbers, ``;``-separated, with
  or without leading zeros) against the measured set's normalised id; for other data
  sets the id may also equal the OSM id (``w123``).
- **By overlap**: an OSM building left unmatched takes the unused measured building
  whose footprint overlaps it most, when the intersection over union (IoU) of the two
  footprints is at least ``min_iou`` (0.5). Pairs are taken best IoU first, each
  measured building at most once.

Metres in the scan CRS. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from omgevingsscan.io.heights.bag import normalise_bag_id

#: Smallest intersection over union of two footprints taken as the same building.
MIN_IOU = 0.5


@dataclass(frozen=True)
class Join:
    """Which measured row each OSM building took (-1: none) and how ("id", "overlap")."""

    row: np.ndarray
    method: np.ndarray

    @property
    def by_id(self) -> int:
        """Buildings matched by id."""
        return int((self.method == "id").sum())

    @property
    def by_overlap(self) -> int:
        """Buildings matched by footprint overlap."""
        return int((self.method == "overlap").sum())


def _osm_refs(buildings: gpd.GeoDataFrame) -> list[list[str]]:
    refs: list[list[str]] = []
    tags = buildings["tags"] if "tags" in buildings else [None] * len(buildings)
    for raw in tags:
        try:
            t = json.loads(raw) if isinstance(raw, str) else (raw or {})
        except ValueError:
            t = {}
        values = str(t.get("ref:bag", "") or "").split(";")
        refs.append([r for r in (normalise_bag_id(v) for v in values) if r])
    return refs


def join_buildings(
    buildings: gpd.GeoDataFrame,
    measured: gpd.GeoDataFrame,
    *,
    id_column: str | None = "bag_id",
    min_iou: float = MIN_IOU,
) -> Join:
    """Match each OSM building to at most one measured building.

    Parameters
    ----------
    buildings
        The scan's buildings (columns ``osm_id`` and ``tags`` JSON with ``ref:bag``).
    measured
        Measured buildings in the same CRS; ``id_column`` holds their ids (normalised
        BAG numbers, or OSM ids), or None to join by overlap only.
    min_iou
        Smallest intersection over union accepted for the overlap join.

    Returns
    -------
    Join
    """
    n = len(buildings)
    row = np.full(n, -1, dtype=np.int64)
    method = np.full(n, "", dtype=object)
    used = np.zeros(len(measured), dtype=bool)
    if id_column and id_column in measured and len(measured):
        lookup: dict[str, int] = {}
        for j, key in enumerate(measured[id_column].astype(str)):
            if key and key not in lookup:
                lookup[key] = j
        osm_ids = buildings["osm_id"].astype(str).tolist() if "osm_id" in buildings else []
        for i, refs in enumerate(_osm_refs(buildings)):
            keys = refs + ([osm_ids[i]] if osm_ids else [])
            for key in keys:
                j = lookup.get(key, -1)
                if j >= 0 and not used[j]:
                    row[i], method[i], used[j] = j, "id", True
                    break
    left = np.flatnonzero(row < 0)
    if len(left) and (~used).any():
        geoms = shapely.make_valid(np.asarray(measured.geometry.values, dtype=object))
        ok = ~shapely.is_missing(geoms) & ~used
        free = np.flatnonzero(ok)
        tree = shapely.STRtree(geoms[free])
        osm = shapely.make_valid(np.asarray(buildings.geometry.values[left], dtype=object))
        a, b = tree.query(osm, predicate="intersects")
        if len(a):
            inter = shapely.area(shapely.intersection(osm[a], geoms[free[b]]))
            union = shapely.area(osm[a]) + shapely.area(geoms[free[b]]) - inter
            iou = np.where(union > 0, inter / np.maximum(union, 1e-12), 0.0)
            for k in np.argsort(-iou, kind="stable"):
                if iou[k] < min_iou:
                    break
                i, j = left[a[k]], free[b[k]]
                if row[i] < 0 and not used[j]:
                    row[i], method[i], used[j] = j, "overlap", True
    return Join(row, method)
