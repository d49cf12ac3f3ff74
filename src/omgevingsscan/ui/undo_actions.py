"""Edit menu: Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) bound to the core's command stack.

The actions show the text of the step they would undo or redo ("Undo Move post A"),
translated with :func:`omgevingsscan.ui.observations.text.command_text`. :meth:`UndoActions.bind`
follows one :class:`~omgevingsscan.undo.CommandStack` at a time and disconnects from the
previous one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from omgevingsscan.ui.observations.text import command_text
from omgevingsscan.undo import CommandStack

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost

#: Object name of the shared Edit menu (other extensions may add to it).
EDIT_MENU = "edit-menu"


def edit_menu(window: WindowHost) -> QMenu:
    """The window's Edit menu, created (before View) if no extension made it yet."""
    found = window.menuBar().findChild(QMenu, EDIT_MENU)
    if found is not None:
        return found
    menu = QMenu(QCoreApplication.translate("UndoActions", "&Edit"), window.menuBar())
    menu.setObjectName(EDIT_MENU)
    window.menuBar().insertMenu(window.view_menu.menuAction(), menu)
    return menu


class UndoActions(QObject):
    """Undo and Redo actions in the Edit menu (and the toolbar), following a stack."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.stack: CommandStack | None = None
        self.undo = QAction(self.tr("&Undo"), window)
        self.undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo.triggered.connect(self._undo)
        self.redo = QAction(self.tr("&Redo"), window)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.triggered.connect(self._redo)
        self.menu = edit_menu(window)
        first = self.menu.actions()[0] if self.menu.actions() else None
        self.menu.insertAction(first, self.undo)
        self.menu.insertAction(first, self.redo)
        if first is not None:
            self.menu.insertSeparator(first)
        self._refresh()

    def bind(self, stack: CommandStack | None) -> None:
        """Follow ``stack`` (None: nothing to undo)."""
        if self.stack is not None:
            self.stack.events.changed.disconnect(self._refresh)
        self.stack = stack
        if stack is not None:
            stack.events.changed.connect(self._refresh)
        self._refresh()

    def _undo(self) -> None:
        if self.stack is not None:
            self.stack.undo()

    def _redo(self) -> None:
        if self.stack is not None:
            self.stack.redo()

    def _refresh(self) -> None:
        stack = self.stack
        can_undo = stack is not None and stack.can_undo
        can_redo = stack is not None and stack.can_redo
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        if can_undo and stack is not None:
            self.undo.setText(self.tr("&Undo {0}").format(command_text(stack.undo_text)))
        else:
            self.undo.setText(self.tr("&Undo"))
        if can_redo and stack is not None:
            self.redo.setText(self.tr("&Redo {0}").format(command_text(stack.redo_text)))
        else:
            self.redo.setText(self.tr("&Redo"))

    def close(self) -> None:
        """Stop following the stack."""
        self.bind(None)
