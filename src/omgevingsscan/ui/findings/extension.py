"""The findings extension: Findings and Checklist docks, a Findings menu, the place-a-
finding map tool, suggestions, the report (with handout and Word copy) and the
comparison with an earlier scan. Edits go through the observations extension's editor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog, QMenu
from shapely.geometry import Point

from omgevingsscan.analysis.findings import (
    SuggestOptions,
    diff_scans,
    load_checklist,
    suggest_findings,
)
from omgevingsscan.analysis.findings import workflow as wf
from omgevingsscan.export.report import ReportOptions
from omgevingsscan.export.report.docx import write_docx
from omgevingsscan.export.report.handout import write_handout
from omgevingsscan.export.snapshot import snapshot_scan
from omgevingsscan.io.assessment import parse_contact, update_assessment, write_assessment
from omgevingsscan.io.project import load_scan
from omgevingsscan.layers.base import VectorLayer
from omgevingsscan.layers.findings import FindingsLayer, MeasuresLayer
from omgevingsscan.render.report_maps import QtMapRenderer, export_report
from omgevingsscan.scan import Scan
from omgevingsscan.ui.common import make_action
from omgevingsscan.ui.findings.forms import FindingDialog, MeasureDialog
from omgevingsscan.ui.findings.panel import ChecklistPanel, FindingsPanel
from omgevingsscan.ui.main_window import MainWindow
from omgevingsscan.ui.tool_base import MapToolBase


def install(window: MainWindow) -> FindingsUI:
    """Add the findings docks, menu and tool to ``window``."""
    return FindingsUI(window)


class PlaceFinding(MapToolBase):
    """One click places a finding: the form opens with the preset category."""

    def __init__(self, host: FindingsUI) -> None:
        super().__init__(host)
        self.ui = host
        self.preset: dict[str, Any] = {}

    def hint(self) -> str:
        return self.tr("Click where the finding is. Esc cancels.")

    def press(self, x: float, y: float, event: QMouseEvent) -> bool:
        return True

    def click(self, x: float, y: float, event: QMouseEvent) -> bool:
        self.leave()
        self.ui.add_at(Point(x, y), **self.preset)
        return True


class FindingsUI(QObject):
    """Findings, measures, checklist, suggestions, report and diff in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.scan: Scan | None = None
        self._links: list[tuple[Any, Any]] = []
        self.panel = FindingsPanel()
        self.checklist_panel = ChecklistPanel()
        self.dock = self._dock(self.tr("Findings"), "findings-dock", self.panel)
        self.checklist_dock = self._dock(
            self.tr("Checklist"), "checklist-dock", self.checklist_panel
        )
        sightings = window.findChild(QDockWidget, "sightings-dock")
        if sightings is not None:  # share the bottom area with the sightings log, as tabs
            window.tabifyDockWidget(sightings, self.dock)
        window.tabifyDockWidget(self.dock, self.checklist_dock)
        if sightings is not None:
            sightings.raise_()
        self.tool = PlaceFinding(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.panel.action.connect(self._on_action)
        self.checklist_panel.add_for.connect(self._add_for_item)
        self.checklist_panel.threat_saved.connect(self.save_threat)
        menu = QMenu(self.tr("F&indings"), window.menuBar())
        window.menuBar().insertMenu(window.settings_menu.menuAction(), menu)
        self.act_place = make_action(self, self.tr("&Place a finding"), self.start_tool, "F")
        self.act_suggest = make_action(
            self, self.tr("&Suggest findings from the analyses"), self.suggest
        )
        self.act_report = make_action(
            self, self.tr("Write &report, handout and Word copy…"), self.write_report
        )
        self.act_diff = make_action(self, self.tr("&Compare with an earlier scan…"), self.compare)
        for act in (self.act_place, self.act_suggest, self.act_report, self.act_diff):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())
        menu.addAction(self.checklist_dock.toggleViewAction())
        window.scan_loaded.connect(self._on_scan_loaded)
        window.scan_closing.connect(self._on_scan_closing)
        self._enable(False)

    def _dock(self, title: str, name: str, widget: Any) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _enable(self, on: bool) -> None:
        for act in (self.act_place, self.act_suggest, self.act_report, self.act_diff):
            act.setEnabled(on)

    # -- scan lifecycle -------------------------------------------------------------------------
    @property
    def observations(self) -> Any:
        """The observations extension (owner of the editor)."""
        return self.window.extensions["observations"]

    def language(self) -> str:
        """ "nl" or "en": the UI language."""
        lang = self.window.settings.language or QLocale().name()[:2]
        return "nl" if lang.startswith("nl") else "en"

    def _on_scan_loaded(self, scan: Scan) -> None:
        self.scan = scan
        self._enable(True)
        for kind in ("findings", "measures"):
            layer = scan.layers.get(kind)
            if layer is not None:
                self._follow(layer)
        scan.layers.events.inserted.connect(self._on_layer_inserted)
        self._links.append((scan.layers.events.inserted, self._on_layer_inserted))
        self.refresh()

    def _on_layer_inserted(self, *args: Any) -> None:
        layer = args[-1]
        if isinstance(layer, (FindingsLayer, MeasuresLayer)):
            self._follow(layer)
            self._refresh_timer.start()

    def _follow(self, layer: Any) -> None:
        layer.events.data.connect(self._soon)
        self._links.append((layer.events.data, self._soon))

    def _soon(self, *_: Any) -> None:
        self._refresh_timer.start()

    def _on_scan_closing(self, _scan: Scan) -> None:
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links = []
        self.scan = None
        self._enable(False)
        self.panel.set_layers(None)
        self.checklist_panel.show_checklist(None, [], "en", "")

    def refresh(self) -> None:
        """Show the scan's findings, measures and checklist."""
        scan = self.scan
        if scan is None:
            return
        layer, measures = scan.layers.get("findings"), scan.layers.get("measures")
        self.panel.set_layers(
            layer if isinstance(layer, FindingsLayer) else FindingsLayer("findings", crs=scan.crs),
            measures if isinstance(measures, MeasuresLayer) else None,
        )
        findings = list(layer) if isinstance(layer, FindingsLayer) else []
        data = scan.meta.get("assessment") or {}
        lang = self.language()
        self.checklist_panel.show_checklist(
            load_checklist(scan.site.kind),
            findings,
            lang,
            str(data.get("threat", "")),
            list(data.get("contacts") or []),
        )

    def tool_left(self, tool: Any) -> None:
        """The place tool stopped."""

    # -- edits ----------------------------------------------------------------------------------
    def start_tool(self, **preset: Any) -> None:
        """Click the map to place a finding."""
        self.tool.preset = dict(preset)
        self.window.canvas.set_tool(self.tool)

    def _add_for_item(self, item_id: str, category: str) -> None:
        self.start_tool(category=category, checklist=item_id)

    def add_at(self, point: Point, **preset: Any) -> None:
        """Ask for a finding's attributes and record it at ``point`` (map metres)."""
        checklist = preset.pop("checklist", "")
        dialog = FindingDialog(self.window, **preset)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self.observations.edit(lambda ed: wf.add_finding(ed, point, checklist=checklist, **values))

    def _on_action(self, key: str) -> None:
        if key == "add":
            self.start_tool()
        elif key == "suggest":
            self.suggest()
        f = self.panel.current()
        if f is None:
            return
        obs = self.observations
        if key in ("accept", "reject"):
            status = "accepted" if key == "accept" else "rejected"
            obs.edit(lambda ed: wf.accept(ed, f, status))
        elif key == "edit":
            dialog = FindingDialog(self.window, f)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                values = dialog.values()
                obs.edit(lambda ed: ed.update(wf.findings_layer(ed), f.uuid, **values))
        elif key == "measure":
            self.add_measure(f.uuid)
        elif key == "photo":
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Photo of the finding"),
                "",
                self.tr("Images (*.jpg *.jpeg *.png)"),
            )
            if path:
                obs.edit(lambda ed: wf.add_photo(ed, f, path))
        elif key == "delete":
            obs.edit(lambda ed: ed.delete(wf.findings_layer(ed), f.uuid))

    def add_measure(self, uuid: str) -> None:
        """Ask for a measure answering finding ``uuid`` (and others checked)."""
        layer = self.scan.layers.get("findings") if self.scan is not None else None
        if not isinstance(layer, FindingsLayer):
            return
        dialog = MeasureDialog(self.window, layer.counted(), {uuid})
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen, values = dialog.chosen(), dialog.values()
        self.observations.edit(
            lambda ed: wf.add_measure(ed, [wf.find(ed, u) for u in chosen], **values)
        )

    def suggest(self) -> int:
        """Store the suggestions of the analyses in the scan (status "suggested")."""
        if self.scan is None:
            return 0
        found = suggest_findings(self.scan, SuggestOptions(language=self.language()))
        if found:
            self.observations.edit(lambda ed: wf.accept_all(ed, found, "suggested"))
            self.panel.status_filter.setCurrentIndex(self.panel.status_filter.findData("suggested"))
        self.window.statusBar().showMessage(
            self.tr("{0} new suggested findings.").format(len(found)), 8000
        )
        return len(found)

    def save_threat(self, text: str, contacts: str = "") -> None:
        """Store the threat context and the contacts ("role; name; phone" per line) in the
        scan (and its file, when it has one)."""
        if self.scan is None:
            return
        try:
            people = [parse_contact(line) for line in contacts.splitlines() if line.strip()]
            data = update_assessment(self.scan.meta, threat=text, contacts=people)
            editor = self.observations.editor
            if editor is not None and editor.store is not None:
                write_assessment(editor.store.path, data)
        except (ValueError, OSError) as exc:
            self.window.show_error(str(exc))
            return
        self.scan.meta["assessment"] = data
        self.window.statusBar().showMessage(self.tr("Threat context and contacts saved."), 5000)

    # -- report and diff ------------------------------------------------------------------------
    def write_report(self, path: str = "") -> Any:
        """Write the report PDF, the police handout and the Word copy (background job)."""
        if self.scan is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Write report"), "", self.tr("PDF (*.pdf)")
            )
            if not path:
                return None
        names = [layer.name for layer in self.scan.layers if isinstance(layer, VectorLayer)]
        snap = snapshot_scan(self.scan, names, keep_visibility=True)
        options = ReportOptions(language=self.language())
        out = Path(path)
        handout = out.with_name(out.stem + "-handout.pdf")
        word = out.with_suffix(".docx")

        def task(progress: Any, cancelled: Any) -> list[Path]:
            export_report(snap, out, options, progress=progress, cancelled=cancelled)
            write_handout(snap, handout, options, QtMapRenderer())
            write_docx(snap, word, options, QtMapRenderer())
            return [out, handout, word]

        return self.window.run_job(task, self.tr("Writing the report"), self._written)

    def _written(self, paths: list[Path]) -> None:
        self.window.statusBar().showMessage(
            self.tr("Written: {0}").format(", ".join(p.name for p in paths)), 10000
        )

    def compare(self, path: str = "") -> Any:
        """Compare the scan with an earlier one and show the changes as a map layer."""
        if self.scan is None:
            return None
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Earlier scan"), "", self.tr("Scan (*.gpkg)")
            )
            if not path:
                return None
        current = self.scan

        def task(progress: Any, cancelled: Any) -> Any:
            progress(0.1, "Reading the earlier scan")
            old = load_scan(path)
            return diff_scans(old, current, old_name=Path(path).name)

        return self.window.run_job(task, self.tr("Comparing scans"), self._show_diff)

    def _show_diff(self, diff: Any) -> None:
        if self.scan is None:
            return
        layer = diff.layer(self.scan.crs)
        old = self.scan.layers.get(layer.name)
        if old is not None:
            self.scan.layers.remove(old)
        self.scan.layers.append(layer)
        self.window.statusBar().showMessage(
            self.tr("{0} changes since {1}.").format(len(diff.changes), diff.old), 10000
        )

    def close(self) -> None:
        """Nothing to release beyond the scan links."""
        if self.scan is not None:
            self._on_scan_closing(self.scan)
