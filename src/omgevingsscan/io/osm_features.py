"""OSM features to classified layers, read by GDAL's OSM driver (through pyogrio).

GDAL reads PBF in C++ with a spatial filter, so a large regional file is streamed and
only what lies in the box reaches Python. Every tag is kept (``all_tags``), parsed
here into typed columns and a JSON ``tags`` column for the feature inspector.

All output frames are in the scan's local metric CRS and hold only features that
intersect the study area.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely.geometry.base import BaseGeometry

from omgevingsscan.errors import InputFileError
from omgevingsscan.io.osm_tags import (
    LINE_LAYERS,
    is_building,
    is_landuse,
    is_water,
    layer_of_tags,
)
from omgevingsscan.layers.heights import estimate_height
from omgevingsscan.layers.validity import valid_geometries

_HSTORE = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')

#: Layer names the import produces, in drawing order (bottom first).
OSM_LAYER_NAMES = (
    "landuse",
    "water",
    "roads",
    "paths",
    "railways",
    "barriers",
    "buildings",
    "addresses",
    "poi",
)


def osmconf_path() -> Path:
    """Return the bundled GDAL OSM driver configuration (keeps all tags)."""
    return Path(str(resources.files("omgevingsscan.resources").joinpath("osmconf.ini")))


def parse_hstore(text: object) -> dict[str, str]:
    """Parse GDAL's hstore text (``"k"=>"v","k2"=>"v2"``) into a dict."""
    if not isinstance(text, str) or not text:
        return {}
    return {
        k.replace('\\"', '"').replace("\\\\", "\\"): v.replace('\\"', '"').replace("\\\\", "\\")
        for k, v in _HSTORE.findall(text)
    }


def read_osm_frames(
    pbf: str | Path, bbox_wgs84: tuple[float, float, float, float]
) -> dict[str, gpd.GeoDataFrame]:
    """Read GDAL's OSM layers (points, lines, multipolygons) inside a WGS84 box.

    Returns frames in EPSG:4326 with columns ``osm_id`` (like "n123", "w45", "r6"),
    ``tags`` (dict) and geometry. A geometry GDAL built but that cannot be a geometry
    (a ring of two points) is None; unclosed rings are closed.
    """
    out: dict[str, gpd.GeoDataFrame] = {}
    conf = str(osmconf_path())
    for layer in ("points", "lines", "multipolygons"):
        try:
            with warnings.catch_warnings():
                # GDAL warns about unclosed rings it accepts; they are repaired below.
                warnings.simplefilter("ignore", RuntimeWarning)
                df = pyogrio.read_dataframe(
                    pbf, layer=layer, bbox=bbox_wgs84, CONFIG_FILE=conf, on_invalid="fix"
                )
        except Exception as exc:  # pyogrio raises DataSourceError/DataLayerError subclasses
            raise InputFileError(pbf, f"truncated or not valid OSM data ({exc})") from exc
        tags = [parse_hstore(t) for t in df["all_tags"].to_numpy()]
        if layer == "multipolygons":
            way = df["osm_way_id"].to_numpy()
            rel = df["osm_id"].to_numpy()
            ids = [f"w{w}" if isinstance(w, str) and w else f"r{r}" for w, r in zip(way, rel)]
        else:
            prefix = "n" if layer == "points" else "w"
            ids = [f"{prefix}{i}" for i in df["osm_id"].to_numpy()]
        out[layer] = gpd.GeoDataFrame(
            {"osm_id": ids, "tags": tags}, geometry=df.geometry.to_numpy(), crs="EPSG:4326"
        )
    return out


def _tag_column(tags: pd.Series, key: str) -> pd.Series:
    return pd.Series([t.get(key) for t in tags], index=tags.index, dtype=object)


