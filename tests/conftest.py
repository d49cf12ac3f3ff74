"""Test set-up: Qt offscreen, no network, no real settings or home folder."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "omgevingsscan" / "resources"
DEMO_PBF = RESOURCES / "amsterdam_centre.osm.pbf"
DEMO_BZ2 = RESOURCES / "amsterdam_centre.osm.bz2"
#: The town hall node (Stadsloket Centrum, Amstel 1) in the bundled extract.
TOWNHALL = (52.3676842, 4.9002256)

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1")):
        return _real_connect(self, address)  # type: ignore[arg-type]
    if self.family == socket.AF_UNIX:
        return _real_connect(self, address)  # type: ignore[arg-type]
    raise RuntimeError(f"a test tried to reach the network: {address!r}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every socket connection that is not to this machine."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point settings at a temporary folder so tests never touch the user's config."""
    monkeypatch.setenv("OMGEVINGSSCAN_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(scope="session")
def demo_scan():  # type: ignore[no-untyped-def]
    """The demo scan (town hall, 500 m) imported once per session. Do not mutate."""
    from omgevingsscan.io.osm import import_scan

    return import_scan(DEMO_PBF, TOWNHALL, radius_m=500, name="Stadhuis", kind="townhall")


@pytest.fixture(scope="session")
def demo_gpkg(demo_scan, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The demo scan saved once as a GeoPackage. Copy before changing it."""
    from omgevingsscan.io.project import save_scan

    return save_scan(demo_scan, tmp_path_factory.mktemp("scan") / "demo.gpkg")
