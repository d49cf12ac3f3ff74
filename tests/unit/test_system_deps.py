"""tools/system_deps.sh installs python3-venv where ``python3 -m venv`` cannot work."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "system_deps.sh"


def _fake(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)


def _run(tmp_path: Path, has_ensurepip: bool) -> str:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    log = tmp_path / "apt.log"
    log.write_text("")
    _fake(bin_dir, "apt-get", f'echo "$@" >> {log}\n')
    _fake(bin_dir, "dpkg-query", "exit 1\n")  # nothing installed
    _fake(bin_dir, "id", "echo 0\n")
    _fake(bin_dir, "python3", "exit 0\n" if has_ensurepip else "exit 1\n")
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)}
    env.pop("PYTHON", None)
    subprocess.run(["bash", str(SCRIPT)], env=env, check=True, timeout=60)
    return log.read_text()


def test_python3_venv_when_missing(tmp_path: Path) -> None:
    assert "python3-venv" in _run(tmp_path, has_ensurepip=False)
    assert "python3-venv" not in _run(tmp_path, has_ensurepip=True)
    assert os.access(SCRIPT, os.X_OK)
