"""Coverage of a target area by observation posts: pure functions, no Qt.

A post's view is the exact 2D isovist (from :mod:`omgevingsscan.analysis.visibility.isovist`)
limited to the post's range and cone (direction and field of view). The target area
defaults to public ground within 100 m of the site: a disc minus buildings (and water,
at the scan level). The coverage is the share of the target seen by at least one and by
at least two posts, and the blind spots: the unseen parts, ranked by size and by
distance to the site. Existing CCTV from OSM (``poi`` rows with category "camera") can
be counted as posts (:func:`cctv_posts`).

All geometry is in the scan's local metric CRS: metres and square metres. Heights are
not used: the view is 2D (ground-level sight past building footprints).
"""

from __future__ import annotations

import json
import math
import uuid as uuid_mod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from omgevingsscan.analysis.visibility.index import VisibilityIndex, as_index
from omgevingsscan.analysis.visibility.isovist import isovist_ex
from omgevingsscan.crs import to_wgs84
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.posts import ObservationPost

#: Default radius (metres) of the target area around the site.
TARGET_RADIUS_M: float = 100.0
#: Blind spots smaller than this (m²) are slivers and are not listed.
MIN_BLIND_AREA_M2: float = 1.0
#: Field of view (degrees) assumed for a fixed OSM camera without a known one.
CCTV_FOV_DEG: float = 60.0
#: Useful range (metres) assumed for an OSM camera.
CCTV_RANGE_M: float = 30.0
#: Mounting height (metres) assumed for an OSM camera without ``height``.
CCTV_HEIGHT_M: float = 3.0
#: How far (metres) a post inside a building or on a wall is moved into open space.
NUDGE_M: float = 0.05
_CCTV_NS = uuid_mod.UUID("5a3f0c0e-6f51-4c38-9b0e-0c2b8d1e7a11")
_COMPASS = {
    name: i * 22.5
    for i, name in enumerate(
        "N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split()  # noqa: SIM905
    )
}


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
    """

    uuid: str
    name: str
    polygon: BaseGeometry
    origin: Point
    moved_m: float
    source: str = "post"


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
        area = area.difference(shapely.union_all(extra).intersection(disc))
    return area


# -- coverage -------------------------------------------------------------------------------
@dataclass
class BlindSpot:
    """An unseen part of the target area.

    Attributes
    ----------
    polygon
        The area (local CRS).
    area_m2
        Its size, m².
    distance_m
        Shortest distance to the site, metres.
    rank_size
        1 for the largest blind spot.
    rank_distance
        1 for the one nearest to the site.
    """

    polygon: Polygon
    area_m2: float
    distance_m: float
    rank_size: int = 0
    rank_distance: int = 0


@dataclass
class Coverage:
    """Coverage of a target area.

    Attributes
    ----------
    target
        The target area (local CRS).
    seen_1, seen_2
        Parts of the target seen by at least one / at least two views.
    blind_spots
        Unseen parts of at least the minimum area, largest first.
    """

    target: BaseGeometry
    seen_1: BaseGeometry
    seen_2: BaseGeometry
    blind_spots: list[BlindSpot] = field(default_factory=list)

    @property
    def target_area_m2(self) -> float:
        """Area of the target, m²."""
        return float(self.target.area)

    @property
    def share_1(self) -> float:
        """Share (0–1) of the target seen by at least one post."""
        a = self.target.area
        return float(self.seen_1.area / a) if a > 0 else 0.0

    @property
    def share_2(self) -> float:
        """Share (0–1) of the target seen by at least two posts."""
        a = self.target.area
        return float(self.seen_2.area / a) if a > 0 else 0.0

    def by_distance(self) -> list[BlindSpot]:
        """Blind spots nearest to the site first."""
        return sorted(self.blind_spots, key=lambda b: b.rank_distance)


def coverage(
    target: BaseGeometry,
    views: Sequence[BaseGeometry],
    site: Point,
    *,
    min_blind_area_m2: float = MIN_BLIND_AREA_M2,
) -> Coverage:
    """How much of ``target`` the ``views`` see, and where the blind spots are.

    Parameters
    ----------
    target
        Target area (local CRS).
    views
        Visible areas, one per post.
    site
        The site, for the distances of blind spots.
    min_blind_area_m2
        Unseen parts smaller than this (m²) are not listed as blind spots (they still
        count in the shares).
    """
    if min_blind_area_m2 < 0:
        raise AnalysisInputError(
            f"minimum blind-spot area must be at least 0, got {min_blind_area_m2:g}"
        )
    parts = [v for v in views if v is not None and not v.is_empty]
    seen_any: BaseGeometry = Polygon()
    seen_two: list[BaseGeometry] = []
    # A point seen twice lies in some view i and in the union of the views before it.
    for v in parts:
        if not seen_any.is_empty:
            overlap = v.intersection(seen_any)
            if not overlap.is_empty:
                seen_two.append(overlap)
        seen_any = seen_any.union(v) if not seen_any.is_empty else v
    seen_1 = target.intersection(seen_any) if parts else Polygon()
    seen_2 = target.intersection(shapely.union_all(seen_two)) if seen_two else Polygon()
    blind = target.difference(seen_any) if parts else target
    spots = [
        BlindSpot(p, float(p.area), float(p.distance(site)))
        for p in shapely.get_parts(blind)
        if isinstance(p, Polygon) and p.area >= max(min_blind_area_m2, 1e-9)
    ]
    for rank, spot in enumerate(sorted(spots, key=lambda b: (b.distance_m, -b.area_m2)), 1):
        spot.rank_distance = rank
    spots.sort(key=lambda b: (-b.area_m2, b.distance_m))
    for rank, spot in enumerate(spots, 1):
        spot.rank_size = rank
    return Coverage(target, seen_1, seen_2, spots)


# -- OSM cameras ----------------------------------------------------------------------------
def parse_direction(value: object) -> float | None:
    """A ``camera:direction`` value in compass degrees ("160", "SE", "90;180" → first), or None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip().split(";")[0].strip().upper()
    if not text:
        return None
    if text in _COMPASS:
        return _COMPASS[text]
    try:
        d = float(text)
    except ValueError:
        return None
    return d % 360.0 if math.isfinite(d) else None


