"""Layering: store and domain never import textual; the store never imports the domain."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import swat_tui

PACKAGE = Path(swat_tui.__file__).parent
# Alembic's env.py only runs inside an Alembic command.
SKIPPED = {"swat_tui.store.migrations.env"}


def _modules(layer: str) -> list[str]:
    names = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name not in SKIPPED:
            names.append(name)
    return names


def _loaded_after_importing(modules: list[str]) -> set[str]:
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(result.stdout))


def test_store_and_domain_do_not_load_textual() -> None:
    modules = _modules("store") + _modules("domain")
    assert (
        "swat_tui.domain.account.service" in modules and "swat_tui.store.queries.notes" in modules
    )
    loaded = _loaded_after_importing(modules)
    assert "textual" not in loaded
    assert not any(name.startswith("swat_tui.ui") for name in loaded)


def test_store_does_not_load_the_domain() -> None:
    loaded = _loaded_after_importing(_modules("store"))
    assert not any(name.startswith("swat_tui.domain") for name in loaded)


def _imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_forbidden_import_even_inside_functions() -> None:
    # The subprocess tests see module-level imports; this also sees lazy ones.
    offences = []
    for layer, forbidden in (
        ("store", ("textual", "swat_tui.domain", "swat_tui.ui")),
        ("domain", ("textual", "swat_tui.ui", "swat_tui.cli")),
    ):
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imported_names(path):
                if name.split(".")[0] == "textual" or name.startswith(forbidden):
                    offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []
