"""The command-line front end: the same operations as the GUI, headless.

Each sub-command lives in its own module under :mod:`omgevingsscan.commands` and
registers itself with :func:`register`. Errors the user caused print one line on
stderr and exit with status 2; the open scan file is never changed by a failure.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from omgevingsscan.errors import OmgevingsscanError

#: Modules under omgevingsscan.commands that add sub-commands, in help order.
COMMAND_MODULES = (
    "scan",
    "gui",
    "observations",
    "network",
    "export",
    "visibility",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="omgevingsscan",
        description="Security environment scans around a site, from OpenStreetMap data.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"omgevingsscan.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 bad input, 1 unexpected failure)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["gui"]
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except OmgevingsscanError as exc:
        # One line, even when the message quotes user text with line breaks.
        print(f"omgevingsscan: error: {' '.join(str(exc).splitlines())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("omgevingsscan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`... | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
