"""A page prepared for painting: the validated spec, its plan and map extent, the scan
to draw; and the colours and type family of printed pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtGui import QFont, QFontDatabase

from omgevingsscan.errors import ExportError
from omgevingsscan.export.extent import MapExtent, map_extent
from omgevingsscan.export.page import PagePlan, PrintSpec, plan_page, target_box
from omgevingsscan.export.snapshot import shifted_scan, snapshot_scan
from omgevingsscan.scan import Scan

#: Colour of the scale bar (its outline and dark segments); tests find the bar by it.
SCALE_BAR_COLOUR = "#1b1b1b"
#: Colour of the classification marking.
CLASSIFICATION_COLOUR = "#a4161a"
#: Ink of text and lines; muted text; rules between blocks.
INK = "#222222"
MUTED = "#555555"
RULE = "#9a9a9a"


def font_family() -> str:
    """The family used on printed pages: DejaVu Sans when installed, else Qt's default."""
    families = QFontDatabase.families()
    for name in ("DejaVu Sans", "Liberation Sans", "Arial"):
        if name in families:
            return name
    return QFont().defaultFamily()


@dataclass(frozen=True)
class PreparedPage:
    """Everything a page needs before painting: spec, plan, extent and the scan to draw."""

    spec: PrintSpec
    plan: PagePlan
    extent: MapExtent
    scan: Scan
    exported_at: datetime
    #: ``(dx, dy)`` metres by which ``scan`` was moved (see ``shifted_scan``); the
    #: extent, tick labels and texts stay in true coordinates.
    offset: tuple[float, float] = (0.0, 0.0)

    @property
    def drawn_extent(self) -> MapExtent:
        """The extent in the coordinates of the drawn (possibly moved) scan."""
        dx, dy = self.offset
        e = self.extent
        return MapExtent(e.cx + dx, e.cy + dy, e.width_m, e.height_m, e.scale)

    def moved_near_origin(self) -> PreparedPage:
        """This page drawing a copy of the scan moved so the map centre is near (0, 0)."""
        dx = -round(self.extent.cx, -2) - self.offset[0]
        dy = -round(self.extent.cy, -2) - self.offset[1]
        moved = shifted_scan(self.scan, dx, dy)
        return replace(self, scan=moved, offset=(self.offset[0] + dx, self.offset[1] + dy))


def prepare_page(scan: Scan, spec: PrintSpec, *, snapshot: bool = True) -> PreparedPage:
    """Validate ``spec`` against ``scan`` and work out the page; no painting yet.

    Parameters
    ----------
    scan
        The scan. With ``snapshot`` (the default) the chosen layers are copied, so the
        export does not follow later edits; pass a snapshot and ``snapshot=False`` to
        reuse one (the dialog's preview does).
    spec
        The options.

    Raises
    ------
    ExportError
        Unknown paper size, bad scale, unknown layer, or a map that would be empty.
    """
    spec = spec.validated()
    if spec.layers is not None and not spec.layers:
        raise ExportError("no layers chosen: the map would be empty")
    plan = plan_page(spec.paper, spec.landscape, bool(spec.classification))
    extent = map_extent(scan, target_box(spec, scan), plan.map.w, plan.map.h, spec.scale)
    drawn = snapshot_scan(scan, spec.layers) if snapshot else scan
    when = spec.exported_at or datetime.now().astimezone()
    return PreparedPage(spec, plan, extent, drawn, when)
