"""The print layout: a map page painted with Qt into PDF, PNG, SVG or a preview image.

The map inside the frame is the very :class:`MapScene` the canvas shows, rendered at the exact
scale of the page (one renderer, never two). Around it the page carries the title block, the
legend, a scale bar true in metres, a north arrow, coordinate ticks on the frame, the
attribution, the data date, the export date and the classification at top and bottom. Page
geometry (where each block goes, the map extent, tick and scale-bar maths) is Qt-free in
:mod:`omgevingsscan.export.page`; this package paints it: :mod:`.prepare` (the prepared page),
:mod:`.canvas` (one paint's painter and helpers), :mod:`.frame` (map and ticks),
:mod:`.furniture` (title block, legend, credits, banners), :mod:`.marks` (scale bar, north
arrow), :mod:`.painter` (:class:`PagePainter`) and :mod:`.writers` (PDF, PNG, SVG, preview).
Everything is painted in device units; millimetres are converted with the device's resolution
(``dots_per_mm``), type sizes are points. Callers import from this package.
"""

from __future__ import annotations

from omgevingsscan.render.layout.marks import paint_north_arrow, paint_scale_bar
from omgevingsscan.render.layout.painter import PagePainter
from omgevingsscan.render.layout.prepare import (
    CLASSIFICATION_COLOUR,
    SCALE_BAR_COLOUR,
    PreparedPage,
    font_family,
    prepare_page,
)
from omgevingsscan.render.layout.writers import (
    PDF_DPI,
    SVG_DPI,
    Cancelled,
    Progress,
    export_print,
    map_frame_device_rect,
    page_image,
    page_layout,
    page_size_pt,
    print_format,
    render_preview,
)

__all__ = [
    "CLASSIFICATION_COLOUR",
    "PDF_DPI",
    "SCALE_BAR_COLOUR",
    "SVG_DPI",
    "Cancelled",
    "PagePainter",
    "PreparedPage",
    "Progress",
    "export_print",
    "font_family",
    "map_frame_device_rect",
    "page_image",
    "page_layout",
    "page_size_pt",
    "paint_north_arrow",
    "paint_scale_bar",
    "prepare_page",
    "print_format",
    "render_preview",
]
