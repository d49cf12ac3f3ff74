"""Sight lines, isovists, viewsheds and exposure: who can see the site, and from where. Pure
functions on shapely geometries in the scan's local metric CRS (metres); no Qt. :mod:`.index`
prepares the buildings once as a :class:`VisibilityIndex` (about half a second for a 500 m
scan), passed to every query; :mod:`.isovist` gives :func:`isovist` / :func:`isovist_ex`, the
exact 2D visibility polygon among building footprints (a vectorised angular sweep over wall
segments; about 1 ms for 300 m among the demo's 1,100 buildings); :mod:`.los` gives
:func:`line_of_sight`, :func:`line_of_sight_many` and :func:`visible_many`, exact 2.5D line of
sight with building heights; :mod:`.viewshed` gives :func:`viewshed_25d`, ground and roofs
visible from an elevated eye (exact, polygonal shadows); :mod:`.exposure` (with :mod:`.facade`
and :mod:`.overlook`) gives :func:`exposure`, the public ground from which the site's façade is
visible and ranked overlook positions; :mod:`.scan` runs it for a scan
(:func:`exposure_for_scan`); :mod:`.grid` holds the segment grid that walks many sight lines at
once and :mod:`.layers` the results as map layers. Their docstrings describe the methods and
their exactness. Callers import from this package.

>>> index = VisibilityIndex(scan.frame("buildings"))            # doctest: +SKIP
>>> poly = isovist(index, (x, y), 300.0, sector=(90.0, 120.0))  # doctest: +SKIP
>>> los = line_of_sight(index, (x0, y0), 1.6, (x1, y1), 10.6)   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.exposure import ExposureResult, exposure
from omgevingsscan.analysis.visibility.facade import facade_samples, site_buildings
from omgevingsscan.analysis.visibility.index import (
    BuildingInfo,
    VisibilityIndex,
    as_index,
    circle_polygon,
    merge_footprints,
)
from omgevingsscan.analysis.visibility.isovist import (
    Isovist,
    check_radius,
    check_sector,
    isovist_ex,
)
from omgevingsscan.analysis.visibility.los import (
    LineOfSight,
    LineOfSightBatch,
    bearing_deg,
    line_of_sight,
    line_of_sight_many,
    lowest_visible_height,
    visible_many,
)
from omgevingsscan.analysis.visibility.overlook import POSITION_COLUMNS
from omgevingsscan.analysis.visibility.scan import (
    exposure_for_scan,
    index_for,
    public_ground_from_layers,
    waiting_spots_from_layers,
)
from omgevingsscan.analysis.visibility.viewshed import Viewshed25D, shadow_quads, viewshed_25d

#: Obstacles accepted by :func:`isovist`.
Obstacles = VisibilityIndex | gpd.GeoDataFrame | Iterable[BaseGeometry]


def isovist(
    obstacles: Obstacles,
    origin: tuple[float, float] | Point,
    radius: float,
    *,
    sector: tuple[float, float] | None = None,
) -> Polygon:
    """Return the exact 2D isovist (visibility polygon) of ``origin``.

    Parameters
    ----------
    obstacles
        A prepared :class:`VisibilityIndex` (fast: build it once per scan), or building
        footprints (GeoDataFrame or iterable of polygons), merged on every call.
    origin
        Observer position, metres in the obstacles' metric CRS.
    radius
        Metres, 0 < radius <= 3000; the answer is clipped to a regular polygon whose
        edges lie at most 1 cm inside the circle.
    sector
        ``(direction_deg, angle_deg)``: compass bearing of the centre of the view (0 =
        north, clockwise) and the opening angle in (0, 360].

    Returns
    -------
    Polygon
        The area visible from ``origin`` (with a sector, a wedge from the origin).

    Raises
    ------
    AnalysisInputError
        The origin lies inside a building (its osm_id is named) or on a wall; the
        radius or sector is out of range.
    """
    return isovist_ex(as_index(obstacles), origin, radius, sector=sector).polygon


__all__ = [
    "POSITION_COLUMNS",
    "BuildingInfo",
    "ExposureResult",
    "Isovist",
    "LineOfSight",
    "LineOfSightBatch",
    "Obstacles",
    "Viewshed25D",
    "VisibilityIndex",
    "as_index",
    "bearing_deg",
    "check_radius",
    "check_sector",
    "circle_polygon",
    "exposure",
    "exposure_for_scan",
    "facade_samples",
    "index_for",
    "isovist",
    "isovist_ex",
    "line_of_sight",
    "line_of_sight_many",
    "lowest_visible_height",
    "merge_footprints",
    "public_ground_from_layers",
    "shadow_quads",
    "site_buildings",
    "viewshed_25d",
    "visible_many",
    "waiting_spots_from_layers",
]
