"""The shared scan in PostGIS: publish, one transaction per edit, conflicts, audit, roles."""

from __future__ import annotations

import psycopg
import pytest
from shapely.geometry import Point

from omgevingsscan.io.journal import Edit
from omgevingsscan.io.team import EditConflict, TeamPermissionError, TeamStore, grant
from omgevingsscan.io.team.cluster import LocalCluster
from omgevingsscan.layers.sightings import Sighting, SightingsLayer


def _edit(store: TeamStore, s: Sighting) -> Edit:
    layer = SightingsLayer("sightings", [s], crs=store.meta["crs"])
    return Edit.upsert(layer, s, store.meta["crs"])


def test_publish_demo_gives_real_postgis_tables(pg: LocalCluster, demo_scan) -> None:
    from omgevingsscan.io.team import publish_scan

    with psycopg.connect(pg.conninfo) as conn:
        counts = publish_scan(conn, demo_scan, "demo_full")
        rows = conn.execute(
            "SELECT f_table_name, type, srid FROM geometry_columns WHERE f_table_schema = "
            "'demo_full' ORDER BY 1"
        ).fetchall()
        indexed = conn.execute(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = 'demo_full' AND indexdef "
            "LIKE '%USING gist%'"
        ).fetchone()[0]
        n = conn.execute("SELECT count(*) FROM demo_full.buildings").fetchone()[0]
    tables = {r[0]: (r[1], r[2]) for r in rows}
    assert counts["buildings"] == n == len(demo_scan.layer("buildings").data) > 100
    assert tables["sightings"] == ("POINT", 28992) and tables["buildings"][1] == 28992
    assert indexed == len(tables)  # a spatial index on every geometry column
    store = TeamStore(pg.conninfo, "demo_full").open()
    scan, _versions = store.load_scan()
    assert [x.name for x in scan.layers][: len(demo_scan.layers)] == [
        x.name for x in demo_scan.layers
    ]
    assert len(scan.layer("buildings").data) == n
    assert set(scan.graphs) == set(demo_scan.graphs)
    walk = scan.graphs["walk"]
    assert walk.number_of_edges() == demo_scan.graphs["walk"].number_of_edges()
    store.close()


def test_save_versions_and_audit(store: TeamStore) -> None:
    s = Sighting(geometry=Point(121500, 486500), category="vehicle", plate="AB-12-CD")
    assert store.save(_edit(store, s), None) == 1
    s2 = s.evolve(description="parked, engine running")
    assert store.save(_edit(store, s2), 1) == 2
    [saved] = store.fetch("sightings", [s.uuid])
    assert saved.record == s2 and saved.version == 2 and saved.editor == "alice"
    ops = [(h["op"], h["version"]) for h in store.history(s.uuid)]
    assert ops == [("insert", 1), ("update", 2)]
    # resending what is already stored (a lost acknowledgement) changes nothing
    assert store.save(_edit(store, s2), None) == 2


def test_second_save_of_same_version_is_refused_and_audited(pg: LocalCluster, shared: str) -> None:
    a = TeamStore(pg.conninfo, shared, "alice").open()
    b = TeamStore(pg.conninfo, shared, "bob").open()
    s = Sighting(geometry=Point(121500, 486500), description="van")
    a.save(_edit(a, s), None)
    mine = s.evolve(description="white van")
    theirs = s.evolve(description="grey van")
    assert a.save(_edit(a, mine), 1) == 2
    with pytest.raises(EditConflict) as info:
        b.save(_edit(b, theirs), 1)
    c = info.value
    assert c.theirs == mine and c.their_version == 2 and c.their_editor == "alice"
    [saved] = a.fetch("sightings", [s.uuid])
    assert saved.record.description == "white van"  # no silent last-writer-wins
    history = a.history(s.uuid)
    assert [h["op"] for h in history] == ["insert", "update", "conflict"]
    assert history[1]["data"]["description"] == "white van"
    assert history[2]["data"]["description"] == "grey van" and history[2]["editor"] == "bob"
    # bob picks his version: saved on top of alice's, both kept in the audit
    assert b.save(_edit(b, theirs), c.their_version) == 3
    assert a.fetch("sightings", [s.uuid])[0].record.description == "grey van"
    a.close()
    b.close()


def test_roles_are_enforced_by_the_database(pg: LocalCluster, shared: str) -> None:
    with psycopg.connect(pg.conninfo) as conn:
        for user, role in (("obs_ann", "observer"), ("obs_bob", "observer"), ("adv", "advisor")):
            grant(conn, user, role, create=True)
    ann = TeamStore(pg.dsn("obs_ann"), shared, "Ann").open()
    bob_dsn = pg.dsn("obs_bob")
    s = Sighting(geometry=Point(121500, 486500), description="drone over the square")
    assert ann.save(_edit(ann, s), None) == 1
    with psycopg.connect(bob_dsn) as conn:
        # the observer sees the sighting but the database does not let him delete it
        assert conn.execute(f"SELECT count(*) FROM {shared}.sightings").fetchone()[0] == 1
        cur = conn.execute(f"DELETE FROM {shared}.sightings WHERE uuid = %s", (s.uuid,))
        assert cur.rowcount == 0
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"UPDATE {shared}.meta SET value = '{{}}'::jsonb")  # the site
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"DELETE FROM {shared}.audit")
    bob = TeamStore(bob_dsn, shared, "Bob").open()
    with pytest.raises(TeamPermissionError):
        bob.save(Edit("delete", "sightings", "sightings", {}, s.uuid, None, None, "", ""), 1)
    own = Sighting(geometry=Point(121510, 486510), description="bob's own")
    bob.save(_edit(bob, own), None)
    bob.save(Edit("delete", "sightings", "sightings", {}, own.uuid, None, None, "", ""), 1)
    assert ann.fetch("sightings", [s.uuid]) and not ann.fetch("sightings", [own.uuid])
    adv = TeamStore(pg.dsn("adv"), shared, "Advisor").open()
    adv.save(Edit("delete", "sightings", "sightings", {}, s.uuid, None, None, "", ""), 1)
    assert not ann.fetch("sightings")
    with (
        psycopg.connect(pg.dsn("adv")) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(f"DELETE FROM {shared}.site")  # the OSM and result layers are read-only
    meta = adv.meta
    adv.set_meta({**meta, "radius_m": 600.0})
    assert TeamStore(pg.conninfo, shared).open().meta["radius_m"] == 600.0
    for st in (ann, bob, adv):
        st.close()
