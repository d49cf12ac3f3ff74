"""What the advice part of the report states, gathered once from the scan. No Qt.

The PDF, the handout and the editable .docx all read an :class:`Advice`, so they
agree: the counted findings (open, accepted, resolved; never suggested or rejected)
by map number, the measures of each, the photos, the overall risk and the risk matrix.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.findings import (
    CATEGORIES,
    RISK_LEVELS,
    Finding,
    FindingPhoto,
    FindingPhotosLayer,
    FindingsLayer,
    Measure,
    MeasuresLayer,
    overall_risk,
)
from omgevingsscan.scan import Scan

#: How many findings the management summary lists.
TOP_FINDINGS = 5


@dataclass
class Advice:
    """The findings, measures and photos of a scan, ready to be written."""

    findings: list[Finding] = field(default_factory=list)
    measures: dict[str, list[Measure]] = field(default_factory=dict)
    photos: dict[str, list[FindingPhoto]] = field(default_factory=dict)
    all_measures: list[Measure] = field(default_factory=list)
    #: Suggested findings not yet accepted (their count is stated, never their content).
    pending: int = 0
    rejected: int = 0

    @property
    def overall(self) -> str | None:
        """The overall risk level (highest of the open and accepted findings)."""
        return overall_risk(self.findings)

    def top(self, n: int = TOP_FINDINGS) -> list[Finding]:
        """The ``n`` most serious findings that are not resolved (score, then number)."""
        live = [f for f in self.findings if f.status != "resolved"]
        return sorted(live, key=lambda f: (-f.score, f.number))[:n]

    def by_category(self) -> dict[str, list[Finding]]:
        """The findings per category, in checklist order."""
        out: dict[str, list[Finding]] = {}
        for cat in CATEGORIES:
            found = [f for f in self.findings if f.category == cat]
            if found:
                out[cat] = found
        return out

    def matrix(self) -> dict[tuple[int, int], list[int]]:
        """``{(likelihood, impact): [finding numbers]}`` of the counted findings."""
        cells: dict[tuple[int, int], list[int]] = {}
        for f in self.findings:
            cells.setdefault((f.likelihood, f.impact), []).append(f.number)
        return cells

    def level_counts(self) -> list[tuple[str, int]]:
        """How many unresolved findings have each risk level, highest first."""
        live = [f for f in self.findings if f.status != "resolved"]
        return [(name, sum(1 for f in live if f.risk == name)) for name, _ in reversed(RISK_LEVELS)]

    def finding_numbers(self, measure: Measure) -> list[int]:
        """Map numbers of the counted findings ``measure`` answers."""
        by_uuid = {f.uuid: f.number for f in self.findings}
        return sorted(by_uuid[u] for u in measure.finding_uuids() if u in by_uuid)


def collect_advice(scan: Scan) -> Advice:
    """Gather the :class:`Advice` of ``scan`` (empty when it has no findings)."""
    advice = Advice()
    layer = scan.layers.get("findings")
    if isinstance(layer, FindingsLayer):
        advice.findings = layer.counted()
        advice.pending = sum(1 for f in layer if f.status == "suggested")
        advice.rejected = sum(1 for f in layer if f.status == "rejected")
    measures = scan.layers.get("measures")
    counted = {f.uuid for f in advice.findings}
    if isinstance(measures, MeasuresLayer):
        advice.all_measures = [m for m in measures if any(u in counted for u in m.finding_uuids())]
        for f in advice.findings:
            advice.measures[f.uuid] = measures.for_finding(f.uuid)
    photos = scan.layers.get("finding_photos")
    if isinstance(photos, FindingPhotosLayer):
        for f in advice.findings:
            advice.photos[f.uuid] = photos.for_finding(f.uuid)
    return advice


def findings_box(
    geoms: list[BaseGeometry], centre: tuple[float, float], min_half_m: float = 80.0
) -> tuple[float, float, float, float]:
    """A map box (metres) around ``geoms`` with a margin, at least ``2 * min_half_m`` wide,
    so a map of a few findings close together is still readable at a large scale."""
    if not geoms:
        cx, cy = centre
        return cx - min_half_m, cy - min_half_m, cx + min_half_m, cy + min_half_m
    xs0, ys0, xs1, ys1 = zip(*(g.bounds for g in geoms), strict=True)
    x0, y0, x1, y1 = min(xs0), min(ys0), max(xs1), max(ys1)
    pad = max(20.0, 0.12 * max(x1 - x0, y1 - y0))
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = max((x1 - x0) / 2, min_half_m), max((y1 - y0) / 2, min_half_m)
    return cx - hx, cy - hy, cx + hx, cy + hy
