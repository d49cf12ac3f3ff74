"""The coverage of a target area by post views: the share seen by at least one and by at
least two posts, and the blind spots (unseen parts) ranked by size and by distance to the
site. Square metres and metres in the scan's local metric CRS.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.errors import AnalysisInputError

#: Blind spots smaller than this (m²) are slivers and are not listed.
MIN_BLIND_AREA_M2: float = 1.0


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
