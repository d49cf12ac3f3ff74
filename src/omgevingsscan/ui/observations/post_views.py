"""The view of every observation post on the map: its cone clipped by buildings.

:class:`PostViews` keeps a derived layer, ``post_views``
(:class:`~omgevingsscan.layers.posts.PostViewsLayer`), in step with the posts layer: one
polygon per post (and per OSM surveillance camera when that is switched on), so the views
print and toggle like any layer. The buildings are prepared once per scan in a background
thread (:func:`~omgevingsscan.analysis.visibility.index_for`, cached and shared with the
other visibility tools; about 0.5 s for the demo scan). Until then, and for a post whose
view cannot be computed, the unclipped cone is drawn dashed. A clipped view then takes a
few milliseconds, so a post being dragged shows its view live (:meth:`PostViews.preview`).

With a terrain model in the scan, each settled view is then computed again over the
terrain (:func:`~omgevingsscan.analysis.observation.post_view_terrain`, a grid of 3D
sight lines, about a second for a 100 m post) in a background job; the layer's
``ground_model`` column says which each view is ("flat" until then, and while a post is
dragged).
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import geopandas as gpd
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.observation import cctv_posts, post_view, post_view_terrain
from omgevingsscan.analysis.visibility import index_for
from omgevingsscan.analysis.visibility.index import VisibilityIndex
from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.io.terrain import Terrain, terrain_for
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.posts import ObservationPost, PostsLayer, PostViewsLayer
from omgevingsscan.scan import Scan
from omgevingsscan.ui.worker import Job

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost

#: Name of the views layer (also its table when the scan is saved).
VIEWS_LAYER = "post_views"


class PostViews(QObject):
    """Keeps the ``post_views`` layer equal to the views of the posts (and OSM cameras).

    Signals
    -------
    changed()
        The views were recomputed (the coverage follows).
    index_ready()
        The buildings are prepared; views are clipped from now on.
    """

    changed = Signal()
    index_ready = Signal()

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.scan: Scan | None = None
        self.posts: PostsLayer | None = None
        self.index: VisibilityIndex | None = None
        self.show_cctv = False
        #: uuid → the post's view
        self.views: dict[str, View] = {}
        self.last_preview_ms = 0.0
        self._cctv: list[View] = []
        self._preview: dict[str, ObservationPost] = {}
        self._index_job: Job | None = None
        self._terrain_job: Job | None = None
        self._old_jobs: list[Job] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update_views)
        window.terrain_changed.connect(self.terrain_changed)

    # -- binding --------------------------------------------------------------------------------
    def bind(self, scan: Scan | None, posts: PostsLayer | None) -> None:
        """Follow ``posts`` of ``scan`` (None: stop)."""
        if self.posts is not None:
            for signal in (self.posts.events.added, self.posts.events.changed):
                signal.disconnect(self._schedule)
            self.posts.events.removed.disconnect(self._schedule)
        if self.scan is not None and self.scan is not scan:
            self._stop_terrain_job()
            self.index = None
            self._cctv = []
            self.views = {}
            if self._index_job is not None:
                self._index_job.succeeded.disconnect(self._on_index)
                self._index_job.cancel()
                self._old_jobs.append(self._index_job)
                self._index_job = None
        self.scan, self.posts = scan, posts
        self._preview = {}
        if posts is not None:
            for signal in (posts.events.added, posts.events.changed, posts.events.removed):
                signal.connect(self._schedule)
            if len(posts) or self.show_cctv:
                self.ensure_index()
            self.update_views()

    def close(self) -> None:
        """Stop following and wait for the background preparation."""
        self.bind(None, None)
        self._stop_terrain_job()
        with contextlib.suppress(RuntimeError, TypeError):  # already closed
            self.window.terrain_changed.disconnect(self.terrain_changed)
        for job in list(self._old_jobs):
            finish_job(job)

    def _schedule(self, *_: Any) -> None:
        self._timer.start()

    # -- the buildings index ----------------------------------------------------------------------
    def ensure_index(self) -> None:
        """Prepare the buildings in the background, once per scan."""
        if self.index is not None or self._index_job is not None or self.scan is None:
            return
        scan = self.scan

        def task(_progress: Any, _cancelled: Any) -> VisibilityIndex:
            # shared with the other visibility tools (cached per buildings frame)
            if "buildings" in scan.layers:
                return index_for(scan)
            return VisibilityIndex(gpd.GeoDataFrame(geometry=[]))

        job = Job(task, "index", self)
        job.succeeded.connect(self._on_index)
        job.done.connect(lambda: self._forget_job(job))
        self._index_job = job
        job.start()

    def _forget_job(self, job: Job) -> None:
        if job is self._index_job:
            self._index_job = None
        if job is self._terrain_job:
            self._terrain_job = None
        if job in self._old_jobs:
            self._old_jobs.remove(job)

    def _on_index(self, index: VisibilityIndex) -> None:
        self.index = index
        self.views = {}
        self._cctv = []
        self.update_views()
        self.index_ready.emit()

    def wait_for_index(self, ms: int = 30000) -> bool:
        """Prepare the index if needed and wait until it is ready (tests, screenshots)."""
        self.ensure_index()
        job = self._index_job
        if job is not None:
            finish_job(job, ms)
        return self.index is not None

    # -- views ------------------------------------------------------------------------------------
    def view_of(self, post: ObservationPost, source: str = "post") -> View:
        """The view of ``post`` (clipped by buildings once they are prepared)."""
        if self.index is None:
            return View(post, post.cone(), False, "", post.point, source)
        try:
            v = post_view(self.index, post)
        except (OmgevingsscanError, ValueError) as exc:
            return View(post, post.cone(), False, str(exc), post.point, source)
        return View(post, v.polygon, True, "", v.origin, source)

    def _cached(self, post: ObservationPost) -> View:
        old = self.views.get(post.uuid)
        if old is not None and _same_view(old.post, post) and (old.clipped or self.index is None):
            return replace(old, post=post)
        return self.view_of(post)

    def update_views(self) -> None:
        """Recompute what changed and write the views layer."""
        if self.posts is None or self.scan is None:
            return
        if len(self.posts) and self.index is None:
            self.ensure_index()
        self.views = {p.uuid: self._cached(p) for p in self.posts}
        if self.show_cctv and not self._cctv and self.index is not None:
            poi = self.scan.frame("poi") if "poi" in self.scan.layers else None
            cams = cctv_posts(poi) if poi is not None else []
            self._cctv = [self.view_of(c, "cctv") for c in cams]
        self._write()
        self.changed.emit()
        self._start_terrain_job()

    # -- over terrain -----------------------------------------------------------------------------
    def terrain(self) -> Terrain | None:
        """The scan's terrain model (None: the ground is taken as flat)."""
        return terrain_for(self.scan) if self.scan is not None else None

    def terrain_changed(self, scan: Scan | None = None) -> None:
        """The scan's terrain was imported, replaced or removed: work the views out
        again (flat first, then over the new terrain in the background)."""
        if self.scan is None or (scan is not None and scan is not self.scan):
            return
        self._stop_terrain_job()
        self.views = {k: v for k, v in self.views.items() if v.ground_model == "flat"}
        self._cctv = []
        self.update_views()

    def _stop_terrain_job(self) -> None:
        job = self._terrain_job
        if job is not None:
            job.succeeded.disconnect(self._on_terrain_views)
            job.cancel()
            self._old_jobs.append(job)
            self._terrain_job = None

    def _start_terrain_job(self) -> None:
        """Compute the flat views again over the terrain, in the background."""
        terrain, index = self.terrain(), self.index
        todo = [v for v in [*self.views.values(), *self._cctv] if v.clipped]
        todo = [v for v in todo if v.ground_model == "flat"]
        if terrain is None or index is None or not todo:
            return
        self._stop_terrain_job()

        def task(_progress: Any, cancelled: Any) -> list[View]:
            out = []
            for v in todo:
                if cancelled():
                    break
                try:
                    t = post_view_terrain(index, terrain, v.post, v.source)
                except (OmgevingsscanError, ValueError):
                    continue  # the flat view stays, and says so
                out.append(View(v.post, t.polygon, True, "", t.origin, v.source, "terrain"))
            return out

        job = Job(task, "post views over terrain", self)
        job.succeeded.connect(self._on_terrain_views)
        job.done.connect(lambda: self._forget_job(job))
        self._terrain_job = job
        job.start()

    def _on_terrain_views(self, views: list[View]) -> None:
        changed = False
        for v in views:
            if v.source == "cctv":
                at = next((i for i, c in enumerate(self._cctv) if c.post.uuid == v.post.uuid), None)
                if at is not None:
                    self._cctv[at], changed = v, True
                continue
            old = self.views.get(v.post.uuid)
            if old is not None and _same_view(old.post, v.post):
                self.views[v.post.uuid], changed = replace(v, post=old.post), True
        if changed:
            self._write()
            self.changed.emit()

    def wait_for_terrain(self, ms: int = 60000) -> bool:
        """Wait until the views over terrain are done (tests, screenshots)."""
        job = self._terrain_job
        if job is not None:
            finish_job(job, ms)
        return self._terrain_job is None

    def preview(self, post: ObservationPost | None, uuid: str = "") -> None:
        """Show ``post`` (a changed copy of a post being dragged) live; None ends it."""
        start = time.perf_counter()
        if post is None:
            self._preview.pop(uuid, None)
        else:
            self._preview[post.uuid] = post
        self._write()
        self.last_preview_ms = (time.perf_counter() - start) * 1000

    def set_show_cctv(self, show: bool) -> None:
        """Show the views of OSM surveillance cameras as well."""
        self.show_cctv = show
        if show:
            self.ensure_index()
        else:
            self._cctv = []
        self.update_views()

    def cctv(self) -> list[ObservationPost]:
        """The OSM cameras shown (empty when switched off or not ready)."""
        return [c.post for c in self._cctv]

    def shown(self) -> list[View]:
        """The views drawn now (posts being dragged at their new place)."""
        rows = []
        for uuid, view in self.views.items():
            moving = self._preview.get(uuid)
            rows.append(self.view_of(moving) if moving is not None else view)
        return rows + list(self._cctv)

    def _write(self) -> None:
        scan = self.scan
        if scan is None or self.posts is None:
            return
        rows = [r for r in self.shown() if not r.polygon.is_empty]
        layer = scan.layers.get(VIEWS_LAYER)
        if not rows and layer is None:
            return
        frame = gpd.GeoDataFrame(
            {
                "uuid": [r.post.uuid for r in rows],
                "name": [r.post.name for r in rows],
                "source": [r.source for r in rows],
                "shown": [r.source if r.clipped else "rough" for r in rows],
                "clipped": [r.clipped for r in rows],
                "moved_m": [round(r.moved_m, 2) for r in rows],
                "area_m2": [round(float(r.polygon.area), 1) for r in rows],
                "problem": [r.problem for r in rows],
                "ground_model": [r.ground_model for r in rows],
            },
            geometry=[r.polygon for r in rows],
            crs=scan.crs,
        )
        if isinstance(layer, VectorLayer):
            layer.data = frame
            return
        if layer is not None:
            return  # a layer of another kind has the name; leave it alone
        posts_style = self.posts.style
        cone = {
            "fill": posts_style.get("cone_fill", "#457b9d"),
            "stroke": posts_style.get("cone_stroke", "#1d3557"),
            "fill_opacity": float(posts_style.get("cone_opacity", 0.25)),
        }
        layer = PostViewsLayer(VIEWS_LAYER, frame, style=cone)
        where = scan.layers.index(self.posts) if self.posts in scan.layers else len(scan.layers)
        scan.layers.insert(where, layer)

    def problems(self) -> dict[str, str]:
        """Posts whose view could not be clipped, and why."""
        return {u: v.problem for u, v in self.views.items() if v.problem}


@dataclass(frozen=True)
class View:
    """The view of one post as drawn: polygon, whether buildings clip it, and from where
    it is seen (moved out of a building when the post stands in one)."""

    post: ObservationPost
    polygon: BaseGeometry
    clipped: bool
    problem: str
    origin: Point
    source: str = "post"
    ground_model: str = "flat"

    @property
    def moved_m(self) -> float:
        """How far the view's origin lies from the post, metres."""
        return float(self.origin.distance(self.post.point))


def finish_job(job: Job, ms: int = 30000) -> bool:
    """Let ``job`` end, handling events meanwhile (its thread stops on the UI thread)."""
    deadline = time.monotonic() + ms / 1000
    while job.is_running() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QThread.msleep(2)
    return not job.is_running()


def _same_view(a: ObservationPost, b: ObservationPost) -> bool:
    return (
        a.geometry.equals(b.geometry)
        and a.direction_deg == b.direction_deg
        and a.fov_deg == b.fov_deg
        and a.range_m == b.range_m
        and a.height_m == b.height_m
    )
