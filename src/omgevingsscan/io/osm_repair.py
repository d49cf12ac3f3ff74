"""Repair extracts whose ways lost nodes, and count what could not be kept.

Extracts cut out of a bigger file by a bounding box (most download services, ``osmium
extract --strategy simple``, a clip in a GIS) keep ways that cross the box edge with
all their node references, but drop the nodes outside the box. Some files lose more
(broken downloads, hand edits). GDAL's OSM driver then builds rings of two points and
the whole read fails, so before GDAL sees the file:

1. one pass with node locations (libosmium, C++; only ways reach Python) finds the ways
   that reference a node the file does not hold;
2. only when there are such ways: a second pass writes a repaired PBF in which they
   keep the nodes that exist, closed ways are closed again, and ways left with too few
   nodes (fewer than 2, or fewer than 3 distinct for a closed way) are dropped.

What is dropped is counted by the layer it would have gone to (buildings, roads, ...),
for the ways that still have a node in the study box. The figures are stored in the
scan's metadata (``scan.meta["import"]``) and shown by ``new``, ``info``, the GUI and
the report; :func:`import_figures` reads them back.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import osmium
from osmium.filter import EntityFilter

from omgevingsscan.errors import ImportCancelled, InputFileError
from omgevingsscan.io.osm_file import OSMIUM_ERRORS
from omgevingsscan.io.osm_tags import layer_of_tags

#: Key of the import figures in ``Scan.meta``.
META_KEY = "import"


@dataclass
class RepairReport:
    """What the import had to repair or leave out.

    Attributes
    ----------
    missing_refs
        Way-node references to nodes the file does not hold.
    ways_repaired
        Ways kept with fewer nodes (and closed again where they were closed).
    dropped
        Features left out, by layer name (ways with too few nodes, and geometries that
        could not be made valid).
    invalid_fixed
        Polygons made valid with ``shapely.make_valid`` (by layer name).
    """

    missing_refs: int = 0
    ways_repaired: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    invalid_fixed: Counter[str] = field(default_factory=Counter)

    def as_meta(self) -> dict[str, Any]:
        """JSON-able figures for ``Scan.meta``."""
        return {
            "missing_node_refs": self.missing_refs,
            "ways_repaired": self.ways_repaired,
            "dropped": dict(sorted(self.dropped.items())),
            "invalid_fixed": dict(sorted(self.invalid_fixed.items())),
        }


def _in_box(lon: float, lat: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def _repaired_refs(refs: list[int], valid: list[bool]) -> list[int] | None:
    """The refs that still exist, closed again if the way was closed; None when too few."""
    kept = [r for r, ok in zip(refs, valid) if ok]
    closed = len(refs) > 2 and refs[0] == refs[-1]
    if closed:
        distinct = list(dict.fromkeys(kept))
        if len(distinct) < 3:
            return None
        return [*distinct, distinct[0]]
    return kept if len(set(kept)) >= 2 else None


@contextmanager
def repair_ways(
    pbf: str | Path,
    box: tuple[float, float, float, float],
    report: RepairReport,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Path]:
    """Yield ``pbf`` itself, or a repaired temporary PBF when ways reference lost nodes.

    Parameters
    ----------
    pbf
        An OSM PBF file (small: the study area's extract or a small file).
    box
        WGS84 (west, south, east, north) degrees: dropped ways with a node in it are
        counted in ``report``.
    report
        Filled with the figures.
    cancelled
        Polled; True stops with ImportCancelled.

    Raises
    ------
    InputFileError
        When libosmium cannot read the file.
    """
    is_cancelled = cancelled or (lambda: False)
    broken: dict[int, list[int] | None] = {}
    try:
        fp = osmium.FileProcessor(str(pbf)).with_locations("flex_mem")
        fp = fp.with_filter(EntityFilter(osmium.osm.WAY))
        for count, way in enumerate(fp):
            if count % 2000 == 0 and is_cancelled():
                raise ImportCancelled("import cancelled")
            valid = [n.location.valid() for n in way.nodes]
            if all(valid):
                continue
            refs = [n.ref for n in way.nodes]
            report.missing_refs += valid.count(False)
            fixed = _repaired_refs(refs, valid)
            broken[way.id] = fixed
            if fixed is not None:
                report.ways_repaired += 1
                continue
            seen = any(
                ok and _in_box(n.lon, n.lat, box) for n, ok in zip(way.nodes, valid, strict=True)
            )
            layer = layer_of_tags(dict(way.tags))
            if seen and layer is not None:
                report.dropped[layer] += 1
    except OSMIUM_ERRORS as exc:
        raise InputFileError(pbf, f"truncated or not valid OSM data ({exc})") from exc
    if not broken:
        yield Path(pbf)
        return
    fd, tmp = tempfile.mkstemp(suffix=".osm.pbf", prefix="omgevingsscan-repaired-")
    os.close(fd)
    os.unlink(tmp)
    try:
        _write_repaired(Path(pbf), Path(tmp), broken)
        yield Path(tmp)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_repaired(src: Path, dst: Path, broken: Mapping[int, list[int] | None]) -> None:
    reader = osmium.io.Reader(str(src), osmium.osm.osm_entity_bits.NOTHING)
    try:
        header = reader.header()
    finally:
        reader.close()
    mutable = osmium.osm.mutable
    try:
        with osmium.SimpleWriter(str(dst), header=header) as writer:
            for obj in osmium.FileProcessor(str(src)):
                if obj.is_node():
                    writer.add_node(obj)
                elif obj.is_way():
                    if obj.id not in broken:
                        writer.add_way(obj)
                    elif (refs := broken[obj.id]) is not None:
                        writer.add_way(mutable.Way(base=obj, nodes=refs))
                elif obj.is_relation():
                    writer.add_relation(obj)
    except OSMIUM_ERRORS as exc:
        raise InputFileError(src, f"truncated or not valid OSM data ({exc})") from exc


def import_figures(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The import figures stored in a scan's ``meta`` (empty figures for older scans).

    Returns
    -------
    dict
        ``dropped`` (layer → features left out), ``dropped_total``, ``invalid_fixed``
        (layer → polygons made valid), ``ways_repaired`` and ``missing_node_refs``.
    """
    raw = meta.get(META_KEY) or {}
    dropped = {str(k): int(v) for k, v in (raw.get("dropped") or {}).items() if int(v)}
    fixed = {str(k): int(v) for k, v in (raw.get("invalid_fixed") or {}).items() if int(v)}
    return {
        "dropped": dropped,
        "dropped_total": sum(dropped.values()),
        "invalid_fixed": fixed,
        "ways_repaired": int(raw.get("ways_repaired", 0)),
        "missing_node_refs": int(raw.get("missing_node_refs", 0)),
    }


def figures_line(meta: Mapping[str, Any]) -> str | None:
    """One English line about what the import dropped or repaired, or None if nothing."""
    fig = import_figures(meta)
    parts = []
    if fig["dropped_total"]:
        by_layer = ", ".join(f"{k} {v}" for k, v in fig["dropped"].items())
        parts.append(f"dropped {fig['dropped_total']} broken features ({by_layer})")
    if fig["ways_repaired"]:
        parts.append(f"repaired {fig['ways_repaired']} ways with missing nodes")
    n_fixed = sum(fig["invalid_fixed"].values())
    if n_fixed:
        parts.append(f"made {n_fixed} invalid polygons valid")
    return "; ".join(parts) if parts else None
