"""Glue between a Scan's layers and the visibility analyses.

- :func:`index_for` builds (once, then cached while the buildings layer's data is
  the same object) the :class:`VisibilityIndex` of a scan.
- :func:`public_ground_from_layers` and :func:`waiting_spots_from_layers` turn OSM
  layers into the inputs of :func:`exposure`.
- :func:`exposure_for_scan` runs the exposure analysis on a scan: over its terrain
  model when it has one (:func:`.terrain.exposure_terrain`), else on flat
  ground (:func:`.exposure.exposure`).

Metres in the scan's local CRS throughout. No Qt here.
"""

from __future__ import annotations

import json
import weakref
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from omgevingsscan.analysis.visibility.certainty import ExposureRange, exposure_range
from omgevingsscan.analysis.visibility.exposure import ExposureResult, exposure
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.terrain import exposure_terrain
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.io.terrain import terrain_for
from omgevingsscan.layers.validity import valid_geometries
from omgevingsscan.scan import Scan

#: Half width (metres, kerb to façade side included) of a road of each class when
#: its ``width`` tag gives less.
ROAD_HALF_WIDTH_M: dict[str, float] = {
    "motorway": 12.0,
    "trunk": 10.0,
    "primary": 8.0,
    "secondary": 7.0,
    "tertiary": 6.0,
    "residential": 5.0,
    "unclassified": 5.0,
    "living_street": 4.0,
    "service": 3.0,
    "busway": 4.0,
}
#: Half width (metres) of footways, cycleways and pedestrian streets.
PATH_HALF_WIDTH_M: dict[str, float] = {
    "pedestrian": 4.0,
    "footway": 1.5,
    "cycleway": 1.5,
    "path": 1.0,
    "steps": 1.5,
}
#: Land-use classes open to the public (private gardens and yards are not).
PUBLIC_LANDUSE: frozenset[str] = frozenset(
    {
        "park",
        "grass",
        "playground",
        "village_green",
        "recreation_ground",
        "pitch",
        "common",
        "meadow",
        "wood",
        "forest",
        "flowerbed",
        "square",
        "plaza",
        "cemetery",
        "grave_yard",
    }
)
#: POI categories where a person can wait unnoticed.
SPOT_CATEGORIES: frozenset[str] = frozenset({"transit_stop", "parking", "bench", "terrace"})

_INDEX_CACHE: dict[int, tuple[weakref.ref[gpd.GeoDataFrame], VisibilityIndex]] = {}


def index_for(scan: Scan) -> VisibilityIndex:
    """Return the VisibilityIndex of the scan's ``buildings`` layer (cached).

    The cache holds while the layer's data is the same GeoDataFrame object; replacing
    the data (``layer.data = ...``) builds a new index on the next call.
    """
    try:
        frame = scan.frame("buildings")
    except KeyError as exc:
        raise AnalysisInputError("the scan has no buildings layer to analyse") from exc
    key = id(frame)
    hit = _INDEX_CACHE.get(key)
    if hit is not None and hit[0]() is frame:
        return hit[1]
    for k in [k for k, (ref, _) in _INDEX_CACHE.items() if ref() is None]:
        del _INDEX_CACHE[k]
    index = VisibilityIndex(frame)
    _INDEX_CACHE[key] = (weakref.ref(frame), index)
    return index


def _frame(scan: Scan, name: str) -> gpd.GeoDataFrame | None:
    try:
        return scan.frame(name)
    except KeyError:
        return None


def _widths(
    frame: gpd.GeoDataFrame, column: str, table: dict[str, float], default: float
) -> np.ndarray:
    half = np.array([table.get(str(v), default) for v in frame[column]], dtype=float)
    if "width" in frame:
        tagged = pd.to_numeric(frame["width"], errors="coerce").to_numpy(dtype=float) / 2.0
        half = np.where(np.isfinite(tagged), np.maximum(half, tagged), half)
    return half


def public_ground_from_layers(scan: Scan, index: VisibilityIndex | None = None) -> BaseGeometry:
    """Public ground of a scan: streets and paths (buffered to their width), water and
    public green, minus buildings, within the study area.

    Road widths come from the ``width`` tag or :data:`ROAD_HALF_WIDTH_M`; private land
    use (gardens, yards) is left out.
    """
    parts: list[BaseGeometry] = []
    roads = _frame(scan, "roads")
    if roads is not None and len(roads):
        half = _widths(roads, "road_class", ROAD_HALF_WIDTH_M, 4.0)
        parts.extend(shapely.buffer(roads.geometry.values, half, cap_style="flat"))
    paths = _frame(scan, "paths")
    if paths is not None and len(paths):
        half = _widths(paths, "path_class", PATH_HALF_WIDTH_M, 1.5)
        parts.extend(shapely.buffer(paths.geometry.values, half, cap_style="flat"))
    water = _frame(scan, "water")
    if water is not None:
        parts.extend(water.geometry.values)
    landuse = _frame(scan, "landuse")
    if landuse is not None and "landuse_class" in landuse:
        parts.extend(landuse[landuse["landuse_class"].isin(PUBLIC_LANDUSE)].geometry.values)
    area = scan.study_area.polygon
    if not parts:
        return shapely.Polygon()
    ground = shapely.union_all(valid_geometries(np.asarray(parts, dtype=object)))
    ground = ground.intersection(area)
    idx = index or index_for(scan)
    return ground.difference(idx.obstacles)


