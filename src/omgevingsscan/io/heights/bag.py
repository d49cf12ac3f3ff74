"""Read 3D BAG tiles (GeoPackage, CityJSON, CityJSON Lines) into measured heights.

The 3D BAG (https://3dbag.nl) gives, per BAG building (``pand``), the roof heights
``b3_h_dak_50p``, ``b3_h_dak_70p``, ``b3_h_dak_min``, ``b3_h_dak_max`` and the
ground level ``b3_h_maaiveld``, all metres above NAP, and the year of the point cloud
used (``b3_pw_datum``). Releases before 2023 named them ``h_dak_70p``,
``h_maaiveld``...; both spellings are read. The building id ``identificatie`` is
``NL.IMBAG.Pand.0363100012185598`` (CityJSON keys) or the bare 16-digit number.

The height above ground of a building is ``b3_h_dak_70p - b3_h_maaiveld`` (the 70th
percentile of the roof: robust against chimneys, close to the ridge on a pitched
roof); ``b3_h_dak_max - b3_h_maaiveld`` is kept as the maximum. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from omgevingsscan.errors import InputFileError, UnsupportedFileError
from omgevingsscan.io.heights.cityjson import read_cityjson

#: 3D BAG attribute names (current first, then the names before 2023).
ROOF_70P = ("b3_h_dak_70p", "h_dak_70p")
ROOF_MAX = ("b3_h_dak_max", "h_dak_max")
GROUND = ("b3_h_maaiveld", "h_maaiveld")
CLOUD_DATE = ("b3_pw_datum", "pw_datum")
BAG_PREFIX = "NL.IMBAG.Pand."
#: GeoPackage layers tried in this order (building level first, then roof parts).
GPKG_LAYERS = ("pand", "lod22_2d", "lod13_2d", "lod12_2d")

_DIGITS = re.compile(r"^\d+$")


def normalise_bag_id(value: object) -> str:
    """The BAG building number without prefix or leading zeros ("" when not one).

    ``"NL.IMBAG.Pand.0363100012185598"``, ``"0363100012185598"`` and
    ``"363100012185598"`` all give ``"363100012185598"``.
    """
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return ""
    text = str(value).strip()
    if text.upper().startswith(BAG_PREFIX.upper()):
        text = text[len(BAG_PREFIX) :]
    if text.endswith(".0") and _DIGITS.match(text[:-2]):
        text = text[:-2]
    if not _DIGITS.match(text):
        return ""
    return text.lstrip("0") or "0"


def _pick(frame: pd.DataFrame, names: tuple[str, ...]) -> np.ndarray:
    for name in names:
        if name in frame:
            return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float)
    return np.full(len(frame), np.nan)


def _read_gpkg(path: Path) -> gpd.GeoDataFrame:
    try:
        layers = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
    except Exception as exc:  # GDAL raises its own error types
        raise InputFileError(path, f"not a readable GeoPackage ({exc})") from exc
    ordered = [n for n in GPKG_LAYERS if n in layers] + [n for n in layers if n not in GPKG_LAYERS]
    for name in ordered:
        fields = set(pyogrio.read_info(path, layer=name)["fields"])
        if "identificatie" in fields and fields & set(ROOF_70P + ROOF_MAX):
            return pyogrio.read_dataframe(path, layer=name)
    raise InputFileError(
        path,
        "no layer with 3D BAG building heights (identificatie and b3_h_dak_70p or b3_h_dak_max)",
    )


def read_3dbag(path: str | Path, crs: str) -> gpd.GeoDataFrame:
    """Read one 3D BAG tile into one row per BAG building.

    Parameters
    ----------
    path
        A ``.gpkg``, ``.city.json``/``.json`` or ``.city.jsonl``/``.jsonl`` tile.
    crs
        The scan's metric CRS; footprints are reprojected to it.

    Returns
    -------
    GeoDataFrame
        Columns ``bag_id`` (normalised, see :func:`normalise_bag_id`), ``height`` and
        ``height_max_m`` (metres above ground), ``ground_m`` (metres above NAP),
        ``height_date`` (point-cloud year, else the file's date), footprint geometry.

    Raises
    ------
    InputFileError
        Missing file, unreadable, or without 3D BAG height attributes.
    """
    p = Path(path)
    if not p.is_file():
        raise InputFileError(p, "file not found")
    name = p.name.lower()
    if name.endswith(".gpkg"):
        raw = _read_gpkg(p)
    elif name.endswith((".json", ".jsonl")):
        raw = read_cityjson(p)
    else:
        raise UnsupportedFileError(p, "not a 3D BAG tile (.gpkg, .city.json or .city.jsonl)")
    if not set(raw.columns) & set(ROOF_70P + ROOF_MAX):
        raise InputFileError(p, "no 3D BAG roof heights (b3_h_dak_70p, b3_h_dak_max) in the file")
    ground = _pick(raw, GROUND)
    roof70 = _pick(raw, ROOF_70P)
    roofmax = _pick(raw, ROOF_MAX)
    roof70 = np.where(np.isfinite(roof70), roof70, roofmax)
    cloud = _pick(raw, CLOUD_DATE)
    fallback = dt.date.fromtimestamp(p.stat().st_mtime).isoformat()
    frame = gpd.GeoDataFrame(
        {
            "bag_id": [normalise_bag_id(v) for v in raw["identificatie"]],
            "roof70": roof70,
            "roofmax": roofmax,
            "ground_m": ground,
            "cloud": cloud,
        },
        geometry=raw.geometry.to_numpy(),
        crs=raw.crs,
    )
    frame = frame[(frame["bag_id"] != "") & np.isfinite(frame["roof70"]) & np.isfinite(ground)]
    if frame.crs is not None and len(frame):
        frame = frame.to_crs(crs)
    # Roof parts (lod22_2d rows) of one building: its highest part and lowest ground.
    if frame["bag_id"].duplicated().any():
        agg = frame.dissolve(
            by="bag_id",
            aggfunc={"roof70": "max", "roofmax": "max", "ground_m": "min", "cloud": "max"},
        ).reset_index()
        frame = agg
    height = frame["roof70"].to_numpy(dtype=float) - frame["ground_m"].to_numpy(dtype=float)
    hmax = frame["roofmax"].to_numpy(dtype=float) - frame["ground_m"].to_numpy(dtype=float)
    cloud = frame["cloud"].to_numpy(dtype=float)
    dates = [str(int(c)) if np.isfinite(c) else fallback for c in cloud]
    out = gpd.GeoDataFrame(
        {
            "bag_id": frame["bag_id"].to_numpy(),
            "height": np.maximum(height, 0.0),
            "height_max_m": np.maximum(np.where(np.isfinite(hmax), hmax, height), 0.0),
            "ground_m": frame["ground_m"].to_numpy(dtype=float),
            "height_date": dates,
        },
        geometry=frame.geometry.to_numpy(),
        crs=crs,
    )
    return out[out["height"] > 0].reset_index(drop=True)
