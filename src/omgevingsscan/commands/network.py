"""Routes from the command line: results as GeoJSON (WGS84) with a JSON summary.

``omgevingsscan route SCAN --from LAT,LON --to LAT,LON [--mode walk|bike|drive]``
    The shortest (quickest) route between two points.
``omgevingsscan escape SCAN [--k 3] [--mode drive] [--to LAT,LON ...]``
    Up to k diverse escape routes from the site, flagged with chokepoints.
``omgevingsscan isochrones SCAN [--mode walk] [--minutes 1,3,5]``
    Areas reachable from the site within the given minutes.
``omgevingsscan chokepoints SCAN [--mode drive]``
    Bridges, tunnels, narrow and one-way streets near the site, and cut edges.
``omgevingsscan emergency SCAN [--service police=LAT,LON ...]``
    Routes from the nearest police station, fire station and hospital to the site.
``omgevingsscan approach SCAN [--mode walk]``
    The site's entry points and the ranked approach corridors to them.

Positions are what ``new --site`` accepts ("LAT,LON", "rd:X,Y", a name in the scan);
outside the data they are refused, outside the study area they give a warning.
By default each prints a GeoJSON FeatureCollection whose extra member ``summary``
holds the JSON summary; ``--format summary`` prints only the summary (the default
with ``--save``, which stores the result layer in the scan file; an existing layer of
the same name is updated). ``--out`` writes to a file instead of stdout. Notes (no police station in
the data, say) go to stderr.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from typing import Any

import geopandas as gpd

from omgevingsscan.analysis import routing as net
from omgevingsscan.analysis.routing import layers as result_layers
from omgevingsscan.commands.common import (
    add_output_options,
    check_output,
    emit,
    open_scan,
    parse_point,
)
from omgevingsscan.crs import to_wgs84
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.io.project import save_scan
from omgevingsscan.layers import routes as route_layers
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import Scan
from omgevingsscan.speeds import MODES

_POS = '"LAT,LON", "rd:X,Y" or a name in the scan'
#: Words accepted before "=" in ``--service``.
SERVICE_ALIASES = {
    "police": "police",
    "fire": "fire_station",
    "fire_station": "fire_station",
    "hospital": "hospital",
    "ambulance": "hospital",
}


def _common(p: argparse.ArgumentParser, mode: str) -> None:
    p.add_argument("scan", help="scan file (.gpkg)")
    p.add_argument("--mode", choices=MODES, default=mode, help=f"travel mode (default {mode})")
    add_output_options(p)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``route``, ``escape``, ``isochrones``, ``chokepoints``, ``emergency``, ``approach``."""
    p = sub.add_parser("route", help="shortest route between two points")
    _common(p, "walk")
    p.add_argument("--from", dest="origin", required=True, help=f"start: {_POS}")
    p.add_argument("--to", dest="destination", required=True, help=f"end: {_POS}")
    p.add_argument("--weight", choices=("time", "length"), default="time", help="what to minimise")
    p.add_argument(
        "--max-snap", type=float, default=net.MAX_SNAP_M, help="metres from a point to its street"
    )
    p.set_defaults(func=run_route)

    p = sub.add_parser("escape", help="k diverse escape routes from the site")
    _common(p, "drive")
    p.add_argument("--k", type=int, default=3, help=f"number of routes, {net.K_MIN}–{net.K_MAX}")
    p.add_argument(
        "--to",
        dest="destinations",
        action="append",
        default=[],
        help=f"destination: {_POS} (repeatable; default: the edge of the study area)",
    )
    p.add_argument("--weight", choices=("time", "length"), default="time", help="what to minimise")
    p.set_defaults(func=run_escape)

    p = sub.add_parser("isochrones", help="areas reachable from the site within some minutes")
    _common(p, "walk")
    p.add_argument(
        "--minutes", default="1,3,5", help="comma-separated minutes, each > 0 (default 1,3,5)"
    )
    p.add_argument(
        "--buffer", type=float, default=net.BUFFER_M, help="band around reachable streets, m"
    )
    p.set_defaults(func=run_isochrones)

    p = sub.add_parser("chokepoints", help="bridges, tunnels, narrow streets and cut edges")
    _common(p, "drive")
    p.add_argument(
        "--near", type=float, help="metres from the site (default: half the study radius)"
    )
    p.add_argument("--narrow", type=float, default=4.0, help="narrow below this width, m")
    p.add_argument(
        "--detour", type=float, default=0.5, help="slow-down that makes a detour (0.5 = 50%%)"
    )
    p.set_defaults(func=run_chokepoints)

    p = sub.add_parser("emergency", help="routes from police, fire and hospital to the site")
    _common(p, "drive")
    p.add_argument(
        "--service",
        action="append",
        default=[],
        help="a service placed by hand: police|fire|hospital=POSITION, where POSITION is "
        f"{_POS} (repeatable; default: the nearest ones in the data)",
    )
    p.set_defaults(func=run_emergency)

    p = sub.add_parser("approach", help="entry points of the site and approach corridors")
    _common(p, "walk")
    p.add_argument("--distance", type=float, default=75.0, help="entrances within this many m")
    p.add_argument("--per-entry", type=int, default=5, help="corridors per entry point")
    p.set_defaults(func=run_approach)


