"""The report's fixed texts in Dutch. The report is written in English unless
``ReportOptions.language`` is "nl"; a test checks that every text the report
modules translate is in :data:`NL`.
"""

from __future__ import annotations

from collections.abc import Callable

NL: dict[str, str] = {}


def translator(language: str) -> Callable[[str], str]:
    """A function translating the report's fixed English texts into ``language``."""
    if language == "nl":
        return lambda text: NL.get(text, text)
    return lambda text: text
