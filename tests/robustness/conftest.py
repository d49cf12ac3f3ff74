"""Scans unlike the demo, built once per session, and the rule every robustness case obeys.

The rule (issue 10, issue 14): a command exits 0, or exits 2 with one line on stderr;
never a traceback, never a hang, and the input files are byte-identical afterwards.
:func:`check_cli` runs the CLI in-process (``omgevingsscan.cli.main``) under a time
limit and checks it; :func:`check_subprocess` does the same in a child process, for
inputs that might crash or hang the C libraries. Every checked case is counted and the
count is printed at the end of the session ("robustness: N cases").
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from omgevingsscan.cli import main
from tests.conftest import DEMO_PBF, TOWNHALL
from tests.robustness._osmdata import OPEN_SITE, open_land_town, tiled_copy

#: Seconds one in-process case may take before it counts as a hang (the 3000 m exposure
#: needs about 100 s on a loaded 2-core machine).
CASE_TIMEOUT_S = 600
_COUNT = {"cases": 0, "seconds": 0.0}


def _digest(path: Path) -> str:
    if path.is_dir():
        return "dir"
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Outcome:
    code: int
    out: str
    err: str


class CaseTimeout(Exception):
    """A case ran longer than its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise CaseTimeout in the main thread when the block runs longer than ``seconds``."""

    def _alarm(_sig: int, _frame: object) -> None:
        raise CaseTimeout(f"case took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def check_outcome(argv: Iterable[str], code: int, err: str, allowed: tuple[int, ...]) -> None:
    """Exit 0 (when allowed), or 2 with its error on one line; no traceback."""
    assert "Traceback" not in err, f"{list(argv)}: traceback\n{err}"
    assert code in allowed, f"{list(argv)}: exit {code}, expected {allowed}\n{err}"
    if code == 2:
        lines = [ln for ln in err.splitlines() if ln.strip()]
        errors = [ln for ln in lines if ln.startswith("omgevingsscan: error:")]
        # argparse's own errors print the usage first; ours are one line.
        assert errors or any("error:" in ln for ln in lines), f"{list(argv)}: no error line\n{err}"
        if errors:
            assert len(errors) == 1 and lines[-1] == errors[0], f"{list(argv)}: {err!r}"


def check_cli(
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    *,
    inputs: Iterable[Path] = (),
    allowed: tuple[int, ...] = (0, 2),
    timeout: float = CASE_TIMEOUT_S,
) -> Outcome:
    """Run ``omgevingsscan ARGV`` in-process and check the robustness rule."""
    files = [Path(p) for p in inputs]
    before = {p: _digest(p) for p in files if p.exists()}
    capsys.readouterr()
    start = time.perf_counter()
    with time_limit(timeout):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse refuses the arguments
            code = exc.code if isinstance(exc.code, int) else 2
    _COUNT["cases"] += 1
    _COUNT["seconds"] += time.perf_counter() - start
    out, err = capsys.readouterr()
    check_outcome(argv, code, err, allowed)
    for p, digest in before.items():
        assert _digest(p) == digest, f"{argv}: {p.name} changed"
    return Outcome(code, out, err)


def check_subprocess(
    argv: list[str],
    *,
    inputs: Iterable[Path] = (),
    allowed: tuple[int, ...] = (0, 2),
    timeout: float = 120,
    cwd: Path | None = None,
) -> Outcome:
    """Run ``omgevingsscan ARGV`` in a child process (contains crashes and hangs)."""
    files = [Path(p) for p in inputs]
    before = {p: _digest(p) for p in files if p.exists()}
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "omgevingsscan", *map(str, argv)],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=cwd,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{argv}: no answer within {timeout} s")
    _COUNT["cases"] += 1
    _COUNT["seconds"] += time.perf_counter() - start
    assert proc.returncode >= 0, f"{argv}: killed by signal {-proc.returncode}\n{proc.stderr}"
    check_outcome(argv, proc.returncode, proc.stderr, allowed)
    for p, digest in before.items():
        assert _digest(p) == digest, f"{argv}: {p.name} changed"
    return Outcome(proc.returncode, proc.stdout, proc.stderr)


def count_case() -> None:
    """Count a case checked without the CLI (an API call under the same rule)."""
    _COUNT["cases"] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many robustness cases ran."""
    if _COUNT["cases"]:
        terminalreporter.write_line(
            f"robustness: {_COUNT['cases']} cases "
            f"({_COUNT['seconds']:.0f} s in the commands under test)"
        )