def _tags(value: object) -> dict[str, str]:
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, str) and value.strip():
        try:
            data = json.loads(value)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def cctv_posts(
    poi: gpd.GeoDataFrame,
    *,
    fov_deg: float = CCTV_FOV_DEG,
    range_m: float = CCTV_RANGE_M,
) -> list[ObservationPost]:
    """OSM surveillance cameras (``poi`` rows with category "camera") as camera posts.

    The direction comes from ``camera:direction`` (column ``camera_direction`` or the
    ``tags`` JSON). A fixed camera with a direction gets ``fov_deg``; a dome or panning
    camera, or one whose direction is unknown, is taken as seeing all round (an upper
    bound, said in its notes). OSM's ``camera:angle`` is the tilt from horizontal, not
    the field of view; it is kept in the notes. The uuid derives from the OSM id, so it
    is the same on every run.
    """
    if poi is None or len(poi) == 0 or "category" not in poi:
        return []
    cams = poi[poi["category"] == "camera"]
    out = []
    for i, (_, row) in enumerate(cams.iterrows()):
        tags = _tags(row.get("tags"))
        osm_id = str(row.get("osm_id") or f"camera{i}")
        direction = parse_direction(row.get("camera_direction"))
        if direction is None:
            direction = parse_direction(tags.get("camera:direction"))
        cam_type = str(row.get("camera_type") or tags.get("camera:type") or "").lower()
        notes = ["OSM surveillance camera"]
        all_round = cam_type in ("dome", "panning") or direction is None
        if direction is None:
            notes.append("direction unknown: all-round view assumed")
        angle = tags.get("camera:angle")
        if angle:
            notes.append(f"camera:angle (tilt) {angle}")
        try:
            height = float(tags.get("height", CCTV_HEIGHT_M))
        except ValueError:
            height = CCTV_HEIGHT_M
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        if geom.geom_type != "Point":
            geom = geom.representative_point()
        out.append(
            ObservationPost(
                geometry=geom,
                uuid=str(uuid_mod.uuid5(_CCTV_NS, osm_id)),
                name=f"CCTV {osm_id}",
                type="camera",
                observer=str(tags.get("operator", "")),
                height_kind="mast",
                height_m=min(max(height, 0.0), 300.0),
                direction_deg=direction or 0.0,
                fov_deg=360.0 if all_round else fov_deg,
                range_m=range_m,
                notes="; ".join(notes),
            )
        )
    return out


# -- scan level -----------------------------------------------------------------------------
@dataclass
class CoverageReport:
    """Coverage of a scan's target area by its posts (and optionally OSM cameras).

    Attributes
    ----------
    coverage
        The figures and geometries.
    views
        The view of every post counted.
    target_radius_m
        Radius of the target area, metres.
    """

    coverage: Coverage
    views: list[PostView]
    target_radius_m: float
    site: Point
    note: str = ""

    @property
    def view_areas(self) -> dict[str, float]:
        """Visible area per post uuid, m²."""
        return {v.uuid: round(float(v.polygon.area), 1) for v in self.views}

    def to_dict(self, crs: str, max_blind_spots: int = 10) -> dict[str, Any]:
        """JSON-able figures: shares, areas (m²) and the largest blind spots (WGS84 centres)."""
        c = self.coverage
        spots = []
        for b in c.blind_spots[: max(0, max_blind_spots)]:
            p = b.polygon.representative_point()
            lat, lon = to_wgs84(p.x, p.y, crs)
            spots.append(
                {
                    "rank_size": b.rank_size,
                    "rank_distance": b.rank_distance,
                    "area_m2": round(b.area_m2, 1),
                    "distance_m": round(b.distance_m, 1),
                    "lat": round(lat, 7),
                    "lon": round(lon, 7),
                }
            )
        return {
            "target": self.note,
            "target_radius_m": self.target_radius_m,
            "target_area_m2": round(c.target_area_m2, 1),
            "posts_counted": len(self.views),
            "cctv_counted": sum(1 for v in self.views if v.source == "cctv"),
            "seen_by_1_or_more": round(c.share_1, 4),
            "seen_by_2_or_more": round(c.share_2, 4),
            "seen_by_1_or_more_m2": round(float(c.seen_1.area), 1),
            "seen_by_2_or_more_m2": round(float(c.seen_2.area), 1),
            "blind_spots": len(c.blind_spots),
            "blind_area_m2": round(sum(b.area_m2 for b in c.blind_spots), 1),
            "largest_blind_spots": spots,
            "moved_posts": [
                {"uuid": v.uuid, "name": v.name, "moved_m": round(v.moved_m, 2)}
                for v in self.views
                if v.moved_m > 0
            ],
        }


def coverage_report(
    scan: Any,
    posts: Iterable[ObservationPost],
    *,
    target_radius_m: float = TARGET_RADIUS_M,
    include_cctv: bool = False,
    exclude_water: bool = True,
    min_blind_area_m2: float = MIN_BLIND_AREA_M2,
    active_at: datetime | None = None,
    index: VisibilityIndex | None = None,
) -> CoverageReport:
    """Coverage of the scan's default target area by ``posts``.

    Parameters
    ----------
    scan
        A :class:`~omgevingsscan.scan.Scan` with a ``buildings`` layer (``water`` and
        ``poi`` used when present).
    posts
        The observation posts.
    target_radius_m
        Public ground within this radius of the site (metres) is the target.
    include_cctv
        Count OSM surveillance cameras as posts.
    exclude_water
        Leave water out of the target (it is not ground).
    active_at
        Count only posts active at this time (None: all).
    index
        A prepared :class:`VisibilityIndex` of the buildings (built when None).
    """
    layers = scan.layers
    buildings = scan.frame("buildings") if "buildings" in layers else gpd.GeoDataFrame(geometry=[])
    idx = index or VisibilityIndex(buildings)
    exclude: list[BaseGeometry] = []
    note = f"public ground within {target_radius_m:g} m of the site: disc minus buildings"
    if exclude_water and "water" in layers:
        exclude = [g for g in scan.frame("water").geometry if g is not None]
        note += " and water"
    site = scan.site.point
    target = target_area(idx, site, target_radius_m, exclude=exclude)
    chosen = [p for p in posts if active_at is None or p.is_active(active_at)]
    views = [post_view(idx, p) for p in chosen]
    if include_cctv and "poi" in layers:
        views += [post_view(idx, p, "cctv") for p in cctv_posts(scan.frame("poi"))]
    result = coverage(target, [v.polygon for v in views], site, min_blind_area_m2=min_blind_area_m2)
    return CoverageReport(result, views, target_radius_m, site, note)


def views_frame(views: Sequence[PostView], crs: str | None) -> gpd.GeoDataFrame:
    """The views as a GeoDataFrame (uuid, name, source, area_m2) for a result layer."""
    return gpd.GeoDataFrame(
        {
            "uuid": [v.uuid for v in views],
            "name": [v.name for v in views],
            "source": [v.source for v in views],
            "area_m2": [float(v.polygon.area) for v in views],
        },
        geometry=[v.polygon for v in views],
        crs=crs,
    )


def blind_spots_frame(result: Coverage, crs: str | None) -> gpd.GeoDataFrame:
    """The blind spots as a GeoDataFrame (area_m2, distance_m, rank_size, rank_distance)."""
    spots = result.blind_spots
    return gpd.GeoDataFrame(
        pd.DataFrame(
            {
                "rank_size": [b.rank_size for b in spots],
                "rank_distance": [b.rank_distance for b in spots],
                "area_m2": [b.area_m2 for b in spots],
                "distance_m": [b.distance_m for b in spots],
            }
        ),
        geometry=[b.polygon for b in spots],
        crs=crs,
    )


#: Default styles of the result layers (the renderer's style-dict format).
VIEWS_STYLE: dict[str, Any] = {
    "fill": "#457b9d",
    "stroke": "#1d3557",
    "stroke_width": 1.0,
    "width_units": "px",
}
BLIND_STYLE: dict[str, Any] = {
    "fill": "#e63946",
    "stroke": "#9d0208",
    "stroke_width": 1.0,
    "width_units": "px",
    "label_column": "rank_size",
}


def result_layers(report: CoverageReport, crs: str | None) -> list[VectorLayer]:
    """The views and blind spots as plain vector layers for the map ("views", "blind_spots")."""
    return [
        VectorLayer("views", views_frame(report.views, crs), style=dict(VIEWS_STYLE), opacity=0.3),
        VectorLayer(
            "blind_spots",
            blind_spots_frame(report.coverage, crs),
            style=dict(BLIND_STYLE),
            opacity=0.45,
        ),
    ]


__all__ = [
    "BlindSpot",
    "Coverage",
    "CoverageReport",
    "PostView",
    "cctv_posts",
    "coverage",
    "coverage_report",
    "free_origin",
    "parse_direction",
    "post_view",
    "post_views",
    "result_layers",
    "target_area",
]
