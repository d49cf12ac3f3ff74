"""Existing CCTV from OSM (``poi`` rows with category "camera") as observation posts, with
an assumed field of view, range and mounting height where OSM does not say.
"""

from __future__ import annotations

import json
import math
import uuid as uuid_mod

import geopandas as gpd

from omgevingsscan.layers.posts import ObservationPost

#: Field of view (degrees) assumed for a fixed OSM camera without a known one.
CCTV_FOV_DEG: float = 60.0
#: Useful range (metres) assumed for an OSM camera.
CCTV_RANGE_M: float = 30.0
#: Mounting height (metres) assumed for an OSM camera without ``height``.
CCTV_HEIGHT_M: float = 3.0
_CCTV_NS = uuid_mod.UUID("5a3f0c0e-6f51-4c38-9b0e-0c2b8d1e7a11")
_COMPASS = {
    name: i * 22.5
    for i, name in enumerate(
        "N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split()  # noqa: SIM905
    )
}


# -- OSM cameras ----------------------------------------------------------------------------
def parse_direction(value: object) -> float | None:
    """A ``camera:direction`` value in compass degrees ("160", "SE", "90;180" → first), or None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip().split(";")[0].strip().upper()
    if not text:
        return None
    if text in _COMPASS:
        return _COMPASS[text]
    try:
        d = float(text)
    except ValueError:
        return None
    return d % 360.0 if math.isfinite(d) else None


def _tags(value: object) -> dict[str, str]:
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, str) and value.strip():
        try:
            data = json.loads(value)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def cctv_posts(
    poi: gpd.GeoDataFrame,
    *,
    fov_deg: float = CCTV_FOV_DEG,
    range_m: float = CCTV_RANGE_M,
) -> list[ObservationPost]:
    """OSM surveillance cameras (``poi`` rows with category "camera") as camera posts.

    The direction comes from ``camera:direction`` (column ``camera_direction`` or the
    ``tags`` JSON). A fixed camera with a direction gets ``fov_deg``; a dome or panning
    camera, or one whose direction is unknown, is taken as seeing all round (an upper
    bound, said in its notes). OSM's ``camera:angle`` is the tilt from horizontal, not
    the field of view; it is kept in the notes. The uuid derives from the OSM id, so it
    is the same on every run.
    """
    if poi is None or len(poi) == 0 or "category" not in poi:
        return []
    cams = poi[poi["category"] == "camera"]
    out = []
    for i, (_, row) in enumerate(cams.iterrows()):
        tags = _tags(row.get("tags"))
        osm_id = str(row.get("osm_id") or f"camera{i}")
        direction = parse_direction(row.get("camera_direction"))
        if direction is None:
            direction = parse_direction(tags.get("camera:direction"))
        cam_type = str(row.get("camera_type") or tags.get("camera:type") or "").lower()
        notes = ["OSM surveillance camera"]
        all_round = cam_type in ("dome", "panning") or direction is None
        if direction is None:
            notes.append("direction unknown: all-round view assumed")
        angle = tags.get("camera:angle")
        if angle:
            notes.append(f"camera:angle (tilt) {angle}")
        try:
            height = float(tags.get("height", CCTV_HEIGHT_M))
        except ValueError:
            height = CCTV_HEIGHT_M
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        if geom.geom_type != "Point":
            geom = geom.representative_point()
        out.append(
            ObservationPost(
                geometry=geom,
                uuid=str(uuid_mod.uuid5(_CCTV_NS, osm_id)),
                name=f"CCTV {osm_id}",
                type="camera",
                observer=str(tags.get("operator", "")),
                height_kind="mast",
                height_m=min(max(height, 0.0), 300.0),
                direction_deg=direction or 0.0,
                fov_deg=360.0 if all_round else fov_deg,
                range_m=range_m,
                notes="; ".join(notes),
            )
        )
    return out