# -- the scans --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScanCase:
    """A scan file and points in it for the commands: site, a near point, a far point."""

    name: str
    path: Path
    site: tuple[float, float]
    near: tuple[float, float]
    far: tuple[float, float]

    def at(self, which: str, height: float | None = None) -> str:
        lat, lon = getattr(self, which)
        text = f"{lat:.7f},{lon:.7f}"
        return text if height is None else f"{text}@{height:g}"


def _new(osm: Path, site: tuple[float, float], radius: float, out: Path) -> Path:
    code = main(
        [
            *("new", "--osm", str(osm), "--site", f"{site[0]},{site[1]}"),
            *("--radius", f"{radius:g}", "--name", out.stem, "--out", str(out)),
        ]
    )
    assert code == 0, f"could not build {out.name}"
    return out


def _add_posts(path: Path, points: list[tuple[float, float]]) -> None:
    for i, (lat, lon) in enumerate(points):
        args = ["add-post", str(path), "--at", f"{lat:.7f},{lon:.7f}", "--name", f"Post {i + 1}"]
        if i == 1:
            args += ["--direction", "90", "--fov", "120", "--height-kind", "floor", "--height", "6"]
        assert main(args) == 0


def _offset(point: tuple[float, float], dlat: float, dlon: float) -> tuple[float, float]:
    return point[0] + dlat, point[1] + dlon


@pytest.fixture(scope="session")
def scan_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ScanCase]:
    """The four scans of issue 14: demo, 50 m, 3000 m (tiled demo), no buildings.

    Each holds two observation posts (one all-round, one directed from a first floor),
    so coverage and the report have something to assess. Built once per session.
    """
    folder = tmp_path_factory.mktemp("scans")
    cases: dict[str, ScanCase] = {}
    near = _offset(TOWNHALL, 0.0012, -0.0015)
    far = _offset(TOWNHALL, 0.0030, -0.0060)
    demo = _new(DEMO_PBF, TOWNHALL, 500, folder / "demo.gpkg")
    cases["demo"] = ScanCase("demo", demo, TOWNHALL, near, far)
    small = _new(DEMO_PBF, TOWNHALL, 50, folder / "r50.gpkg")
    cases["r50"] = ScanCase("r50", small, TOWNHALL, _offset(TOWNHALL, 0.0002, -0.0002), near)
    tiled = folder / "tiled.osm.pbf"
    w, s, e, n = tiled_copy(DEMO_PBF, tiled, 3)
    # The town hall of the middle tile.
    centre = (TOWNHALL[0] + (n - s) / 3, TOWNHALL[1] + (e - w) / 3)
    big = _new(tiled, centre, 3000, folder / "r3000.gpkg")
    cases["r3000"] = ScanCase(
        "r3000", big, centre, _offset(centre, 0.0012, -0.0015), _offset(centre, -0.009, -0.012)
    )
    fields = open_land_town(folder / "fields.osm", buildings=False)
    empty = _new(fields, OPEN_SITE, 500, folder / "no_buildings.gpkg")
    cases["no_buildings"] = ScanCase(
        "no_buildings",
        empty,
        OPEN_SITE,
        _offset(OPEN_SITE, 0.0009, 0.0),
        _offset(OPEN_SITE, 0.0027, 0.0044),
    )
    for case in cases.values():
        _add_posts(case.path, [case.near, _offset(case.site, -0.0004, 0.0003)])
        # A saved route and a sighting, so GPX and CSV have something to export.
        route = ["route", str(case.path), "--from", case.at("near"), "--to", case.at("far")]
        main([*route, "--save"])
        main(["add-sighting", str(case.path), "--at", case.at("near"), "--description", "test"])
    return cases


@pytest.fixture
def scan_copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Return a function that copies a scan into the test's folder."""

    def _copy(path: Path) -> Path:
        return Path(shutil.copy(path, tmp_path / path.name))

    return _copy
