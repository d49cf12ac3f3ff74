"""Sight lines over terrain, and how sure each answer is.

Model
-----
With a terrain grid (:class:`omgevingsscan.io.terrain.Terrain`), every point stands on
the ground: an eye ``h`` metres up at ``(x, y)`` is at ``ground(x, y) + h``, and a
building of height ``H`` is a prism from its base (the ground at a point inside its
footprint) to ``base + H``. The line of sight is the straight 3D segment between the
two eyes; it is blocked by a building when it runs below the building's top where it
crosses its outline (exact, :mod:`.los`, on absolute heights), and by the terrain when
it runs below the ground at any point of the profile, sampled every half cell (the
grid is bilinear between cell centres, so this finds every ridge at least a cell
wide). Without terrain the ground is flat, as in :mod:`.los`.

How sure
--------
Each building's height has an uncertainty ``sigma`` in metres (measured ±0.5 m, OSM
levels ±1.5 m a storey, a type default ±50 %; see :mod:`omgevingsscan.layers.heights`)
and the terrain its own. A line is tested three times: at the nominal heights, with
every building and the terrain between the ends ``k * sigma`` lower, and ``k *
sigma`` higher. Clear even at the high heights: *visible*; blocked even at the low
heights: *blocked*; otherwise *uncertain* (the verdict flips within the uncertainty).

Metres in the index's (the scan's) CRS. No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import ArrayLike

from omgevingsscan.analysis.visibility.index import FloatArray, VisibilityIndex
from omgevingsscan.analysis.visibility.los import (
    LineOfSight,
    bearing_deg,
    check_pairs,
    line_of_sight_many,
)
from omgevingsscan.analysis.visibility.terrain.kernel import profile_block
from omgevingsscan.io.terrain import Terrain

VISIBLE = "visible"
BLOCKED = "blocked"
UNCERTAIN = "uncertain"
#: Ground closer than this (metres) under the line counts as grazing, not blocking.
TERRAIN_TOLERANCE_M = 0.05


def building_bases(index: VisibilityIndex, terrain: Terrain | None) -> FloatArray:
    """Ground elevation (m) under each building: the terrain at a point inside its
    footprint (0 without terrain). Cached on the index per terrain."""
    if terrain is None:
        return np.zeros(len(index))
    cache = index.__dict__.setdefault("_bases", {})
    key = id(terrain)
    if key not in cache:
        pts = shapely.point_on_surface(index.footprints)
        cache.clear()
        cache[key] = terrain.elevation(shapely.get_x(pts), shapely.get_y(pts))
    return np.asarray(cache[key])


def terrain_block(
    terrain: Terrain,
    a: FloatArray,
    za: FloatArray,
    b: FloatArray,
    zb: FloatArray,
    *,
    raise_by: float = 0.0,
) -> FloatArray:
    """Fraction ``t`` of the way from a to b where each line first runs below the
    ground (NaN where the terrain does not block it).

    Parameters
    ----------
    a, b
        ``(n, 2)`` end points (metres); ``za``, ``zb`` the absolute eye elevations.
    raise_by
        Metres added to the ground between the ends (the uncertainty checks).

    The compiled loop of :mod:`.kernel` (samples every half cell, the same as
    its vectorised reference :func:`.kernel.profile_block_numpy`).
    """
    return profile_block(
        terrain.z,
        terrain.x0,
        terrain.y0,
        terrain.cell,
        a,
        za,
        b,
        zb,
        raise_by,
        TERRAIN_TOLERANCE_M,
    )


@dataclass(frozen=True)
class SightBatch:
    """Answers of :func:`sight_lines`, one row per line.

    ``visible`` at the nominal heights; ``visible_low`` / ``visible_high`` with the
    buildings and terrain lower / higher by their uncertainty; ``verdict`` "visible",
    "blocked" or "uncertain"; ``t`` where the nominal line is first blocked (NaN when
    visible), ``by_terrain`` whether that is the ground; ``blocker`` the building
    index (-1: none or the ground); ``ground_a``, ``ground_b`` the ground elevation at
    the ends (0 on flat ground).
    """

    visible: np.ndarray
    visible_low: np.ndarray
    visible_high: np.ndarray
    verdict: np.ndarray
    t: FloatArray
    by_terrain: np.ndarray
    blocker: np.ndarray
    ground_a: FloatArray
    ground_b: FloatArray


def _clear(
    index: VisibilityIndex,
    terrain: Terrain | None,
    tops: FloatArray,
    a: FloatArray,
    za: FloatArray,
    b: FloatArray,
    zb: FloatArray,
    raise_by: float,
) -> tuple[np.ndarray, FloatArray, np.ndarray, np.ndarray]:
    """(visible, t, blocker, by_terrain) with building tops ``tops`` (absolute)."""
    z0 = float(min(tops.min(initial=0.0), za.min(initial=0.0), zb.min(initial=0.0))) - 1.0
    res = line_of_sight_many(index.with_heights(tops - z0), a, za - z0, b, zb - z0)
    t = np.where(res.visible, np.inf, res.t)
    blocker = res.blocker.copy()
    by_terrain = np.zeros(len(a), dtype=bool)
    if terrain is not None:
        tt = terrain_block(terrain, a, za, b, zb, raise_by=raise_by)
        ground_first = np.isfinite(tt) & (tt < t)
        t = np.where(ground_first, tt, t)
        blocker[ground_first] = -1
        by_terrain = ground_first
    visible = ~np.isfinite(t)
    return visible, np.where(visible, np.nan, t), blocker, by_terrain


def sight_lines(
    index: VisibilityIndex,
    a_xy: ArrayLike,
    a_height: ArrayLike,
    b_xy: ArrayLike,
    b_height: ArrayLike,
    *,
    terrain: Terrain | None = None,
    k: float = 1.0,
) -> SightBatch:
    """Test sight lines over terrain, with their certainty.

    Parameters
    ----------
    index
        Buildings with heights and their uncertainties (``index.sigmas``), metres.
    a_xy, b_xy
        ``(n, 2)`` end points, metres in the index's CRS.
    a_height, b_height
        Eye heights in metres above the ground at each end.
    terrain
        Ground elevations; None takes the ground as flat.
    k
        How many uncertainties (``sigma``) the heights are moved for the low and
        high checks.

    Returns
    -------
    SightBatch
    """
    a, b, ha, hb = check_pairs(a_xy, b_xy, a_height, b_height)
    n = len(a)
    if terrain is not None:
        ga, gb = terrain.elevation(a[:, 0], a[:, 1]), terrain.elevation(b[:, 0], b[:, 1])
    else:
        ga, gb = np.zeros(n), np.zeros(n)
    base = building_bases(index, terrain)
    za, zb = ga + ha, gb + hb
    spread = k * index.sigmas
    dz = k * terrain.sigma_m if terrain is not None else 0.0
    vis, t, blocker, by_terrain = _clear(index, terrain, base + index.heights, a, za, b, zb, 0.0)
    low = np.maximum(index.heights - spread, 0.01)
    vis_low = _clear(index, terrain, base + low, a, za, b, zb, -dz)[0]
    vis_high = _clear(index, terrain, base + index.heights + spread, a, za, b, zb, dz)[0]
    verdict = np.where(vis_high, VISIBLE, np.where(~vis_low, BLOCKED, UNCERTAIN)).astype(object)
    return SightBatch(vis, vis_low, vis_high, verdict, t, by_terrain, blocker, ga, gb)


@dataclass(frozen=True)
class SightCheck:
    """One sight line over terrain with its certainty (see :func:`sight_line`).

    ``line`` is the nominal answer (heights above the ground at each end; the
    obstruction's height above the ground under it); ``verdict`` "visible", "blocked"
    or "uncertain"; ``by_terrain`` True when the ground blocks the nominal line;
    ``flat_ground`` True when no terrain was used; ``height_sources`` what gave the
    building heights.
    """

    line: LineOfSight
    verdict: str
    by_terrain: bool
    flat_ground: bool
    ground_a: float
    ground_b: float
    height_sources: str

    def describe(self) -> str:
        """One line: the nominal answer, how sure it is, and the ground model."""
        if self.by_terrain and self.line.obstruction_distance is not None:
            head = (
                f"{self.line.distance:.0f} m, bearing {self.line.bearing:.0f}°: blocked after "
                f"{self.line.obstruction_distance:.0f} m by the terrain"
            )
        else:
            head = self.line.describe()
        sure = {
            VISIBLE: "certain within the height uncertainty",
            BLOCKED: "certain within the height uncertainty",
            UNCERTAIN: "UNCERTAIN: the answer flips within the height uncertainty",
        }[self.verdict]
        ground = "flat ground" if self.flat_ground else "terrain"
        return f"{head} ({self.verdict}; {sure}; {ground})"


def sight_line(
    index: VisibilityIndex,
    a_xy: tuple[float, float],
    a_height: float,
    b_xy: tuple[float, float],
    b_height: float,
    *,
    terrain: Terrain | None = None,
    k: float = 1.0,
) -> SightCheck:
    """Test one sight line over terrain, with its certainty (see :func:`sight_lines`)."""
    res = sight_lines(index, [a_xy], [a_height], [b_xy], [b_height], terrain=terrain, k=k)
    ax, ay = float(a_xy[0]), float(a_xy[1])
    bx, by = float(b_xy[0]), float(b_xy[1])
    dist = math.hypot(bx - ax, by - ay)
    common = {
        "a": (ax, ay, float(a_height)),
        "b": (bx, by, float(b_height)),
        "distance": dist,
        "bearing": bearing_deg(bx - ax, by - ay),
    }
    ga, gb = float(res.ground_a[0]), float(res.ground_b[0])
    if bool(res.visible[0]):
        line = LineOfSight(True, **common)
    else:
        t = float(res.t[0])
        ox, oy = ax + t * (bx - ax), ay + t * (by - ay)
        z_abs = (ga + a_height) + t * ((gb + b_height) - (ga + a_height))
        ground = terrain.elevation([ox], [oy])[0] if terrain is not None else 0.0
        blocker = int(res.blocker[0])
        line = LineOfSight(
            False,
            obstruction=(ox, oy, float(z_abs - ground)),
            obstruction_distance=t * dist,
            blocker=index.building(blocker) if blocker >= 0 else None,
            **common,
        )
    return SightCheck(
        line,
        str(res.verdict[0]),
        bool(res.by_terrain[0]),
        terrain is None,
        ga,
        gb,
        index.height_sources,
    )
