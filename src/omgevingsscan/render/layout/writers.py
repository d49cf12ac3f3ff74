"""Writing a page: PDF, PNG and SVG writers (each file appears only when complete), the
preview image, and the page sizes Qt states.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from omgevingsscan import __version__
from omgevingsscan.errors import ExportError, ImportCancelled
from omgevingsscan.export.files import atomic_target, check_target
from omgevingsscan.export.page import PRINT_FORMATS, PagePlan, PrintSpec, default_title
from omgevingsscan.export.paper import dots_per_mm, mm_to_px
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.render.layout.painter import PagePainter
from omgevingsscan.render.layout.prepare import PreparedPage, prepare_page
from omgevingsscan.render.qt_app import ensure_app
from omgevingsscan.render.scene import MapScene
from omgevingsscan.scan import Scan

#: PDF device resolution (dots per inch); PDF coordinates are exact to 1/1200 inch.
PDF_DPI = 1200
#: SVG user units per inch (the viewBox is the page in these units).
SVG_DPI = 300

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


# -- devices ------------------------------------------------------------------------------
def page_layout(plan: PagePlan) -> QPageLayout:
    """The Qt page layout (ISO size, orientation, no margins) of a plan."""
    ids = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
    orientation = (
        QPageLayout.Orientation.Landscape if plan.landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(QPageSize(ids[plan.paper]), orientation, QMarginsF(0, 0, 0, 0))


def _write_pdf(page: PreparedPage, tmp: Path, scene: MapScene | None = None) -> None:
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(page.plan))
    writer.setTitle(page.spec.title or default_title(page.scan))
    writer.setCreator(f"omgevingsscan {__version__}")
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"{tmp}: the PDF writer could not start")
    try:
        PagePainter(page, scene).paint(painter, PDF_DPI)
    finally:
        painter.end()


def page_image(page: PreparedPage, dpi: float, scene: MapScene | None = None) -> QImage:
    """Paint ``page`` into a new white RGB image at ``dpi`` (with DPI metadata set)."""
    w_mm, h_mm = page.plan.page.w, page.plan.page.h
    size = QSize(mm_to_px(w_mm, dpi), mm_to_px(h_mm, dpi))
    image = QImage(size, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ExportError(
            f"an image of {size.width()} × {size.height()} pixels does not fit in memory; "
            "choose a lower resolution"
        )
    image.fill(QColor("#ffffff"))
    dots_per_m = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_m)
    image.setDotsPerMeterY(dots_per_m)
    painter = QPainter(image)
    try:
        PagePainter(page, scene).paint(painter, dpi)
    finally:
        painter.end()
    return image


def _write_png(page: PreparedPage, tmp: Path, scene: MapScene | None = None) -> None:
    image = page_image(page, page.spec.dpi, scene)
    if not image.save(str(tmp), "PNG"):
        raise ExportError(f"{tmp}: the PNG could not be written")


_SVG_SIZE = re.compile(rb'<svg width="[^"]*" height="[^"]*"')


def _write_svg(page: PreparedPage, tmp: Path, scene: MapScene | None = None) -> None:
    # Qt's SVG writer keeps 6 significant digits: draw the map moved near the origin so
    # coordinates stay centimetre-precise (RD metres have six digits before the point).
    if scene is None:
        page = page.moved_near_origin()
    w_mm, h_mm = page.plan.page.w, page.plan.page.h
    k = dots_per_mm(SVG_DPI)
    # SVG 1.1 (not Tiny 1.2) so the map is clipped to its frame (clipPath).
    gen = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    gen.setFileName(str(tmp))
    gen.setResolution(SVG_DPI)
    gen.setSize(QSize(mm_to_px(w_mm, SVG_DPI), mm_to_px(h_mm, SVG_DPI)))
    gen.setViewBox(QRectF(0, 0, w_mm * k, h_mm * k))
    gen.setTitle(page.spec.title or default_title(page.scan))
    gen.setDescription(f"{ATTRIBUTION}. omgevingsscan {__version__}")
    painter = QPainter()
    if not painter.begin(gen):
        raise ExportError(f"{tmp}: the SVG writer could not start")
    try:
        PagePainter(page, scene).paint(painter, SVG_DPI)
    finally:
        painter.end()
    # Qt rounds the page to whole pixels; state the exact paper size in millimetres.
    data = tmp.read_bytes()
    exact = f'<svg width="{w_mm:g}mm" height="{h_mm:g}mm"'.encode()
    tmp.write_bytes(_SVG_SIZE.sub(exact, data, count=1))


_WRITERS = {"pdf": _write_pdf, "png": _write_png, "svg": _write_svg}


def print_format(path: str | Path, fmt: str | None = None) -> str:
    """The print format for ``path``: ``fmt`` if given, else from the file name's suffix."""
    name = (fmt or Path(path).suffix.lstrip(".")).lower()
    if name not in PRINT_FORMATS:
        raise ExportError(
            f"{path}: print format {name or '(none)'!r} unknown; use "
            f"{', '.join('.' + f for f in PRINT_FORMATS)}"
        )
    return name


def export_print(
    scan: Scan,
    spec: PrintSpec,
    path: str | Path,
    fmt: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Write the print layout of ``scan`` to ``path`` as PDF, PNG or SVG.

    Parameters
    ----------
    scan
        The scan. For a background export pass a :func:`snapshot_scan` taken on the
        UI thread; the chosen layers are copied again here, cheaply.
    spec
        Paper, scale, frame, texts, layers and (for PNG) the resolution.
    path
        Output file; it appears only when complete (temporary file + rename).
    fmt
        "pdf", "png" or "svg"; default from the file name.
    progress, cancelled
        Optional worker callbacks (fraction 0–1 and message; poll for Cancel).

    Raises
    ------
    ExportError
        Bad options (see :func:`prepare_page`) or a file that cannot be written.
    ImportCancelled
        When ``cancelled()`` turned true; nothing is written then.
    """
    ensure_app()
    kind = print_format(path, fmt)
    check_target(path, kind)
    report = progress or (lambda _f, _m: None)
    report(0.05, "Preparing the page")
    page = prepare_page(scan, spec)
    if cancelled is not None and cancelled():
        raise ImportCancelled("export cancelled")
    report(0.2, f"Drawing the {kind.upper()} page")
    with atomic_target(path, kind) as tmp:
        _WRITERS[kind](page, tmp)
        if cancelled is not None and cancelled():
            raise ImportCancelled("export cancelled")
    report(1.0, "Export done")
    return Path(path)


def render_preview(page: PreparedPage, width_px: int, scene: MapScene | None = None) -> QImage:
    """A preview image of ``page``, ``width_px`` pixels wide (the dialog's live preview)."""
    ensure_app()
    dpi = width_px / (page.plan.page.w / 25.4)
    return page_image(page, dpi, scene)


def page_size_pt(plan: PagePlan) -> QSizeF:
    """The page size in PostScript points, as the PDF writer states it."""
    return page_layout(plan).fullRect(QPageLayout.Unit.Point).size()


def map_frame_device_rect(plan: PagePlan, dpi: float) -> QRectF:
    """The map frame in device units at ``dpi`` (for baselines and tests)."""
    k = dots_per_mm(dpi)
    r = plan.map
    return QRectF(r.x * k, r.y * k, r.w * k, r.h * k)
