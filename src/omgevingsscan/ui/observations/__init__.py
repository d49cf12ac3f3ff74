"""What the observers and the advisor enter during a scan, in the main window: observation
posts (placed, aimed and edited on the map), the sightings log (a table that follows the
map both ways, with filters, colours by age, CSV/GeoJSON export and merging another
observer's file), annotations (labels, arrows, zones), measuring, the coverage of the
posts with its blind spots, and undo/redo with crash recovery of the edits. All edits go
through the core's :class:`~omgevingsscan.editing.ObservationEditor`. The extension
(:class:`ObservationsUI`) is made of parts that reach it through the
:class:`~omgevingsscan.ui.observations.host.ObservationsHost` protocol, so none of them
imports it; the main window is reached as :class:`~omgevingsscan.ui.host.WindowHost`.
"""

from omgevingsscan.ui.observations.extension import ObservationsUI, install

__all__ = ["ObservationsUI", "install"]
