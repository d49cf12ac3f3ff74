"""Canvas benchmark: one full repaint of the demo scan with every layer shown.

Compares the project's renderer (one item per layer, features batched into one path per
style class) with the naive way (one QGraphicsPathItem per feature), drawing the same
features into the same 1600x1000 image at the study-area view and at 1:2,000 around the
site. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_canvas``.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from omgevingsscan.io.demo import load_demo_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.render.geometry import path_of
from omgevingsscan.render.scene import MapScene
from omgevingsscan.render.style import group_features


def naive_scene(scan, px: float) -> QGraphicsScene:  # type: ignore[no-untyped-def]
    """The textbook way: one QGraphicsPathItem per feature (and per casing), with the
    same resolved pens and brushes as the project's renderer at ``px`` metres/pixel."""
    scene = QGraphicsScene()
    scene.setSceneRect(MapScene(scan).sceneRect())
    for z, layer in enumerate(scan.layers):
        if not isinstance(layer, VectorLayer) or not layer.visible:
            continue
        geoms = layer.data.geometry.to_numpy()
        for style, idx in group_features(layer.style, layer.data):
            for geom in geoms[idx]:
                if layer.geometry_kind == "point":
                    r = style.marker_size * px / 2
                    item = scene.addEllipse(geom.x - r, -geom.y - r, 2 * r, 2 * r)
                    item.setBrush(QBrush(QColor(style.fill or "#777777")))
                    item.setPen(QPen(QColor(style.stroke or "#ffffff"), 0.8 * px))
                else:
                    path = path_of([geom])
                    if layer.geometry_kind == "line" and style.casing:
                        casing = scene.addPath(path, style.pen(px, casing=True))
                        casing.setZValue(z - 0.5)
                    item = scene.addPath(path, style.pen(px))
                    if layer.geometry_kind == "polygon":
                        item.setBrush(style.brush())
                item.setZValue(z)
    return scene


def time_render(scene: QGraphicsScene, source: QRectF, repeat: int = 5) -> float:
    """Best time (s) of rendering ``source`` into a 1600x1000 image."""
    image = QImage(1600, 1000, QImage.Format.Format_ARGB32_Premultiplied)
    best = float("inf")
    for _ in range(repeat):
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t0 = time.perf_counter()
        scene.render(painter, QRectF(0, 0, 1600, 1000), source)
        painter.end()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    app = QApplication.instance() or QApplication([])  # noqa: F841
    scan = load_demo_scan()
    for layer in scan.layers:
        layer.visible = True  # every layer, addresses included
    ours = MapScene(scan)
    x0, _y0, x1, y1 = scan.study_area.polygon.bounds
    views = {
        "study area (1:3,300 on 1600 px)": QRectF(x0, -y1, x1 - x0, (x1 - x0) * 1000 / 1600),
        "site at 1:2,000": QRectF(scan.site.x - 400, -scan.site.y - 250, 800, 500),
    }
    features = sum(len(layer) for layer in scan.layers if isinstance(layer, VectorLayer))
    print(f"demo scan, all layers visible: {features:,} features")
    for label, rect in views.items():
        naive = naive_scene(scan, rect.width() / 1600)
        t_ours = time_render(ours, rect)
        t_naive = time_render(naive, rect)
        print(
            f"{label:34s} ours {t_ours * 1000:7.1f} ms ({1 / t_ours:5.1f} fps)   "
            f"naive {t_naive * 1000:7.1f} ms   ratio {t_naive / t_ours:4.1f}x"
        )
    ours.dispose()


if __name__ == "__main__":
    main()
