"""Small domain exceptions that carry the offending path or value and the reason.

Each subclasses a built-in so callers may catch broadly, and each message is one
line that names the file or value and says what is wrong. The CLI prints
``str(exc)`` on stderr and exits with status 2; the GUI shows it in a dialog.
"""

from __future__ import annotations

from pathlib import Path


class OmgevingsscanError(Exception):
    """Base class of every error the user can cause with bad input."""


class InputFileError(OmgevingsscanError, ValueError):
    """A file that cannot be used: missing, empty, truncated, or of the wrong kind.

    Parameters
    ----------
    path
        The file at fault.
    reason
        What is wrong with it, in a short phrase.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnsupportedFileError(InputFileError):
    """A file whose type no registered reader supports."""


class NotAScanError(InputFileError):
    """A GeoPackage that holds no omgevingsscan metadata."""


class NewerFormatError(InputFileError):
    """A scan written by a newer omgevingsscan whose format this version cannot read."""


class SiteError(OmgevingsscanError, ValueError):
    """A site location that cannot be parsed, is not found, or lies outside the data."""


class RadiusError(OmgevingsscanError, ValueError):
    """A study radius outside the allowed range (metres)."""


class OfflineError(OmgevingsscanError, RuntimeError):
    """A network download was asked for while online mode is off."""


class ImportCancelled(OmgevingsscanError):
    """The user cancelled a running import or analysis."""


class ExportError(OmgevingsscanError, ValueError):
    """An export that cannot be written: bad path, unknown paper size, absurd scale."""


class AnalysisInputError(OmgevingsscanError, ValueError):
    """An analysis asked with input it cannot answer (a point inside a building, say)."""


class OutputExistsError(OmgevingsscanError, FileExistsError):
    """An output file that already exists and may only be replaced when asked (``--force``)."""

    def __init__(self, path: str | Path, hint: str = "give --force to replace it") -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: file exists; {hint}")
