"""Valid polygons: OSM polygons are often invalid (bow-ties, self-touching rings, rings cut
at the data edge), and GEOS overlays (intersection, union, difference) fail on them with
``TopologyException``. The import makes them valid once; these helpers also repair what
older scan files still hold, and guard the overlays in export and analysis.

Works in any CRS; no Qt here.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

_POLYGONAL = (Polygon, MultiPolygon)


def polygonal_part(geom: BaseGeometry | None) -> BaseGeometry | None:
    """Return the valid polygonal part of ``geom`` (an empty Polygon when it has none).

    Non-polygonal geometries (points, lines) and ``None`` are returned unchanged; a
    valid polygon is returned as it is (no copy).
    """
    if geom is None or not isinstance(geom, _POLYGONAL) or geom.is_valid:
        return geom
    fixed = shapely.make_valid(geom)
    if isinstance(fixed, _POLYGONAL):
        return fixed
    polys = [p for p in shapely.get_parts(fixed) if isinstance(p, Polygon) and not p.is_empty]
    if not polys:
        return Polygon()
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def valid_geometries(geoms: NDArray[np.object_] | gpd.GeoSeries) -> NDArray[np.object_]:
    """Return the geometries with every invalid polygon replaced by its polygonal part.

    Only invalid polygons are touched, so this is cheap on data that is already valid.
    """
    arr = np.asarray(geoms, dtype=object).copy()
    if len(arr) == 0:
        return arr
    polygonal = np.isin(shapely.get_type_id(arr), (3, 6))  # Polygon, MultiPolygon
    bad = np.flatnonzero(polygonal & ~shapely.is_valid(arr))
    for i in bad:
        arr[i] = polygonal_part(arr[i])
    return arr


def count_invalid(frame: gpd.GeoDataFrame) -> int:
    """Number of invalid polygons in ``frame``."""
    if frame.empty:
        return 0
    arr = frame.geometry.to_numpy()
    types = shapely.get_type_id(arr)
    return int(np.count_nonzero(np.isin(types, (3, 6)) & ~shapely.is_valid(arr)))


def make_frame_valid(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return ``frame`` itself when its polygons are valid, else a copy with them repaired."""
    if count_invalid(frame) == 0:
        return frame
    out = frame.copy()
    out[out.geometry.name] = gpd.GeoSeries(
        valid_geometries(frame.geometry.to_numpy()), index=frame.index, crs=frame.crs
    )
    return out
