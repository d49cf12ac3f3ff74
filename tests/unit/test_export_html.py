"""The offline interactive map: static checks, and a real browser with the network cut off.

The browser test drives Debian's Chromium headless over the DevTools protocol on a
pipe (``--remote-debugging-pipe``: no port, no websocket library). All network access
is blocked twice over (a proxy to nowhere and a host-resolver rule mapping every name to
nothing), and every request the page makes is recorded through ``Network`` events, so a
request that would have left the file is seen even though it cannot succeed.
"""

from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from omgevingsscan.errors import ExportError
from omgevingsscan.export.html import build_html, write_html
from omgevingsscan.export.snapshot import snapshot_scan
from tests.unit.test_export_data import analysis_scan

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium); "
    "the offline-HTML browser test needs a real browser",
)


class Browser:
    """Headless Chromium driven over the DevTools protocol on fds 3/4."""

    def __init__(self, executable: str, profile: Path) -> None:
        cmd_read, cmd_write = os.pipe()
        evt_read, evt_write = os.pipe()
        # Move the child's ends above fd 10 so dup2 onto 3 and 4 cannot clobber them.
        child_in = fcntl.fcntl(cmd_read, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(evt_write, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(cmd_read)
        os.close(evt_write)
        args = [
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            f"--user-data-dir={profile}",
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--remote-debugging-pipe",
            "--window-size=1280,900",
            "--hide-scrollbars",
            "about:blank",
        ]

        def child_fds() -> None:
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.proc = subprocess.Popen(
            args,
            close_fds=False,
            preexec_fn=child_fds,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(child_in)
        os.close(child_out)
        self._out, self._in = cmd_write, evt_read
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def _next(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            reply = self._next(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 60) -> None:
        if any(e.get("method") == method for e in self.events):
            return
        deadline = time.monotonic() + timeout
        while True:
            event = self._next(deadline)
            self.events.append(event)
            if event.get("method") == method:
                return

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._next(deadline))
        except TimeoutError:
            pass

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (OSError, EOFError, TimeoutError, RuntimeError):
            pass
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._out)
        os.close(self._in)


def open_in_chromium(path: Path) -> dict[str, Any]:
    """Load ``path`` offline; return requests, layer-control labels and a screenshot."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        browser = Browser(CHROMIUM, Path(profile))
        try:
            targets = browser.send("Target.getTargets")["targetInfos"]
            page = next(t for t in targets if t["type"] == "page")
            session = browser.send(
                "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}
            )["sessionId"]
            for domain in ("Network.enable", "Page.enable", "Runtime.enable"):
                browser.send(domain, session=session)
            browser.send("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
            browser.wait_for("Page.loadEventFired")
            browser.drain(1.5)  # late requests (tiles, fonts) would show up here
            labels = browser.send(
                "Runtime.evaluate",
                {
                    "expression": "JSON.stringify(Array.from(document.querySelectorAll("
                    "'.leaflet-control-layers-overlays label')).map(l => l.textContent.trim()))",
                    "returnByValue": True,
                },
                session=session,
            )["result"]["value"]
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
        finally:
            browser.close()
    requests = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    return {
        "requests": requests,
        "labels": json.loads(labels),
        "png": base64.b64decode(shot["data"]),
    }


@pytest.fixture(scope="module")
def html_map(demo_scan, tmp_path_factory) -> Path:
    scan = analysis_scan(demo_scan)
    out, warnings = write_html(
        scan, tmp_path_factory.mktemp("html") / "map.html", classification="VERTROUWELIJK"
    )
    assert warnings == []
    return out


def test_the_html_has_no_external_reference(html_map):
    text = html_map.read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text, re.I)
    for tag in tags:
        assert not re.search(r"\b(?:src|href)\s*=", tag, re.I), tag
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text)
    assert "L.tileLayer" not in text and "tile.openstreetmap.org" not in text
    assert "© OpenStreetMap contributors (ODbL)" in text
    assert "VERTROUWELIJK" in text


def test_untrusted_text_is_escaped(demo_scan):
    scan = snapshot_scan(demo_scan, ["site", "study_area"])
    scan.layers[0].name = "<img src=https://evil.example/x onerror=alert(1)>"
    text, _ = build_html(scan, classification="<b>x</b>")
    assert "<img src=https://evil.example" not in text
    # The layer control gets the HTML-escaped name (as a JSON string: & is \u0026), so
    # Leaflet's innerHTML shows the text instead of loading an image.
    assert "\\u0026lt;img src=https://evil.example/x onerror=alert(1)\\u0026gt;" in text
    assert "<b>x</b>" not in text and "&lt;b&gt;x&lt;/b&gt;" in text


def test_the_tile_basemap_needs_online_mode(demo_scan, tmp_path):
    with pytest.raises(ExportError, match="needs online mode"):
        write_html(demo_scan, tmp_path / "m.html", basemap=True, online_mode=False)
    assert list(tmp_path.iterdir()) == []
    text, warnings = build_html(demo_scan, ["site"], basemap=True, online_mode=True)
    assert "tile.openstreetmap.org" in text
    assert warnings and "tile server" in warnings[0]


@needs_chromium
def test_offline_map_renders_in_chromium_without_any_request(html_map, demo_scan):
    from PIL import Image

    result = open_in_chromium(html_map)
    own = html_map.resolve().as_uri()
    leaving = [u for u in result["requests"] if u != own and not u.startswith("data:")]
    assert leaving == [], f"requests left the file: {leaving}"
    assert own in result["requests"]

    expected = [
        "Green and land use",
        "Water",
        "Roads",
        "Paths and cycleways",
        "Railways and tram",
        "Barriers",
        "Buildings",
        "Addresses",
        "Security-relevant points",
        "Edge of the data",
        "Study area",
        "Site",
        "Sightlines",
        "Routes (escape routes)",
        "Sightings",
    ]
    assert result["labels"] == expected

    image = Image.open(io.BytesIO(result["png"])).convert("RGB")
    assert image.width == 1280 and image.height > 600
    rgb = np.asarray(image, dtype=int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    n = r.size
    background = ((abs(r - 220) < 6) & (abs(g - 220) < 6) & (abs(b - 220) < 6)).sum()
    water = ((b > r + 25) & (g > r + 10)).sum()
    buildings = ((r > b + 25) & (r > 140) & (r < 235)).sum()
    assert 1 - background / n > 0.3, "the map did not draw"
    assert water / n > 0.01, "no canals drawn"
    assert buildings / n > 0.04, "no buildings drawn"


@needs_chromium
def test_the_browser_check_sees_a_request_that_leaves_the_file(demo_scan, tmp_path):
    """The check can fail: a map with the online basemap asks the tile server (blocked)."""
    out, _ = write_html(
        demo_scan, tmp_path / "online.html", ["site"], basemap=True, online_mode=True
    )
    result = open_in_chromium(out)
    assert any("tile.openstreetmap.org" in u for u in result["requests"])
