"""Checking OSM input files, and turning any OSM file into a PBF that GDAL can read.

Accepted: ``.osm``, ``.osm.bz2``, ``.osm.gz`` (XML) and ``.osm.pbf`` / ``.pbf``. XML is
refused when its prolog declares a DTD or entities, so there is no entity expansion
and no external entity. XML is converted to a temporary PBF by libosmium (pyosmium)
in C++, streaming; PBF files are used as they are.
"""

from __future__ import annotations

import bz2
import gzip
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import osmium

from omgevingsscan.errors import InputFileError, UnsupportedFileError

#: File name endings the OSM reader accepts, with the format each one means.
OSM_SUFFIXES: dict[str, str] = {
    ".osm.pbf": "pbf",
    ".pbf": "pbf",
    ".osm.bz2": "xml.bz2",
    ".osm.gz": "xml.gz",
    ".osm": "xml",
}

_PROLOG_BYTES = 64 * 1024
#: What libosmium raises on bad data: parse errors, bad timestamps, bad coordinates.
OSMIUM_ERRORS = (RuntimeError, ValueError, osmium.InvalidLocationError)


@dataclass(frozen=True)
class Bounds:
    """A WGS84 box in degrees."""

    west: float
    south: float
    east: float
    north: float

    def as_tuple(self) -> tuple[float, float, float, float]:
        """Return ``(west, south, east, north)`` in degrees."""
        return (self.west, self.south, self.east, self.north)


def osm_format(path: str | Path) -> str:
    """Return "pbf", "xml", "xml.bz2" or "xml.gz" for ``path``, or raise UnsupportedFileError."""
    name = Path(path).name.lower()
    for suffix, fmt in OSM_SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    supported = ", ".join(OSM_SUFFIXES)
    raise UnsupportedFileError(path, f"don't know how to open this file; supported: {supported}")


def _open_xml(path: Path, fmt: str):  # type: ignore[no-untyped-def]
    if fmt == "xml.bz2":
        return bz2.open(path, "rb")
    if fmt == "xml.gz":
        return gzip.open(path, "rb")
    return open(path, "rb")


def check_osm_file(path: str | Path) -> str:
    """Check that ``path`` is a readable, non-empty, safe OSM file; return its format.

    Raises
    ------
    InputFileError
        Missing, empty, unreadable, not OSM, or XML with DTD/entity declarations.
    UnsupportedFileError
        An unknown file type.
    """
    p = Path(path)
    fmt = osm_format(p)
    if not p.exists():
        raise InputFileError(p, "file not found")
    if p.is_dir():
        raise InputFileError(p, "is a folder, not an OSM file")
    if p.stat().st_size == 0:
        raise InputFileError(p, "file is empty")
    if fmt == "pbf":
        with open(p, "rb") as fh:
            head = fh.read(64)
        if b"OSMHeader" not in head:
            raise InputFileError(p, "not an OSM PBF file (no OSMHeader block)")
        return fmt
    try:
        with _open_xml(p, fmt) as fh:
            prolog = fh.read(_PROLOG_BYTES)
    except (OSError, EOFError) as exc:
        raise InputFileError(p, f"cannot be decompressed or read ({exc})") from exc
    if not prolog.strip():
        raise InputFileError(p, "file holds no data")
    root = prolog.find(b"<osm")
    head = prolog if root < 0 else prolog[:root]
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise InputFileError(p, "XML declares a DTD or entities; refused for safety")
    if root < 0:
        raise InputFileError(p, "not OpenStreetMap XML (no <osm> root element)")
    return fmt


def read_bounds(path: str | Path) -> Bounds | None:
    """Return the ``<bounds>`` box of the file header (WGS84 degrees), or None if absent."""
    try:
        reader = osmium.io.Reader(str(path), osmium.osm.osm_entity_bits.NOTHING)
    except OSMIUM_ERRORS as exc:
        raise InputFileError(path, f"cannot be read as OSM ({exc})") from exc
    try:
        box = reader.header().box()
    except OSMIUM_ERRORS as exc:
        raise InputFileError(path, f"truncated or not valid OSM data ({exc})") from exc
    finally:
        with suppress(RuntimeError):
            reader.close()
    if not box.valid():
        return None
    return Bounds(box.bottom_left.lon, box.bottom_left.lat, box.top_right.lon, box.top_right.lat)


@contextmanager
def as_pbf(path: str | Path) -> Iterator[Path]:
    """Yield a PBF path for any accepted OSM file; XML is converted to a temporary PBF.

    The conversion runs in libosmium (C++), streaming, so memory stays bounded.
    The temporary file is removed on exit.

    Raises
    ------
    InputFileError
        When the file is truncated or not valid OSM.
    """
    p = Path(path)
    fmt = check_osm_file(p)
    if fmt == "pbf":
        yield p
        return
    fd, tmp = tempfile.mkstemp(suffix=".osm.pbf", prefix="omgevingsscan-")
    os.close(fd)
    os.unlink(tmp)
    try:
        header = osmium.io.Header()
        bounds = read_bounds(p)
        if bounds is not None:
            header.add_box(osmium.osm.Box(bounds.west, bounds.south, bounds.east, bounds.north))
        try:
            writer = osmium.SimpleWriter(tmp, header=header)
            try:
                osmium.apply(str(p), writer)
            finally:
                writer.close()
        except OSMIUM_ERRORS as exc:
            raise InputFileError(p, f"truncated or not valid OSM data ({exc})") from exc
        yield Path(tmp)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
