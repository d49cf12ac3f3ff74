"""``make bench`` runs every benchmark, each in its own process with its own peak memory.

Before, the runner executed the modules in its own process: the first ``sys.exit(main())``
(bench_network) ended it, and every row reported the runner's peak memory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_EXITS = """
import sys

def main() -> int:
    print("ran a")
    return 0

if __name__ == "__main__":
    sys.exit(main())
"""
_BIG = """
def main(argv=None) -> int:
    block = bytearray(300 * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])
    print("ran b", len(block))
    return 0
"""


def test_runner_runs_all_and_measures_each_child(tmp_path: Path) -> None:
    pkg = tmp_path / "bench"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    shutil.copy(ROOT / "bench" / "__main__.py", pkg / "__main__.py")
    (pkg / "bench_a.py").write_text(_EXITS)
    (pkg / "bench_b.py").write_text(_BIG)
    run = subprocess.run(
        [sys.executable, "-m", "bench"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert "ran a" in run.stdout and "ran b" in run.stdout
    peaks = {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"--- (bench_\w+): exit 0, [\d.]+ s, peak memory (\d+) MB", run.stdout)
    }
    assert set(peaks) == {"bench_a", "bench_b"}
    assert peaks["bench_b"] > 300 > peaks["bench_a"]
