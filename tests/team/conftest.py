"""A throwaway PostgreSQL + PostGIS server for the team tests (one per session)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest

from omgevingsscan.io.team import TeamStore, publish_scan
from omgevingsscan.io.team.cluster import LocalCluster
from omgevingsscan.layers.sightings import SightingsLayer
from omgevingsscan.scan import Scan

_names = itertools.count()


@pytest.fixture(scope="session")
def pg() -> Iterator[LocalCluster]:
    """The server (started once, stopped and removed after the session)."""
    cluster = LocalCluster().start()
    try:
        yield cluster
    finally:
        cluster.remove()


def small_scan(demo_scan: Scan) -> Scan:
    """The demo scan's site and area with only its site layer (fast to publish)."""
    scan = Scan(site=demo_scan.site, study_area=demo_scan.study_area, crs=demo_scan.crs)
    scan.layers.append(demo_scan.layers.get("site"))
    scan.layers.append(SightingsLayer("sightings", crs=demo_scan.crs))
    return scan


@pytest.fixture
def shared(pg: LocalCluster, demo_scan: Scan) -> str:
    """A new schema holding a small published scan; returns its name."""
    schema = f"t{next(_names)}"
    with psycopg.connect(pg.conninfo) as conn:
        publish_scan(conn, small_scan(demo_scan), schema)
    return schema


@pytest.fixture
def store(pg: LocalCluster, shared: str) -> Iterator[TeamStore]:
    s = TeamStore(pg.conninfo, shared, "alice").open()
    yield s
    s.close()
