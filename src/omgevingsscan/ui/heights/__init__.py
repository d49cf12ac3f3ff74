"""Data → Import building heights… / Import terrain…, and the height-provenance style.

:func:`install` adds a *Data* menu to the main window (see
:mod:`omgevingsscan.ui.extensions`): measured heights from 3D BAG tiles or any vector
layer (:class:`.dialog.HeightsDialog` picks the files and the attribute), a DEM/DTM
GeoTIFF for the terrain, both run as worker jobs with progress and Cancel; *View →
Height provenance* shows where each building's height comes from (hatched where it is
estimated). A label in the status bar says how many heights are measured and whether
the ground is a terrain model or taken as flat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from omgevingsscan.ui.heights.extension import HeightsExtension
    from omgevingsscan.ui.main_window import MainWindow


def install(window: MainWindow) -> HeightsExtension:
    """Install the Data menu into ``window``."""
    from omgevingsscan.ui.heights.extension import HeightsExtension

    return HeightsExtension(window)
