"""Visibility over terrain (issue 11): every answer with the ground of a terrain model
(:class:`omgevingsscan.io.terrain.Terrain`) under its observers, targets, posts and
buildings, and how sure it is (visible / blocked / uncertain within the height
uncertainty of the buildings and the terrain). Without a terrain model the callers use
the flat-ground analyses and say so. Metres in the scan's CRS; no Qt.

- :mod:`.sight`: sight lines over terrain with their certainty (:func:`sight_line`,
  :func:`sight_lines`): exact 2.5D against the buildings standing on the ground plus
  the terrain profile every half DEM cell.
- :mod:`.viewshed`: the viewshed over terrain (:func:`viewshed_terrain`): a grid of
  targets (cell tied to the DEM cell), each tested with :func:`sight_lines`, bounded by
  the exact isovist of the buildings above the eye and every target, polygonised.
- :mod:`.exposure`: the exposure of the site over terrain (:func:`exposure_terrain`):
  public-ground cells, top-floor windows and waiting spots against the façade samples
  on a raster of the terrain with the buildings on it.
- :mod:`.kernel`: the compiled (numba) loops: the terrain profile of many sight lines
  (equal to its numpy reference) and the raster sight lines of the exposure.
"""

from __future__ import annotations

from omgevingsscan.analysis.visibility.terrain.exposure import TerrainExposure, exposure_terrain
from omgevingsscan.analysis.visibility.terrain.sight import (
    BLOCKED,
    TERRAIN_TOLERANCE_M,
    UNCERTAIN,
    VISIBLE,
    SightBatch,
    SightCheck,
    building_bases,
    sight_line,
    sight_lines,
    terrain_block,
)
from omgevingsscan.analysis.visibility.terrain.viewshed import (
    FLAT,
    TARGET_HEIGHT_M,
    TERRAIN,
    TerrainViewshed,
    ground_model,
    viewshed_terrain,
)

__all__ = [
    "BLOCKED",
    "FLAT",
    "TARGET_HEIGHT_M",
    "TERRAIN",
    "TERRAIN_TOLERANCE_M",
    "UNCERTAIN",
    "VISIBLE",
    "SightBatch",
    "SightCheck",
    "TerrainExposure",
    "TerrainViewshed",
    "building_bases",
    "exposure_terrain",
    "ground_model",
    "sight_line",
    "sight_lines",
    "terrain_block",
    "viewshed_terrain",
]
