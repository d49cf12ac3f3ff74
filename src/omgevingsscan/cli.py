"""The command-line front end: the same operations as the GUI, headless.

Each sub-command lives in its own module under :mod:`omgevingsscan.commands` and
registers itself with :func:`register`. Errors the user caused print one line on
stderr and exit with status 2; the open scan file is never changed by a failure.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence

from omgevingsscan import __version__
from omgevingsscan.errors import OmgevingsscanError

#: Modules under omgevingsscan.commands that add sub-commands, in help order.
COMMAND_MODULES = (
    "scan",
    "gui",
    "observations",
    "merge",
    "network",
    "export",
    "visibility",
    "findings",
    "team",
    "heights",
)


class DefaultsHelpFormatter(argparse.HelpFormatter):
    """Adds "(default: X)" to an option's help unless the help already names its default.

    Options whose default is "not given" (None, off, empty) must say in their help what
    happens then; ``tests/unit/test_cli_harden.py`` checks that every option does.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if "default" in text.lower() or not action.option_strings:
            return text
        unset = action.default is None or action.default is False
        if unset or action.default in ([], "", argparse.SUPPRESS) or action.nargs == 0:
            return text
        return f"{text} (default: %(default)s)" if text else "(default: %(default)s)"


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="omgevingsscan",
        description="Security environment scans around a site, from OpenStreetMap data.",
        formatter_class=DefaultsHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"omgevingsscan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"omgevingsscan.commands.{name}").register(sub)
    for sub_parser in sub.choices.values():
        sub_parser.formatter_class = DefaultsHelpFormatter
    return parser


#: A value that starts with "-" but is numbers: "-1,3", "-33.9,18.4@2", "-0.5".
_NEGATIVE_VALUE = re.compile(r"^-\.?\d[\d.]*(\s*[,;]\s*[-+]?\.?\d[\d.]*)*(\s*@\s*[-+]?[\d.]+)?$")


def join_negative_values(argv: list[str]) -> list[str]:
    """Keep ``--minutes -1,3`` or ``--at -33.9,18.4`` as one option and its value.

    argparse takes a value that starts with "-" and is not a plain number for an option,
    and then says the option lacks its argument; written as ``--minutes=-1,3`` it is
    read as meant and checked (and rejected with a reason) by the command.
    """
    out: list[str] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        nxt = argv[i + 1] if i + 1 < len(argv) else None
        if (
            token.startswith("--")
            and "=" not in token
            and nxt is not None
            and _NEGATIVE_VALUE.match(nxt)
        ):
            out.append(f"{token}={nxt}")
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is reported with the sub-command's own usage."""
    args, extra = parser.parse_known_args(join_negative_values(argv))
    if extra:
        command = getattr(args, "command", None)
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        owner = subparsers[0].choices.get(command) if subparsers and command else None
        (owner or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 bad input, 1 unexpected failure)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["gui"]
    parser = build_parser()
    args = _parse(parser, args_list)
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
