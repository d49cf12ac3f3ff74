"""Coverage at the scan level: the posts of a scan (and optionally OSM cameras) against
its target area, as a :class:`CoverageReport` with a JSON form for the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import geopandas as gpd
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.observation.cctv import cctv_posts
from omgevingsscan.analysis.observation.compute import MIN_BLIND_AREA_M2, Coverage, coverage
from omgevingsscan.analysis.observation.terrain_views import post_view_over
from omgevingsscan.analysis.observation.views import (
    TARGET_RADIUS_M,
    PostView,
    target_area,
)
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.crs import to_wgs84
from omgevingsscan.io.terrain import terrain_for
from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.scan import Scan


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
    ground_model: str = "flat"

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
            "ground_model": (
                "terrain: each post sees the people (1.6 m) in view over the terrain model"
                if self.ground_model == "terrain"
                else "flat (no terrain model): each post's view is the 2D isovist"
            ),
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
    use_terrain: bool = True,
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
    use_terrain
        Use the scan's terrain model when it has one (:mod:`.terrain_views`); else,
        or without one, the ground is taken as flat.
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
    terrain = terrain_for(scan) if use_terrain and isinstance(scan, Scan) else None
    views = [post_view_over(idx, p, terrain) for p in chosen]
    if include_cctv and "poi" in layers:
        cams = cctv_posts(scan.frame("poi"))
        views += [post_view_over(idx, p, terrain, "cctv") for p in cams]
    result = coverage(target, [v.polygon for v in views], site, min_blind_area_m2=min_blind_area_m2)
    model = "flat" if terrain is None else "terrain"
    return CoverageReport(result, views, target_radius_m, site, note, model)
