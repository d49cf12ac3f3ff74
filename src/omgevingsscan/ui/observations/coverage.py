"""Coverage of the target area by the observation posts: figures, blind-spot layer, list.

The Coverage action runs :func:`omgevingsscan.analysis.observation.coverage_report` in the
background (``window.run_job``: progress and Cancel). The result shows in a dock: the
share of the target seen by at least one and by at least two posts, and the blind spots
ranked by size or by distance to the site (click one to zoom to it); the blind spots
are also the ``blind_spots`` layer. Once shown, the coverage follows the posts: a change
(a post moved, added, turned) recomputes it after a short pause, quietly in its own
thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from omgevingsscan.analysis.observation import (
    TARGET_RADIUS_M,
    CoverageReport,
    blind_spots_frame,
    coverage_report,
)
from omgevingsscan.export.snapshot import snapshot_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.posts import BlindSpotsLayer
from omgevingsscan.scan import Scan
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.observations.post_views import VIEWS_LAYER, PostViews, finish_job
from omgevingsscan.ui.worker import Job

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost

#: Name of the blind-spot layer.
BLIND_LAYER = "blind_spots"
#: Pause after the last post change before the coverage is recomputed (ms).
DEBOUNCE_MS = 600


class _NumberItem(QTableWidgetItem):
    """A table cell that sorts by its number."""

    def __init__(self, value: float, text: str) -> None:
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole, value)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return float(self.data(Qt.ItemDataRole.UserRole)) < float(
            other.data(Qt.ItemDataRole.UserRole)
        )


class CoveragePanel(QWidget):
    """Shares seen by ≥1 and ≥2 posts, and the ranked blind spots."""

    #: The user picked a blind spot (its index in the report's list).
    spot_picked = Signal(int)
    #: Options changed (radius, OSM cameras): recompute.
    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: CoverageReport | None = None
        self.radius = QSpinBox()
        self.radius.setRange(10, 1000)
        self.radius.setSingleStep(10)
        self.radius.setSuffix(self.tr(" m"))
        self.radius.setValue(round(TARGET_RADIUS_M))
        self.radius.setToolTip(self.tr("Public ground within this distance of the site"))
        self.cctv = QCheckBox(self.tr("Count OSM cameras"))
        self.auto = QCheckBox(self.tr("Update when posts change"))
        self.auto.setChecked(True)
        self.target = QLabel(self.tr("Run Coverage to see how much the posts see."))
        self.target.setWordWrap(True)
        self.share_1 = QProgressBar()
        self.share_2 = QProgressBar()
        for bar in (self.share_1, self.share_2):
            bar.setRange(0, 1000)
            bar.setValue(0)
            bar.setFormat("–")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rank = QComboBox()
        self.rank.addItem(self.tr("largest first"), "size")
        self.rank.addItem(self.tr("nearest to the site first"), "distance")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("blind-spots")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Rank"), self.tr("Area (m²)"), self.tr("Distance (m)")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.itemSelectionChanged.connect(self._on_pick)
        self.rank.currentIndexChanged.connect(self._sort)
        self.radius.editingFinished.connect(self.options_changed)
        self.cctv.toggled.connect(self.options_changed)
        form = QFormLayout()
        form.addRow(self.tr("Target radius"), self.radius)
        form.addRow(self.tr("Seen by ≥ 1 post"), self.share_1)
        form.addRow(self.tr("Seen by ≥ 2 posts"), self.share_2)
        options = QHBoxLayout()
        options.addWidget(self.cctv)
        options.addWidget(self.auto)
        rank_row = QHBoxLayout()
        rank_row.addWidget(QLabel(self.tr("Blind spots,")))
        rank_row.addWidget(self.rank, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.target)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addLayout(rank_row)
        layout.addWidget(self.table, 1)

    def show_report(self, report: CoverageReport | None) -> None:
        """Show the figures and blind spots of ``report`` (None: clear)."""
        self.report = report
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        if report is None:
            self.share_1.setValue(0)
            self.share_2.setValue(0)
            self.summary.clear()
            return
        c = report.coverage
        self.target.setText(
            self.tr("Target: public ground within {0} m of the site, {1} m².").format(
                f"{report.target_radius_m:g}", f"{c.target_area_m2:,.0f}"
            )
        )
        for bar, share in ((self.share_1, c.share_1), (self.share_2, c.share_2)):
            bar.setValue(round(share * 1000))
            bar.setFormat(f"{share:.0%}")
        posts = sum(1 for v in report.views if v.source == "post")
        cams = len(report.views) - posts
        blind = sum(b.area_m2 for b in c.blind_spots)
        self.summary.setText(
            self.tr(
                "{0} posts and {1} OSM cameras counted; {2} blind spots, {3} m² in all."
            ).format(posts, cams, len(c.blind_spots), f"{blind:,.0f}")
        )
        self.table.setRowCount(len(c.blind_spots))
        for row, spot in enumerate(c.blind_spots):
            rank = QTableWidgetItem(str(spot.rank_size))
            rank.setData(Qt.ItemDataRole.UserRole, row)
            self.table.setItem(row, 0, rank)
            self.table.setItem(row, 1, _NumberItem(spot.area_m2, f"{spot.area_m2:,.0f}"))
            self.table.setItem(row, 2, _NumberItem(spot.distance_m, f"{spot.distance_m:,.0f}"))
        self.table.setSortingEnabled(True)
        self._sort()

    def _sort(self) -> None:
        if self.rank.currentData() == "distance":
            self.table.sortItems(2, Qt.SortOrder.AscendingOrder)
        else:
            self.table.sortItems(1, Qt.SortOrder.DescendingOrder)

    def _on_pick(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            item = self.table.item(rows[0].row(), 0)
            self.spot_picked.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class CoverageController(QObject):
    """Runs the coverage, keeps the blind-spot layer and the panel, follows the posts."""

    #: A new report was shown.
    updated = Signal(object)

    def __init__(self, window: WindowHost, views: PostViews, panel: CoveragePanel) -> None:
        super().__init__(window)
        self.window = window
        self.views = views
        self.panel = panel
        self.scan: Scan | None = None
        self.report: CoverageReport | None = None
        #: The blind spot picked in the list, outlined on the map.
        self.highlight: list[Shape] = []
        #: The edge of the target area, drawn while the coverage is shown.
        self.target: list[Shape] = []
        self._quiet: Job | None = None
        self._again = False
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_quietly)
        views.changed.connect(self._on_views_changed)
        panel.options_changed.connect(self._on_options)
        panel.spot_picked.connect(self.zoom_to_spot)

    def bind(self, scan: Scan | None) -> None:
        """Follow ``scan`` (None: stop); forget the old report."""
        self.scan = scan
        self.report = None
        self.highlight, self.target = [], []
        self._generation += 1
        self._timer.stop()
        self.panel.show_report(None)

    def close(self) -> None:
        """Stop and wait for a quiet run."""
        self.bind(None)
        self.views.changed.disconnect(self._on_views_changed)
        if self._quiet is not None:
            finish_job(self._quiet)

    def _task(self) -> Any:
        scan = self.scan
        if scan is None or self.views.posts is None:
            return None
        names = [n for n in ("buildings", "water", "poi") if n in scan.layers]
        snap = snapshot_scan(scan, names)
        posts = self.views.posts.records()
        index = self.views.index
        radius = float(self.panel.radius.value())
        cctv = self.panel.cctv.isChecked()
        generation = self._generation

        def task(progress: Any, cancelled: Any) -> tuple[int, CoverageReport]:
            report = coverage_report(
                snap, posts, target_radius_m=radius, include_cctv=cctv, index=index
            )
            return generation, report

        return task

    def run(self) -> Job | None:
        """Compute the coverage now, with progress and Cancel (the Coverage action)."""
        task = self._task()
        if task is None:
            self.window.show_error(self.tr("Open a scan with observation posts first."))
            return None
        return self.window.run_job(task, self.tr("Computing the coverage"), self._on_result)

    def _on_views_changed(self) -> None:
        if self.report is not None and self.panel.auto.isChecked():
            self._timer.start()

    def _on_options(self) -> None:
        if self.report is not None:
            self._timer.start()
        if self.panel.cctv.isChecked() != self.views.show_cctv:
            self.views.set_show_cctv(self.panel.cctv.isChecked())

    def _run_quietly(self) -> None:
        if self._quiet is not None:
            self._again = True
            return
        task = self._task()
        if task is None:
            return
        job = Job(task, "coverage", self)
        job.succeeded.connect(self._on_result)
        job.failed.connect(lambda message, _user: self.window.show_error(message))
        job.done.connect(self._quiet_done)
        self._quiet = job
        job.start()

    def _quiet_done(self) -> None:
        self._quiet = None
        if self._again:
            self._again = False
            self._run_quietly()

    def _on_result(self, result: tuple[int, CoverageReport] | None) -> None:
        if result is None:
            return
        generation, report = result
        if generation != self._generation or self.scan is None:
            return
        self.report = report
        self._write_layer(report)
        self.panel.show_report(report)
        self.target = [_target_outline(report)]
        c = report.coverage
        self.window.statusBar().showMessage(
            self.tr(
                "Coverage: {0:.0%} seen by at least one post, {1:.0%} by two; {2} blind spots."
            ).format(c.share_1, c.share_2, len(c.blind_spots)),
            10000,
        )
        self.updated.emit(report)

    def _write_layer(self, report: CoverageReport) -> None:
        scan = self.scan
        assert scan is not None
        frame = blind_spots_frame(report.coverage, scan.crs)
        existing = scan.layers.get(BLIND_LAYER)
        if isinstance(existing, VectorLayer):
            existing.data = frame
            return
        if existing is not None:
            self.window.show_error(
                self.tr("A layer called {0} exists already; blind spots not shown.").format(
                    BLIND_LAYER
                )
            )
            return
        below = scan.layers.get(VIEWS_LAYER) or self.views.posts
        where = scan.layers.index(below) if below in scan.layers else len(scan.layers)
        scan.layers.insert(where, BlindSpotsLayer(BLIND_LAYER, frame))

    def zoom_to_spot(self, row: int) -> None:
        """Zoom the map to blind spot ``row`` of the report and outline it."""
        if self.report is None or not 0 <= row < len(self.report.coverage.blind_spots):
            return
        spot = self.report.coverage.blind_spots[row]
        x0, y0, x1, y1 = spot.polygon.bounds
        pad = max(25.0, 0.5 * max(x1 - x0, y1 - y0))
        self.window.canvas.zoom_to_rect(x0 - pad, y0 - pad, x1 + pad, y1 + pad)
        self.highlight = [Shape(spot.polygon, stroke="#ffd60a", width_px=4.0)]
        self.updated.emit(self.report)


def _target_outline(report: CoverageReport) -> Shape:
    """The circle bounding the target area (dashed on the map)."""
    circle = report.site.buffer(report.target_radius_m, quad_segs=64).exterior
    return Shape(circle, stroke="#9d0208", width_px=1.5, dash=True)
