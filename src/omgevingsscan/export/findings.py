"""What the assessment report says: the analyses that were run and their findings. No Qt.

Analyses add layers to a scan; this module finds them by layer kind at run time, so
new analysis modules are reported without changes here. A section appears only when
a layer of its kinds holds at least one feature; every other section is listed as
"not assessed", never filled with placeholder text. All numbers are computed from
the layers in the scan's metric CRS (metres, square metres).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point

from omgevingsscan.crs import RD_NEW
from omgevingsscan.export.data import attribute_columns, json_value
from omgevingsscan.export.styles import display_title
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.osm import OSM_LAYER_KINDS
from omgevingsscan.scan import Scan

#: Layer kinds made by the import (the base map, not analyses).
BASE_KINDS = frozenset(cls.kind for cls in OSM_LAYER_KINDS.values()) | {
    "site",
    "study_area",
    "data_extent",
}
#: Layer kinds of the advice itself (reported in their own sections, not as analyses).
ADVICE_KINDS = frozenset({"findings", "measures", "finding_photos", "changes"})
#: Most rows of a findings table; the data exports hold the rest.
MAX_ROWS = 60
#: Most columns of a findings table (computed columns included).
MAX_COLUMNS = 7


@dataclass(frozen=True)
class SectionDef:
    """A findings section and the layer-kind fragments that belong to it."""

    key: str
    title: str
    fragments: tuple[str, ...]
    #: Attribute columns shown first in its tables, when a layer has them.
    columns: tuple[str, ...]


#: Sections in report order. A layer goes to the first section one of whose fragments
#: occurs in its kind (so "escape_route" is an escape route, not a plain route).
SECTIONS: tuple[SectionDef, ...] = (
    SectionDef(
        "exposure",
        "Exposure and overlook positions",
        ("sightline", "viewshed", "isovist", "exposure", "overlook", "visib"),
        ("name", "kind", "type", "visible", "clear", "blocked", "height_m", "floor", "score"),
    ),
    SectionDef(
        "escape",
        "Escape routes and chokepoints",
        ("escape", "chokepoint", "bottleneck"),
        ("route", "name", "kind", "reason", "mode", "length_m", "time_s", "critical"),
    ),
    SectionDef(
        "routes",
        "Routes",
        ("route", "isochrone", "reach", "entry_point", "approach", "emergency"),
        ("route", "name", "label", "kind", "mode", "length_m", "time_s", "minutes", "via"),
    ),
    SectionDef(
        "posts",
        "Observation posts and coverage",
        ("post", "coverage", "camera_view"),
        (
            "name",
            "type",
            "observer",
            "height_m",
            "direction_deg",
            "fov_deg",
            "range_m",
            "active_from",
            "active_to",
        ),
    ),
    SectionDef(
        "sightings",
        "Sightings log",
        ("sighting",),
        ("time", "category", "description", "plate", "colour", "observer", "post", "severity"),
    ),
    SectionDef(
        "annotations",
        "Annotations",
        ("annotation", "note"),
        ("text", "title", "name", "kind", "author", "created"),
    ),
)

_TIME_COLUMN = re.compile(r"(^|_)(time|duration|minutes|seconds|travel)(_|$)", re.I)


def section_for(kind: str, name: str = "") -> SectionDef | None:
    """The section of a layer, from its kind and name; None for base and unknown layers.

    The name counts too because one kind may hold several analyses: the route module
    writes escape routes as kind "routes" in a layer named "escape_routes".
    """
    if kind.lower() in BASE_KINDS | ADVICE_KINDS:
        return None
    text = f"{kind} {name}".lower()
    for section in SECTIONS:
        if any(f in text for f in section.fragments):
            return section
    return None


@dataclass
class Table:
    """A findings table: headers, text rows and how many rows were left out."""

    headers: list[str]
    rows: list[list[str]]
    omitted: int = 0


@dataclass
class LayerFinding:
    """Findings of one analysis layer."""

    name: str
    title: str
    kind: str
    geometry_kind: str
    count: int
    facts: list[tuple[str, str]] = field(default_factory=list)
    table: Table | None = None


@dataclass
class SectionFinding:
    """A section that was assessed: its definition, layers and the ground they cover."""

    section: SectionDef
    layers: list[LayerFinding]
    #: ``(x0, y0, x1, y1)`` metres covering the section's features (for its map).
    bounds: tuple[float, float, float, float]
    layer_names: tuple[str, ...]


@dataclass
class Summary:
    """Facts about the site and the base data, for the summary and data-source sections."""

    facts: list[tuple[str, str]]
    poi_counts: list[tuple[str, int]]
    nearest: list[tuple[str, str]]
    height_sources: list[tuple[str, int]]


@dataclass
class Findings:
    """Everything the report states, computed from a scan."""

    summary: Summary
    assessed: list[SectionFinding]
    not_assessed: list[SectionDef]
    other_layers: list[LayerFinding]

    @property
    def assessed_keys(self) -> list[str]:
        """Keys of the sections that were assessed, in report order."""
        return [s.section.key for s in self.assessed]


# -- formatting ---------------------------------------------------------------------------
def fmt_m(value: float) -> str:
    """Metres: "12 m", "1.2 km"."""
    if not math.isfinite(value):
        return "–"
    if value >= 1000:
        return f"{value / 1000:.2f} km"
    return f"{value:.0f} m"


def fmt_area(value: float) -> str:
    """Square metres: "850 m²", "1.3 ha"."""
    if value >= 10_000:
        return f"{value / 10_000:.1f} ha"
    return f"{value:,.0f} m²".replace(",", " ")


def fmt_cell(value: Any) -> str:
    """A table cell: numbers rounded sensibly, times in local time, text trimmed."""
    v = json_value(value)
    if v is None:
        return ""
    if isinstance(value, pd.Timestamp | datetime):
        ts = pd.Timestamp(value)
        if ts.tzinfo is not None:
            ts = ts.tz_convert(datetime.now().astimezone().tzinfo)
        return ts.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.0f}" if abs(v) >= 100 else f"{v:.1f}"
    text = str(v)
    return text if len(text) <= 80 else text[:79] + "…"


# -- per layer ------------------------------------------------------------------------------
def _table(
    layer: VectorLayer, frame: gpd.GeoDataFrame, section: SectionDef | None, site: Point
) -> Table:
    preferred = list(section.columns) if section else []
    attrs = [c for c in attribute_columns(frame) if frame[c].notna().any() and c != "uuid"]
    cols = [c for c in preferred if c in attrs] + [c for c in attrs if c not in preferred]
    computed: list[tuple[str, np.ndarray]] = []
    geoms = frame.geometry.to_numpy()
    valid = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    gkind = layer.geometry_kind
    if gkind == "line":
        computed.append(("length (m)", np.where(valid, shapely.length(geoms), np.nan)))
    elif gkind == "polygon":
        computed.append(("area (m²)", np.where(valid, shapely.area(geoms), np.nan)))
    dist = np.array([g.distance(site) if v else np.nan for g, v in zip(geoms, valid)])
    computed.append(("to site (m)", dist))
    keep = cols[: max(MAX_COLUMNS - len(computed), 1)]
    order = np.arange(len(frame))
    if "time" in frame.columns:
        order = np.argsort(frame["time"].to_numpy(), kind="stable")
    elif section is not None and section.key in ("exposure",):
        order = np.argsort(dist, kind="stable")
    rows = []
    for pos in order[:MAX_ROWS]:
        row = [fmt_cell(frame[c].iloc[pos]) for c in keep]
        row += [
            "" if not math.isfinite(values[pos]) else f"{values[pos]:,.0f}".replace(",", " ")
            for _, values in computed
        ]
        rows.append(row)
    headers = [c.replace("_", " ") for c in keep] + [name for name, _ in computed]
    return Table(headers, rows, max(len(frame) - MAX_ROWS, 0))


def _facts(
    layer: VectorLayer, frame: gpd.GeoDataFrame, scan: Scan, section: SectionDef | None
) -> list[tuple[str, str]]:
    geoms = frame.geometry.to_numpy()
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    site = scan.site.point
    facts: list[tuple[str, str]] = [("features", str(len(frame)))]
    if not len(geoms):
        return facts
    dists = shapely.distance(geoms, site)
    facts.append(("nearest to the site", fmt_m(float(np.min(dists)))))
    if layer.geometry_kind == "line":
        lengths = shapely.length(geoms)
        facts.append(("total length", fmt_m(float(lengths.sum()))))
        facts.append(
            (
                "length per feature",
                f"{fmt_m(float(lengths.min()))} – {fmt_m(float(lengths.max()))}"
                f" (median {fmt_m(float(np.median(lengths)))})",
            )
        )
    elif layer.geometry_kind == "polygon":
        union = shapely.union_all(geoms)
        area = scan.study_area.polygon
        inside = union.intersection(area).area
        facts.append(("area", fmt_area(float(union.area))))
        facts.append(("share of the study area", f"{inside / area.area:.0%}"))
    else:
        facts.append(("within 100 m of the site", str(int((dists <= 100).sum()))))
    for col in frame.columns:
        if _TIME_COLUMN.search(str(col)) and pd.api.types.is_numeric_dtype(frame[col]):
            values = pd.to_numeric(frame[col], errors="coerce").dropna()
            if not len(values):
                continue
            if str(col).endswith("_s"):
                label, lo, hi = str(col)[:-2], values.min() / 60, values.max() / 60
                facts.append((label.replace("_", " "), f"{lo:.1f} – {hi:.1f} min"))
            else:
                facts.append((str(col).replace("_", " "), f"{values.min():g} – {values.max():g}"))
    if "time" in frame.columns and pd.api.types.is_datetime64_any_dtype(frame["time"]):
        times = frame["time"].dropna()
        if len(times):
            facts.append(("first", fmt_cell(times.min())))
            facts.append(("last", fmt_cell(times.max())))
    for col in ("category", "type", "mode"):
        if col in frame.columns and frame[col].notna().any():
            counts = frame[col].value_counts()
            facts.append(
                (f"by {col}", ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()))
            )
            break
    return facts


def layer_finding(layer: VectorLayer, scan: Scan, section: SectionDef | None) -> LayerFinding:
    """Facts and a table for one layer."""
    frame = layer.data
    return LayerFinding(
        name=layer.name,
        title=display_title(layer),
        kind=layer.kind,
        geometry_kind=layer.geometry_kind,
        count=len(frame),
        facts=_facts(layer, frame, scan, section),
        table=_table(layer, frame, section, scan.site.point) if len(frame) else None,
    )


# -- summary --------------------------------------------------------------------------------
def _layer_of(scan: Scan, kind: str) -> VectorLayer | None:
    for layer in scan.layers:
        if isinstance(layer, VectorLayer) and layer.kind == kind:
            return layer
    return None


def summarise(scan: Scan) -> Summary:
    """Facts about the site and the base data within the study area."""
    site = scan.site
    area = scan.study_area.polygon
    coord = "RD" if scan.crs == RD_NEW else scan.crs
    facts = [
        ("site", f"{site.name} ({site.kind})"),
        (
            "position",
            f"{site.lat:.6f} N, {site.lon:.6f} E (WGS84); {coord} {site.x:.1f}, {site.y:.1f}",
        ),
        ("study area", f"circle of {scan.study_area.radius_m:.0f} m around the site"),
        ("data", f"{scan.source or 'OSM'}; newest edit {(scan.data_date or 'unknown')[:10]}"),
        ("coverage", f"the data covers {scan.coverage:.0%} of the study area"),
    ]
    buildings = _layer_of(scan, "buildings")
    heights: list[tuple[str, int]] = []
    if buildings is not None and len(buildings):
        frame = buildings.data
        inside = frame[frame.intersects(area)]
        facts.append(("buildings", f"{len(inside)} in the study area"))
        if "height_source" in inside.columns:
            heights = [(str(k), int(v)) for k, v in inside["height_source"].value_counts().items()]
    roads = _layer_of(scan, "roads")
    if roads is not None and len(roads):
        length = shapely.length(shapely.intersection(roads.data.geometry.to_numpy(), area)).sum()
        facts.append(("roads", f"{fmt_m(float(length))} of road in the study area"))
    poi_counts: list[tuple[str, int]] = []
    nearest: list[tuple[str, str]] = []
    poi = _layer_of(scan, "poi")
    if poi is not None and len(poi) and "category" in poi.data.columns:
        frame = poi.data
        inside = frame[frame.intersects(area)]
        poi_counts = [
            (str(k).replace("_", " "), int(v)) for k, v in inside["category"].value_counts().items()
        ]
        for cat, label in (
            ("police", "police station"),
            ("fire_station", "fire station"),
            ("hospital", "hospital"),
        ):
            sub = frame[frame["category"] == cat]
            if len(sub):
                d = shapely.distance(sub.geometry.to_numpy(), site.point)
                nearest.append((label, fmt_m(float(np.min(d)))))
            else:
                nearest.append((label, "none in the loaded data"))
    return Summary(facts, poi_counts, nearest, heights)


def _bounds_of(layers: list[VectorLayer], scan: Scan) -> tuple[float, float, float, float]:
    """The box of the layers' features and the site, padded, within the study area."""
    boxes = [layer.data.total_bounds for layer in layers if len(layer)]
    x0 = min([b[0] for b in boxes] + [scan.site.x])
    y0 = min([b[1] for b in boxes] + [scan.site.y])
    x1 = max([b[2] for b in boxes] + [scan.site.x])
    y1 = max([b[3] for b in boxes] + [scan.site.y])
    pad = max(x1 - x0, y1 - y0, 100.0) * 0.08
    ax0, ay0, ax1, ay1 = scan.study_area.polygon.buffer(scan.study_area.radius_m * 0.05).bounds
    return (max(x0 - pad, ax0), max(y0 - pad, ay0), min(x1 + pad, ax1), min(y1 + pad, ay1))


def collect_findings(scan: Scan, progress: Callable[[float, str], None] | None = None) -> Findings:
    """Find the analysis layers of ``scan`` and compute what the report says about them."""
    by_section: dict[str, list[VectorLayer]] = {}
    other: list[VectorLayer] = []
    for layer in scan.layers:
        if not isinstance(layer, VectorLayer) or layer.kind in BASE_KINDS | ADVICE_KINDS:
            continue
        section = section_for(layer.kind, layer.name)
        if section is None:
            if len(layer):
                other.append(layer)
            continue
        if len(layer):
            by_section.setdefault(section.key, []).append(layer)
    assessed = []
    for section in SECTIONS:
        layers = by_section.get(section.key, [])
        if not layers:
            continue
        if progress is not None:
            progress(0.0, f"Findings: {section.title}")
        assessed.append(
            SectionFinding(
                section,
                [layer_finding(layer, scan, section) for layer in layers],
                _bounds_of(layers, scan),
                tuple(layer.name for layer in layers),
            )
        )
    done = {s.section.key for s in assessed}
    return Findings(
        summary=summarise(scan),
        assessed=assessed,
        not_assessed=[s for s in SECTIONS if s.key not in done],
        other_layers=[layer_finding(layer, scan, None) for layer in other],
    )
