"""Observation posts and sightings from the command line (``merge`` is in commands.merge).

``omgevingsscan posts SCAN``
    The posts and their coverage of the target area, as JSON.
``omgevingsscan sightings SCAN [--since ISO | --hours N] [--csv out.csv] [--geojson out.geojson]``
    The sightings log (JSON on stdout, or CSV / exchange GeoJSON files).
``omgevingsscan add-post SCAN --at LAT,LON ...`` / ``add-sighting SCAN ...``
    Headless edits, written to the scan file at once like every edit in the app.
``omgevingsscan recover SCAN``
    Write edits kept in the recovery file into the scan.

Times without a UTC offset are taken as the machine's local time.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from shapely.geometry import Point

from omgevingsscan.commands.common import add_force, parse_point, write_text_atomic
from omgevingsscan.commands.editor import (
    check_height,
    check_post,
    check_saved,
    cli_time,
    open_editor,
)
from omgevingsscan.crs import to_wgs84
from omgevingsscan.editing import EditError
from omgevingsscan.io.exchange import sightings_csv, sightings_geojson_text
from omgevingsscan.io.journal import apply_recovery, pending_recovery
from omgevingsscan.io.safe_files import check_overwrite
from omgevingsscan.layers.posts import HEIGHT_KINDS, POST_TYPES
from omgevingsscan.layers.records import format_local, format_utc, utc_now
from omgevingsscan.layers.sightings import CATEGORIES, SORT_KEYS, SightingFilter, sort_sightings

_POS = '"LAT,LON", "rd:X,Y" or a name in the scan'


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``posts``, ``sightings``, ``add-post``, ``add-sighting`` and ``recover``
    sub-commands."""
    p = sub.add_parser("posts", help="observation posts and their coverage, as JSON")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.add_argument(
        "--target-radius",
        type=float,
        default=100.0,
        help="target area: public ground within this many metres of the site (default 100)",
    )
    p.add_argument(
        "--cctv", action="store_true", help="count OSM surveillance cameras as posts too"
    )
    p.add_argument(
        "--blind-spots", type=int, default=10, help="how many blind spots to list (default 10)"
    )
    p.add_argument(
        "--min-blind-area",
        type=float,
        default=1.0,
        help="ignore blind spots smaller than this, m² (default 1)",
    )
    p.set_defaults(func=run_posts)

    p = sub.add_parser("sightings", help="list or export the sightings log")
    p.add_argument("scan", help="scan file (.gpkg)")
    when = p.add_mutually_exclusive_group()
    when.add_argument(
        "--since", help="only sightings at or after this ISO 8601 time (default: all)"
    )
    when.add_argument(
        "--hours", type=float, help="only sightings of the last N hours (default: all)"
    )
    p.add_argument("--until", help="only sightings at or before this ISO 8601 time (default: all)")
    p.add_argument(
        "--category",
        action="append",
        choices=CATEGORIES,
        help="only this category (repeatable) (default: all)",
    )
    p.add_argument(
        "--observer", action="append", help="only this observer (repeatable) (default: all)"
    )
    p.add_argument(
        "--text", default="", help="words that must occur (description, plate, ...) (default: none)"
    )
    p.add_argument("--sort", choices=SORT_KEYS, default="time", help="sort order")
    p.add_argument("--csv", help="write CSV here (default: JSON on stdout)")
    p.add_argument(
        "--geojson", help="write exchange GeoJSON (WGS84) here (default: JSON on stdout)"
    )
    add_force(p, "--csv/--geojson files")
    p.set_defaults(func=run_sightings)

    p = sub.add_parser("add-post", help="place an observation post (written at once)")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.add_argument("--at", required=True, help=f"position: {_POS}, optionally @HEIGHT")
    p.add_argument("--name", default="", help='name (default "Post N")')
    p.add_argument("--type", choices=POST_TYPES, default="static", help="kind of post")
    p.add_argument("--observer", default="", help="who is posted there (default: nobody)")
    p.add_argument("--height-kind", choices=HEIGHT_KINDS, default="ground", help="where the eye is")
    p.add_argument(
        "--height",
        type=float,
        default=None,
        help="eye height above the street, m (default: @HEIGHT of --at, else 1.6)",
    )
    p.add_argument("--direction", type=float, default=0.0, help="compass degrees, 0 = north")
    p.add_argument(
        "--fov", type=float, default=90.0, help="field of view, degrees (360 = all round)"
    )
    p.add_argument("--range", type=float, default=100.0, help="metres")
    p.add_argument("--notes", default="", help="free text (default: none)")
    p.add_argument("--active-from", help="ISO 8601 time (default: from the start)")
    p.add_argument("--active-to", help="ISO 8601 time (default: open-ended)")
    p.set_defaults(func=run_add_post)

    p = sub.add_parser("add-sighting", help="log a sighting (written at once)")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.add_argument("--at", help=f"position: {_POS} (default: the post's position)")
    p.add_argument(
        "--post", default="", help="name or uuid of the post it was seen from (default: none)"
    )
    p.add_argument("--time", help="ISO 8601 time (default now)")
    p.add_argument("--category", choices=CATEGORIES, default="other", help="what was seen")
    p.add_argument("--description", default="", help="free text (default: none)")
    p.add_argument("--plate", default="", help="licence plate (default: none)")
    p.add_argument("--colour", default="", help="colour (default: none)")
    p.add_argument("--observer", default="", help="who saw it (default: the post's observer)")
    p.add_argument("--severity", type=int, default=1, help="1 (note) to 5 (immediate threat)")
    p.add_argument("--repeat", type=int, default=1, help="log N such sightings one by one (tests)")
    p.set_defaults(func=run_add_sighting)

    p = sub.add_parser("recover", help="write edits kept in the recovery file into the scan")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.set_defaults(func=run_recover)


