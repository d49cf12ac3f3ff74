"""What a viewshed answers (:class:`Question`), computing the answer, and storing it.

A viewshed layer keeps its question (the observer's position, height, radius and
sector) in its frame, so it can be recomputed (:func:`question_of`). At eye level the
answer is the exact 2D isovist; above it, the 2.5D viewshed. When the scan has a
terrain model, the viewshed over the terrain at every height
(:func:`~omgevingsscan.analysis.visibility.terrain.viewshed.viewshed_terrain`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np

from omgevingsscan.analysis.visibility import (
    Isovist,
    Viewshed25D,
    isovist_ex,
    viewshed_25d,
)
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.layers import (
    isovist_frame,
    terrain_viewshed_frame,
    viewshed_frame,
)
from omgevingsscan.analysis.visibility.terrain import (
    FLAT,
    TARGET_HEIGHT_M,
    TerrainViewshed,
    viewshed_terrain,
)
from omgevingsscan.io.terrain import Terrain
from omgevingsscan.settings import EYE_HEIGHT_M

XY = tuple[float, float]


@dataclass(frozen=True)
class Question:
    """What a viewshed answers: from where, how high, how far, which sector."""

    origin: XY
    height: float
    radius: float
    sector: tuple[float, float] | None

    @property
    def elevated(self) -> bool:
        """Above eye level: the 2.5D viewshed (else the exact 2D isovist)."""
        return self.height > EYE_HEIGHT_M + 1e-9


def answer(
    index: VisibilityIndex, q: Question, terrain: Terrain | None = None
) -> Isovist | Viewshed25D:
    """Compute the viewshed of ``q`` (raises AnalysisInputError on bad input); over
    ``terrain`` when given (a :class:`TerrainViewshed`)."""
    if terrain is not None:
        target = TARGET_HEIGHT_M
        return viewshed_terrain(
            index, terrain, q.origin, q.height, q.radius, sector=q.sector, target_height=target
        )
    if q.elevated:
        return viewshed_25d(index, q.origin, q.height, q.radius, sector=q.sector)
    return isovist_ex(index, q.origin, q.radius, sector=q.sector)


def viewshed_layer_frame(
    result: Isovist | Viewshed25D, q: Question, index: VisibilityIndex, crs: Any
) -> gpd.GeoDataFrame:
    """The layer frame of a viewshed, with the observer's position for recomputing."""
    if isinstance(result, Isovist):
        frame = isovist_frame(result, crs, observer_height=q.height)
    elif isinstance(result, TerrainViewshed):
        frame = terrain_viewshed_frame(result, crs, index)
    else:
        frame = viewshed_frame(result, crs, index)
    if "ground_model" not in frame:
        frame["ground_model"] = FLAT
    frame["origin_x"] = q.origin[0]
    frame["origin_y"] = q.origin[1]
    return frame


def question_of(frame: gpd.GeoDataFrame) -> Question | None:
    """The question a viewshed layer's frame answers (None: it lacks the position)."""
    need = {"origin_x", "origin_y", "radius_m", "observer_height_m", "angle_deg"}
    if not len(frame) or not need <= set(frame.columns):
        return None
    row = frame.iloc[0]
    x, y, r = float(row["origin_x"]), float(row["origin_y"]), float(row["radius_m"])
    h = float(row["observer_height_m"])
    h = EYE_HEIGHT_M if not math.isfinite(h) else h
    angle = float(row["angle_deg"])
    direction = float(row.get("direction_deg", np.nan))
    sector = (direction, angle) if math.isfinite(direction) and angle < 360 else None
    if not all(math.isfinite(v) for v in (x, y, r)):
        return None
    return Question((x, y), h, r, sector)
