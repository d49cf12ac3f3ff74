"""Overlook positions for :func:`.exposure.exposure`: neighbouring buildings
whose façades see the site, and waiting spots with a view of it, ranked.

Metres in the index's CRS; flat terrain, prism buildings (see :mod:`.los`).
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.facade import (
    CLEARANCE_M,
    _normals,
    _samples_per_wall,
    facade_samples,
)
from omgevingsscan.analysis.visibility.index import FloatArray, IntArray, VisibilityIndex
from omgevingsscan.analysis.visibility.isovist import isovist_ex
from omgevingsscan.settings import EYE_HEIGHT_M, LEVEL_HEIGHT_M, MAX_RADIUS_M

Progress = Callable[[float, str], None]

#: Eye height below the roof of a building's top-floor window, metres.
TOP_WINDOW_BELOW_ROOF_M: float = LEVEL_HEIGHT_M - EYE_HEIGHT_M

POSITION_COLUMNS = [
    "rank",
    "kind",
    "category",
    "osm_id",
    "name",
    "distance_m",
    "facade_m",
    "view_deg",
    "upper_floors",
    "lowest_seen_m",
    "height_m",
]


def _union_length(wall: IntArray, s0: FloatArray, s1: FloatArray, n_walls: int) -> FloatArray:
    """Total length per wall of the union of intervals ``[s0, s1]`` on it."""
    out = np.zeros(n_walls)
    if len(wall) == 0:
        return out
    lo, hi = np.minimum(s0, s1), np.maximum(s0, s1)
    span = float(hi.max() - lo.min()) + 1.0
    base = wall * span
    order = np.lexsort((lo, wall))
    lo, hi, wall, base = lo[order] + base[order], hi[order] + base[order], wall[order], base[order]
    reach = np.maximum.accumulate(hi)
    prev = np.concatenate(([-np.inf], reach[:-1]))
    prev = np.maximum(prev, base)  # runs of another wall lie below this wall's base
    np.add.at(out, wall, np.maximum(0.0, hi - np.maximum(lo, prev)))
    return out


def _pieces_on_walls(
    index: VisibilityIndex, pieces: FloatArray, walls: IntArray
) -> tuple[FloatArray, FloatArray]:
    """Parameters (metres from each wall's start) of both ends of each piece."""
    w = index.walls[walls]
    dx, dy = w[:, 2] - w[:, 0], w[:, 3] - w[:, 1]
    length = np.hypot(dx, dy)
    s0 = ((pieces[:, 0] - w[:, 0]) * dx + (pieces[:, 1] - w[:, 1]) * dy) / length
    s1 = ((pieces[:, 2] - w[:, 0]) * dx + (pieces[:, 3] - w[:, 1]) * dy) / length
    return np.clip(s0, 0, length), np.clip(s1, 0, length)


def _distances(site_shape: BaseGeometry, xy: FloatArray) -> FloatArray:
    """Distance (metres) from the site to each point ``(n, 2)``, computed once per
    distinct point (visible stretches of walls share many ends)."""
    if len(xy) == 0:
        return np.zeros(0)
    codes, uniq = pd.factorize(xy[:, 0] + 1j * xy[:, 1])
    return shapely.distance(site_shape, shapely.points(uniq.real, uniq.imag))[codes]


def _nearest(group: IntArray, dist: FloatArray) -> tuple[IntArray, IntArray]:
    """The groups, ascending, and in each the (first) index of the smallest ``dist``."""
    if len(group) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.lexsort((np.arange(len(group)), dist, group))
    first = np.ones(len(order), dtype=bool)
    first[1:] = group[order][1:] != group[order][:-1]
    return group[order][first], order[first]


def _building_rows(
    index: VisibilityIndex,
    eye_index: VisibilityIndex,
    parent: IntArray,
    is_site: np.ndarray,
    site_shape: BaseGeometry,
    study_area: Polygon,
    pieces: FloatArray,
    piece_walls: IntArray,
    targets: FloatArray,
    target_normals: FloatArray,
    z_top: float,
    window_spacing: float,
    min_facade_m: float,
    step: Progress,
) -> list[dict[str, object]]:
    """Overlooking buildings: walls seen at eye level, and top-floor windows with a view."""
    found: dict[int, dict[str, object]] = {}

    # Eye level: exact visible stretches of other buildings' walls.
    owner = parent[eye_index.wall_owner[piece_walls]] if len(piece_walls) else piece_walls
    keep = ~is_site[owner] if len(owner) else np.zeros(0, dtype=bool)
    pieces, piece_walls, owner = pieces[keep], piece_walls[keep], owner[keep]
    mid_x, mid_y = (pieces[:, 0] + pieces[:, 2]) / 2, (pieces[:, 1] + pieces[:, 3]) / 2
    inside = shapely.intersects_xy(study_area, mid_x, mid_y)
    pieces, piece_walls, owner = pieces[inside], piece_walls[inside], owner[inside]
    if len(pieces):
        s0, s1 = _pieces_on_walls(eye_index, pieces, piece_walls)
        per_wall = _union_length(piece_walls, s0, s1, len(eye_index.walls))
        wall_building = parent[eye_index.wall_owner[np.arange(len(eye_index.walls))]]
        facade = np.bincount(wall_building, weights=per_wall, minlength=len(index))
        ends = np.vstack([pieces[:, 0:2], pieces[:, 2:4]])
        end_owner = np.concatenate([owner, owner])
        wanted = facade[end_owner] >= min_facade_m
        ends, end_owner = ends[wanted], end_owner[wanted]
        dist = _distances(site_shape, ends)
        for b, j in zip(*_nearest(end_owner, dist)):
            found[int(b)] = {
                "facade_m": float(facade[b]),
                "distance_m": float(dist[j]),
                "xy": ends[j],
                "upper_floors": False,
                "lowest_seen_m": 0.0,
            }

    # Upper floors: top-floor windows on walls facing the site, 2.5D sight lines to
    # the top of the façade, for buildings not already seen at eye level.
    if len(targets):
        owner_ok = index.wall_owner >= 0
        listed = np.zeros(len(index), dtype=bool)
        listed[list(found)] = True
        cand = (
            owner_ok
            & ~is_site[np.maximum(index.wall_owner, 0)]
            & ~listed[np.maximum(index.wall_owner, 0)]
        )
        wall_ids = np.flatnonzero(cand)
        w = index.walls[wall_ids]
        centre = np.asarray(site_shape.centroid.coords[0])
        mid = (w[:, 0:2] + w[:, 2:4]) / 2
        normal = np.column_stack([w[:, 3] - w[:, 1], w[:, 0] - w[:, 2]])
        facing = np.einsum("ij,ij->i", normal, centre - mid) > 0
        in_area = shapely.intersects_xy(study_area, mid[:, 0], mid[:, 1])
        sel = wall_ids[facing & in_area]
        wxy = facade_samples(index.walls[sel], window_spacing, dedupe=False)
        per_wall = _samples_per_wall(index.walls[sel], window_spacing)
        wown = np.repeat(index.wall_owner[sel], per_wall)
        wnorm = np.repeat(_normals(index.walls[sel]), per_wall, axis=0)
        ok = index.free_mask(wxy, CLEARANCE_M)
        wxy, wown, wnorm = wxy[ok], wown[ok], wnorm[ok]
        wh = np.maximum(index.heights[wown] - TOP_WINDOW_BELOW_ROOF_M, EYE_HEIGHT_M)
        lowest = _window_views(index, wxy, wh, wnorm, targets, target_normals, z_top, step)
        seen = np.flatnonzero(np.isfinite(lowest))
        dist = _distances(site_shape, wxy[seen])
        count = np.bincount(wown[seen], minlength=len(index))
        low = np.full(len(index), np.inf)
        np.minimum.at(low, wown[seen], lowest[seen])
        for b, j in zip(*_nearest(wown[seen], dist)):
            found[int(b)] = {
                "facade_m": float(count[b] * window_spacing),
                "distance_m": float(dist[j]),
                "xy": wxy[seen[j]],
                "upper_floors": True,
                "lowest_seen_m": float(low[b]),
            }
    rows = []
    for b, row in found.items():
        info = index.building(b)
        rows.append(
            {
                "kind": "building",
                "category": "building",
                "osm_id": info.osm_id,
                "name": info.name,
                "distance_m": row["distance_m"],
                "facade_m": row["facade_m"],
                "view_deg": np.nan,
                "upper_floors": row["upper_floors"],
                "lowest_seen_m": row["lowest_seen_m"],
                "height_m": info.height,
                "geometry": Point(row["xy"]),  # type: ignore[arg-type]
            }
        )
    return rows


#: Windows per call of the compiled kernel (progress and Cancel between calls).
_WINDOW_BATCH = 2048


def _window_views(
    index: VisibilityIndex,
    windows: FloatArray,
    heights: FloatArray,
    window_normals: FloatArray | None,
    targets: FloatArray,
    target_normals: FloatArray,
    z_top: float,
    step: Progress | None = None,
) -> FloatArray:
    """For each window (eye at ``heights``), the lowest façade height it sees over the
    buildings at any target facing it (inf when it sees none up to ``z_top``). Only
    pairs where each lies in front of the other's wall are tested (windows without
    ``window_normals`` are spots in the open, in front of everything).

    Compiled kernel (:func:`.los_kernel.windows_lowest`): each sight line stops at its
    first blocking wall, each window once no other target can lower its answer; the
    answers are those of :func:`.los.visible_many` and :func:`.los.lowest_visible_height`.
    """
    from omgevingsscan.analysis.visibility.los_kernel import windows_lowest

    lowest = np.full(len(windows), np.inf)
    for start in range(0, len(windows), _WINDOW_BATCH):
        if step is not None:
            step(0.8 + 0.1 * start / max(len(windows), 1), "Upper-floor windows")
        part = slice(start, start + _WINDOW_BATCH)
        lowest[part] = windows_lowest(
            index,
            windows[part],
            heights[part],
            None if window_normals is None else window_normals[part],
            targets,
            target_normals,
            z_top,
        )
    return lowest


def _spot_rows(
    index: VisibilityIndex,
    eye_index: VisibilityIndex,
    parent: IntArray,
    site_idx: list[int],
    site_shape: BaseGeometry,
    study_area: Polygon,
    spots: gpd.GeoDataFrame | None,
    targets: FloatArray,
    target_normals: FloatArray,
    z_top: float,
    eye: float,
) -> list[dict[str, object]]:
    """Waiting spots with a view of the façade (eye-level width, or upper floors)."""
    if spots is None or spots.empty:
        return []
    pts = spots[spots.geometry.geom_type == "Point"]
    pts = pts[pts.intersects(study_area)]
    if pts.empty:
        return []
    xy = np.column_stack([pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()])
    free = eye_index.free_mask(xy) & index.free_mask(xy)
    pts, xy = pts[free], xy[free]
    in_eye = {int(np.flatnonzero(parent == s)[0]) for s in site_idx if (parent == s).any()}
    rows = []
    site_far = shapely.hausdorff_distance(site_shape, site_shape.centroid) if site_idx else 0.0
    for (_, spot), p in zip(pts.iterrows(), xy):
        d = float(shapely.distance(site_shape, Point(p)))
        view = 0.0
        if site_idx:
            r = min(d + 2 * site_far + 1.0, MAX_RADIUS_M)
            iso = isovist_ex(eye_index, p, r, check=False)
            view = float(sum(iso.view_deg.get(s, 0.0) for s in in_eye))
        else:
            iso = isovist_ex(eye_index, p, min(d + 1.0, MAX_RADIUS_M), check=False)
            view = 360.0 if iso.polygon.covers(site_shape) else 0.0
        lowest = 0.0 if view > 0 else np.inf
        if view <= 0 and len(targets) and z_top > eye:
            lowest = _spot_upper_view(index, p, eye, targets, target_normals, z_top)
        if not np.isfinite(lowest):
            continue
        rows.append(
            {
                "kind": "spot",
                "category": str(spot.get("category", "spot")),
                "osm_id": str(spot.get("osm_id", "") or ""),
                "name": str(spot.get("name", "") or "") if pd.notna(spot.get("name")) else "",
                "distance_m": d,
                "facade_m": np.nan,
                "view_deg": view,
                "upper_floors": view <= 0,
                "lowest_seen_m": lowest,
                "height_m": np.nan,
                "geometry": Point(p),
            }
        )
    return rows


def _spot_upper_view(
    index: VisibilityIndex,
    p: FloatArray,
    eye: float,
    targets: FloatArray,
    target_normals: FloatArray,
    z_top: float,
) -> float:
    """Lowest façade height a person at ``p`` sees over the buildings (inf: none)."""
    return float(
        _window_views(index, p[None], np.array([eye]), None, targets, target_normals, z_top)[0]
    )


def _rank(rows: list[dict[str, object]], crs: object) -> gpd.GeoDataFrame:
    """Rank positions: nearest first; ties by the widest view."""
    if not rows:
        frame = gpd.GeoDataFrame({c: [] for c in POSITION_COLUMNS}, geometry=[], crs=crs)
        return frame
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)
    width = frame["facade_m"].fillna(0.0) + frame["view_deg"].fillna(0.0)
    order = np.lexsort((-width.to_numpy(), frame["distance_m"].to_numpy()))
    frame = frame.iloc[order].reset_index(drop=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    return frame[[*POSITION_COLUMNS, "geometry"]]


def position_rows(
    index: VisibilityIndex,
    eye_index: VisibilityIndex,
    parent: IntArray,
    is_site: np.ndarray,
    site_idx: list[int],
    site_shape: BaseGeometry,
    study_area: Polygon,
    walls: FloatArray,
    pieces: list[FloatArray],
    piece_walls: list[IntArray],
    spots: gpd.GeoDataFrame | None,
    z_top: float,
    eye: float,
    window_spacing: float,
    min_facade_m: float,
    step: Progress,
) -> list[dict[str, object]]:
    """The overlook positions: overlooking buildings (walls seen at eye level, the
    visible ``pieces`` of wall of each façade sample, and top-floor windows seeing the
    façade top) and waiting spots. Metres, the index's CRS; see :func:`exposure`."""
    step(0.75, "Overlooking buildings")
    if site_idx and z_top > eye:
        targets = facade_samples(walls, window_spacing, dedupe=False)
        target_normals = np.repeat(
            _normals(walls), _samples_per_wall(walls, window_spacing), axis=0
        )
        ok = index.free_mask(targets, CLEARANCE_M)
        targets, target_normals = targets[ok], target_normals[ok]
    else:
        targets, target_normals = np.empty((0, 2)), np.empty((0, 2))
    rows = _building_rows(
        index,
        eye_index,
        parent,
        is_site,
        site_shape,
        study_area,
        np.vstack(pieces) if pieces else np.empty((0, 4)),
        np.concatenate(piece_walls) if piece_walls else np.empty(0, dtype=np.int64),
        targets,
        target_normals,
        z_top,
        window_spacing,
        min_facade_m,
        step,
    )
    step(0.9, "Waiting spots")
    rows += _spot_rows(
        index,
        eye_index,
        parent,
        site_idx,
        site_shape,
        study_area,
        spots,
        targets,
        target_normals,
        z_top,
        eye,
    )
    return rows
