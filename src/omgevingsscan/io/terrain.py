"""Terrain: a DEM/DTM GeoTIFF read for the study area only, and kept beside the scan.

:func:`read_dem` opens any GeoTIFF rasterio reads (AHN in the Netherlands, Copernicus
GLO-30 or SRTM elsewhere, in any CRS), reads only the window that covers the study
area (never the whole file) and warps it to a regular grid in the scan's metric CRS
(bilinear). The grid is saved next to the scan as ``<scan>.terrain.tif``, a sidecar
the scan names in ``scan.meta["terrain"]``; :func:`terrain_for` returns it for a
scan (loaded once, cached while the scan lives). Without one, analyses take the ground
as flat, and say so. Elevations are metres in the DEM's vertical datum. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import math
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from affine import Affine
from numpy.typing import ArrayLike, NDArray

from omgevingsscan.errors import ImportCancelled, InputFileError
from omgevingsscan.scan import Scan

#: Extra margin (metres) round the study circle that is read.
MARGIN_M = 50.0
#: Largest grid side (cells); coarser cells beyond that.
MAX_CELLS = 2048
#: Default vertical uncertainty of a DEM (metres): AHN is about ±0.15 m, GLO-30 and
#: SRTM several metres; ``read_dem(sigma_m=...)`` sets it.
DEFAULT_SIGMA_M = 0.5
#: Sidecar suffix: ``stadhuis.gpkg`` keeps its terrain in ``stadhuis.terrain.tif``.
SIDECAR_SUFFIX = ".terrain.tif"

FloatArray = NDArray[np.float64]


@dataclass
class Terrain:
    """A ground-elevation grid in the scan's CRS.

    Attributes
    ----------
    z
        ``(rows, cols)`` elevations in metres, row 0 at the top (north).
    x0, y0
        Map coordinates (metres) of the top-left corner of the grid.
    cell
        Cell size in metres (square cells).
    crs
        The scan's CRS.
    source, date
        The DEM file's name and date; ``sigma_m`` its vertical uncertainty (m).
    """

    z: NDArray[np.float32]
    x0: float
    y0: float
    cell: float
    crs: str
    source: str = ""
    date: str = ""
    sigma_m: float = DEFAULT_SIGMA_M

    def elevation(self, x: ArrayLike, y: ArrayLike) -> FloatArray:
        """Ground elevation (m) at map points, bilinear between cell centres; points
        outside the grid take the nearest edge value."""
        xs = np.asarray(x, dtype=float)
        ys = np.asarray(y, dtype=float)
        rows, cols = self.z.shape
        c = np.clip((xs - self.x0) / self.cell - 0.5, 0.0, cols - 1.0)
        r = np.clip((self.y0 - ys) / self.cell - 0.5, 0.0, rows - 1.0)
        c0 = np.minimum(np.floor(c).astype(np.int64), max(cols - 2, 0))
        r0 = np.minimum(np.floor(r).astype(np.int64), max(rows - 2, 0))
        c1, r1 = np.minimum(c0 + 1, cols - 1), np.minimum(r0 + 1, rows - 1)
        fc, fr = c - c0, r - r0
        z = self.z
        top = z[r0, c0] * (1 - fc) + z[r0, c1] * fc
        bottom = z[r1, c0] * (1 - fc) + z[r1, c1] * fc
        return np.asarray(top * (1 - fr) + bottom * fr, dtype=float)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(minx, miny, maxx, maxy)`` in metres."""
        rows, cols = self.z.shape
        return (self.x0, self.y0 - rows * self.cell, self.x0 + cols * self.cell, self.y0)

    def describe(self) -> str:
        """One line: source, grid, elevation range."""
        rows, cols = self.z.shape
        return (
            f"terrain from {self.source or 'a DEM'} ({self.date or 'date unknown'}): "
            f"{cols} x {rows} cells of {self.cell:.2f} m, ground "
            f"{float(np.nanmin(self.z)):.1f}–{float(np.nanmax(self.z)):.1f} m, ±{self.sigma_m:g} m"
        )

    def info(self) -> dict[str, Any]:
        """JSON-able description (kept in ``scan.meta["terrain"]``)."""
        rows, cols = self.z.shape
        return {
            "source": self.source,
            "date": self.date,
            "cell_m": self.cell,
            "shape": [rows, cols],
            "sigma_m": self.sigma_m,
            "min_m": round(float(np.nanmin(self.z)), 3),
            "max_m": round(float(np.nanmax(self.z)), 3),
        }


