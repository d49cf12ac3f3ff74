"""The findings UI: a Findings dock (table, filter, risk matrix), a checklist panel,
finding and measure forms, a map tool to place findings, suggestions from the
analyses, the report with handout and Word copy, and the comparison with an earlier scan.

Installed through :mod:`omgevingsscan.ui.extensions` (``findings``); every edit goes
through the observations extension's editor (undoable, written at once).
"""
