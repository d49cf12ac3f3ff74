"""Qt painting of styled layers, shared by the map canvas and every print export.

One renderer, never two: the canvas shows a :class:`MapScene` in a QGraphicsView, and
the print layout renders the very same scene into a QPdfWriter/QImage/QSvgGenerator.
"""

from omgevingsscan.render.layer_item import LayerItem
from omgevingsscan.render.scene import MapScene

__all__ = ["LayerItem", "MapScene"]