def _fill_nodata(z: NDArray[np.float32]) -> NDArray[np.float32]:
    """Fill no-data cells with the nearest valid value."""
    bad = ~np.isfinite(z)
    if not bad.any():
        return z
    if bad.all():
        raise ValueError("no valid elevations")
    from scipy import ndimage

    idx = ndimage.distance_transform_edt(bad, return_distances=False, return_indices=True)
    return z[tuple(idx)]


def read_dem(
    path: str | Path,
    crs: str,
    bounds: tuple[float, float, float, float],
    *,
    cell: float | None = None,
    sigma_m: float = DEFAULT_SIGMA_M,
    cancelled: Any = None,
) -> Terrain:
    """Read the part of a DEM GeoTIFF that covers ``bounds`` onto a grid in ``crs``.

    Parameters
    ----------
    path
        A GeoTIFF (or any raster rasterio reads) with a CRS; band 1 is the elevation.
    crs
        The scan's metric CRS.
    bounds
        ``(minx, miny, maxx, maxy)`` in ``crs`` metres: the study area.
    cell
        Cell size in metres; default the DEM's own resolution (in metres), coarsened
        so that the grid has at most :data:`MAX_CELLS` a side.
    sigma_m
        Vertical uncertainty of the DEM, metres.

    Raises
    ------
    InputFileError
        Missing or unreadable file, no CRS, or a DEM that does not cover the area.
    """
    import rasterio
    from rasterio.errors import RasterioIOError
    from rasterio.warp import Resampling, reproject, transform_bounds
    from rasterio.windows import from_bounds

    p = Path(path)
    if not p.is_file():
        raise InputFileError(p, "file not found")
    try:
        src = rasterio.open(p)
    except RasterioIOError as exc:
        raise InputFileError(p, f"not a readable raster ({exc})") from exc
    with src:
        if src.crs is None:
            raise InputFileError(p, "raster has no coordinate reference system")
        sb = transform_bounds(crs, src.crs, *bounds, densify_pts=21)
        db = src.bounds
        if sb[0] >= db.right or sb[2] <= db.left or sb[1] >= db.top or sb[3] <= db.bottom:
            raise InputFileError(p, "the DEM does not cover the study area")
        win = from_bounds(*sb, transform=src.transform)
        pad = 2
        col0 = max(math.floor(win.col_off) - pad, 0)
        row0 = max(math.floor(win.row_off) - pad, 0)
        col1 = min(math.ceil(win.col_off + win.width) + pad, src.width)
        row1 = min(math.ceil(win.row_off + win.height) + pad, src.height)
        window = rasterio.windows.Window(col0, row0, col1 - col0, row1 - row0)
        data = src.read(1, window=window, masked=True).astype(np.float32)
        arr = np.where(np.ma.getmaskarray(data), np.nan, np.ma.getdata(data)).astype(np.float32)
        win_transform = src.window_transform(window)
        native = abs(src.res[0])
        if src.crs.is_geographic:
            lat = math.radians((sb[1] + sb[3]) / 2)
            native *= 111_320.0 * max(math.cos(lat), 0.1)
        src_crs = src.crs
    if cancelled is not None and cancelled():
        raise ImportCancelled("terrain import cancelled")
    width, height = bounds[2] - bounds[0], bounds[3] - bounds[1]
    size = float(cell) if cell else max(native, max(width, height) / MAX_CELLS)
    cols, rows = max(math.ceil(width / size), 2), max(math.ceil(height / size), 2)
    dst = np.full((rows, cols), np.nan, dtype=np.float32)
    dst_transform = Affine(size, 0.0, bounds[0], 0.0, -size, bounds[3])
    reproject(
        arr,
        dst,
        src_transform=win_transform,
        src_crs=src_crs,
        src_nodata=np.nan,
        dst_transform=dst_transform,
        dst_crs=crs,
        dst_nodata=np.nan,
        resampling=Resampling.bilinear,
    )
    try:
        dst = _fill_nodata(dst)
    except ValueError as exc:
        raise InputFileError(p, "the DEM has no elevations in the study area") from exc
    date = dt.date.fromtimestamp(p.stat().st_mtime).isoformat()
    return Terrain(dst, bounds[0], bounds[3], size, crs, p.name, date, float(sigma_m))


def study_bounds(scan: Scan, margin: float = MARGIN_M) -> tuple[float, float, float, float]:
    """Bounds (metres, scan CRS) of the study circle plus ``margin``."""
    cx, cy = scan.study_area.centre
    r = scan.study_area.radius_m + margin
    return (cx - r, cy - r, cx + r, cy + r)


def sidecar_path(scan_path: str | Path) -> Path:
    """The terrain sidecar of a scan file: ``x.gpkg`` -> ``x.terrain.tif``."""
    p = Path(scan_path)
    return p.with_name(p.stem + SIDECAR_SUFFIX)


