"""An ATAK data package (mission package) of a scan, for the observers' phones.

A zip that ATAK, WinTAK and iTAK import as it is (*Import → Local SD* or a tap on the
file): ``MANIFEST/manifest.xml`` (``MissionPackageManifest`` version 2) lists the
contents: ``posts.kml`` (the observation posts), ``routes.kml`` (the route layers),
``zones.kml`` (cordons, no-parking zones, meeting points, arrows and labels) and the
print map (PDF or PNG, made by the caller with the print layout). Layers a scan does
not have are left out. Coordinates are WGS84 (KML).
"""

from __future__ import annotations

import os
import tempfile
import uuid as uuid_mod
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from omgevingsscan.errors import ExportError
from omgevingsscan.export.data import kml_text, layers_of_kind
from omgevingsscan.scan import Scan

#: Layer kinds in each KML file of the package.
PACKAGE_FILES = {
    "posts.kml": ("posts",),
    "routes.kml": ("routes",),
    "zones.kml": ("annotations",),
}


def manifest_xml(name: str, uid: str, entries: list[str]) -> bytes:
    """The ``MANIFEST/manifest.xml`` text of a data package."""
    root = ET.Element("MissionPackageManifest", version="2")
    conf = ET.SubElement(root, "Configuration")
    for key, value in (("uid", uid), ("name", name), ("onReceiveDelete", "false")):
        ET.SubElement(conf, "Parameter", name=key, value=value)
    contents = ET.SubElement(root, "Contents")
    for entry in entries:
        ET.SubElement(contents, "Content", ignore="false", zipEntry=entry)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_data_package(scan: Scan, path: str | Path, print_map: str | Path | None = None,
                       name: str = "") -> Path:  # fmt: skip
    """Write the data package of ``scan`` to ``path`` (.zip); returns the path.

    Parameters
    ----------
    scan
        The scan (local CRS; KML is written in WGS84).
    path
        The zip file; it appears only when complete.
    print_map
        The print map (PDF/PNG) to include, or None.
    name
        The package name shown in ATAK (default: the site's name).

    Raises
    ------
    ExportError
        When the folder cannot be written or the print map is missing.
    """
    target = Path(path)
    if target.suffix.lower() != ".zip":
        raise ExportError(f"{target}: an ATAK data package is a .zip file")
    if not target.parent.exists():
        raise ExportError(f"{target}: folder does not exist")
    if print_map is not None and not Path(print_map).is_file():
        raise ExportError(f"{print_map}: print map not found")
    title = name or scan.site.name or "omgevingsscan"
    files: dict[str, bytes] = {}
    for entry, kinds in PACKAGE_FILES.items():
        names = [layer.name for layer in layers_of_kind(scan, kinds) if len(layer.data)]
        if names:
            files[entry] = kml_text(scan, names).encode("utf-8")
    if print_map is not None:
        files[f"map/{Path(print_map).name}"] = Path(print_map).read_bytes()
    uid = str(uuid_mod.uuid5(uuid_mod.NAMESPACE_URL, f"omgevingsscan:{title}:{scan.crs}"))
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".zip")
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("MANIFEST/manifest.xml", manifest_xml(title, uid, list(files)))
            for entry, data in files.items():
                zf.writestr(entry, data)
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
    return target
