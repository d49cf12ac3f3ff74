"""Route result layers: kinds, default styles, add-or-replace in a scan, save and load."""

from __future__ import annotations

import copy

import pytest

from omgevingsscan.analysis.routing import (
    ROUTE_COLUMNS,
    scan_approach_routes,
    scan_chokepoints,
    scan_escape_routes,
    scan_isochrones,
    scan_route,
)
from omgevingsscan.analysis.routing.layers import (
    chokepoints_layer,
    entry_points_layer,
    isochrones_layer,
    routes_layer,
)
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.base import VectorLayer, layer_class
from omgevingsscan.layers.routes import (
    ChokepointsLayer,
    EntryPointsLayer,
    IsochronesLayer,
    RoutesLayer,
    set_layer,
)


def test_kinds_are_registered_with_styles() -> None:
    for kind, cls, geometry in (
        ("routes", RoutesLayer, "line"),
        ("isochrones", IsochronesLayer, "polygon"),
        ("chokepoints", ChokepointsLayer, "line"),
        ("entry_points", EntryPointsLayer, "point"),
    ):
        assert layer_class(kind) is cls
        assert cls.geometry_kind == geometry
        style = cls.default_style
        assert "column" in style
        colours = [style.get("stroke"), style.get("fill")]
        colours += [v.get("stroke") for v in style.get("categories", {}).values()]
        colours += list(style.get("fills", []))
        assert all(c is None or (c.startswith("#") and len(c) == 7) for c in colours)
    # every chokepoint kind has its own look
    from omgevingsscan.analysis.routing import CHOKEPOINT_KINDS

    assert set(ChokepointsLayer.default_style["categories"]) == set(CHOKEPOINT_KINDS)


def test_set_layer_adds_updates_and_replaces(demo_scan) -> None:  # type: ignore[no-untyped-def]
    scan = copy.copy(demo_scan)
    scan.layers = type(demo_scan.layers)(list(demo_scan.layers))
    n = len(scan.layers)
    site = (scan.site.x, scan.site.y)
    first = scan_route(scan, site, (site[0] - 300.0, site[1] + 200.0))
    layer = set_layer(scan, routes_layer([first], scan.crs))
    assert len(scan.layers) == n + 1 and layer.name == "route"
    assert list(layer.data.columns[: len(ROUTE_COLUMNS)]) == list(ROUTE_COLUMNS)
    # a live re-route: the same layer object gets new data and keeps its style
    layer.style = {**layer.style, "stroke": "#000000"}
    seen = []
    layer.events.data.connect(lambda: seen.append(True))
    second = scan_route(scan, site, (site[0] + 100.0, site[1] - 150.0))
    again = set_layer(scan, routes_layer([second], scan.crs))
    assert again is layer and seen == [True]
    assert layer.style["stroke"] == "#000000"
    assert layer.data.loc[0, "length_m"] == round(second.length_m, 1)
    # another kind under the same name replaces it in place
    at = scan.layers.index(layer)
    other = VectorLayer("route", layer.data)
    assert set_layer(scan, other) is other and scan.layers[at] is other
    assert len(scan.layers) == n + 1


def test_result_layers_round_trip(demo_scan, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scan = copy.copy(demo_scan)
    scan.layers = type(demo_scan.layers)(list(demo_scan.layers))
    escape = scan_escape_routes(scan, mode="drive", k=2)
    entries, approach = scan_approach_routes(scan, mode="walk", per_entry=2)
    made = [
        set_layer(scan, routes_layer(escape.routes, scan.crs)),
        set_layer(scan, routes_layer(approach, scan.crs)),
        set_layer(scan, entry_points_layer(entries, scan.crs)),
        set_layer(scan, isochrones_layer(scan_isochrones(scan, mode="walk"), scan.crs)),
        set_layer(scan, chokepoints_layer(scan_chokepoints(scan, mode="drive"), scan.crs)),
    ]
    assert [m.name for m in made] == [
        "escape_routes",
        "approach_routes",
        "entry_points",
        "isochrones_walk",
        "chokepoints_drive",
    ]
    path = save_scan(scan, tmp_path / "routes.gpkg")
    loaded = load_scan(path)
    for m in made:
        back = loaded.layers.get(m.name)
        assert type(back) is type(m)
        assert len(back.data) == len(m.data)
        assert back.data.crs.to_epsg() == 28992
    table = loaded.layers.get("escape_routes").data
    assert list(table["route"]) == [r.label for r in escape.routes]
    assert list(table["length_m"]) == pytest.approx([round(r.length_m, 1) for r in escape.routes])


def test_isochrone_classes_follow_the_asked_minutes():
    from omgevingsscan.layers.routes import (
        isochrone_classes,
    )

    classes = isochrone_classes([1, 3, 5])
    assert classes["labels"] == ["≤ 1 min", "≤ 3 min", "≤ 5 min"]
    assert classes["breaks"] == [2.0, 4.0]
    assert len(classes["fills"]) == 3
    assert classes["fills"][0] != classes["fills"][-1]
