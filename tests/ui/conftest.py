"""UI test fixtures: a main window with a private copy of the demo scan."""

from __future__ import annotations

import shutil

import pytest

from omgevingsscan.io.project import load_scan
from omgevingsscan.settings import Settings
from omgevingsscan.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_gpkg, tmp_path):
    """A shown main window on a private copy of the demo scan (``window.scan_path``).

    The copy matters: observation edits are written to the scan file as they are made,
    so no test may open the session's shared demo file for editing.
    """
    path = tmp_path / "scan.gpkg"
    shutil.copy(demo_gpkg, path)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.set_scan(load_scan(path), path)
    yield win
    if win.job is not None:
        win.job.cancel()
        win.job.wait()
    win.close()