# -- output ------------------------------------------------------------------------------------
def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 1)
    return value


def _route_summary(route: net.Route) -> dict[str, Any]:
    return {k: _round(v) for k, v in route.record().items()}


def _emit(
    args: argparse.Namespace,
    scan: Scan,
    frame: gpd.GeoDataFrame,
    summary: dict[str, Any],
    layers: Sequence[VectorLayer],
    notes: Sequence[str] = (),
) -> int:
    for note in notes:
        print(f"omgevingsscan: note: {note}", file=sys.stderr)
    if args.save:
        for layer in layers:
            route_layers.set_layer(scan, layer)
        save_scan(scan, args.scan)
        names = ", ".join(layer.name for layer in layers)
        print(f"omgevingsscan: saved {names} in {args.scan}", file=sys.stderr)
    summary = {**summary, "notes": list(notes)}
    emit(args, frame, summary, getattr(args, "warnings", []))
    return 0


def _xy(text: str, scan: Scan, args: argparse.Namespace, what: str) -> tuple[float, float]:
    if not hasattr(args, "warnings"):
        args.warnings = []
    x, y, _ = parse_point(text, scan, what=what, warnings=args.warnings)
    return (x, y)


def _latlon(x: float, y: float, crs: str) -> dict[str, float]:
    lat, lon = to_wgs84(x, y, crs)
    return {"lat": round(lat, 7), "lon": round(lon, 7)}


# -- commands ----------------------------------------------------------------------------------
def run_route(args: argparse.Namespace) -> int:
    """Print the route between ``--from`` and ``--to``."""
    check_output(args)
    scan = open_scan(args.scan)
    a = _xy(args.origin, scan, args, "--from")
    b = _xy(args.destination, scan, args, "--to")
    route = net.scan_route(scan, a, b, mode=args.mode, weight=args.weight, max_snap_m=args.max_snap)
    layer = result_layers.routes_layer([route], scan.crs)
    summary = {
        "command": "route",
        "mode": args.mode,
        "weight": args.weight,
        "from": {**_latlon(*a, scan.crs), "snap_m": round(route.start_snap_m, 1)},
        "to": {**_latlon(*b, scan.crs), "snap_m": round(route.end_snap_m, 1)},
        "route": _route_summary(route),
    }
    return _emit(args, scan, layer.data, summary, [layer])


def run_escape(args: argparse.Namespace) -> int:
    """Print k diverse escape routes from the site."""
    check_output(args)
    net.check_k(args.k)
    scan = open_scan(args.scan)
    dests = [_xy(t, scan, args, "--to") for t in args.destinations]
    result = net.scan_escape_routes(
        scan, mode=args.mode, k=args.k, destinations=dests, weight=args.weight
    )
    layer = result_layers.routes_layer(result.routes, scan.crs)
    summary = {
        "command": "escape",
        "mode": args.mode,
        "k": args.k,
        "to": "destinations" if dests else "edge of the study area",
        "edge_disjoint": result.edge_disjoint,
        "routes": [_route_summary(r) for r in result.routes],
        "shared": [
            {"name": s.name, "length_m": round(s.length_m, 1), "routes": list(s.routes)}
            for s in result.shared
        ],
    }
    return _emit(args, scan, layer.data, summary, [layer], result.notes)


