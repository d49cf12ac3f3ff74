"""GeoPackage copies: the scan file byte for byte, or the scan as it is in memory."""

from __future__ import annotations

import shutil
from pathlib import Path

from omgevingsscan.errors import ExportError
from omgevingsscan.export.files import atomic_target, check_target
from omgevingsscan.io.project import save_scan
from omgevingsscan.scan import Scan


def copy_gpkg(source: str | Path, path: str | Path) -> Path:
    """Copy the scan file ``source`` byte for byte to ``path`` (atomically)."""
    src = Path(source)
    if not src.is_file():
        raise ExportError(f"{src}: scan file not found")
    if Path(path).expanduser().resolve() == src.resolve():
        raise ExportError(f"{path}: is the scan file itself; choose another name")
    with atomic_target(path, "gpkg") as tmp:
        shutil.copyfile(src, tmp)
    return Path(path)


def save_gpkg_copy(scan: Scan, path: str | Path) -> Path:
    """Save the scan as it is in memory to a new GeoPackage ``path``."""
    target = check_target(path, "gpkg")
    return save_scan(scan, target)
