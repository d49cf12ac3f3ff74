"""``omgevingsscan gui [SCAN] [--screenshot out.png --size WxH] [--lang nl]``.

Everything that can go wrong before Qt starts is checked here, so that a missing
display or a bad option gives one line and exit status 2 instead of Qt aborting the
process: ``--screenshot`` picks Qt's offscreen platform by itself, and without a display
(no ``DISPLAY``/``WAYLAND_DISPLAY`` on Linux) and without ``--screenshot`` the command
says how to get one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, MutableMapping
from importlib import resources

from omgevingsscan.errors import OmgevingsscanError
from omgevingsscan.io.safe_files import check_overwrite


class NoDisplayError(OmgevingsscanError, RuntimeError):
    """The GUI was asked for on a machine without a display."""


def available_languages() -> list[str]:
    """UI languages: English (built in) and every bundled catalogue (``omgevingsscan_XX.qm``)."""
    folder = resources.files("omgevingsscan.resources").joinpath("i18n")
    found = {
        entry.name[len("omgevingsscan_") : -len(".qm")]
        for entry in folder.iterdir()
        if entry.name.startswith("omgevingsscan_") and entry.name.endswith(".qm")
    }
    return ["en", *sorted(found - {"en"})]


def check_language(lang: str | None) -> str | None:
    """Return ``lang`` if the UI is available in it (None stays None), else raise."""
    if lang is None:
        return None
    known = available_languages()
    code = lang.strip().lower()
    if code not in known:
        raise OmgevingsscanError(
            f"language {lang!r} is not available; available: {', '.join(known)}"
        )
    return code


def choose_platform(env: MutableMapping[str, str], screenshot: bool) -> None:
    """Set ``QT_QPA_PLATFORM`` in ``env`` for this run, or raise when there is no display.

    A platform the user set is kept. With ``screenshot`` and no platform set, the
    offscreen platform is used (no display needed). On Linux without ``DISPLAY`` or
    ``WAYLAND_DISPLAY`` and without ``screenshot``, :class:`NoDisplayError` says how
    to get one.
    """
    if env.get("QT_QPA_PLATFORM"):
        platform = env["QT_QPA_PLATFORM"].split(":")[0]
        if platform == "xcb" and not env.get("DISPLAY") and not screenshot:
            raise NoDisplayError(_no_display_message(env))
        if platform == "xcb" and not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        return
    if screenshot:
        env["QT_QPA_PLATFORM"] = "offscreen"
        return
    if sys.platform.startswith("linux") and not has_display(env):
        raise NoDisplayError(_no_display_message(env))


def has_display(env: Mapping[str, str]) -> bool:
    """Whether an X11 or Wayland display is named in ``env``."""
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _no_display_message(_env: Mapping[str, str]) -> str:
    return (
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set); run it on a desktop, "
        "with `xvfb-run -a omgevingsscan gui ...`, or use --screenshot shot.png to draw "
        "it offscreen"
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``gui`` sub-command."""
    p = sub.add_parser("gui", help="open the app (the demo scan when no scan is given)")
    p.add_argument("scan", nargs="?", help="scan file (.gpkg) to open (default: the demo scan)")
    p.add_argument(
        "--screenshot",
        help="save a PNG of the window once the map is drawn, then exit; needs no display "
        "(default: open the window)",
    )
    p.add_argument("--size", default="1600x1000", help="window size for --screenshot, WxH pixels")
    p.add_argument(
        "--lang",
        help=f"UI language: {' or '.join(available_languages())} "
        "(default: the setting, else the system language)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing --screenshot file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the Qt application (imported lazily so the CLI needs no display)."""
    lang = check_language(args.lang)
    if args.screenshot:
        check_overwrite(args.screenshot, args.force)
    choose_platform(os.environ, bool(args.screenshot))
    from omgevingsscan.ui.app import run_app

    return run_app(args.scan, screenshot=args.screenshot, size=args.size, lang=lang)
