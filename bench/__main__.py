"""Run every benchmark in turn: ``.venv/bin/python -m bench [NAME ...]`` (or ``make bench``).

Each benchmark module has a ``main()`` function. The runner starts every benchmark in
its own child process (``python -m bench --one NAME``, which imports the module and
calls its ``main``), so one benchmark's ``sys.exit`` or crash cannot stop the others,
and the peak memory printed after each is that child's own (``ru_maxrss`` from
``os.wait4``), not the runner's.
"""

from __future__ import annotations

import importlib
import inspect
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent


def benchmark_names() -> list[str]:
    """The benchmark modules (``bench_*.py``), sorted."""
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def run_one(name: str) -> int:
    """Import ``bench.NAME`` and call its ``main()`` (with no arguments); return its status."""
    module = importlib.import_module(f"bench.{name}")
    func = module.main
    params = inspect.signature(func).parameters
    result = func([]) if params else func()
    return int(result or 0)


def run_child(name: str) -> tuple[int, float, float]:
    """Run one benchmark in a child process; return (status, seconds, peak RSS in MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bench", "--one", name], cwd=HERE.parent)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return proc.returncode, seconds, usage.ru_maxrss / scale


def main(argv: list[str] | None = None) -> int:
    """Run the chosen (default: all) benchmarks, each in its own process; print a summary."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--one"]:
        return run_one(args[1])
    names = benchmark_names()
    wanted = args or names
    rows = []
    for name in names:
        if name not in wanted and name.removeprefix("bench_") not in wanted:
            continue
        print(f"\n=== {name} ===", flush=True)
        code, seconds, peak = run_child(name)
        print(f"--- {name}: exit {code}, {seconds:.1f} s, peak memory {peak:.0f} MB", flush=True)
        rows.append((name, code, seconds, peak))
    print("\n| benchmark | exit | wall time (s) | peak memory of its process (MB) |")
    print("|---|---:|---:|---:|")
    for name, code, seconds, peak in rows:
        print(f"| {name} | {code} | {seconds:.1f} | {peak:.0f} |")
    return max((code for _, code, _, _ in rows), default=0)


if __name__ == "__main__":
    sys.exit(main())
