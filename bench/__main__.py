"""Run every benchmark in turn: ``.venv/bin/python -m bench`` (or ``make bench``)."""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent


def main() -> int:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    wanted = sys.argv[1:] or names
    for name in names:
        if name not in wanted and name.removeprefix("bench_") not in wanted:
            continue
        print(f"\n=== {name} ===", flush=True)
        runpy.run_module(f"bench.{name}", run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
