"""Frozen copy of ``omgevingsscan.analysis.visibility`` as it was before issue 11
(commit 5c77931): the baseline that ``bench/bench_exposure.py`` runs side by side with
today's code. Only imports were rewritten; do not edit."""
