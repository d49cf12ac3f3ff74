"""Replacing files without ever losing a good one: write, fsync, rename, keep a backup.

Every file the program writes over one the user already has goes through
:func:`commit_file`: the new content is written to a temporary file in the same folder,
flushed to disk (``fsync``), and then renamed over the target in one step, so the
target is at any moment either the old file or the complete new one. A replaced scan
is kept as ``NAME.gpkg.bak``. :func:`check_overwrite` is the one rule for outputs that
exist already: refused unless the user forces it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from omgevingsscan.errors import InputFileError, OutputExistsError

#: Suffix of the copy kept of a replaced scan file.
BACKUP_SUFFIX = ".bak"


def backup_path(path: str | Path) -> Path:
    """``scan.gpkg`` → ``scan.gpkg.bak``."""
    p = Path(path)
    return p.with_name(p.name + BACKUP_SUFFIX)


def check_overwrite(path: str | Path | None, force: bool, option: str = "--force") -> None:
    """Refuse an existing output file unless ``force``.

    Raises
    ------
    OutputExistsError
        ``path`` exists and ``force`` is false; the message names ``option``.
    InputFileError
        ``path`` is a folder.
    """
    if path is None or str(path) in ("", "-"):
        return
    p = Path(path).expanduser()
    if p.is_dir():
        raise InputFileError(p, "is a folder, not a file")
    if p.exists() and not force:
        extra = f" (the old file is kept as {p.name}.bak)" if p.suffix.lower() == ".gpkg" else ""
        raise OutputExistsError(p, f"give {option} to replace it{extra}")


def fsync_path(path: str | Path) -> None:
    """Flush a file's (or a folder's) content to disk."""
    flags = os.O_RDONLY
    if Path(path).is_dir():
        flags |= getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # folders cannot be opened on every platform; the rename is still atomic
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def keep_backup(target: Path) -> Path | None:
    """Keep the current ``target`` as ``target.bak`` (a hard link, else a copy)."""
    if not target.exists():
        return None
    bak = backup_path(target)
    with contextlib.suppress(FileNotFoundError):
        bak.unlink()
    try:
        os.link(target, bak)
    except OSError:
        shutil.copy2(target, bak)
    return bak


def commit_file(tmp: str | Path, target: str | Path, *, backup: bool = False) -> Path:
    """Move the finished ``tmp`` over ``target``: fsync, optional backup, rename, fsync folder.

    Raises
    ------
    InputFileError
        When the folder cannot be written.
    """
    tmp_p, target_p = Path(tmp), Path(target)
    try:
        fsync_path(tmp_p)
        if backup:
            keep_backup(target_p)
        os.replace(tmp_p, target_p)
    except PermissionError as exc:
        raise InputFileError(target_p, f"cannot be written ({exc.strerror})") from exc
    fsync_path(target_p.parent if str(target_p.parent) else Path("."))
    return target_p


@contextlib.contextmanager
def temp_beside(target: str | Path, suffix: str = "") -> Iterator[Path]:
    """Yield the name of a fresh temporary file next to ``target``, removed afterwards.

    The file does not exist when yielded (writers such as GDAL want to create it).
    """
    t = Path(target)
    folder = t.parent if str(t.parent) else Path(".")
    if not folder.is_dir():
        raise InputFileError(t, "folder does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{t.name}.part-", suffix=suffix, dir=folder)
    except OSError as exc:
        raise InputFileError(t, f"cannot write in {folder} ({exc.strerror})") from exc
    os.close(fd)
    os.unlink(name)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def copy_database(source: str | Path, target: str | Path) -> Path:
    """Copy the SQLite database (GeoPackage) ``source`` to ``target`` consistently.

    Uses SQLite's online backup, so edits in a write-ahead log are included and a
    concurrent writer cannot tear the copy.
    """
    src = sqlite3.connect(f"file:{Path(source)}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return Path(target)
