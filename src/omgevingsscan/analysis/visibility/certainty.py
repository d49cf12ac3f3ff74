"""How sure the viewshed and exposure answers are, given the buildings' height
uncertainty (see :mod:`.terrain` for sight lines and the model).

Each building's height ``H`` has an uncertainty ``sigma`` (``index.sigmas``, metres).
An analysis is run again with every building ``k * sigma`` lower and ``k * sigma``
higher (on :meth:`VisibilityIndex.with_heights`, which shares the geometry):

- **viewshed**: ground seen even with the high heights is certainly visible; ground
  seen only with the low heights is *uncertain*;
- **exposure**: the public ground that sees the façade at the high and at the low
  heights is the range of the answer (``area_low_m2`` .. ``area_high_m2``: least and
  most); an overlook position found at the nominal heights but not at the high ones,
  or only at the low ones, is *uncertain*.

Metres in the index's CRS; flat ground (terrain enters the sight lines, :mod:`.terrain`).
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.exposure import ExposureResult, exposure
from omgevingsscan.analysis.visibility.index import FloatArray, VisibilityIndex
from omgevingsscan.analysis.visibility.viewshed import Viewshed25D, viewshed_25d

CERTAIN = "certain"
UNCERTAIN = "uncertain"


def low_high(index: VisibilityIndex, k: float = 1.0) -> tuple[FloatArray, FloatArray]:
    """Building heights ``k`` uncertainties lower (at least 1 cm) and higher, metres."""
    spread = k * index.sigmas
    return np.maximum(index.heights - spread, 0.01), index.heights + spread


@dataclass
class ViewshedRange:
    """A viewshed with its certainty: ``nominal``, ``certain`` (visible even with the
    high heights) and ``uncertain`` ground (visible with the low heights only)."""

    nominal: Viewshed25D
    certain: BaseGeometry
    uncertain: BaseGeometry


def viewshed_range(
    index: VisibilityIndex,
    origin: tuple[float, float],
    observer_height: float,
    radius: float,
    *,
    k: float = 1.0,
    **kwargs: Any,
) -> ViewshedRange:
    """:func:`viewshed_25d` at the nominal, low and high heights (see the module)."""
    low, high = low_high(index, k)
    nominal = viewshed_25d(index, origin, observer_height, radius, **kwargs)
    quick = {**kwargs, "roofs": False}
    most = viewshed_25d(index.with_heights(low), origin, observer_height, radius, **quick)
    least = viewshed_25d(index.with_heights(high), origin, observer_height, radius, **quick)
    return ViewshedRange(nominal, least.ground, most.ground.difference(least.ground))


def _keys(positions: gpd.GeoDataFrame) -> list[tuple[str, str, float, float]]:
    return [
        (
            str(r["kind"]),
            str(r["osm_id"] or r["name"] or ""),
            round(float(r.geometry.x), 0) if r["kind"] == "spot" else 0.0,
            round(float(r.geometry.y), 0) if r["kind"] == "spot" else 0.0,
        )
        for _, r in positions.iterrows()
    ]


@dataclass
class ExposureRange:
    """An exposure with its range: the nominal result with a ``certainty`` column on
    its positions (positions seen only at the low heights are added as uncertain),
    and the public ground seeing the façade at the high (least) and low (most)
    heights."""

    nominal: ExposureResult
    least: BaseGeometry
    most: BaseGeometry

    @property
    def area_range_m2(self) -> tuple[float, float]:
        """Least and most public ground seeing the façade, m²."""
        return float(self.least.area), float(self.most.area)


def exposure_range(
    index: VisibilityIndex,
    site: BaseGeometry,
    study_area: Any,
    *,
    k: float = 1.0,
    **kwargs: Any,
) -> ExposureRange:
    """:func:`exposure` at the nominal, low and high heights (see the module).

    Keyword arguments go to :func:`exposure`; ``progress`` is called for each of the
    three runs in turn (fractions rescaled to 0–1 overall).
    """
    report = kwargs.pop("progress", None)
    low, high = low_high(index, k)
    runs = []
    for i, heights in enumerate((None, low, high)):
        part = None
        if report is not None:

            def part(f: float, m: str, i: int = i) -> None:
                report((i + f) / 3.0, m)

        idx = index if heights is None else index.with_heights(heights)
        runs.append(exposure(idx, site, study_area, progress=part, **kwargs))
    nominal, most, least = runs
    least_keys = set(_keys(least.positions))
    nominal_keys = _keys(nominal.positions)
    positions = nominal.positions.copy()
    positions["certainty"] = [CERTAIN if key in least_keys else UNCERTAIN for key in nominal_keys]
    extra = most.positions[[key not in set(nominal_keys) for key in _keys(most.positions)]]
    if len(extra):
        extra = extra.assign(certainty=UNCERTAIN)
        positions = gpd.GeoDataFrame(
            pd.concat([positions, extra], ignore_index=True), crs=positions.crs
        )
        positions["rank"] = np.arange(1, len(positions) + 1)
    nominal.positions = positions
    lo, hi = least.ground.area, most.ground.area
    nominal.notes.append(
        f"height uncertainty (±{k:g} sigma): {lo:,.0f}–{hi:,.0f} m² of public ground sees the "
        f"façade (nominal {nominal.ground.area:,.0f} m²); "
        f"{int((positions['certainty'] == UNCERTAIN).sum())} of {len(positions)} positions "
        "are uncertain"
    )
    return ExposureRange(nominal, least.ground, most.ground)
