"""The procedure's steps and checks, read from ``data/procedure.toml``; its rule
messages from the message catalogue beside it (``data/messages.toml``).

The definition is data so that trainers and later branches change the
procedure without touching the engine.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.domain.messages import catalogue, read_catalogue
from swat_tui.domain.procedure.routes import BranchRoutes, read_routes
from swat_tui.paths import data_dir

ENTRIES = ("confirm", "text", "action")
DEFAULT_BRANCHES = ("sac", "soporte", "visita", "pqr")  # when a test's data names none


@dataclass(frozen=True)
class CheckDef:
    """One thing the procedure asks for in a step."""

    id: str
    label: str
    todo: str
    step: int
    when: str | None = None  # an account flag that makes it apply
    per_request: bool = False
    needs: str | None = None  # a check that must be done first
    needs_message: str | None = None  # row 24 when ``needs`` is not done yet
    revocable: bool = False  # clearing its field takes it back (identity validation)
    panel: str | None = None  # the panel whose field records it
    field: str | None = None  # that field's name in the display file
    entry: str = "confirm"  # confirm: the agent types S; text: free text; action: an RR key
    field_label: str | None = None  # the label the panel shows beside the field
    result: str = "revisada"  # what confirming it (S) records
    # What "Siguiente" says while the check's input is typed on its panel but is
    # recorded only by Intro (the cuenta to open, the request and its branch).
    ready: str | None = None


@dataclass(frozen=True)
class StepDef:
    """One of the eight SWAT steps; ``branch`` steps apply to that branch's requests."""

    number: int
    id: str
    title: str
    checks: tuple[CheckDef, ...]
    branch: str | None = None
    panel: str | None = None  # the RR panel of the step (branch steps: data/branch_routes.toml)
    short_title: str = ""  # for narrow places (the guide column); empty: the title fits


@dataclass(frozen=True)
class BranchDef:
    """A branch a request can take in step 2: what the agent types in "Rama"."""

    id: str
    option: str
    name: str


@dataclass(frozen=True)
class ProcedureDef:
    """The whole procedure: steps in order, branches, rule messages (from the catalogue)
    and field limits."""

    steps: tuple[StepDef, ...]
    rules: Mapping[str, str]  # the catalogue's procedure rules (bare ids): id -> text
    branches: tuple[BranchDef, ...] = ()
    limits: dict[str, int] = field(default_factory=dict)
    routes: BranchRoutes | None = None  # steps 3-6 by branch and sub-flow

    @property
    def branch_ids(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.branches) or DEFAULT_BRANCHES

    def branch_by_option(self, option: str) -> BranchDef | None:
        return next((b for b in self.branches if b.option == option.strip()), None)

    def branch(self, branch_id: str) -> BranchDef:
        return next(b for b in self.branches if b.id == branch_id)

    def branch_choice(self) -> str:
        """Row 24 when "Rama" is wrong: the options as the data lists them."""
        options = ", ".join(f"{b.option}={b.name}" for b in self.branches)
        return self.message("branch_choice", options=options)

    def limit(self, name: str) -> int:
        return self.limits[name]

    def step(self, number: int) -> StepDef:
        return self.steps[number - 1]

    def check(self, check_id: str) -> CheckDef | None:
        for step in self.steps:
            for check in step.checks:
                if check.id == check_id:
                    return check
        return None

    def checks_on(self, panel: str) -> tuple[CheckDef, ...]:
        """The checks a panel records through its fields, in the order of the data file."""
        return tuple(c for step in self.steps for c in step.checks if c.panel == panel)

    def branch_step(self, branch: str) -> StepDef:
        for step in self.steps:
            if step.branch == branch:
                return step
        raise KeyError(branch)

    def message(self, rule: str, **values: object) -> str:
        """The catalogue's text of ``rule`` (an id of data/messages.toml), filled in."""
        return self.rules[rule].format(**values)


def parse_procedure(raw: dict[str, Any], messages: Mapping[str, str] | None = None) -> ProcedureDef:
    """Build the definition from the TOML document (validated: steps 1..8 in order)
    with ``messages``, the catalogue its rules' texts come from (the shipped one)."""
    branches = tuple(
        BranchDef(row["id"], str(row["option"]), row["name"]) for row in raw.get("branch", ())
    )
    known = tuple(b.id for b in branches) or DEFAULT_BRANCHES
    steps = []
    for number, step in enumerate(raw["step"], start=1):
        if step["number"] != number:
            raise ValueError(f"step {step['id']} should be number {number}")
        checks = tuple(
            CheckDef(
                id=check["id"],
                label=check["label"],
                todo=check["todo"],
                step=number,
                when=check.get("when"),
                per_request=check.get("scope") == "request",
                needs=check.get("needs"),
                needs_message=check.get("needs_message"),
                revocable=bool(check.get("revocable", False)),
                panel=check.get("panel"),
                field=check.get("field"),
                entry=check.get("entry", "confirm"),
                field_label=check.get("field_label"),
                result=check.get("result", "revisada"),
                ready=check.get("ready"),
            )
            for check in step["checks"]
        )
        branch = step.get("branch")
        if branch is not None and branch not in known:
            raise ValueError(f"unknown branch {branch!r}")
        steps.append(
            StepDef(
                number,
                step["id"],
                step["title"],
                checks,
                branch,
                step.get("panel"),
                step.get("short_title", ""),
            )
        )
    ids = [check.id for step in steps for check in step.checks]
    if len(ids) != len(set(ids)):
        raise ValueError("check ids must be unique")
    for step in steps:
        for check in step.checks:
            if check.needs is not None and check.needs not in ids:
                raise ValueError(f"check {check.id} needs unknown check {check.needs!r}")
            if check.entry not in ENTRIES:
                raise ValueError(f"check {check.id}: entry must be one of {ENTRIES}")
            if (check.panel is None) != (check.field is None):
                raise ValueError(f"check {check.id}: panel and field go together")
    options = [b.option for b in branches]
    if len(options) != len(set(options)):
        raise ValueError("each branch needs its own option")
    limits = {name: int(value) for name, value in raw.get("limits", {}).items()}
    texts = catalogue() if messages is None else messages
    rules = {rule: text for rule, text in texts.items() if "." not in rule}
    return ProcedureDef(tuple(steps), rules, branches, limits)


@cache
def load_procedure(path: Path | None = None) -> ProcedureDef:
    """The procedure from ``data/procedure.toml`` (or ``path``), with the rule texts of
    ``messages.toml`` and the routes of steps 3-6 from ``branch_routes.toml`` beside
    it when there are (else the shipped catalogue, and no routes)."""
    source = path or data_dir() / "procedure.toml"
    messages_file = source.with_name("messages.toml")
    messages = read_catalogue(messages_file) if path and messages_file.exists() else catalogue()
    raw = tomllib.loads(source.read_text(encoding="utf-8"))
    procedure = parse_procedure(raw, messages)
    routes_file = source.with_name("branch_routes.toml")
    if not routes_file.exists():
        return procedure
    routes = read_routes(routes_file, procedure.branch_ids)
    return replace(procedure, routes=routes)


def load_routes() -> BranchRoutes:
    """The routes of the shipped procedure (read with it, ``load_procedure``)."""
    routes = load_procedure().routes
    assert routes is not None, "data/branch_routes.toml is missing"
    return routes
