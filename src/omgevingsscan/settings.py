"""Typed, documented settings. Online mode is off by default.

Settings are plain module-level defaults (like ``osmnx.settings``) plus a small
``Settings`` record that the app persists as JSON in the user's config folder. Tests
point ``OMGEVINGSSCAN_CONFIG_DIR`` at a temporary folder so they never touch real
settings.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: Default study radius around the site, metres.
DEFAULT_RADIUS_M: float = 500.0
#: Smallest and largest study radius allowed, metres.
MIN_RADIUS_M: float = 50.0
MAX_RADIUS_M: float = 3000.0
#: Default observer eye height above ground, metres.
EYE_HEIGHT_M: float = 1.6
#: Storey height used to turn ``building:levels`` into metres.
LEVEL_HEIGHT_M: float = 3.0
#: How many recent scans the File menu remembers.
MAX_RECENT: int = 8


def config_dir() -> Path:
    """Return the folder holding settings.json (``$OMGEVINGSSCAN_CONFIG_DIR`` if set)."""
    env = os.environ.get("OMGEVINGSSCAN_CONFIG_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "omgevingsscan"


def cache_dir() -> Path:
    """Return the folder for the Overpass download cache (used only in online mode)."""
    return config_dir() / "cache"


@dataclass
class Settings:
    """User settings persisted between sessions.

    Attributes
    ----------
    online_mode
        When False (the default) the app sends nothing over the network: no
        Overpass download, no tiles, no geocoder.
    overpass_url
        Overpass API endpoint used by osmnx in online mode.
    language
        UI language: "en" or "nl"; "" follows the system locale.
    recent
        Most recent scan files first.
    """

    online_mode: bool = False
    overpass_url: str = "https://overpass-api.de/api"
    language: str = ""
    recent: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> Settings:
        """Read settings.json; a missing or unreadable file gives the defaults."""
        path = config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {k: raw[k] for k in asdict(cls()) if k in raw}
        try:
            return cls(**known)
        except TypeError:
            return cls()

    def save(self) -> None:
        """Write settings.json atomically."""
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "settings.json.tmp"
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        os.replace(tmp, folder / "settings.json")

    def add_recent(self, path: str | Path) -> None:
        """Put ``path`` first in the recent list, without duplicates."""
        p = str(Path(path).resolve())
        self.recent = [p] + [r for r in self.recent if r != p]
        del self.recent[MAX_RECENT:]
