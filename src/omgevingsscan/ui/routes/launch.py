"""Starting a route analysis from the Analysis menu: its options form, then the run.

The options last chosen for each analysis are kept (for the session) and proposed next
time. Escape routes "to points" first ask for the destinations on the map. A part of
the routes extension, which it reaches through
:class:`~omgevingsscan.ui.routes.host.RoutesHost`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from omgevingsscan.analysis.routing import MAX_SNAP_M
from omgevingsscan.errors import AnalysisInputError
from omgevingsscan.ui.routes.dialogs import DEFAULTS, RouteOptionsDialog
from omgevingsscan.ui.routes.tool import PickPointsTool, check_on_network

if TYPE_CHECKING:
    from omgevingsscan.ui.routes.analyses import RouteAnalyses
    from omgevingsscan.ui.routes.host import RoutesHost


class AnalysisLauncher:
    """The options forms of the route analyses, and what OK starts."""

    def __init__(self, host: RoutesHost, analyses: RouteAnalyses) -> None:
        self.host = host
        self.analyses = analyses
        #: The options last chosen, by analysis.
        self.options: dict[str, dict[str, Any]] = {k: dict(v) for k, v in DEFAULTS.items()}
        #: The open options form, if any.
        self.dialog: RouteOptionsDialog | None = None

    def close_dialog(self) -> None:
        """Close the open options form (the scan closes)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None

    def ask(self, kind: str) -> RouteOptionsDialog | None:
        """Open the options of an analysis; OK runs it."""
        if self.host.scan is None:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.close()
        dialog = RouteOptionsDialog(kind, self.options[kind], self.host.window)
        dialog.chosen.connect(lambda values: self._chosen(kind, values))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, kind: str, values: dict[str, Any]) -> None:
        self.options[kind] = {**self.options[kind], **values}
        a = self.analyses
        if kind == "approach":
            a.run_approach(values["mode"], values["distance_m"])
        elif kind == "escape" and values.get("to") == "points":
            self.pick_destinations(values["mode"], values["k"])
        elif kind == "escape":
            a.run_escape(values["mode"], values["k"])
        elif kind == "isochrones":
            a.run_isochrones(values["mode"], values["minutes"])
        elif kind == "chokepoints":
            a.run_chokepoints(values["mode"])

    def pick_destinations(self, mode: str, k: int) -> PickPointsTool | None:
        """Let the user click escape destinations, then run the escape routes to them."""
        scan = self.host.scan
        if scan is None:
            return None

        def check(x: float, y: float) -> str | None:
            try:
                check_on_network(scan, mode, x, y, "The destination", MAX_SNAP_M)
            except AnalysisInputError as exc:
                return str(exc)
            return None

        tool = PickPointsTool(
            self.host,
            QCoreApplication.translate(
                "RoutesUI",
                "Click the escape destinations; Enter or a double-click runs. Esc cancels.",
            ),
            check,
            lambda points: self.analyses.run_escape(mode, k, points),
            several=True,
            marker="#2a9d3f",
        )
        self.host.use_tool(tool)
        return tool
