"""Measured building heights: import 3D BAG tiles or any vector layer into a scan.

>>> report = import_3dbag(scan, ["9-284-556.gpkg"])        # doctest: +SKIP
>>> report = import_height_layer(scan, "gebouwen.shp", "hoogte")  # doctest: +SKIP

Each OSM building that finds a measured building (by ``ref:bag`` id, else by
footprint overlap, see :mod:`.join`) takes its height with the provenance of
:mod:`omgevingsscan.layers.heights`: rule ``measured``, the data set and date, an
uncertainty of ±0.5 m, the roof maximum and the absolute ground level. The buildings
layer gets new data (so cached visibility indexes are rebuilt) and the scan's
metadata lists the height sources (``scan.meta["height_sources"]``). No Qt here.

Modules: :mod:`.bag` (3D BAG GeoPackage/CityJSON), :mod:`.cityjson`, :mod:`.layer`
(any vector layer with a height or levels attribute), :mod:`.join`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from omgevingsscan.errors import AnalysisInputError, ImportCancelled
from omgevingsscan.io.heights.bag import normalise_bag_id, read_3dbag
from omgevingsscan.io.heights.join import MIN_IOU, Join, join_buildings
from omgevingsscan.io.heights.layer import height_fields, read_height_layer
from omgevingsscan.layers.heights import (
    LEVEL_SIGMA_M,
    MEASURED_SIGMA_M,
    RULE_LEVELS,
    RULE_MEASURED,
    with_provenance,
)
from omgevingsscan.scan import Scan

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
#: Name of the 3D BAG data set in provenance columns.
BAG_DATASET = "3D BAG"


@dataclass(frozen=True)
class HeightImport:
    """What an import did: the data set, how many buildings matched and how."""

    dataset: str
    files: list[str]
    read: int
    by_id: int
    by_overlap: int
    buildings: int
    date: str

    @property
    def matched(self) -> int:
        """Buildings that took a measured height."""
        return self.by_id + self.by_overlap

    def describe(self) -> str:
        """One line for the CLI and the status bar."""
        return (
            f"{self.dataset}: {self.read:,} measured buildings read; {self.matched:,} of "
            f"{self.buildings:,} scan buildings matched ({self.by_id:,} by id, "
            f"{self.by_overlap:,} by footprint overlap)"
        )


def _buildings(scan: Scan) -> gpd.GeoDataFrame:
    try:
        return scan.frame("buildings")
    except KeyError as exc:
        raise AnalysisInputError("the scan has no buildings layer to give heights to") from exc


def _apply(
    scan: Scan,
    measured: gpd.GeoDataFrame,
    join: Join,
    dataset: str,
    *,
    rule: str = RULE_MEASURED,
) -> None:
    """Write the matched heights and their provenance into the buildings layer."""
    frame = with_provenance(_buildings(scan))
    rows = join.row
    hit = np.flatnonzero(rows >= 0)
    src = rows[hit]
    height = frame["height"].to_numpy(dtype=float).copy()
    height[hit] = measured["height"].to_numpy(dtype=float)[src]
    frame["height"] = height
    for col, values in (
        ("height_source", [rule] * len(hit)),
        ("height_dataset", [dataset] * len(hit)),
        ("height_date", measured["height_date"].to_numpy()[src]),
    ):
        data = frame[col].to_numpy(dtype=object).copy()
        data[hit] = values
        frame[col] = data
    sigma = frame["height_sigma_m"].to_numpy(dtype=float).copy()
    if rule == RULE_LEVELS:
        sigma[hit] = LEVEL_SIGMA_M * measured["levels"].to_numpy(dtype=float)[src]
    else:
        sigma[hit] = MEASURED_SIGMA_M
    frame["height_sigma_m"] = sigma
    for col in ("height_max_m", "ground_m"):
        data = frame[col].to_numpy(dtype=float).copy()
        data[hit] = measured[col].to_numpy(dtype=float)[src] if col in measured else np.nan
        frame[col] = data
    join_col = (
        frame["height_join"].to_numpy(dtype=object).copy()
        if "height_join" in frame
        else (np.full(len(frame), None, dtype=object))
    )
    join_col[hit] = join.method[hit]
    frame["height_join"] = join_col
    scan.layer("buildings").data = frame


def _record(scan: Scan, report: HeightImport, kind: str) -> None:
    sources = [s for s in scan.meta.get("height_sources", []) if s.get("files") != report.files]
    entry = asdict(report)
    entry["kind"] = kind
    entry["imported_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    sources.append(entry)
    scan.meta["height_sources"] = sources


def import_3dbag(
    scan: Scan,
    paths: Sequence[str | Path],
    *,
    min_iou: float = MIN_IOU,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> HeightImport:
    """Give the scan's buildings the measured heights of one or more 3D BAG tiles.

    Parameters
    ----------
    scan
        The scan (its buildings layer is replaced by a copy with the new heights).
    paths
        3D BAG tiles: ``.gpkg``, ``.city.json`` or ``.city.jsonl``.
    min_iou
        Smallest footprint intersection over union for the overlap join.
    progress, cancelled
        ``progress(fraction, message)``; ``cancelled()`` True stops with ImportCancelled.

    Returns
    -------
    HeightImport

    Raises
    ------
    InputFileError
        A tile that cannot be read (the message names it).
    """
    report = progress or (lambda _f, _m: None)
    stop = cancelled or (lambda: False)
    if not paths:
        raise AnalysisInputError("no 3D BAG file given")
    frames = []
    for k, path in enumerate(paths):
        if stop():
            raise ImportCancelled("height import cancelled")
        report(0.8 * k / len(paths), f"Reading {Path(path).name}")
        frames.append(read_3dbag(path, scan.crs))
    measured = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=scan.crs)
    measured = measured.drop_duplicates("bag_id").reset_index(drop=True)
    if stop():
        raise ImportCancelled("height import cancelled")
    report(0.85, "Matching buildings")
    buildings = _buildings(scan)
    join = join_buildings(buildings, measured, id_column="bag_id", min_iou=min_iou)
    _apply(scan, measured, join, BAG_DATASET)
    dates = sorted({str(d) for d in measured["height_date"]}) or [""]
    result = HeightImport(
        BAG_DATASET,
        [str(p) for p in paths],
        len(measured),
        join.by_id,
        join.by_overlap,
        len(buildings),
        dates[-1] if len(dates) == 1 else f"{dates[0]}–{dates[-1]}",
    )
    _record(scan, result, "3dbag")
    report(1.0, "Done")
    return result


def import_height_layer(
    scan: Scan,
    path: str | Path,
    field: str,
    *,
    levels: bool = False,
    id_field: str | None = None,
    layer: str | None = None,
    dataset: str | None = None,
    date: str | None = None,
    min_iou: float = MIN_IOU,
) -> HeightImport:
    """Give the scan's buildings the heights of any vector layer.

    Parameters
    ----------
    path, field
        The file and its attribute with heights in metres above ground (storeys
        when ``levels``: those heights keep the rule "levels" and ±1.5 m a storey).
    id_field
        Optional attribute with BAG numbers or OSM ids (else overlap only).
    dataset, date
        Provenance label (default: the file name) and date (default: file date).

    Returns
    -------
    HeightImport
    """
    p = Path(path)
    measured = read_height_layer(p, field, scan.crs, levels=levels, id_field=id_field, layer=layer)
    label = dataset or p.name
    when = date or dt.date.fromtimestamp(p.stat().st_mtime).isoformat()
    measured["height_date"] = when
    buildings = _buildings(scan)
    join = join_buildings(
        buildings, measured, id_column="id" if id_field else None, min_iou=min_iou
    )
    _apply(scan, measured, join, label, rule=RULE_LEVELS if levels else RULE_MEASURED)
    result = HeightImport(
        label, [str(p)], len(measured), join.by_id, join.by_overlap, len(buildings), when
    )
    _record(scan, result, "layer")
    return result


def height_sources(scan: Scan) -> list[dict[str, Any]]:
    """The height imports recorded in the scan, oldest first."""
    return list(scan.meta.get("height_sources", []))


__all__ = [
    "BAG_DATASET",
    "MIN_IOU",
    "HeightImport",
    "Join",
    "height_fields",
    "height_sources",
    "import_3dbag",
    "import_height_layer",
    "join_buildings",
    "normalise_bag_id",
    "read_3dbag",
    "read_height_layer",
    "stale_results",
]


def stale_results(scan: Scan) -> list[str]:
    """Names of result layers computed on other building heights than the scan's now
    (their ``height_sources`` differ, e.g. made before measured heights came in)."""
    from omgevingsscan.layers.heights import sources_key

    try:
        now = sources_key(scan.frame("buildings"))
    except KeyError:
        return []
    out = []
    for layer in scan.layers:
        data = getattr(layer, "data", None)
        if layer.name == "buildings" or data is None or "height_sources" not in data:
            continue
        used = {str(v) for v in data["height_sources"].dropna().unique()}
        if used and used != {now}:
            out.append(layer.name)
    return out
