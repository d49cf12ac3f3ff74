"""Making findings, measures and photos through an editor (undoable, written at once).

The functions take any object with the editor methods they use (``layer``, ``add``,
``update``, ``macro``: :class:`omgevingsscan.editing.ObservationEditor`), so the CLI
and the GUI share them without this package importing the editor.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from shapely.geometry.base import BaseGeometry

from omgevingsscan.analysis.findings.suggest import Suggestion
from omgevingsscan.errors import InputFileError
from omgevingsscan.layers.findings import (
    MAX_PHOTO_BYTES,
    Finding,
    FindingPhoto,
    FindingPhotosLayer,
    FindingsLayer,
    Measure,
    MeasuresLayer,
    photo_mime,
)


class Editor(Protocol):
    """The part of :class:`omgevingsscan.editing.ObservationEditor` used here."""

    def layer(self, kind: str) -> Any: ...
    def add(self, layer: Any, record: Any, index: int | None = None, text: str = "") -> Any: ...
    def update(self, layer: Any, uuid: str, *, undo_text: str = "", **changes: Any) -> Any: ...
    def macro(self, text: str) -> Any: ...


def findings_layer(editor: Editor) -> FindingsLayer:
    """The scan's findings layer (created when absent)."""
    return editor.layer("findings")  # type: ignore[no-any-return]


def find(editor: Editor, ref: str | int) -> Finding:
    """The finding whose map number or uuid is ``ref``; KeyError when none."""
    layer = findings_layer(editor)
    text = str(ref).strip().lstrip("#")
    found = layer.by_number(int(text)) if text.isdigit() else layer.find(text)
    if found is None:
        raise KeyError(f"no finding {ref!r}")
    return found


def add_finding(editor: Editor, geometry: BaseGeometry, title: str, **attrs: Any) -> Finding:
    """Record a finding at ``geometry`` (local CRS, metres), numbered next; undoable."""
    layer = findings_layer(editor)
    finding = Finding(geometry=geometry, title=title, number=layer.next_number(), **attrs)
    editor.add(layer, finding, text=f"Add finding {finding.number}")
    return finding


def accept(editor: Editor, suggestion: Suggestion | Finding, status: str = "accepted") -> Finding:
    """Accept a suggestion (or reject it with ``status="rejected"``, or keep it for
    later with ``status="suggested"``), undoably.

    A suggestion already stored changes status; a new one is added. Only a counted
    finding gets a map number (the next free one), so rejected suggestions leave no gap.
    """
    layer = findings_layer(editor)
    finding = suggestion.finding if isinstance(suggestion, Suggestion) else suggestion
    counted = status in ("open", "accepted", "resolved")
    if finding.uuid in layer:
        changes: dict[str, Any] = {"status": status}
        if counted and layer.get(finding.uuid).number == 0:
            changes["number"] = layer.next_number()
        return editor.update(  # type: ignore[no-any-return]
            layer, finding.uuid, undo_text=f"{status.title()} finding", **changes
        )
    record = finding.evolve(status=status, number=layer.next_number() if counted else 0)
    editor.add(layer, record, text=f"{status.title()} finding {record.number}")
    return record


def accept_all(editor: Editor, suggestions: list[Suggestion], status: str = "accepted") -> int:
    """Accept (or reject) several suggestions as one undo step; returns how many."""
    with editor.macro(f"{status.title()} {len(suggestions)} suggestions"):
        for s in suggestions:
            accept(editor, s, status)
    return len(suggestions)


def add_measure(editor: Editor, findings: list[Finding], description: str, **attrs: Any) -> Measure:
    """Record a measure answering ``findings`` (placed at the first one), undoably."""
    if not findings:
        raise ValueError("a measure must answer at least one finding")
    geometry = attrs.pop("geometry", None) or findings[0].geometry
    layer: MeasuresLayer = editor.layer("measures")
    measure = Measure(
        geometry=geometry,
        description=description,
        findings=[f.uuid for f in findings],
        **attrs,
    )
    editor.add(layer, measure, text="Add measure")
    return measure


def add_photo(
    editor: Editor, finding: Finding, path: str | Path, caption: str = ""
) -> FindingPhoto:
    """Store the JPEG or PNG file ``path`` with ``finding`` (as a BLOB), undoably.

    Raises
    ------
    InputFileError
        When the file cannot be read or is not a JPEG/PNG image of at most 20 MB.
    """
    p = Path(path)
    data = check_photo(p)
    try:
        photo = FindingPhoto(
            geometry=finding.geometry.representative_point(),
            finding=finding.uuid,
            data=data,
            filename=p.name,
            caption=caption,
        )
    except ValueError as exc:
        raise InputFileError(p, str(exc)) from exc
    layer: FindingPhotosLayer = editor.layer("finding_photos")
    if layer.visible:
        layer.visible = False
    editor.add(layer, photo, text=f"Add photo to finding {finding.number}")
    return photo


def check_photo(path: str | Path) -> bytes:
    """The bytes of the photo file ``path``; InputFileError when it cannot be read or is
    not a JPEG or PNG image of at most 20 MB."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputFileError(p, f"cannot be read ({exc.strerror})") from exc
    try:
        photo_mime(data)
    except ValueError as exc:
        raise InputFileError(p, str(exc)) from exc
    if len(data) > MAX_PHOTO_BYTES:
        raise InputFileError(p, f"is larger than {MAX_PHOTO_BYTES // 2**20} MB")
    return data


def measures_of(editor: Editor, finding: Finding) -> list[Measure]:
    """The measures answering ``finding``."""
    layer: MeasuresLayer = editor.layer("measures")
    return layer.for_finding(finding.uuid)


def iter_counted(editor: Editor) -> Iterator[Finding]:
    """The counted findings (open, accepted, resolved) by number."""
    yield from findings_layer(editor).counted()