def _minutes(text: str) -> list[float]:
    try:
        values = [float(t) for t in text.split(",") if t.strip()]
    except ValueError:
        raise AnalysisInputError(
            f"--minutes {text!r} are not comma-separated numbers (like 1,3,5)"
        ) from None
    if not values:
        raise AnalysisInputError("--minutes is empty; give comma-separated minutes (like 1,3,5)")
    for value in values:
        if not math.isfinite(value) or value <= 0:
            raise AnalysisInputError(
                f"--minutes {text!r}: {value:g} is not a positive number of minutes"
            )
    return values


def run_isochrones(args: argparse.Namespace) -> int:
    """Print the isochrones around the site."""
    check_output(args)
    minutes = _minutes(args.minutes)
    scan = open_scan(args.scan)
    isos = net.scan_isochrones(scan, mode=args.mode, minutes=minutes, buffer_m=args.buffer)
    layer = result_layers.isochrones_layer(isos, scan.crs)
    summary = {
        "command": "isochrones",
        "mode": args.mode,
        "buffer_m": args.buffer,
        "isochrones": [
            {
                "minutes": i.minutes,
                "area_m2": round(i.area_m2, 1),
                "reach_m": round(i.reach_m, 1),
                "nodes": len(i.nodes),
            }
            for i in isos
        ],
    }
    notes = (
        [] if scan.coverage >= 0.99 else [f"the data covers {scan.coverage:.0%} of the study area"]
    )
    return _emit(args, scan, layer.data, summary, [layer], notes)


def run_chokepoints(args: argparse.Namespace) -> int:
    """Print the chokepoints of the site's network."""
    check_output(args)
    scan = open_scan(args.scan)
    result = net.scan_chokepoints(
        scan,
        mode=args.mode,
        near_m=args.near,
        narrow_m=args.narrow,
        detour_threshold=args.detour,
    )
    layer = result_layers.chokepoints_layer(result, scan.crs)
    summary = {
        "command": "chokepoints",
        "mode": args.mode,
        "counts": result.counts(),
        "way_out": None if result.out_cost is None else round(result.out_cost, 1),
        "critical": [
            {"kind": c.kind, "name": c.name, "reason": c.reason} for c in result.items if c.critical
        ],
    }
    return _emit(args, scan, layer.data, summary, [layer], result.notes)


def _service(text: str, scan: Scan, args: argparse.Namespace) -> net.ServiceLocation:
    word, sep, where = text.partition("=")
    category = SERVICE_ALIASES.get(word.strip().lower())
    if not sep or category is None:
        raise AnalysisInputError(
            f"service {text!r} is not of the form police|fire|hospital=POSITION"
        )
    x, y = _xy(where, scan, args, f"--service {word.strip()}")
    return net.ServiceLocation(category, x, y, source="manual")


def run_emergency(args: argparse.Namespace) -> int:
    """Print the emergency-response routes to the site."""
    check_output(args)
    scan = open_scan(args.scan)
    services = [_service(t, scan, args) for t in args.service]
    result = net.scan_emergency_response(scan, services=services, mode=args.mode)
    layer = result_layers.routes_layer(result.routes, scan.crs, name="emergency_routes")
    summary = {
        "command": "emergency",
        "mode": args.mode,
        "routes": [_route_summary(r) for r in result.routes],
        "missing": result.missing,
    }
    return _emit(args, scan, layer.data, summary, [layer], result.notes)


def run_approach(args: argparse.Namespace) -> int:
    """Print the entry points and approach corridors."""
    check_output(args)
    scan = open_scan(args.scan)
    entries, routes = net.scan_approach_routes(
        scan, mode=args.mode, max_distance_m=args.distance, per_entry=args.per_entry
    )
    layer = result_layers.routes_layer(routes, scan.crs, name="approach_routes")
    entry_layer = result_layers.entry_points_layer(entries, scan.crs)
    summary = {
        "command": "approach",
        "mode": args.mode,
        "entry_points": [
            {
                "label": e.label,
                "source": e.source,
                **_latlon(e.x, e.y, scan.crs),
                "snap_m": round(e.snap_m, 1),
            }
            for e in entries
        ],
        "routes": [_route_summary(r) for r in routes],
    }
    return _emit(args, scan, layer.data, summary, [layer, entry_layer])
