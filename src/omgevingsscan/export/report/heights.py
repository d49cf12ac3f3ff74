"""The report's sentences on height provenance and the ground model (issue 11), in the
report's language.

:func:`height_paragraphs` turns the figures of
:func:`omgevingsscan.io.heights.report.height_report` into plain sentences: how many
buildings near the site have a measured height and from which data set, where the
others' heights came from, the mean uncertainty, the share in the whole study area, a
warning when most heights are estimates, and the ground model (terrain or flat).
:func:`summary_sentence` is the one sentence the CLI's ``info`` and ``heights`` print.
Every fixed text goes through the translator ``_`` (see :mod:`.i18n`). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from omgevingsscan.io.heights.report import HeightReport
from omgevingsscan.io.terrain import Terrain
from omgevingsscan.layers.heights import (
    RULE_DEFAULT,
    RULE_LEVELS,
    RULE_MEASURED,
    RULE_TAG,
    HeightSummary,
)

Translate = Callable[[str], str]


def _english(text: str) -> str:
    return text


def _num(value: float, nl: bool, decimals: int = 0) -> str:
    """``1,111`` / ``2.5`` in English, ``1.111`` / ``2,5`` with ``nl`` (Dutch)."""
    text = f"{value:,.{decimals}f}"
    if nl:
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def summary_sentence(
    summary: HeightSummary,
    radius_m: float | None = None,
    _: Translate = _english,
    nl: bool = False,
) -> str:
    """One sentence on a set of buildings' heights, e.g. "312 of 1,111 buildings within
    500 m of the site (28%) have a measured height (3D BAG 2022). The others: ... Mean
    height uncertainty ±2.1 m." ``radius_m`` (metres) names the area; None: no area.
    ``_`` translates the fixed texts; ``nl`` writes numbers the Dutch way."""
    where = _(" within {0} m of the site").format(_num(radius_m, nl)) if radius_m else ""
    if summary.total == 0:
        return _("No buildings{0}.").format(where)
    measured = summary.counts.get(RULE_MEASURED, 0)
    head = _("{0} of {1} buildings{2} ({3:.0%}) have a measured height").format(
        _num(measured, nl), _num(summary.total, nl), where, summary.measured_share
    )
    head += f" ({'; '.join(summary.datasets)})." if summary.datasets else "."
    sources = (
        (RULE_TAG, _("{0} from an OSM height tag")),
        (RULE_LEVELS, _("{0} from OSM levels")),
        (RULE_DEFAULT, _("{0} from a default for their type")),
    )
    rest = [
        text.format(_num(summary.counts[r], nl)) for r, text in sources if summary.counts.get(r)
    ]
    if rest:
        head += " " + _("The others: {0}.").format(", ".join(rest))
    return (
        head + " " + _("Mean height uncertainty ±{0} m.").format(_num(summary.mean_sigma_m, nl, 1))
    )


def ground_sentence(terrain: Terrain | None, _: Translate = _english, nl: bool = False) -> str:
    """The ground model of the 2.5D answers: the terrain grid (source, date, cells,
    elevation range in metres, uncertainty) or "taken as flat"."""
    if terrain is None:
        return _("No terrain model: the ground is taken as flat.")
    rows, cols = terrain.z.shape
    return _(
        "Ground from the terrain model {0} ({1}): {2} × {3} cells of {4} m, "
        "elevations {5} to {6} m, ±{7} m."
    ).format(
        terrain.source or _("a DEM"),
        terrain.date or _("date unknown"),
        cols,
        rows,
        _num(terrain.cell, nl, 2),
        _num(float(np.nanmin(terrain.z)), nl, 1),
        _num(float(np.nanmax(terrain.z)), nl, 1),
        _num(terrain.sigma_m, nl, 1),
    )


def height_paragraphs(report: HeightReport, _: Translate = _english, nl: bool = False) -> list[str]:
    """The report's paragraphs on height provenance and the ground, translated by ``_``
    (``nl``: Dutch number separators)."""
    out = [summary_sentence(report.near, report.near_m, _, nl)]
    if report.study.total != report.near.total:
        out.append(
            _("In the whole study area {0:.0%} of {1} buildings have a measured height.").format(
                report.study.measured_share, _num(report.study.total, nl)
            )
        )
    if report.near.measured_share < 0.5:
        out.append(
            _(
                "Most heights near the site are estimates: sight lines, viewsheds and "
                "overlook positions marked uncertain may go either way; import measured "
                "heights (3D BAG or a municipal 3D model) to settle them."
            )
        )
    out.append(ground_sentence(report.terrain, _, nl))
    return out
