"""The Findings dock, the checklist panel, the place tool, suggestions, the report job
and the comparison with an earlier scan, on a copy of the analysed demo scan."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.io.project import load_scan
from omgevingsscan.settings import Settings
from omgevingsscan.ui.findings.forms import FindingDialog
from omgevingsscan.ui.main_window import MainWindow


@pytest.fixture
def fwin(qtbot, analysed_gpkg, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "scan.gpkg"
    shutil.copy(analysed_gpkg, path)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    win.set_scan(load_scan(path), path)
    yield win
    if win.job is not None:
        win.job.cancel()
        win.job.wait()
    win.close()


def test_suggest_accept_reject_and_matrix(fwin, qtbot):
    ui = fwin.extensions["findings"]
    assert ui.observations.editor is not None
    n = ui.suggest()
    assert n >= 4
    panel = ui.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == n)
    assert panel.model.filter == "suggested"
    panel.table.selectRow(0)
    first = panel.current()
    panel.buttons["accept"].click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == n - 1)
    panel.table.selectRow(0)
    second = panel.current()
    panel.buttons["reject"].click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == n - 2)
    layer = fwin.scan.layers.get("findings")
    assert layer.get(first.uuid).status == "accepted" and layer.get(first.uuid).number == 1
    assert layer.get(second.uuid).status == "rejected"
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("counted"))
    assert [f.uuid for f in panel.model.rows] == [first.uuid]
    assert panel.matrix.cells == {(first.likelihood, first.impact): [1]}
    # written at once, undoable
    path = ui.observations.editor.store.path
    ui.observations.editor.store.flush()
    assert ObservationEditor.open(path).layer("findings").get(first.uuid).status == "accepted"
    fwin.extensions["observations"].session.undo.undo.trigger()
    qtbot.waitUntil(lambda: layer.get(second.uuid).status == "suggested")


def test_place_a_finding_from_the_checklist(fwin, qtbot, monkeypatch):
    ui = fwin.extensions["findings"]
    tree = ui.checklist_panel.tree
    assert tree.topLevelItemCount() == 9

    def lighting() -> object:
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            if top.data(0, Qt.ItemDataRole.UserRole)[1] == "lighting":
                return top
        raise AssertionError("no lighting")

    item = lighting().child(0)
    item_id = item.data(0, Qt.ItemDataRole.UserRole)[0]

    def fake_exec(self: FindingDialog) -> int:
        self.title.setText("No lamp at the gate")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FindingDialog, "exec", fake_exec)
    ui.checklist_panel.add_for.emit(item_id, "lighting")
    assert fwin.canvas._tool is ui.tool
    view = fwin.canvas
    centre = view.viewport().rect().center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre + QPoint(2, 2))
    qtbot.waitUntil(lambda: len(fwin.scan.layers.get("findings") or []) == 1)
    f = fwin.scan.layers.get("findings").records()[0]
    assert f.title == "No lamp at the gate" and f.category == "lighting" and f.checklist == item_id
    qtbot.waitUntil(lambda: lighting().text(1) == "1" and lighting().child(0).text(1) == "1")


def test_report_and_compare_jobs(fwin, qtbot, tmp_path, analysed_gpkg):
    ui = fwin.extensions["findings"]
    ui.suggest()
    out = tmp_path / "report.pdf"
    job = ui.write_report(str(out))
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=240_000):
        pass
    assert out.exists() and (tmp_path / "report-handout.pdf").exists()
    assert (tmp_path / "report.docx").exists()
    older = load_scan(analysed_gpkg)  # an earlier scan that had one more building
    buildings = older.layers.get("buildings")
    frame = buildings.data
    extra = frame.iloc[[0]].copy()
    extra["osm_id"] = "w1"
    extra["geometry"] = [older.site.point.buffer(4).envelope]
    import geopandas as gpd
    import pandas as pd

    buildings.data = gpd.GeoDataFrame(pd.concat([frame, extra]), crs=older.crs)
    from omgevingsscan.io.project import save_scan

    old_path = save_scan(older, tmp_path / "older.gpkg")
    job = ui.compare(str(old_path))
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    changes = fwin.scan.layers.get("changes")
    assert changes is not None
    assert list(zip(changes.data["what"], changes.data["change"], changes.data["ref"])) == [
        ("building", "removed", "w1")
    ]


def test_threat_context_and_contacts_are_stored(fwin, qtbot):
    ui = fwin.extensions["findings"]
    panel = ui.checklist_panel
    panel.threat.setPlainText("Letters after the council vote")
    panel.contacts.setPlainText("Police liaison; J. de Vries; +31 20 555 0101\n\n")
    ui.save_threat(panel.threat.toPlainText(), panel.contacts.toPlainText())
    path = ui.observations.editor.store.path
    stored = load_scan(path).meta["assessment"]
    assert stored["threat"] == "Letters after the council vote"
    assert stored["contacts"] == [
        {"role": "Police liaison", "name": "J. de Vries", "phone": "+31 20 555 0101"}
    ]
    ui.refresh()
    assert "J. de Vries" in panel.contacts.toPlainText()
    errors = []
    fwin.show_error = errors.append  # type: ignore[method-assign]
    ui.save_threat("x", "only a name")
    assert errors and "ROLE;NAME;PHONE" in errors[0]
    assert load_scan(path).meta["assessment"]["threat"] == "Letters after the council vote"
