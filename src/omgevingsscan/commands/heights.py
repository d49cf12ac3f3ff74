"""Measured building heights and terrain from the command line.

``omgevingsscan heights SCAN --3dbag FILE [FILE ...]``
    Give the scan's buildings the heights of 3D BAG tiles (.gpkg, .city.json,
    .city.jsonl), joined by ``ref:bag`` and else by footprint overlap.
``omgevingsscan heights SCAN --layer FILE --field NAME [--levels] [--id-field NAME]``
    The same from any vector layer with a height (or storeys) attribute.
``omgevingsscan terrain SCAN --dem FILE.tif [--cell M] [--sigma M]``
    Read the DEM/DTM window of the study area into a sidecar of the scan
    (``SCAN.terrain.tif``); ``--flat`` removes it.

Both save the scan and print a JSON summary on stdout. Bad input exits with status 2
and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from omgevingsscan.commands.common import open_scan
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.export.report.heights import summary_sentence
from omgevingsscan.io import terrain as terrain_io
from omgevingsscan.io.heights import (
    HeightImport,
    height_sources,
    import_3dbag,
    import_height_layer,
    stale_results,
)
from omgevingsscan.io.project import save_scan
from omgevingsscan.layers.heights import height_summary
from omgevingsscan.scan import Scan


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``heights`` and ``terrain`` sub-commands."""
    p = sub.add_parser("heights", help="import measured building heights (3D BAG or a layer)")
    p.add_argument("scan", help="scan file (.gpkg)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument(
        "--3dbag",
        dest="bag",
        nargs="+",
        metavar="FILE",
        help="3D BAG tile(s) (default: none; this or --layer)",
    )
    src.add_argument(
        "--layer",
        metavar="FILE",
        help="any vector layer with heights (default: none; this or --3dbag)",
    )
    p.add_argument(
        "--field", help="attribute with the height in metres (with --layer; default: none)"
    )
    p.add_argument("--levels", action="store_true", help="--field holds storeys, not metres")
    p.add_argument(
        "--id-field",
        help="attribute with BAG numbers or OSM ids to join by (default: overlap only)",
    )
    p.add_argument("--dataset", help="name of the data set (default: the file name)")
    p.add_argument("--date", help="date of the data set (default: the file's date)")
    p.add_argument("--min-iou", type=float, default=0.5, help="overlap join threshold (0.5)")
    p.set_defaults(func=run_heights)

    p = sub.add_parser("terrain", help="import a DEM/DTM GeoTIFF for the study area")
    p.add_argument("scan", help="scan file (.gpkg)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--dem",
        metavar="FILE.tif",
        help="elevation GeoTIFF, any CRS (default: none; this or --flat)",
    )
    what.add_argument("--flat", action="store_true", help="remove the terrain: flat ground")
    p.add_argument("--cell", type=float, help="grid cell in metres (default: the DEM's)")
    p.add_argument(
        "--sigma", type=float, default=terrain_io.DEFAULT_SIGMA_M, help="DEM uncertainty, m"
    )
    p.set_defaults(func=run_terrain)


def heights_info(scan: Scan) -> dict[str, Any]:
    """Height sources and terrain of a scan (for ``info``)."""
    try:
        buildings = scan.frame("buildings")
    except KeyError:
        buildings = None
    summary = height_summary(buildings) if buildings is not None else None
    terrain = terrain_io.terrain_for(scan)
    return {
        "heights": {
            "sources": height_sources(scan),
            "counts": summary.counts if summary else {},
            "measured_share": round(summary.measured_share, 4) if summary else 0.0,
            "summary": summary_sentence(summary) if summary else "no buildings",
            "stale_results": stale_results(scan),
        },
        "terrain": (
            {**scan.meta.get("terrain", {}), "summary": terrain.describe()}
            if terrain is not None
            else {"summary": terrain_io.ground_statement(scan)}
        ),
    }


def _report(result: HeightImport, scan: Scan) -> dict[str, Any]:
    summary = height_summary(scan.frame("buildings"), scan.study_area.polygon)
    return {
        "dataset": result.dataset,
        "date": result.date,
        "files": result.files,
        "read": result.read,
        "matched_by_id": result.by_id,
        "matched_by_overlap": result.by_overlap,
        "buildings": result.buildings,
        "measured_share": round(summary.measured_share, 4),
        "summary": summary_sentence(summary, scan.study_area.radius_m),
        "stale_results": stale_results(scan),
    }


def run_heights(args: argparse.Namespace) -> int:
    """Import heights, save the scan, print the join counts."""
    scan = open_scan(args.scan)
    if args.bag:
        result = import_3dbag(scan, args.bag, min_iou=args.min_iou)
    else:
        if not args.field:
            raise AnalysisInputError("--layer needs --field NAME (the height attribute)")
        result = import_height_layer(
            scan,
            args.layer,
            args.field,
            levels=args.levels,
            id_field=args.id_field,
            dataset=args.dataset,
            date=args.date,
            min_iou=args.min_iou,
        )
    save_scan(scan, args.scan)
    print(result.describe(), file=sys.stderr)
    print(json.dumps(_report(result, scan), indent=2, ensure_ascii=False))
    return 0


def run_terrain(args: argparse.Namespace) -> int:
    """Import (or remove) the terrain, save the scan, print what it holds."""
    scan = open_scan(args.scan)
    if args.flat:
        terrain_io.set_terrain(scan, None)
        save_scan(scan, args.scan)
        print(json.dumps({"terrain": None, "summary": terrain_io.ground_statement(scan)}))
        return 0
    if args.cell is not None and not args.cell > 0:
        raise AnalysisInputError(f"--cell must be > 0 m, got {args.cell}")
    terrain = terrain_io.read_dem(
        args.dem,
        scan.crs,
        terrain_io.study_bounds(scan),
        cell=args.cell,
        sigma_m=args.sigma,
    )
    terrain_io.set_terrain(scan, terrain)
    save_scan(scan, args.scan)  # writes the sidecar SCAN.terrain.tif
    print(terrain.describe(), file=sys.stderr)
    print(json.dumps({**scan.meta["terrain"], "summary": terrain.describe()}, indent=2))
    return 0