# -- helpers -----------------------------------------------------------------------------------
def _post_dict(post: Any, crs: str) -> dict[str, Any]:
    lat, lon = to_wgs84(post.point.x, post.point.y, crs)
    return {
        "uuid": post.uuid,
        "name": post.name,
        "type": post.type,
        "observer": post.observer,
        "lat": round(lat, 7),
        "lon": round(lon, 7),
        "height_kind": post.height_kind,
        "height_m": post.height_m,
        "direction_deg": post.direction_deg,
        "fov_deg": post.fov_deg,
        "range_m": post.range_m,
        "active_from": format_utc(post.active_from) if post.active_from else None,
        "active_to": format_utc(post.active_to) if post.active_to else None,
        "notes": post.notes,
    }


# -- posts -------------------------------------------------------------------------------------
def run_posts(args: argparse.Namespace) -> int:
    """Print the posts and coverage figures as JSON."""
    from omgevingsscan.analysis.observation import coverage_report

    editor = open_editor(args.scan, args)
    scan = editor.scan
    posts = list(scan.layers.get("posts") or [])
    report = coverage_report(
        scan,
        posts,
        target_radius_m=args.target_radius,
        include_cctv=args.cctv,
        min_blind_area_m2=args.min_blind_area,
    )
    out = {
        "scan": str(Path(args.scan)),
        "crs": scan.crs,
        "posts": [
            {**_post_dict(p, scan.crs), "view_area_m2": report.view_areas.get(p.uuid)}
            for p in posts
        ],
        "coverage": report.to_dict(scan.crs, max_blind_spots=args.blind_spots),
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


# -- sightings ---------------------------------------------------------------------------------
def run_sightings(args: argparse.Namespace) -> int:
    """List or export sightings."""
    editor = open_editor(args.scan, args)
    layer = editor.scan.layers.get("sightings")
    records = list(layer) if layer is not None else []
    since = cli_time(args.since, "--since") if args.since else None
    if args.hours is not None:
        if args.hours < 0:
            raise EditError(f"--hours must be at least 0, got {args.hours:g}")
        since = utc_now() - timedelta(hours=args.hours)
    until = cli_time(args.until, "--until") if args.until else None
    try:
        flt = SightingFilter(
            since=since,
            until=until,
            categories=tuple(args.category or ()),
            observers=tuple(args.observer or ()),
            text=args.text,
        )
    except ValueError as exc:
        raise EditError(str(exc)) from exc
    chosen = sort_sightings(flt.apply(records), args.sort)
    check_overwrite(args.csv, args.force, "--force")
    check_overwrite(args.geojson, args.force, "--force")
    crs = editor.scan.crs
    if args.csv:
        write_text_atomic(sightings_csv(chosen, crs), args.csv)
    if args.geojson:
        write_text_atomic(sightings_geojson_text(chosen, crs), args.geojson)
    if args.csv or args.geojson:
        print(f"wrote {len(chosen)} of {len(records)} sightings", file=sys.stderr)
        return 0
    rows = []
    for s in chosen:
        lat, lon = to_wgs84(s.geometry.x, s.geometry.y, crs)
        rows.append(
            {
                "uuid": s.uuid,
                "time": format_local(s.time),
                "time_utc": format_utc(s.time),
                "category": s.category,
                "description": s.description,
                "plate": s.plate,
                "colour": s.colour,
                "observer": s.observer,
                "post": s.post,
                "severity": s.severity,
                "lat": round(lat, 7),
                "lon": round(lon, 7),
            }
        )
    print(
        json.dumps(
            {"total": len(records), "shown": len(rows), "sightings": rows},
            indent=2,
            ensure_ascii=False,
        )
    )
    return 0


# -- headless edits ----------------------------------------------------------------------------
def run_add_post(args: argparse.Namespace) -> int:
    """Place a post; print its uuid."""
    if args.height is not None:
        check_height(args.height, "--height")
    editor = open_editor(args.scan, args)
    x, y, at_height = parse_point(args.at, editor.scan, what="--at", default_height=-1.0)
    attrs: dict[str, Any] = {
        "type": args.type,
        "observer": args.observer,
        "height_kind": args.height_kind,
        "direction_deg": args.direction,
        "fov_deg": args.fov,
        "range_m": args.range,
        "notes": args.notes,
    }
    if args.height is not None:
        attrs["height_m"] = args.height
    elif at_height >= 0:
        attrs["height_m"] = at_height
    if args.active_from:
        attrs["active_from"] = cli_time(args.active_from, "--active-from")
    if args.active_to:
        attrs["active_to"] = cli_time(args.active_to, "--active-to")
    try:
        post = editor.place_post(Point(x, y), args.name, **attrs)
    except ValueError as exc:
        raise EditError(str(exc)) from exc
    editor.close()
    check_saved(editor)
    print(post.uuid)
    return 0


def run_add_sighting(args: argparse.Namespace) -> int:
    """Log ``--repeat`` sightings one by one, printing each uuid once it is written."""
    editor = open_editor(args.scan, args)
    if args.post:
        check_post(editor, args.post, args.scan)
    position = None
    if args.at:
        x, y, _ = parse_point(args.at, editor.scan, what="--at")
        position = Point(x, y)
    when = cli_time(args.time, "--time") if args.time else None
    if args.repeat < 1:
        raise EditError(f"--repeat must be at least 1, got {args.repeat}")
    for _ in range(args.repeat):
        try:
            s = editor.add_sighting(
                position,
                post=args.post,
                time=when,
                category=args.category,
                description=args.description,
                plate=args.plate,
                colour=args.colour,
                severity=args.severity,
                **({"observer": args.observer} if args.observer else {}),
            )
        except ValueError as exc:
            raise EditError(str(exc)) from exc
        check_saved(editor)
        sys.stdout.write(s.uuid + "\n")
        sys.stdout.flush()
    editor.close()
    return 0


def run_recover(args: argparse.Namespace) -> int:
    """Apply the recovery file of a scan."""
    info = pending_recovery(args.scan)
    if info is None:
        print("nothing to recover", file=sys.stderr)
        return 0
    n = apply_recovery(args.scan)
    print(f"wrote {n} recovered edits into {args.scan}", file=sys.stderr)
    return 0
