"""Read heights from any vector layer (GeoPackage, GeoJSON, shapefile, ...) with a
height or levels attribute: municipal or national 3D sets outside the Netherlands.

The attribute is chosen by name (:func:`height_fields` lists the numeric ones). A
height is metres above ground; levels are storeys, turned into metres like OSM's
``building:levels`` (3 m a storey plus 0.5 m). An optional id attribute is matched to
OSM ``ref:bag`` or the OSM id; otherwise the footprint overlap joins. No Qt here.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from omgevingsscan.errors import InputFileError
from omgevingsscan.io.heights.bag import normalise_bag_id
from omgevingsscan.settings import LEVEL_HEIGHT_M

#: Roof allowance (metres) added to levels x storey height, as for OSM levels.
LEVELS_ROOF_M = 0.5
_NUMERIC = ("int", "float", "real", "double", "integer")


def _read(path: Path, layer: str | None) -> gpd.GeoDataFrame:
    if not path.exists():
        raise InputFileError(path, "file not found")
    try:
        return pyogrio.read_dataframe(path, layer=layer)
    except Exception as exc:  # GDAL's own error types
        raise InputFileError(path, f"not a readable vector layer ({exc})") from exc


def height_fields(path: str | Path, layer: str | None = None) -> list[str]:
    """Names of the numeric attributes of a vector file (candidates for heights)."""
    p = Path(path)
    if not p.exists():
        raise InputFileError(p, "file not found")
    try:
        info = pyogrio.read_info(p, layer=layer)
    except Exception as exc:
        raise InputFileError(p, f"not a readable vector layer ({exc})") from exc
    return [
        str(name)
        for name, dtype in zip(info["fields"], info["dtypes"])
        if any(k in str(dtype).lower() for k in _NUMERIC)
    ]


def read_height_layer(
    path: str | Path,
    field: str,
    crs: str,
    *,
    levels: bool = False,
    id_field: str | None = None,
    layer: str | None = None,
) -> gpd.GeoDataFrame:
    """Read footprints with a height (or levels) attribute.

    Parameters
    ----------
    path
        Any vector file GDAL reads (GeoPackage, GeoJSON, shapefile...).
    field
        The attribute with the height in metres above ground (or storeys when
        ``levels``).
    crs
        The scan's metric CRS; footprints are reprojected to it.
    id_field
        Optional attribute with BAG numbers or OSM ids to join by.

    Returns
    -------
    GeoDataFrame
        Columns ``id``, ``height`` (metres above ground), ``levels`` (storeys or NaN),
        geometry in ``crs``. Rows without a positive value are dropped.

    Raises
    ------
    InputFileError
        Missing file, no such attribute, no CRS, or no usable value.
    """
    p = Path(path)
    raw = _read(p, layer)
    if field not in raw.columns:
        numeric = ", ".join(height_fields(p, layer)) or "none"
        raise InputFileError(p, f"has no attribute {field!r} (numeric attributes: {numeric})")
    if id_field and id_field not in raw.columns:
        raise InputFileError(p, f"has no attribute {id_field!r} to join by")
    if raw.crs is None:
        raise InputFileError(p, "has no coordinate reference system")
    value = pd.to_numeric(raw[field], errors="coerce").to_numpy(dtype=float)
    height = value * LEVEL_HEIGHT_M + LEVELS_ROOF_M if levels else value
    ids = [normalise_bag_id(v) or str(v) for v in raw[id_field]] if id_field else [""] * len(raw)
    out = gpd.GeoDataFrame(
        {"id": ids, "height": height, "levels": value if levels else np.nan},
        geometry=raw.geometry.to_numpy(),
        crs=raw.crs,
    )
    out = out[np.isfinite(height) & (height > 0) & (height < 1000)]
    out = out[out.geometry.notna()]
    if out.empty:
        raise InputFileError(p, f"attribute {field!r} holds no positive numbers")
    return out.to_crs(crs).reset_index(drop=True)
