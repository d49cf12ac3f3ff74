"""Findings support: the checklist per site kind, suggested findings from the analysis
results, and the comparison of two scans. Pure, Qt-free; metres in the scan's CRS.

- :func:`load_checklist` — the checklist of a site kind (JSON data under ``resources/``).
- :func:`suggest_findings` — suggested findings (status "suggested") with their links.
- :func:`diff_scans` / :func:`diff_files` — what changed between two scans.
"""

from omgevingsscan.analysis.findings.checklist import (
    Checklist,
    ChecklistItem,
    load_checklist,
    parse_checklist,
)
from omgevingsscan.analysis.findings.diff import Change, ScanDiff, diff_files, diff_scans
from omgevingsscan.analysis.findings.suggest import Suggestion, SuggestOptions, suggest_findings

__all__ = [
    "Change",
    "Checklist",
    "ChecklistItem",
    "ScanDiff",
    "SuggestOptions",
    "Suggestion",
    "diff_files",
    "diff_scans",
    "load_checklist",
    "parse_checklist",
    "suggest_findings",
]
