"""Help → About: version, purpose, data licence and attribution."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from omgevingsscan import __version__


def about_text() -> str:
    """The About text (rich text), translated."""
    return QCoreApplication.translate(
        "About",
        "<h3>omgevingsscan {0}</h3>"
        "<p>Security environment scans around the home, town hall or meeting venue of a "
        "threatened public official: sightlines, routes, observation posts and reports.</p>"
        "<p>Works offline: nothing is sent anywhere unless online mode is switched on.</p>"
        "<p><b>Map data © OpenStreetMap contributors</b>, available under the Open Database "
        "Licence (ODbL 1.0): openstreetmap.org/copyright.</p>",
    ).format(__version__)


def show_about(parent: QWidget) -> QMessageBox:
    """Open the About box (non-blocking); returns it."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About omgevingsscan"))
    box.setText(about_text())
    box.open()
    return box
