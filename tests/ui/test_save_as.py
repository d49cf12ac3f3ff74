"""Save as over another existing scan asks first, saves atomically and keeps the old file."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QFileDialog, QMessageBox


def test_save_as_asks_before_replacing(window, demo_gpkg, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.gpkg"
    shutil.copy(demo_gpkg, other)
    before = other.read_bytes()
    # The user types the name without ".gpkg": the dialog could not see it exists.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "other"), "")
    )
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, *rest):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert window.save_as() is False
    assert asked and "other.gpkg" in asked[0]
    assert other.read_bytes() == before
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert window.save_as() is True
    assert (tmp_path / "other.gpkg.bak").read_bytes() == before
    assert other.read_bytes() != before
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
