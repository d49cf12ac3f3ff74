"""The route analyses in the main window: the route tool A → B (R), emergency response,
approach and escape routes, isochrones and chokepoints from the Analysis menu, and the
Routes dock with each result's rows and notes. The work is the core's
(:mod:`omgevingsscan.analysis.routing`), run in the window's worker; results are layers
of the scan. The extension (:class:`RoutesUI`) is made of parts (analyses, emergency
services, results dock, analysis launcher) that reach it through the
:class:`~omgevingsscan.ui.routes.host.RoutesHost` protocol, so none of them imports it.
"""

from omgevingsscan.ui.routes.extension import RoutesUI, install

__all__ = ["RoutesUI", "install"]
