"""Publish a scan to a PostGIS schema, and read it back.

:func:`publish_scan` writes every map layer (OSM layers and results, read-only for the
team), the street networks, the record layers (editable) and the metadata into one
new schema; :func:`read_scan` builds a :class:`~omgevingsscan.scan.Scan` from it with
the version of every record.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any

import geopandas as gpd
import networkx as nx
import numpy as np
import osmnx as ox
import pandas as pd
import psycopg
import shapely

from omgevingsscan.io.team import schema as sql
from omgevingsscan.io.team.db import TeamError, check_ident
from omgevingsscan.layers.base import VectorLayer, layer_class
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.scan import FORMAT_VERSION, Scan, Site, StudyArea

#: Record layer kinds every shared scan has a table for.
RECORD_KINDS = ("posts", "sightings", "annotations")
#: Frame columns that would clash with the table's own.
_RESERVED = {"fid", "geom"}


def srid_of(crs: str) -> int:
    """The EPSG code of a CRS text like "EPSG:28992" (the PostGIS SRID)."""
    auth, _, code = crs.partition(":")
    if auth.upper() != "EPSG" or not code.isdigit():
        raise TeamError(f"CRS {crs!r} has no EPSG code; PostGIS needs one")
    return int(code)


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (list, dict, set, tuple)):
        return json.dumps(sorted(value) if isinstance(value, set) else value, default=str)
    return value


def _as_json(value: Any) -> str | None:
    if isinstance(value, (list, dict, set, tuple)):
        return json.dumps(sorted(value) if isinstance(value, set) else value, default=str)
    value = _plain(value)
    return None if value is None else json.dumps(value, default=str)


def _json_columns(frame: pd.DataFrame) -> list[str]:
    return [
        str(c)
        for c in frame.columns
        if frame[c].dtype == object
        and any(isinstance(v, (list, dict, set, tuple)) for v in frame[c].to_numpy())
    ]


def _copy_frame(cur: psycopg.Cursor[Any], schema: str, table: str, frame: gpd.GeoDataFrame,
                srid: int) -> list[str]:  # fmt: skip
    """Create table ``table`` from ``frame`` and COPY its rows; return its JSON columns."""
    attrs = frame.drop(columns=[frame.geometry.name])
    attrs = attrs[[c for c in attrs.columns if str(c).lower() not in _RESERVED]]
    json_cols = _json_columns(attrs)
    types = sql.column_types(attrs)
    for col in json_cols:
        types[col] = "text"
    cur.execute(sql.layer_table_sql(schema, table, types, srid))
    names = ", ".join(sql.q(c) for c in types) + (", " if types else "") + "geom"
    geoms = shapely.set_srid(np.asarray(frame.geometry.to_numpy()), srid)
    hexes = shapely.to_wkb(geoms, hex=True, include_srid=True)
    columns = [
        [_as_json(v) for v in attrs[c].to_numpy(dtype=object)]
        if c in json_cols
        else attrs[c].to_numpy(dtype=object)
        for c in types
    ]
    with cur.copy(f"COPY {sql.q(schema)}.{sql.q(table)} ({names}) FROM STDIN") as copy:
        for i, ewkb in enumerate(hexes):
            copy.write_row([*(_plain(col[i]) for col in columns), ewkb])
    return json_cols


def publish_scan(conn: psycopg.Connection[Any], scan: Scan, schema: str, *,
                 replace: bool = False) -> dict[str, int]:  # fmt: skip
    """Write ``scan`` into a new schema ``schema`` in one transaction.

    Returns the row count per table. Raises TeamError when the schema exists and
    ``replace`` is false, or when the user may not create it.
    """
    check_ident(schema)
    srid = srid_of(scan.crs)
    counts: dict[str, int] = {}
    try:
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,))
            if cur.fetchone() is not None:
                if not replace:
                    raise TeamError(
                        f"schema {schema} already exists in the database; choose another "
                        "--schema or pass --replace"
                    )
                cur.execute(f"DROP SCHEMA {sql.q(schema)} CASCADE")
            cur.execute(sql.roles_sql())
            cur.execute(sql.base_sql(schema, srid))
            json_cols: dict[str, list[str]] = {}
            meta = scan.metadata()
            layers = list(scan.layers)
            for kind in RECORD_KINDS:  # every shared scan can take posts, sightings, notes
                if not any(getattr(x, "kind", "") == kind for x in layers):
                    layers.append(layer_class(kind)(kind, crs=scan.crs))
                    meta["layers"].append(layers[-1].state())
            for layer in layers:
                if isinstance(layer, RecordLayer):
                    rtype = layer.record_type
                    cur.execute(sql.record_table_sql(schema, layer.name, rtype, srid))
                    counts[layer.name] = insert_records(cur, schema, layer, srid)
                elif isinstance(layer, VectorLayer):
                    json_cols[layer.name] = _copy_frame(cur, schema, layer.name, layer.data, srid)
                    counts[layer.name] = len(layer.data)
            for mode, graph in scan.graphs.items():
                if graph.number_of_edges() == 0:
                    continue
                nodes, edges = ox.graph_to_gdfs(graph)
                for suffix, frame in (("nodes", nodes), ("edges", edges)):
                    table = f"network_{mode}_{suffix}"
                    json_cols[table] = _copy_frame(cur, schema, table, frame.reset_index(), srid)
                    counts[table] = len(frame)
            meta["list_columns"] = json_cols
            cur.execute(
                f"INSERT INTO {sql.q(schema)}.meta VALUES ('scan', %s)",
                (json.dumps(meta, default=str),),
            )
            cur.execute(sql.grants_sql(schema))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise TeamError(f"the database refused to create schema {schema}: {exc}") from exc
    return counts


def insert_records(cur: psycopg.Cursor[Any], schema: str, layer: RecordLayer[Any],
                   srid: int, editor: str = "") -> int:  # fmt: skip
    """Insert every record of ``layer`` into its table (version 1); return the count."""
    names = [name for name, _ in layer.record_type.COLUMNS]
    cols = ", ".join(sql.q(n) for n in names)
    marks = ", ".join(["%s"] * len(names))
    rows = [
        [*(r.to_row()[n] for n in names), editor, shapely.to_wkb(r.geometry, flavor="iso")]
        for r in layer
    ]
    cur.executemany(
        f"INSERT INTO {sql.q(schema)}.{sql.q(layer.name)} ({cols}, editor, geom) "
        f"VALUES ({marks}, %s, ST_GeomFromWKB(%s, {srid}))",
        rows,
    )
    return len(rows)


def read_meta(conn: psycopg.Connection[Any], schema: str) -> dict[str, Any]:
    """The scan metadata of schema ``schema`` (TeamError when it is not a shared scan)."""
    check_ident(schema)
    try:
        with conn.cursor() as cur:
            cur.execute(f"SELECT value FROM {sql.q(schema)}.meta WHERE key = 'scan'")
            row = cur.fetchone()
    except psycopg.errors.UndefinedTable as exc:
        conn.rollback()
        raise TeamError(f"schema {schema} holds no shared scan") from exc
    if row is None:
        raise TeamError(f"schema {schema} holds no scan metadata")
    meta = row[0]
    if int(meta.get("format_version", 0)) > FORMAT_VERSION:
        raise TeamError(f"schema {schema} was written by a newer omgevingsscan; update first")
    return dict(meta)


def read_frame(conn: psycopg.Connection[Any], schema: str, table: str, crs: str,
               json_cols: list[str]) -> gpd.GeoDataFrame:  # fmt: skip
    """A read-only layer table as a GeoDataFrame (without ``fid``)."""
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT *, ST_AsBinary(geom) AS __wkb FROM {sql.q(schema)}.{sql.q(table)} ORDER BY fid"
        )
        names = [d.name for d in cur.description or []]
        rows = cur.fetchall()
    frame = pd.DataFrame(rows, columns=names)
    geoms = shapely.from_wkb(frame.pop("__wkb").to_numpy()) if len(frame) else []
    frame = frame.drop(columns=["fid", "geom"])
    for col in json_cols:
        if col in frame:
            frame[col] = [json.loads(v) if isinstance(v, str) else v for v in frame[col]]
    for col in frame.columns:
        if len(frame) and isinstance(frame[col].iloc[0], datetime):
            frame[col] = pd.to_datetime(frame[col], utc=True)
    return gpd.GeoDataFrame(frame, geometry=list(geoms), crs=crs)


def read_scan(conn: psycopg.Connection[Any], schema: str,
              fetch_records: Any) -> tuple[Scan, dict[str, int]]:  # fmt: skip
    """Build the scan of ``schema``; ``fetch_records(table, kind)`` gives
    ``[(record, version), ...]``. Returns the scan and the version per record uuid."""
    meta = read_meta(conn, schema)
    json_cols: dict[str, list[str]] = meta.get("list_columns", {})
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
    versions: dict[str, int] = {}
    for state in meta["layers"]:
        name, cls = state["name"], layer_class(state["kind"])
        common = {
            "visible": state.get("visible", True),
            "opacity": state.get("opacity", 1.0),
            "style": state.get("style"),
        }
        if issubclass(cls, RecordLayer):
            pairs = fetch_records(name, state["kind"])
            versions.update((r.uuid, v) for r, v in pairs)
            scan.layers.append(cls(name, [r for r, _ in pairs], crs=scan.crs, **common))
        else:
            frame = read_frame(conn, schema, name, scan.crs, json_cols.get(name, []))
            scan.layers.append(cls(name, frame, **common))
    for mode in meta.get("graphs", []):
        ntable, etable = f"network_{mode}_nodes", f"network_{mode}_edges"
        if ntable not in json_cols:
            scan.graphs[mode] = nx.MultiDiGraph(crs=scan.crs)
            continue
        nodes = read_frame(conn, schema, ntable, scan.crs, json_cols[ntable]).set_index("osmid")
        edges = read_frame(conn, schema, etable, scan.crs, json_cols[etable])
        edges = edges.set_index(["u", "v", "key"])
        nodes.index = nodes.index.astype(np.int64)
        scan.graphs[mode] = ox.graph_from_gdfs(nodes, edges, graph_attrs={"crs": scan.crs})
    return scan, versions
