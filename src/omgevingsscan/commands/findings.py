"""``finding``, ``measure``, ``suggest``, ``diff`` and the report's advice outputs.

``finding add SCAN --title T --at LAT,LON | --line "LAT,LON;…" | --zone "LAT,LON;…"``,
``finding list SCAN``, ``finding edit SCAN N [--status accepted …] [--photo F]``,
``finding context SCAN [--threat T] [--contact "ROLE;NAME;PHONE"]``,
``measure add SCAN --findings 1,2 --description D``, ``measure list SCAN``,
``suggest SCAN [--accept KEY|all] [--reject KEY]`` and ``diff OLD NEW``. Edits are
written into the scan at once (as posts and sightings are).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.findings import SuggestOptions, diff_files, suggest_findings
from omgevingsscan.analysis.findings import workflow as wf
from omgevingsscan.commands.common import geojson_text, open_scan, parse_point, write_text_atomic
from omgevingsscan.crs import to_wgs84
from omgevingsscan.editing import EditError, ObservationEditor
from omgevingsscan.errors import AnalysisInputError, SiteError
from omgevingsscan.io.assessment import parse_contact, update_assessment, write_assessment
from omgevingsscan.layers.findings import (
    CATEGORIES,
    COST_CLASSES,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    PRIORITIES,
    RESPONSIBLE,
    STATUSES,
    Finding,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``finding``, ``measure``, ``suggest`` and ``diff`` sub-commands."""
    f = sub.add_parser("finding", help="findings: add, list, edit, and the threat context")
    fsub = f.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = fsub.add_parser("add", help="record a finding (written at once)")
    add.add_argument("scan")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--at", help='a point "LAT,LON"')
    where.add_argument("--line", help='a line "LAT,LON;LAT,LON;…"')
    where.add_argument("--zone", help='a zone "LAT,LON;LAT,LON;LAT,LON;…"')
    add.add_argument("--title", required=True)
    _finding_options(add)
    add.set_defaults(func=run_finding_add)
    ls = fsub.add_parser("list", help="list the findings (counted ones unless --all)")
    ls.add_argument("scan")
    ls.add_argument("--all", action="store_true", help="also suggested and rejected ones")
    ls.add_argument("--status", choices=STATUSES)
    ls.add_argument("--category", choices=CATEGORIES)
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=run_finding_list)
    ed = fsub.add_parser("edit", help="change a finding (by map number or uuid)")
    ed.add_argument("scan")
    ed.add_argument("ref", help="map number or uuid")
    ed.add_argument("--title")
    _finding_options(ed, defaults=False)
    ed.set_defaults(func=run_finding_edit)
    ctx = fsub.add_parser("context", help="set the threat context and the contacts")
    ctx.add_argument("scan")
    ctx.add_argument("--threat", help="threat context (free text)")
    ctx.add_argument("--contact", action="append", default=[], help='"ROLE;NAME;PHONE"')
    ctx.add_argument("--clear-contacts", action="store_true")
    ctx.set_defaults(func=run_finding_context)

    m = sub.add_parser("measure", help="measures answering findings: add, list")
    msub = m.add_subparsers(dest="action", metavar="ACTION", required=True)
    madd = msub.add_parser("add", help="record a measure (written at once)")
    madd.add_argument("scan")
    madd.add_argument("--findings", required=True, help="map numbers or uuids, comma-separated")
    madd.add_argument("--description", required=True)
    madd.add_argument("--type", default="other", choices=MEASURE_TYPES)
    madd.add_argument("--responsible", default="municipality", choices=RESPONSIBLE)
    madd.add_argument("--priority", default="medium", choices=PRIORITIES)
    madd.add_argument("--cost", default="medium", choices=COST_CLASSES)
    madd.add_argument("--status", default="proposed", choices=MEASURE_STATUSES)
    madd.set_defaults(func=run_measure_add)
    mls = msub.add_parser("list", help="list the measures")
    mls.add_argument("scan")
    mls.set_defaults(func=run_measure_list)

    s = sub.add_parser("suggest", help="print suggested findings from the stored analyses")
    s.add_argument("scan")
    s.add_argument(
        "--accept",
        action="append",
        default=[],
        help="accept KEY (or 'all') (default: none, only list)",
    )
    s.add_argument(
        "--reject", action="append", default=[], help="reject KEY (or 'all') (default: none)"
    )
    s.add_argument("--overlooks", type=int, default=3, help="overlooking buildings to suggest")
    s.add_argument("--spots", type=int, default=3, help="waiting spots to suggest")
    s.add_argument("--blind-area", type=float, default=100.0, help="smallest blind spot, m²")
    s.add_argument("--response", type=float, default=8.0, help="slowest emergency arrival, min")
    s.add_argument("--lang", default="en", choices=("en", "nl"))
    s.set_defaults(func=run_suggest)

    d = sub.add_parser("diff", help="what changed between two scans of a site")
    d.add_argument("old", help="the earlier scan (.gpkg)")
    d.add_argument("new", help="the later scan (.gpkg)")
    d.add_argument(
        "--geojson", help="write the changes as GeoJSON to this file (default: not written)"
    )
    d.set_defaults(func=run_diff)


