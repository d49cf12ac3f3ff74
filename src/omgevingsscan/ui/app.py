"""Starting the application: QApplication, translations, the main window, screenshots."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from omgevingsscan.errors import InputFileError
from omgevingsscan.io.safe_files import commit_file, temp_beside
from omgevingsscan.settings import Settings
from omgevingsscan.ui.main_window import MainWindow


def install_translator(app: QApplication, lang: str | None) -> QTranslator | None:
    """Load the catalogue for ``lang`` ("nl"; "en" or None-with-English-locale: none)."""
    code = (lang or QLocale.system().name())[:2]
    if code == "en":
        return None
    folder = resources.files("omgevingsscan.resources").joinpath("i18n")
    qm = Path(str(folder.joinpath(f"omgevingsscan_{code}.qm")))
    translator = QTranslator(app)
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    return None


def _parse_size(size: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in size.lower().split("x"))
    except ValueError as exc:
        raise InputFileError(size, "size must be WIDTHxHEIGHT in pixels, e.g. 1600x1000") from exc
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise InputFileError(size, "size must be between 200 and 8000 pixels a side")
    return w, h


def run_app(
    scan_path: str | None = None,
    *,
    screenshot: str | None = None,
    size: str = "1600x1000",
    lang: str | None = None,
) -> int:
    """Run the GUI on ``scan_path`` (the demo scan when None). Returns the exit status.

    With ``screenshot``, the window is shown at ``size``, the scan opened and drawn,
    a PNG written to that path, and the app quits (works with QT_QPA_PLATFORM=offscreen).
    """
    if scan_path is not None and not Path(scan_path).exists():
        raise InputFileError(scan_path, "file not found")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("omgevingsscan")
    settings = Settings.load()
    translator = install_translator(app, lang or settings.language or None)  # noqa: F841
    window = MainWindow(settings)
    status = {"code": 0}
    if screenshot:
        window.resize(*_parse_size(size))

        def shoot(*_: object) -> None:
            def grab() -> None:
                with temp_beside(screenshot, ".png") as tmp:
                    if window.grab().save(str(tmp)):
                        commit_file(tmp, screenshot)
                    else:
                        print(
                            f"omgevingsscan: error: {screenshot}: cannot be written",
                            file=sys.stderr,
                        )
                        status["code"] = 2
                app.quit()

            QTimer.singleShot(400, grab)

        def failed(message: str, _user: bool) -> None:
            print(f"omgevingsscan: error: {message}", file=sys.stderr)
            status["code"] = 2
            app.quit()

        window.scan_loaded.connect(shoot)
    window.show()
    job = window.open_scan(scan_path) if scan_path else window.open_demo()
    if screenshot and job is not None:
        job.failed.connect(failed)
    app.exec()
    return status["code"]
