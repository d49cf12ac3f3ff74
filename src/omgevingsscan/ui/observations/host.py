"""What the parts of the observations extension need from it: :class:`ObservationsHost`.

:class:`~omgevingsscan.ui.observations.extension.ObservationsUI` is made of parts: the
map tools (post, label, arrow, zone, measure), the forms
(:class:`~omgevingsscan.ui.observations.forms.ObservationForms`), the map and table
selection (:class:`~omgevingsscan.ui.observations.selection.MapSelection`) and the
sightings log (:class:`~omgevingsscan.ui.observations.sightings_log.SightingsLog`). Each
part takes the extension typed as this protocol, so no part imports the extension and
the extension is the only module that knows them all (no import circle).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from omgevingsscan.ui.tool_base import ToolHost

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDockWidget
    from shapely.geometry import Point
    from shapely.geometry.base import BaseGeometry

    from omgevingsscan.editing import ObservationEditor
    from omgevingsscan.layers.posts import ObservationPost
    from omgevingsscan.scan import Scan
    from omgevingsscan.ui.canvas import MapCanvas, MapTool
    from omgevingsscan.ui.map_items import Shape
    from omgevingsscan.ui.observations.post_views import PostViews
    from omgevingsscan.ui.observations.sightings_dock import SightingsPanel

T = TypeVar("T")


class ObservationsHost(ToolHost, Protocol):
    """The observations extension as its tools, forms, selection and log see it."""

    canvas: MapCanvas
    scan: Scan | None
    editor: ObservationEditor | None
    #: The open post or annotation form (one at a time).
    dialog: QDialog | None
    panel: SightingsPanel
    sightings_dock: QDockWidget
    views: PostViews

    def layer(self, cls: type[T], name: str) -> T | None:
        """The scan's layer ``name`` if it is a ``cls`` (None without a scan)."""

    def edit(self, change: Callable[[ObservationEditor], T]) -> T | None:
        """Make an undoable edit; a refused value is reported."""

    def show_overlay(
        self, shapes: list[Shape], texts: list[tuple[float, float, str]], source: str = "tool"
    ) -> None:
        """Draw ``shapes`` and ``texts`` over the map (replacing those of ``source``)."""

    def use_tool(self, tool: MapTool | None) -> None:
        """Make ``tool`` the canvas's tool (None: pan)."""

    def select_record(self, kind: str | None, uuid: str | None) -> None:
        """Select a post or annotation on the map (None: nothing)."""

    def post_at(self, x: float, y: float, pixels: float = ...) -> ObservationPost | None:
        """The nearest visible post near map ``(x, y)``."""

    def new_post(self, position: Point, **attrs: Any) -> Any:
        """Open the form for a new post at ``position``."""

    def edit_post(self, uuid: str) -> Any:
        """Open the form of post ``uuid``."""

    def new_annotation(self, kind: str, geometry: BaseGeometry) -> Any:
        """Open the form for a new label, arrow or zone."""

    def edit_annotation(self, uuid: str) -> Any:
        """Open the form of annotation ``uuid``."""

    def delete_sightings(self, uuids: list[str]) -> None:
        """Delete sightings (one undo step)."""

    def log_sighting(
        self, post: str, attrs: dict[str, Any], position: Point | None = None
    ) -> str | None:
        """Add a sighting (time now) and select its row; returns its uuid."""
