"""Two windows on the same shared scan: a sighting logged in one shows in the other."""

from __future__ import annotations

import time

import pytest
from shapely.geometry import Point

from omgevingsscan.io.team.cluster import LocalCluster
from omgevingsscan.settings import Settings
from omgevingsscan.ui.main_window import MainWindow


def _window(qtbot, pg: LocalCluster, schema: str, name: str) -> MainWindow:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    team = win.extensions["team"]
    assert team.open_shared(pg.conninfo, schema, name) is not None
    qtbot.waitUntil(lambda: team.sync is not None and win.job is None, timeout=30000)
    qtbot.waitUntil(lambda: win.extensions["observations"].editor is not None, timeout=5000)
    return win


@pytest.fixture
def two(qtbot, pg: LocalCluster, shared: str):  # type: ignore[no-untyped-def]
    wins = [_window(qtbot, pg, shared, n) for n in ("Ann", "Bob")]
    yield wins
    for w in wins:
        w.extensions["team"].close()
        w.close()


def test_sighting_from_one_window_appears_in_the_other_within_a_second(qtbot, two) -> None:
    a, b = two
    obs_a, obs_b = a.extensions["observations"], b.extensions["observations"]
    assert "Shared" in b.extensions["team"].label.text()
    before = obs_b.panel.model.rowCount()
    site = a.scan.site.point
    t0 = time.monotonic()
    s = obs_a.editor.add_sighting(Point(site.x + 20, site.y), category="vehicle", plate="GH-45-JK")
    qtbot.waitUntil(lambda: obs_b.panel.model.rowCount() == before + 1, timeout=1000)
    elapsed = time.monotonic() - t0
    assert elapsed < 1.0
    assert s.uuid in b.scan.layer("sightings")
    assert b.scan.layer("sightings").get(s.uuid).plate == "GH-45-JK"
    # and back: Bob deletes it, Ann's dock follows
    obs_b.editor.delete(b.scan.layer("sightings"), s.uuid)
    qtbot.waitUntil(lambda: s.uuid not in a.scan.layer("sightings"), timeout=1000)
    assert obs_a.panel.model.rowCount() == before


def test_conflict_asks_which_version_stays(qtbot, two) -> None:
    a, b = two
    obs_a, obs_b = a.extensions["observations"], b.extensions["observations"]
    site = a.scan.site.point
    s = obs_a.editor.add_sighting(Point(site.x, site.y + 10), description="cyclist")
    qtbot.waitUntil(lambda: s.uuid in b.scan.layer("sightings"), timeout=1000)
    team_b = b.extensions["team"]
    team_b.sync.listener.stop()  # Bob does not hear Ann's next save in time
    obs_a.editor.update(a.scan.layer("sightings"), s.uuid, description="cyclist, filming")
    obs_b.editor.update(b.scan.layer("sightings"), s.uuid, description="cyclist, leaving")
    qtbot.waitUntil(lambda: team_b.box is not None, timeout=2000)
    take_theirs = next(x for x in team_b.box.buttons() if x.text() == "Take theirs")
    take_theirs.click()
    qtbot.waitUntil(
        lambda: b.scan.layer("sightings").get(s.uuid).description == "cyclist, filming",
        timeout=2000,
    )
