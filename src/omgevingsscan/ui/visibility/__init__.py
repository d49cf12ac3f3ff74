"""The visibility analyses in the main window: the sight-line tool (S), the viewshed tool
(V), the exposure of the site (ranked overlook positions) and recomputing every
visibility result when the buildings change, with the Visibility dock. The buildings are
indexed in the background when a scan is shown; the core work is
:mod:`omgevingsscan.analysis.visibility`, and every result is a layer of the scan. The
extension is :class:`VisibilityUI`; its tools reach it through the
:class:`~omgevingsscan.ui.visibility.common.VisHost` protocol.
"""

from omgevingsscan.ui.visibility.extension import VisibilityUI, install

__all__ = ["VisibilityUI", "install"]
