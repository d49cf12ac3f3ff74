"""The coverage part of the observations extension: the Coverage dock, its two actions
(compute the coverage; show the OSM cameras' views) and the map feedback of the post
views (where a post inside a building looks from). It reaches the extension through
:class:`~omgevingsscan.ui.observations.host.ObservationsHost`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget
from shapely.geometry import LineString

from omgevingsscan.layers.posts import PostsLayer
from omgevingsscan.ui.common import make_action
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.observations.coverage import CoverageController, CoveragePanel
from omgevingsscan.ui.observations.post_views import PostViews

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost
    from omgevingsscan.ui.observations.host import ObservationsHost


class CoverageUI(QObject):
    """The Coverage dock, the coverage and camera actions, and the post-view feedback."""

    def __init__(self, host: ObservationsHost, window: WindowHost, views: PostViews) -> None:
        super().__init__()
        self.host = host
        self.window = window
        self.views = views
        self.panel = CoveragePanel()
        self.dock = QDockWidget(QCoreApplication.translate("ObservationsUI", "Coverage"), window)
        self.dock.setObjectName("coverage-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.inspector_dock, self.dock)
        window.inspector_dock.raise_()
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda _v: self.on_coverage())
        self.controller = CoverageController(window, views, self.panel)
        self.act_coverage = make_action(
            window,
            QCoreApplication.translate("ObservationsUI", "&Coverage of the posts"),
            self.run,
            "",
            QCoreApplication.translate(
                "ObservationsUI",
                "Share of the public ground seen by the posts, and the blind spots",
            ),
        )
        self.act_cctv = make_action(
            window,
            QCoreApplication.translate("ObservationsUI", "Show OSM &cameras' views"),
            self.toggle_cctv,
            "",
            QCoreApplication.translate(
                "ObservationsUI", "Draw the views of surveillance cameras mapped in OpenStreetMap"
            ),
        )
        self.act_cctv.setCheckable(True)
        self.panel.cctv.toggled.connect(self.act_cctv.setChecked)
        self._warned_moved: dict[str, tuple[float, float]] = {}
        self._warned_problem: dict[str, str] = {}

    def forget_warnings(self) -> None:
        """Warn again about posts inside buildings (a new scan)."""
        self._warned_moved, self._warned_problem = {}, {}

    def run(self) -> Any:
        """Compute the coverage (background job) and show the Coverage dock."""
        posts = self.host.layer(PostsLayer, "posts")
        if posts is None or not len(posts):
            self.host.report(
                QCoreApplication.translate(
                    "ObservationsUI", "Place observation posts first (the post tool, P)."
                )
            )
            return None
        self.dock.show()
        self.dock.raise_()
        return self.controller.run()

    def on_coverage(self, _report: Any = None) -> None:
        """Draw the coverage's target and highlight while the dock is shown."""
        shown = self.dock.isVisible()
        shapes = self.controller.target + self.controller.highlight if shown else []
        self.host.show_overlay(shapes, [], source="coverage")

    def on_views(self) -> None:
        """Show where a post inside a building looks from, and say so once."""
        shapes = []
        for view in self.views.views.values():
            if view.moved_m < 0.5:
                continue
            line = LineString([view.post.point, view.origin])
            shapes.append(Shape(line, stroke="#1d3557", width_px=1.5, dash=True))
            shapes.append(Shape(view.origin, stroke="#1d3557", marker_px=6))
            where = (view.post.point.x, view.post.point.y)
            if self._warned_moved.get(view.post.uuid) != where:
                self._warned_moved[view.post.uuid] = where
                self.window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "ObservationsUI",
                        "Post {0} stands inside a building: its view is taken from the "
                        "nearest open space, {1:.0f} m away (dashed line).",
                    ).format(view.post.name, view.moved_m),
                    10000,
                )
        for uuid, problem in self.views.problems().items():
            if self._warned_problem.get(uuid) != problem:
                self._warned_problem[uuid] = problem
                self.window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "ObservationsUI", "A view could not be computed: {0}"
                    ).format(problem),
                    10000,
                )
        self.host.show_overlay(shapes, [], source="origins")

    def toggle_cctv(self, checked: bool) -> None:
        """Show or hide the views of the cameras mapped in OSM."""
        if self.panel.cctv.isChecked() != checked:
            self.panel.cctv.setChecked(checked)
        else:
            self.views.set_show_cctv(checked)
        if checked and self.host.scan is not None and self.views.posts is None:
            self.host.report(
                QCoreApplication.translate(
                    "ObservationsUI", "Save the scan first to work with posts and cameras."
                )
            )
