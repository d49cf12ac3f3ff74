"""``omgevingsscan gui [SCAN] [--screenshot out.png --size WxH]``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``gui`` sub-command."""
    p = sub.add_parser("gui", help="open the app (the demo scan when no scan is given)")
    p.add_argument("scan", nargs="?", help="scan file (.gpkg) to open")
    p.add_argument("--screenshot", help="save a PNG of the window once the map is drawn, then exit")
    p.add_argument("--size", default="1600x1000", help="window size for --screenshot, WxH pixels")
    p.add_argument("--lang", help="UI language: en or nl")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the Qt application (imported lazily so the CLI needs no display)."""
    from omgevingsscan.ui.app import run_app

    return run_app(args.scan, screenshot=args.screenshot, size=args.size, lang=args.lang)
