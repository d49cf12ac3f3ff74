"""Exposure of the site over terrain: from where on public ground, from which buildings
and from which waiting spots a person sees the site's façade, when the ground is a
terrain model (issue 11). Without one, :func:`.exposure.exposure` (flat ground) is used.

Model
-----
The sight lines' model (:mod:`.sight`) on a raster: the ground is the DEM (bilinear
between cell centres), every building a prism from the ground under it (its base,
:func:`.sight.building_bases`) to ``base + H``, burnt into a raster of
:data:`BUILDING_CELL_M` cells (a cell belongs to the building holding its centre). A
line is blocked where it runs below a building top or below the ground (the ground
raised by the DEM's uncertainty between the ends, as in the sight lines), sampled every
half cell of the finer raster; the ends' own DEM cell and their own wall (one metre)
are left out.

Method
------
- The **façade** is sampled as in :func:`.exposure.exposure`: points 5 cm in front of
  the site's walls on open space, at eye level every ``spacing`` metres (at least
  :data:`MIN_SPACING_M`) and at the façade's top every ``top_spacing`` metres.
- **Public ground** is a grid of cells (the DEM cell within 2–4 m, grown so that the
  study area holds at most :data:`MAX_CELLS` cells); a cell sees the façade when a
  person standing at its centre (``eye_height`` above the ground) has a clear line to
  any sample: to an eye-level sample (``ground_eye``) or to any (``ground``). Each
  line is tested at the low, nominal and high heights (building heights moved by
  ``k`` uncertainties, the ground between the ends by ``k`` times the DEM's), so the
  result carries its range: the ground seen at the high heights (``least``) and at the
  low heights (``most``). The cells are polygonised and clipped to the public ground.
- **Overlooking buildings**: top-floor windows (1.4 m below the roof) every
  ``window_spacing`` metres on walls facing the site, tested against every sample;
  **waiting spots**: a person at each spot, likewise. On a flat DEM with fixed heights
  the demo site gets 403 positions against the exact flat method's 406. ``lowest_seen_m`` is 0 when an
  eye-level sample is in view and the façade height when only the top is; ``view_deg``
  is not computed over terrain (NaN). The ``certainty`` column says which positions
  are *uncertain* (not seen at the high heights); with ``with_low`` those seen only at
  the low heights are listed too.

It is exact at the cell centres, windows and spots, on the raster: building edges are
right to half a building cell (0.5 m), edges of the seen ground to half a grid cell.
Runtime: about 10–30 s for the 500 m demo scan on one core (BENCHMARKS.md). Metres in
the index's (the scan's) CRS. No Qt here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely
from affine import Affine
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.certainty import low_high
from omgevingsscan.analysis.visibility.exposure import ExposureResult
from omgevingsscan.analysis.visibility.facade import (
    CLEARANCE_M,
    facade_samples,
    site_buildings,
)
from omgevingsscan.analysis.visibility.index import FloatArray, VisibilityIndex
from omgevingsscan.analysis.visibility.overlook import POSITION_COLUMNS
from omgevingsscan.analysis.visibility.terrain.kernel import seen_any, sky_bound
from omgevingsscan.analysis.visibility.terrain.sight import TERRAIN_TOLERANCE_M, building_bases
from omgevingsscan.analysis.visibility.terrain.viewshed import TERRAIN, cells_to_polygons
from omgevingsscan.errors import AnalysisInputError, ImportCancelled
from omgevingsscan.io.terrain import Terrain
from omgevingsscan.settings import EYE_HEIGHT_M, LEVEL_HEIGHT_M

#: Raster cell (metres) of the buildings burnt onto the terrain.
BUILDING_CELL_M = 1.0
#: Smallest and largest grid cell (metres) of the public ground before the cap.
MIN_CELL_M, MAX_CELL_M = 2.0, 4.0
#: Most public-ground cells in the study area; the cell grows beyond that.
MAX_CELLS = 15_000
#: Eye-level façade samples are at least this far apart (metres).
MIN_SPACING_M = 4.0
#: Top-floor windows sit this far below the roof (metres), as on flat ground.
WINDOW_BELOW_ROOF_M = LEVEL_HEIGHT_M - EYE_HEIGHT_M
#: Sources per kernel call (how often progress is reported).
_CHUNK = 2_000
#: Building walls closer than this to a line's end (metres) are the end's own.
_OWN_WALL_M = 2.0 * BUILDING_CELL_M

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


@dataclass
class TerrainExposure(ExposureResult):
    """An exposure over terrain (see the module): an :class:`ExposureResult` whose
    ``visible`` is the public ground seen (only public ground is tested), with the
    range of the answer and how it was computed.

    Attributes
    ----------
    least, most
        Public ground seeing the façade at the high and at the low heights.
    cell_m, cells
        Grid cell (metres) and the number of public-ground cells tested.
    seconds
        Time taken.
    ground_model
        "terrain".
    """

    least: BaseGeometry = field(default_factory=Polygon)
    most: BaseGeometry = field(default_factory=Polygon)
    cell_m: float = 0.0
    cells: int = 0
    seconds: float = 0.0
    ground_model: str = TERRAIN

    @property
    def area_range_m2(self) -> tuple[float, float]:
        """Least and most public ground seeing the façade, m²."""
        return float(self.least.area), float(self.most.area)


def ground_cell(terrain: Terrain, area_m2: float) -> float:
    """Grid cell (metres) of the public ground: the DEM cell within
    [:data:`MIN_CELL_M`, :data:`MAX_CELL_M`], grown to keep at most :data:`MAX_CELLS`."""
    cell = min(max(float(terrain.cell), MIN_CELL_M), MAX_CELL_M)
    return max(cell, math.sqrt(area_m2 / MAX_CELLS))


def _tops(
    index: VisibilityIndex, bases: FloatArray, k: float, bounds: tuple[float, ...]
) -> tuple[np.ndarray, tuple[float, float, float]]:
    """``(3, rows, cols)`` building tops (absolute m, -inf elsewhere) at the low,
    nominal and high heights over ``bounds``, and the raster's (x0, y0, cell)."""
    from rasterio.features import rasterize

    x0, y0, x1, y1 = bounds
    cell = max(BUILDING_CELL_M, math.sqrt((x1 - x0) * (y1 - y0) / 16e6))
    cols, rows = math.ceil((x1 - x0) / cell), math.ceil((y1 - y0) / cell)
    transform = Affine(cell, 0.0, x0, 0.0, -cell, y1)
    near = index._footprint_tree.query(shapely.box(*bounds), predicate="intersects")
    low, high = low_high(index, k)
    out = np.full((3, rows, cols), -np.inf, dtype=np.float32)
    for level, heights in enumerate((low, index.heights, high)):
        if len(near):
            out[level] = rasterize(
                zip(index.footprints[near], (bases + heights)[near], strict=True),
                out_shape=(rows, cols),
                transform=transform,
                fill=-np.inf,
                dtype="float32",
            )
    return out, (x0, y1, cell)


