"""File → Export…: the live preview follows the options, and exports write their files."""

from __future__ import annotations

from PySide6.QtCore import Qt

from omgevingsscan.ui.export import ExportDialog


def _dialog(window, qtbot) -> ExportDialog:
    actions = {a.text(): a for a in window.file_menu.actions()}
    assert "&Export…" in actions and actions["&Export…"].isEnabled()
    actions["&Export…"].trigger()
    dialog = window.extensions["export"].dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull(), timeout=10_000)
    return dialog


def _wait_job(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.job is None, timeout=60_000)


def test_preview_updates_when_the_paper_changes(window, qtbot):
    dialog = _dialog(window, qtbot)
    first = dialog.preview.pixmap().toImage()
    assert first.width() == 420 and first.height() == 594  # A4 portrait

    with qtbot.waitSignal(dialog.preview_updated, timeout=5000):
        dialog.orientation.setCurrentIndex(1)  # landscape
    landscape = dialog.preview.pixmap().toImage()
    assert (landscape.width(), landscape.height()) == (420, 297)

    with qtbot.waitSignal(dialog.preview_updated, timeout=5000):
        dialog.paper.setCurrentText("A3")
    a3 = dialog.preview.pixmap().toImage()
    # Same shape (ISO paper), other page: more ground at the same frame, other type sizes.
    assert (a3.width(), a3.height()) == (420, 297)
    assert a3 != landscape

    with qtbot.waitSignal(dialog.preview_updated, timeout=5000):
        dialog.scale.setCurrentIndex(0)  # 1:500
    assert dialog.preview.pixmap().toImage() != a3


def test_unchecked_layers_leave_the_preview_and_the_export(window, qtbot):
    dialog = _dialog(window, qtbot)
    before = dialog.preview.pixmap().toImage()
    item = next(
        dialog.layers.item(i)
        for i in range(dialog.layers.count())
        if dialog.layers.item(i).data(Qt.ItemDataRole.UserRole) == "buildings"
    )
    with qtbot.waitSignal(dialog.preview_updated, timeout=5000):
        item.setCheckState(Qt.CheckState.Unchecked)
    assert "buildings" not in dialog.chosen_layers()
    assert dialog.preview.pixmap().toImage() != before
    assert window.scan.layer("buildings").visible  # the scan itself is untouched


def test_a_scale_that_empties_the_map_is_explained_in_the_preview(window, qtbot):
    dialog = _dialog(window, qtbot)
    dialog.frame.setCurrentIndex(1)  # current view
    dialog._view = (0.0, 0.0, 10.0, 10.0)  # a view far from the study area
    with qtbot.waitSignal(dialog.preview_updated, timeout=5000):
        dialog.scale.setCurrentIndex(0)
    assert "the map would be empty" in dialog.preview.text()
    assert not dialog.print_button.isEnabled()


def test_exporting_writes_the_files(window, qtbot, tmp_path):
    dialog = _dialog(window, qtbot)
    dialog.classification.setCurrentText("VERTROUWELIJK")

    pdf = tmp_path / "map.pdf"
    dialog.print_path.setText(str(pdf))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        dialog.print_button.click()
    assert done.args[0] == [pdf]
    assert pdf.read_bytes().startswith(b"%PDF")
    _wait_job(window, qtbot)

    dialog.format.setCurrentIndex(1)  # PNG
    dialog.dpi.setValue(100)
    png = tmp_path / "map.png"
    assert dialog.print_path.text().endswith("map.png")
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.print_button.click()
    assert png.read_bytes().startswith(b"\x89PNG")
    _wait_job(window, qtbot)

    dialog.html_path.setText(str(tmp_path / "map.html"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.html_button.click()
    assert "VERTROUWELIJK" in (tmp_path / "map.html").read_text(encoding="utf-8")
    _wait_job(window, qtbot)

    dialog.data_folder.setText(str(tmp_path / "data"))
    dialog.want_gpkg.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        dialog.data_button.click()
    names = {p.name for p in done.args[0]}
    assert "site.geojson" in names and any(n.endswith(".kml") for n in names)
    assert any(n.endswith(".gpkg") for n in names)
    assert all(p.exists() for p in done.args[0])
    _wait_job(window, qtbot)

    report = tmp_path / "report.pdf"
    dialog.report_path.setText(str(report))
    with qtbot.waitSignal(dialog.exported, timeout=120_000):
        dialog.report_button.click()
    assert report.read_bytes().startswith(b"%PDF")
    _wait_job(window, qtbot)
    assert window.last_error is None


def test_a_failed_export_is_reported_and_writes_nothing(window, qtbot, tmp_path):
    dialog = _dialog(window, qtbot)
    dialog.print_path.setText(str(tmp_path / "missing" / "map.pdf"))
    dialog.print_button.click()
    _wait_job(window, qtbot)
    assert window.last_error is not None and "does not exist" in window.last_error
    assert [p.name for p in tmp_path.iterdir()] == [window.scan_path.name]  # no output


def test_the_dialog_can_be_closed_and_opened_again(window, qtbot):
    first = _dialog(window, qtbot)
    first.close()
    qtbot.waitUntil(lambda: window.extensions["export"].dialog is None, timeout=5000)
    second = _dialog(window, qtbot)
    assert second is not first
    # Showing another scan closes the dialog of the old one.
    window.set_scan(window.scan, window.scan_path)
    assert window.extensions["export"].dialog is None
