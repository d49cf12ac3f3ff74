"""A post's view over terrain: what a post standing on the terrain model sees, past the
terrain and the buildings standing on it (issue 11).

The post looks from its own height above the ground at its foot (moved into open space
as on flat ground, :func:`.views.free_origin`), within its range and cone, and sees a
place when the eyes of a person standing there (1.6 m above the ground) are in view:
the viewshed over terrain (:func:`~omgevingsscan.analysis.visibility.terrain.viewshed.
viewshed_terrain`: a grid of 3D sight lines, the sight lines' own model, the grid cell
tied to the DEM cell) at the nominal heights. A post on a slope sees down over the
roofs below it; a ridge hides the ground behind it. Without a terrain model the view
is the exact 2D isovist (:func:`.views.post_view`) and the ground is taken as flat.
Metres, the scan's local metric CRS.
"""

from __future__ import annotations

from omgevingsscan.analysis.observation.views import PostView, free_origin, post_view
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.terrain import TERRAIN, viewshed_terrain
from omgevingsscan.io.terrain import Terrain
from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.settings import EYE_HEIGHT_M, MAX_RADIUS_M

#: Lowest eye (metres) a post over terrain looks from (a post on the ground at 0 m).
MIN_EYE_M = 0.1


def post_view_terrain(
    index: VisibilityIndex,
    terrain: Terrain,
    post: ObservationPost,
    source: str = "post",
    *,
    cell: float | None = None,
) -> PostView:
    """The view of ``post`` over ``terrain`` (see the module).

    Parameters
    ----------
    index
        Buildings with heights (metres), the scan's CRS.
    terrain
        Ground elevations (metres), the same CRS.
    post
        The post: position, ``height_m`` above the ground, direction, field of view
        and ``range_m`` (capped at 3,000 m).
    cell
        Grid cell in metres (default: tied to the DEM cell, see :func:`grid_cell`).

    Returns
    -------
    PostView
        ``ground_model`` "terrain"; ``polygon`` the ground where a person is seen.
    """
    origin = free_origin(index, post.point, post.direction_deg if post.sector else None, post.name)
    moved = origin.distance(post.point)
    if post.range_m <= 0:
        return post_view(index, post, source)
    result = viewshed_terrain(
        index,
        terrain,
        origin,
        max(float(post.height_m), MIN_EYE_M),
        min(float(post.range_m), MAX_RADIUS_M),
        sector=post.sector,
        target_height=EYE_HEIGHT_M,
        cell=cell,
    )
    return PostView(
        post.uuid, post.name, result.ground, origin, moved, source, ground_model=TERRAIN
    )


def post_view_over(
    index: VisibilityIndex,
    post: ObservationPost,
    terrain: Terrain | None,
    source: str = "post",
) -> PostView:
    """The view of ``post``: over ``terrain`` when there is one, else the exact 2D
    isovist on flat ground."""
    if terrain is None:
        return post_view(index, post, source)
    return post_view_terrain(index, terrain, post, source)
