"""Hostile text typed into posts, sightings and annotations never runs anywhere it goes.

The strings go into the scan through the same editor the app uses, then out through
every export (HTML, KML, CSV, PDF, the report). The HTML is loaded in headless Chromium
(no network): no dialog opens, no script runs, and every popup and label, parsed the way
Leaflet shows it, adds no element: the text stays text. The KML parses and gives the
strings back; CSV cells that a spreadsheet would run as formulas are neutralised; the
PDFs carry no JavaScript and show the text as it was typed.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from shapely.geometry import Point

from omgevingsscan.cli import main
from omgevingsscan.editing import ObservationEditor
from omgevingsscan.layers.annotations import Annotation
from tests.unit.test_export_html import CHROMIUM, Browser, needs_chromium

#: Canary: any of these that runs sets window.__pwned (or opens a dialog).
HOSTILE = [
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    "]]><evil>x</evil><![CDATA[",
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    '@HYPERLINK("http://example.invalid")',
    "\u202egnp.exe \u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd",  # RTL override, Arabic, Hebrew
    "\"'><svg onload=window.__pwned=3>",
]
LONG = "A" * 4990 + "<b>x</b>"  # near the 5000-character limit of a description
FORMULA_START = ("=", "+", "-", "@")


@pytest.fixture(scope="module")
def hostile_scan(demo_gpkg, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = Path(shutil.copy(demo_gpkg, tmp_path_factory.mktemp("hostile") / "scan.gpkg"))
    editor = ObservationEditor.open(path)
    cx, cy = editor.scan.study_area.centre
    for i, text in enumerate(HOSTILE):
        name = f"{text[:90]} {i}"
        editor.place_post(
            Point(cx + 10 * i, cy + 20), name, observer=text[:200], notes=text, range_m=50
        )
        editor.add_sighting(
            Point(cx - 10 * i, cy - 20),
            post=name,
            description=text,
            plate="AB-12-CD",
            colour=text[:50],
        )
        editor.add_annotation(
            Annotation(geometry=Point(cx + 5 * i, cy - 40), kind="label", text=text, notes=text)
        )
    editor.add_sighting(Point(cx, cy), description=LONG)
    editor.close()
    return path


def test_too_long_text_is_refused_not_truncated(hostile_scan, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["add-sighting", str(hostile_scan), "--at", "52.3677,4.9002", "--description",
                 "x" * 10_000])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "at most 5000" in err and err.count("\n") == 1


@pytest.fixture(scope="module")
def exports(hostile_scan, tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("exports")
    files = {k: out / f"x.{k}" for k in ("html", "kml", "csv", "pdf")}
    code = main(
        ["export", str(hostile_scan), *[a for k, p in files.items() for a in (f"--{k}", str(p))]]
    )
    assert code == 0
    files["report"] = out / "report.pdf"
    assert main(["report", str(hostile_scan), "--out", str(files["report"])]) == 0
    files["sightings_csv"] = out / "sightings.csv"
    assert main(["sightings", str(hostile_scan), "--csv", str(files["sightings_csv"])]) == 0
    return files


def test_kml_parses_and_keeps_the_text(exports) -> None:  # type: ignore[no-untyped-def]
    root = ET.parse(exports["kml"]).getroot()
    texts = "\n".join(t for t in root.itertext())
    for text in HOSTILE:
        assert text in texts
    assert not any(el.tag.endswith("evil") for el in root.iter())


@pytest.mark.parametrize("which", ["csv", "sightings_csv"])
def test_csv_cells_do_not_start_formulas(exports, which) -> None:  # type: ignore[no-untyped-def]
    text = exports[which].read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    cells = [c for row in rows[1:] for c in row]
    assert any("cmd|' /C calc'!A0" in c for c in cells)
    for cell in cells:
        if cell and cell[0] in FORMULA_START:
            # Only plain numbers (negative coordinates) may start with "-".
            float(cell)


@pytest.mark.parametrize("which", ["pdf", "report"])
def test_pdfs_carry_no_script_and_show_the_text(exports, which) -> None:  # type: ignore[no-untyped-def]
    data = exports[which].read_bytes()
    assert data.startswith(b"%PDF")
    for marker in (b"/JavaScript", b"/JS ", b"/Launch", b"/OpenAction"):
        assert marker not in data
    if which == "report" and shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(exports[which]), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "<script>window.__pwned=1;alert(1)</script>" in text.replace("\n", "")


_PROBE = r"""
(() => {
  const maps = [];
  for (const k of Object.keys(window)) {
    try { if (window[k] instanceof L.Map) maps.push(window[k]); } catch (e) {}
  }
  let parsed = 0, extra = 0, shown = [];
  const box = document.createElement('div');
  const look = (content) => {
    if (content == null) return;
    const html = (content instanceof HTMLElement) ? content.outerHTML : String(content);
    box.innerHTML = html;            // the way Leaflet shows popups and tooltips
    parsed += 1;
    extra += box.querySelectorAll('script,img,svg,iframe,object,embed,evil').length;
    shown.push(box.textContent);
  };
  for (const map of maps) {
    map.eachLayer((layer) => {
      const tip = layer.getTooltip && layer.getTooltip();
      if (tip) look(tip.getContent());
      const pop = layer.getPopup && layer.getPopup();
      if (!pop) return;
      const content = pop.getContent();
      if (typeof content !== 'function') { look(content); return; }
      if (layer.eachLayer) layer.eachLayer((child) => look(content(child)));
      else look(content(layer));
    });
  }
  return JSON.stringify({
    maps: maps.length, parsed, extra, pwned: window.__pwned || 0,
    scripts: document.querySelectorAll('script').length,
    bad: document.querySelectorAll('evil,img[src="x"],svg[onload]').length,
    text: shown.join('\n') + '\n' + document.body.textContent,
  });
})()
"""


@needs_chromium
def test_html_runs_nothing_in_a_browser(exports) -> None:  # type: ignore[no-untyped-def]
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        browser = Browser(CHROMIUM, Path(profile))
        try:
            targets = browser.send("Target.getTargets")["targetInfos"]
            page = next(t for t in targets if t["type"] == "page")
            session = browser.send(
                "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}
            )["sessionId"]
            for domain in ("Page.enable", "Runtime.enable"):
                browser.send(domain, session=session)
            url = exports["html"].resolve().as_uri()
            browser.send("Page.navigate", {"url": url}, session=session)
            browser.wait_for("Page.loadEventFired")
            browser.drain(1.0)
            result = json.loads(
                browser.send(
                    "Runtime.evaluate",
                    {"expression": _PROBE, "returnByValue": True},
                    session=session,
                )["result"]["value"]
            )
            browser.drain(1.0)  # an onerror handler would fire now
            pwned = browser.send(
                "Runtime.evaluate",
                {"expression": "window.__pwned || 0", "returnByValue": True},
                session=session,
            )["result"]["value"]
        finally:
            browser.close()
    dialogs = [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    assert dialogs == [] and pwned == 0 and result["pwned"] == 0
    assert result["maps"] == 1 and result["parsed"] > 0
    assert result["extra"] == 0 and result["bad"] == 0
    # The text is shown as typed (the probe found it as text, not as markup).
    assert "<script>window.__pwned=1;alert(1)</script>" in result["text"]
    assert "]]><evil>x</evil><![CDATA[" in result["text"]
