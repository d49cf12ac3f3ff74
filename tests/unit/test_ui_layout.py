"""The layout of ``omgevingsscan.ui`` (issue 9): no import circles, modest module sizes.

grimp (brought by import-linter) reads every import statement, including those under
``if TYPE_CHECKING:``, so a protocol imported only for type hints still counts.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

import omgevingsscan

UI = "omgevingsscan.ui"
UI_DIR = Path(omgevingsscan.__file__).parent / "ui"
#: A little above the target of about 400 lines, so growth is noticed.
MAX_LINES = 500
MAX_CLASS_LINES = 350


def _cycles(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    mods = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    found = []
    for a in mods:
        for b in graph.find_modules_directly_imported_by(a):
            if b.startswith(package + ".") or b == package:
                back = graph.find_shortest_chain(importer=b, imported=a)
                if back:
                    found.append([a, *back])
    return found


def test_ui_has_no_import_circles():
    graph = grimp.build_graph("omgevingsscan", cache_dir=None)
    assert _cycles(graph, UI) == []


def test_the_cycle_check_finds_a_circle():
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    assert _cycles(graph, "p") == []
    graph.add_import(importer="p.c", imported="p.a")
    assert ["p.a", "p.b", "p.c", "p.a"] in _cycles(graph, "p")


def test_ui_modules_and_classes_are_modest():
    too_long = []
    for path in sorted(UI_DIR.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MAX_LINES:
            too_long.append(f"{path.name}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    too_long.append(f"{path.name}: class {node.name} {size} lines")
    assert too_long == []
