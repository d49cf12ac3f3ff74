"""``omgevingsscan new`` and ``omgevingsscan info``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from omgevingsscan.commands.common import open_scan
from omgevingsscan.errors import InputFileError
from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.osm_repair import figures_line, import_figures
from omgevingsscan.io.project import save_scan
from omgevingsscan.io.safe_files import backup_path, check_overwrite
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.scan import SITE_KINDS, Scan
from omgevingsscan.settings import DEFAULT_RADIUS_M


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``new`` and ``info`` sub-commands."""
    p = sub.add_parser("new", help="import OSM data around a site into a new scan file")
    p.add_argument("--osm", required=True, help=".osm, .osm.bz2 or .osm.pbf file")
    p.add_argument(
        "--site", required=True, help='"LAT,LON", "rd:X,Y" or a name/address in the data'
    )
    p.add_argument("--name", help="site name (default: what --site found)")
    p.add_argument("--kind", choices=SITE_KINDS, default="other", help="kind of site")
    p.add_argument("--radius", type=float, default=DEFAULT_RADIUS_M, help="metres, 50–3000")
    p.add_argument("--out", required=True, help="scan file to write (.gpkg)")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace an existing --out file (the old one is kept as NAME.gpkg.bak)",
    )
    p.set_defaults(func=run_new)

    p = sub.add_parser("info", help="print a scan's site, CRS and layers as JSON")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.set_defaults(func=run_info)


def run_new(args: argparse.Namespace) -> int:
    """Import and save a scan; print a one-line summary on stderr.

    An existing ``--out`` is refused without ``--force``; with it, the new scan is
    written beside it, flushed and renamed over it, and the old file kept as ``.bak``.
    """
    out_path = Path(args.out)
    if out_path.suffix.lower() != ".gpkg":
        raise InputFileError(out_path, "a scan is a GeoPackage; give a file name ending in .gpkg")
    check_overwrite(out_path, args.force)
    if not out_path.parent.is_dir():
        raise InputFileError(out_path, "folder does not exist")
    scan = import_scan(args.osm, args.site, radius_m=args.radius, name=args.name, kind=args.kind)
    existed = out_path.exists()
    out = save_scan(scan, out_path, backup=existed)
    kept = f"; the old file is kept as {backup_path(out)}" if existed else ""
    print(
        f"wrote {out}: {len(scan.layers)} layers, {scan.coverage:.0%} of the study area "
        f"covered{kept}",
        file=sys.stderr,
    )
    if note := figures_line(scan.meta):
        print(f"omgevingsscan: note: {note}", file=sys.stderr)
    return 0


def heights_info(scan: Scan) -> dict[str, object]:
    """Height sources and terrain (issue 11), from :mod:`omgevingsscan.commands.heights`."""
    from omgevingsscan.commands.heights import heights_info as info

    return info(scan)


def scan_info(scan: Scan) -> dict[str, object]:
    """Return the JSON-able summary printed by ``info``."""
    return {
        "site": {
            "name": scan.site.name,
            "kind": scan.site.kind,
            "lat": scan.site.lat,
            "lon": scan.site.lon,
            "x": scan.site.x,
            "y": scan.site.y,
        },
        "crs": scan.crs,
        "radius_m": scan.study_area.radius_m,
        "source": scan.source,
        "imported_at": scan.imported_at,
        "data_date": scan.data_date,
        "coverage": round(scan.coverage, 4),
        "import": import_figures(scan.meta),
        "layers": [
            {
                "name": layer.name,
                "kind": layer.kind,
                "features": len(layer) if isinstance(layer, VectorLayer) else None,
                "visible": layer.visible,
            }
            for layer in scan.layers
        ],
        "networks": {
            mode: {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
            for mode, g in scan.graphs.items()
        },
        **heights_info(scan),
    }


def run_info(args: argparse.Namespace) -> int:
    """Print the scan summary as JSON on stdout."""
    scan = open_scan(args.scan)
    print(json.dumps(scan_info(scan), indent=2, ensure_ascii=False))
    return 0
