"""The :class:`ObservationEditor`: the one object the UI and the CLI edit observations
through. It composes the generic undoable record edits, the post, sighting and annotation
edits, merging, and the persistence link to the scan file.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Any

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.editing.merge import MergeResult, plan_merge
from omgevingsscan.editing.observations import AnnotationEdits, PostEdits, SightingEdits
from omgevingsscan.editing.persistence import PersistenceLink, open_scan, recover_into
from omgevingsscan.editing.records import RECORD_LAYERS, RecordEdits
from omgevingsscan.io.journal import EditStore
from omgevingsscan.layers.annotations import Annotation, AnnotationsLayer
from omgevingsscan.layers.posts import ObservationPost, PostsLayer
from omgevingsscan.layers.records import Record, RecordLayer
from omgevingsscan.layers.sightings import Sighting, SightingsLayer
from omgevingsscan.scan import Scan
from omgevingsscan.undo import CommandStack


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
        self.link = PersistenceLink(scan, self.stack)
        #: Edits replayed from a recovery file when the scan was opened.
        self.recovered = 0
        #: The generic undoable edits; a renamed post is checked for a unique name.
        self.records = RecordEdits(self.stack)
        self._post_edits = PostEdits(self.records, self.layer)
        self.records.check = self._post_edits.check_update
        self._sighting_edits = SightingEdits(self.records, self.layer, self._post_edits)
        self._annotation_edits = AnnotationEdits(self.records, self.layer)
        if store is not None:
            self.link.use(store)

    @property
    def store(self) -> EditStore | None:
        """Writes edits to the scan file; None until the scan has a file."""
        return self.link.store

    # -- opening, saving ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, *, recover: bool = True, busy_timeout_s: float = 0.5
    ) -> ObservationEditor:
        """Load the scan at ``path`` for editing, with its waiting recovery edits.

        With ``recover`` (the default; the UI asks first with
        :func:`~omgevingsscan.io.journal.pending_recovery`) waiting edits are written into
        the file, or, if it still cannot be written, shown in memory and kept in the
        recovery file. ``recover=False`` sets the recovery file aside as
        ``*-declined-<time>.jsonl`` (nothing is deleted).
        """
        scan, recovered = open_scan(path, recover=recover)
        editor = cls(scan, EditStore(Path(path), scan.crs, busy_timeout_s=busy_timeout_s))
        editor.recovered = recovered
        return editor

    @classmethod
    def for_scan(
        cls, scan: Scan, path: str | Path, *, recover: bool = True, busy_timeout_s: float = 0.5
    ) -> ObservationEditor:
        """Edit ``scan``, already loaded from ``path`` (the UI loads scans in the background).

        Waiting recovery edits (see :func:`~omgevingsscan.io.journal.pending_recovery`) are
        handled as :meth:`open` does: with ``recover`` they are written into the file when
        it can be written (else they stay in the recovery file) and, either way, replayed on
        ``scan`` in memory, so the user sees them; without ``recover`` the recovery file is
        set aside (:func:`~omgevingsscan.editing.set_aside_recovery`) and ``scan`` is left
        as it is.
        """
        recovered = recover_into(scan, path, recover=recover)
        editor = cls(scan, EditStore(Path(path), scan.crs, busy_timeout_s=busy_timeout_s))
        editor.recovered = recovered
        return editor

    def save(self, path: str | Path | None = None) -> Path:
        """Save the whole scan (all layers) to ``path`` (default: its file) and follow it.

        Raises
        ------
        InputFileError
            When there is no path yet, or the file is read-only.
        """
        return self.link.save(path)

    def close(self) -> None:
        """Write what is pending and stop following the layers."""
        self.link.close()

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
        self.link.follow(layer)
        return layer

    @property
    def posts(self) -> PostsLayer:
        """The observation posts layer."""
        return self._post_edits.layer

    @property
    def sightings(self) -> SightingsLayer:
        """The sightings layer."""
        return self._sighting_edits.layer

    @property
    def annotations(self) -> AnnotationsLayer:
        """The annotations layer."""
        return self._annotation_edits.layer

    # -- generic undoable edits ------------------------------------------------------------------------
    def add(
        self, layer: RecordLayer[Any], record: Record, index: int | None = None, text: str = ""
    ) -> Record:
        """Add ``record`` to ``layer`` (at row ``index``, default the end), undoably."""
        return self.records.add(layer, record, index, text)

    def update(
        self, layer: RecordLayer[Any], uuid: str, *, undo_text: str = "", **changes: Any
    ) -> Record:
        """Change attributes of record ``uuid``, undoably; returns the new record.

        ``undo_text`` names the step for the Edit menu (default "Change <kind> <name>"); it
        is not called ``text`` because an annotation has a ``text`` attribute.
        Raises ValueError (nothing changes) when a value does not validate.
        """
        return self.records.update(layer, uuid, undo_text=undo_text, **changes)

    def move(self, layer: RecordLayer[Any], uuid: str, geometry: BaseGeometry) -> Record:
        """Give record ``uuid`` a new geometry (local CRS), undoably."""
        return self.records.move(layer, uuid, geometry)

    def delete(self, layer: RecordLayer[Any], uuid: str, text: str = "") -> Record:
        """Delete record ``uuid``, undoably (undo puts it back in the same row)."""
        return self.records.delete(layer, uuid, text)

    def delete_many(self, layer: RecordLayer[Any], uuids: Iterable[str]) -> int:
        """Delete several records as one undo step; returns how many."""
        return self.records.delete_many(layer, uuids)

    def macro(self, text: str) -> AbstractContextManager[None]:
        """Group the edits made in the block into one undo step (and one transaction)."""
        return self.records.macro(text)

    def undo(self) -> bool:
        """Undo the last edit (Ctrl+Z)."""
        return self.stack.undo()

    def redo(self) -> bool:
        """Redo the last undone edit (Ctrl+Shift+Z)."""
        return self.stack.redo()

    # -- posts, sightings, annotations ---------------------------------------------------------------
    def next_post_name(self) -> str:
        """A free name "Post N" for a new post."""
        return self._post_edits.next_name()

    def place_post(self, position: Point, name: str = "", **attrs: Any) -> ObservationPost:
        """Place a new post at ``position`` (local CRS); attributes as :class:`ObservationPost`."""
        return self._post_edits.place(position, name, **attrs)

    def post_ref(self, ref: str) -> ObservationPost:
        """The post whose uuid or name (case-insensitive) is ``ref``; KeyError if none."""
        return self._post_edits.ref(ref)

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
        return self._sighting_edits.add(position, post=post, time=time, **attrs)

    def add_annotation(self, annotation: Annotation) -> Annotation:
        """Add a label, arrow or zone, undoably."""
        return self._annotation_edits.add(annotation)

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
