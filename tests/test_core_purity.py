"""``core`` stays pure: no UI, storage, file or network I/O, and no reading of the clock."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "core"
FORBIDDEN_MODULES = {
    "streamlit",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "store",
    "ui",
    "report",
    "pages",
    "app_pages",
    "app",
    "i18n",
    "charts",
    "services",
    "cli",
    "os",
    "io",
    "pathlib",
    "shutil",
    "socket",
    "urllib",
    "http",
    "requests",
    "subprocess",
    "sqlite3",
    "time",
    "random",
    "tempfile",
    "glob",
    "pickle",
    "shelve",
    "logging",
}
CLOCK_CALLS = {"now", "today", "utcnow", "time", "monotonic", "perf_counter"}
FORBIDDEN_BUILTINS = {"open", "input", "print", "exec", "eval", "__import__"}


def core_files():
    return sorted(CORE.rglob("*.py"))


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        else:
            names = []
        found += [f"imports {name}" for name in names if name.split(".")[0] in FORBIDDEN_MODULES]
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in CLOCK_CALLS:
                found.append(f"calls .{func.attr}() at line {node.lineno}")
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_BUILTINS:
                found.append(f"calls {func.id}() at line {node.lineno}")
    return found


def test_there_is_a_core_to_check():
    assert len(core_files()) >= 4


@pytest.mark.parametrize("path", core_files(), ids=lambda p: p.name)
def test_core_module_is_pure(path):
    assert violations(path) == []


def test_the_checker_catches_what_it_forbids(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import streamlit as st\nfrom store import x\nimport datetime\n"
        "d = datetime.date.today()\nopen('f')\n",
        encoding="utf-8",
    )
    assert len(violations(bad)) == 4
