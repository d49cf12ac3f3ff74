"""The main window, canvas, layer panel, inspector and New-scan dialog (offscreen)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from omgevingsscan.render.geometry import to_scene
from omgevingsscan.settings import Settings
from omgevingsscan.ui.main_window import MainWindow
from tests.conftest import DEMO_PBF


def test_demo_scan_opens_and_lists_layers(qtbot):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.scan_loaded, timeout=120_000):
        job = win.open_demo()
        assert job is not None
        assert win.progress.isVisible()
    rows = [win.layer_panel.list.item(i).text() for i in range(win.layer_panel.list.count())]
    assert rows[0].startswith("Site")
    assert any(r.startswith("Buildings (") for r in rows)
    assert len(rows) == len(win.scan.layers)
    assert win.scan.site.name == "Stadhuis Amsterdam (Stopera)"
    qtbot.waitUntil(lambda: win.job is None)
    assert not win.progress.isVisible()


def test_toggling_a_layer_hides_it(window):
    panel = window.layer_panel
    row = [layer.name for layer in panel.layers_top_first()].index("buildings")
    item = panel.list.item(row)
    assert item.checkState() == Qt.CheckState.Checked
    item.setCheckState(Qt.CheckState.Unchecked)
    layer = window.scan.layer("buildings")
    assert layer.visible is False
    assert window.canvas.map_scene().item_for(layer).isVisible() is False
    layer.visible = True
    assert panel.list.item(row).checkState() == Qt.CheckState.Checked


def test_opacity_and_order(window):
    panel = window.layer_panel
    panel.select_layer("water")
    panel.opacity.setValue(40)
    water = window.scan.layer("water")
    assert water.opacity == pytest.approx(0.4)
    assert window.canvas.map_scene().item_for(water).opacity() == pytest.approx(0.4)
    before = window.scan.layers.index(water)
    panel.up.click()
    assert window.scan.layers.index(water) == before + 1
    scene = window.canvas.map_scene()
    above = window.scan.layers[before]
    assert scene.item_for(water).zValue() > scene.item_for(above).zValue()
    panel.down.click()
    assert window.scan.layers.index(water) == before


def test_feature_count_shown(window):
    n = len(window.scan.layer("buildings"))
    texts = [window.layer_panel.list.item(i).text() for i in range(window.layer_panel.list.count())]
    assert f"Buildings ({n:,})" in texts


def test_click_shows_osm_tags(window, qtbot):
    site = window.scan.site
    window.scan.layer("site").visible = False  # else the site marker itself is on top
    window.canvas.set_view(site.x, site.y, 0.5)
    pos = window.canvas.mapFromScene(to_scene(site.x, site.y))
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    rows = dict(window.inspector.rows())
    assert rows.get("tag: amenity") == "townhall"
    assert rows.get("tag: addr:street") == "Amstel"


def test_wheel_zooms_around_cursor(window):
    canvas = window.canvas
    site = window.scan.site
    canvas.set_view(site.x, site.y, 1.0)
    anchor = QPoint(200, 150)
    before = canvas.mapToScene(anchor)
    event = QWheelEvent(
        QPointF(anchor),
        QPointF(canvas.viewport().mapToGlobal(anchor)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.metres_per_pixel() == pytest.approx(0.8, rel=1e-3)
    after = canvas.mapToScene(anchor)
    assert abs(after.x() - before.x()) < 1.0 and abs(after.y() - before.y()) < 1.0


def test_keys_pan(window, qtbot):
    canvas = window.canvas
    canvas.set_view(window.scan.site.x, window.scan.site.y, 1.0)
    x0, _ = canvas.centre_xy()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    x1, _ = canvas.centre_xy()
    assert x1 - x0 == pytest.approx(80, abs=2)


def test_status_bar_shows_rd_and_wgs84(window, qtbot):
    canvas = window.canvas
    site = window.scan.site
    canvas.set_view(site.x, site.y, 0.5)
    pos = canvas.mapFromScene(to_scene(site.x, site.y))
    qtbot.mouseMove(canvas.viewport(), pos)
    canvas.cursor_moved.emit(site.x, site.y)
    text = window.coords_label.text()
    assert "RD 121,833" in text
    assert "WGS84 52.36768" in text
    assert window.scale_label.text().startswith("Scale 1:")


def test_map_draws_the_place(window, qtbot):
    window.zoom_to_site()
    qtbot.wait(50)
    image: QImage = window.canvas.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert "#aad3df" in colours  # water
    assert len(colours) > 20


def test_new_scan_dialog_creates_scan(window, qtbot):
    dialog = window.new_scan_dialog()
    assert dialog.file.text().endswith("amsterdam_centre.osm.pbf")
    dialog.name.setText("Woning wethouder")
    dialog.kind.setCurrentIndex(dialog.kind.findData("residence"))
    dialog.set_mode("search")
    assert "Amstel 1" in dialog.suggestions("Amstel 1")
    dialog.location.setText("Amstel 1")
    dialog.radius.setValue(200)
    with qtbot.waitSignal(window.scan_loaded, timeout=120_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert window.scan.site.name == "Woning wethouder"
    assert window.scan.site.kind == "residence"
    assert window.scan.study_area.radius_m == 200
    assert window.scan_path is None


def test_new_scan_by_click_on_map(window, qtbot):
    dialog = window.new_scan_dialog()
    dialog.set_mode("map")
    dialog.pick_button.click()
    assert not dialog.isVisible()
    site = window.scan.site
    window.canvas.set_view(site.x, site.y, 1.0)
    pos = window.canvas.mapFromScene(to_scene(site.x + 50, site.y))
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert dialog.isVisible()
    lat, lon = (float(v) for v in dialog.location.text().split(","))
    assert lat == pytest.approx(site.lat, abs=2e-5)
    assert lon > site.lon


def test_bad_file_shows_error_and_keeps_scan(window, qtbot, tmp_path):
    old = window.scan
    bad = tmp_path / "broken.osm.pbf"
    bad.write_bytes(DEMO_PBF.read_bytes()[:1000])
    dialog = window.new_scan_dialog()
    dialog.file.setText(str(bad))
    dialog.set_mode("wgs84")
    dialog.location.setText("52.3677, 4.9002")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.job is None, timeout=60_000)
    assert window.scan is old
    assert "broken.osm.pbf" in window.last_error


def test_dialog_rejects_bad_coordinates(window):
    dialog = window.new_scan_dialog()
    dialog.set_mode("wgs84")
    dialog.location.setText("north of the river")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "is not 'lat, lon'" in dialog.error.text()
    dialog.reject()


def test_save_and_open(window, qtbot, tmp_path):
    window.scan.layer("water").opacity = 0.5
    target = tmp_path / "saved.gpkg"
    assert window.save_to(target)
    with qtbot.waitSignal(window.scan_loaded, timeout=60_000):
        window.open_scan(target)
    assert window.scan.layer("water").opacity == 0.5
    assert window.scan_path == target
    assert window.settings.recent[0] == str(target.resolve())
    assert window.recent_menu.actions()[0].text() == str(target.resolve())


def test_open_newer_scan_shows_error(window, qtbot, tmp_path, demo_gpkg):
    import json
    import sqlite3

    p = tmp_path / "future.gpkg"
    shutil.copy(demo_gpkg, p)
    con = sqlite3.connect(p)
    meta = json.loads(con.execute("SELECT value FROM omgevingsscan_meta").fetchone()[0])
    meta["format_version"] = 7
    con.execute("UPDATE omgevingsscan_meta SET value = ?", (json.dumps(meta),))
    con.commit()
    con.close()
    old = window.scan
    window.open_scan(p)
    qtbot.waitUntil(lambda: window.job is None, timeout=60_000)
    assert window.scan is old
    assert "newer omgevingsscan" in window.last_error


def test_about_names_attribution(window):
    window.act_about.trigger()
    box = window._dialogs[-1]
    assert "© OpenStreetMap contributors" in box.text()
    assert "ODbL" in box.text()
    box.close()


def test_screenshot_cli(tmp_path, demo_gpkg):
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "omgevingsscan",
            "gui",
            str(demo_gpkg),
            "--screenshot",
            str(out),
            "--size",
            "800x600",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)


def test_polygon_buffer_fill_matches_coordinates():
    import numpy as np

    from omgevingsscan.render.geometry import _polygon

    coords = np.array([[121800.5, 486700.25], [121810.0, 486705.0], [121805.0, 486690.0]])
    polygon = _polygon(coords)
    assert polygon.size() == 3
    assert [(polygon.at(i).x(), polygon.at(i).y()) for i in range(3)] == [
        (121800.5, -486700.25),
        (121810.0, -486705.0),
        (121805.0, -486690.0),
    ]
    assert _polygon(np.empty((0, 2))).size() == 0
