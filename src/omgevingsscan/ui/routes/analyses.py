"""Running the route analyses in the background and turning their results into layers.

Each ``run_*`` method starts one core function of
:mod:`omgevingsscan.analysis.routing` through the main window's ``run_job`` (a worker
thread, progress, Cancel; bad input such as an unreachable destination comes back as
a clear message), then, on the UI thread, puts the result layers into the scan with
:func:`~omgevingsscan.layers.routes.set_layer` and shows the result in the Routes dock
with notes written for the user (shared segments, routes that depend on a chokepoint,
services missing from the data, where the data ends).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from omgevingsscan.analysis.routing import (
    Chokepoints,
    DiverseRoutes,
    EmergencyResponse,
    EntryPoint,
    Isochrone,
    Route,
    scan_approach_routes,
    scan_chokepoints,
    scan_emergency_response,
    scan_escape_routes,
    scan_isochrones,
)
from omgevingsscan.analysis.routing.layers import (
    chokepoints_layer,
    entry_points_layer,
    isochrones_layer,
    routes_layer,
)
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.routes import (
    set_layer,
)
from omgevingsscan.scan import Scan
from omgevingsscan.ui.routes.text import (
    fmt_length,
    fmt_minutes,
    fmt_time,
    mode_label,
    service_label,
)
from omgevingsscan.ui.worker import Job

if TYPE_CHECKING:
    from omgevingsscan.ui.routes.host import RoutesHost

XY = tuple[float, float]


class RouteAnalyses(QObject):
    """The five route analyses of the Analysis menu."""

    def __init__(self, ui: RoutesHost) -> None:
        super().__init__(ui)
        self.ui = ui
        #: The outcome of the last emergency run: categories still missing.
        self.missing: list[str] = []

    # -- plumbing -----------------------------------------------------------------------------
    def _run(
        self, title: str, work: Callable[[Scan], Any], show: Callable[[Scan, Any], None]
    ) -> Job | None:
        scan = self.ui.scan
        if scan is None:
            return None

        def done(result: Any) -> None:
            if scan is self.ui.scan:  # the scan may have been closed meanwhile
                show(scan, result)

        return self.ui.window.run_job(lambda _progress, _cancelled: work(scan), title, done)

    @staticmethod
    def _add(scan: Scan, layer: VectorLayer) -> VectorLayer:
        """Put a result layer into the scan: a new area layer goes below the site marker
        and the route results (so they stay visible), lines and points on top."""
        if scan.layers.get(layer.name) is not None or layer.geometry_kind != "polygon":
            return set_layer(scan, layer)
        above = [
            i
            for i, other in enumerate(scan.layers)
            if other.name == "site" or other.kind in ("routes", "chokepoints", "entry_points")
        ]
        scan.layers.insert(min(above) if above else len(scan.layers), layer)
        return layer

    def _coverage(self, scan: Scan) -> list[str]:
        if scan.coverage >= 0.99:
            return []
        return [
            self.tr(
                "The data covers {0:.0%} of the study area; routes stop where the data ends."
            ).format(scan.coverage)
        ]

    def _finish(self, name: str, notes: list[str], message: str) -> None:
        self.ui.notes[name] = notes
        self.ui.present(name)
        self.ui.window.statusBar().showMessage(message, 10000)

    # -- emergency ------------------------------------------------------------------------------
    def run_emergency(self) -> Job | None:
        """Routes to the site from the nearest police, fire station and hospital (by car)."""
        services = self.ui.services.services()
        return self._run(
            self.tr("Emergency response"),
            lambda scan: scan_emergency_response(scan, services=services, mode="drive"),
            self._show_emergency,
        )

    def _show_emergency(self, scan: Scan, result: EmergencyResponse) -> None:
        name = "emergency_routes"
        if result.routes or isinstance(scan.layers.get(name), VectorLayer):
            set_layer(scan, routes_layer(result.routes, scan.crs, name=name))
        self.missing = list(result.missing)
        placed = len(self.ui.services.services())
        lines = [self._route_line(r) for r in result.routes]
        lines += self._coverage(scan)
        box = self.ui.panel.emergency
        if self.missing:
            labels = ", ".join(service_label(c) for c in self.missing)
            text = self.tr(
                "Not in the loaded data: {0}. Place a service by hand on the map, or load "
                "a wider area."
            ).format(labels)
            box.show_message(text, self.missing, placed)
            message = self.tr("Emergency response: not in the loaded data: {0}.").format(labels)
        else:
            if placed:
                text = self.tr("{0} service(s) placed by hand.").format(placed)
                box.show_message(text, [], placed)
            else:
                box.hide()
            message = self.tr("Emergency response: {0} route(s).").format(len(result.routes))
        if isinstance(scan.layers.get(name), VectorLayer):
            self._finish(name, lines, message)
        else:
            self.ui.show_dock()
            self.ui.window.statusBar().showMessage(message, 15000)
        self.ui.services.draw()

    def _route_line(self, route: Route) -> str:
        return self.tr("{0}: {1}, {2}").format(
            route.label, fmt_time(route.time_s), fmt_length(route.length_m)
        )

    # -- approach -------------------------------------------------------------------------------
    def run_approach(self, mode: str = "walk", distance_m: float = 75.0) -> Job | None:
        """Entry points of the site and the approach corridors to each."""
        return self._run(
            self.tr("Approach routes"),
            lambda scan: scan_approach_routes(scan, mode=mode, max_distance_m=distance_m),
            self._show_approach,
        )

    def _show_approach(self, scan: Scan, result: tuple[list[EntryPoint], list[Route]]) -> None:
        entries, routes = result
        set_layer(scan, entry_points_layer(entries, scan.crs))
        set_layer(scan, routes_layer(routes, scan.crs, name="approach_routes"))
        lines = [self.tr("Entry points: {0}").format(", ".join(e.label for e in entries))]
        if not routes:
            lines.append(self.tr("No approach corridor from the edge of the study area."))
        lines += self._coverage(scan)
        message = self.tr("{0} approach route(s) to {1} entry point(s).").format(
            len(routes), len(entries)
        )
        self._finish("approach_routes", lines, message)

    # -- escape ---------------------------------------------------------------------------------
    def run_escape(
        self, mode: str = "drive", k: int = 3, destinations: Sequence[XY] = ()
    ) -> Job | None:
        """Up to ``k`` diverse escape routes to the study-area edge or to ``destinations``."""
        dests = list(destinations)
        return self._run(
            self.tr("Escape routes"),
            lambda scan: scan_escape_routes(scan, mode=mode, k=k, destinations=dests),
            lambda scan, result: self._show_escape(scan, result, bool(dests)),
        )

    def _show_escape(self, scan: Scan, result: DiverseRoutes, to_points: bool) -> None:
        set_layer(scan, routes_layer(result.routes, scan.crs, name="escape_routes"))
        n, k = len(result.routes), result.requested
        lines: list[str] = []
        if n < k:
            lines.append(
                self.tr(
                    "Only {0} distinct route(s) exist in the loaded network ({1} asked)."
                ).format(n, k)
            )
        if result.shared:
            parts = [
                self.tr("{0} ({1}, routes {2})").format(
                    s.name, fmt_length(s.length_m), ", ".join(str(i) for i in s.routes)
                )
                for s in result.shared
            ]
            lines.append(self.tr("Shared segments: {0}").format("; ".join(parts)))
        elif n > 1:
            lines.append(self.tr("The routes share no street segment."))
        critical = [r.label for r in result.routes if r.tags.get("critical")]
        if critical:
            lines.append(
                self.tr("Depend on a chokepoint (a loss would cut them): {0}").format(
                    ", ".join(critical)
                )
            )
        if not to_points:
            lines += self._coverage(scan)
        message = self.tr("{0} escape route(s) by {1}.").format(n, mode_label(self._mode(result)))
        self._finish("escape_routes", lines, message)

    @staticmethod
    def _mode(result: DiverseRoutes) -> str:
        return result.routes[0].mode if result.routes else ""

    # -- isochrones -----------------------------------------------------------------------------
    def run_isochrones(
        self, mode: str = "walk", minutes: Sequence[float] = (1, 3, 5)
    ) -> Job | None:
        """The areas reachable from the site within ``minutes``."""
        budget = list(minutes)
        return self._run(
            self.tr("Isochrones"),
            lambda scan: scan_isochrones(scan, mode=mode, minutes=budget),
            lambda scan, result: self._show_isochrones(scan, result, mode),
        )

    def _show_isochrones(self, scan: Scan, isos: list[Isochrone], mode: str) -> None:
        layer = self._add(scan, isochrones_layer(isos, scan.crs, name=f"isochrones_{mode}"))
        lines: list[str] = []
        ordered = sorted(isos, key=lambda i: i.minutes)
        same = [
            b.minutes
            for a, b in itertools.pairwise(ordered)
            if abs(b.area_m2 - a.area_m2) < 1.0 and b.reach_m - a.reach_m < 1.0
        ]
        if same:
            lines.append(
                self.tr(
                    "Within {0} no more is reached than before: the network ends at the edge of "
                    "the loaded data."
                ).format(", ".join(fmt_minutes(m) for m in same))
            )
        lines += self._coverage(scan)
        message = self.tr("Isochrones by {0}: {1}.").format(
            mode_label(mode), ", ".join(fmt_minutes(i.minutes) for i in ordered)
        )
        self._finish(layer.name, lines, message)

    # -- chokepoints ----------------------------------------------------------------------------
    def run_chokepoints(self, mode: str = "drive") -> Job | None:
        """Bridges, tunnels, narrow and one-way streets, and the network's cut edges."""
        return self._run(
            self.tr("Chokepoints"),
            lambda scan: scan_chokepoints(scan, mode=mode),
            self._show_chokepoints,
        )

    def _show_chokepoints(self, scan: Scan, result: Chokepoints) -> None:
        layer = set_layer(scan, chokepoints_layer(result, scan.crs))
        structural = sum(1 for c in result.items if c.critical)
        lines = [
            self.tr(
                "{0} chokepoint(s); {1} structural: losing one cuts the site off or forces a long detour."
            ).format(len(result.items), structural)
        ]
        if result.out_cost is None:
            lines.append(
                self.tr(
                    "The edge of the study area cannot be reached from the site by {0}."
                ).format(mode_label(result.mode))
            )
        else:
            way_out = (
                fmt_time(result.out_cost)
                if result.weight == "time"
                else fmt_length(result.out_cost)
            )
            lines.append(self.tr("Quickest way out of the study area: {0}.").format(way_out))
        flagged = self._flagged_escapes(scan, result.mode)
        if flagged:
            lines.append(
                self.tr("Escape routes that use a chokepoint: {0}").format(", ".join(flagged))
            )
        lines += self._coverage(scan)
        message = self.tr("{0} chokepoint(s) by {1}.").format(
            len(result.items), mode_label(result.mode)
        )
        self._finish(layer.name, lines, message)

    @staticmethod
    def _flagged_escapes(scan: Scan, mode: str) -> list[str]:
        """The escape routes (same mode) that use a chokepoint; "⚠" marks structural ones."""
        layer = scan.layers.get("escape_routes")
        if not isinstance(layer, VectorLayer) or not len(layer) or "flags" not in layer.data:
            return []
        frame = layer.data
        if "mode" in frame:
            frame = frame[frame["mode"] == mode]
        critical = frame["critical"] if "critical" in frame else [False] * len(frame)
        return [
            f"⚠ {r}" if str(c).lower() in ("true", "1") else str(r)
            for r, f, c in zip(frame["route"], frame["flags"], critical)
            if isinstance(f, str) and f
        ]
