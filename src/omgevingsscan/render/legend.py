"""The legend of a printed map: which classes are shown, and how to fit and draw them.

Entries come from the layers' style dicts through :func:`legend_entries`, limited to the
classes that actually appear inside the map frame. Swatches are drawn with the very
pens, brushes and markers of the map (:class:`ResolvedStyle`, :func:`marker_path`) at
the map's scale, so a legend swatch looks like the symbol on the map.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from omgevingsscan.export.extent import MapExtent
from omgevingsscan.export.styles import display_title
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.render.layer_item import marker_path, pixel_size_m
from omgevingsscan.render.scene import LAND_COLOUR
from omgevingsscan.render.style import (
    ResolvedStyle,
    group_features,
    hatch_brush,
    legend_entries,
)
from omgevingsscan.scan import Scan

#: Legend swatch width, gap to the label and space after a column, millimetres.
SWATCH_MM, GAP_MM, PAD_MM = 6.0, 1.6, 1.5


@dataclass
class LegendGroup:
    """The legend of one layer: a title and ``(label, style)`` entries."""

    title: str
    geometry_kind: str
    opacity: float
    entries: list[tuple[str, ResolvedStyle]] = field(default_factory=list)

    @property
    def single(self) -> bool:
        """A one-style layer: one row, the title beside the swatch."""
        return len(self.entries) == 1 and self.entries[0][0] == self.title


def layer_title(layer: VectorLayer) -> str:
    """The legend title of a layer (see :func:`omgevingsscan.export.styles.display_title`)."""
    return display_title(layer)


def legend_groups(scan: Scan, extent: MapExtent | None = None) -> list[LegendGroup]:
    """Legend groups for the visible vector layers of ``scan``, top layer first.

    Parameters
    ----------
    scan
        The scan (normally an export snapshot holding just the chosen layers).
    extent
        Only classes with features inside this ground box are listed; None: all.
    """
    from shapely.geometry import box

    probe = box(*extent.bounds) if extent is not None else None
    groups = []
    for layer in reversed(list(scan.layers)):
        if not isinstance(layer, VectorLayer) or not layer.visible or not len(layer):
            continue
        frame = layer.data
        if probe is not None:
            idx = frame.sindex.query(probe, predicate="intersects")
            if not len(idx):
                continue
            frame = frame.iloc[sorted(idx)]
        style = layer.style
        present = [s for s, rows in group_features(style, frame) if len(rows)]
        title = layer_title(layer)
        entries = [(label, s) for label, s in legend_entries(style, frame) if s in present]
        listed = {s for _, s in entries}
        has_classes = bool(style.get("categories")) or ("breaks" in style and "fills" in style)
        if not has_classes:
            entries = [(title, present[0])] if present else []
        else:
            others = [s for s in present if s not in listed]
            entries += [(QCoreApplication.translate("Legend", "other"), s) for s in others]
        if entries:
            groups.append(LegendGroup(title, layer.geometry_kind, layer.opacity, entries))
    return groups


def draw_swatch(
    painter: QPainter,
    rect: QRectF,
    style: ResolvedStyle,
    geometry_kind: str,
    scale: float,
    dots_per_mm: float,
    opacity: float = 1.0,
) -> None:
    """Draw one legend swatch in ``rect`` (device units) as the map draws the symbol.

    The painter is scaled so one unit is one ground metre at 1:``scale``, which is what
    the map's pens and markers expect; widths and markers are capped to the swatch.
    """
    k = dots_per_mm * 1000.0 / scale  # device units per ground metre
    w_m, h_m = rect.width() / k, rect.height() / k
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setOpacity(opacity)
    painter.translate(rect.center())
    painter.scale(k, k)
    px = pixel_size_m(painter)
    if geometry_kind == "line":
        painter.fillRect(QRectF(-w_m / 2, -h_m / 2, w_m, h_m), QColor(LAND_COLOUR))
        line = QLineF(-w_m / 2 + h_m * 0.15, 0, w_m / 2 - h_m * 0.15, 0)
        for casing in (True, False):
            if casing and not style.casing:
                continue
            pen = style.pen(px, casing=casing)
            pen.setWidthF(min(pen.widthF(), h_m * (0.95 if casing else 0.7)))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(line)
    elif geometry_kind == "point":
        size = min(style.marker_size * px, h_m * 1.15)
        painter.setPen(QPen(QColor(style.stroke or "#ffffff"), 0.8 * px))
        painter.setBrush(style.brush() if style.fill else QBrush(QColor("#777777")))
        painter.drawPath(marker_path(style.marker, size))
    else:
        pen = style.pen(px)
        pen.setWidthF(min(pen.widthF(), h_m * 0.25))
        painter.setPen(pen)
        painter.setBrush(style.brush())
        inset = min(pen.widthF() / 2, h_m * 0.2)
        box = QRectF(-w_m / 2 + inset, -h_m / 2 + inset, w_m - 2 * inset, h_m - 2 * inset)
        painter.drawRect(box)
        if style.hatch:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hatch_brush(style.hatch, px))
            painter.drawRect(box)
    painter.restore()


@dataclass
class _Row:
    text: str
    heading: bool
    group: LegendGroup | None = None
    style: ResolvedStyle | None = None


def _rows(groups: list[LegendGroup]) -> list[_Row]:
    rows: list[_Row] = []
    for g in groups:
        if g.single:
            rows.append(_Row(g.title, False, g, g.entries[0][1]))
            continue
        rows.append(_Row(g.title, True, g))
        rows.extend(_Row(label, False, g, s) for label, s in g.entries)
    return rows


@dataclass
class LegendLayout:
    """A fitted legend: font size, columns and the rows of each column."""

    point_size: float
    columns: list[list[_Row]]
    row_height: float
    column_width: float
    hidden: int


def _metrics(
    rows: list[_Row], pt: float, family: str, device: object, dots_per_mm: float
) -> tuple[float, float]:
    """Row height and the column width the longest label needs (device units)."""
    font = QFont(family)
    font.setPointSizeF(pt)
    bold = QFont(font)
    bold.setBold(True)
    fm = QFontMetricsF(font, device)  # type: ignore[arg-type]
    fmb = QFontMetricsF(bold, device)  # type: ignore[arg-type]
    entry = (SWATCH_MM + GAP_MM + PAD_MM) * dots_per_mm
    needed = max(
        [fmb.horizontalAdvance(r.text) + PAD_MM * dots_per_mm for r in rows if r.heading]
        + [fm.horizontalAdvance(r.text) + entry for r in rows if not r.heading]
        + [0.0]
    )
    return fm.height() * 1.28, needed


def _max_columns(needed: float, width: float, dots_per_mm: float, min_column_mm: float) -> int:
    needed = max(needed, min_column_mm * dots_per_mm)
    if width >= 2 * min_column_mm * dots_per_mm:
        needed = min(needed, width / 2)  # longer labels are elided
    return max(1, int(width // needed))


def fit_legend(
    groups: list[LegendGroup],
    width: float,
    height: float,
    dots_per_mm: float,
    base_pt: float,
    family: str,
    device: object,
    min_column_mm: float = 30.0,
) -> LegendLayout:
    """Choose the largest type size and the columns that fit the legend in the box.

    ``width`` and ``height`` are device units. Columns are as wide as the longest label
    needs (at least ``min_column_mm``; at most half the box, longer labels are elided).
    Sizes shrink from ``base_pt`` to 80 % of it; if the rows still do not fit, the last
    rows are dropped and counted in ``hidden`` (the caller prints "+N more" in the last
    free row).
    """
    rows = _rows(groups)
    for keep_together in (True, False):
        for factor in (1.0, 0.92, 0.85, 0.8):
            pt = base_pt * factor
            row_h, needed = _metrics(rows, pt, family, device, dots_per_mm)
            per_col = max(1, int(height / row_h))
            for ncols in range(1, _max_columns(needed, width, dots_per_mm, min_column_mm) + 1):
                cols = _flow(rows, per_col, ncols, keep_together)
                if cols is not None:
                    return LegendLayout(pt, cols, row_h, width / ncols, 0)
    pt = base_pt * 0.8
    row_h, needed = _metrics(rows, pt, family, device, dots_per_mm)
    ncols = _max_columns(needed, width, dots_per_mm, min_column_mm)
    per_col = max(1, int(height / row_h))
    keep = rows[: max(per_col * ncols - 1, 0)]  # the last slot holds "+N more"
    cols = [keep[i : i + per_col] for i in range(0, len(keep), per_col)] or [[]]
    return LegendLayout(pt, cols, row_h, width / ncols, len(rows) - len(keep))


def legend_height(
    groups: list[LegendGroup],
    width: float,
    dots_per_mm: float,
    base_pt: float,
    family: str,
    device: object,
    min_column_mm: float = 30.0,
) -> float:
    """The height (device units) the legend needs at ``base_pt`` in a box ``width`` wide.

    For figures whose legend strip can grow (the report), so nothing is left out.
    """
    rows = _rows(groups)
    if not rows:
        return 0.0
    row_h, needed = _metrics(rows, base_pt, family, device, dots_per_mm)
    ncols = _max_columns(needed, width, dots_per_mm, min_column_mm)
    per_col = -(-len(rows) // ncols)
    while _flow(rows, per_col, ncols, keep_together=True) is None:
        per_col += 1
    return per_col * row_h


def _blocks(rows: list[_Row]) -> list[list[_Row]]:
    """Rows grouped per layer (a heading with its entries, or one single row)."""
    blocks: list[list[_Row]] = []
    for row in rows:
        if row.heading or not blocks or row.group is not blocks[-1][-1].group:
            blocks.append([row])
        else:
            blocks[-1].append(row)
    return blocks


def _flow(
    rows: list[_Row], per_col: int, ncols: int, keep_together: bool = False
) -> list[list[_Row]] | None:
    """Fill columns top to bottom; None if the rows overflow ``ncols`` columns.

    With ``keep_together`` a layer's rows move to a fresh column rather than split
    (unless they are longer than a column). A heading never ends a column.
    """
    cols: list[list[_Row]] = [[]]
    for block in _blocks(rows):
        if keep_together and len(cols[-1]) + len(block) > per_col and len(block) <= per_col:
            if len(cols) == ncols:
                return None
            cols.append([])
        for i, row in enumerate(block):
            needs = 2 if row.heading and i + 1 < len(block) else 1
            if len(cols[-1]) + needs > per_col:
                if len(cols) == ncols:
                    return None
                cols.append([])
            cols[-1].append(row)
    return cols


def paint_legend(
    painter: QPainter,
    rect: QRectF,
    groups: list[LegendGroup],
    scale: float,
    dots_per_mm: float,
    base_pt: float,
    family: str,
    colour: str = "#222222",
) -> None:
    """Draw the fitted legend inside ``rect`` (device units); nothing is drawn outside it."""
    if not groups:
        return
    layout = fit_legend(
        groups, rect.width(), rect.height(), dots_per_mm, base_pt, family, painter.device()
    )
    font = QFont(family)
    font.setPointSizeF(layout.point_size)
    bold = QFont(font)
    bold.setBold(True)
    fm = QFontMetricsF(font, painter.device())
    fmb = QFontMetricsF(bold, painter.device())
    sw_w = SWATCH_MM * dots_per_mm
    sw_h = min(layout.row_height * 0.72, 3.2 * dots_per_mm)
    gap = GAP_MM * dots_per_mm
    painter.save()
    painter.setClipRect(rect)
    for c, col in enumerate(layout.columns):
        x = rect.left() + c * layout.column_width
        text_w = layout.column_width - sw_w - gap - PAD_MM * dots_per_mm
        for r, row in enumerate(col):
            y = rect.top() + r * layout.row_height
            mid = y + layout.row_height / 2
            if row.heading:
                painter.setFont(bold)
                painter.setPen(QColor(colour))
                text = fmb.elidedText(row.text, Qt.TextElideMode.ElideRight, layout.column_width)
                painter.drawText(QPointF(x, mid + fmb.ascent() / 2 - fmb.descent() / 2), text)
                continue
            assert row.group is not None and row.style is not None
            draw_swatch(
                painter,
                QRectF(x, mid - sw_h / 2, sw_w, sw_h),
                row.style,
                row.group.geometry_kind,
                scale,
                dots_per_mm,
                row.group.opacity,
            )
            painter.setFont(font)
            painter.setPen(QColor(colour))
            text = fm.elidedText(row.text, Qt.TextElideMode.ElideRight, text_w)
            painter.drawText(
                QPointF(x + sw_w + gap, mid + fm.ascent() / 2 - fm.descent() / 2), text
            )
    if layout.hidden:
        painter.setFont(font)
        painter.setPen(QColor("#555555"))
        more = QCoreApplication.translate("Legend", "+{0} more (see the data export)").format(
            layout.hidden
        )
        last_col = len(layout.columns) - 1
        y = rect.top() + len(layout.columns[-1]) * layout.row_height
        x = rect.left() + last_col * layout.column_width
        painter.drawText(QPointF(x, y + layout.row_height / 2 + fm.ascent() / 2), more)
    painter.restore()
