"""Undo and redo in the core: a :class:`Command` is a pair of callables, the
:class:`CommandStack` runs and remembers them (glue's model). No Qt here; the UI binds
Ctrl+Z / Ctrl+Shift+Z to :meth:`CommandStack.undo` / :meth:`CommandStack.redo` and follows
the ``events``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

from psygnal import Signal, SignalGroup


@dataclass
class Command:
    """One undoable edit.

    Attributes
    ----------
    do
        Applies the edit (also used for redo). Must leave the model unchanged if it raises.
    undo
        Reverts exactly what ``do`` did.
    text
        What the edit was, for the Edit menu ("Add sighting", "Move post A").
    """

    do: Callable[[], None]
    undo: Callable[[], None]
    text: str = ""


class MacroCommand(Command):
    """Several commands that undo and redo as one step (in reverse order on undo)."""

    def __init__(self, text: str, children: list[Command] | None = None) -> None:
        super().__init__(self._do_all, self._undo_all, text)
        self.children: list[Command] = list(children or [])

    def _do_all(self) -> None:
        for child in self.children:
            child.do()

    def _undo_all(self) -> None:
        for child in reversed(self.children):
            child.undo()


class StackEvents(SignalGroup):
    """Events of a :class:`CommandStack`."""

    #: Anything changed (index, contents or clean state).
    changed = Signal()
    #: The index moved; payload the new index.
    index_changed = Signal(int)
    #: The stack became clean (True) or dirty (False).
    clean_changed = Signal(bool)


def _null_transaction() -> AbstractContextManager[object]:
    return contextlib.nullcontext()


class CommandStack:
    """A list of executed commands and an index: commands before it can be undone.

    Parameters
    ----------
    limit
        Most commands kept (oldest dropped first); 0 keeps every command.
    transaction
        Factory of a context manager that wraps every do, undo and redo, so the edits of
        one step are persisted together (the edit store's ``batch``).

    Notes
    -----
    The *clean index* marks the state that matches the file on disk; ``is_clean`` is
    True while the index is there. Because observations are written as they are made,
    the editor marks the stack clean after every persisted step; the UI uses it for
    the "unsaved changes" mark of the other layers.
    """

    def __init__(
        self,
        limit: int = 0,
        transaction: Callable[[], AbstractContextManager[object]] | None = None,
    ) -> None:
        if limit < 0:
            raise ValueError(f"limit must be at least 0, got {limit}")
        self.events = StackEvents()
        self.limit = limit
        self.transaction = transaction or _null_transaction
        self._commands: list[Command] = []
        self._index = 0
        self._clean: int | None = 0
        self._macro: list[MacroCommand] = []

    # -- state ----------------------------------------------------------------------------
    @property
    def index(self) -> int:
        """Number of commands that are done (the next undo is ``index - 1``)."""
        return self._index

    @property
    def count(self) -> int:
        """Number of commands on the stack (done and undone)."""
        return len(self._commands)

    @property
    def can_undo(self) -> bool:
        """Whether there is a command to undo."""
        return self._index > 0 and not self._macro

    @property
    def can_redo(self) -> bool:
        """Whether there is a command to redo."""
        return self._index < len(self._commands) and not self._macro

    @property
    def undo_text(self) -> str:
        """Text of the command :meth:`undo` would revert, or ""."""
        return self._commands[self._index - 1].text if self._index > 0 else ""

    @property
    def redo_text(self) -> str:
        """Text of the command :meth:`redo` would apply, or ""."""
        return self._commands[self._index].text if self._index < len(self._commands) else ""

    @property
    def clean_index(self) -> int | None:
        """The index marked clean, or None when that state can no longer be reached."""
        return self._clean

    @property
    def is_clean(self) -> bool:
        """Whether the index is at the clean mark."""
        return self._clean == self._index

    def texts(self) -> list[str]:
        """Texts of all commands, oldest first (for a history view)."""
        return [c.text for c in self._commands]

    # -- changes --------------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Run ``command.do()`` and put it on the stack, dropping anything redoable.

        If ``do`` raises, nothing is pushed and the error propagates.
        """
        with self.transaction():
            command.do()
        if self._macro:
            self._macro[-1].children.append(command)
            return
        self._append(command)

    def _append(self, command: Command) -> None:
        was_clean = self.is_clean
        del self._commands[self._index :]
        if self._clean is not None and self._clean > self._index:
            self._clean = None
        self._commands.append(command)
        self._index += 1
        if self.limit and len(self._commands) > self.limit:
            drop = len(self._commands) - self.limit
            del self._commands[:drop]
            self._index -= drop
            if self._clean is not None:
                self._clean = self._clean - drop if self._clean >= drop else None
        self._emit(was_clean)

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[MacroCommand]:
        """Group the commands pushed inside the ``with`` block into one undo step.

        If the block raises, the commands already run are undone and nothing is pushed.
        """
        group = MacroCommand(text)
        self._macro.append(group)
        try:
            with self.transaction():
                yield group
        except BaseException:
            self._macro.pop()
            with self.transaction():
                group.undo()
            raise
        self._macro.pop()
        if not group.children:
            return
        if self._macro:
            self._macro[-1].children.append(group)
        else:
            self._append(group)

    def undo(self) -> bool:
        """Undo the last done command; return False when there is none."""
        if not self.can_undo:
            return False
        was_clean = self.is_clean
        command = self._commands[self._index - 1]
        with self.transaction():
            command.undo()
        self._index -= 1
        self._emit(was_clean)
        return True

    def redo(self) -> bool:
        """Redo the next undone command; return False when there is none."""
        if not self.can_redo:
            return False
        was_clean = self.is_clean
        command = self._commands[self._index]
        with self.transaction():
            command.do()
        self._index += 1
        self._emit(was_clean)
        return True

    def set_clean(self) -> None:
        """Mark the current index as the saved state."""
        was_clean = self.is_clean
        self._clean = self._index
        self._emit(was_clean)

    def clear(self) -> None:
        """Forget every command (after opening another scan)."""
        was_clean = self.is_clean
        self._commands.clear()
        self._index = 0
        self._clean = 0
        self._emit(was_clean)

    def _emit(self, was_clean: bool) -> None:
        self.events.index_changed.emit(self._index)
        if was_clean != self.is_clean:
            self.events.clean_changed.emit(self.is_clean)
        self.events.changed.emit()
