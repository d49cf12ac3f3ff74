"""Exports: print layout (PDF/PNG/SVG), offline HTML, data exchange, report. No Qt here."""
