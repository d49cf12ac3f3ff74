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

The package: :mod:`.editor` (the :class:`ObservationEditor`, composed of the pieces
below), :mod:`.records` (generic undoable add / change / move / delete), :mod:`.observations`
(post, sighting and annotation edits), :mod:`.merge` (merging another observer's records)
and :mod:`.persistence` (the link to the scan file and its recovery edits). Callers import
from this package.
"""

from __future__ import annotations

from omgevingsscan.editing.editor import ObservationEditor
from omgevingsscan.editing.merge import Conflict, MergeResult, plan_merge
from omgevingsscan.editing.persistence import set_aside_recovery
from omgevingsscan.editing.records import RECORD_LAYERS, EditError

__all__ = [
    "RECORD_LAYERS",
    "Conflict",
    "EditError",
    "MergeResult",
    "ObservationEditor",
    "plan_merge",
    "set_aside_recovery",
]