def _finding_options(p: argparse.ArgumentParser, defaults: bool = True) -> None:
    p.add_argument("--category", choices=CATEGORIES, default="other" if defaults else None)
    p.add_argument("--description", default="" if defaults else None)
    p.add_argument("--likelihood", type=int, default=3 if defaults else None)
    p.add_argument("--impact", type=int, default=3 if defaults else None)
    p.add_argument("--status", choices=STATUSES, default="open" if defaults else None)
    p.add_argument("--checklist", default="" if defaults else None, help="checklist item id")
    p.add_argument("--photo", action="append", default=[], help="JPEG/PNG file to attach")
    p.add_argument("--caption", default="", help="caption of the photos")


def _open(path: str) -> ObservationEditor:
    editor = ObservationEditor.open(path)
    if editor.recovered:
        print(f"omgevingsscan: {editor.recovered} edits recovered", file=sys.stderr)
    return editor


def _finish(editor: ObservationEditor) -> None:
    editor.close()
    if editor.store is not None:
        editor.store.raise_if_unsaved()


def _points(text: str, editor: ObservationEditor) -> list[tuple[float, float]]:
    pts = [parse_point(t, editor.scan)[:2] for t in text.split(";") if t.strip()]
    return [(x, y) for x, y in pts]


def _geometry(args: argparse.Namespace, editor: ObservationEditor) -> BaseGeometry:
    if args.at:
        x, y, _ = parse_point(args.at, editor.scan)
        return Point(x, y)
    pts = _points(args.line or args.zone, editor)
    need = 2 if args.line else 3
    if len(pts) < need:
        raise SiteError(f"a {'line' if args.line else 'zone'} needs at least {need} points")
    return LineString(pts) if args.line else Polygon(pts)


def _finding_dict(f: Finding, crs: str, measures: int = 0) -> dict[str, Any]:
    c = f.geometry.representative_point()
    lat, lon = to_wgs84(c.x, c.y, crs)
    return {
        "number": f.number,
        "uuid": f.uuid,
        "title": f.title,
        "category": f.category,
        "likelihood": f.likelihood,
        "impact": f.impact,
        "risk": f.risk,
        "status": f.status,
        "geometry": f.geometry.geom_type,
        "lat": round(lat, 7),
        "lon": round(lon, 7),
        "links": f.link_list(),
        "measures": measures,
        "description": f.description,
    }


def _attrs(args: argparse.Namespace) -> dict[str, Any]:
    names = ("category", "description", "likelihood", "impact", "status", "checklist")
    return {n: getattr(args, n) for n in names if getattr(args, n) is not None}