def _select(frame: gpd.GeoDataFrame, pred: Callable[[Mapping[str, str]], bool]) -> gpd.GeoDataFrame:
    mask = np.fromiter((pred(t) for t in frame["tags"]), dtype=bool, count=len(frame))
    return frame.loc[mask]


def _finish(frame: gpd.GeoDataFrame, columns: dict[str, Any]) -> gpd.GeoDataFrame:
    data: dict[str, Any] = {"osm_id": frame["osm_id"].to_numpy()}
    data["name"] = _tag_column(frame["tags"], "name").to_numpy()
    for col, spec in columns.items():
        data[col] = spec(frame) if callable(spec) else _tag_column(frame["tags"], spec).to_numpy()
    data["tags"] = [json.dumps(t, ensure_ascii=False, sort_keys=True) for t in frame["tags"]]
    return gpd.GeoDataFrame(data, geometry=frame.geometry.to_numpy(), crs=frame.crs).reset_index(
        drop=True
    )


def _yes(tags: dict[str, str], key: str) -> bool:
    return tags.get(key, "no") not in ("no", "false", "0")


def _poi_category(tags: dict[str, str]) -> str | None:
    amenity = tags.get("amenity")
    if amenity in ("police", "fire_station", "hospital", "townhall"):
        return amenity
    if tags.get("man_made") == "surveillance":
        return "camera"
    if amenity in ("parking", "parking_entrance", "bicycle_parking", "motorcycle_parking"):
        return "parking"
    if (
        tags.get("highway") == "bus_stop"
        or tags.get("railway") in ("tram_stop", "station", "halt", "subway_entrance")
        or tags.get("public_transport") in ("platform", "stop_position", "station")
    ):
        return "transit_stop"
    if "entrance" in tags:
        return "entrance"
    if tags.get("emergency") in ("defibrillator", "fire_hydrant"):
        return tags["emergency"]
    return None


def _usable(
    frame: gpd.GeoDataFrame, area: bool, dropped: Counter[str], fixed: Counter[str]
) -> gpd.GeoDataFrame:
    """``frame`` with invalid polygons made valid (polygonal parts only) and the
    features without a usable geometry removed; counts both by layer."""
    geoms = frame.geometry.to_numpy()
    if area:
        bad = np.flatnonzero(~shapely.is_valid(geoms))
        if len(bad):
            geoms = valid_geometries(geoms)
            for i in bad:
                layer = layer_of_tags(frame["tags"].iat[i], area=True)
                if layer and geoms[i] is not None and not geoms[i].is_empty:
                    fixed[layer] += 1
    broken = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    for i in np.flatnonzero(broken):
        layer = layer_of_tags(frame["tags"].iat[i], area=area)
        if layer:
            dropped[layer] += 1
    out = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
    return out.loc[~broken]


