"""Many writers at once (a smaller run of bench/bench_team.py: 5 processes × 200)."""

from __future__ import annotations

from bench.bench_team import _pct, run_load

from omgevingsscan.io.team.cluster import LocalCluster


def test_five_writers_at_once_store_everything_once(pg: LocalCluster) -> None:
    r = run_load(pg.conninfo, "load_test", 5, 200)
    assert r["stored"] == r["distinct"] == r["audit_inserts"] == r["expected"] == 1000
    assert r["in_reader_layer"] == 1000  # every notification reached the other desktop
    assert len(r["write"]) == 1000 and len(r["notify"]) == 1000
    assert _pct(r["notify"], 95) < 1.0  # the others see it within a second
