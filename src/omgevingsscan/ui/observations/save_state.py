"""The status-bar label that says how the observation edits are kept.

:class:`SaveStateLabel` shows one of the states of
:meth:`~omgevingsscan.ui.observations.session.EditSession.state` ("saved", "recovery",
"unsaved", "readonly", "nofile", "waiting", "none") as a short coloured text, with the
details (the file written, the recovery file, the store's message) in its tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class SaveStateLabel(QLabel):
    """How edits are kept: text, colour and tooltip for a state of the edit session."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("observations-save-state")
        self.setTextFormat(Qt.TextFormat.PlainText)

    def show_state(self, state: str, store: Any) -> None:
        """Show ``state``; ``store`` is the editor's store (None without one)."""
        texts = {
            "none": ("", ""),
            "nofile": (
                self.tr("Observations: save the scan to start"),
                self.tr(
                    "Observations are written into the scan file as you enter them. "
                    "This scan has no file yet: use File → Save as."
                ),
            ),
            "waiting": (
                self.tr("Observations: kept edits waiting"),
                self.tr("Answer the question about the kept edits to start editing."),
            ),
            "saved": (
                self.tr("✔ Observations are saved as you enter them"),
                self.tr(
                    "Every post, sighting and annotation is written into {0} the moment you "
                    "enter it (and undo and redo too). You do not need to press Save for them."
                ).format(store.path if store else ""),
            ),
            "readonly": (
                self.tr("⚠ Scan file read-only: edits go to a recovery file"),
                self.tr("Edits are kept in {0} until the scan file can be written.").format(
                    store.recovery_path if store else ""
                ),
            ),
            "recovery": (
                self.tr("⚠ Edits kept in a recovery file"),
                store.message if store else "",
            ),
            "unsaved": (self.tr("✖ Edits NOT saved"), store.message if store else ""),
        }
        text, tip = texts.get(state, ("", ""))
        colours = {"saved": "#2b7a0b", "readonly": "#b35900", "recovery": "#b35900"}
        colour = colours.get(state, "#b00020" if state == "unsaved" else "#555555")
        self.setText(text)
        self.setToolTip(tip)
        self.setStyleSheet(f"color: {colour}; padding: 0 6px;")
        self.setVisible(bool(text))
