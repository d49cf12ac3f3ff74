"""Figures and sentences on height provenance and terrain, for the assessment report.

:func:`height_report` gives the report what it needs to say how far the 2.5D answers
rest on measured data: the share of measured heights near the site and in the study
area, the data sets, the mean uncertainty, and whether the ground is a terrain model
or taken as flat. The report puts them into sentences in its language
(:mod:`omgevingsscan.export.report.heights`). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Point

from omgevingsscan.io.terrain import Terrain, terrain_for
from omgevingsscan.layers.heights import HeightSummary, height_summary
from omgevingsscan.scan import Scan

#: "Near the site": buildings within this many metres of it (metres).
NEAR_SITE_M = 150.0


@dataclass(frozen=True)
class HeightReport:
    """Height provenance near the site (``near``, buildings within ``near_m`` metres)
    and in the whole study area (``study``), and the terrain (None: flat ground)."""

    near: HeightSummary
    study: HeightSummary
    near_m: float
    terrain: Terrain | None


def height_report(scan: Scan, near_m: float = NEAR_SITE_M) -> HeightReport | None:
    """The height and terrain figures of ``scan`` (None when it has no buildings)."""
    try:
        frame = scan.frame("buildings")
    except KeyError:
        return None
    near = Point(scan.site.x, scan.site.y).buffer(near_m)
    return HeightReport(
        height_summary(frame, near),
        height_summary(frame, scan.study_area.polygon),
        near_m,
        terrain_for(scan),
    )
