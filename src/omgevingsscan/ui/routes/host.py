"""What the parts of the routes extension need from it: :class:`RoutesHost`.

:class:`~omgevingsscan.ui.routes.extension.RoutesUI` builds a
:class:`~omgevingsscan.ui.routes.analyses.RouteAnalyses` and an
:class:`~omgevingsscan.ui.routes.services.EmergencyServices` and hands itself to both
typed as this protocol, so neither imports the extension (no import circle). The two
reach each other only through the host (the services start the emergency analysis
again when a service is placed; the analysis redraws the services).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from omgevingsscan.ui.routes.tool import RouteHost

if TYPE_CHECKING:
    from omgevingsscan.analysis.routing import ServiceLocation
    from omgevingsscan.ui.canvas import MapTool
    from omgevingsscan.ui.map_items import Shape
    from omgevingsscan.ui.routes.panel import RoutesPanel
    from omgevingsscan.ui.worker import Job


class ServicesPart(Protocol):
    """The emergency services as the analyses see them."""

    def services(self) -> list[ServiceLocation]:
        """The services placed in the scan (ambulance posts, fire and police stations)."""

    def draw(self, *_: Any) -> None:
        """Draw the placed services over the map."""


class AnalysesPart(Protocol):
    """The route analyses as the services see them."""

    def run_emergency(self) -> Job | None:
        """Start the emergency-response analysis (a background job)."""


class RoutesHost(RouteHost, Protocol):
    """The routes extension as its parts (analyses, services, results, launcher) see it."""

    panel: RoutesPanel
    #: Notes shown under each analysis's result in the Routes dock, by result name.
    notes: dict[str, list[str]]
    services: ServicesPart
    analyses: AnalysesPart

    def present(self, name: str, show: bool = True) -> None:
        """Show result ``name`` in the Routes dock."""

    def show_dock(self) -> None:
        """Show and raise the Routes dock."""

    def use_tool(self, tool: MapTool | None) -> None:
        """Make ``tool`` the canvas's tool (None: pan)."""

    def show_overlay(
        self, shapes: list[Shape], texts: list[tuple[float, float, str]], source: str = "tool"
    ) -> None:
        """Draw ``shapes`` and ``texts`` over the map (replacing those of ``source``)."""
