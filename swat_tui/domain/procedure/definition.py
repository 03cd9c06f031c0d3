"""The procedure's steps, checks and rule messages, read from ``data/procedure.toml``.

The definition is data so that trainers and later branches change the
procedure without touching the engine.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir

BRANCHES = ("sac", "soporte", "visita", "pqr")
ENTRIES = ("confirm", "text", "action")


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


@dataclass(frozen=True)
class StepDef:
    """One of the eight SWAT steps; ``branch`` steps apply to that branch's requests."""

    number: int
    id: str
    title: str
    checks: tuple[CheckDef, ...]
    branch: str | None = None
    panel: str | None = None  # the RR panel of the step (branch steps: data/branch_routes.toml)


@dataclass(frozen=True)
class ProcedureDef:
    """The whole procedure: steps in order and the messages of its rules."""

    steps: tuple[StepDef, ...]
    rules: dict[str, str]

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
        return self.rules[rule].format(**values)


def parse_procedure(raw: dict[str, Any]) -> ProcedureDef:
    """Build the definition from the TOML document (validated: steps 1..8 in order)."""
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
            )
            for check in step["checks"]
        )
        branch = step.get("branch")
        if branch is not None and branch not in BRANCHES:
            raise ValueError(f"unknown branch {branch!r}")
        steps.append(StepDef(number, step["id"], step["title"], checks, branch, step.get("panel")))
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
    return ProcedureDef(tuple(steps), dict(raw["rules"]))


@cache
def load_procedure(path: Path | None = None) -> ProcedureDef:
    """The procedure from ``data/procedure.toml`` (or ``path``)."""
    source = path or data_dir() / "procedure.toml"
    return parse_procedure(tomllib.loads(source.read_text(encoding="utf-8")))