def _tags(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value:
        try:
            data = json.loads(value)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def _spot_category(category: str, tags: dict[str, Any]) -> str | None:
    if tags.get("amenity") == "bench" or tags.get("leisure") == "picnic_table":
        return "bench"
    if tags.get("leisure") == "outdoor_seating" or tags.get("outdoor_seating") == "yes":
        return "terrace"
    if category in SPOT_CATEGORIES:
        return category
    if tags.get("highway") == "bus_stop" or tags.get("railway") == "tram_stop":
        return "transit_stop"
    return None


def waiting_spots_from_layers(scan: Scan) -> gpd.GeoDataFrame:
    """Places to wait unnoticed: transit stops, parking, benches and terraces (from the
    ``poi`` layer and its tags) and bridges (the point of each bridge nearest the
    site). Columns ``category``, ``osm_id``, ``name``; points in the scan's CRS."""
    rows: list[dict[str, Any]] = []
    poi = _frame(scan, "poi")
    if poi is not None and len(poi):
        for _, r in poi.iterrows():
            cat = _spot_category(str(r.get("category", "")), _tags(r.get("tags")))
            if cat and isinstance(r.geometry, Point):
                rows.append(
                    {
                        "category": cat,
                        "osm_id": r.get("osm_id"),
                        "name": r.get("name"),
                        "geometry": r.geometry,
                    }
                )
    site = scan.site.point
    for layer in ("roads", "paths"):
        frame = _frame(scan, layer)
        if frame is None or "bridge" not in frame:
            continue
        bridges = frame[frame["bridge"].fillna(False).astype(bool)]
        for _, r in bridges.iterrows():
            near = nearest_points(r.geometry, site)[0]
            rows.append(
                {
                    "category": "bridge",
                    "osm_id": r.get("osm_id"),
                    "name": r.get("name"),
                    "geometry": near,
                }
            )
    if not rows:
        return gpd.GeoDataFrame(
            {"category": [], "osm_id": [], "name": []}, geometry=[], crs=scan.crs
        )
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs=scan.crs)
    out["name"] = out["name"].where(out["name"].notna(), "")
    return out


#: Options of :func:`.exposure.exposure` that the exposure over terrain takes too.
_TERRAIN_OPTIONS = (
    "eye_height",
    "facade_height",
    "spacing",
    "top_spacing",
    "window_spacing",
    "progress",
    "cancelled",
)


def _terrain_options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of :func:`exposure` that :func:`exposure_terrain` takes
    (``min_facade_m`` has no counterpart over terrain)."""
    return {k: v for k, v in kwargs.items() if k in _TERRAIN_OPTIONS}


def exposure_range_for_scan(
    scan: Scan, index: VisibilityIndex | None = None, *, k: float = 1.0, **kwargs: Any
) -> ExposureRange:
    """:func:`exposure_for_scan` at the nominal, low and high building heights
    (:func:`.certainty.exposure_range`): the range of the exposed ground and which
    overlook positions are uncertain."""
    idx = index or index_for(scan)
    public = kwargs.pop("public_ground", None)
    if public is None:
        public = public_ground_from_layers(scan, idx)
        public = None if public.is_empty else public
    spots = kwargs.pop("spots") if "spots" in kwargs else waiting_spots_from_layers(scan)
    terrain = terrain_for(scan)
    if terrain is not None:
        over = exposure_terrain(
            idx, terrain, scan.site.point, scan.study_area.polygon, public_ground=public,
            spots=spots, k=k, with_low=True, **_terrain_options(kwargs),
        )  # fmt: skip
        return ExposureRange(over, over.least, over.most)
    return exposure_range(
        idx,
        scan.site.point,
        scan.study_area.polygon,
        k=k,
        public_ground=public,
        spots=spots,
        **kwargs,
    )


def exposure_for_scan(
    scan: Scan, index: VisibilityIndex | None = None, **kwargs: Any
) -> ExposureResult:
    """Run :func:`exposure` for the scan's site, study area, public ground and spots;
    over the scan's terrain model when it has one (:func:`exposure_terrain`, which
    also carries the range of the answer).

    Keyword arguments go to :func:`exposure` (spacing, facade_height, progress, ...).
    """
    idx = index or index_for(scan)
    if len(idx) == 0:
        raise AnalysisInputError("the scan has no buildings to analyse")
    public = kwargs.pop("public_ground", None)
    note = None
    if public is None:
        public = public_ground_from_layers(scan, idx)
        if public.is_empty:
            public = None
            note = "no streets, paths, water or parks in the scan: all open space counts as public"
    spots = kwargs.pop("spots") if "spots" in kwargs else waiting_spots_from_layers(scan)
    terrain = terrain_for(scan)
    if terrain is not None:
        over = exposure_terrain(
            idx, terrain, scan.site.point, scan.study_area.polygon, public_ground=public,
            spots=spots, **_terrain_options(kwargs),
        )  # fmt: skip
        if note:
            over.notes.append(note)
        return over
    result = exposure(
        idx,
        scan.site.point,
        scan.study_area.polygon,
        public_ground=public,
        spots=spots,
        **kwargs,
    )
    if note:
        result.notes.append(note)
    return result
