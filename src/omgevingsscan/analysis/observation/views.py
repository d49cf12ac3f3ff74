"""A post's view: the exact 2D isovist from the post (moved into open space when it
stands in a building or on a wall) limited to its range and cone; and the target area
around the site, public ground within a radius. Metres, the scan's local metric CRS.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from omgevingsscan.analysis.visibility.index import VisibilityIndex, as_index
from omgevingsscan.analysis.visibility.isovist import isovist_ex
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.layers.validity import valid_geometries

#: Default radius (metres) of the target area around the site.
TARGET_RADIUS_M: float = 100.0
#: How far (metres) a post inside a building or on a wall is moved into open space.
NUDGE_M: float = 0.05


# -- views ----------------------------------------------------------------------------------
def _direction_ray(origin: Point, direction_deg: float, length: float) -> LineString:
    a = math.radians(direction_deg)
    return LineString(
        [origin.coords[0], (origin.x + length * math.sin(a), origin.y + length * math.cos(a))]
    )


def free_origin(
    index: VisibilityIndex, point: Point, direction_deg: float | None = None, name: str = ""
) -> Point:
    """Return ``point``, or the nearest open-space point to look from when it lies inside a
    building or on a wall (an observer at a window, a camera on a façade).

    With a viewing direction, the observer is put where a ray from ``point`` in that
    direction leaves the building (the façade it looks out of), ``NUDGE_M`` beyond it;
    otherwise just outside the nearest wall.

    Raises
    ------
    AnalysisInputError
        When no open space is found within 200 m.
    """
    try:
        index.check_free(point.x, point.y)
        return point
    except AnalysisInputError:
        pass
    first_choice: list[Point] = []
    blockers = index.obstacles
    if direction_deg is not None:
        ray = _direction_ray(point, direction_deg, 200.0)
        outside = ray.difference(blockers)
        pieces = [p for p in shapely.get_parts(outside) if not p.is_empty and p.length > 0]
        if pieces:
            first = min(pieces, key=lambda p: Point(p.coords[0]).distance(point))
            d = ray.project(Point(first.coords[0])) + NUDGE_M
            first_choice.append(ray.interpolate(min(d, ray.length)))
    near = nearest_points(blockers.boundary, point)[0] if not blockers.is_empty else point
    around = [
        Point(near.x + step * math.cos(a), near.y + step * math.sin(a))
        for a in (2 * math.pi * k / 16 for k in range(16))
        for step in (NUDGE_M, 4 * NUDGE_M, 20 * NUDGE_M)
    ]
    around.sort(key=lambda c: c.distance(point))
    for c in first_choice + around:
        try:
            index.check_free(c.x, c.y)
            return c
        except AnalysisInputError:
            continue
    who = f"post {name!r}" if name else "the post"
    raise AnalysisInputError(f"{who} lies inside a building and no open space was found near it")


@dataclass
class PostView:
    """The view of one post.

    Attributes
    ----------
    uuid, name
        The post's.
    polygon
        Visible area (local CRS, metres); empty for a range of 0.
    origin
        Where the view was computed from (moved out of a building when needed).
    moved_m
        How far ``origin`` lies from the post's position, metres.
    source
        "post" or "cctv".
    ground_model
        "flat" (the 2D isovist) or "terrain" (:mod:`.terrain_views`).
    """

    uuid: str
    name: str
    polygon: BaseGeometry
    origin: Point
    moved_m: float
    source: str = "post"
    ground_model: str = "flat"


def post_view(index: VisibilityIndex, post: ObservationPost, source: str = "post") -> PostView:
    """The view of ``post``: its cone (direction, field of view, range) clipped by buildings.

    Parameters
    ----------
    index
        Buildings prepared once (:class:`VisibilityIndex`), local CRS.
    post
        The post; ``fov_deg`` 360 gives an all-round view.
    """
    origin = free_origin(index, post.point, post.direction_deg if post.sector else None, post.name)
    moved = origin.distance(post.point)
    if post.range_m <= 0:
        return PostView(post.uuid, post.name, Polygon(), origin, moved, source)
    iso = isovist_ex(index, origin, post.range_m, sector=post.sector, check=False)
    return PostView(post.uuid, post.name, iso.polygon, origin, moved, source)


def post_views(
    obstacles: VisibilityIndex | gpd.GeoDataFrame | Iterable[BaseGeometry],
    posts: Iterable[ObservationPost],
    source: str = "post",
) -> list[PostView]:
    """Views of several posts (the index is built once when buildings are passed)."""
    index = as_index(obstacles)
    return [post_view(index, p, source) for p in posts]


# -- target area ----------------------------------------------------------------------------
def target_area(
    obstacles: VisibilityIndex | gpd.GeoDataFrame | Iterable[BaseGeometry],
    site: Point,
    radius_m: float = TARGET_RADIUS_M,
    *,
    exclude: Iterable[BaseGeometry] = (),
) -> BaseGeometry:
    """Public ground within ``radius_m`` of ``site``: the disc minus buildings and ``exclude``.

    Parameters
    ----------
    obstacles
        Buildings (index, GeoDataFrame or polygons), local CRS.
    site
        Centre, local CRS.
    radius_m
        Radius in metres (> 0).
    exclude
        More areas that are not public ground (water, private land).
    """
    if not radius_m > 0:
        raise AnalysisInputError(f"target radius must be more than 0 m, got {radius_m:g}")
    index = as_index(obstacles)
    disc = site.buffer(radius_m, quad_segs=64)
    area = disc.difference(index.obstacles)
    extra = [g for g in exclude if g is not None and not g.is_empty]
    if extra:
        area = area.difference(shapely.union_all(valid_geometries(extra)).intersection(disc))
    return area
