"""Figures and sentences on height provenance and terrain, for the assessment report.

:func:`height_report` gives the report what it needs to say how far the 2.5D answers
rest on measured data: the share of measured heights near the site and in the study
area, the data sets, the mean uncertainty, and whether the ground is a terrain model
or taken as flat. The report (``export/report``) shows :meth:`HeightReport.paragraphs`;
other writers may use the figures. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Point

from omgevingsscan.io.terrain import ground_statement
from omgevingsscan.layers.heights import HeightSummary, height_summary
from omgevingsscan.scan import Scan

#: "Near the site": buildings within this many metres of it (metres).
NEAR_SITE_M = 150.0


@dataclass(frozen=True)
class HeightReport:
    """Height provenance near the site (``near``) and in the whole study area
    (``study``), and the ground model (one sentence)."""

    near: HeightSummary
    study: HeightSummary
    near_m: float
    ground: str

    def paragraphs(self) -> list[str]:
        """Plain sentences for the report."""
        out = [self.near.sentence(self.near_m)]
        if self.study.total != self.near.total:
            out.append(
                f"In the whole study area {self.study.measured_share:.0%} of "
                f"{self.study.total:,} buildings have a measured height."
            )
        if self.near.measured_share < 0.5:
            out.append(
                "Most heights near the site are estimates: sight lines, viewsheds and "
                "overlook positions marked uncertain may go either way; import measured "
                "heights (3D BAG or a municipal 3D model) to settle them."
            )
        out.append(self.ground)
        return out


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
        ground_statement(scan),
    )
