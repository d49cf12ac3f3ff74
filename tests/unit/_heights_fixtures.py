"""Small measured-height and terrain files in the real formats, built for the tests.

- a 3D BAG GeoPackage (layer ``pand``) and CityJSON / CityJSON Lines tiles with the
  official attribute names (``identificatie``, ``b3_h_maaiveld``, ``b3_h_dak_50p``,
  ``b3_h_dak_70p``, ``b3_h_dak_min``, ``b3_h_dak_max``, ``b3_pw_datum``) for a dozen
  demo buildings (matched by ``ref:bag``) and three more whose ids do not match (so
  they join by footprint overlap), plus one far away that matches nothing;
- a GeoTIFF with a ridge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from shapely import affinity
from shapely.geometry import LineString, Polygon

GROUND_NAP = -0.4  # Amsterdam's streets lie about half a metre below NAP
DATE = 2022


@dataclass
class BagCase:
    """The buildings of the fixture: ``rows`` of the 3D BAG tile, the osm ids matched
    by id and by overlap, and for each id-matched building a sight line across it
    that crosses no other building (ends in open space)."""

    rows: gpd.GeoDataFrame
    by_id: list[str]
    by_overlap: list[str]
    lines: dict[str, tuple[np.ndarray, np.ndarray]]
    measured: dict[str, float]
    default: dict[str, float]


def _ref(tags: str) -> str:
    return str(json.loads(tags).get("ref:bag", ""))


def _crossing_line(
    geom: Polygon, others: shapely.STRtree, own: int, grown: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """A line through the footprint's centre whose ends are 4 m outside it and that
    crosses no other footprint."""
    c = np.asarray(geom.centroid.coords[0])
    reach = float(shapely.hausdorff_distance(geom, geom.centroid)) + 4.0
    for deg in range(0, 180, 15):
        d = np.array([np.cos(np.radians(deg)), np.sin(np.radians(deg))])
        a, b = c - reach * d, c + reach * d
        hits = set(others.query(LineString([a, b]), predicate="intersects").tolist())
        if hits == {own} and not any(
            grown[own].buffer(0.5).contains(shapely.Point(p)) for p in (a, b)
        ):
            return a, b
    return None


def bag_case(buildings: gpd.GeoDataFrame) -> BagCase:
    """Pick twelve detached-enough demo buildings with a ref:bag and a default height,
    and three others; give them measured heights (half their default)."""
    grown = shapely.buffer(np.asarray(buildings.geometry.values), 0.05)
    tree = shapely.STRtree(grown)
    by_id: list[str] = []
    lines: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for i, row in buildings.iterrows():
        if len(by_id) == 12:
            break
        if row["height_source"] != "type default" or not _ref(row["tags"]):
            continue
        if row["height"] < 9.0:
            continue
        line = _crossing_line(row.geometry, tree, int(i), grown)
        if line is not None:
            by_id.append(str(row["osm_id"]))
            lines[str(row["osm_id"])] = line
    rest = buildings[~buildings["osm_id"].isin(by_id) & (buildings.geometry.area > 60)]
    by_overlap = [str(v) for v in rest["osm_id"].iloc[::50][:3]]
    records = []
    measured, default = {}, {}
    for k, osm_id in enumerate(by_id + by_overlap):
        row = buildings[buildings["osm_id"] == osm_id].iloc[0]
        h = round(float(row["height"]) * 0.5, 2)
        measured[osm_id], default[osm_id] = h, float(row["height"])
        if osm_id in by_id:
            ident = "NL.IMBAG.Pand." + _ref(row["tags"]).split(";")[0].zfill(16)
            geom = row.geometry
        else:  # an id that matches nothing, a footprint shifted by 30 cm
            ident = f"NL.IMBAG.Pand.03631000999{k:05d}"
            geom = affinity.translate(row.geometry, 0.3, 0.2)
        records.append(_bag_record(ident, geom, h))
    far = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    records.append(_bag_record("NL.IMBAG.Pand.0363100088888888", far, 6.0))
    rows = gpd.GeoDataFrame(records, geometry="geometry", crs=buildings.crs)
    return BagCase(rows, by_id, by_overlap, lines, measured, default)


def _bag_record(ident: str, geom: Polygon, h: float) -> dict[str, object]:
    return {
        "identificatie": ident,
        "status": "Pand in gebruik",
        "b3_h_maaiveld": GROUND_NAP,
        "b3_h_dak_min": GROUND_NAP + h - 1.5,
        "b3_h_dak_50p": GROUND_NAP + h - 0.4,
        "b3_h_dak_70p": GROUND_NAP + h,
        "b3_h_dak_max": GROUND_NAP + h + 1.2,
        "b3_pw_datum": DATE,
        "geometry": geom,
    }


def write_gpkg(case: BagCase, path: Path) -> Path:
    """The 3D BAG GeoPackage layout: a ``pand`` layer in EPSG:28992 (and a decoy
    layer first without heights)."""
    frame = case.rows.to_crs("EPSG:28992")
    decoy = frame[["identificatie", "geometry"]]
    pyogrio.write_dataframe(decoy, path, layer="lod12_3d_decoy", driver="GPKG")
    pyogrio.write_dataframe(frame, path, layer="pand", driver="GPKG", append=True)
    return path


def _city_object(row: object, xy_index: dict[tuple[int, int, int], int], verts: list) -> dict:
    surfaces = []
    for part in shapely.get_parts(row.geometry):  # type: ignore[attr-defined]
        ring = []
        for x, y in list(part.exterior.coords)[:-1]:
            q = (round((x - 100000) * 1000), round((y - 480000) * 1000), round(GROUND_NAP * 1000))
            if q not in xy_index:
                xy_index[q] = len(verts)
                verts.append(list(q))
            ring.append(xy_index[q])
        surfaces.append([ring])
    attrs = {
        k: getattr(row, k)
        for k in ("b3_h_maaiveld", "b3_h_dak_min", "b3_h_dak_50p", "b3_h_dak_70p", "b3_h_dak_max")
    }
    attrs["b3_pw_datum"] = DATE
    return {
        "type": "Building",
        "attributes": attrs,
        "geometry": [{"type": "MultiSurface", "lod": "0", "boundaries": surfaces}],
    }


def _header() -> dict:
    return {
        "type": "CityJSON",
        "version": "2.0",
        "transform": {"scale": [0.001, 0.001, 0.001], "translate": [100000, 480000, 0]},
        "metadata": {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/7415"},
    }


def write_cityjson(case: BagCase, path: Path) -> Path:
    """One CityJSON 2.0 file, vertices quantised to millimetres."""
    frame = case.rows.to_crs("EPSG:28992")
    verts: list = []
    index: dict = {}
    objects = {
        r.identificatie: _city_object(r, index, verts) for r in frame.itertuples(index=False)
    }
    doc = {**_header(), "CityObjects": objects, "vertices": verts}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def write_cityjsonl(case: BagCase, path: Path) -> Path:
    """CityJSON Lines: a header, then one CityJSONFeature per building."""
    frame = case.rows.to_crs("EPSG:28992")
    lines = [json.dumps(_header() | {"CityObjects": {}, "vertices": []})]
    for r in frame.itertuples(index=False):
        verts: list = []
        obj = _city_object(r, {}, verts)
        lines.append(
            json.dumps(
                {
                    "type": "CityJSONFeature",
                    "id": r.identificatie,
                    "CityObjects": {r.identificatie: obj},
                    "vertices": verts,
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_ridge_tif(
    path: Path,
    crs: str,
    bounds: tuple[float, float, float, float],
    ridge: tuple[np.ndarray, np.ndarray],
    *,
    height: float = 25.0,
    width: float = 8.0,
    cell: float = 1.0,
    base: float = 0.0,
) -> Path:
    """A GeoTIFF in ``crs`` over ``bounds`` (metres): ground at ``base`` with a ridge
    ``height`` m high along the line ``ridge`` (Gaussian cross-section, ``width`` m)."""
    import rasterio
    from affine import Affine

    x0, y0, x1, y1 = bounds
    cols, rows = int((x1 - x0) / cell), int((y1 - y0) / cell)
    xs = x0 + (np.arange(cols) + 0.5) * cell
    ys = y1 - (np.arange(rows) + 0.5) * cell
    gx, gy = np.meshgrid(xs, ys)
    p, q = ridge
    d = q - p
    n = np.array([-d[1], d[0]]) / np.hypot(*d)
    dist = (gx - p[0]) * n[0] + (gy - p[1]) * n[1]
    z = (base + height * np.exp(-0.5 * (dist / width) ** 2)).astype(np.float32)
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=cols,
        height=rows,
        count=1,
        dtype="float32",
        crs=crs,
        transform=Affine(cell, 0.0, x0, 0.0, -cell, y1),
        tiled=True,
        blockxsize=256,
        blockysize=256,
    ) as dst:
        dst.write(z, 1)
    return path
