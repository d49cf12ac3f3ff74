"""Live updates through LISTEN/NOTIFY, and edits made while the database is away."""

from __future__ import annotations

import time
from pathlib import Path

from shapely.geometry import Point

from omgevingsscan.io.team import TeamStore
from omgevingsscan.io.team.cluster import LocalCluster
from omgevingsscan.io.team.outbox import Outbox
from omgevingsscan.io.team.sync import TeamSync
from omgevingsscan.layers.sightings import Sighting


def _open(pg: LocalCluster, schema: str, editor: str, **kw) -> TeamSync:
    store = TeamStore(pg.conninfo, schema, editor).open()
    scan, versions = store.load_scan()
    return TeamSync(store, scan, versions, **kw)


def _wait(pred, timeout: float = 5.0) -> float:
    t0 = time.monotonic()
    while not pred():
        if time.monotonic() - t0 > timeout:
            raise AssertionError("timed out")
        time.sleep(0.005)
    return time.monotonic() - t0


def test_edit_on_one_desktop_appears_on_the_other(pg: LocalCluster, shared: str) -> None:
    a, b = _open(pg, shared, "alice"), _open(pg, shared, "bob")
    try:
        s = Sighting(geometry=Point(121500, 486500), category="person", description="photographer")
        t0 = time.monotonic()
        a.layers["sightings"].insert(s)
        _wait(lambda: s.uuid in b.layers["sightings"], 1.0)
        assert time.monotonic() - t0 < 1.0
        assert b.layers["sightings"].get(s.uuid) == s
        b.layers["sightings"].replace(s.evolve(severity=4))
        _wait(lambda: a.layers["sightings"].get(s.uuid).severity == 4, 1.0)
        assert a.versions[s.uuid] == b.versions[s.uuid] == 2
        a.layers["sightings"].remove(s.uuid)
        _wait(lambda: s.uuid not in b.layers["sightings"], 1.0)
        assert not a.conflicts and not b.conflicts
    finally:
        a.close()
        b.close()


def test_conflicting_edit_is_reported_and_resolved(pg: LocalCluster, shared: str) -> None:
    a = _open(pg, shared, "alice", listen=False)
    b = _open(pg, shared, "bob", listen=False)
    s = Sighting(geometry=Point(121500, 486500), description="car")
    a.layers["sightings"].insert(s)
    b.resync()
    a.layers["sightings"].replace(s.evolve(description="red car"))
    b.layers["sightings"].replace(s.evolve(description="blue car"))  # based on version 1
    [conflict] = b.conflicts
    assert conflict.theirs.description == "red car"
    b.resolve(conflict, "theirs")
    assert b.layers["sightings"].get(s.uuid).description == "red car"
    a.close()
    b.close()


def test_offline_edits_go_to_the_journal_and_are_sent_after_restart(
    pg: LocalCluster, shared: str, demo_gpkg: Path, tmp_path: Path
) -> None:
    journal = tmp_path / "local.gpkg"
    journal.write_bytes(demo_gpkg.read_bytes())
    a = _open(pg, shared, "alice", journal=journal)
    layer = a.layers["sightings"]
    states: list[str] = []
    a.events.status.connect(lambda state, _m: states.append(state))
    made = [Sighting(geometry=Point(121500 + i, 486500), description=f"#{i}") for i in range(30)]
    try:
        for s in made[:10]:
            layer.insert(s)
        pg.stop()
        for s in made[10:]:
            layer.insert(s)
        layer.replace(made[12].evolve(description="changed while offline"))
        layer.replace(made[3].evolve(description="changed while offline too"))
        assert a.state == "offline" and "unreachable" in a.message
        assert len(Outbox(shared, journal)) == 22  # in the local GeoPackage, on disk
        pg.start()
        assert a.retry()
        assert a.state == "online" and len(a.outbox) == 0
        check = TeamStore(pg.conninfo, shared).open()
        stored = {s.record.uuid: s for s in check.fetch("sightings")}
        assert set(stored) == {s.uuid for s in made}
        assert stored[made[12].uuid].record.description == "changed while offline"
        assert stored[made[3].uuid].version == 2
        check.close()
        assert states[0] == "offline" and states[-1] == "online"
        _wait(lambda: a.listener is not None and a.listener.online, 10.0)
    finally:
        if not pg.running():
            pg.start()
        a.close()
