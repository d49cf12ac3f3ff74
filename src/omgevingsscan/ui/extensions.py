"""UI extensions: each feature area (visibility tools, routes, observations, export)
adds its actions, tools and docks to the main window through one module here.

A module named in :data:`EXTENSIONS` has ``install(window) -> Extension``, where
``window`` is the main window typed as :class:`~omgevingsscan.ui.host.WindowHost` (this
registry and the extensions never import the main window). The main window calls it once; the extension then follows ``window.scan_loaded`` (a scan was
shown) and ``window.scan_closing`` (the scan is about to be replaced or the window
closes) and must disconnect what it connected to the old scan. This keeps MainWindow
free of feature logic: adding a feature is one module and one line here.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from omgevingsscan.ui.host import WindowHost

#: Extension packages under omgevingsscan.ui (each one's public face has ``install``),
#: installed in this order.
EXTENSIONS: dict[str, str] = {
    "export": "omgevingsscan.ui.export",
    "observations": "omgevingsscan.ui.observations",
    "routes": "omgevingsscan.ui.routes",
    "visibility": "omgevingsscan.ui.visibility",
    "findings": "omgevingsscan.ui.findings.extension",
    "team": "omgevingsscan.ui.team.extension",
    "heights": "omgevingsscan.ui.heights",
}


class Extension(Protocol):
    """What an installed extension offers the window (it may offer more)."""

    def close(self) -> None:
        """Release what the extension holds (called when the window closes)."""


def install_all(window: WindowHost) -> dict[str, Extension]:
    """Install every extension in :data:`EXTENSIONS`; returns them by feature name."""
    installed: dict[str, Extension] = {}
    for name, path in EXTENSIONS.items():
        module = importlib.import_module(path)
        installed[name] = module.install(window)
    return installed
