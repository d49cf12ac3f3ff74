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

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene  # noqa: E402

from omgevingsscan.demo import load_demo_scan  # noqa: E402
from omgevingsscan.layers.base import VectorLayer  # noqa: E402
from omgevingsscan.render.geometry import path_of  # noqa: E402
from omgevingsscan.render.scene import MapScene  # noqa: E402


def naive_scene(scan) -> QGraphicsScene:  # type: ignore[no-untyped-def]
    """One QGraphicsPathItem per feature, the textbook way."""
    scene = QGraphicsScene()
    scene.setSceneRect(MapScene(scan).sceneRect())
    for z, layer in enumerate(scan.layers):
        if not isinstance(layer, VectorLayer) or not layer.visible:
            continue
        fill = layer.style.get("fill") or (layer.style.get("fills") or [None])[0]
        for geom in layer.data.geometry:
            if layer.geometry_kind == "point":
                item = scene.addEllipse(geom.x - 2, -geom.y - 2, 4, 4)
            else:
                item = scene.addPath(path_of([geom]))
            item.setPen(QPen(QColor(layer.style.get("stroke") or "#888888"), 0))
            if fill and layer.geometry_kind != "line":
                item.setBrush(QBrush(QColor(fill)))
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
    naive = naive_scene(scan)
    x0, y0, x1, y1 = scan.study_area.polygon.bounds
    views = {
        "study area (1:3,300 on 1600 px)": QRectF(x0, -y1, x1 - x0, (x1 - x0) * 1000 / 1600),
        "site at 1:2,000": QRectF(scan.site.x - 400, -scan.site.y - 250, 800, 500),
    }
    features = sum(len(layer) for layer in scan.layers if isinstance(layer, VectorLayer))
    print(f"demo scan, all layers visible: {features:,} features")
    for label, rect in views.items():
        t_ours = time_render(ours, rect)
        t_naive = time_render(naive, rect)
        print(
            f"{label:34s} ours {t_ours * 1000:7.1f} ms ({1 / t_ours:5.1f} fps)   "
            f"naive {t_naive * 1000:7.1f} ms   ratio {t_naive / t_ours:4.1f}x"
        )
    ours.dispose()


if __name__ == "__main__":
    main()
