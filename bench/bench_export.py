"""Export benchmark: A3 PDF, 300-dpi A3 PNG and the report of the demo scan, all layers on.

Each export is timed against a baseline in the same run that does only the unavoidable
part: a plain ``MapScene.render`` of the same map frame onto the same page device (no
furniture, no snapshot, no atomic write), and for the report the same number of map
images rendered plainly and encoded as PNG (no layout, no legend, no PDF). The ratio is
what the export adds on top of drawing the map. Medians of 5–9 runs, export and baseline alternating in one process.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_export``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from omgevingsscan.export.page import PrintSpec
from omgevingsscan.export.paper import dots_per_mm, mm_to_px
from omgevingsscan.export.report import LEGEND_MM, MAP_H_MM, MAP_W_MM, ReportOptions
from omgevingsscan.export.snapshot import snapshot_scan
from omgevingsscan.io.demo import load_demo_scan
from omgevingsscan.render.layout import (
    PDF_DPI,
    export_print,
    map_frame_device_rect,
    page_layout,
    prepare_page,
)
from omgevingsscan.render.qt_app import ensure_app
from omgevingsscan.render.report_maps import export_report
from omgevingsscan.render.scene import MapScene


def paired(
    full: Callable[[], object], base: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median wall times (s) of ``full`` and ``base``, called alternately ``repeat`` times
    each (so a burst of load on the shared machine hits both alike)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((full, times[0]), (base, times[1])):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return statistics.median(times[0]), statistics.median(times[1])


def plain_render(scan, page, device, dpi: float) -> None:  # type: ignore[no-untyped-def]
    """Baseline: the map frame of ``page`` drawn by a fresh MapScene, nothing else."""
    scene = MapScene(scan)
    painter = QPainter(device)
    x0, y0, x1, y1 = page.extent.bounds
    scene.render(
        painter,
        map_frame_device_rect(page.plan, dpi),
        QRectF(x0, -y1, x1 - x0, y1 - y0),
        Qt.AspectRatioMode.IgnoreAspectRatio,
    )
    painter.end()
    scene.dispose()


def main() -> None:
    ensure_app()
    demo = load_demo_scan()
    scan = snapshot_scan(demo, [layer.name for layer in demo.layers])  # every layer visible
    n_features = sum(len(layer) for layer in scan.layers)
    spec = PrintSpec(paper="A3", landscape=True, scale=2500, classification="VERTROUWELIJK")
    page = prepare_page(scan, spec)
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    rows = []

    def pdf_full() -> None:
        export_print(scan, spec, out / "a3.pdf")

    def pdf_base() -> None:
        writer = QPdfWriter(str(out / "base.pdf"))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(page.plan))
        plain_render(scan, page, writer, PDF_DPI)

    full, base = paired(pdf_full, pdf_base, 9)
    rows.append(("A3 PDF, 1:2 500", full, base, (out / "a3.pdf").stat().st_size))

    png_spec = replace(spec, dpi=300)

    def png_full() -> None:
        export_print(scan, png_spec, out / "a3.png")

    def png_base() -> None:
        image = QImage(
            mm_to_px(page.plan.page.w, 300),
            mm_to_px(page.plan.page.h, 300),
            QImage.Format.Format_RGB32,
        )
        image.fill(QColor("#ffffff"))
        plain_render(scan, page, image, 300)
        image.save(str(out / "base.png"), "PNG")

    full, base = paired(png_full, png_base, 5)
    rows.append(("A3 PNG, 300 dpi", full, base, (out / "a3.png").stat().st_size))

    options = ReportOptions(author="bench", classification="VERTROUWELIJK")
    _, findings = export_report(scan, out / "report.pdf", options)
    n_maps = 2 + len(findings.assessed)

    def report_full() -> None:
        export_report(scan, out / "report.pdf", options)

    def report_base() -> None:
        k = dots_per_mm(options.map_dpi)
        x0, y0, x1, y1 = scan.study_area.polygon.bounds
        for _ in range(n_maps):
            image = QImage(
                mm_to_px(MAP_W_MM, options.map_dpi),
                mm_to_px(MAP_H_MM + LEGEND_MM, options.map_dpi),
                QImage.Format.Format_RGB32,
            )
            image.fill(QColor("#ffffff"))
            scene = MapScene(scan)
            painter = QPainter(image)
            scene.render(
                painter,
                QRectF(0, 0, MAP_W_MM * k, MAP_H_MM * k),
                QRectF(x0, -y1, x1 - x0, y1 - y0),
                Qt.AspectRatioMode.KeepAspectRatio,
            )
            painter.end()
            scene.dispose()
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")

    full, base = paired(report_full, report_base, 5)
    rows.append(
        (
            f"Report ({n_maps} maps at {options.map_dpi} dpi)",
            full,
            base,
            (out / "report.pdf").stat().st_size,
        )
    )

    print(f"demo scan: {len(scan.layers)} layers, {n_features} features, all shown")
    print("| export | time (s) | baseline (s) | ratio | file size |")
    print("|---|---:|---:|---:|---:|")
    for name, full, base, size in rows:
        print(f"| {name} | {full:.3f} | {base:.3f} | {full / base:.2f} | {size / 1e6:.2f} MB |")


if __name__ == "__main__":
    main()
