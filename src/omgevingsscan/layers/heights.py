"""Building height estimates from OSM tags, with the rule that gave each one.

Rules, in order:

1. ``height`` tag (metres; "12", "12 m", "12.5m", "40'" in feet are understood);
2. ``building:levels`` x 3 m plus a roof allowance (``roof:levels`` x 3 m when tagged,
   else 2.5 m for a pitched roof shape, else 0.5 m for a flat roof or parapet);
3. a default per ``building`` type (for example apartments 14 m, house 10 m).

Heights are metres above ground. The rule is recorded so reports can say how sure
they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
