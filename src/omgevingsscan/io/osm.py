"""Import a scan from an OSM file: the whole pipeline from file to Scan.

``import_scan`` checks the file, converts XML to PBF in C++, reads the features in the
study box with GDAL, classifies them into layers, builds the walk/bike/drive graphs
with pyosmium + osmnx, and works out how much of the study area the data covers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box

from omgevingsscan.crs import local_crs
from omgevingsscan.errors import ImportCancelled, SiteError
from omgevingsscan.io.geocode import resolve_site
from omgevingsscan.io.osm_extract import EXTRACT_THRESHOLD_BYTES, extract_box
from omgevingsscan.io.osm_features import classify, read_osm_frames
from omgevingsscan.io.osm_file import Bounds, as_pbf, read_bounds
from omgevingsscan.io.osm_graph import build_graph, read_highways
from omgevingsscan.io.osm_repair import META_KEY, RepairReport, repair_ways
from omgevingsscan.layers.osm import (
    OSM_LAYER_KINDS,
    DataExtentLayer,
    SiteLayer,
    StudyAreaLayer,
)
from omgevingsscan.scan import Scan, Site, StudyArea, check_radius
from omgevingsscan.speeds import MODES

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

#: Networks reach this far beyond the study circle (metres, and share of the radius),
#: so routes to the edge of the study area are whole.
NETWORK_MARGIN_M = 100.0
NETWORK_MARGIN_SHARE = 0.2


def _noop_progress(_fraction: float, _message: str) -> None:
    return None


def study_box_wgs84(site: Site, radius_m: float, margin_m: float) -> tuple[float, ...]:
    """Return the WGS84 box (west, south, east, north) around the study circle + margin."""
    circle = StudyArea((site.x, site.y), radius_m).polygon.buffer(margin_m)
    return tuple(gpd.GeoSeries([circle], crs=site.crs).to_crs("EPSG:4326").total_bounds)


def import_scan(
    osm_path: str | Path,
    site: str | tuple[float, float],
    *,
    radius_m: float = 500.0,
    name: str | None = None,
    kind: str = "other",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Scan:
    """Build a Scan from a local OSM file.

    Parameters
    ----------
    osm_path
        ``.osm``, ``.osm.bz2``, ``.osm.gz`` or ``.osm.pbf`` file, up to a whole country.
    site
        ``(lat, lon)`` in WGS84 degrees, or text: "lat, lon", "rd:x,y" (EPSG:28992
        metres) or a name/address to find in the file.
    radius_m
        Study radius in metres (50–3000).
    name, kind
        Site name (default: the found label) and kind (residence, townhall, venue, other).
    progress
        Called with (fraction 0–1, message).
    cancelled
        Polled; when it returns True the import stops with ImportCancelled.

    Returns
    -------
    Scan
        Layers in the local metric CRS, clipped to the study area.
    """
    report = progress or _noop_progress
    is_cancelled = cancelled or (lambda: False)
    radius_m = check_radius(radius_m)
    path = Path(osm_path)

    def step(fraction: float, message: str) -> None:
        if is_cancelled():
            raise ImportCancelled("import cancelled")
        report(fraction, message)

    step(0.0, "Checking the file")
    with as_pbf(path) as pbf:
        step(0.1, "Finding the site")
        if isinstance(site, tuple):
            lat, lon = site
            label = f"{lat:.6f}, {lon:.6f}"
        else:
            lat, lon, label = resolve_site(site, pbf, path.name)
        the_site = Site(name or label, kind, lat, lon, crs=local_crs(lat, lon))
        crs = the_site.crs
        study = StudyArea((the_site.x, the_site.y), radius_m)
        bounds = read_bounds(pbf)
        if bounds is not None:
            _check_site_in_bounds(path, the_site, bounds)

        margin = NETWORK_MARGIN_M + NETWORK_MARGIN_SHARE * radius_m
        net_box = study_box_wgs84(the_site, radius_m, margin)
        feature_box = study_box_wgs84(the_site, radius_m, 10.0)
        repairs = RepairReport()
        with (
            _cut_down(pbf, net_box, step, is_cancelled) as cut,
            repair_ways(cut, feature_box, repairs, is_cancelled) as src,  # type: ignore[arg-type]
        ):
            step(0.3, "Reading features")
            frames = read_osm_frames(src, feature_box)  # type: ignore[arg-type]
            step(0.45, "Classifying layers")
            layers = classify(
                frames, study.polygon, crs, dropped=repairs.dropped, fixed=repairs.invalid_fixed
            )
            if all(frame.empty for frame in layers.values()):
                raise SiteError(f"no OSM data within {radius_m:g} m of the site in {path.name}")
            step(0.55, "Reading the street network")
            nodes, ways, newest = read_highways(src, net_box, is_cancelled)  # type: ignore[arg-type]
        area = gpd.GeoSeries([study.polygon.buffer(margin)], crs=crs).to_crs("EPSG:4326")[0]
        graphs = {}
        for i, mode in enumerate(MODES):
            step(0.65 + 0.1 * i, f"Building the {mode} network")
            graphs[mode] = build_graph(nodes, ways, mode, area, crs)

    step(0.95, "Assembling the scan")
    scan = Scan(
        site=the_site,
        study_area=study,
        crs=crs,
        graphs=graphs,
        source=path.name,
        imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        data_date=newest,
        meta={META_KEY: repairs.as_meta()},
    )
    for layer_name, cls in OSM_LAYER_KINDS.items():
        layer = cls(layer_name, layers[layer_name])
        if layer_name == "addresses":
            layer.visible = False
        scan.layers.append(layer)
    extent = _extent_polygon(bounds, crs, layers)
    scan.coverage = float(extent.intersection(study.polygon).area / study.polygon.area)
    scan.layers.append(
        DataExtentLayer(
            "data_extent", gpd.GeoDataFrame({"source": [path.name]}, geometry=[extent], crs=crs)
        )
    )
    scan.layers.append(
        StudyAreaLayer(
            "study_area",
            gpd.GeoDataFrame({"radius_m": [radius_m]}, geometry=[study.polygon], crs=crs),
        )
    )
    scan.layers.append(
        SiteLayer(
            "site",
            gpd.GeoDataFrame(
                {"name": [the_site.name], "kind": [the_site.kind]},
                geometry=[the_site.point],
                crs=crs,
            ),
        )
    )
    report(1.0, "Done")
    return scan


@contextmanager
def _cut_down(
    pbf: Path, box: tuple[float, ...], step: Callable[[float, str], None], cancelled: Cancelled
) -> Iterator[Path]:
    """Yield ``pbf`` itself, or for a large file a small extract of ``box`` (streamed)."""
    if pbf.stat().st_size < EXTRACT_THRESHOLD_BYTES:
        yield pbf
        return
    step(0.15, "Cutting the study area out of the large file")
    with extract_box(pbf, box, cancelled) as small:  # type: ignore[arg-type]
        yield small


def _check_site_in_bounds(path: Path, site: Site, bounds: Bounds) -> None:
    w, s, e, n = bounds.as_tuple()
    if not (w <= site.lon <= e and s <= site.lat <= n):
        raise SiteError(
            f"site {site.lat:.5f}, {site.lon:.5f} lies outside the data in {path.name} "
            f"(lat {s:.4f}–{n:.4f}, lon {w:.4f}–{e:.4f})"
        )


def _extent_polygon(bounds: Bounds | None, crs: str, layers: dict[str, gpd.GeoDataFrame]):  # type: ignore[no-untyped-def]
    """The data's bounds as a polygon in ``crs`` (densified so it stays straight-ish)."""
    if bounds is not None:
        poly = box(*bounds.as_tuple()).segmentize(0.0005)
        return gpd.GeoSeries([poly], crs="EPSG:4326").to_crs(crs)[0]
    frames = [f for f in layers.values() if not f.empty]
    return box(*gpd.GeoSeries(gpd.pd.concat([f.geometry for f in frames])).total_bounds)
