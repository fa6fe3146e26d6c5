"""The house keeps its shape: each package imports only the packages below it.

| package                      | may import                                   |
|------------------------------|----------------------------------------------|
| ``core``                     | nothing of ours                              |
| ``i18n``                     | ``core``                                     |
| ``charts``                   | ``core``, ``i18n``                           |
| ``store``                    | ``core``                                     |
| ``services``                 | ``core``, ``store``                          |
| ``report``                   | ``core``, ``i18n``, ``charts``, ``services`` |
| ``cli``                      | all but ``ui``, ``app_pages``, ``app``       |
| ``ui``                       | all but ``store``, ``app_pages``, ``app``    |
| ``app_pages``, ``app``       | all but ``store``                            |

Pages and reports reach the data only through ``services``: a counselor action is one
service call, which checks the actor, the version seen and runs one unit of work.

``streamlit`` is imported only by ``ui``, ``app_pages`` and ``app``. ``python -m store`` and
``python -m report`` are thin aliases of the command lines, so ``store/__main__.py`` and
``report/__main__.py`` belong to ``cli``. Every import counts, at module level or inside a
function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = {"core", "i18n", "charts", "store", "services", "report", "cli", "ui", "app_pages", "app"}
EVERYTHING = OURS
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "i18n": {"core"},
    "charts": {"core", "i18n"},
    "store": {"core"},
    "services": {"core", "store"},
    "report": {"core", "i18n", "charts", "services"},
    "cli": EVERYTHING - {"ui", "app_pages", "app"},
    "ui": EVERYTHING - {"store", "app_pages", "app"},
    "app_pages": EVERYTHING - {"store"},
    "app": EVERYTHING - {"store"},
}
STREAMLIT_ALLOWED = {"ui", "app_pages", "app"}
#: Entry-point aliases that belong to the command-line layer.
CLI_ALIASES = {Path("store/__main__.py"), Path("report/__main__.py")}


def layer_of(path: Path) -> str:
    relative = path.relative_to(ROOT)
    if relative in CLI_ALIASES:
        return "cli"
    return relative.parts[0].removesuffix(".py")


def imported_modules(path: Path) -> list[tuple[str, int]]:
    """Every absolute module ``path`` imports, with its line (relative imports are in-package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno))
    return found


def violations(path: Path, layer: str | None = None) -> list[str]:
    layer = layer or layer_of(path)
    allowed = ALLOWED[layer] | {layer}
    found = []
    for module, line in imported_modules(path):
        top = module.split(".")[0]
        if top == "streamlit" and layer not in STREAMLIT_ALLOWED:
            found.append(f"{layer} imports streamlit (line {line})")
        elif top in OURS and top not in allowed:
            found.append(f"{layer} imports {module} (line {line})")
    return found


def layered_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for package in sorted(OURS - {"app"}):
        files += sorted((ROOT / package).rglob("*.py"))
    return [path for path in files if ".venv" not in path.parts]


def test_every_layer_has_code_to_check():
    layers = {layer_of(path) for path in layered_files()}
    assert layers >= OURS


@pytest.mark.parametrize("path", layered_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_import_follows_the_layers(path):
    assert violations(path) == []


@pytest.mark.parametrize(
    ("layer", "source", "count"),
    [
        ("i18n", "import streamlit as st\nfrom ui.i18n import t\n", 2),
        ("charts", "def f():\n    from store import Store\n", 1),
        ("store", "from i18n import translate\n", 1),
        ("core", "import core.money\nfrom core import text\n", 0),
        ("core", "from report import pdf\n", 1),
        ("report", "from ui.errors import show_error\n", 1),
        ("cli", "from app_pages import data\n", 1),
        ("ui", "from app_pages.calls import main\n", 1),
        ("services", "from report.calendar import plan_calendar\n", 1),
        ("app_pages", "import streamlit\nimport services\n", 0),
        ("app_pages", "from store import Store\n", 1),
        ("ui", "from store.backup import read_backup\n", 1),
        ("report", "from store.records import SavedProposal\n", 1),
    ],
)
def test_the_checker_catches_a_planted_wrong_import(tmp_path, layer, source, count):
    planted = tmp_path / "planted.py"
    planted.write_text(source, encoding="utf-8")
    assert len(violations(planted, layer)) == count
