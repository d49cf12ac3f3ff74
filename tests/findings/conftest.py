"""Fixtures of the findings tests: the demo scan with real analysis results stored."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image


@pytest.fixture(scope="session")
def analysed_gpkg(demo_scan, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The demo scan with exposure, walking chokepoints, escape routes and an emergency
    route (police placed by hand 290 m away) stored in it. Copy before changing it."""
    from omgevingsscan.analysis import routing as net
    from omgevingsscan.analysis.routing import layers as rl
    from omgevingsscan.analysis.visibility import exposure_for_scan, index_for
    from omgevingsscan.analysis.visibility.layers import put_result
    from omgevingsscan.export.snapshot import snapshot_scan
    from omgevingsscan.io.project import save_scan
    from omgevingsscan.layers.routes import set_layer

    names = [layer.name for layer in demo_scan.layers]
    scan = snapshot_scan(demo_scan, names, keep_visibility=True)
    scan.graphs = demo_scan.graphs
    index = index_for(scan)
    result = exposure_for_scan(scan, index, spacing=2.0, top_spacing=8.0, window_spacing=8.0)
    put_result(scan.layers, result, scan.crs, index=index)
    chokes = net.scan_chokepoints(scan, mode="walk")
    set_layer(scan, rl.chokepoints_layer(chokes, scan.crs))
    escape = net.scan_escape_routes(scan, mode="walk", chokepoints=chokes)
    set_layer(scan, rl.routes_layer(escape.routes, scan.crs))
    police = net.ServiceLocation("police", scan.site.x - 250, scan.site.y + 150, source="manual")
    emergency = net.scan_emergency_response(scan, services=[police])
    set_layer(scan, rl.routes_layer(emergency.routes, scan.crs, name="emergency_routes"))
    entries, _routes = net.scan_approach_routes(scan)
    set_layer(scan, rl.entry_points_layer(entries, scan.crs))
    return save_scan(scan, tmp_path_factory.mktemp("analysed") / "analysed.gpkg")


@pytest.fixture
def scan_copy(analysed_gpkg, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    """A private copy of the analysed demo scan."""
    return Path(shutil.copy(analysed_gpkg, tmp_path / "scan.gpkg"))


def jpeg(size: tuple[int, int] = (64, 48), colour: tuple[int, int, int] = (200, 60, 40)) -> bytes:
    """A small real JPEG image."""
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG")
    return buf.getvalue()
