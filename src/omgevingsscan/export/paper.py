"""Paper sizes, map scales and unit conversions for print exports. No Qt here.

Lengths on paper are millimetres, lengths on the ground are metres in the scan's
local metric CRS. A map at scale 1:N shows ``N`` metres of ground per metre of
paper, so ``ground_m = paper_mm / 1000 * N``: at 1:2500 a 100 m bar is 40 mm.
"""

from __future__ import annotations

import math
import re

from omgevingsscan.errors import ExportError

#: ISO 216 paper sizes, portrait ``(width, height)`` in millimetres.
PAPER_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
#: The scales offered in the dialog and the CLI (denominators of 1:N).
STANDARD_SCALES: tuple[int, ...] = (500, 1000, 2500, 5000)
#: Largest map scale allowed (1:100): a larger one shows a few metres of ground.
MIN_SCALE_DENOMINATOR = 100.0
#: Smallest map scale allowed (1:1,000,000).
MAX_SCALE_DENOMINATOR = 1_000_000.0
#: Raster resolutions allowed for PNG, dots per inch.
MIN_DPI, MAX_DPI = 72, 600
#: Default raster resolution, dots per inch.
DEFAULT_DPI = 300
MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
# Steps of "nice" scales for fit-to-frame, per decade.
_NICE_SCALE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 10.0)


def paper_size_mm(paper: str, landscape: bool = False) -> tuple[float, float]:
    """Return ``(width, height)`` of ``paper`` in millimetres.

    Parameters
    ----------
    paper
        "A4" or "A3" (case-insensitive).
    landscape
        Swap to landscape orientation.

    Raises
    ------
    ExportError
        For an unknown paper size.
    """
    key = str(paper).strip().upper()
    if key not in PAPER_SIZES_MM:
        raise ExportError(f"paper size {paper!r} unknown; use one of {', '.join(PAPER_SIZES_MM)}")
    w, h = PAPER_SIZES_MM[key]
    return (h, w) if landscape else (w, h)


def mm_to_pt(mm: float) -> float:
    """Millimetres to PostScript points (1/72 inch)."""
    return mm / MM_PER_INCH * POINTS_PER_INCH


def mm_to_px(mm: float, dpi: float) -> int:
    """Millimetres to whole pixels at ``dpi`` dots per inch (rounded)."""
    return round(mm / MM_PER_INCH * dpi)


def dots_per_mm(dpi: float) -> float:
    """Device units per millimetre at ``dpi`` dots per inch."""
    return dpi / MM_PER_INCH


def ground_m(paper_mm: float, scale: float) -> float:
    """Metres of ground covered by ``paper_mm`` millimetres at 1:``scale``."""
    return paper_mm / 1000.0 * scale


def paper_mm(length_m: float, scale: float) -> float:
    """Millimetres of paper taken by ``length_m`` metres of ground at 1:``scale``."""
    return length_m * 1000.0 / scale


def check_dpi(dpi: object) -> int:
    """Return ``dpi`` as an int within :data:`MIN_DPI`..:data:`MAX_DPI`, else raise ExportError."""
    try:
        value = int(dpi)  # type: ignore[call-overload]
    except (TypeError, ValueError) as exc:
        raise ExportError(f"resolution {dpi!r} is not a whole number of dots per inch") from exc
    if not MIN_DPI <= value <= MAX_DPI:
        raise ExportError(f"resolution {value} dpi is out of range; allowed {MIN_DPI}–{MAX_DPI}")
    return value


def check_scale(scale: object) -> float:
    """Return the denominator ``scale`` as float if it is a usable map scale.

    Raises
    ------
    ExportError
        When it is not a number, or lies outside 1:100 – 1:1,000,000.
    """
    try:
        value = float(scale)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ExportError(f"scale {scale!r} is not a number") from exc
    if not math.isfinite(value) or value <= 0:
        raise ExportError(f"scale 1:{scale} is not a positive number")
    if value < MIN_SCALE_DENOMINATOR:
        raise ExportError(
            f"scale 1:{value:g} is too large: the map would show almost nothing; "
            f"use 1:{MIN_SCALE_DENOMINATOR:g} or smaller"
        )
    if value > MAX_SCALE_DENOMINATOR:
        raise ExportError(
            f"scale 1:{value:,.0f} is too small for a study area map; "
            f"use 1:{MAX_SCALE_DENOMINATOR:,.0f} or larger"
        )
    return value


_SCALE_TEXT = re.compile(r"^\s*(?:1\s*:\s*)?([\d\s.,_]+)\s*$")


def parse_scale(text: str | float | int | None) -> float | None:
    """Parse a scale: "2500", "1:2500", "1:2.500", "1:2 500" → 2500.0; "fit" or None → None.

    Raises
    ------
    ExportError
        When the text is not a scale.
    """
    if text is None:
        return None
    if isinstance(text, int | float):
        return check_scale(text)
    raw = str(text).strip()
    if raw.lower() in ("", "fit", "auto"):
        return None
    m = _SCALE_TEXT.match(raw)
    if not m:
        raise ExportError(f"scale {text!r} is not of the form 2500 or 1:2500 (or 'fit')")
    digits = re.sub(r"[\s.,_]", "", m.group(1))
    if not digits.isdigit():
        raise ExportError(f"scale {text!r} is not of the form 2500 or 1:2500 (or 'fit')")
    return check_scale(int(digits))


def format_scale(scale: float) -> str:
    """Return "1:2 500" style text (thin-space-free: a plain space as thousands separator)."""
    return "1:" + f"{round(scale):,d}".replace(",", " ")


def nice_scale_at_least(scale: float) -> float:
    """Round a denominator up to the next "nice" one (…, 2000, 2500, 3000, 4000, 5000, …)."""
    if scale <= 0 or not math.isfinite(scale):
        raise ExportError(f"cannot fit the map: scale 1:{scale} is not positive")
    exp = math.floor(math.log10(scale))
    base = 10.0**exp
    for step in _NICE_SCALE_STEPS:
        candidate = step * base
        if candidate >= scale * (1 - 1e-9):
            return float(round(candidate, 6))
    return float(10.0 ** (exp + 1))  # pragma: no cover - the loop ends at 10


def nice_length_at_most(max_value: float) -> float:
    """The largest 1-2-5 × 10^n value not above ``max_value`` (0 for non-positive input)."""
    if max_value <= 0 or not math.isfinite(max_value):
        return 0.0
    exp = math.floor(math.log10(max_value))
    for mult in (5, 2, 1):
        value = mult * 10.0**exp
        if value <= max_value * (1 + 1e-12):
            return float(value)
    return float(10.0 ** (exp - 1) * 5)  # pragma: no cover
