"""The project file: one GeoPackage per scan, that QGIS opens as it is.

Every vector layer is a table with the scan's CRS. The street networks are stored as
``network_<mode>_nodes`` / ``network_<mode>_edges`` tables. One attributes table,
``omgevingsscan_meta``, holds the site, radius, CRS, data source, import date, layer
styles, the last view and the format version, as JSON.

Saving is atomic: the file is written next to the target under a temporary name,
flushed to disk and then moved over it with ``os.replace``, so a crash never leaves
half a project.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import geopandas as gpd
import networkx as nx
import numpy as np
import osmnx as ox
import pandas as pd
import pyogrio
from shapely.errors import ShapelyError

from omgevingsscan.errors import InputFileError, NewerFormatError, NotAScanError
from omgevingsscan.io.gpkg_records import write_record_tables
from omgevingsscan.io.journal import release_file
from omgevingsscan.io.safe_files import commit_file, temp_beside
from omgevingsscan.io.terrain import keep_terrain
from omgevingsscan.layers.base import VectorLayer, layer_class
from omgevingsscan.layers.names import is_table_name, table_name
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.layers.validity import make_frame_valid
from omgevingsscan.scan import FORMAT_VERSION, Scan, Site, StudyArea

META_TABLE = "omgevingsscan_meta"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _network_tables(mode: str) -> tuple[str, str]:
    return f"network_{mode}_nodes", f"network_{mode}_edges"


def _jsonify_lists(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Turn list/dict cells into JSON text; return the frame and the columns changed."""
    frame = frame.copy()
    changed = []
    for col in frame.columns:
        if col == "geometry" or frame[col].dtype != object:
            continue
        values = frame[col].to_numpy()
        if any(isinstance(v, (list, dict, set, tuple)) for v in values):
            frame[col] = [
                json.dumps(sorted(v) if isinstance(v, set) else v, default=str)
                if isinstance(v, (list, dict, set, tuple))
                else (json.dumps(v, default=str) if v is not None and v == v else None)
                for v in values
            ]
            changed.append(col)
    return frame, changed


