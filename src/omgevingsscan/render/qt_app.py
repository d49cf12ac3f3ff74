"""A Qt application for headless painting (the CLI exports), created lazily.

The map scene is a QGraphicsScene, which needs a QApplication (a QGuiApplication
subclass) before it is made. The GUI makes its own; the CLI calls
:func:`ensure_app`, which starts one on Qt's "offscreen" platform unless the caller
chose a platform in ``QT_QPA_PLATFORM``: exports never open a window, so they do not
need (or wait for) a display.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

_APP: QApplication | None = None


def ensure_app() -> QCoreApplication:
    """Return the running Qt application, starting an offscreen one if there is none."""
    global _APP
    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QApplication):
            raise RuntimeError(
                "omgevingsscan exports need a QApplication; a plain "
                f"{type(app).__name__} is running"
            )
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _APP = QApplication(sys.argv[:1] or ["omgevingsscan"])
    return _APP
