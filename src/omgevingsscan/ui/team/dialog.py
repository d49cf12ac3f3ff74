"""The *Open shared scan* dialog: database (connection string or service), scan, name.

No password field: a password is never kept by omgevingsscan. libpq reads it from
``~/.pgpass``, the ``pg_service.conf`` entry or ``PGPASSWORD``; one typed into the
connection string is used once and never saved.
"""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from omgevingsscan.ui.common import ok_cancel


class SharedScanDialog(QDialog):
    """Asks where the shared scan is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open shared scan"))
        form = QFormLayout(self)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("postgresql://user@host/db or a service name"))
        self.schema = QLineEdit()
        self.schema.setPlaceholderText(self.tr("scan (schema) name, as given to share"))
        self.editor = QLineEdit(getpass.getuser())
        form.addRow(self.tr("Database:"), self.target)
        form.addRow(self.tr("Scan:"), self.schema)
        form.addRow(self.tr("Your name:"), self.editor)
        note = QLabel(
            self.tr("Passwords are read from ~/.pgpass or pg_service.conf; none is saved.")
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(ok_cancel(self.accept, self.reject))
