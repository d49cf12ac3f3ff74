"""Generic undoable edits of a record layer: add, change, move, delete, each an
undoable :class:`~omgevingsscan.undo.Command` pushed on a
:class:`~omgevingsscan.undo.CommandStack`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from shapely.geometry.base import BaseGeometry

from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.layers.annotations import AnnotationsLayer
from omgevingsscan.layers.findings import FindingPhotosLayer, FindingsLayer, MeasuresLayer
from omgevingsscan.layers.posts import PostsLayer
from omgevingsscan.layers.records import Record, RecordLayer
from omgevingsscan.layers.sightings import SightingsLayer
from omgevingsscan.undo import Command, CommandStack

#: Layer name and class of each record kind.
RECORD_LAYERS: dict[str, type[RecordLayer[Any]]] = {
    "posts": PostsLayer,
    "sightings": SightingsLayer,
    "annotations": AnnotationsLayer,
    "findings": FindingsLayer,
    "measures": MeasuresLayer,
    "finding_photos": FindingPhotosLayer,
}

#: Checks a changed record before it is applied (raises ValueError when it does not fit).
Check = Callable[[Record, dict[str, Any]], None]


class EditError(OmgevingsscanError, ValueError):
    """An edit with a value that does not fit (the CLI's face of a validation error)."""


class RecordEdits:
    """Undoable edits of records on ``stack``.

    Parameters
    ----------
    stack
        The undo stack every edit is pushed on.
    check
        Called with the new record and the changed attributes before an update is
        pushed; raises ValueError to refuse it (e.g. a post name already in use).
    """

    def __init__(self, stack: CommandStack, check: Check | None = None) -> None:
        self.stack = stack
        self.check = check

    def add(
        self, layer: RecordLayer[Any], record: Record, index: int | None = None, text: str = ""
    ) -> Record:
        """Add ``record`` to ``layer`` (at row ``index``, default the end), undoably."""
        if record.uuid in layer:
            raise ValueError(f"layer {layer.name!r} already has a record {record.uuid}")
        pos = len(layer) if index is None else index

        def do() -> None:
            layer.insert(record, pos)

        def undo() -> None:
            layer.remove(record.uuid)

        self.stack.push(Command(do, undo, text or f"Add {noun(layer)}"))
        return record

    def update(
        self, layer: RecordLayer[Any], uuid: str, *, undo_text: str = "", **changes: Any
    ) -> Record:
        """Change attributes of record ``uuid``, undoably; returns the new record.

        ``undo_text`` names the step for the Edit menu (default "Change <kind> <name>"); it
        is not called ``text`` because an annotation has a ``text`` attribute.
        Raises ValueError (nothing changes) when a value does not validate.
        """
        old = layer.get(uuid)
        new = old.evolve(**changes)
        if new == old:
            return old
        if self.check is not None:
            self.check(new, changes)

        def do() -> None:
            layer.replace(new)

        def undo() -> None:
            layer.replace(old)

        label = undo_text or f"Change {noun(layer)} {title(old)}".rstrip()
        self.stack.push(Command(do, undo, label))
        return new

    def move(self, layer: RecordLayer[Any], uuid: str, geometry: BaseGeometry) -> Record:
        """Give record ``uuid`` a new geometry (local CRS), undoably."""
        old = layer.get(uuid)
        return self.update(
            layer,
            uuid,
            undo_text=f"Move {noun(layer)} {title(old)}".rstrip(),
            geometry=geometry,
        )

    def delete(self, layer: RecordLayer[Any], uuid: str, text: str = "") -> Record:
        """Delete record ``uuid``, undoably (undo puts it back in the same row)."""
        record = layer.get(uuid)
        index = layer.index_of(uuid)

        def do() -> None:
            layer.remove(uuid)

        def undo() -> None:
            layer.insert(record, index)

        self.stack.push(Command(do, undo, text or f"Delete {noun(layer)} {title(record)}".rstrip()))
        return record

    def delete_many(self, layer: RecordLayer[Any], uuids: Iterable[str]) -> int:
        """Delete several records as one undo step; returns how many."""
        ids = list(dict.fromkeys(uuids))
        for uuid in ids:
            layer.get(uuid)
        with self.stack.macro(f"Delete {len(ids)} {layer.name}"):
            for uuid in ids:
                self.delete(layer, uuid)
        return len(ids)

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Group the edits made in the block into one undo step (and one transaction)."""
        with self.stack.macro(text):
            yield


def noun(layer: RecordLayer[Any]) -> str:
    """The record noun of ``layer`` for undo texts ("post", "sighting", ...)."""
    return {
        "posts": "post",
        "sightings": "sighting",
        "annotations": "annotation",
        "findings": "finding",
        "measures": "measure",
        "finding_photos": "photo",
    }.get(layer.kind, "record")


def title(record: Record) -> str:
    """A short name of ``record`` for undo texts (its name or text, at most 30 characters)."""
    name = (
        getattr(record, "name", "") or getattr(record, "text", "") or getattr(record, "title", "")
    )
    return str(name)[:30]
