"""Helpers of the sub-commands that edit a scan: opening it for edits, times, checks."""

from __future__ import annotations

import argparse
import math
import sys
from datetime import datetime

from omgevingsscan.editing import EditError, ObservationEditor
from omgevingsscan.layers.posts import MAX_HEIGHT_M
from omgevingsscan.layers.records import parse_time


def cli_time(text: str, what: str) -> datetime:
    """Parse ISO 8601 text; without an offset it is the machine's local time."""
    try:
        naive = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError as exc:
        raise EditError(f"{what} {text!r} is not an ISO 8601 time (like 2024-05-01T14:30)") from exc
    if naive.tzinfo is None:
        naive = naive.astimezone()
    try:
        return parse_time(naive, what)
    except ValueError as exc:
        raise EditError(str(exc)) from exc


def check_height(value: float, what: str) -> float:
    """Refuse a negative or absurd eye height (metres above the street) with a clear reason."""
    if not math.isfinite(value):
        raise EditError(f"{what} {value!r} is not a number of metres")
    if value < 0:
        raise EditError(
            f"{what} {value:g}: the height is negative; give metres above the street (0 or more)"
        )
    if value > MAX_HEIGHT_M:
        raise EditError(f"{what} {value:g}: the height is above {MAX_HEIGHT_M:g} m")
    return value


def check_post(editor: ObservationEditor, ref: str, scan: str) -> None:
    """Refuse a ``--post`` that names no post of the scan, listing the posts it has."""
    try:
        editor.post_ref(ref)
    except KeyError:
        names = [p.name for p in editor.posts]
        known = (
            f"known posts: {', '.join(names)}"
            if names
            else "the scan has no posts yet (place one with add-post)"
        )
        raise EditError(f"post {ref!r} does not exist in {scan}; {known}") from None


#: How long a headless edit waits for another program's write to the scan to finish, s.
#: (The app waits 0.5 s and then keeps the edit in the recovery file; a command line
#: run has no user waiting on each keystroke, and two observers' scripts writing into
#: one scan at once must both get through.)
CLI_BUSY_TIMEOUT_S = 30.0


def open_editor(path: str, args: argparse.Namespace | None = None) -> ObservationEditor:
    """Open the scan for headless edits (waiting up to :data:`CLI_BUSY_TIMEOUT_S` for a
    concurrent writer); say on stderr how many recovered edits were written. With
    ``--db`` in ``args``, open the team's shared scan instead (commands.team)."""
    if args is not None and getattr(args, "db", None):
        from omgevingsscan.commands.team import open_shared_editor

        return open_shared_editor(path, args)
    editor = ObservationEditor.open(path, busy_timeout_s=CLI_BUSY_TIMEOUT_S)
    if editor.recovered:
        print(
            f"omgevingsscan: {editor.recovered} edits recovered from a previous session",
            file=sys.stderr,
        )
    return editor


def check_saved(editor: ObservationEditor) -> None:
    """Raise when an edit could not be written to the scan (it is in the recovery file)."""
    if editor.store is not None:
        editor.store.raise_if_unsaved()
