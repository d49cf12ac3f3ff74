"""Exposure of the site: from where can its façade be seen?

Everything is in metres in the index's (the scan's) metric CRS. Flat terrain, buildings
as prisms with flat roofs at their recorded height, observers' eyes at ``eye_height``.

Method
------
The site's **façade** is the outline of the site building(s) where it borders open
space (shared walls with adjoining buildings are not façade). It is sampled at points
5 cm in front of the walls, at most ``spacing`` metres apart, from 5 cm inside each
wall's ends (clear of the neighbouring wall at a corner).

- **Eye level.** From each sample, the exact isovist (angular sweep, see
  :mod:`.isovist`) among buildings higher than the eye. The union of these
  is exact at the samples and contains every point from which a contiguous stretch of
  façade at least ``spacing`` long is visible (such a stretch always holds a sample);
  points that see only a shorter sliver of wall can be missed.
- **Whole façade.** A standing person may see the upper façade over lower buildings.
  Seeing any point of a façade column is easiest at its top (every obstruction sets a
  lower bound on the height seen), so from samples ``top_spacing`` apart at the
  façade's height, the exact 2.5D viewshed onto the plane at eye height
  (:func:`.viewshed_25d`) is added. The same ``top_spacing`` guarantee holds.
  The views are unioned pairwise, neighbours along the façade first (same region,
  less work than one ``union_all``), on a thread pool.
- **Overlooking buildings.** Buildings whose walls are seen from the façade at eye
  level (exact visible stretches from the samples, summed per building), and buildings
  whose top-floor windows (``height - 1.4 m``; sampled every ``window_spacing`` metres
  on walls facing the site) have a clear 2.5D line of sight to the top of the façade.
- **Waiting spots.** Public places to wait (bus/tram stops, parking, benches, terraces,
  bridges). Each one's exact isovist gives the width (degrees) of façade in view at
  eye level; failing that, 2.5D sight lines to the façade top (``window_spacing``
  apart) find views of the upper façade only.

Each position also gets ``lowest_seen_m``: the lowest façade height in view (0 at eye
level: the line is clear of every building, so the whole wall there is seen; for the
upper-floor views, the lowest height seen over the roofs in between).

Positions are ranked by distance to the site, nearest first (ties: widest view).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.visibility.facade import (
    CLEARANCE_M,
    _cover_radius,
    along_facade,
    facade_samples,
    site_buildings,
)
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.analysis.visibility.isovist import isovist_ex
from omgevingsscan.analysis.visibility.overlook import _rank, position_rows
from omgevingsscan.analysis.visibility.shadows import union_tree
from omgevingsscan.analysis.visibility.viewshed import viewshed_25d
from omgevingsscan.errors import AnalysisInputError, ImportCancelled
from omgevingsscan.settings import EYE_HEIGHT_M

#: Neighbouring façade-top views per task; each task unions its own.
TOP_CHUNK = 8

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


@dataclass
class ExposureResult:
    """The answer of :func:`exposure` (metres, the index's CRS).

    Attributes
    ----------
    ground
        Public ground from which any part of the façade (up to ``facade_height``) is
        visible to a standing person.
    ground_eye
        The part of ``ground`` that sees the façade at eye level (entrances, ground
        floor windows).
    visible
        All open space in the study area seeing any part of the façade.
    positions
        Ranked overlook positions (points), columns :data:`POSITION_COLUMNS`.
    facade
        The façade walls analysed (lines, column ``osm_id``).
    site_buildings
        Index of each site building in the VisibilityIndex.
    facade_height, eye_height
        Metres.
    samples
        Number of façade samples used (eye level, whole façade).
    """

    ground: BaseGeometry
    ground_eye: BaseGeometry
    visible: BaseGeometry
    positions: gpd.GeoDataFrame
    facade: gpd.GeoDataFrame
    site_buildings: list[int]
    facade_height: float
    eye_height: float
    samples: tuple[int, int] = (0, 0)
    notes: list[str] = field(default_factory=list)


def _noop(_f: float, _m: str) -> None:
    return None


def exposure(
    index: VisibilityIndex,
    site: BaseGeometry,
    study_area: Polygon,
    *,
    public_ground: BaseGeometry | None = None,
    spots: gpd.GeoDataFrame | None = None,
    eye_height: float = EYE_HEIGHT_M,
    facade_height: float | None = None,
    spacing: float = 0.5,
    top_spacing: float = 4.0,
    window_spacing: float = 4.0,
    min_facade_m: float = 0.5,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExposureResult:
    """Find from where the site's façade can be seen.

    Parameters
    ----------
    index
        Buildings with heights (metres), from :class:`VisibilityIndex`.
    site
        The site: a point (the building containing it is the site; in open space the
        point itself is watched) or a polygon (the buildings it covers).
    study_area
        Polygon limiting the answer.
    public_ground
        Where the public may stand (streets, squares, water, parks); default: all open
        space in the study area. See :func:`public_ground_from_layers`.
    spots
        Candidate waiting spots (points) with columns ``category`` and optionally
        ``osm_id``, ``name``.
    eye_height
        Eye height of observers, metres.
    facade_height
        Height up to which the façade counts, metres; default the site's height.
    spacing, top_spacing, window_spacing
        Sample spacing (metres) along the façade at eye level, along the façade top
        for the whole-façade view, and along other buildings' walls for upper-floor
        windows.
    min_facade_m
        Buildings with less façade in view than this (metres) are not listed.
    progress, cancelled
        ``progress(fraction, message)`` reports; when ``cancelled()`` returns True the
        work stops with ImportCancelled.

    Returns
    -------
    ExposureResult
    """
    report = progress or _noop
    stop = cancelled or (lambda: False)

    def step(fraction: float, message: str) -> None:
        if stop():
            raise ImportCancelled("exposure analysis cancelled")
        report(fraction, message)

    for name, value in (
        ("spacing", spacing),
        ("top_spacing", top_spacing),
        ("window_spacing", window_spacing),
    ):
        if not (math.isfinite(value) and value > 0):
            raise AnalysisInputError(f"{name} must be > 0 m, got {value!r}")
    if study_area.is_empty:
        raise AnalysisInputError("the study area is empty")
    eye = float(eye_height)
    site_idx = site_buildings(index, site)
    if site_idx:
        site_shape: BaseGeometry = shapely.union_all(index.footprints[site_idx])
    else:
        site_shape = site if isinstance(site, Point) else site.buffer(0.0)
    z_top = (
        float(facade_height)
        if facade_height is not None
        else (float(index.heights[site_idx].max()) if site_idx else eye)
    )
    z_top = max(z_top, eye)
    is_site = np.zeros(len(index), dtype=bool)
    is_site[site_idx] = True
    notes: list[str] = []

    # Façade and samples.
    step(0.0, "Sampling the façade")
    facade_walls = np.flatnonzero(
        is_site[np.maximum(index.wall_owner, 0)] & (index.wall_owner >= 0)
    )
    walls = index.walls[facade_walls]
    if site_idx:
        eye_pts = facade_samples(walls, spacing)
        top_pts = facade_samples(walls, top_spacing)
        eye_rank = along_facade(walls, spacing)
        top_rank = along_facade(walls, top_spacing)
    else:  # a site in open space: watch the point itself
        pt = site if isinstance(site, Point) else site.representative_point()
        eye_pts = top_pts = np.array([[pt.x, pt.y]])
        eye_rank = top_rank = np.zeros(1, dtype=np.int64)
        notes.append("the site lies in open space; its location itself is watched")
    free = index.free_mask(eye_pts, CLEARANCE_M)
    eye_pts, eye_rank = eye_pts[free], eye_rank[free]
    free = index.free_mask(top_pts, CLEARANCE_M)
    top_pts, top_rank = top_pts[free], top_rank[free]
    if len(eye_pts) == 0:
        raise AnalysisInputError("the site has no façade on open space to look at")

    # Eye level: exact isovists among buildings higher than the eye.
    eye_index, parent = index.subset((index.heights > eye) | is_site)
    polys, pieces, piece_walls = [], [], []

    def eye_view(args: tuple[Any, float]) -> Any:
        return isovist_ex(eye_index, args[0], args[1], check=False)

    def merge_eye() -> BaseGeometry:
        # Neighbouring samples see almost the same: union them first (see union_tree).
        merged = union_tree(np.asarray(polys, dtype=object)[np.argsort(eye_rank)])
        return merged.intersection(study_area)

    # Whole façade: 2.5D viewshed from the façade top onto the eye plane.
    tops = []
    hull = study_area.convex_hull

    def top_views(chunk: list[tuple[Any, float]]) -> BaseGeometry:
        """The union of the views from a few neighbouring samples of the façade top."""
        views = []
        for p, r in chunk:
            try:
                vs = viewshed_25d(index, p, z_top, r, roofs=False, target_height=eye, within=hull)
            except AnalysisInputError:
                continue  # a sample inside an adjoining building at least as high
            views.append(vs.ground)
        return union_tree(np.asarray(views, dtype=object))

    # The views are independent and GEOS (and much of the isovist) releases the GIL, so
    # threads share the cores; the eye-level union runs while the first upper views are
    # computed. The answer does not depend on the order the views finish in.
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    try:
        jobs = list(zip(eye_pts, _cover_radius(eye_pts, study_area)))
        for i, iso in enumerate(pool.map(eye_view, jobs)):
            if i % 64 == 0:
                step(0.05 + 0.45 * i / len(jobs), "Isovists from the façade")
            polys.append(iso.polygon)
            pieces.append(iso.pieces)
            piece_walls.append(iso.piece_wall)
        step(0.5, "Merging the views")
        eye_merged = pool.submit(merge_eye)
        if z_top > eye and len(top_pts):
            along = np.argsort(top_rank, kind="stable")  # neighbours first for the union
            jobs = list(zip(top_pts[along], _cover_radius(top_pts[along], study_area)))
            # Each task unions its own few views, so most of the union runs in parallel.
            chunks = [jobs[i : i + TOP_CHUNK] for i in range(0, len(jobs), TOP_CHUNK)]
            for i, merged in enumerate(pool.map(top_views, chunks)):
                step(0.55 + 0.2 * i / len(chunks), "Views of the upper façade")
                tops.append(merged)
        public = study_area if public_ground is None else public_ground.intersection(study_area)

        def merge_all() -> tuple[BaseGeometry, BaseGeometry]:
            visible = union_tree(np.asarray([*tops, eye_merged.result()], dtype=object))
            visible = visible.intersection(study_area)
            return visible, visible.intersection(public)

        # The last unions run on the pool while this thread ranks the positions.
        merged_all = pool.submit(merge_all)
        ground_eye_job = pool.submit(lambda: eye_merged.result().intersection(public))
        rows = position_rows(
            index,
            eye_index,
            parent,
            is_site,
            site_idx,
            site_shape,
            study_area,
            walls,
            pieces,
            piece_walls,
            spots,
            z_top,
            eye,
            window_spacing,
            min_facade_m,
            step,
        )
        visible, ground = merged_all.result()
        ground_eye = ground_eye_job.result()
    except BaseException:
        # On Cancel, drop the work not started yet and do not wait for the running
        # pieces (pure geometry, they finish in the background within a second).
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    positions = _rank(rows, index.crs)
    facade = gpd.GeoDataFrame(
        {"osm_id": [index.osm_ids[i] for i in index.wall_owner[facade_walls]]},
        geometry=shapely.linestrings(walls.reshape(-1, 2, 2)) if len(walls) else [],
        crs=index.crs,
    )
    step(1.0, "Done")
    return ExposureResult(
        ground,
        ground_eye,
        visible,
        positions,
        facade,
        site_idx,
        z_top,
        eye,
        (len(eye_pts), len(top_pts)),
        notes,
    )
