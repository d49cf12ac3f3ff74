"""The GUI without a display: --screenshot goes offscreen by itself; otherwise one line, exit 2.

Before the fix both cases ended in Qt's SIGABRT ("could not connect to display").
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from omgevingsscan.commands.gui import (
    NoDisplayError,
    available_languages,
    check_language,
    choose_platform,
)


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()}
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    return env


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "omgevingsscan.cli", *args],
        env=_headless_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check")
@pytest.mark.parametrize("args", [(), ("gui",)])
def test_no_display_one_line_exit_2(args) -> None:  # type: ignore[no-untyped-def]
    run = _cli(*args)
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1
    assert "no display" in run.stderr and "xvfb-run" in run.stderr and "--screenshot" in run.stderr


def test_screenshot_needs_no_display(demo_gpkg, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shot = tmp_path / "shot.png"
    run = _cli("gui", str(demo_gpkg), "--screenshot", str(shot), "--size", "800x600")
    assert run.returncode == 0, run.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # A second run does not replace the picture without --force.
    before = shot.read_bytes()
    run = _cli("gui", str(demo_gpkg), "--screenshot", str(shot), "--size", "800x600")
    assert run.returncode == 2 and "--force" in run.stderr
    assert shot.read_bytes() == before


def test_unavailable_language_lists_the_available_ones() -> None:
    run = _cli("gui", "--lang", "de", "--screenshot", "x.png")
    assert run.returncode == 2
    assert "'de' is not available" in run.stderr and "en, nl" in run.stderr
    assert available_languages() == ["en", "nl"]
    assert check_language("NL") == "nl" and check_language(None) is None


def test_choose_platform() -> None:
    env: dict[str, str] = {}
    choose_platform(env, screenshot=True)
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    env = {"DISPLAY": ":0"}
    choose_platform(env, screenshot=False)
    assert "QT_QPA_PLATFORM" not in env
    env = {"QT_QPA_PLATFORM": "offscreen"}
    choose_platform(env, screenshot=False)
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    env = {"QT_QPA_PLATFORM": "xcb"}
    choose_platform(env, screenshot=True)
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    if sys.platform.startswith("linux"):
        with pytest.raises(NoDisplayError):
            choose_platform({}, screenshot=False)
        with pytest.raises(NoDisplayError):
            choose_platform({"QT_QPA_PLATFORM": "xcb"}, screenshot=False)
