"""Tool groups on the toolbar: several tools behind one button, so the toolbar fits 1280 px.

The button shows the tool used last (click: use it again) and opens a menu with all
of the group's tools; every tool keeps its menu entry and its letter shortcut.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton


def add_tool_group(
    toolbar: QToolBar, title: str, actions: Sequence[QAction], object_name: str = ""
) -> QToolButton:
    """Add one button for ``actions`` to ``toolbar``; return it.

    Parameters
    ----------
    toolbar
        Where the button goes.
    title
        The menu's title (translated by the caller), also the button's tooltip prefix.
    actions
        The tools; the first is shown until another is used.
    object_name
        Qt object name of the button (for tests and style sheets).
    """
    button = QToolButton(toolbar)
    button.setObjectName(object_name)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    menu = QMenu(title, button)
    for act in actions:
        menu.addAction(act)
    button.setMenu(menu)
    button.setDefaultAction(actions[0])
    button.setAccessibleName(title)
    for act in actions:
        act.triggered.connect(lambda _checked=False, a=act: button.setDefaultAction(a))
    toolbar.addWidget(button)
    return button
