"""The one naming rule for layer tables, and the names older scans used.

A layer's *name* is its table in the scan file: snake_case ASCII (``[a-z0-9_]``, not
starting with a digit), by default its kind (``buildings``, ``routes``, ``sightline``,
``overlooks``) or a kind with a qualifier (``escape_routes``, ``isochrones_walk``).
What the user reads is the *display title* (``export.styles.display_title``, translated
in the UI): "Routes (escape routes)". Everything that takes layer names (``export
--layers``) accepts both. Scans written before this rule used titles as table names
("Sight line", "Overlook positions"); :func:`table_name` maps them on load.
"""

from __future__ import annotations

import re
import unicodedata

#: Table names used by earlier versions for results → the names used now.
LEGACY_NAMES = {
    "Sight line": "sightline",
    "Viewshed": "viewshed",
    "Exposure": "exposure",
    "Overlook positions": "overlooks",
}
_SNAKE = re.compile(r"^[a-z_][a-z0-9_]*$")


def is_table_name(name: str) -> bool:
    """Whether ``name`` follows the rule (snake_case ASCII)."""
    return bool(_SNAKE.match(name))


def table_name(text: str) -> str:
    """``text`` as a table name: "Overlook positions" → "overlooks" (a legacy name),
    "Front – positions" → "front_positions", "Zicht Oost" → "zicht_oost".

    Raises
    ------
    ValueError
        When nothing of ``text`` is left (no letters or digits).
    """
    if text in LEGACY_NAMES:
        return LEGACY_NAMES[text]
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    snake = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    if not snake:
        raise ValueError(f"layer name {text!r} has no letters or digits")
    if snake[0].isdigit():
        snake = f"layer_{snake}"
    return snake
