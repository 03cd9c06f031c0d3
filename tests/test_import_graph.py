"""The import graph: layers point down, ``swat_tui.ui`` has no circle, screens stay apart.

Imports are read from the source (module level and inside functions alike),
so a lazy import cannot hide a dependency; a subprocess then checks what
importing the app really loads before the first paint.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import swat_tui

PACKAGE = Path(swat_tui.__file__).parent
SCREENS = "swat_tui.ui.screens"
# Shared bases and helpers under screens/ that draw no panel of their own.
NOT_PANELS = {
    "base",
    "paged",
    "keeps_typed",
    "account.note_records",
    "call.call_step",
    "sac.sac_step",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:`` (annotations only, never run)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    return [node for node in ast.walk(tree) if id(node) not in skipped]


def _imports(path: Path) -> set[str]:
    """Every swat_tui module ``path`` imports when it runs (lazy imports included)."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("swat_tui")}


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path) & set(modules) for name, path in modules.items()}


GRAPH = _graph()


def _screen_modules() -> set[str]:
    return {
        name
        for name in GRAPH
        if name.startswith(f"{SCREENS}.")
        and not name.endswith("__init__")
        and name.removeprefix(f"{SCREENS}.") not in NOT_PANELS
        and name != SCREENS
        and not (PACKAGE.parent / name.replace(".", "/")).is_dir()
    }


def test_no_import_circle_inside_the_ui() -> None:
    ui = {
        name: {t for t in targets if t.startswith("swat_tui.ui")} for name, targets in GRAPH.items()
    }
    ui = {name: targets for name, targets in ui.items() if name.startswith("swat_tui.ui")}
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for target in sorted(ui.get(node, ())):
            if target == node or target in ("swat_tui.ui", SCREENS):
                continue  # a package's __init__ holds only its docstring
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = "done"

    for name in sorted(ui):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_screens_never_import_one_another() -> None:
    screens = _screen_modules()
    assert f"{SCREENS}.call.reception" in screens and f"{SCREENS}.branch.branch_step" in screens
    offences = sorted(
        f"{name} imports {target}"
        for name in screens
        for target in GRAPH[name]
        if target in screens and target != name
    )
    assert offences == []


def test_no_layer_imports_upwards() -> None:
    order = ["swat_tui.store", "swat_tui.domain", "swat_tui.ui", "swat_tui.cli"]

    def layer(name: str) -> int | None:
        return next((i for i, prefix in enumerate(order) if name.startswith(prefix)), None)

    offences = []
    for name, targets in GRAPH.items():
        own = layer(name)
        for target in targets:
            other = layer(target)
            if own is not None and other is not None and other > own:
                offences.append(f"{name} imports {target}")
    assert offences == []


def test_the_ui_never_reaches_the_store_and_screens_never_reach_the_engine() -> None:
    offences = []
    for name, targets in GRAPH.items():
        if not name.startswith("swat_tui.ui"):
            continue
        offences += [f"{name} imports {t}" for t in targets if t.startswith("swat_tui.store")]
        if name.startswith(SCREENS):
            offences += [
                f"{name} imports {t}"
                for t in targets
                if t.startswith("swat_tui.domain.procedure.engine")
            ]
    assert offences == []


def test_screens_work_through_the_desk_not_the_services() -> None:
    """Account data reaches a screen only as the desk's masked views."""
    offences = []
    for path in (PACKAGE / "ui" / "screens").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            reached = isinstance(node, ast.Attribute) and ast.unparse(node) in (
                "self.services",
                "self.rr_app.services",
                "self.app.services",
            )
            if reached:
                if path.name == "sign_on.py":
                    continue  # signing on comes before any desk exists
                offences.append(f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}")
    assert offences == []


def test_the_app_loads_no_store_and_no_panel_but_sign_on_before_the_first_paint() -> None:
    script = "import json, sys\nimport swat_tui.ui.app\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(json.loads(result.stdout))
    assert not {"sqlmodel", "sqlalchemy", "alembic", "argon2"} & loaded
    assert not any(name.startswith(("swat_tui.domain", "swat_tui.store")) for name in loaded)
    assert not any(name.startswith(f"{SCREENS}.") for name in loaded)
