"""Sight lines, viewsheds and exposure from the command line (GeoJSON in WGS84).

``omgevingsscan sightline SCAN --from POS[@H] --to POS[@H]``
    2.5D line of sight between two eyes (H: metres above ground, default 1.6).
``omgevingsscan viewshed SCAN --at POS[@H] [--radius 300] [--sector DIR,ANGLE]``
    Visible ground and roofs from a point (an exact 2D isovist at eye height; over
    lower buildings when H is higher). DIR is a compass bearing, ANGLE the opening.
    With a terrain model (``terrain``), the ground seen over the terrain and the
    buildings on it: a grid of 3D sight lines, with the uncertain ground.
``omgevingsscan exposure SCAN``
    Public ground that sees the site's façade, and ranked overlook positions.

POS is what ``new --site`` accepts: "LAT,LON", "rd:X,Y" or a name/address in the scan.
A position outside the data is refused; one outside the study area gives a warning.
Each prints a GeoJSON FeatureCollection whose extra member ``summary`` holds a JSON
summary (``--format summary``: the summary only); ``--out`` writes to a file instead.
``--save`` stores the result as a layer in the scan file (a layer of the same name is
updated) and prints the summary. Bad input (a point inside a
building, a radius outside (0, 3000] m, a sector angle outside (0, 360]) exits with
status 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from typing import Any

import geopandas as gpd
import pandas as pd

from omgevingsscan.analysis.visibility import (
    ExposureResult,
    Viewshed25D,
    check_radius,
    check_sector,
    exposure_for_scan,
    index_for,
    viewshed_25d,
)
from omgevingsscan.analysis.visibility.certainty import viewshed_range
from omgevingsscan.analysis.visibility.layers import (
    put_result,
    result_layers,
)
from omgevingsscan.analysis.visibility.scan import exposure_range_for_scan
from omgevingsscan.analysis.visibility.terrain import (
    TARGET_HEIGHT_M,
    sight_line,
    viewshed_terrain,
)
from omgevingsscan.commands.common import (
    add_output_options,
    check_output,
    emit,
    open_scan,
    parse_point,
)
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.io.project import save_scan
from omgevingsscan.io.terrain import terrain_for
from omgevingsscan.layers.names import table_name
from omgevingsscan.scan import Scan

_POS = '"LAT,LON", "rd:X,Y" or a name in the scan'
_SECTOR = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)\s*$")


def parse_sector(text: str | None) -> tuple[float, float] | None:
    """Parse "DIR,ANGLE" (degrees) into a checked ``(direction, angle)``, or None."""
    if text is None:
        return None
    m = _SECTOR.match(text)
    if not m:
        raise AnalysisInputError(f"sector {text!r} is not of the form DIRECTION,ANGLE (degrees)")
    return check_sector((float(m.group(1)), float(m.group(2))))


def _output(p: argparse.ArgumentParser) -> None:
    p.add_argument("scan", help="scan file (.gpkg)")
    add_output_options(p)
    p.add_argument(
        "--name", help="layer (table) name for --save, snake_case (default: the result kind)"
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``sightline``, ``viewshed`` and ``exposure`` sub-commands."""
    p = sub.add_parser("sightline", help="2.5D line of sight between two points with heights")
    _output(p)
    p.add_argument(
        "--from", dest="a", required=True, help=f"{_POS}[@HEIGHT] (default height 1.6 m)"
    )
    p.add_argument("--to", dest="b", required=True, help=f"{_POS}[@HEIGHT] (default height 1.6 m)")
    p.set_defaults(func=run_sightline)

    p = sub.add_parser("viewshed", help="visible area from a point (exact isovist / 2.5D)")
    _output(p)
    p.add_argument("--at", required=True, help=f"{_POS}[@HEIGHT] (eye height in m, default 1.6)")
    p.add_argument("--radius", type=float, default=300.0, help="metres, (0, 3000] (default 300)")
    p.add_argument(
        "--sector",
        help="DIRECTION,ANGLE in degrees (0 = north, clockwise) (default: all round)",
    )
    p.add_argument("--no-roofs", action="store_true", help="skip the visible roofs")
    p.add_argument(
        "--certainty", action="store_true", help="also the ground uncertain within the heights"
    )
    p.set_defaults(func=run_viewshed)

    p = sub.add_parser("exposure", help="from where the site's façade can be seen")
    _output(p)
    p.add_argument("--spacing", type=float, default=0.5, help="façade samples at eye level, m")
    p.add_argument("--top-spacing", type=float, default=4.0, help="façade-top samples, m")
    p.add_argument("--window-spacing", type=float, default=4.0, help="window samples, m")
    p.add_argument(
        "--facade-height",
        type=float,
        help="count the façade up to this height, m (default: the site's height)",
    )
    p.add_argument(
        "--certainty",
        action="store_true",
        help="also run at the low and high heights: area range, uncertain positions (3x time)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run_exposure)


def _save(scan: Scan, args: argparse.Namespace, result: Any, index: Any = None) -> None:
    if args.save:
        layers = put_result(scan.layers, result, scan.crs, name=_name(args), index=index)
        save_scan(scan, args.scan)
        names = ", ".join(layer.name for layer in layers)
        print(f"omgevingsscan: saved {names} in {args.scan}", file=sys.stderr)


def _name(args: argparse.Namespace) -> str | None:
    return table_name(args.name) if args.name else None


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def run_sightline(args: argparse.Namespace) -> int:
    """Print the sight line (visible part, blocked part) and its summary."""
    check_output(args)
    scan = open_scan(args.scan)
    warnings: list[str] = []
    ax, ay, ah = parse_point(args.a, scan, what="--from", warnings=warnings)
    bx, by, bh = parse_point(args.b, scan, what="--to", warnings=warnings)
    index = index_for(scan)
    check = sight_line(index, (ax, ay), ah, (bx, by), bh, terrain=terrain_for(scan))
    result = check.line
    (layer,) = result_layers(check, scan.crs, name=_name(args), index=index)
    summary = {
        "visible": result.visible,
        "verdict": check.verdict,
        "by_terrain": check.by_terrain,
        "ground": "flat (no terrain model)" if check.flat_ground else "terrain",
        "height_sources": check.height_sources,
        "distance_m": round(result.distance, 2),
        "bearing_deg": round(result.bearing, 1),
        "from_height_m": ah,
        "to_height_m": bh,
        "obstruction_distance_m": _clean(
            round(result.obstruction_distance, 2)
            if result.obstruction_distance is not None
            else None
        ),
        "obstruction_height_m": round(result.obstruction[2], 2) if result.obstruction else None,
        "blocker": (
            {
                "osm_id": result.blocker.osm_id,
                "name": result.blocker.name,
                "height_m": result.blocker.height,
            }
            if result.blocker
            else None
        ),
        "label": check.describe(),
    }
    print(check.describe(), file=sys.stderr)
    _save(scan, args, check, index)
    emit(args, layer.data, summary, warnings)
    return 0


def run_viewshed(args: argparse.Namespace) -> int:
    """Print the visible ground (and roofs) from a point."""
    check_output(args)
    radius = check_radius(args.radius)
    sector = parse_sector(args.sector)
    scan = open_scan(args.scan)
    warnings: list[str] = []
    x, y, h = parse_point(args.at, scan, what="--at", warnings=warnings)
    index = index_for(scan)
    terrain = terrain_for(scan)
    if terrain is not None:
        return _viewshed_over_terrain(args, scan, index, terrain, (x, y, h), warnings)
    ranged = None
    if args.certainty:
        ranged = viewshed_range(
            index, (x, y), max(h, 1e-3), radius, sector=sector, roofs=not args.no_roofs
        )
        result: Viewshed25D = ranged.nominal
    else:
        result = viewshed_25d(
            index, (x, y), max(h, 1e-3), radius, sector=sector, roofs=not args.no_roofs
        )
    (layer,) = result_layers(ranged or result, scan.crs, name=_name(args), index=index)
    summary = {
        "observer_height_m": h,
        "uncertain_m2": round(ranged.uncertain.area, 1) if ranged else None,
        "height_sources": index.height_sources,
        "radius_m": radius,
        "sector": list(sector) if sector else None,
        "ground_m2": round(result.ground.area, 1),
        "roof_m2": round(result.roof_area, 1),
        "roofs": len(result.roofs),
        "ground_model": "flat (no terrain model)",
        "method": (
            "exact 2.5D (ground over lower buildings, visible roofs)"
            if (index.heights < h).any()
            else "exact 2D isovist (every building is at least as high as the eye)"
        ),
    }
    _save(scan, args, ranged or result, index)
    emit(args, layer.data, summary, warnings)
    return 0


def _viewshed_over_terrain(
    args: argparse.Namespace,
    scan: Scan,
    index: Any,
    terrain: Any,
    at: tuple[float, float, float],
    warnings: list[str],
) -> int:
    """The viewshed over the scan's terrain model (a grid of sight lines; always with
    its uncertain ground; no roofs)."""
    x, y, h = at
    radius, sector = check_radius(args.radius), parse_sector(args.sector)
    target = TARGET_HEIGHT_M
    result = viewshed_terrain(index, terrain, (x, y), max(h, 1e-3), radius, sector=sector,
                              target_height=target)  # fmt: skip
    (layer,) = result_layers(result, scan.crs, name=_name(args), index=index)
    summary = {
        "observer_height_m": h,
        "target_height_m": target,
        "uncertain_m2": round(result.uncertain.area, 1),
        "height_sources": index.height_sources,
        "radius_m": radius,
        "sector": list(sector) if sector else None,
        "ground_m2": round(result.ground.area, 1),
        "roof_m2": 0.0,
        "roofs": 0,
        "ground_model": f"terrain ({terrain.source})",
        "ground_elevation_m": round(result.ground_eye, 2),
        "cell_m": round(result.cell_m, 2),
        "cells_tested": result.tested,
        "seconds": round(result.seconds, 2),
        "method": "grid of 3D sight lines over the terrain and the buildings on it",
        "notes": result.notes,
    }
    print(result.describe(), file=sys.stderr)
    _save(scan, args, result, index)
    emit(args, layer.data, summary, warnings)
    return 0


def run_exposure(args: argparse.Namespace) -> int:
    """Print the exposed public ground and the ranked overlook positions."""
    check_output(args)
    scan = open_scan(args.scan)
    index = index_for(scan)

    def progress(fraction: float, message: str) -> None:
        if not args.quiet:
            print(f"{fraction:4.0%} {message}", file=sys.stderr)

    options = {
        "spacing": args.spacing,
        "top_spacing": args.top_spacing,
        "window_spacing": args.window_spacing,
        "facade_height": args.facade_height,
        "progress": progress,
    }
    answer: Any = (
        exposure_range_for_scan(scan, index, **options)
        if args.certainty
        else exposure_for_scan(scan, index, **options)
    )
    result: ExposureResult = answer.nominal if args.certainty else answer
    layers = result_layers(answer, scan.crs, name=_name(args), index=index)
    ground, positions = (layer.data for layer in layers)
    frame = gpd.GeoDataFrame(pd.concat([ground, positions], ignore_index=True), crs=scan.crs)
    summary = {
        "site_buildings": [index.osm_ids[i] for i in result.site_buildings],
        "facade_height_m": result.facade_height,
        "eye_height_m": result.eye_height,
        "ground_m2": round(result.ground.area, 1),
        "ground_eye_level_m2": round(result.ground_eye.area, 1),
        "positions": len(result.positions),
        "buildings": int((result.positions["kind"] == "building").sum()),
        "spots": int((result.positions["kind"] == "spot").sum()),
        "samples": list(result.samples),
        "ground_range_m2": (
            [round(a, 1) for a in answer.area_range_m2] if args.certainty else None
        ),
        "height_sources": index.height_sources,
        "ground_model": (
            "flat (no terrain model)"
            if terrain_for(scan) is None
            else f"terrain ({terrain_for(scan).source}); grid of {result.cell_m:.2f} m, "  # type: ignore[union-attr]
            f"{result.cells:,} cells, {result.seconds:.1f} s"
        ),
        "notes": result.notes,
    }
    _save(scan, args, answer, index)
    emit(args, frame, summary)
    return 0
