"""Translations of the words the Qt-free observation model uses (categories, post types,
zone kinds, undo texts), for display.

The model in ``layers/`` and ``editing.py`` has no Qt, so its values ("vehicle",
"no_parking") and its undo texts ("Add sighting (vehicle)", "Move post A") are English.
They are listed here with ``QT_TRANSLATE_NOOP`` for lupdate and translated at display
time; stored values never change.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from omgevingsscan.layers.annotations import ZONE_KINDS
from omgevingsscan.layers.posts import HEIGHT_KINDS, POST_TYPES
from omgevingsscan.layers.sightings import CATEGORIES

#: Layer titles of the record kinds (context "layers", as ui/strings.py uses).
LAYER_TITLES = (
    QT_TRANSLATE_NOOP("layers", "Observation posts"),
    QT_TRANSLATE_NOOP("layers", "Sightings"),
    QT_TRANSLATE_NOOP("layers", "Annotations"),
    QT_TRANSLATE_NOOP("layers", "Views of the posts"),
    QT_TRANSLATE_NOOP("layers", "Blind spots"),
)

_WORDS: dict[str, str] = {
    # sighting categories
    "person": QT_TRANSLATE_NOOP("observations", "person"),
    "vehicle": QT_TRANSLATE_NOOP("observations", "vehicle"),
    "drone": QT_TRANSLATE_NOOP("observations", "drone"),
    "other": QT_TRANSLATE_NOOP("observations", "other"),
    # post types
    "static": QT_TRANSLATE_NOOP("observations", "static post"),
    "camera": QT_TRANSLATE_NOOP("observations", "camera"),
    "patrol": QT_TRANSLATE_NOOP("observations", "patrol point"),
    # height kinds
    "ground": QT_TRANSLATE_NOOP("observations", "ground"),
    "floor": QT_TRANSLATE_NOOP("observations", "floor of a building"),
    "mast": QT_TRANSLATE_NOOP("observations", "mast"),
    # zone kinds
    "cordon": QT_TRANSLATE_NOOP("observations", "cordon"),
    "no_parking": QT_TRANSLATE_NOOP("observations", "no-parking zone"),
    "meeting_point": QT_TRANSLATE_NOOP("observations", "meeting point"),
    "restricted": QT_TRANSLATE_NOOP("observations", "restricted area"),
    # annotation kinds and record nouns
    "label": QT_TRANSLATE_NOOP("observations", "label"),
    "arrow": QT_TRANSLATE_NOOP("observations", "arrow"),
    "zone": QT_TRANSLATE_NOOP("observations", "zone"),
    "post": QT_TRANSLATE_NOOP("observations", "post"),
    "sighting": QT_TRANSLATE_NOOP("observations", "sighting"),
    "annotation": QT_TRANSLATE_NOOP("observations", "annotation"),
    "posts": QT_TRANSLATE_NOOP("observations", "posts"),
    "sightings": QT_TRANSLATE_NOOP("observations", "sightings"),
    "annotations": QT_TRANSLATE_NOOP("observations", "annotations"),
}
# The zone kind "other" shares the word of the category "other".
assert set(CATEGORIES) | set(POST_TYPES) | set(HEIGHT_KINDS) | set(ZONE_KINDS) <= set(_WORDS)

_UNDO = {
    "place": QT_TRANSLATE_NOOP("observations", "Place post {0}"),
    "add_sighting": QT_TRANSLATE_NOOP("observations", "Add sighting ({0})"),
    "add": QT_TRANSLATE_NOOP("observations", "Add {0}"),
    "move": QT_TRANSLATE_NOOP("observations", "Move {0} {1}"),
    "change": QT_TRANSLATE_NOOP("observations", "Change {0} {1}"),
    "delete": QT_TRANSLATE_NOOP("observations", "Delete {0} {1}"),
    "delete_n": QT_TRANSLATE_NOOP("observations", "Delete {0} {1}"),
    "merge": QT_TRANSLATE_NOOP("observations", "Merge {0} {1} from {2}"),
    "merge_file": QT_TRANSLATE_NOOP("observations", "Merge from {0}"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("observations", text)


def word(value: str) -> str:
    """The translated display word of a model value ("vehicle" → "voertuig")."""
    source = _WORDS.get(value)
    return _tr(source) if source else value


def choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(value, translated label)`` pairs for a combo box."""
    return [(v, word(v)) for v in values]


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^Place post (.*)$"), lambda m: _tr(_UNDO["place"]).format(m[1])),
    (
        re.compile(r"^Add sighting \((\w+)\)$"),
        lambda m: _tr(_UNDO["add_sighting"]).format(word(m[1])),
    ),
    (
        re.compile(r"^Add (post|sighting|annotation|label|arrow|zone)$"),
        lambda m: _tr(_UNDO["add"]).format(word(m[1])),
    ),
    (
        re.compile(r"^Move (post|sighting|annotation) ?(.*)$"),
        lambda m: _tr(_UNDO["move"]).format(word(m[1]), m[2]).strip(),
    ),
    (
        re.compile(r"^Change (post|sighting|annotation) ?(.*)$"),
        lambda m: _tr(_UNDO["change"]).format(word(m[1]), m[2]).strip(),
    ),
    (
        re.compile(r"^Delete (\d+) (posts|sightings|annotations)$"),
        lambda m: _tr(_UNDO["delete_n"]).format(m[1], word(m[2])),
    ),
    (
        re.compile(r"^Delete (post|sighting|annotation) ?(.*)$"),
        lambda m: _tr(_UNDO["delete"]).format(word(m[1]), m[2]).strip(),
    ),
    (
        re.compile(r"^Merge (\d+) (posts|sightings|annotations) from (.*)$"),
        lambda m: _tr(_UNDO["merge"]).format(m[1], word(m[2]), m[3]),
    ),
    (re.compile(r"^Merge from (.*)$"), lambda m: _tr(_UNDO["merge_file"]).format(m[1])),
]


def command_text(text: str) -> str:
    """Translate an undo text of the model ("Move post A" → "Post A verplaatsen")."""
    for pattern, make in _PATTERNS:
        match = pattern.match(text)
        if match:
            out = make(match)
            return out[:1].upper() + out[1:]
    return text


def merge_file_text(source: str) -> str:
    """The (model) undo text of a merge of several kinds from one file."""
    return f"Merge from {source}"
