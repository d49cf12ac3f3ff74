"""UI test fixtures: a main window with a fresh copy of the demo scan."""

from __future__ import annotations

import pytest

from omgevingsscan.io.project import load_scan
from omgevingsscan.settings import Settings
from omgevingsscan.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_gpkg):
    """A shown main window holding a fresh copy of the demo scan."""
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.set_scan(load_scan(demo_gpkg), demo_gpkg)
    yield win
    if win.job is not None:
        win.job.cancel()
        win.job.wait()
