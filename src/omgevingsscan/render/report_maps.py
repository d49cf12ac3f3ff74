"""Report maps drawn with the one renderer, and the report export that uses them.

:class:`QtMapRenderer` implements :class:`omgevingsscan.export.report.MapRenderer`: a
map figure is the scan's :class:`MapScene` rendered at a true scale into an image, with
a frame, a scale bar, a north arrow and a legend strip under it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from omgevingsscan.export.findings import Findings
from omgevingsscan.export.page import grid_convergence_deg, map_extent, scale_bar
from omgevingsscan.export.paper import dots_per_mm, mm_to_px
from omgevingsscan.export.report import (
    MapFigure,
    RenderedFigure,
    ReportOptions,
    write_report,
)
from omgevingsscan.export.snapshot import snapshot_scan
from omgevingsscan.render.layout import (
    Cancelled,
    Progress,
    font_family,
    paint_north_arrow,
    paint_scale_bar,
)
from omgevingsscan.render.legend import legend_groups, legend_height, paint_legend
from omgevingsscan.render.qt_app import ensure_app
from omgevingsscan.render.scene import MapScene
from omgevingsscan.scan import Scan

#: Type size of the legends under report maps, points.
LEGEND_PT = 7.0


class QtMapRenderer:
    """Renders report map figures through :class:`MapScene` into PNG images."""

    def render_figure(self, scan: Scan, figure: MapFigure, dpi: int) -> RenderedFigure:
        """Render ``figure`` of ``scan`` at ``dpi``; see :class:`MapFigure`."""
        ensure_app()
        extent = map_extent(scan, figure.box, figure.width_mm, figure.height_mm, figure.scale)
        drawn = snapshot_scan(scan, figure.layers)
        for layer in figure.extra:
            drawn.layers.append(layer)
        k = dots_per_mm(dpi)
        family = font_family()
        groups = legend_groups(drawn, extent)
        legend_mm = 0.0
        if figure.legend_mm > 0 and groups:
            probe = QImage(8, 8, QImage.Format.Format_RGB32)
            probe.setDotsPerMeterX(round(dpi / 0.0254))
            probe.setDotsPerMeterY(round(dpi / 0.0254))
            need = legend_height(groups, figure.width_mm * k, k, LEGEND_PT, family, probe)
            legend_mm = max(figure.legend_mm, need / k + 3.0)
        total_h = figure.height_mm + legend_mm
        image = QImage(
            mm_to_px(figure.width_mm, dpi), mm_to_px(total_h, dpi), QImage.Format.Format_RGB32
        )
        image.fill(QColor("#ffffff"))
        dots_per_m = round(dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_m)
        image.setDotsPerMeterY(dots_per_m)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            frame = QRectF(0, 0, figure.width_mm * k, figure.height_mm * k)
            x0, y0, x1, y1 = extent.bounds
            scene = MapScene(drawn)
            try:
                painter.save()
                painter.setClipRect(frame)
                scene.render(
                    painter,
                    frame,
                    QRectF(x0, -y1, x1 - x0, y1 - y0),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                )
                painter.restore()
            finally:
                scene.dispose()
            self._furniture(painter, frame, extent.scale, k, family, drawn.crs, extent)
            if legend_mm > 0:
                legend = QRectF(0, frame.bottom() + 2.5 * k, frame.width(), legend_mm * k - 2.5 * k)
                paint_legend(painter, legend, groups, extent.scale, k, LEGEND_PT, family)
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return RenderedFigure(bytes(data.data()), figure.width_mm, total_h, extent.scale)

    @staticmethod
    def _furniture(
        painter: QPainter,
        frame: QRectF,
        scale: float,
        k: float,
        family: str,
        crs: str,
        extent: object,
    ) -> None:
        painter.setPen(QPen(QColor("#222222"), 0.3 * k))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        small = QFont(family)
        small.setPointSizeF(7.0)
        fm = QFontMetricsF(small, painter.device())
        bar = scale_bar(scale, 50.0)
        box = QRectF(
            frame.left() + 3 * k,
            frame.bottom() - 3 * k - (fm.height() + 4.2 * k),
            bar.length_mm * k + fm.horizontalAdvance(" 0000 m") + 3 * k,
            fm.height() + 4.2 * k,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRect(box)
        paint_scale_bar(
            painter, QPointF(box.left() + 1.5 * k, box.top() + 0.8 * k), bar, k, small, 1.4
        )
        size = 11 * k
        centre = QPointF(frame.right() - 8 * k, frame.top() + 11 * k)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawEllipse(centre - QPointF(0, 1.5 * k), 8 * k, 8 * k)
        bold = QFont(family)
        bold.setPointSizeF(8.0)
        bold.setBold(True)
        gamma = grid_convergence_deg(crs, extent.cx, extent.cy)  # type: ignore[attr-defined]
        paint_north_arrow(painter, centre + QPointF(0, 0.8 * k), size * 0.8, gamma, k, bold)


def export_report(
    scan: Scan,
    path: str | Path,
    options: ReportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[Path, Findings]:
    """Write the assessment report of ``scan`` (a snapshot, for background work) to ``path``.

    See :func:`omgevingsscan.export.report.write_report`; the maps are drawn here.
    """
    ensure_app()
    return write_report(
        scan, path, options, QtMapRenderer(), progress=progress, cancelled=cancelled
    )
