"""``omgevingsscan merge SCAN OTHER.gpkg|sightings.geojson ... [--out NEW.gpkg]``.

Merges other observers' sightings (and posts, annotations from scan files) into the
scan, or with ``--out`` into a copy of it: SCAN is copied beside NEW, merged, flushed
and renamed over NEW (an existing NEW only with ``--force``, kept as ``NEW.gpkg.bak``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from omgevingsscan.commands.common import add_force
from omgevingsscan.commands.editor import check_saved, open_editor
from omgevingsscan.editing import RECORD_LAYERS, EditError, MergeResult, ObservationEditor
from omgevingsscan.errors import InputFileError, UnsupportedFileError
from omgevingsscan.io.exchange import read_scan_records, read_sightings_geojson
from omgevingsscan.io.journal import release_file
from omgevingsscan.io.project import read_metadata
from omgevingsscan.io.safe_files import (
    backup_path,
    check_overwrite,
    commit_file,
    copy_database,
    temp_beside,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``merge`` sub-command."""
    p = sub.add_parser("merge", help="merge sightings from other observers' scans or GeoJSON")
    p.add_argument("scan", help="scan file (.gpkg) to merge into")
    p.add_argument("others", nargs="+", help="other scan files (.gpkg) or exchange GeoJSON files")
    p.add_argument(
        "--out",
        help="write the merged scan to this new file, leaving SCAN as it is (default: merge "
        "into SCAN)",
    )
    add_force(p, "--out file (the old one is kept as NAME.gpkg.bak)")
    p.set_defaults(func=run_merge)


def merge_file(editor: ObservationEditor, other: str | Path) -> list[MergeResult]:
    """Merge one other scan file (all record kinds) or exchange GeoJSON (sightings)."""
    p = Path(other)
    name = p.name
    if p.suffix.lower() in (".geojson", ".json"):
        records = read_sightings_geojson(p, editor.scan.crs, editor.scan.site.point)
        return [editor.merge("sightings", records, source=name)]
    if p.suffix.lower() == ".gpkg":
        if p.resolve() == (editor.store.path if editor.store else None):
            raise InputFileError(p, "is the scan itself")
        results = []
        for kind in RECORD_LAYERS:
            records = read_scan_records(p, kind, editor.scan.crs)
            if records or kind == "sightings":
                results.append(editor.merge(kind, records, source=name))
        return results
    raise UnsupportedFileError(
        p, "Don't know how to merge this file; use a scan (.gpkg) or sightings GeoJSON (.geojson)"
    )


def run_merge(args: argparse.Namespace) -> int:
    """Merge files into the scan (or, with ``--out``, into a copy of it); print the counts
    as JSON and a summary on stderr."""
    if args.out:
        return _merge_into_copy(args)
    return _merge(args, args.scan)


def _merge_into_copy(args: argparse.Namespace) -> int:
    """``merge SCAN OTHER... --out NEW``: copy SCAN beside NEW, merge, fsync, rename."""
    out = Path(args.out)
    if out.suffix.lower() != ".gpkg":
        raise InputFileError(out, "the merged scan is a GeoPackage; give a name ending in .gpkg")
    if out.exists() and out.resolve() == Path(args.scan).resolve():
        raise InputFileError(out, "is SCAN itself; leave out --out to merge into it")
    check_overwrite(out, args.force)
    read_metadata(args.scan)  # a clear error for a missing or foreign SCAN, before any copy
    existed = out.exists()
    with temp_beside(out, ".gpkg") as tmp:
        copy_database(args.scan, tmp)
        code = _merge(args, str(tmp))
        release_file(tmp)
        commit_file(tmp, out, backup=existed)
    kept = f" (the old file is kept as {backup_path(out)})" if existed else ""
    print(f"wrote {out}{kept}", file=sys.stderr)
    return code


def _merge(args: argparse.Namespace, scan_path: str) -> int:
    editor = open_editor(scan_path, args)
    results: list[MergeResult] = []
    for other in args.others:
        try:
            results.extend(merge_file(editor, other))
        except ValueError as exc:
            if isinstance(exc, InputFileError):
                raise
            raise EditError(f"{other}: {exc}") from exc
    editor.close()
    check_saved(editor)
    sightings = [r for r in results if r.kind == "sightings"]
    out = {
        "added": sum(len(r.added) for r in sightings),
        "already_there": sum(len(r.already) for r in sightings),
        "conflicts": sum(len(r.conflicts) for r in sightings),
        "results": [r.to_dict() for r in results],
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    for r in results:
        print(r.summary(), file=sys.stderr)
    return 0
