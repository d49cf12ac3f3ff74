"""Writing export files safely: checked targets, temporary file + ``os.replace``, names.

Every export writes into a temporary file next to the target, flushes it to disk and
renames it over the target only when the whole file is written, so a failure or a cancel never leaves a
half-written file (and never damages an existing one).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from omgevingsscan.errors import ExportError
from omgevingsscan.io.safe_files import commit_file

#: File name extensions per export format.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "png": (".png",),
    "svg": (".svg",),
    "html": (".html", ".htm"),
    "geojson": (".geojson", ".json"),
    "kml": (".kml",),
    "gpx": (".gpx",),
    "csv": (".csv",),
    "gpkg": (".gpkg",),
    "docx": (".docx",),
}


def check_target(path: str | Path, fmt: str | None = None) -> Path:
    """Return ``path`` as a Path if a file can be written there, else raise ExportError.

    Parameters
    ----------
    path
        The file to write.
    fmt
        Export format (a key of :data:`EXTENSIONS`): the name must end in one of its
        extensions, so ``--pdf map.png`` is caught before any work is done.
    """
    target = Path(path).expanduser()
    if str(path).strip() == "":
        raise ExportError("no output file given")
    if target.is_dir():
        raise ExportError(f"{target}: is a folder, not a file")
    if fmt is not None:
        allowed = EXTENSIONS[fmt]
        if target.suffix.lower() not in allowed:
            raise ExportError(
                f"{target}: a {fmt.upper()} export needs a file name ending in "
                f"{' or '.join(allowed)}"
            )
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{target}: folder {folder} is not writable")
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"{target}: file exists and is read-only")
    return target


def check_folder(path: str | Path) -> Path:
    """Return ``path`` as a writable folder, creating it (not its parents) if needed."""
    folder = Path(path).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: is a file, not a folder")
    if not folder.exists():
        if not folder.parent.is_dir():
            raise ExportError(f"{folder}: parent folder {folder.parent} does not exist")
        try:
            folder.mkdir()
        except OSError as exc:
            raise ExportError(f"{folder}: cannot create the folder ({exc.strerror})") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{folder}: folder is not writable")
    return folder


@contextlib.contextmanager
def atomic_target(path: str | Path, fmt: str | None = None) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success move it over ``path``.

    On any exception (including a cancel) the temporary file is removed and the target
    is left as it was. A new file is readable by its owner only (exports may be
    classified); an existing target keeps its permissions.

    Raises
    ------
    ExportError
        When the target cannot be written (see :func:`check_target`).
    """
    target = check_target(path, fmt)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise ExportError(f"{target}: cannot write in {target.parent} ({exc.strerror})") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise ExportError(f"{target}: nothing was written")
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        commit_file(tmp, target)  # fsync, then rename over the target
    except PermissionError as exc:
        raise ExportError(f"{target}: cannot be written ({exc.strerror})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_bytes_atomic(data: bytes, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    with atomic_target(path, fmt) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text_atomic(text: str, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; return the path."""
    return write_bytes_atomic(text.encode("utf-8"), path, fmt)


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII, lower-case, hyphenated file-name part ("Stadhuis (Stopera)" → "stadhuis-stopera")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", ascii_text).strip("-").lower()
    return slug[:max_len].strip("-") or "scan"


def default_stem(site_name: str, what: str, when: datetime | None = None) -> str:
    """A default export name without extension: ``<site>-<what>-<yyyymmdd>``."""
    day = (when or datetime.now()).strftime("%Y%m%d")
    return f"{slugify(site_name)}-{slugify(what)}-{day}"


def default_filename(site_name: str, what: str, ext: str, when: datetime | None = None) -> str:
    """A default export file name: ``<site>-<what>-<yyyymmdd>.<ext>``."""
    return f"{default_stem(site_name, what, when)}.{ext.lstrip('.')}"
