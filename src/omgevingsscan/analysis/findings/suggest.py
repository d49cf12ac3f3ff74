"""Suggested findings made from the analysis results stored in a scan.

Each analysis result an advisor would judge becomes a :class:`Suggestion`: a
:class:`~omgevingsscan.layers.findings.Finding` with status "suggested", a stable key
(so an accepted or rejected suggestion is not offered again) and a link to the result
it rests on. Nothing here changes the scan; the advisor accepts (status "accepted"),
edits or rejects each one through the editor, and a suggestion is never counted
until it is accepted.

What is suggested (thresholds in :class:`SuggestOptions`):

- the top overlook positions of the exposure analysis (buildings with a view of the
  façade), nearest first;
- the waiting spots of the exposure analysis (public places with a view);
- blind spots of the coverage larger than an area;
- escape routes that all depend on one chokepoint;
- emergency-service routes slower than a time.

Geometries are in the scan's local metric CRS (metres).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.findings import Finding, FindingsLayer
from omgevingsscan.scan import Scan

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "overlook.title": "Overlooking building: {name}",
        "overlook.desc": (
            "{Name} at {d:.0f} m has a view of {f:.0f} m of the site's façade"
            "{upper}. From its windows or roof the entrance and rooms in use can be watched."
        ),
        "upper": " (from the upper floors only)",
        "spot.title": "Waiting spot with a view: {name}",
        "spot.desc": (
            "A public place ({cat}) at {d:.0f} m from which {v:.0f}° of the façade is in "
            "view at eye level: someone can wait here and watch the entrance."
        ),
        "blind.title": "Blind spot of {a:.0f} m² at {d:.0f} m",
        "blind.desc": (
            "No observation post or known camera sees this {a:.0f} m² of public ground, "
            "{d:.0f} m from the site."
        ),
        "choke.title": "All escape routes depend on {name}",
        "choke.desc": (
            "All {n} escape routes ({mode}) pass {name} ({reason}); when it is blocked "
            "there is no independent way out."
        ),
        "emerg.title": "Slow arrival of the {what}: {m:.1f} min",
        "emerg.desc": (
            "The {what} needs {m:.1f} min by {mode} to reach the site ({km:.1f} km via "
            "{via}); the threshold is {t:.0f} min."
        ),
        "building": "an unnamed building",
        "spot": "unnamed",
    },
    "nl": {
        "overlook.title": "Uitkijkend gebouw: {name}",
        "overlook.desc": (
            "{Name} op {d:.0f} m ziet {f:.0f} m van de gevel van de locatie{upper}. "
            "Vanuit de ramen of het dak kunnen de ingang en de gebruikte ruimtes worden "
            "bekeken."
        ),
        "upper": " (alleen vanaf de bovenverdiepingen)",
        "spot.title": "Wachtplek met zicht: {name}",
        "spot.desc": (
            "Een openbare plek ({cat}) op {d:.0f} m met {v:.0f}° van de gevel in zicht "
            "op ooghoogte: hier kan iemand wachten en de ingang in de gaten houden."
        ),
        "blind.title": "Blinde vlek van {a:.0f} m² op {d:.0f} m",
        "blind.desc": (
            "Geen observatiepost of bekende camera ziet deze {a:.0f} m² openbare grond, "
            "op {d:.0f} m van de locatie."
        ),
        "choke.title": "Alle vluchtroutes hangen af van {name}",
        "choke.desc": (
            "Alle {n} vluchtroutes ({mode}) lopen via {name} ({reason}); als die "
            "geblokkeerd is, is er geen onafhankelijke uitweg."
        ),
        "emerg.title": "Trage aankomst van de {what}: {m:.1f} min",
        "emerg.desc": (
            "De {what} heeft {m:.1f} min ({mode}) nodig tot de locatie ({km:.1f} km via "
            "{via}); de drempel is {t:.0f} min."
        ),
        "building": "een naamloos gebouw",
        "spot": "naamloos",
    },
}


@dataclass(frozen=True)
class SuggestOptions:
    """Thresholds of the suggestions.

    Attributes
    ----------
    overlooks
        How many overlooking buildings to suggest (nearest first).
    spots
        How many waiting spots to suggest.
    blind_area_m2
        Smallest blind spot suggested, square metres.
    response_min
        Emergency routes slower than this many minutes are suggested.
    language
        "en" or "nl": the language of the titles and descriptions.
    """

    overlooks: int = 3
    spots: int = 3
    blind_area_m2: float = 100.0
    response_min: float = 8.0
    language: str = "en"


@dataclass(frozen=True)
class Suggestion:
    """A suggested finding: its stable ``key`` and the finding (status "suggested")."""

    key: str
    finding: Finding
    reason: str


def _layers(scan: Scan, kind: str, name_part: str = "") -> list[VectorLayer]:
    out = []
    for layer in scan.layers:
        if not isinstance(layer, VectorLayer):
            continue
        if layer.kind == kind or (name_part and name_part in layer.name.lower()):
            out.append(layer)
    return out


def _simple(geom: BaseGeometry) -> BaseGeometry:
    """One Point, LineString or Polygon: the largest part of a multi-geometry."""
    if geom.geom_type in ("Point", "LineString", "Polygon"):
        return geom
    if geom.geom_type == "MultiLineString":
        merged = shapely.line_merge(geom)
        if merged.geom_type == "LineString":
            return merged
        geom = merged
    parts = list(getattr(geom, "geoms", [geom]))
    parts = [p for p in parts if not p.is_empty]
    if not parts:
        return geom
    return max(parts, key=lambda p: (p.area, p.length))


def _value(row: Any, name: str, default: Any = None) -> Any:
    value = row.get(name, default) if hasattr(row, "get") else default
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return default
    return value


def _overlooks(scan: Scan, o: SuggestOptions, t: dict[str, str]) -> Iterable[Suggestion]:
    for layer in _layers(scan, "overlooks"):
        frame: gpd.GeoDataFrame = layer.data.sort_values("rank")
        buildings = frame[frame["kind"] == "building"].head(o.overlooks)
        spots = frame[frame["kind"] == "spot"].head(o.spots)
        for _, row in buildings.iterrows():
            osm = str(_value(row, "osm_id", "")) or f"rank{row['rank']}"
            name = str(_value(row, "name", "")) or t["building"]
            d, f = float(_value(row, "distance_m", 0.0)), float(_value(row, "facade_m", 0.0))
            upper = t["upper"] if bool(_value(row, "upper_floors", False)) else ""
            likelihood = 4 if d <= 50 else 3 if d <= 150 else 2
            finding = Finding(
                geometry=_simple(row.geometry),
                title=t["overlook.title"].format(name=name),
                category="overlook",
                description=t["overlook.desc"].format(
                    Name=name[:1].upper() + name[1:], d=d, f=f, upper=upper
                ),
                likelihood=likelihood,
                impact=4 if f >= 10 else 3,
                status="suggested",
                links=[
                    {
                        "kind": "overlook",
                        "layer": layer.name,
                        "ref": osm,
                        "label": f"overlook rank {int(row['rank'])}",
                    }
                ],
                source=f"overlook:{osm}",
                checklist="overlook.windows",
            )
            yield Suggestion(finding.source, finding, f"overlook rank {int(row['rank'])}")
        for _, row in spots.iterrows():
            osm = str(_value(row, "osm_id", "")) or f"rank{row['rank']}"
            name = str(_value(row, "name", "")) or t["spot"]
            d, v = float(_value(row, "distance_m", 0.0)), float(_value(row, "view_deg", 0.0))
            cat = str(_value(row, "category", "")) or "spot"
            finding = Finding(
                geometry=_simple(row.geometry),
                title=t["spot.title"].format(name=name),
                category="hiding",
                description=t["spot.desc"].format(cat=cat, d=d, v=v),
                likelihood=3 if d <= 100 else 2,
                impact=3,
                status="suggested",
                links=[
                    {
                        "kind": "overlook",
                        "layer": layer.name,
                        "ref": osm,
                        "label": f"waiting spot, rank {int(row['rank'])}",
                    }
                ],
                source=f"spot:{osm}",
                checklist="hiding.waiting",
            )
            yield Suggestion(finding.source, finding, f"waiting spot rank {int(row['rank'])}")


def _blind_spots(scan: Scan, o: SuggestOptions, t: dict[str, str]) -> Iterable[Suggestion]:
    for layer in _layers(scan, "blind_spots", "blind_spots"):
        frame = layer.data
        if "area_m2" not in frame:
            continue
        for i, row in frame[frame["area_m2"] >= o.blind_area_m2].iterrows():
            a, d = float(row["area_m2"]), float(_value(row, "distance_m", 0.0))
            rank = int(_value(row, "rank_size", i + 1))
            finding = Finding(
                geometry=_simple(row.geometry),
                title=t["blind.title"].format(a=a, d=d),
                category="cameras",
                description=t["blind.desc"].format(a=a, d=d),
                likelihood=3,
                impact=3 if a < 1000 else 4,
                status="suggested",
                links=[
                    {
                        "kind": "blind_spot",
                        "layer": layer.name,
                        "ref": str(rank),
                        "label": f"blind spot {rank}",
                    }
                ],
                source=f"blind:{layer.name}:{round(a)}:{round(d)}",
                checklist="cameras.coverage",
            )
            yield Suggestion(finding.source, finding, f"blind spot of {a:.0f} m²")


def _escape(scan: Scan, o: SuggestOptions, t: dict[str, str]) -> Iterable[Suggestion]:
    chokes = _layers(scan, "chokepoints")
    for layer in _layers(scan, "routes"):
        frame = layer.data
        if "kind" not in frame or "flags" not in frame:
            continue
        escape = frame[frame["kind"] == "escape"]
        if escape.empty:
            continue
        sets = [
            {f.strip() for f in str(_value(r, "flags", "")).split(";") if f.strip()}
            for _, r in escape.iterrows()
        ]
        common = set.intersection(*sets) if sets else set()
        mode = str(_value(escape.iloc[0], "mode", ""))
        for flag in sorted(common):
            reason, _, name = flag.partition(":")
            name = name.strip() or reason
            geom, link_layer = escape.geometry.iloc[0], layer.name
            for cl in chokes:
                cf = cl.data
                hit = cf[cf["name"].astype(str) == name] if "name" in cf else cf.iloc[0:0]
                if not hit.empty:
                    geom, link_layer = shapely.union_all(list(hit.geometry)), cl.name
                    break
            finding = Finding(
                geometry=_simple(geom),
                title=t["choke.title"].format(name=name),
                category="escape",
                description=t["choke.desc"].format(
                    n=len(escape), mode=mode, name=name, reason=reason.replace("_", " ")
                ),
                likelihood=3,
                impact=5,
                status="suggested",
                links=[
                    {"kind": "chokepoint", "layer": link_layer, "ref": name, "label": flag},
                    {
                        "kind": "route",
                        "layer": layer.name,
                        "ref": "escape",
                        "label": "escape routes",
                    },
                ],
                source=f"chokepoint:{mode}:{name}",
                checklist="escape.routes",
            )
            yield Suggestion(finding.source, finding, f"escape routes share {flag}")


def _emergency(scan: Scan, o: SuggestOptions, t: dict[str, str]) -> Iterable[Suggestion]:
    for layer in _layers(scan, "routes"):
        frame = layer.data
        if "kind" not in frame or "time_s" not in frame:
            continue
        for _, row in frame[frame["kind"] == "emergency"].iterrows():
            minutes = float(row["time_s"]) / 60.0
            if minutes <= o.response_min:
                continue
            what = str(_value(row, "route", "service")).split(":")[0]
            finding = Finding(
                geometry=_simple(row.geometry),
                title=t["emerg.title"].format(what=what, m=minutes),
                category="emergency",
                description=t["emerg.desc"].format(
                    what=what,
                    m=minutes,
                    mode=_value(row, "mode", ""),
                    km=float(_value(row, "length_m", 0.0)) / 1000,
                    via=_value(row, "via", "?"),
                    t=o.response_min,
                ),
                likelihood=2,
                impact=5,
                status="suggested",
                links=[
                    {
                        "kind": "route",
                        "layer": layer.name,
                        "ref": str(row["route"]),
                        "label": str(row["route"]),
                    }
                ],
                source=f"emergency:{row['route']}",
                checklist="emergency.arrival",
            )
            yield Suggestion(finding.source, finding, f"response {minutes:.1f} min")


def suggest_findings(scan: Scan, options: SuggestOptions | None = None) -> list[Suggestion]:
    """The suggested findings of ``scan`` from its stored analysis results.

    Suggestions whose key a finding of the scan already carries (accepted, rejected or
    still suggested) are left out. Returns them in the order of the list in the module
    docstring; the findings are not numbered yet (number 0).
    """
    o = options or SuggestOptions()
    t = _TEXT.get(o.language, _TEXT["en"])
    existing = scan.layers.get("findings")
    known = (
        {f.source for f in existing if f.source} if isinstance(existing, FindingsLayer) else set()
    )
    out: list[Suggestion] = []
    seen: set[str] = set()
    for maker in (_overlooks, _blind_spots, _escape, _emergency):
        for s in maker(scan, o, t):
            if s.key in known or s.key in seen:
                continue
            seen.add(s.key)
            out.append(s)
    return out
