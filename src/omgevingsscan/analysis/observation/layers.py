"""Coverage results as frames and map layers: post views, blind spots."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import pandas as pd

from omgevingsscan.analysis.observation.compute import Coverage
from omgevingsscan.analysis.observation.report import CoverageReport
from omgevingsscan.analysis.observation.views import PostView
from omgevingsscan.layers.base import VectorLayer


def views_frame(views: Sequence[PostView], crs: str | None) -> gpd.GeoDataFrame:
    """The views as a GeoDataFrame (uuid, name, source, area_m2, ground_model) for a
    result layer."""
    return gpd.GeoDataFrame(
        {
            "uuid": [v.uuid for v in views],
            "name": [v.name for v in views],
            "source": [v.source for v in views],
            "area_m2": [float(v.polygon.area) for v in views],
            "ground_model": [v.ground_model for v in views],
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