def run_finding_add(args: argparse.Namespace) -> int:
    """Record a finding; print its number and uuid."""
    for photo in args.photo:
        wf.check_photo(photo)
    editor = _open(args.scan)
    try:
        with editor.macro("Add finding"):
            f = wf.add_finding(editor, _geometry(args, editor), args.title, **_attrs(args))
            for photo in args.photo:
                wf.add_photo(editor, f, photo, args.caption)
    except ValueError as exc:
        raise EditError(str(exc)) from exc
    _finish(editor)
    print(f"{f.number} {f.uuid}")
    return 0


def run_finding_list(args: argparse.Namespace) -> int:
    """List the findings."""
    editor = _open(args.scan)
    layer = wf.findings_layer(editor)
    rows = [
        f
        for f in sorted(layer, key=lambda f: f.number)
        if (args.all or f.counted or args.status)
        and (args.status is None or f.status == args.status)
        and (args.category is None or f.category == args.category)
    ]
    out = [_finding_dict(f, editor.scan.crs, len(wf.measures_of(editor, f))) for f in rows]
    editor.close()
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for d in out:
            print(
                f"{d['number']:>3}  {d['risk']:<8} {d['status']:<9} {d['category']:<10} "
                f"{d['title']}  ({d['measures']} measures)"
            )
    return 0


def run_finding_edit(args: argparse.Namespace) -> int:
    """Change a finding; print it as JSON."""
    for photo in args.photo:
        wf.check_photo(photo)
    editor = _open(args.scan)
    try:
        f = wf.find(editor, args.ref)
    except KeyError as exc:
        editor.close()
        raise AnalysisInputError(str(exc).strip("'\"")) from None
    changes = _attrs(args)
    if args.title is not None:
        changes["title"] = args.title
    try:
        with editor.macro(f"Edit finding {f.number}"):
            if changes:
                f = editor.update(wf.findings_layer(editor), f.uuid, **changes)
            for photo in args.photo:
                wf.add_photo(editor, f, photo, args.caption)
    except ValueError as exc:
        editor.close()
        raise EditError(str(exc)) from exc
    _finish(editor)
    print(json.dumps(_finding_dict(f, editor.scan.crs), ensure_ascii=False))
    return 0


def run_finding_context(args: argparse.Namespace) -> int:
    """Set the threat context and contacts; print them as JSON."""
    scan = open_scan(args.scan)
    try:
        contacts = (
            [] if args.clear_contacts else list(scan.meta.get("assessment", {}).get("contacts", []))
        )
        contacts += [parse_contact(c) for c in args.contact]
        data = update_assessment(scan.meta, threat=args.threat, contacts=contacts)
    except ValueError as exc:
        raise EditError(str(exc)) from exc
    write_assessment(args.scan, data)
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def run_measure_add(args: argparse.Namespace) -> int:
    """Record a measure; print its uuid."""
    editor = _open(args.scan)
    try:
        findings = [wf.find(editor, r) for r in args.findings.split(",") if r.strip()]
        m = wf.add_measure(
            editor,
            findings,
            args.description,
            type=args.type,
            responsible=args.responsible,
            priority=args.priority,
            cost=args.cost,
            status=args.status,
        )
    except KeyError as exc:
        editor.close()
        raise AnalysisInputError(str(exc).strip("'\"")) from None
    except ValueError as exc:
        editor.close()
        raise EditError(str(exc)) from exc
    _finish(editor)
    print(m.uuid)
    return 0


