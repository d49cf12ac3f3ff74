"""Helpers shared by CLI sub-commands: loading a scan, parsing points, writing output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd

from omgevingsscan.errors import InputFileError
from omgevingsscan.io.positions import resolve_position
from omgevingsscan.io.project import load_scan
from omgevingsscan.io.safe_files import check_overwrite, commit_file, temp_beside
from omgevingsscan.io.terrain import bind as bind_terrain
from omgevingsscan.scan import Scan
from omgevingsscan.settings import EYE_HEIGHT_M


def open_scan(path: str) -> Scan:
    """Load the scan at ``path`` (errors name the file), with its terrain sidecar."""
    scan = load_scan(path)
    bind_terrain(scan, path)
    return scan


def parse_point(
    text: str,
    scan: Scan,
    default_height: float = EYE_HEIGHT_M,
    *,
    what: str = "point",
    warnings: list[str] | None = None,
) -> tuple[float, float, float]:
    """Read a position as ``new --site`` does: "LAT,LON", "rd:X,Y" or a name, each ``[@H]``.

    Returns ``(x, y, height)``: metres in the scan's CRS, H metres above the street.
    A position outside the study area is accepted with a warning, printed on stderr and
    appended to ``warnings`` (see :mod:`omgevingsscan.io.positions` for the rule).

    Raises
    ------
    SiteError
        Unreadable text, a negative height, or a position outside the data.
    """
    pos = resolve_position(text, scan, what=what, default_height=default_height)
    if pos.warning:
        warn(pos.warning, warnings)
    assert pos.height is not None
    return pos.x, pos.y, pos.height


def warn(message: str, warnings: list[str] | None = None) -> None:
    """Print a warning on stderr (one line) and keep it for the command's summary."""
    print(f"omgevingsscan: warning: {message}", file=sys.stderr)
    if warnings is not None:
        warnings.append(message)


def add_force(p: argparse.ArgumentParser, what: str = "output files") -> None:
    """Add ``--force``: replace existing output files (refused without it)."""
    p.add_argument("--force", action="store_true", help=f"replace existing {what}")


def write_text_atomic(text: str, out: str | None) -> None:
    """Write ``text`` to ``out`` atomically, or to stdout when ``out`` is None or "-"."""
    if out in (None, "-"):
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    target = Path(out)
    if not target.parent.exists():
        raise InputFileError(target, "folder does not exist")
    try:
        with temp_beside(target) as tmp:
            tmp.write_text(text, encoding="utf-8")
            commit_file(tmp, target)
    except PermissionError as exc:
        raise InputFileError(target, f"cannot be written ({exc.strerror})") from exc


def geojson_text(frame: gpd.GeoDataFrame, extra: dict[str, Any] | None = None) -> str:
    """Return ``frame`` as RFC 7946 GeoJSON text in WGS84, with optional top-level members."""
    data = json.loads(frame.to_crs("EPSG:4326").to_json(na="null", drop_id=True))
    data.pop("crs", None)
    if extra:
        data.update(extra)
    return json.dumps(data, ensure_ascii=False)


#: File name endings accepted by ``--out`` of the analysis commands, per ``--format``.
OUTPUT_EXTENSIONS = {"geojson": (".geojson", ".json"), "summary": (".json",)}


def add_output_options(p: argparse.ArgumentParser) -> None:
    """Add ``--format``, ``--out``, ``--save`` and ``--force`` (every analysis command)."""
    p.add_argument(
        "--format",
        choices=tuple(OUTPUT_EXTENSIONS),
        help="geojson: a FeatureCollection (WGS84) with a 'summary' member; summary: the "
        "JSON summary only (default: geojson; summary with --save and no --out)",
    )
    p.add_argument(
        "--out", help="write the output to this file (.geojson or .json) (default: stdout)"
    )
    p.add_argument(
        "--save",
        action="store_true",
        help="store the result as a layer in the scan (a layer of the same name is updated)",
    )
    add_force(p, "--out files")


def output_format(args: argparse.Namespace) -> str:
    """The chosen ``--format``: as given; else "summary" when ``--save`` prints to stdout
    (the layer is in the scan, the terminal gets the summary), else "geojson"."""
    if args.format:
        return str(args.format)
    return "summary" if args.save and getattr(args, "out", None) in (None, "-") else "geojson"


def check_output(args: argparse.Namespace) -> None:
    """Check ``--out`` before any work: its name fits ``--format``; it exists only with --force.

    Raises
    ------
    InputFileError
        A name that does not end in .geojson/.json (never GeoJSON under a .shp name).
    OutputExistsError
        ``--out`` exists and ``--force`` was not given.
    """
    out = getattr(args, "out", None)
    if out in (None, "-"):
        return
    fmt = output_format(args)
    allowed = OUTPUT_EXTENSIONS[fmt]
    if Path(out).suffix.lower() not in allowed:
        raise InputFileError(
            out, f"--format {fmt} writes JSON; give a file name ending in {' or '.join(allowed)}"
        )
    check_overwrite(out, args.force)


def emit(
    args: argparse.Namespace,
    frame: gpd.GeoDataFrame,
    summary: dict[str, Any],
    warnings: list[str] | None = None,
) -> None:
    """Write the result: GeoJSON with the summary, or the summary alone (``--format``)."""
    summary = {**summary, "warnings": list(warnings or [])}
    if output_format(args) == "summary":
        text = json.dumps(summary, indent=2, ensure_ascii=False)
    else:
        text = geojson_text(frame, {"summary": summary})
    write_text_atomic(text, args.out)
