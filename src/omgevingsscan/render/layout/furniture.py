"""Page furniture around the map: the title block, the legend, the credits (attribution,
data date, coordinates, export date) and the classification banners.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QFont

from omgevingsscan import __version__
from omgevingsscan.export.extent import crs_label, grid_convergence_deg
from omgevingsscan.export.page import default_title
from omgevingsscan.export.paper import format_scale
from omgevingsscan.io.demo import ATTRIBUTION
from omgevingsscan.render.layout.canvas import PageCanvas
from omgevingsscan.render.layout.prepare import CLASSIFICATION_COLOUR, INK, MUTED
from omgevingsscan.render.legend import legend_groups, paint_legend


def paint_title(c: PageCanvas) -> None:
    """The title block: title, subtitle, site, scale, author and date."""
    spec, scan = c.page.spec, c.page.scan
    plan = c.page.plan
    rect = c.r(plan.title)
    c.rule(rect.top(), plan.title.x, plan.title.right if plan.landscape else plan.scale.right)
    inner = rect.adjusted(0, 1.6 * c.k, 0, 0)
    title = spec.title or default_title(scan)
    title_font = c.fit_font(title, 14.0, inner.width(), True, 12.0)
    sub_font = c.fit_font(spec.subtitle, 9.0, inner.width(), False, 7.5)
    site_kind = {
        "residence": QCoreApplication.translate("PrintLayout", "residence"),
        "townhall": QCoreApplication.translate("PrintLayout", "town hall"),
        "venue": QCoreApplication.translate("PrintLayout", "venue"),
        "other": "",
    }.get(scan.site.kind, scan.site.kind)
    site = scan.site.name + (f" ({site_kind})" if site_kind else "")
    when = spec.date or c.page.exported_at.strftime("%Y-%m-%d")
    body = c.font(7.2)
    label = c.font(7.2, True)
    used = c.text_block(
        inner,
        [(title, title_font, INK), (spec.subtitle, sub_font, "#333333")],
        spacing=0.8 * c.k,
    )
    rows = [
        (QCoreApplication.translate("PrintLayout", "Site"), site),
        (
            QCoreApplication.translate("PrintLayout", "Scale"),
            f"{format_scale(c.page.extent.scale)} ({c.page.plan.paper})",
        ),
        (QCoreApplication.translate("PrintLayout", "Author"), spec.author),
        (QCoreApplication.translate("PrintLayout", "Date"), when),
    ]
    y = inner.top() + used + 1.2 * c.k
    fm = c.metrics(body)
    key_w = max(c.metrics(label).horizontalAdvance(k) for k, v in rows if v) + 2.0 * c.k
    line_h = fm.height() * 1.15
    for key, value in rows:
        if not value:
            continue
        if y + line_h > rect.bottom():
            break
        c.painter.setFont(label)
        c.painter.setPen(QColor(MUTED))
        c.painter.drawText(QPointF(inner.left(), y + fm.ascent()), key)
        c.painter.setFont(body)
        c.painter.setPen(QColor(INK))
        text = fm.elidedText(value, Qt.TextElideMode.ElideRight, inner.width() - key_w)
        c.painter.drawText(QPointF(inner.left() + key_w, y + fm.ascent()), text)
        y += line_h


def paint_legend_block(c: PageCanvas) -> None:
    """The legend of the layers drawn on the map."""
    rect = c.r(c.page.plan.legend)
    k = c.k
    heading = c.font(8.0, True)
    c.painter.setFont(heading)
    c.painter.setPen(QColor(INK))
    fm = c.metrics(heading)
    c.painter.drawText(
        QPointF(rect.left(), rect.top() + 1.2 * k + fm.ascent()),
        QCoreApplication.translate("PrintLayout", "Legend"),
    )
    body = rect.adjusted(0, 1.2 * k + fm.height() + 1.0 * k, 0, 0)
    groups = legend_groups(c.page.scan, c.page.drawn_extent)
    paint_legend(
        c.painter,
        body,
        groups,
        c.page.extent.scale,
        k,
        6.6 * c.page.plan.font_scale,
        c.family,
        INK,
    )


def paint_credits(c: PageCanvas) -> None:
    """Attribution, data date and source, coordinates, coverage and export line."""
    page, k = c.page, c.k
    scan = page.scan
    rect = c.r(page.plan.credits)
    c.rule(rect.top(), page.plan.credits.x, page.plan.credits.right)
    small = c.font(6.0)
    bold = c.font(6.0, True)
    gamma = grid_convergence_deg(scan.crs, page.extent.cx, page.extent.cy)
    data_date = (scan.data_date or "")[:10] or QCoreApplication.translate("PrintLayout", "unknown")
    lines = [
        (ATTRIBUTION, bold, INK),
        (
            QCoreApplication.translate("PrintLayout", "Data date {0}; source {1}").format(
                data_date, scan.source or "OSM"
            ),
            small,
            INK,
        ),
        (
            QCoreApplication.translate(
                "PrintLayout", "Coordinates {0}, metres; grid north (true north {1:+.1f}°)"
            ).format(crs_label(scan.crs), gamma),
            small,
            INK,
        ),
    ]
    if scan.coverage < 0.999:
        lines.append(
            (
                QCoreApplication.translate(
                    "PrintLayout",
                    "The data covers {0:.0%} of the study area (hatched: no data)",
                ).format(scan.coverage),
                small,
                CLASSIFICATION_COLOUR,
            )
        )
    exported = page.exported_at.strftime("%Y-%m-%d %H:%M")
    lines.append(
        (
            QCoreApplication.translate("PrintLayout", "Exported {0} with omgevingsscan {1}").format(
                exported, __version__
            ),
            small,
            MUTED,
        )
    )
    c.text_block(rect.adjusted(0, 1.6 * k, 0, 0), lines, spacing=0.6 * k)


def paint_banners(c: PageCanvas) -> None:
    """The classification marking at the top and bottom of the page."""
    spec = c.page.spec
    if not spec.classification:
        return
    painter = c.painter
    for banner in c.page.plan.banners:
        rect = c.r(banner)
        font = c.fit_font(spec.classification, 10.0, rect.width(), True, 6.0)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(font)
        painter.setPen(QColor(CLASSIFICATION_COLOUR))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), spec.classification)
