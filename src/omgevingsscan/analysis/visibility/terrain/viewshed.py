"""The viewshed over terrain: the ground an eye standing on a terrain model sees,
past buildings that stand on the same terrain (issue 11).

Model
-----
The one of the sight lines (:mod:`.sight`): the eye ``h`` metres above the ground
at its foot, every target ``target_height`` metres above the ground under it, every
building a prism from the ground at its footprint to ``base + H``, and a line
blocked by a building (exact, :mod:`.los`) or by the terrain profile (sampled every
half DEM cell). An observer on a hill sees over the roofs below it; a ridge hides
what lies behind it.

Method (a grid of targets, each tested with that model)
-------------------------------------------------------
- The targets are the centres of a regular grid of square cells. The cell is the
  DEM cell, kept within 1–2 m (:data:`MIN_CELL_M`, :data:`MAX_CELL_M`), and grown
  so that the disc of the radius holds at most :data:`MAX_TARGETS` cells (about
  2.5 m at 500 m, 5 m at 1,000 m, 10.6 m at 3,000 m). Cells whose centre lies in a
  building (grown by 2.5 cm, as in :mod:`.viewshed`) are not ground and are not
  tested; roofs are not computed over terrain.
- A bound first: a building whose top, at its *low* height, stands above the eye
  and above every target in reach blocks every line that crosses it, so the exact
  2D isovist among such buildings (:func:`.isovist.isovist_ex`) bounds the view at
  every height tested. Only cells within one cell of that bound are tested.
- Each cell is tested with :func:`.sight.sight_lines` (the sight lines' own
  function) at the nominal, low and high heights: its verdict is *visible*,
  *uncertain* or *blocked* exactly as a sight line from the eye to its centre.
- The visible (nominal) and the uncertain cells are turned into polygons
  (:func:`rasterio.features.shapes`) and clipped to the bound (so edges against
  high buildings are exact) minus the building footprints.

So the answer is exact at the cell centres and a cell-sized staircase between
them: ground at the edge of a shadow cast by the terrain or a low building is
right to within half a cell. Metres in the index's (the scan's) CRS. No Qt here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely
from affine import Affine
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.certainty import low_high
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.isovist import check_radius, check_sector, isovist_ex
from omgevingsscan.analysis.visibility.terrain.sight import (
    BLOCKED,
    UNCERTAIN,
    VISIBLE,
    building_bases,
    sight_lines,
)
from omgevingsscan.analysis.visibility.viewshed import Viewshed25D
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.io.terrain import Terrain
from omgevingsscan.settings import EYE_HEIGHT_M

#: Smallest and largest grid cell (metres) before the cap on the number of targets.
MIN_CELL_M = 1.0
MAX_CELL_M = 2.0
#: Most targets in the disc of the radius; the cell grows beyond that.
MAX_TARGETS = 125_000
#: Targets per batch of sight lines (memory, and how often progress is reported).
BATCH = 8_000
#: Codes of :attr:`TerrainViewshed.codes`.
CODE_OUT, CODE_VISIBLE, CODE_UNCERTAIN, CODE_BLOCKED, CODE_BUILDING = 0, 1, 2, 3, 4
_CODE_OF = {VISIBLE: CODE_VISIBLE, UNCERTAIN: CODE_UNCERTAIN, BLOCKED: CODE_BLOCKED}
#: What a viewshed over terrain looks at by default: the eyes of a person standing
#: there (m above the ground). Not the ground itself: the sight lines' terrain check
#: raises the ground between the ends by its uncertainty, so a ground target seen at a
#: grazing angle would always be *uncertain* (a bump of ±sigma just before it).
TARGET_HEIGHT_M = EYE_HEIGHT_M
#: The ground models a result can rest on.
FLAT, TERRAIN = "flat", "terrain"

Progress = Callable[[float, str], None]


def grid_cell(terrain: Terrain, radius: float, max_targets: int = MAX_TARGETS) -> float:
    """The grid cell (metres) of a viewshed over ``terrain`` of ``radius`` metres: the
    DEM cell within [:data:`MIN_CELL_M`, :data:`MAX_CELL_M`], grown so that the disc
    holds at most ``max_targets`` cells."""
    cell = min(max(float(terrain.cell), MIN_CELL_M), MAX_CELL_M)
    return max(cell, math.sqrt(math.pi * radius * radius / max_targets))


@dataclass
class TerrainViewshed(Viewshed25D):
    """A viewshed over terrain (see the module); a :class:`Viewshed25D` whose
    ``ground`` is the ground visible at the nominal heights and ``roofs`` is empty.

    Attributes
    ----------
    certain, uncertain
        Ground visible even at the high heights, and ground whose verdict flips
        within the height uncertainty of the buildings and terrain.
    cell_m
        Grid cell (metres); the cell centres are the targets tested.
    codes
        ``(rows, cols)`` uint8 verdict of each cell (:data:`CODE_VISIBLE`,
        :data:`CODE_UNCERTAIN`, :data:`CODE_BLOCKED`; :data:`CODE_BUILDING` in a
        building, :data:`CODE_OUT` outside the radius or sector).
    transform
        Affine transform of ``codes`` (map metres of the cell corners).
    tested
        How many cells were tested with sight lines.
    ground_eye
        Ground elevation (m) at the eye's foot.
    seconds
        Time taken.
    ground_model
        "terrain".
    notes
        The method, the cell and the limits, in words.
    """

    certain: BaseGeometry = field(default_factory=Polygon)
    uncertain: BaseGeometry = field(default_factory=Polygon)
    cell_m: float = 0.0
    codes: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.uint8))
    transform: Affine = field(default_factory=Affine.identity)
    tested: int = 0
    ground_eye: float = 0.0
    target_height: float = 0.0
    seconds: float = 0.0
    ground_model: str = TERRAIN
    notes: list[str] = field(default_factory=list)

    def verdict_at(self, x: float, y: float) -> str:
        """The verdict of the cell holding map point ``(x, y)``: "visible",
        "uncertain", "blocked", "building" or "out"."""
        col, row = ~self.transform @ (x, y)
        r, c = math.floor(row), math.floor(col)
        if not (0 <= r < self.codes.shape[0] and 0 <= c < self.codes.shape[1]):
            return "out"
        code = int(self.codes[r, c])
        return {
            CODE_VISIBLE: VISIBLE,
            CODE_UNCERTAIN: UNCERTAIN,
            CODE_BLOCKED: BLOCKED,
            CODE_BUILDING: "building",
        }.get(code, "out")

    def cell_centre(self, x: float, y: float) -> tuple[float, float]:
        """Centre (map metres) of the cell holding ``(x, y)``."""
        col, row = ~self.transform @ (x, y)
        cx, cy = self.transform @ (math.floor(col) + 0.5, math.floor(row) + 0.5)
        return float(cx), float(cy)

    def describe(self) -> str:
        """One line: the areas, the ground model and the grid."""
        return (
            f"visible ground {self.ground.area:,.0f} m² (uncertain {self.uncertain.area:,.0f} m²) "
            f"over the terrain model, {self.cell_m:.1f} m grid, {self.tested:,} cells tested"
        )


def cells_to_polygons(mask: np.ndarray, transform: Affine) -> BaseGeometry:
    """The union of the cells where ``mask`` is set, as polygons in map metres."""
    if not mask.any():
        return Polygon()
    from rasterio.features import shapes

    parts = [
        shapely.geometry.shape(geom)
        for geom, value in shapes(mask.astype(np.uint8), mask=mask, transform=transform)
        if value
    ]
    return shapely.union_all(parts)


def _in_sector(dx: np.ndarray, dy: np.ndarray, sector: tuple[float, float] | None) -> np.ndarray:
    """Whether the offsets ``(dx, dy)`` from the eye lie in the sector (degrees)."""
    if sector is None:
        return np.ones(dx.shape, dtype=bool)
    bearing = np.degrees(np.arctan2(dx, dy))
    off = (bearing - sector[0] + 180.0) % 360.0 - 180.0
    return np.abs(off) <= sector[1] / 2.0


def _check_question(index: VisibilityIndex, ox: float, oy: float, h0: float, g: float) -> None:
    if not (math.isfinite(h0) and h0 > 0):
        raise AnalysisInputError(f"observer height {h0!r} must be a number > 0 m")
    if not (math.isfinite(g) and g >= 0):
        raise AnalysisInputError(f"target height {g!r} must be a number >= 0 m")
    host = index.containing_building(ox, oy)
    if host is not None and index.heights[host] >= h0:
        raise AnalysisInputError(
            f"point ({ox:.2f}, {oy:.2f}) lies inside {index.describe(host)}, "
            f"{index.heights[host]:.1f} m high, not below the eye at {h0:.1f} m; for a "
            "view from a window, place the point just outside the façade"
        )


def viewshed_terrain(
    index: VisibilityIndex,
    terrain: Terrain,
    origin: tuple[float, float] | Point,
    observer_height: float,
    radius: float,
    *,
    sector: tuple[float, float] | None = None,
    target_height: float = TARGET_HEIGHT_M,
    k: float = 1.0,
    cell: float | None = None,
    within: BaseGeometry | None = None,
    progress: Progress | None = None,
) -> TerrainViewshed:
    """The ground visible from an eye ``observer_height`` m above the terrain.

    Parameters
    ----------
    index
        Buildings with heights and uncertainties (metres), the scan's CRS.
    terrain
        The ground elevations (metres), same CRS.
    origin
        The eye's foot, metres. It may lie on a building lower than the eye.
    observer_height
        Eye height above the ground, metres (> 0).
    radius
        Metres, (0, 3000].
    sector
        ``(direction_deg, angle_deg)``, compass bearing and opening, or None.
    target_height
        Height (m) above the ground of the points looked at (default 1.6: the eyes
        of people standing there, see :data:`TARGET_HEIGHT_M`; 0: the ground itself).
    k
        Uncertainties (``sigma``) moved for the low and high heights.
    cell
        Grid cell in metres (default :func:`grid_cell`).
    within
        Only the answer inside this polygon is wanted (the study area, say).
    progress
        Called with ``(fraction, message)`` between batches; it may raise to cancel.

    Returns
    -------
    TerrainViewshed

    Raises
    ------
    AnalysisInputError
        Origin inside a building at least as high as the eye; bad height, radius,
        sector or cell.
    """
    start = time.perf_counter()
    ox, oy = (
        (origin.x, origin.y) if isinstance(origin, Point) else (float(origin[0]), float(origin[1]))
    )
    h0, g = float(observer_height), float(target_height)
    _check_question(index, ox, oy, h0, g)
    radius = check_radius(radius)
    sector = check_sector(sector)
    size = grid_cell(terrain, radius) if cell is None else float(cell)
    if not (math.isfinite(size) and size > 0):
        raise AnalysisInputError(f"grid cell {cell!r} must be a number > 0 m")

    # The grid: cells aligned on the eye's foot, covering the disc.
    n = math.ceil(radius / size)
    transform = Affine(size, 0.0, ox - n * size, 0.0, -size, oy + n * size)
    centres = (np.arange(2 * n) + 0.5) * size
    gx, gy = np.meshgrid(ox - n * size + centres, oy + n * size - centres)
    z_eye = float(terrain.elevation([ox], [oy])[0]) + h0
    ground = terrain.elevation(gx.ravel(), gy.ravel()).reshape(gx.shape)

    # The bound: buildings above the eye and every target, even at their low heights.
    in_disc = np.hypot(gx - ox, gy - oy) <= radius
    top_target = float(ground[in_disc].max(initial=-np.inf)) + g
    low, _ = low_high(index, k)
    tall = building_bases(index, terrain) + low > max(z_eye, top_target) + 0.01
    sub, _ = index.subset(tall)
    bound = isovist_ex(sub, (ox, oy), radius, sector=sector).polygon
    area = bound if within is None else bound.intersection(within)

    codes = np.full(gx.shape, CODE_OUT, dtype=np.uint8)
    reach = shapely.contains_xy(area.buffer(size), gx, gy)
    # Footprints grown by half the index's gap (2.5 cm), as the exact viewshed's: a
    # target on a wall would see through its building by the sight lines' window rule.
    near = index._grown_tree.query(area, predicate="intersects")
    blocks = shapely.union_all(index.grown[near]) if len(near) else Polygon()
    shapely.prepare(blocks)
    inside = reach & shapely.contains_xy(blocks, gx, gy)
    codes[inside] = CODE_BUILDING
    # Cells in the disc but outside the bound's reach are blocked by a tall building.
    codes[in_disc & _in_sector(gx - ox, gy - oy, sector) & ~reach] = CODE_BLOCKED
    rows, cols = np.nonzero(reach & ~inside)
    targets = np.column_stack([gx[rows, cols], gy[rows, cols]])
    nominal = np.zeros(gx.shape, dtype=bool)
    for s in range(0, len(targets), BATCH):
        if progress is not None:
            progress(s / max(len(targets), 1), "Testing sight lines over the terrain")
        part = targets[s : s + BATCH]
        m = len(part)
        res = sight_lines(index, np.tile([ox, oy], (m, 1)), h0, part, g, terrain=terrain, k=k)
        r, c = rows[s : s + BATCH], cols[s : s + BATCH]
        codes[r, c] = [_CODE_OF[str(v)] for v in res.verdict]
        nominal[r, c] = res.visible
    if progress is not None:
        progress(1.0, "Building the visible ground")

    clip = area.difference(blocks) if not blocks.is_empty else area
    seen = cells_to_polygons(nominal, transform).intersection(clip)
    certain = cells_to_polygons(codes == CODE_VISIBLE, transform).intersection(clip)
    unsure = cells_to_polygons(codes == CODE_UNCERTAIN, transform).intersection(clip)
    notes = [
        f"ground model: terrain ({terrain.source or 'DEM'}, {terrain.cell:.2f} m cells, "
        f"±{terrain.sigma_m:g} m); eye {h0:g} m above the ground at {z_eye - h0:.1f} m",
        f"method: {len(targets):,} targets on a {size:.2f} m grid, each tested with the "
        "sight-line model (buildings on the terrain, terrain profile every half DEM cell) "
        "at the nominal, low and high heights; cells polygonised and clipped to the exact "
        "isovist of the buildings above the eye and every target",
        "limits: edges of terrain and low-building shadows are right to half a cell; "
        "roofs are not computed over terrain",
    ]
    return TerrainViewshed(
        ground=seen,
        roofs={},
        isovist=bound,
        origin=(ox, oy),
        observer_height=h0,
        radius=radius,
        sector=sector,
        blocking=[],
        certain=certain,
        uncertain=unsure,
        cell_m=size,
        codes=codes,
        transform=transform,
        tested=len(targets),
        ground_eye=z_eye - h0,
        target_height=g,
        seconds=time.perf_counter() - start,
        notes=notes,
    )


def ground_model(result: object) -> str:
    """ "terrain" for results computed over a terrain model, else "flat"."""
    if hasattr(result, "flat_ground"):  # a sight line (:class:`.terrain.SightCheck`)
        return FLAT if result.flat_ground else TERRAIN
    return str(getattr(result, "ground_model", FLAT))


__all__ = [
    "FLAT",
    "MAX_TARGETS",
    "TARGET_HEIGHT_M",
    "TERRAIN",
    "TerrainViewshed",
    "cells_to_polygons",
    "grid_cell",
    "ground_model",
    "viewshed_terrain",
]