def _unjsonify(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        if col in frame:
            frame[col] = [json.loads(v) if isinstance(v, str) else v for v in frame[col]]
    return frame


def _write_frame(frame: gpd.GeoDataFrame, path: Path, table: str) -> None:
    kwargs: dict[str, Any] = {"driver": "GPKG", "layer": table}
    if frame.empty:
        kwargs["geometry_type"] = "Unknown"
    else:
        kinds = set(frame.geom_type.dropna())
        if len(kinds) > 1:
            kwargs["geometry_type"] = "Unknown"
            kwargs["promote_to_multi"] = False
    pyogrio.write_dataframe(frame, path, **kwargs)


def save_scan(scan: Scan, path: str | Path, *, backup: bool = False) -> Path:
    """Write ``scan`` to the GeoPackage ``path`` atomically; return the path.

    The file is written under a temporary name in the same folder, flushed to disk and
    renamed over ``path`` (:func:`omgevingsscan.io.safe_files.commit_file`), so ``path``
    is always either the old scan or the whole new one. With ``backup``, an existing
    ``path`` is kept as ``path.bak``.

    Raises
    ------
    InputFileError
        When the folder cannot be written.
    """
    target = Path(path)
    try:
        keep_terrain(scan, target)  # the DEM window goes to the sidecar the scan names
        with temp_beside(target, ".gpkg") as tmp:
            _write_scan(scan, tmp)
            release_file(target)  # close edit-store connections: no write-ahead log may outlive it
            commit_file(tmp, target, backup=backup)
    except PermissionError as exc:
        raise InputFileError(target, f"cannot be written ({exc.strerror})") from exc
    return target


def _write_scan(scan: Scan, tmp: Path) -> None:
    meta = scan.metadata()
    list_columns: dict[str, list[str]] = {}
    for layer in scan.layers:
        # Record layers (posts, sightings, ...) get their own tables, written below.
        if isinstance(layer, VectorLayer) and not isinstance(layer, RecordLayer):
            frame, changed = _jsonify_lists(layer.data)
            list_columns[layer.name] = changed
            _write_frame(frame, tmp, layer.name)
    for mode, graph in scan.graphs.items():
        if graph.number_of_edges() == 0:
            continue
        nodes, edges = ox.graph_to_gdfs(graph)
        ntable, etable = _network_tables(mode)
        nodes_f, nchanged = _jsonify_lists(nodes.reset_index())
        edges_f, echanged = _jsonify_lists(edges.reset_index())
        list_columns[ntable], list_columns[etable] = nchanged, echanged
        _write_frame(nodes_f, tmp, ntable)
        _write_frame(edges_f, tmp, etable)
    meta["list_columns"] = list_columns
    meta_frame = pd.DataFrame({"key": ["scan"], "value": [json.dumps(meta, default=str)]})
    pyogrio.write_dataframe(meta_frame, tmp, layer=META_TABLE, driver="GPKG")
    write_record_tables(tmp, scan.layers, scan.crs)


def read_metadata(path: str | Path) -> dict[str, Any]:
    """Read and check the metadata of a scan file.

    Raises
    ------
    InputFileError
        Missing or empty file.
    NotAScanError
        Not a GeoPackage, or a GeoPackage without omgevingsscan metadata.
    NewerFormatError
        Written by a newer version of the format.
    """
    p = Path(path)
    if not p.exists():
        raise InputFileError(p, "file not found")
    if p.stat().st_size == 0:
        raise InputFileError(p, "file is empty")
    with open(p, "rb") as fh:
        if fh.read(16) != _SQLITE_MAGIC:
            raise NotAScanError(p, "not a GeoPackage (not an SQLite database)")
    try:
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            row = con.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'scan'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise NotAScanError(p, f"not an omgevingsscan project ({exc})") from exc
    if row is None:
        raise NotAScanError(p, "not an omgevingsscan project (metadata row missing)")
    try:
        meta = json.loads(row[0])
    except ValueError as exc:
        raise NotAScanError(p, "scan metadata is not valid JSON") from exc
    if not isinstance(meta, dict):
        raise NotAScanError(p, "scan metadata is not a JSON object")
    try:
        version = int(meta.get("format_version", 0))
    except (TypeError, ValueError) as exc:
        raise NotAScanError(
            p, f"format version {meta.get('format_version')!r} is not a number"
        ) from exc
    if version > FORMAT_VERSION:
        raise NewerFormatError(
            p,
            f"made by a newer omgevingsscan (format {version}; this version reads up to "
            f"{FORMAT_VERSION}); update the program to open it",
        )
    return meta


def _read_table(path: Path, table: str, list_cols: list[str]) -> gpd.GeoDataFrame:
    try:
        frame = pyogrio.read_dataframe(path, layer=table)
    except (RuntimeError, ShapelyError) as exc:  # pyogrio's errors are RuntimeErrors
        raise InputFileError(path, f"layer table {table!r} is damaged ({exc})") from exc
    return _unjsonify(frame, list_cols)


def _current_name(name: str, scan: Scan) -> str:
    """A table name of an older scan ("Sight line") under today's rule ("sightline")."""
    if is_table_name(name):
        return name
    new = table_name(name)
    taken = set(scan.layers.names())
    candidate, n = new, 2
    while candidate in taken:
        candidate, n = f"{new}_{n}", n + 1
    return candidate


def load_scan(path: str | Path) -> Scan:
    """Open a scan GeoPackage and restore layers, styles, site, view and networks.

    Raises the errors of :func:`read_metadata`, and InputFileError for a damaged file.
    """
    p = Path(path)
    meta = read_metadata(p)
    release_file(p)  # GDAL's own SQLite must not read under an open edit-store connection
    list_columns: dict[str, list[str]] = meta.get("list_columns", {})
    try:
        site = Site(**meta["site"])
        scan = Scan(
            site=site,
            study_area=StudyArea((site.x, site.y), meta["radius_m"]),
            crs=meta["crs"],
            source=meta.get("source", ""),
            imported_at=meta.get("imported_at", ""),
            data_date=meta.get("data_date"),
            coverage=float(meta.get("coverage", 1.0)),
            view=dict(meta.get("view") or {}),
            meta=dict(meta.get("meta") or {}),
        )
        tables = set(pyogrio.list_layers(p)[:, 0])
        for state in meta["layers"]:
            name = state["name"]
            if name not in tables:
                raise InputFileError(p, f"layer table {name!r} is missing")
            frame = _read_table(p, name, list_columns.get(name, []))
            if frame.crs is None:
                frame = frame.set_crs(scan.crs)
            frame = make_frame_valid(frame)  # scans saved before the import repaired them
            cls = layer_class(state["kind"])
            layer = cls(
                _current_name(name, scan),
                frame,
                visible=state.get("visible", True),
                opacity=state.get("opacity", 1.0),
                style=state.get("style"),
            )
            scan.layers.append(layer)
        for mode in meta.get("graphs", []):
            ntable, etable = _network_tables(mode)
            if ntable not in tables:
                scan.graphs[mode] = nx.MultiDiGraph(crs=scan.crs)
                continue
            nodes = _read_table(p, ntable, list_columns.get(ntable, [])).set_index("osmid")
            edges = _read_table(p, etable, list_columns.get(etable, []))
            edges = edges.set_index(["u", "v", "key"])
            nodes.index = nodes.index.astype(np.int64)
            scan.graphs[mode] = ox.graph_from_gdfs(nodes, edges, graph_attrs={"crs": scan.crs})
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, InputFileError):
            raise
        raise InputFileError(p, f"damaged scan metadata ({exc})") from exc
    return scan
