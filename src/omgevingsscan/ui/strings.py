"""Translation of strings that come from the Qt-free core (layer titles, progress steps).

The core cannot call Qt's tr(), so its user-visible strings are listed here with
QT_TRANSLATE_NOOP for lupdate, and translated at display time with :func:`layer_title`
and :func:`progress_text`. Add a core string here when you add one there.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from omgevingsscan.export.styles import display_title
from omgevingsscan.layers.base import Layer

LAYER_TITLES = (
    QT_TRANSLATE_NOOP("layers", "Buildings"),
    QT_TRANSLATE_NOOP("layers", "Roads"),
    QT_TRANSLATE_NOOP("layers", "Paths and cycleways"),
    QT_TRANSLATE_NOOP("layers", "Railways and tram"),
    QT_TRANSLATE_NOOP("layers", "Water"),
    QT_TRANSLATE_NOOP("layers", "Green and land use"),
    QT_TRANSLATE_NOOP("layers", "Barriers"),
    QT_TRANSLATE_NOOP("layers", "Security-relevant points"),
    QT_TRANSLATE_NOOP("layers", "Addresses"),
    QT_TRANSLATE_NOOP("layers", "Site"),
    QT_TRANSLATE_NOOP("layers", "Study area"),
    QT_TRANSLATE_NOOP("layers", "Edge of the data"),
    QT_TRANSLATE_NOOP("layers", "Annotations"),
    QT_TRANSLATE_NOOP("layers", "Blind spots"),
    QT_TRANSLATE_NOOP("layers", "Chokepoints"),
    QT_TRANSLATE_NOOP("layers", "Entry points"),
    QT_TRANSLATE_NOOP("layers", "Exposure of the site"),
    QT_TRANSLATE_NOOP("layers", "Isochrones"),
    QT_TRANSLATE_NOOP("layers", "Observation posts"),
    QT_TRANSLATE_NOOP("layers", "Overlook positions"),
    QT_TRANSLATE_NOOP("layers", "Routes"),
    QT_TRANSLATE_NOOP("layers", "Sight line"),
    QT_TRANSLATE_NOOP("layers", "Sightings"),
    QT_TRANSLATE_NOOP("layers", "Views of the posts"),
    QT_TRANSLATE_NOOP("layers", "Viewshed"),
)

PROGRESS = (
    QT_TRANSLATE_NOOP("progress", "Checking the file"),
    QT_TRANSLATE_NOOP("progress", "Finding the site"),
    QT_TRANSLATE_NOOP("progress", "Cutting the study area out of the large file"),
    QT_TRANSLATE_NOOP("progress", "Reading features"),
    QT_TRANSLATE_NOOP("progress", "Classifying layers"),
    QT_TRANSLATE_NOOP("progress", "Reading the street network"),
    QT_TRANSLATE_NOOP("progress", "Building the walk network"),
    QT_TRANSLATE_NOOP("progress", "Building the bike network"),
    QT_TRANSLATE_NOOP("progress", "Building the drive network"),
    QT_TRANSLATE_NOOP("progress", "Assembling the scan"),
    QT_TRANSLATE_NOOP("progress", "Downloading from the Overpass API"),
    QT_TRANSLATE_NOOP("progress", "Done"),
)


def layer_title(layer: Layer) -> str:
    """How the layer is named in the UI: its kind's translated title, plus what its name
    adds ("escape_routes" of kind routes → "Routes (escape routes)"); see
    :func:`omgevingsscan.export.styles.display_title`, which print and reports use."""
    english = display_title(layer)
    if not layer.title or not english.startswith(layer.title):
        return english
    return QCoreApplication.translate("layers", layer.title) + english[len(layer.title) :]


def progress_text(message: str) -> str:
    """Translate a progress message from the core (unknown ones pass unchanged)."""
    return QCoreApplication.translate("progress", message)
