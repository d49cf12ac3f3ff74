"""Small helpers shared by the UI extensions: actions, dialog parts, signal links.

A *link* is a ``(signal, slot)`` pair; an extension keeps the links it made to the open
scan (Qt or psygnal signals alike) so it can undo them when the scan closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QLabel

Link = tuple[Any, Any]


def connect_links(links: list[Link]) -> list[Link]:
    """Connect every ``(signal, slot)`` of ``links``; return ``links``."""
    for signal, slot in links:
        signal.connect(slot)
    return links


def disconnect_links(links: Iterable[Link]) -> list[Link]:
    """Disconnect every ``(signal, slot)`` of ``links``; return a new empty list."""
    for signal, slot in links:
        signal.disconnect(slot)
    return []


def make_action(
    parent: QObject, text: str, slot: Callable[..., Any], shortcut: str = "", tip: str = ""
) -> QAction:
    """A QAction of ``parent`` that calls ``slot``, with an optional shortcut and tip
    (shown as tooltip and in the status bar)."""
    act = QAction(text, parent)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    act.triggered.connect(slot)
    return act


def error_label() -> QLabel:
    """A word-wrapped label for a dialog's error message, in red."""
    label = QLabel()
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


def ok_cancel(accept: Callable[[], Any], reject: Callable[[], Any]) -> QDialogButtonBox:
    """OK and Cancel buttons that call ``accept`` and ``reject``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(accept)
    buttons.rejected.connect(reject)
    return buttons
