"""The import graph: layers point down, no circle in ``swat_tui.ui`` nor ``swat_tui.domain``.

Every import is an edge: module level, inside functions, under
``if TYPE_CHECKING:`` (a type-only circle is still a circle for whoever reads
the code), ``import_module("...")`` with a literal name, and the screens
``ui.navigation`` imports by the name their display files give. A subprocess
then checks what importing the app really loads before the first paint.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import swat_tui
from swat_tui.ui.display_file import all_panel_ids, load

PACKAGE = Path(swat_tui.__file__).parent
SCREENS = "swat_tui.ui.screens"
NAVIGATION = "swat_tui.ui.navigation"
# Shared bases and helpers under screens/ that draw no panel of their own.
NOT_PANELS = {
    "base",
    "paged",
    "keeps_typed",
    "account.note_records",
    "call.call_step",
    "sac.sac_step",
    "training.ready",
    "training.common",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _dynamic_import(node: ast.AST) -> str | None:
    """The module a call ``import_module("x")`` or ``__import__("x")`` names, if literal."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    name = ast.unparse(node.func).rsplit(".", 1)[-1]
    first = node.args[0]
    if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
        return str(first.value)
    return None


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every swat_tui module ``path`` imports: when it runs, lazily, or for its types.

    ``from package import module`` is an edge to that module only (Python runs the
    package's ``__init__`` for any of its modules: that is no edge of this file's).
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
        elif (dynamic := _dynamic_import(node)) is not None:
            found.add(dynamic)
    return {name for name in found if name.startswith("swat_tui")} & modules


def _panel_screens() -> set[str]:
    """The screen modules the display files name: ``ui.navigation`` imports them by name."""
    named = (load(panel_id).screen for panel_id in all_panel_ids())
    return {f"{SCREENS}.{screen.partition(':')[0]}" for screen in named if screen}


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _imports(path, set(modules)) for name, path in modules.items()}
    graph[NAVIGATION] |= _panel_screens() & set(modules)
    return graph


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


def _circles(layer: str) -> list[list[str]]:
    """The import circles among the modules of ``layer`` (a package's ``__init__``
    that holds only re-exports is a node like any other)."""
    inside = {
        name: {t for t in targets if t.startswith(layer) and t != name}
        for name, targets in GRAPH.items()
        if name.startswith(layer)
    }
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for target in sorted(inside.get(node, ())):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = "done"

    for name in sorted(inside):
        if name not in state:
            visit(name, [name])
    return cycles


def test_type_only_and_dynamic_imports_are_edges() -> None:
    """The graph sees what a reader sees: the host protocol's types, the navigation's
    screens by name."""
    assert "swat_tui.domain.desk.desk" in GRAPH["swat_tui.ui.host"]
    assert f"{SCREENS}.call.reception" in GRAPH[NAVIGATION]


def test_no_import_circle_inside_the_ui() -> None:
    assert _circles("swat_tui.ui") == []


def test_no_import_circle_inside_the_domain() -> None:
    assert _circles("swat_tui.domain") == []


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
