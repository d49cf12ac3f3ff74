"""Building height estimates from OSM tags, with the rule that gave each one.

Rules, in order:

1. ``height`` tag (metres; "12", "12 m", "12.5m", "40'" in feet are understood);
2. ``building:levels`` x 3 m plus a roof allowance (``roof:levels`` x 3 m when tagged,
   else 2.5 m for a pitched roof shape, else 0.5 m for a flat roof or parapet);
3. a default per ``building`` type (for example apartments 14 m, house 10 m).

Heights are metres above ground. The rule is recorded so reports can say how sure
they are. A measured height (imported from the 3D BAG or any other vector layer, see
:mod:`omgevingsscan.io.heights`) has the rule ``measured`` and beats all of these.

Each building also carries its provenance (:data:`PROVENANCE_COLUMNS`): the measured
data set and date, and its uncertainty in metres (:func:`height_sigma`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from omgevingsscan.settings import LEVEL_HEIGHT_M

RULE_TAG = "height tag"
RULE_LEVELS = "levels"
RULE_DEFAULT = "type default"

#: Typical height in metres per ``building`` value, used when no tag gives one.
TYPE_DEFAULT_HEIGHT_M: dict[str, float] = {
    "apartments": 14.0,
    "residential": 12.0,
    "house": 10.0,
    "detached": 9.0,
    "semidetached_house": 9.0,
    "terrace": 10.0,
    "retail": 10.0,
    "commercial": 14.0,
    "office": 16.0,
    "hotel": 16.0,
    "government": 18.0,
    "public": 12.0,
    "civic": 12.0,
    "school": 12.0,
    "university": 16.0,
    "hospital": 20.0,
    "church": 20.0,
    "cathedral": 30.0,
    "chapel": 10.0,
    "mosque": 15.0,
    "synagogue": 15.0,
    "train_station": 12.0,
    "industrial": 10.0,
    "warehouse": 12.0,
    "parking": 10.0,
    "construction": 10.0,
    "houseboat": 2.5,
    "boathouse": 4.0,
    "garage": 3.0,
    "garages": 3.0,
    "shed": 3.0,
    "hut": 3.0,
    "kiosk": 3.0,
    "roof": 4.0,
    "carport": 3.0,
    "toilets": 3.0,
    "service": 4.0,
    "transformer_tower": 6.0,
    "bridge": 6.0,
    "tower": 25.0,
}
#: Height for a ``building=yes`` or any type not listed above, metres.
FALLBACK_HEIGHT_M = 11.0

_PITCHED = {
    "gabled",
    "hipped",
    "pyramidal",
    "gambrel",
    "mansard",
    "half-hipped",
    "round",
    "saltbox",
    "skillion",
    "dome",
    "onion",
    "cone",
    "side_hipped",
    "crosspitched",
}
_NUMBER = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(m|meter|meters|metre|metres|ft|')?\s*$", re.I)


def parse_length_m(value: object) -> float | None:
    """Parse an OSM length tag into metres; None when it is missing or not a length."""
    if value is None:
        return None
    m = _NUMBER.match(str(value))
    if not m:
        return None
    number = float(m.group(1).replace(",", "."))
    unit = (m.group(2) or "m").lower()
    if unit in {"ft", "'"}:
        number *= 0.3048
    return number if number >= 0 else None


def estimate_height(tags: Mapping[str, str]) -> tuple[float, str]:
    """Estimate a building's height from its OSM tags.

    Parameters
    ----------
    tags
        The OSM tags of the building.

    Returns
    -------
    height, rule
        Height above ground in metres, and the rule that gave it: "height tag",
        "levels", or "type default".
    """
    height = parse_length_m(tags.get("height"))
    if height is not None and 0 < height < 1000:
        return height, RULE_TAG
    levels = parse_length_m(tags.get("building:levels"))
    if levels is not None and 0 < levels < 200:
        roof_levels = parse_length_m(tags.get("roof:levels"))
        if roof_levels is not None and roof_levels < 20:
            roof = roof_levels * LEVEL_HEIGHT_M
        elif str(tags.get("roof:shape", "")).lower() in _PITCHED:
            roof = 2.5
        else:
            roof = 0.5
        return levels * LEVEL_HEIGHT_M + roof, RULE_LEVELS
    kind = str(tags.get("building", "yes")).lower()
    return TYPE_DEFAULT_HEIGHT_M.get(kind, FALLBACK_HEIGHT_M), RULE_DEFAULT


# ---------------------------------------------------------------------- provenance
#: Rule of a height taken from a measured data set (3D BAG, a municipal 3D model, ...).
RULE_MEASURED = "measured"
#: Every rule, surest first.
RULES: tuple[str, ...] = (RULE_MEASURED, RULE_TAG, RULE_LEVELS, RULE_DEFAULT)
#: Uncertainty (one standard deviation, metres) of a measured height.
MEASURED_SIGMA_M = 0.5
#: Uncertainty (metres) of a tagged OSM ``height``: mappers round and guess.
TAG_SIGMA_M = 1.0
#: Uncertainty (metres) per storey of a height from ``building:levels``.
LEVEL_SIGMA_M = 1.5
#: Relative uncertainty of a default height for the building type.
DEFAULT_SIGMA_FRACTION = 0.5

#: Provenance columns of the buildings layer (besides ``height`` and ``height_source``,
#: which holds the rule): the data set and its date for measured heights, the
#: uncertainty, the roof maximum above ground and the absolute ground level.
PROVENANCE_COLUMNS: tuple[str, ...] = (
    "height_dataset",
    "height_date",
    "height_sigma_m",
    "height_max_m",
    "ground_m",
)


def height_sigma(rule: str, height: float, levels: float | None = None) -> float:
    """Uncertainty in metres of a height given by ``rule``.

    Measured about ±0.5 m; an OSM ``height`` tag ±1 m; levels ±1.5 m per storey
    (``levels`` storeys, else the height / 3 m); a type default ±50 % of the height.
    """
    if rule == RULE_MEASURED:
        return MEASURED_SIGMA_M
    if rule == RULE_TAG:
        return TAG_SIGMA_M
    if rule == RULE_LEVELS:
        n = levels if levels is not None and levels > 0 else max(height / LEVEL_HEIGHT_M, 1.0)
        return LEVEL_SIGMA_M * float(n)
    return DEFAULT_SIGMA_FRACTION * float(height)


def with_provenance(frame: Any) -> Any:
    """Return a copy of a buildings frame with every provenance column filled.

    Buildings without a measured height get their uncertainty from their rule; the
    columns of :data:`PROVENANCE_COLUMNS` are added when missing (older scans).
    """
    out = frame.copy()
    n = len(out)
    if "height_source" not in out:
        out["height_source"] = [RULE_DEFAULT] * n
    for col in ("height_dataset", "height_date"):
        if col not in out:
            out[col] = [None] * n
    for col in ("height_sigma_m", "height_max_m", "ground_m"):
        if col not in out:
            out[col] = np.full(n, np.nan)
    levels = (
        pd.to_numeric(out["levels"], errors="coerce").to_numpy(dtype=float)
        if "levels" in out
        else np.full(n, np.nan)
    )
    heights = pd.to_numeric(out["height"], errors="coerce").to_numpy(dtype=float)
    sigma = pd.to_numeric(out["height_sigma_m"], errors="coerce").to_numpy(dtype=float).copy()
    missing = ~np.isfinite(sigma)
    rules = out["height_source"].astype(str).to_numpy()
    for i in np.flatnonzero(missing):
        lv = float(levels[i]) if np.isfinite(levels[i]) else None
        h = float(heights[i]) if np.isfinite(heights[i]) else FALLBACK_HEIGHT_M
        sigma[i] = height_sigma(str(rules[i]), h, lv)
    out["height_sigma_m"] = sigma
    return out


@dataclass(frozen=True)
class HeightSummary:
    """How the heights of a set of buildings were found.

    ``counts`` per rule (:data:`RULES`); ``measured_share`` 0–1; ``datasets`` the
    measured data sets with their dates; ``mean_sigma_m`` the mean uncertainty.
    """

    total: int
    counts: dict[str, int]
    measured_share: float
    datasets: list[str]
    mean_sigma_m: float


def height_summary(frame: Any, near: Any = None) -> HeightSummary:
    """Summarise the height provenance of a buildings frame.

    Parameters
    ----------
    frame
        The buildings layer's GeoDataFrame (scan CRS).
    near
        Optional shapely geometry (e.g. the study circle, or a buffer round the site,
        in metres in the same CRS): only buildings intersecting it are counted.
    """
    data = with_provenance(frame)
    if near is not None and len(data):
        data = data[data.geometry.intersects(near).to_numpy()]
    rules = data["height_source"].astype(str)
    counts = {r: int((rules == r).sum()) for r in RULES}
    total = len(data)
    measured = data[rules == RULE_MEASURED]
    sets = []
    if len(measured):
        labels = (
            measured["height_dataset"].fillna("").astype(str)
            + (" " + measured["height_date"].fillna("").astype(str)).str.rstrip()
        )
        sets = sorted({s.strip() for s in labels if s.strip()})
    sigma = pd.to_numeric(data["height_sigma_m"], errors="coerce")
    return HeightSummary(
        total,
        counts,
        counts[RULE_MEASURED] / total if total else 0.0,
        sets,
        float(sigma.mean()) if total else 0.0,
    )


def sources_key(frame: Any) -> str:
    """A short text naming what gave a buildings frame its heights, e.g.
    ``"3D BAG 2022: 1,034 measured of 1,111"`` or ``"OSM estimates"``.

    Results store it (column ``height_sources``); a result whose key differs from the
    scan's current one was computed on other heights and is stale.
    """
    if "height_source" not in frame or len(frame) == 0:
        return "OSM estimates"
    rules = frame["height_source"].astype(str)
    measured = rules == RULE_MEASURED
    if not measured.any() and "height_dataset" not in frame:
        return "OSM estimates"
    if "height_dataset" in frame:
        named = frame["height_dataset"].notna().to_numpy()
        labels = (
            frame["height_dataset"].fillna("").astype(str)
            + " "
            + frame.get("height_date", pd.Series([""] * len(frame), index=frame.index))
            .fillna("")
            .astype(str)
        ).str.strip()
        sets = sorted({s for s, ok in zip(labels, named) if ok and s})
    else:
        sets = []
    if not sets:
        return "OSM estimates"
    return f"{'; '.join(sets)}: {int(measured.sum()):,} measured of {len(frame):,}"


#: Map style of the buildings layer that shows where each height comes from: solid
#: for measured and tagged heights, hatched where the height is estimated (levels,
#: type default). Applied from *View → Height provenance*; the usual style is the
#: buildings layer's default (height classes).
PROVENANCE_STYLE: dict[str, Any] = {
    "stroke": "#6f665d",
    "stroke_width": 0.6,
    "width_units": "px",
    "column": "height_source",
    "fill": "#f4efe8",
    "categories": {
        RULE_MEASURED: {"fill": "#3f7f5f"},
        RULE_TAG: {"fill": "#9cc3a8"},
        RULE_LEVELS: {"fill": "#f0d9a8", "hatch": "#a8802e"},
        RULE_DEFAULT: {"fill": "#f3c4b5", "hatch": "#b4533a"},
    },
    "labels": {
        RULE_MEASURED: "Measured height (±0.5 m)",
        RULE_TAG: "OSM height tag (±1 m)",
        RULE_LEVELS: "Estimated from levels (±1.5 m a storey)",
        RULE_DEFAULT: "Default for the type (±50 %)",
    },
}


def provenance_text(row: Mapping[str, Any]) -> str:
    """One line for the inspector: "14.0 m ±7.0 m, type default" or
    "7.3 m ±0.5 m, measured (3D BAG, 2022; joined by id)"."""
    frame = pd.DataFrame([dict(row)])
    if "height" not in frame:
        return ""
    data = with_provenance(frame).iloc[0]
    h = float(data["height"]) if pd.notna(data["height"]) else FALLBACK_HEIGHT_M
    rule = str(data["height_source"])
    text = f"{h:.1f} m ±{float(data['height_sigma_m']):.1f} m, {rule}"
    if rule in (RULE_MEASURED, RULE_LEVELS) and isinstance(data.get("height_dataset"), str):
        extra = [str(data["height_dataset"])]
        if isinstance(data.get("height_date"), str) and data["height_date"]:
            extra.append(str(data["height_date"]))
        join = data.get("height_join")
        if isinstance(join, str) and join:
            extra.append(f"joined by {join}")
        text += f" ({'; '.join(extra)})"
    return text
