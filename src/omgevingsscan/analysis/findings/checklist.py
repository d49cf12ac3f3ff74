"""The assessment checklist per site kind, read from JSON data (not code).

The bundled lists are ``resources/checklists/<kind>.json`` (residence, townhall,
venue), each item with an id, a finding category and its text in English and Dutch.
A firm adapts them by putting its own ``<kind>.json`` in
``settings.config_dir()/checklists/``, which then wins.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from omgevingsscan.errors import InputFileError
from omgevingsscan.layers.findings import CATEGORIES
from omgevingsscan.settings import config_dir

#: Site kinds with a checklist; "other" uses the residence list.
SITE_KINDS = ("residence", "townhall", "venue")


@dataclass(frozen=True)
class ChecklistItem:
    """One point of the checklist: ``id``, finding ``category`` and the text per language."""

    id: str
    category: str
    text: dict[str, str]

    def label(self, language: str = "en") -> str:
        """The text in ``language`` ("en" or "nl"), falling back to English."""
        return self.text.get(language) or self.text.get("en") or self.id


@dataclass(frozen=True)
class Checklist:
    """The checklist of one site kind."""

    site_kind: str
    title: dict[str, str]
    items: tuple[ChecklistItem, ...]
    source: str

    def by_category(self) -> dict[str, list[ChecklistItem]]:
        """Items grouped by category, in :data:`CATEGORIES` order."""
        out: dict[str, list[ChecklistItem]] = {}
        for cat in CATEGORIES:
            found = [i for i in self.items if i.category == cat]
            if found:
                out[cat] = found
        return out

    def item(self, item_id: str) -> ChecklistItem | None:
        """The item ``item_id``, or None."""
        return next((i for i in self.items if i.id == item_id), None)


def parse_checklist(text: str, source: str) -> Checklist:
    """Parse checklist JSON; InputFileError naming ``source`` when it does not fit."""
    path = Path(source)
    try:
        data = json.loads(text)
        kind = str(data["site_kind"])
        items = []
        for n, raw in enumerate(data["items"], start=1):
            category = str(raw.get("category", ""))
            if category not in CATEGORIES:
                raise ValueError(f"item {n}: category {category!r} unknown")
            texts = {str(k): str(v) for k, v in dict(raw["text"]).items()}
            if not texts.get("en"):
                raise ValueError(f"item {n}: no English text")
            items.append(ChecklistItem(str(raw["id"]), category, texts))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputFileError(path, f"is not a valid checklist ({exc})") from exc
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        raise InputFileError(path, "is not a valid checklist (an item id appears twice)")
    title = {str(k): str(v) for k, v in dict(data.get("title") or {"en": kind}).items()}
    return Checklist(kind, title, tuple(items), str(source))


def load_checklist(site_kind: str) -> Checklist:
    """The checklist of ``site_kind`` (the user's own file first, else the bundled one)."""
    kind = site_kind if site_kind in SITE_KINDS else "residence"
    own = config_dir() / "checklists" / f"{kind}.json"
    if own.is_file():
        return parse_checklist(own.read_text(encoding="utf-8"), str(own))
    res = resources.files("omgevingsscan.resources") / "checklists" / f"{kind}.json"
    return parse_checklist(res.read_text(encoding="utf-8"), f"resources/checklists/{kind}.json")