def exposure_terrain(
    index: VisibilityIndex,
    terrain: Terrain,
    site: BaseGeometry,
    study_area: Polygon,
    *,
    public_ground: BaseGeometry | None = None,
    spots: gpd.GeoDataFrame | None = None,
    eye_height: float = EYE_HEIGHT_M,
    facade_height: float | None = None,
    spacing: float = MIN_SPACING_M,
    top_spacing: float = 4.0,
    window_spacing: float = 4.0,
    k: float = 1.0,
    cell: float | None = None,
    with_low: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> TerrainExposure:
    """Find from where the site's façade can be seen, over ``terrain``.

    Parameters
    ----------
    index, terrain
        Buildings with heights and uncertainties; ground elevations (metres, same CRS).
    site, study_area, public_ground, spots, eye_height, facade_height
        As :func:`.exposure.exposure`.
    spacing, top_spacing, window_spacing
        Sample spacing (metres) of the façade at eye level (at least
        :data:`MIN_SPACING_M`), of the façade top, and of other buildings' windows.
    k
        Uncertainties moved for the low and high heights.
    cell
        Grid cell of the public ground, metres (default :func:`ground_cell`).
    with_low
        Also list the positions seen only at the low heights (as *uncertain*), as
        :func:`.certainty.exposure_range` does; else the positions seen at the
        nominal heights, each *certain* or *uncertain*.
    progress, cancelled
        As :func:`.exposure.exposure` (ImportCancelled when cancelled).

    Returns
    -------
    TerrainExposure
    """
    start = time.perf_counter()
    stop = cancelled or (lambda: False)

    def step(fraction: float, message: str) -> None:
        if stop():
            raise ImportCancelled("exposure analysis cancelled")
        if progress is not None:
            progress(fraction, message)

    for name, value in (("spacing", spacing), ("top_spacing", top_spacing),
                        ("window_spacing", window_spacing)):  # fmt: skip
        if not (math.isfinite(value) and value > 0):
            raise AnalysisInputError(f"{name} must be > 0 m, got {value!r}")
    if study_area.is_empty:
        raise AnalysisInputError("the study area is empty")
    eye = float(eye_height)
    step(0.0, "Sampling the façade")
    site_idx = site_buildings(index, site)
    bases = building_bases(index, terrain)
    is_site = np.zeros(len(index), dtype=bool)
    is_site[site_idx] = True
    z_top = float(facade_height) if facade_height is not None else (
        float(index.heights[site_idx].max()) if site_idx else eye
    )  # fmt: skip
    z_top = max(z_top, eye)
    sel = np.flatnonzero((index.wall_owner >= 0) & is_site[np.maximum(index.wall_owner, 0)])
    walls = index.walls[sel]
    notes: list[str] = []
    if site_idx:
        site_shape: BaseGeometry = shapely.union_all(index.footprints[site_idx])
        eye_pts = facade_samples(walls, max(spacing, MIN_SPACING_M))
        top_pts = facade_samples(walls, top_spacing)
    else:
        site_shape = site if isinstance(site, Point) else site.buffer(0.0)
        pt = site_shape.representative_point()
        eye_pts = top_pts = np.array([[pt.x, pt.y]])
        notes.append("the site lies in open space; its location itself is watched")
    eye_pts = eye_pts[index.free_mask(eye_pts, CLEARANCE_M)]
    top_pts = top_pts[index.free_mask(top_pts, CLEARANCE_M)]
    if len(eye_pts) == 0:
        raise AnalysisInputError("the site has no façade on open space to look at")
    site_base = float(bases[site_idx].min()) if site_idx else 0.0
    z_eye_pts = terrain.elevation(eye_pts[:, 0], eye_pts[:, 1]) + eye
    z_top_pts = np.full(len(top_pts), site_base + z_top) if site_idx else z_eye_pts[:1]
    targets = np.vstack([eye_pts, top_pts]) if z_top > eye else eye_pts
    z_targets = np.concatenate([z_eye_pts, z_top_pts]) if z_top > eye else z_eye_pts
    n_eye = len(eye_pts)

    bounds = tuple(np.asarray(study_area.buffer(5.0).bounds))
    tops, origin = _tops(index, bases, k, bounds)
    dz = k * terrain.sigma_m
    sky = sky_bound(terrain, tops, origin, dz)
    common = {
        "skip": (terrain.cell, _OWN_WALL_M),
        "tolerance": TERRAIN_TOLERANCE_M,
        "dz": dz,
        "sky": sky,
    }

    def sees(src: FloatArray, zsrc: FloatArray, lo: float, hi: float) -> tuple[np.ndarray, ...]:
        """(seen eye-level, seen any) per source, each ``(n, 3)`` low/nominal/high."""
        at_eye = np.zeros((len(src), 3), dtype=bool)
        at_all = np.zeros((len(src), 3), dtype=bool)
        for s in range(0, len(src), _CHUNK):
            step(lo + (hi - lo) * s / max(len(src), 1), "Sight lines over the terrain")
            part, zp = src[s : s + _CHUNK], zsrc[s : s + _CHUNK]
            at_eye[s : s + _CHUNK] = seen_any(
                terrain, tops, origin, part, zp, targets[:n_eye], z_targets[:n_eye], **common
            )
            rest = ~at_eye[s : s + _CHUNK, 2]
            more = np.zeros((len(part), 3), dtype=bool)
            if len(targets) > n_eye and rest.any():
                more[rest] = seen_any(
                    terrain, tops, origin, part[rest], zp[rest],
                    targets[n_eye:], z_targets[n_eye:], **common,
                )  # fmt: skip
            at_all[s : s + _CHUNK] = at_eye[s : s + _CHUNK] | more
        return at_eye, at_all

    # Public ground: a grid of cells.
    public = study_area if public_ground is None else public_ground.intersection(study_area)
    size = ground_cell(terrain, public.area) if cell is None else float(cell)
    x0, y0, x1, y1 = public.bounds if not public.is_empty else study_area.bounds
    cols, rows = max(math.ceil((x1 - x0) / size), 1), max(math.ceil((y1 - y0) / size), 1)
    transform = Affine(size, 0.0, x0, 0.0, -size, y1)
    gx, gy = np.meshgrid(x0 + (np.arange(cols) + 0.5) * size, y1 - (np.arange(rows) + 0.5) * size)
    shapely.prepare(public)
    inside = shapely.contains_xy(public, gx, gy) & index.free_mask(
        np.column_stack([gx.ravel(), gy.ravel()]), 0.0
    ).reshape(gx.shape)
    r_idx, c_idx = np.nonzero(inside)
    src = np.column_stack([gx[r_idx, c_idx], gy[r_idx, c_idx]])
    at_eye, at_all = sees(src, terrain.elevation(src[:, 0], src[:, 1]) + eye, 0.05, 0.7)

    def area(flags: np.ndarray) -> BaseGeometry:
        grid = np.zeros(gx.shape, dtype=bool)
        grid[r_idx[flags], c_idx[flags]] = True
        return cells_to_polygons(grid, transform).intersection(public)

    step(0.7, "Building the seen ground")
    ground, ground_eye = area(at_all[:, 1]), area(at_eye[:, 1])
    least, most = area(at_all[:, 2]), area(at_all[:, 0])

    level = 0 if with_low else 1  # which positions are listed: seen at the low / nominal
    rows_out = _window_rows(index, bases, is_site, site_shape, study_area, window_spacing,
                            z_top, sees, level)  # fmt: skip
    step(0.9, "Waiting spots")
    rows_out += _spot_rows(terrain, site_shape, spots, eye, z_top, sees, level)
    notes += [
        f"ground model: terrain ({terrain.source or 'DEM'}, {terrain.cell:.2f} m cells, "
        f"±{terrain.sigma_m:g} m); buildings on a {origin[2]:.2f} m raster",
        f"public ground: {len(src):,} cells of {size:.2f} m; façade samples every "
        f"{max(spacing, MIN_SPACING_M):g} m at eye level and {top_spacing:g} m at the top",
        f"height uncertainty (±{k:g} sigma): {least.area:,.0f}–{most.area:,.0f} m² of public "
        f"ground sees the façade (nominal {ground.area:,.0f} m²)",
    ]
    facade = gpd.GeoDataFrame(
        {"osm_id": [index.osm_ids[i] for i in index.wall_owner[sel]]},
        geometry=shapely.linestrings(walls.reshape(-1, 2, 2)) if len(walls) else [],
        crs=index.crs,
    )
    step(1.0, "Done")
    return TerrainExposure(
        ground, ground_eye, ground, _rank(rows_out, index.crs), facade, site_idx, z_top, eye,
        (n_eye, len(targets) - n_eye), notes, least=least, most=most, cell_m=size,
        cells=len(src), seconds=time.perf_counter() - start,
    )  # fmt: skip


def _window_rows(
    index: VisibilityIndex,
    bases: FloatArray,
    is_site: np.ndarray,
    site_shape: BaseGeometry,
    study_area: Polygon,
    window_spacing: float,
    z_top: float,
    sees: Callable[..., tuple[np.ndarray, ...]],
    level: int,
) -> list[dict[str, object]]:
    """Buildings with a top-floor window seeing the façade at the heights ``level``
    (0 low, 1 nominal), one row each."""
    owner = np.maximum(index.wall_owner, 0)
    w = index.walls
    mid = (w[:, 0:2] + w[:, 2:4]) / 2
    centre = np.asarray(site_shape.centroid.coords[0])
    normal = np.column_stack([w[:, 3] - w[:, 1], w[:, 0] - w[:, 2]])
    facing = np.einsum("ij,ij->i", normal, centre - mid) > 0
    keep = np.flatnonzero(
        (index.wall_owner >= 0) & ~is_site[owner] & facing
        & shapely.intersects(study_area, shapely.points(mid))
    )  # fmt: skip
    if not len(keep):
        return []
    length = np.hypot(w[keep, 2] - w[keep, 0], w[keep, 3] - w[keep, 1])
    per_wall = np.maximum(np.ceil(length / window_spacing).astype(np.int64), 1) + 1
    wxy = facade_samples(w[keep], window_spacing, dedupe=False)
    wown = np.repeat(owner[keep], per_wall)
    ok = index.free_mask(wxy, CLEARANCE_M)
    wxy, wown = wxy[ok], wown[ok]
    height = np.maximum(index.heights[wown] - WINDOW_BELOW_ROOF_M, EYE_HEIGHT_M)
    at_eye, at_all = sees(wxy, bases[wown] + height, 0.75, 0.9)
    rows = []
    for b in np.unique(wown[at_all[:, level]]):
        mine = np.flatnonzero(at_all[:, level] & (wown == b))
        nominal = mine[at_all[mine, 1]]
        shown = nominal if len(nominal) else mine
        d = shapely.distance(site_shape, shapely.points(wxy[shown]))
        j = int(np.argmin(d))
        info = index.building(int(b))
        rows.append(
            {
                "kind": "building",
                "category": "building",
                "osm_id": info.osm_id,
                "name": info.name,
                "distance_m": float(d[j]),
                "facade_m": float(max(len(nominal), 1) * window_spacing),
                "view_deg": np.nan,
                "upper_floors": True,
                "lowest_seen_m": 0.0 if at_eye[shown, 1].any() else z_top,
                "height_m": info.height,
                "certainty": "certain" if at_all[mine, 2].any() else "uncertain",
                "geometry": Point(wxy[shown[j]]),
            }
        )
    return rows


def _spot_rows(
    terrain: Terrain,
    site_shape: BaseGeometry,
    spots: gpd.GeoDataFrame | None,
    eye: float,
    z_top: float,
    sees: Callable[..., tuple[np.ndarray, ...]],
    level: int,
) -> list[dict[str, object]]:
    """Waiting spots where a person sees the façade at the heights ``level`` (0 low,
    1 nominal), one row each."""
    if spots is None or not len(spots):
        return []
    pts = spots[spots.geometry.geom_type == "Point"]
    xy = shapely.get_coordinates(pts.geometry.values)
    if not len(xy):
        return []
    at_eye, at_all = sees(xy, terrain.elevation(xy[:, 0], xy[:, 1]) + eye, 0.9, 0.95)
    rows = []
    for i in np.flatnonzero(at_all[:, level]):
        spot = pts.iloc[i]
        name = spot.get("name", "")
        rows.append(
            {
                "kind": "spot",
                "category": str(spot.get("category", "spot")),
                "osm_id": str(spot.get("osm_id", "") or ""),
                "name": str(name) if isinstance(name, str) else "",
                "distance_m": float(shapely.distance(site_shape, Point(xy[i]))),
                "facade_m": np.nan,
                "view_deg": np.nan,
                "upper_floors": not bool(at_eye[i, 1]),
                "lowest_seen_m": 0.0 if at_eye[i, 1] else z_top,
                "height_m": np.nan,
                "certainty": "certain" if at_all[i, 2] else "uncertain",
                "geometry": Point(xy[i]),
            }
        )
    return rows


def _rank(rows: list[dict[str, object]], crs: object) -> gpd.GeoDataFrame:
    """Positions nearest the site first (ties: the most façade in view)."""
    columns = [*POSITION_COLUMNS, "certainty"]
    if not rows:
        return gpd.GeoDataFrame({c: [] for c in columns}, geometry=[], crs=crs)
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)
    width = frame["facade_m"].fillna(0.0).to_numpy()
    order = np.lexsort((-width, frame["distance_m"].to_numpy()))
    frame = frame.iloc[order].reset_index(drop=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    return frame[[*columns, "geometry"]]
