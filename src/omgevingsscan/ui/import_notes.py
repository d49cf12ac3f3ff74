"""What the import had to repair or leave out, said in the status bar after an import.

The figures come from :func:`omgevingsscan.io.osm_repair.import_figures` (stored in the
scan's metadata, so they also show after reopening the file in ``info`` and the report).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from omgevingsscan.io.osm_repair import import_figures
from omgevingsscan.scan import Scan
from omgevingsscan.ui.strings import layer_title


def import_message(scan: Scan) -> str | None:
    """A translated line on features dropped (by layer) and ways repaired, or None."""
    fig = import_figures(scan.meta)
    parts = []
    if fig["dropped_total"]:
        names = []
        for name, count in fig["dropped"].items():
            layer = scan.layers.get(name)
            names.append(f"{layer_title(layer) if layer is not None else name}: {count}")
        parts.append(
            QCoreApplication.translate("ImportNotes", "{0} broken features left out ({1})").format(
                fig["dropped_total"], ", ".join(names)
            )
        )
    if fig["ways_repaired"]:
        parts.append(
            QCoreApplication.translate(
                "ImportNotes", "{0} ways with missing nodes repaired"
            ).format(fig["ways_repaired"])
        )
    fixed = sum(fig["invalid_fixed"].values())
    if fixed:
        parts.append(
            QCoreApplication.translate("ImportNotes", "{0} invalid polygons made valid").format(
                fixed
            )
        )
    if not parts:
        return None
    return QCoreApplication.translate("ImportNotes", "The OSM data was incomplete: {0}.").format(
        "; ".join(parts)
    )
