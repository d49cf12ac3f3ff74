"""Merging records from another observer: match on uuid, count what is new, already there
or in conflict (:func:`plan_merge`, :class:`MergeResult`); the editor applies the plan as
one undo step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from omgevingsscan.layers.records import Record


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
