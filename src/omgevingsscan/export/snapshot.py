"""A frozen copy of a scan for a background export.

An export runs in a worker thread while the user keeps working; it must not read
layers that the UI thread is changing, nor connect to their events. Take the snapshot
on the UI thread, hand it to the worker. Layers keep their class (so kind-specific
drawing and report sections still apply) but get fresh events and private copies of
their containers and frames. Geometries are immutable and shared.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from omgevingsscan.errors import ExportError
from omgevingsscan.layers.base import Layer, LayerList, VectorLayer
from omgevingsscan.scan import Scan, StudyArea


def snapshot_layer(layer: Layer) -> Layer:
    """Return an independent copy of ``layer`` with fresh (unconnected) events."""
    clone = copy.copy(layer)
    clone.events = type(layer.events)()
    for key, value in list(vars(clone).items()):
        if key == "events":
            continue
        if isinstance(value, pd.DataFrame):
            setattr(clone, key, value.copy())
        elif isinstance(value, dict | list | set):
            setattr(clone, key, copy.copy(value))
    return clone


def resolve_layer_names(scan: Scan, names: Iterable[str] | None) -> list[str]:
    """The layer names to export, bottom first.

    ``None`` means the visible vector layers. Unknown names raise ExportError listing the
    layers the scan has.
    """
    vector = [layer for layer in scan.layers if isinstance(layer, VectorLayer)]
    if names is None:
        return [layer.name for layer in vector if layer.visible]
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    known = {layer.name for layer in vector}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ExportError(
            f"layer {', '.join(map(repr, unknown))} not in the scan; it has "
            f"{', '.join(layer.name for layer in vector)}"
        )
    return [layer.name for layer in vector if layer.name in wanted]


def snapshot_scan(
    scan: Scan, layers: Iterable[str] | None = None, *, keep_visibility: bool = False
) -> Scan:
    """Return a copy of ``scan`` holding copies of the chosen layers.

    Parameters
    ----------
    scan
        The live scan.
    layers
        Names of the layers to keep (drawing order stays the scan's); None keeps the
        visible vector layers.
    keep_visibility
        Keep each layer's visibility; by default the kept layers are all made visible
        (they were chosen to be drawn).
    """
    names = set(resolve_layer_names(scan, layers))
    kept = []
    for layer in scan.layers:
        if layer.name in names:
            clone = snapshot_layer(layer)
            if not keep_visibility:
                clone.visible = True
            kept.append(clone)
    return Scan(
        site=copy.copy(scan.site),
        study_area=copy.copy(scan.study_area),
        crs=scan.crs,
        layers=LayerList(kept),
        graphs={},
        source=scan.source,
        imported_at=scan.imported_at,
        data_date=scan.data_date,
        coverage=scan.coverage,
        view=dict(scan.view),
        meta=copy.deepcopy(scan.meta),
    )


_SHIFTED_CLASSES: dict[type, type] = {}


def _shifted_class(cls: type) -> type:
    """A subclass of ``cls`` whose ``data`` is a fixed, moved copy (kept in ``_shifted``)."""
    if cls not in _SHIFTED_CLASSES:
        _SHIFTED_CLASSES[cls] = type(
            f"Shifted{cls.__name__}",
            (cls,),
            {"data": property(lambda self: self._shifted), "__module__": cls.__module__},
        )
    return _SHIFTED_CLASSES[cls]


def shifted_scan(scan: Scan, dx: float, dy: float) -> Scan:
    """A copy of ``scan`` with every geometry moved by ``(dx, dy)`` metres.

    For output formats that write coordinates with few significant digits: Qt's SVG
    writer keeps 6, which leaves RD coordinates (six-digit metres) only metre-precise.
    Drawing a scan moved near the origin keeps them centimetre-precise. Each layer keeps
    its class and kind (so kind-specific drawing still applies) and serves the moved
    frame as its ``data``; the site and the study area are moved too.
    """
    moved = snapshot_scan(scan, [layer.name for layer in scan.layers], keep_visibility=True)
    offset = np.array([dx, dy])
    for layer in moved.layers:
        if not isinstance(layer, VectorLayer):
            continue
        frame = layer.data
        geoms = shapely.transform(frame.geometry.to_numpy(), lambda c: c + offset)
        shifted = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
        layer.__class__ = _shifted_class(type(layer))
        layer._shifted = shifted  # type: ignore[attr-defined]
    site = copy.copy(scan.site)
    site.x, site.y = scan.site.x + dx, scan.site.y + dy
    moved.site = site
    cx, cy = scan.study_area.centre
    moved.study_area = StudyArea((cx + dx, cy + dy), scan.study_area.radius_m)
    return moved
