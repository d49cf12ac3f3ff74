"""Coverage of a target area by observation posts (pure, Qt-free): a post's view is the exact
2D isovist limited to its range and cone (:mod:`.views`, which also builds the target area:
public ground within 100 m of the site); :mod:`.compute` measures the share of the target
seen by at least one and by at least two posts and ranks the blind spots by size and by
distance to the site; :mod:`.cctv` turns OSM cameras into posts; :mod:`.report` runs it all
for a scan (:func:`coverage_report`); :mod:`.layers` turns the results into frames and map
layers. With a terrain model in the scan, :mod:`.terrain_views` gives the view over the
terrain and the buildings on it (posts at their height above the ground; a grid of 3D sight
lines), else the ground is taken as flat and heights are not used. All geometry is in the
scan's local metric CRS (metres, square metres). Callers import from this package.
"""

from __future__ import annotations

from omgevingsscan.analysis.observation.cctv import (
    CCTV_FOV_DEG,
    CCTV_HEIGHT_M,
    CCTV_RANGE_M,
    cctv_posts,
    parse_direction,
)
from omgevingsscan.analysis.observation.compute import (
    MIN_BLIND_AREA_M2,
    BlindSpot,
    Coverage,
    coverage,
)
from omgevingsscan.analysis.observation.layers import blind_spots_frame, result_layers, views_frame
from omgevingsscan.analysis.observation.report import CoverageReport, coverage_report
from omgevingsscan.analysis.observation.terrain_views import post_view_over, post_view_terrain
from omgevingsscan.analysis.observation.views import (
    NUDGE_M,
    TARGET_RADIUS_M,
    PostView,
    free_origin,
    post_view,
    post_views,
    target_area,
)

__all__ = [
    "CCTV_FOV_DEG",
    "CCTV_HEIGHT_M",
    "CCTV_RANGE_M",
    "MIN_BLIND_AREA_M2",
    "NUDGE_M",
    "TARGET_RADIUS_M",
    "BlindSpot",
    "Coverage",
    "CoverageReport",
    "PostView",
    "blind_spots_frame",
    "cctv_posts",
    "coverage",
    "coverage_report",
    "free_origin",
    "parse_direction",
    "post_view",
    "post_view_over",
    "post_view_terrain",
    "post_views",
    "result_layers",
    "target_area",
    "views_frame",
]
