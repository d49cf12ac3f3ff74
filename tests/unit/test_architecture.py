"""The shape of the code: no import circles, and no module that has grown too large.

Import-linter (``make lint``) checks the one-way layer order between packages; these
tests check what a layers contract cannot see: circles *inside* a package (including
imports under ``if TYPE_CHECKING:``, which still tie two modules together) and module
size, so that growth is noticed before a module becomes a room of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

PACKAGE = "omgevingsscan"
SRC = Path(__file__).resolve().parents[2] / "src" / PACKAGE

#: A module over this many lines fails; the target is about 400 (docs/ARCHITECTURE.md).
MAX_MODULE_LINES = 500
#: A class over this many lines fails; the target is about 300.
MAX_CLASS_LINES = 350


def _import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every elementary cycle found by a depth-first search (one per back edge)."""
    modules = sorted(m for m in graph.modules if m.startswith(PACKAGE))
    edges = {
        m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i.startswith(PACKAGE))
        for m in modules
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in edges.get(node, []):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in modules:
        if module not in state:
            visit(module)
    return cycles


def test_cycle_finder_finds_a_planted_circle(tmp_path, monkeypatch):
    pkg = tmp_path / "circlepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from circlepkg import b\n")
    (pkg / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from circlepkg import a\n"
    )
    (pkg / "c.py").write_text("from circlepkg import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("circlepkg", cache_dir=None)
    monkeypatch.setattr(f"{__name__}.PACKAGE", "circlepkg")
    cycles = _import_cycles(graph)
    assert [sorted(set(c)) for c in cycles] == [["circlepkg.a", "circlepkg.b"]]


def test_no_import_cycles_in_src():
    graph = grimp.build_graph(PACKAGE, cache_dir=None)
    cycles = _import_cycles(graph)
    assert not cycles, "import circles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_module_is_not_too_large(path: Path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(SRC)} has {lines} lines"


def test_no_class_is_too_large():
    large = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                size = node.end_lineno - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    large.append(f"{path.relative_to(SRC)}:{node.name} ({size} lines)")
    assert not large, "classes over the limit: " + ", ".join(large)
