"""What changed between two scans of the same site (a repeat scan, after an incident).

:func:`diff_scans` compares an older and a newer scan inside the newer scan's study
area: buildings, paths, barriers and cameras added or removed (matched on their OSM
id), exposed ground gained or lost (the exposure layers' symmetric difference), and
findings opened or resolved (matched on their uuid). Geometries are in the newer
scan's local metric CRS (metres); the older scan is reprojected when its CRS differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.findings import ChangesLayer, Finding, FindingsLayer
from omgevingsscan.scan import Scan

#: Compared base layers: ``what`` → (layer name, filter column, filter value or None).
FEATURES: dict[str, tuple[str, str | None, str | None]] = {
    "building": ("buildings", None, None),
    "path": ("paths", None, None),
    "barrier": ("barriers", None, None),
    "camera": ("poi", "category", "camera"),
}
#: Smallest gained or lost patch of exposed ground reported, square metres.
MIN_EXPOSURE_M2 = 5.0


@dataclass(frozen=True)
class Change:
    """One change: ``what`` changed (building, path, barrier, camera, exposure, finding),
    the ``change`` (added, removed, gained, lost, opened, resolved), a reference (OSM id,
    finding number) and a name; ``geometry`` in the newer scan's CRS."""

    what: str
    change: str
    ref: str
    name: str
    geometry: BaseGeometry
    area_m2: float = 0.0


@dataclass
class ScanDiff:
    """The changes between ``old`` and ``new`` (their file names or site names)."""

    old: str
    new: str
    changes: list[Change] = field(default_factory=list)
    exposure_old_m2: float | None = None
    exposure_new_m2: float | None = None

    def of(self, what: str, change: str | None = None) -> list[Change]:
        """The changes of one kind (and one change type)."""
        return [
            c for c in self.changes if c.what == what and (change is None or c.change == change)
        ]

    def counts(self) -> dict[str, int]:
        """``{"building added": 2, ...}`` for every kind of change that occurred."""
        out: dict[str, int] = {}
        for c in self.changes:
            key = f"{c.what} {c.change}"
            out[key] = out.get(key, 0) + 1
        return out

    def to_dict(self) -> dict[str, object]:
        """JSON-able form."""
        return {
            "old": self.old,
            "new": self.new,
            "counts": self.counts(),
            "exposure_m2": {"old": self.exposure_old_m2, "new": self.exposure_new_m2},
            "changes": [
                {
                    "what": c.what,
                    "change": c.change,
                    "ref": c.ref,
                    "name": c.name,
                    "area_m2": round(c.area_m2, 1),
                }
                for c in self.changes
            ],
        }

    def frame(self, crs: str) -> gpd.GeoDataFrame:
        """The changes as a GeoDataFrame (what, change, ref, name, area_m2)."""
        return gpd.GeoDataFrame(
            pd.DataFrame(
                {
                    "what": [c.what for c in self.changes],
                    "change": [c.change for c in self.changes],
                    "ref": [c.ref for c in self.changes],
                    "name": [c.name for c in self.changes],
                    "area_m2": [c.area_m2 for c in self.changes],
                }
            ),
            geometry=[c.geometry for c in self.changes],
            crs=crs,
        )

    def layer(self, crs: str, name: str = "changes") -> ChangesLayer:
        """A map layer of the changes."""
        return ChangesLayer(name, self.frame(crs))


def _frame(scan: Scan, name: str, crs: str) -> gpd.GeoDataFrame | None:
    layer = scan.layers.get(name)
    if not isinstance(layer, VectorLayer):
        return None
    frame = layer.data
    if frame.crs is not None and str(frame.crs) != crs and len(frame):
        frame = frame.to_crs(crs)
    return frame


def _features(
    scan: Scan, what: str, crs: str, area: BaseGeometry
) -> dict[str, tuple[str, BaseGeometry]]:
    name, column, value = FEATURES[what]
    frame = _frame(scan, name, crs)
    if frame is None or frame.empty or "osm_id" not in frame:
        return {}
    if column is not None:
        frame = frame[frame[column].astype(str) == value]
    frame = frame[frame.geometry.notna()]
    frame = frame[frame.geometry.intersects(area)]
    names = frame["name"].fillna("").astype(str) if "name" in frame else [""] * len(frame)
    return {
        str(osm): (str(n), geom)
        for osm, n, geom in zip(frame["osm_id"], names, frame.geometry, strict=True)
    }


def _exposure(scan: Scan, crs: str) -> BaseGeometry | None:
    parts = []
    for layer in scan.layers:
        if isinstance(layer, VectorLayer) and layer.kind == "exposure":
            frame = _frame(scan, layer.name, crs)
            if frame is not None:
                parts += [shapely.make_valid(g) for g in frame.geometry if g is not None]
    return shapely.union_all(parts) if parts else None


def _findings(scan: Scan) -> dict[str, Finding]:
    layer = scan.layers.get("findings")
    return {f.uuid: f for f in layer} if isinstance(layer, FindingsLayer) else {}


def diff_scans(old: Scan, new: Scan, *, old_name: str = "", new_name: str = "") -> ScanDiff:
    """Compare ``old`` with ``new`` inside ``new``'s study area; see the module docstring."""
    crs = new.crs
    area = new.study_area.polygon
    result = ScanDiff(old_name or old.site.name, new_name or new.site.name)
    for what in FEATURES:
        before, after = _features(old, what, crs, area), _features(new, what, crs, area)
        for ref in sorted(after.keys() - before.keys()):
            result.changes.append(Change(what, "added", ref, *after[ref]))
        for ref in sorted(before.keys() - after.keys()):
            result.changes.append(Change(what, "removed", ref, *before[ref]))
    ex_old, ex_new = _exposure(old, crs), _exposure(new, crs)
    result.exposure_old_m2 = None if ex_old is None else float(ex_old.area)
    result.exposure_new_m2 = None if ex_new is None else float(ex_new.area)
    if ex_old is not None and ex_new is not None:
        for change, geom in (
            ("gained", ex_new.difference(ex_old)),
            ("lost", ex_old.difference(ex_new)),
        ):
            for i, part in enumerate(getattr(geom, "geoms", [geom]), start=1):
                if part.geom_type == "Polygon" and part.area >= MIN_EXPOSURE_M2:
                    result.changes.append(
                        Change("exposure", change, f"{change} {i}", "", part, float(part.area))
                    )
    f_old, f_new = _findings(old), _findings(new)
    for uuid, f in sorted(f_new.items(), key=lambda kv: kv[1].number):
        before = f_old.get(uuid)
        was_open = before is not None and before.status in ("open", "accepted")
        if f.status in ("open", "accepted") and not was_open:
            result.changes.append(Change("finding", "opened", str(f.number), f.title, f.geometry))
        elif f.status == "resolved" and (before is None or before.status != "resolved"):
            result.changes.append(Change("finding", "resolved", str(f.number), f.title, f.geometry))
    return result


def diff_files(old: str | Path, new: str | Path) -> tuple[ScanDiff, Scan]:
    """Load two scan files and compare them; returns the diff and the newer scan."""
    from omgevingsscan.io.project import load_scan

    a, b = load_scan(old), load_scan(new)
    return diff_scans(a, b, old_name=Path(old).name, new_name=Path(new).name), b