def run_measure_list(args: argparse.Namespace) -> int:
    """List the measures as JSON."""
    editor = _open(args.scan)
    numbers = {f.uuid: f.number for f in wf.findings_layer(editor)}
    out = [
        {
            "uuid": m.uuid,
            "type": m.type,
            "description": m.description,
            "responsible": m.responsible,
            "priority": m.priority,
            "cost": m.cost,
            "status": m.status,
            "findings": [numbers.get(u) for u in m.finding_uuids()],
        }
        for m in editor.layer("measures")
    ]
    editor.close()
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    """Print the suggested findings as JSON; accept or reject them by key."""
    editor = _open(args.scan)
    options = SuggestOptions(args.overlooks, args.spots, args.blind_area, args.response, args.lang)
    suggestions = suggest_findings(editor.scan, options)
    by_key = {s.key: s for s in suggestions}
    done: dict[str, str] = {}
    for keys, status in ((args.accept, "accepted"), (args.reject, "rejected")):
        chosen = list(by_key) if "all" in keys else keys
        for key in chosen:
            if key not in by_key:
                editor.close()
                raise AnalysisInputError(
                    f"no suggestion {key!r}; the keys are: {', '.join(by_key) or 'none'}"
                )
            if key not in done:
                wf.accept(editor, by_key[key], status)
                done[key] = status
    _finish(editor)
    out = [
        {
            "key": s.key,
            "reason": s.reason,
            "state": done.get(s.key, "suggested"),
            **_finding_dict(s.finding, editor.scan.crs),
        }
        for s in suggestions
    ]
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """Print what changed between two scans as JSON."""
    diff, new = diff_files(args.old, args.new)
    if args.geojson:
        write_text_atomic(
            geojson_text(diff.frame(new.crs), {"summary": diff.counts()}), args.geojson
        )
    print(json.dumps(diff.to_dict(), indent=2, ensure_ascii=False))
    return 0


# -- the report's advice outputs (hooked into ``report`` in commands/export.py) ---------------
def report_arguments(r: argparse.ArgumentParser) -> None:
    """Add ``--docx``, ``--handout``, ``--since``, ``--lang``, ``--version``, ``--threat``."""
    r.add_argument("--docx", help="also write the editable copy (.docx) (default: not written)")
    r.add_argument(
        "--handout", help="also write the one-page police handout (.pdf) (default: not written)"
    )
    r.add_argument(
        "--since",
        metavar="OLD.gpkg",
        help="add the changes since an earlier scan (default: no changes section)",
    )
    r.add_argument("--lang", default="en", choices=("en", "nl"), help="report language")
    r.add_argument("--version", dest="doc_version", default="1.0", help="document version")
    r.add_argument("--threat", help="threat context (default: the one stored in the scan)")


class ReportExtras:
    """Checked extra options of ``report`` and the extra files to write after the PDF."""

    def __init__(self, args: argparse.Namespace) -> None:
        from omgevingsscan.export.files import check_target

        self.args = args
        self.options: dict[str, Any] = {
            "language": args.lang,
            "version": args.doc_version,
            "threat": args.threat,
        }
        from omgevingsscan.io.safe_files import check_overwrite

        force = getattr(args, "force", False)
        if args.docx:
            check_target(args.docx, "docx")
            check_overwrite(args.docx, force)
        if args.handout:
            check_target(args.handout, "pdf")
            check_overwrite(args.handout, force)
        if args.since:
            diff, _ = diff_files(args.since, args.scan)
            self.options["since"] = diff

    def write(self, scan: Any, say: Any) -> None:
        """Write the handout and the .docx that were asked for."""
        from omgevingsscan.export.report import ReportOptions
        from omgevingsscan.export.report.docx import write_docx
        from omgevingsscan.export.report.handout import write_handout
        from omgevingsscan.render.report_maps import QtMapRenderer

        a = self.args
        options = ReportOptions(
            title=a.title,
            author=a.author,
            date=a.date,
            classification=a.classification,
            map_dpi=a.dpi,
            **self.options,
        )
        if a.handout:
            say(f"wrote {write_handout(scan, a.handout, options, QtMapRenderer())}")
        if a.docx:
            say(f"wrote {write_docx(scan, a.docx, options, QtMapRenderer())}")


def report_extras(args: argparse.Namespace) -> ReportExtras:
    """Check the advice options of ``report`` before anything is written."""
    return ReportExtras(args)
