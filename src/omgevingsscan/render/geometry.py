"""Shapely geometries to QPainterPaths in scene coordinates.

Scene coordinates are the scan's metric CRS with the y axis flipped (scene y = -north),
so that north is up on screen and on paper. One scene unit is one metre.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry


def to_scene(x: float, y: float) -> QPointF:
    """Map metres in the scan CRS to a scene point."""
    return QPointF(x, -y)


def from_scene(point: QPointF) -> tuple[float, float]:
    """Map a scene point to ``(x, y)`` metres in the scan CRS."""
    return point.x(), -point.y()


def _polygon(coords: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(-y)) for x, y in coords[:, :2]])


def add_geometry(path: QPainterPath, geom: BaseGeometry | None) -> None:
    """Append a shapely geometry (any type) to ``path``; points are skipped."""
    if geom is None or geom.is_empty:
        return
    for part in shapely.get_parts(np.asarray([geom])):
        kind = part.geom_type
        if kind == "Polygon":
            sub = QPainterPath()
            sub.addPolygon(_polygon(np.asarray(part.exterior.coords)))
            sub.closeSubpath()
            for ring in part.interiors:
                sub.addPolygon(_polygon(np.asarray(ring.coords)))
                sub.closeSubpath()
            path.addPath(sub)
        elif kind in ("LineString", "LinearRing"):
            coords = np.asarray(part.coords)
            if len(coords) < 2:
                continue
            path.moveTo(float(coords[0, 0]), float(-coords[0, 1]))
            for x, y in coords[1:, :2]:
                path.lineTo(float(x), float(-y))
        elif kind == "GeometryCollection":
            for sub_geom in part.geoms:
                add_geometry(path, sub_geom)


def path_of(geoms: Iterable[BaseGeometry | None]) -> QPainterPath:
    """Return one path holding every geometry (odd-even fill, so holes stay holes)."""
    path = QPainterPath()
    path.setFillRule(path.fillRule().OddEvenFill)
    for geom in geoms:
        add_geometry(path, geom)
    return path


def point_coords(geoms: Iterable[BaseGeometry | None]) -> np.ndarray:
    """Return an (n, 2) array of scene coordinates of point geometries (centroids of others)."""
    pts = []
    for geom in geoms:
        if geom is None or geom.is_empty:
            continue
        p = geom if geom.geom_type == "Point" else geom.representative_point()
        pts.append((p.x, -p.y))
    return np.asarray(pts, dtype=float).reshape(-1, 2)
