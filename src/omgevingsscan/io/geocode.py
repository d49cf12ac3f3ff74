"""Finding a site: parse "lat, lon", "rd:x,y", or search names and addresses in OSM data.

Everything is offline: text search looks only in the loaded scan or in the chosen OSM
file, never in an online geocoder.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pyogrio

from omgevingsscan.crs import RD_NEW, to_wgs84
from omgevingsscan.errors import InputFileError, SiteError
from omgevingsscan.io.osm_features import osmconf_path, parse_hstore

_NUM = r"[-+]?\d+(?:\.\d+)?"
_LATLON = re.compile(rf"^\s*({_NUM})\s*[,; ]\s*({_NUM})\s*$")
_RD = re.compile(rf"^\s*rd\s*[:=]?\s*({_NUM})\s*[,; ]\s*({_NUM})\s*$", re.I)
_NAME_KEYS = ("name", "alt_name", "official_name", "old_name", "short_name")


@dataclass(frozen=True)
class Place:
    """A named place found in OSM data; ``lat``/``lon`` in WGS84 degrees."""

    label: str
    kind: str
    lat: float
    lon: float
    osm_id: str = ""


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """Parse "lat, lon" (WGS84 degrees) or "rd:x,y" (EPSG:28992 metres) into (lat, lon).

    Returns None when ``text`` is not a coordinate pair (it may be a search text).

    Raises
    ------
    SiteError
        A coordinate pair that is out of range.
    """
    m = _RD.match(text)
    if m:
        x, y = float(m.group(1)), float(m.group(2))
        if not (-7000 <= x <= 300000 and 289000 <= y <= 629000):
            raise SiteError(f"RD coordinates {x:g}, {y:g} lie outside the RD New area")
        return to_wgs84(x, y, RD_NEW)
    m = _LATLON.match(text)
    if m:
        a, b = float(m.group(1)), float(m.group(2))
        if abs(a) > 1000 and abs(b) > 1000:
            raise SiteError(f"{text.strip()!r} looks like RD metres; write it as rd:{a:g},{b:g}")
        if not (-90 <= a <= 90 and -180 <= b <= 180):
            raise SiteError(
                f"{text.strip()!r} is not a WGS84 position (lat −90..90, lon −180..180)"
            )
        return a, b
    return None


def normalise(text: str) -> str:
    """Lower-case, strip accents and squeeze spaces, for matching."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def places_from_tags(frame: gpd.GeoDataFrame, tag_dicts: list[dict[str, str]]) -> list[Place]:
    """Return the named and addressed places of a frame (any CRS) with their tags."""
    if frame.empty:
        return []
    pts = frame.geometry.representative_point().to_crs("EPSG:4326")
    out: list[Place] = []
    for tags, p, osm_id in zip(tag_dicts, pts, frame.get("osm_id", [""] * len(frame))):
        street, number = tags.get("addr:street"), tags.get("addr:housenumber")
        if street and number:
            out.append(Place(f"{street} {number}", "address", p.y, p.x, str(osm_id)))
        for key in _NAME_KEYS:
            if tags.get(key):
                out.append(Place(tags[key], "name", p.y, p.x, str(osm_id)))
    return out


def rank(places: list[Place], query: str, limit: int = 10) -> list[Place]:
    """Rank places for ``query``: exact match first, then prefix, then word match."""
    q = normalise(query)
    if not q:
        return []
    scored: list[tuple[int, int, str, Place]] = []
    for place in places:
        label = normalise(place.label)
        if label == q:
            score = 0
        elif label.startswith(q):
            score = 1
        elif q in label:
            score = 2
        else:
            continue
        scored.append((score, 0 if place.kind == "name" else 1, label, place))
    scored.sort(key=lambda s: (s[0], s[1], len(s[2]), s[2]))
    seen: set[str] = set()
    result: list[Place] = []
    for *_, place in scored:
        key = normalise(place.label)
        if key in seen:
            continue
        seen.add(key)
        result.append(place)
        if len(result) >= limit:
            break
    return result


def search_osm_file(pbf: str | Path, query: str, limit: int = 10) -> list[Place]:
    """Search names and addresses in an OSM PBF for ``query`` (case-insensitive).

    GDAL filters on the tag text in C++, so only candidate features reach Python.
    """
    words = [w for w in re.split(r"\s+", query.strip()) if w]
    if not words:
        return []
    like = max(words, key=len).replace("'", "''")
    places: list[Place] = []
    for layer in ("points", "multipolygons"):
        try:
            df = pyogrio.read_dataframe(
                pbf,
                layer=layer,
                where=f"all_tags ILIKE '%{like}%'",
                CONFIG_FILE=str(osmconf_path()),
            )
        except Exception as exc:  # pyogrio's DataSourceError and friends
            raise InputFileError(pbf, f"cannot search the OSM data ({exc})") from exc
        if "osm_id" in df:
            df["osm_id"] = df["osm_id"].astype(str)
        places += places_from_tags(df, [parse_hstore(t) for t in df["all_tags"]])
    return rank(places, query, limit)


def resolve_site(
    text: str, pbf: str | Path | None, source_name: str | None = None
) -> tuple[float, float, str]:
    """Resolve a site text into ``(lat, lon, label)``.

    Accepts "lat, lon", "rd:x,y", or a name/address searched in the OSM file.

    Raises
    ------
    SiteError
        When the text is no coordinate and nothing in the data matches it.
    """
    coords = parse_coordinates(text)
    if coords is not None:
        return coords[0], coords[1], text.strip()
    if pbf is None:
        raise SiteError(f"site {text!r} is not 'lat, lon' or 'rd:x,y' and no data to search")
    found = search_osm_file(pbf, text, limit=1)
    if not found:
        where = source_name or Path(pbf).name
        raise SiteError(f"site {text!r} not found in the names and addresses of {where}")
    return found[0].lat, found[0].lon, found[0].label


def places_from_layers(frames: dict[str, gpd.GeoDataFrame]) -> list[Place]:
    """Named features and address points of a loaded scan, for search suggestions.

    ``frames`` maps layer name to GeoDataFrame (any CRS); uses ``addresses.label`` and
    the ``name`` column of every frame.
    """
    places: list[Place] = []
    for layer_name, frame in frames.items():
        if frame.empty or frame.crs is None:
            continue
        cols = [c for c in ("label", "name") if c in frame.columns]
        if not cols:
            continue
        pts = frame.geometry.representative_point().to_crs("EPSG:4326")
        for col in cols:
            values = frame[col].to_numpy()
            for value, p, osm_id in zip(values, pts, frame.get("osm_id", [""] * len(frame))):
                if isinstance(value, str) and value:
                    kind = "address" if col == "label" else "name"
                    places.append(Place(value, kind, p.y, p.x, f"{layer_name}:{osm_id}"))
    return places
