"""File → Export… in the main window: the print map (PDF, PNG, SVG) with a live page
preview, the interactive map (HTML), data for other tools (GeoJSON, KML, GPX, CSV, a copy
of the scan) and the assessment report. The dialog (:class:`ExportDialog`) gathers the
options in tabs (:mod:`~omgevingsscan.ui.export.tabs`); the exports are the core's
(:mod:`omgevingsscan.export`, :mod:`omgevingsscan.render`), run as worker tasks
(:mod:`~omgevingsscan.ui.export.jobs`) on a snapshot of the scan, so editing meanwhile is
safe. :func:`install` adds the menu item (:class:`ExportExtension`).
"""

from omgevingsscan.ui.export.dialog import ExportDialog
from omgevingsscan.ui.export.extension import ExportExtension, install

__all__ = ["ExportDialog", "ExportExtension", "install"]
