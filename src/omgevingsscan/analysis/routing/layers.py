"""Route results as layers: routes, isochrones, chokepoints and entry points.

Each ``*_layer`` function takes result records of :mod:`omgevingsscan.analysis.routing`
and the scan CRS, and returns a layer kind of :mod:`omgevingsscan.layers.routes` with its
default name (see :data:`~omgevingsscan.layers.routes.LAYER_NAMES`). No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from omgevingsscan.analysis.routing.chokepoints import Chokepoints, chokepoints_frame
from omgevingsscan.analysis.routing.entries import EntryPoint, entry_points_frame
from omgevingsscan.analysis.routing.isochrones import Isochrone, isochrones_frame
from omgevingsscan.analysis.routing.routes import Route, routes_frame
from omgevingsscan.layers.routes import (
    LAYER_NAMES,
    ChokepointsLayer,
    EntryPointsLayer,
    IsochronesLayer,
    RoutesLayer,
    isochrone_classes,
)


def routes_layer(routes: Sequence[Route], crs: Any, name: str | None = None) -> RoutesLayer:
    """Return a :class:`RoutesLayer` of ``routes`` in ``crs`` (the scan's CRS).

    The default name comes from the first route's kind (see :data:`LAYER_NAMES`).
    """
    kind = routes[0].kind if routes else "route"
    return RoutesLayer(name or LAYER_NAMES.get(kind, "routes"), routes_frame(routes, crs))


def isochrones_layer(
    isos: Sequence[Isochrone], crs: Any, name: str | None = None
) -> IsochronesLayer:
    """Return an :class:`IsochronesLayer` of bands (default name ``isochrones_<mode>``)."""
    mode = isos[0].mode if isos else ""
    default = f"isochrones_{mode}" if mode else "isochrones"
    layer = IsochronesLayer(name or default, isochrones_frame(isos, crs))
    minutes = sorted({float(iso.minutes) for iso in isos})
    if minutes:
        layer.style = {**layer.style, **isochrone_classes(minutes)}
    return layer


def chokepoints_layer(result: Chokepoints, crs: Any, name: str | None = None) -> ChokepointsLayer:
    """Return a :class:`ChokepointsLayer` (default name ``chokepoints_<mode>``)."""
    default = f"chokepoints_{result.mode}" if result.mode else "chokepoints"
    return ChokepointsLayer(name or default, chokepoints_frame(result, crs))


def entry_points_layer(
    entries: Sequence[EntryPoint], crs: Any, name: str | None = None
) -> EntryPointsLayer:
    """Return an :class:`EntryPointsLayer` (default name ``entry_points``)."""
    return EntryPointsLayer(name or LAYER_NAMES["entry_points"], entry_points_frame(entries, crs))
