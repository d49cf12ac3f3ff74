"""The edit API for observation posts, sightings and annotations: undoable and persisted.

The UI and the CLI call an :class:`ObservationEditor`. Every edit (add, move, change,
delete, merge) is an undoable :class:`~omgevingsscan.undo.Command` on the editor's
:class:`~omgevingsscan.undo.CommandStack`; the editor's
:class:`~omgevingsscan.io.journal.EditStore` writes each resulting change (undo and redo
included) into the scan's GeoPackage at once, so nothing entered is lost.

Typical use::

    editor = ObservationEditor.open("scan.gpkg")       # applies waiting recovery edits
    post = editor.place_post(Point(x, y), direction_deg=90, fov_deg=60, range_m=80)
    editor.move(editor.posts, post.uuid, Point(x + 5, y))
    s = editor.add_sighting(post=post.uuid, category="vehicle", plate="AB-123-C")
    editor.stack.undo()                                  # Ctrl+Z
    editor.store.state, editor.store.message             # "saved" / why not
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.errors import InputFileError, OmgevingsscanError
from omgevingsscan.io.journal import (
    EditStore,
    apply_edits_to_scan,
    apply_recovery,
    pending_recovery,
    read_recovery,
    recovery_file_for,
    settle,
    write_problem,
)
from omgevingsscan.io.project import load_scan, save_scan
from omgevingsscan.layers.annotations import Annotation, AnnotationsLayer
from omgevingsscan.layers.posts import ObservationPost, PostsLayer
from omgevingsscan.layers.records import Record, RecordLayer, format_utc, utc_now
from omgevingsscan.layers.sightings import Sighting, SightingsLayer
from omgevingsscan.scan import Scan
from omgevingsscan.undo import Command, CommandStack

#: Layer name and class of each record kind.
RECORD_LAYERS: dict[str, type[RecordLayer[Any]]] = {
    "posts": PostsLayer,
    "sightings": SightingsLayer,
    "annotations": AnnotationsLayer,
}


class EditError(OmgevingsscanError, ValueError):
    """An edit with a value that does not fit (the CLI's face of a validation error)."""


@dataclass
class Conflict:
    """A record with the same uuid but different content on both sides of a merge.

    The local record is kept; ``fields`` names what differs.
    """

    uuid: str
    fields: list[str]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {"uuid": self.uuid, "fields": self.fields}


@dataclass
class MergeResult:
    """What a merge did.

    Attributes
    ----------
    source
        Where the records came from (file name).
    kind
        "posts", "sightings" or "annotations".
    added
        uuids of records that were new and were added.
    already
        uuids of records that were already there with the same content.
    conflicts
        Records with a known uuid but different content (not applied).
    """

    source: str
    kind: str
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def summary(self) -> str:
        """One line: "sightings from b.gpkg: 12 added, 3 already there, 0 conflicts"."""
        return (
            f"{self.kind} from {self.source}: {len(self.added)} added, "
            f"{len(self.already)} already there, {len(self.conflicts)} conflicts"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (counts plus the uuids)."""
        return {
            "source": self.source,
            "kind": self.kind,
            "added": len(self.added),
            "already_there": len(self.already),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "added_uuids": self.added,
        }


def plan_merge(
    existing: Iterable[Record], incoming: Iterable[Record], *, source: str = "", kind: str = ""
) -> tuple[list[Record], MergeResult]:
    """Decide what merging ``incoming`` into ``existing`` does, matching on uuid.

    Returns the records to add (in incoming order) and the result. A uuid seen twice in
    ``incoming`` counts once: as already there when identical, as a conflict when not.
    """
    known: dict[str, Record] = {r.uuid: r for r in existing}
    result = MergeResult(source, kind)
    to_add: list[Record] = []
    for record in incoming:
        other = known.get(record.uuid)
        if other is None:
            known[record.uuid] = record
            to_add.append(record)
            result.added.append(record.uuid)
        elif other.same_content(record):
            result.already.append(record.uuid)
        else:
            result.conflicts.append(Conflict(record.uuid, other.differences(record)))
    return to_add, result


class ObservationEditor:
    """Undoable, persisted edits of the record layers of a scan.

    Parameters
    ----------
    scan
        The scan (its record layers are created when first needed).
    store
        Writes edits to the scan file; None for a scan without a file yet (then
        :meth:`save` creates one).
    stack
        The undo stack (a new one by default). Its transaction is the store's batch, so
        a step's edits are written in one SQLite transaction.
    """

    def __init__(
        self, scan: Scan, store: EditStore | None = None, stack: CommandStack | None = None
    ) -> None:
        self.scan = scan
        self.stack = stack or CommandStack()
        self.store: EditStore | None = None
        #: Edits replayed from a recovery file when the scan was opened.
        self.recovered = 0
        if store is not None:
            self._use_store(store)

    def _use_store(self, store: EditStore) -> None:
        self.store = store
        self.stack.transaction = store.batch
        for layer in self.scan.layers:
            if isinstance(layer, RecordLayer):
                store.attach(layer)

    # -- opening, saving ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, *, recover: bool = True, busy_timeout_s: float = 0.5
    ) -> ObservationEditor:
        """Load the scan at ``path`` for editing, with its waiting recovery edits.

        With ``recover`` (the default; the UI asks first with :func:`pending_recovery`)
        waiting edits are written into the file, or, if it still cannot be written,
        shown in memory and kept in the recovery file. ``recover=False`` sets the
        recovery file aside as ``*-declined-<time>.jsonl`` (nothing is deleted).
        """
        p = Path(path)
        recovered = 0
        settle(p)  # fold a write-ahead log left by a crash into the file
        if pending_recovery(p) is not None:
            if recover:
                with contextlib.suppress(InputFileError):
                    recovered = apply_recovery(p)
            else:
                set_aside_recovery(p)
        scan = load_scan(p)
        leftover = read_recovery(p)
        if leftover:
            recovered += apply_edits_to_scan(scan, leftover)
        editor = cls(scan, EditStore(p, scan.crs, busy_timeout_s=busy_timeout_s))
        editor.recovered = recovered
        return editor

    @classmethod
    def for_scan(
        cls, scan: Scan, path: str | Path, *, recover: bool = True, busy_timeout_s: float = 0.5
    ) -> ObservationEditor:
        """Edit ``scan``, already loaded from ``path`` (the UI loads scans in the background).

        Waiting recovery edits (see :func:`pending_recovery`) are handled as :meth:`open`
        does: with ``recover`` they are written into the file when it can be written (else
        they stay in the recovery file) and, either way, replayed on ``scan`` in memory, so
        the user sees them; without ``recover`` the recovery file is set aside
        (:func:`set_aside_recovery`) and ``scan`` is left as it is.
        """
        p = Path(path)
        recovered = 0
        if pending_recovery(p) is not None:
            if recover:
                edits = read_recovery(p)
                with contextlib.suppress(InputFileError):
                    apply_recovery(p)
                recovered = apply_edits_to_scan(scan, edits)
            else:
                set_aside_recovery(p)
        editor = cls(scan, EditStore(p, scan.crs, busy_timeout_s=busy_timeout_s))
        editor.recovered = recovered
        return editor

    def save(self, path: str | Path | None = None) -> Path:
        """Save the whole scan (all layers) to ``path`` (default: its file) and follow it.

        Raises
        ------
        InputFileError
            When there is no path yet, or the file is read-only.
        """
        target = Path(path) if path is not None else (self.store.path if self.store else None)
        if target is None:
            raise InputFileError(Path("."), "the scan has no file yet; choose where to save it")
        if target.exists():
            problem = write_problem(target)
            if problem:
                raise InputFileError(target, f"cannot be saved ({problem}); use Save As")
        out = save_scan(self.scan, target)
        if self.store is None:
            self._use_store(EditStore(out, self.scan.crs))
        else:
            self.store.relocate(out)
        self.stack.set_clean()
        return out

    def close(self) -> None:
        """Write what is pending and stop following the layers."""
        if self.store is not None:
            self.store.close()

    # -- layers --------------------------------------------------------------------------------------
    def layer(self, kind: str) -> RecordLayer[Any]:
        """The record layer of ``kind`` ("posts", "sightings", "annotations"), created if absent."""
        if kind not in RECORD_LAYERS:
            raise ValueError(f"record kind {kind!r} unknown; use {', '.join(RECORD_LAYERS)}")
        found = self.scan.layers.get(kind)
        if found is not None:
            if not isinstance(found, RECORD_LAYERS[kind]):
                raise ValueError(f"layer {kind!r} exists but is a {type(found).__name__}")
            return found
        layer = RECORD_LAYERS[kind](kind, crs=self.scan.crs)
        self.scan.layers.append(layer)
        if self.store is not None:
            self.store.attach(layer)
        return layer

    @property
    def posts(self) -> PostsLayer:
        """The observation posts layer."""
        return self.layer("posts")  # type: ignore[return-value]

    @property
    def sightings(self) -> SightingsLayer:
        """The sightings layer."""
        return self.layer("sightings")  # type: ignore[return-value]

    @property
    def annotations(self) -> AnnotationsLayer:
        """The annotations layer."""
        return self.layer("annotations")  # type: ignore[return-value]

    # -- generic undoable edits ------------------------------------------------------------------------
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

        self.stack.push(Command(do, undo, text or f"Add {_noun(layer)}"))
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
        if isinstance(new, ObservationPost) and "name" in changes:
            self._check_post_name(new.name, uuid)

        def do() -> None:
            layer.replace(new)

        def undo() -> None:
            layer.replace(old)

        label = undo_text or f"Change {_noun(layer)} {_title(old)}".rstrip()
        self.stack.push(Command(do, undo, label))
        return new

    def move(self, layer: RecordLayer[Any], uuid: str, geometry: BaseGeometry) -> Record:
        """Give record ``uuid`` a new geometry (local CRS), undoably."""
        old = layer.get(uuid)
        return self.update(
            layer,
            uuid,
            undo_text=f"Move {_noun(layer)} {_title(old)}".rstrip(),
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

        self.stack.push(
            Command(do, undo, text or f"Delete {_noun(layer)} {_title(record)}".rstrip())
        )
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

    def undo(self) -> bool:
        """Undo the last edit (Ctrl+Z)."""
        return self.stack.undo()

    def redo(self) -> bool:
        """Redo the last undone edit (Ctrl+Shift+Z)."""
        return self.stack.redo()

    # -- posts ---------------------------------------------------------------------------------------
    def next_post_name(self) -> str:
        """A free name "Post N" for a new post."""
        used = {p.name.lower() for p in self.posts}
        n = len(used) + 1
        while f"post {n}" in used:
            n += 1
        return f"Post {n}"

    def place_post(self, position: Point, name: str = "", **attrs: Any) -> ObservationPost:
        """Place a new post at ``position`` (local CRS); attributes as :class:`ObservationPost`."""
        post = ObservationPost(geometry=position, name=name or self.next_post_name(), **attrs)
        self._check_post_name(post.name)
        self.add(self.posts, post, text=f"Place post {post.name}")
        return post

    def _check_post_name(self, name: str, uuid: str = "") -> None:
        other = self.posts.by_name(name)
        if other is not None and other.uuid != uuid:
            raise ValueError(f"a post called {other.name!r} already exists; choose another name")

    def post_ref(self, ref: str) -> ObservationPost:
        """The post whose uuid or name (case-insensitive) is ``ref``; KeyError if none."""
        found = self.posts.find(ref) or self.posts.by_name(ref)
        if found is None:
            raise KeyError(f"no post {ref!r}")
        return found

    # -- sightings -----------------------------------------------------------------------------------
    def add_sighting(
        self,
        position: Point | None = None,
        *,
        post: str = "",
        time: datetime | str | None = None,
        **attrs: Any,
    ) -> Sighting:
        """Log a sighting, undoably.

        Parameters
        ----------
        position
            Where (local CRS). Default: the position of ``post``.
        post
            A post uuid or name; stored as the post's name when the post is known.
        time
            Aware datetime or ISO text; default now.
        **attrs
            category, description, plate, colour, observer, severity.

        Raises
        ------
        ValueError
            When neither a position nor a known post is given, or a value does not fit.
        """
        post_name = post
        if post:
            try:
                known = self.post_ref(post)
            except KeyError:
                known = None
            if known is not None:
                post_name = known.name
                if position is None:
                    position = known.point
                attrs.setdefault("observer", known.observer)
        if position is None:
            raise ValueError("a sighting needs a position: click the map or choose a known post")
        kwargs: dict[str, Any] = dict(attrs)
        if time is not None:
            kwargs["time"] = time
        sighting = Sighting(geometry=position, post=post_name, **kwargs)
        self.add(self.sightings, sighting, text=f"Add sighting ({sighting.category})")
        return sighting

    # -- annotations ---------------------------------------------------------------------------------
    def add_annotation(self, annotation: Annotation) -> Annotation:
        """Add a label, arrow or zone, undoably."""
        self.add(self.annotations, annotation, text=f"Add {annotation.kind}")
        return annotation

    # -- merge ---------------------------------------------------------------------------------------
    def merge(self, kind: str, records: Iterable[Record], source: str = "") -> MergeResult:
        """Merge ``records`` of ``kind`` from another observer, as one undo step.

        New uuids are added; a known uuid with the same content is counted as already
        there; a known uuid with other content is a conflict (the local one is kept).
        """
        layer = self.layer(kind)
        incoming = list(records)
        for r in incoming:
            if not isinstance(r, layer.record_type):
                raise ValueError(f"cannot merge a {type(r).__name__} into {kind}")
        to_add, result = plan_merge(layer, incoming, source=source, kind=kind)
        if to_add:
            with self.stack.macro(f"Merge {len(to_add)} {kind} from {source or 'file'}"):
                for r in to_add:
                    self.add(layer, r)
        return result


def set_aside_recovery(path: str | Path) -> Path | None:
    """Rename the recovery file of scan ``path`` to ``*-declined-<time>.jsonl`` (nothing is
    deleted); returns the new path, or None when there was no recovery file."""
    rec = recovery_file_for(path)
    if not rec.exists():
        return None
    stamp = format_utc(utc_now()).replace(":", "").replace(".", "")
    target = rec.with_name(f"{rec.stem}-declined-{stamp}.jsonl")
    os.replace(rec, target)
    return target


def _noun(layer: RecordLayer[Any]) -> str:
    return {"posts": "post", "sightings": "sighting", "annotations": "annotation"}.get(
        layer.kind, "record"
    )


def _title(record: Record) -> str:
    name = getattr(record, "name", "") or getattr(record, "text", "")
    return str(name)[:30]