def save_terrain(terrain: Terrain, path: str | Path) -> Path:
    """Write the grid as a compressed GeoTIFF (float32) with its CRS and provenance."""
    import rasterio

    p = Path(path)
    tmp = p.with_name(f".{p.name}.tmp")
    try:
        with rasterio.open(
            tmp,
            "w",
            driver="GTiff",
            width=terrain.z.shape[1],
            height=terrain.z.shape[0],
            count=1,
            dtype="float32",
            crs=terrain.crs,
            transform=Affine(terrain.cell, 0.0, terrain.x0, 0.0, -terrain.cell, terrain.y0),
            compress="deflate",
        ) as dst:
            dst.write(terrain.z.astype(np.float32), 1)
            dst.update_tags(SOURCE=terrain.source, DATE=terrain.date, SIGMA_M=str(terrain.sigma_m))
        tmp.replace(p)
    except (OSError, rasterio.errors.RasterioIOError) as exc:
        raise InputFileError(p, f"cannot be written ({exc})") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return p


def load_terrain(path: str | Path) -> Terrain:
    """Read a terrain sidecar written by :func:`save_terrain`."""
    import rasterio
    from rasterio.errors import RasterioIOError

    p = Path(path)
    try:
        with rasterio.open(p) as src:
            z = src.read(1).astype(np.float32)
            tags = src.tags()
            t = src.transform
            crs = src.crs.to_string() if src.crs else ""
    except RasterioIOError as exc:
        raise InputFileError(p, f"terrain sidecar cannot be read ({exc})") from exc
    return Terrain(
        z,
        float(t.c),
        float(t.f),
        float(t.a),
        crs,
        tags.get("SOURCE", ""),
        tags.get("DATE", ""),
        float(tags.get("SIGMA_M", DEFAULT_SIGMA_M)),
    )


_CACHE: dict[int, tuple[weakref.ref[Scan], Terrain | None]] = {}


def set_terrain(scan: Scan, terrain: Terrain | None, scan_path: str | Path | None = None) -> None:
    """Give ``scan`` its terrain (None: flat ground); with ``scan_path`` also write the
    sidecar, and record it in ``scan.meta["terrain"]``."""
    for k in [k for k, (ref, _) in _CACHE.items() if ref() is None]:
        del _CACHE[k]
    _CACHE[id(scan)] = (weakref.ref(scan), terrain)
    if terrain is None:
        scan.meta.pop("terrain", None)
        return
    entry = terrain.info()
    if scan_path is not None:
        side = save_terrain(terrain, sidecar_path(scan_path))
        entry["file"] = side.name
        entry["path"] = str(side.resolve())
    scan.meta["terrain"] = entry


def keep_terrain(scan: Scan, scan_path: str | Path) -> None:
    """Before a scan is saved to ``scan_path``: write its terrain to the sidecar of that
    path (unless it is there already) and name it in ``scan.meta["terrain"]``."""
    terrain = terrain_for(scan)
    if terrain is None:
        return
    side = sidecar_path(scan_path)
    entry = scan.meta.get("terrain") or {}
    if entry.get("path") != str(side.resolve()) or not side.is_file():
        set_terrain(scan, terrain, scan_path)


def bind(scan: Scan, scan_path: str | Path) -> Terrain | None:
    """Load the terrain sidecar of a scan opened from ``scan_path`` (if it names one)."""
    entry = scan.meta.get("terrain")
    if not entry:
        return None
    side = Path(scan_path).with_name(entry.get("file", "")) if entry.get("file") else None
    if side is None or not side.is_file():
        side = Path(entry.get("path", "")) if entry.get("path") else None
    if side is None or not side.is_file():
        return None
    terrain = load_terrain(side)
    _CACHE[id(scan)] = (weakref.ref(scan), terrain)
    return terrain


def terrain_for(scan: Scan) -> Terrain | None:
    """The scan's terrain, or None when the ground is taken as flat."""
    hit = _CACHE.get(id(scan))
    if hit is not None and hit[0]() is scan:
        return hit[1]
    entry = scan.meta.get("terrain")
    if entry and entry.get("path") and Path(entry["path"]).is_file():
        terrain = load_terrain(entry["path"])
        _CACHE[id(scan)] = (weakref.ref(scan), terrain)
        return terrain
    return None


def ground_statement(scan: Scan) -> str:
    """Plain words on the ground model of the scan's 2.5D answers."""
    terrain = terrain_for(scan)
    if terrain is None:
        return "No terrain model: the ground is taken as flat."
    return "Ground from the " + terrain.describe()
