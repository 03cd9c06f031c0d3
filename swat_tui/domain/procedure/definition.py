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


@dataclass(frozen=True)
class CheckDef:
    """One thing the procedure asks for in a step."""

    id: str
    label: str
    todo: str
    step: int
    when: str | None = None  # an account flag that makes it apply
    per_request: bool = False


@dataclass(frozen=True)
class StepDef:
    """One of the eight SWAT steps; ``branch`` steps apply to that branch's requests."""

    number: int
    id: str
    title: str
    checks: tuple[CheckDef, ...]
    branch: str | None = None


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
            )
            for check in step["checks"]
        )
        branch = step.get("branch")
        if branch is not None and branch not in BRANCHES:
            raise ValueError(f"unknown branch {branch!r}")
        steps.append(StepDef(number, step["id"], step["title"], checks, branch))
    ids = [check.id for step in steps for check in step.checks]
    if len(ids) != len(set(ids)):
        raise ValueError("check ids must be unique")
    return ProcedureDef(tuple(steps), dict(raw["rules"]))


@cache
def load_procedure(path: Path | None = None) -> ProcedureDef:
    """The procedure from ``data/procedure.toml`` (or ``path``)."""
    source = path or data_dir() / "procedure.toml"
    return parse_procedure(tomllib.loads(source.read_text(encoding="utf-8")))
