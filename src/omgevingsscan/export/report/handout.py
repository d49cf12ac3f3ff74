"""The one-page police handout (A4): the site, its key positions, the entrances, the
routes of the emergency services, the posts and the contacts entered in the scan.

Contacts are stored in the scan (``scan.meta["assessment"]["contacts"]``) and only
printed here; nothing is sent anywhere. The page is built, and when it runs over one
page the map and the lists are shortened and it is built again, so the handout is
always exactly one page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from omgevingsscan.export.report.base import (
    MAP_W_MM,
    Cancelled,
    MapFigure,
    MapRenderer,
    Progress,
    ReportOptions,
    assessment_meta,
)
from omgevingsscan.export.report.builder import ReportBuilder
from omgevingsscan.export.report.content import Advice, collect_advice
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.findings import FindingsLayer
from omgevingsscan.layers.posts import PostsLayer
from omgevingsscan.scan import Scan


@dataclass(frozen=True)
class _Fit:
    map_mm: float
    rows: int


#: Tried in turn until the handout fits on one page.
_FITS = (_Fit(105.0, 6), _Fit(85.0, 5), _Fit(65.0, 4), _Fit(45.0, 3), _Fit(0.0, 3))


def _layers(scan: Scan, kind: str, name_part: str = "") -> list[VectorLayer]:
    return [
        layer
        for layer in scan.layers
        if isinstance(layer, VectorLayer)
        and (layer.kind == kind and (not name_part or name_part in layer.name))
    ]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _rows(b: ReportBuilder, advice: Advice, fit: _Fit) -> list[Flowable]:
    _, scan = b._, b.scan
    story: list[Flowable] = []
    n = fit.rows
    key = advice.top(n)
    if key:
        story.append(b.p(_("Key positions"), "h3"))
        story.append(
            b.grid_table(
                [_("map no."), _("finding"), _("risk")],
                [[str(f.number), f.title, _(f.risk)] for f in key],
                [0.1, 0.72, 0.18],
            )
        )
    entrances: list[list[str]] = []
    for layer in _layers(scan, "entry_points"):
        frame = layer.data
        for _i, row in frame.head(n).iterrows():
            entrances.append(
                [_text(row.get("label")) or _("entrance"), _(_text(row.get("source")))]
            )
    poi = scan.layers.get("poi")
    if isinstance(poi, VectorLayer) and "category" in poi.data:
        ent = poi.data[poi.data["category"] == "entrance"]
        ent = ent[ent.geometry.distance(scan.site.point) <= 60.0]
        for _i, row in ent.head(max(0, n - len(entrances))).iterrows():
            entrances.append([_text(row.get("name")) or _("entrance"), _("tagged in OSM")])
    if entrances:
        story.append(b.p(_("Entrances"), "h3"))
        story.append(b.grid_table([_("entrance"), _("source")], entrances[:n], [0.7, 0.3]))
    routes: list[list[str]] = []
    for layer in _layers(scan, "routes"):
        frame = layer.data
        if "kind" not in frame:
            continue
        for _i, row in frame[frame["kind"] == "emergency"].head(n).iterrows():
            routes.append(
                [_text(row["route"]), f"{float(row['time_s']) / 60:.1f} min", _text(row.get("via"))]
            )
    if routes:
        story.append(b.p(_("Routes of the emergency services"), "h3"))
        story.append(b.grid_table([_("route"), _("time"), _("via")], routes, [0.38, 0.12, 0.5]))
    posts = scan.layers.get("posts")
    if isinstance(posts, PostsLayer) and len(posts):
        story.append(b.p(_("Posts"), "h3"))
        story.append(
            b.grid_table(
                [_("post"), _("type"), _("observer")],
                [[p.name, _(p.type), p.observer] for p in posts.records()[:n]],
                [0.4, 0.2, 0.4],
            )
        )
    contacts = assessment_meta(scan).get("contacts") or []
    story.append(b.p(_("Contacts"), "h3"))
    if contacts:
        story.append(
            b.grid_table(
                [_("role"), _("name"), _("phone")],
                [
                    [str(c.get("role", "")), str(c.get("name", "")), str(c.get("phone", ""))]
                    for c in contacts[: n + 2]
                ],
                [0.35, 0.35, 0.3],
            )
        )
    else:
        story.append(b.p(_("No contacts entered in the scan."), "small"))
    return story


def _story(b: ReportBuilder, advice: Advice, fit: _Fit) -> list[Flowable]:
    _, scan = b._, b.scan
    story: list[Flowable] = [
        b.p(_("Police handout") + f": {scan.site.name}", "h1"),
        b.p(
            _("{0} · {1:.6f} N, {2:.6f} E · version {3}, {4}").format(
                _(scan.site.kind), scan.site.lat, scan.site.lon, b.options.version, b.date()
            ),
            "small",
        ),
        Spacer(1, 2 * mm),
    ]
    if fit.map_mm > 0 and b.renderer is not None:
        half = min(160.0, max(60.0, scan.study_area.radius_m))
        sx, sy = scan.site.x, scan.site.y
        names = b.map_layers(
            tuple(
                layer.name
                for layer in scan.layers
                if isinstance(layer, VectorLayer)
                and (layer.kind in ("entry_points", "posts") or layer.name == "emergency_routes")
            )
        )
        extra = (FindingsLayer("findings", advice.top(fit.rows), crs=scan.crs),)
        story += b.figure(
            MapFigure(
                (sx - half, sy - half * 0.7, sx + half, sy + half * 0.7),
                MAP_W_MM,
                fit.map_mm,
                names,
                extra=extra,
                legend_mm=0.0,
            ),
            _("Site, key positions (numbers), entrances, posts and emergency routes"),
            max_h=fit.map_mm * mm + 1,
        )
    return story + _rows(b, advice, fit)


def write_handout(
    scan: Scan,
    path: str | Path,
    options: ReportOptions,
    renderer: MapRenderer | None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Write the one-page police handout of ``scan`` to ``path`` (PDF, atomically).

    Raises
    ------
    ExportError
        When the file cannot be written.
    """
    from omgevingsscan.export.files import atomic_target, check_target

    check_target(path, "pdf")
    advice = collect_advice(scan)
    with atomic_target(path, "pdf") as tmp:
        for i, fit in enumerate(_FITS):
            b = ReportBuilder(scan, options, renderer, progress, cancelled)
            b.progress(i / len(_FITS), "Laying out the handout")
            if b.write(tmp, _story(b, advice, fit), subject="handout") == 1:
                break
    if progress is not None:
        progress(1.0, "Handout done")
    return Path(path)
