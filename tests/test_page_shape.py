"""Every page script has one shape: helpers and a ``def main()`` at the top level (or ``main``
imported from the ``ui`` module that holds the page's code), and a bare ``main()`` call as its
last statement (nothing else runs when Streamlit executes the page)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parent.parent / "app_pages").glob("*.py"))


def test_there_are_pages():
    assert len(PAGES) >= 10


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_page_defines_main_and_ends_by_calling_it(path: Path):
    body = ast.parse(path.read_text(encoding="utf-8"), filename=str(path)).body
    defined = any(isinstance(node, ast.FunctionDef) and node.name == "main" for node in body)
    imported = any(
        isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("ui.")
        and [(alias.name, alias.asname) for alias in node.names] == [("main", None)]
        for node in body
    )
    assert defined or imported, f"{path.name}: no top-level def main() nor main from ui"
    last = body[-1]
    assert (
        isinstance(last, ast.Expr)
        and isinstance(last.value, ast.Call)
        and isinstance(last.value.func, ast.Name)
        and last.value.func.id == "main"
        and not last.value.args
        and not last.value.keywords
    ), f"{path.name}: the last top-level statement is not main()"
