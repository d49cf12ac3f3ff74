"""Emergency services placed by hand, and "load a wider area", for the routes extension.

The demo extract (and many small extracts) holds no police station, fire station or
hospital. The user can then click where one is: it is checked against the drive
network, kept in ``scan.meta["emergency_services"]`` (saved in the project file),
drawn over the map with a dashed line to where its route starts, and the emergency
response runs again. Or the user loads a wider area: the New-scan dialog opens for
the same site with a larger radius.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from shapely.geometry import LineString, Point

from omgevingsscan.analysis.routing import MAX_SNAP_M, ServiceLocation
from omgevingsscan.crs import to_wgs84
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.settings import MAX_RADIUS_M
from omgevingsscan.ui.map_items import Shape
from omgevingsscan.ui.new_scan_dialog import NewScanDialog
from omgevingsscan.ui.routes.text import SERVICES, service_label
from omgevingsscan.ui.routes.tool import PickPointsTool, check_on_network
from omgevingsscan.ui.worker import Job

if TYPE_CHECKING:
    from omgevingsscan.ui.routes.host import RoutesHost

#: Where hand-placed emergency services are kept in the scan.
SERVICES_KEY = "emergency_services"
#: Hand-placed services may lie this far (metres) from a drive street (as in the core).
SERVICE_SNAP_M = max(MAX_SNAP_M, 400.0)
SERVICE_COLOURS = {"police": "#1f4e9e", "fire_station": "#d62828", "hospital": "#2a9d3f"}


def wider_radius(radius_m: float) -> float:
    """The radius offered for "load a wider area": twice as far, at least 1.5 km."""
    return float(min(MAX_RADIUS_M, max(2.0 * radius_m, 1500.0)))


class EmergencyServices(QObject):
    """Hand-placed emergency services of the shown scan."""

    def __init__(self, ui: RoutesHost) -> None:
        super().__init__(ui)
        self.ui = ui

    def services(self) -> list[ServiceLocation]:
        """The services placed by hand in the shown scan."""
        scan = self.ui.scan
        if scan is None:
            return []
        out = []
        for entry in scan.meta.get(SERVICES_KEY, []) or []:
            try:
                out.append(
                    ServiceLocation(
                        str(entry["category"]),
                        float(entry["x"]),
                        float(entry["y"]),
                        str(entry.get("name", "")),
                        "manual",
                    )
                )
            except (KeyError, TypeError, ValueError, AnalysisInputError):
                continue  # a hand-edited file: skip what cannot be read
        return out

    def place(self, category: str) -> PickPointsTool | None:
        """Let the user click where a police station, fire station or hospital is."""
        scan = self.ui.scan
        if scan is None:
            return None
        label = service_label(category)
        what = f"The {SERVICES.get(category, category).lower()}"  # in the core's message

        def check(x: float, y: float) -> str | None:
            try:
                check_on_network(scan, "drive", x, y, what, SERVICE_SNAP_M)
            except AnalysisInputError as exc:
                return str(exc)
            return None

        tool = PickPointsTool(
            self.ui,
            self.tr("Click where the service is: {0}. Esc cancels.").format(label),
            check,
            lambda points: self.add(category, *points[0]),
            marker=SERVICE_COLOURS.get(category, "#1f4e9e"),
        )
        self.ui.use_tool(tool)
        return tool

    def add(self, category: str, x: float, y: float, name: str = "") -> Job | None:
        """Add a hand-placed service (kept in the scan) and run the emergency response.

        When that run fails (the service cannot reach the site, say) the service is
        taken back, so the next run does not fail the same way.
        """
        scan = self.ui.scan
        if scan is None:
            return None
        ServiceLocation(category, x, y, name, "manual")  # checks the category
        entry = {"category": category, "x": float(x), "y": float(y), "name": name}
        scan.meta[SERVICES_KEY] = [*scan.meta.get(SERVICES_KEY, []), entry]
        self.draw()
        job = self.ui.analyses.run_emergency()
        if job is None:
            self._drop(entry)
        else:
            job.failed.connect(lambda *_: self._drop(entry))
        return job

    def _drop(self, entry: dict[str, Any]) -> None:
        scan = self.ui.scan
        if scan is None:
            return
        scan.meta[SERVICES_KEY] = [e for e in scan.meta.get(SERVICES_KEY, []) if e is not entry]
        self.draw()

    def clear(self) -> Job | None:
        """Remove the services placed by hand and run the emergency response again."""
        if self.ui.scan is None:
            return None
        self.ui.scan.meta.pop(SERVICES_KEY, None)
        self.draw()
        return self.ui.analyses.run_emergency()

    def draw(self, *_: Any) -> None:
        """Draw the services over the map (hidden with the emergency routes layer)."""
        scan = self.ui.scan
        layer = scan.layers.get("emergency_routes") if scan is not None else None
        shown = layer is None or layer.visible
        starts = []
        if isinstance(layer, VectorLayer) and len(layer) and "source" in layer.data:
            manual = layer.data[layer.data["source"] == "manual"]
            starts = [g.coords[0] for g in manual.geometry if g is not None and not g.is_empty]
        shapes: list[Shape] = []
        texts: list[tuple[float, float, str]] = []
        for s in self.services() if shown else []:
            if starts:
                start = min(starts, key=lambda p: math.dist(p, (s.x, s.y)))
                if math.dist(start, (s.x, s.y)) > 1.0:
                    line = LineString([(s.x, s.y), start])
                    shapes.append(Shape(line, stroke="#1f4e9e", width_px=1.5, dash=True))
            colour = SERVICE_COLOURS.get(s.category, "#1f4e9e")
            shapes.append(Shape(Point(s.x, s.y), stroke="#ffffff", fill=colour, fill_alpha=1.0,
                                marker_px=14))  # fmt: skip
            text = self.tr("{0} (placed by hand)").format(service_label(s.category))
            texts.append((s.x, s.y, text))
        self.ui.show_overlay(shapes, texts, source="services")

    def load_wider_area(self) -> NewScanDialog:
        """Open the New-scan dialog for the same site with a larger radius."""
        scan = self.ui.scan
        dialog = self.ui.window.new_scan_dialog()
        if scan is not None:
            dialog.radius.setValue(int(wider_radius(scan.study_area.radius_m)))
            dialog.name.setText(scan.site.name)
            dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(scan.site.kind)))
            dialog.set_mode("wgs84")
            lat, lon = to_wgs84(scan.site.x, scan.site.y, scan.crs)
            dialog.location.setText(f"{lat:.6f}, {lon:.6f}")
        return dialog