def classify(
    frames: dict[str, gpd.GeoDataFrame],
    study_area: BaseGeometry,
    crs: str,
    *,
    dropped: Counter[str] | None = None,
    fixed: Counter[str] | None = None,
) -> dict[str, gpd.GeoDataFrame]:
    """Turn GDAL's OSM layers into the scan's classified layers.

    Parameters
    ----------
    frames
        Output of :func:`read_osm_frames` (EPSG:4326).
    study_area
        The study-area polygon in ``crs`` (metres); features that do not intersect it
        are dropped. Geometries are kept whole, not cut.
    crs
        The scan's local metric CRS.
    dropped, fixed
        Counted into, by layer name: features without a usable geometry (left out),
        and invalid polygons made valid (``shapely.make_valid``, polygonal parts kept).

    Returns
    -------
    dict
        Layer name to GeoDataFrame in ``crs``: buildings, roads, paths, railways, water,
        landuse, barriers, poi, addresses.
    """
    dropped = Counter() if dropped is None else dropped
    fixed = Counter() if fixed is None else fixed
    local = {}
    for name, frame in frames.items():
        f = _usable(frame.to_crs(crs), name == "multipolygons", dropped, fixed)
        local[name] = f.loc[f.geometry.intersects(study_area).to_numpy()]
    pts, lines, polys = local["points"], local["lines"], local["multipolygons"]
    layers: dict[str, gpd.GeoDataFrame] = {}

    b = _select(polys, is_building)
    estimates = [estimate_height(t) for t in b["tags"]]
    layers["buildings"] = _finish(
        b,
        {
            "building": "building",
            "height": lambda f: np.array([e[0] for e in estimates], dtype=float),
            "height_source": lambda f: np.array([e[1] for e in estimates], dtype=object),
            "levels": "building:levels",
            "address": lambda f: np.array([_address_label(t) for t in f["tags"]], dtype=object),
        },
    )
    roads = _select(lines, LINE_LAYERS["roads"])
    layers["roads"] = _finish(
        roads,
        {
            "road_class": "highway",
            "oneway": lambda f: np.array([_yes(t, "oneway") for t in f["tags"]], dtype=bool),
            "bridge": lambda f: np.array([_yes(t, "bridge") for t in f["tags"]], dtype=bool),
            "tunnel": lambda f: np.array([_yes(t, "tunnel") for t in f["tags"]], dtype=bool),
            "maxspeed": "maxspeed",
            "lanes": "lanes",
            "width": "width",
        },
    )
    paths = _select(lines, LINE_LAYERS["paths"])
    layers["paths"] = _finish(
        paths,
        {
            "path_class": "highway",
            "bridge": lambda f: np.array([_yes(t, "bridge") for t in f["tags"]], dtype=bool),
        },
    )
    rail = _select(lines, LINE_LAYERS["railways"])
    layers["railways"] = _finish(
        rail,
        {
            "rail_class": "railway",
            "tunnel": lambda f: np.array([_yes(t, "tunnel") for t in f["tags"]], dtype=bool),
        },
    )
    water = _select(polys, is_water)
    layers["water"] = _finish(
        water, {"water_class": lambda f: [t.get("water") or "water" for t in f["tags"]]}
    )
    landuse = _select(polys, is_landuse)
    layers["landuse"] = _finish(
        landuse,
        {
            "landuse_class": lambda f: [
                t.get("leisure") or t.get("natural") or t.get("landuse") or t.get("amenity")
                for t in f["tags"]
            ]
        },
    )
    barriers = _select(lines, LINE_LAYERS["barriers"])
    layers["barriers"] = _finish(barriers, {"barrier": "barrier"})

    poi_src = pd.concat(
        [pts, polys.assign(geometry=polys.geometry.representative_point())], ignore_index=True
    )
    poi_src = gpd.GeoDataFrame(poi_src, geometry="geometry", crs=crs)
    poi_src = poi_src.loc[poi_src.geometry.intersects(study_area).to_numpy()]
    cats = [_poi_category(t) for t in poi_src["tags"]]
    keep = np.array([c is not None for c in cats], dtype=bool)
    poi = poi_src.loc[keep]
    layers["poi"] = _finish(
        poi,
        {
            "category": lambda f: np.array([c for c in cats if c is not None], dtype=object),
            "camera_direction": "camera:direction",
            "camera_angle": "camera:angle",
            "camera_type": "camera:type",
        },
    )
    addr_src = poi_src.loc[
        np.fromiter(("addr:housenumber" in t for t in poi_src["tags"]), bool, len(poi_src))
    ]
    layers["addresses"] = _finish(
        addr_src,
        {
            "street": "addr:street",
            "housenumber": "addr:housenumber",
            "postcode": "addr:postcode",
            "city": "addr:city",
            "label": lambda f: np.array([_address_label(t) for t in f["tags"]], dtype=object),
        },
    )
    return layers


def _address_label(tags: dict[str, str]) -> str | None:
    street, number = tags.get("addr:street"), tags.get("addr:housenumber")
    if street and number:
        return f"{street} {number}"
    return None
