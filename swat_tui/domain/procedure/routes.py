"""Which panel shows each step of a call, and steps 3-6 routed by branch and sub-flow.

Steps 1, 2, 7 and 8 name their panel in ``data/procedure.toml``; steps 3 to 6
are routed through ``data/branch_routes.toml`` by the request's branch and
the sub-flow chosen on the branch's entry panel, so a branch adds panels by
adding rows, not by editing a dispatcher.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.state import SUBFLOW_FIELD, CallState

__all__ = [
    "SUBFLOW_FIELD",
    "BranchRoute",
    "BranchRoutes",
    "parse_routes",
    "read_routes",
    "step_panel",
]


@dataclass(frozen=True)
class BranchRoute:
    """One row: the panel for a branch's sub-flow ("" is the branch's entry panel)."""

    branch: str
    subflow: str
    panel: str
    option: str = ""
    label: str = ""
    title: str = ""
    hints: tuple[str, ...] = ()
    ucc_code: str = ""  # the typification this path suggests on TIP001 (editable)


@dataclass(frozen=True)
class BranchRoutes:
    """The whole routing table."""

    routes: tuple[BranchRoute, ...]

    def entry(self, branch: str) -> BranchRoute:
        return self.route(branch, "")

    def route(self, branch: str, subflow: str) -> BranchRoute:
        for row in self.routes:
            if (row.branch, row.subflow) == (branch, subflow):
                return row
        raise KeyError((branch, subflow))

    def subflows(self, branch: str) -> tuple[BranchRoute, ...]:
        """The sub-flows a branch's entry panel offers, in the order of the file."""
        return tuple(r for r in self.routes if r.branch == branch and r.subflow)

    def by_option(self, branch: str, option: str) -> BranchRoute:
        for row in self.subflows(branch):
            if row.option == option.strip():
                return row
        offered = ", ".join(f"{r.option}={r.label}" for r in self.subflows(branch))
        raise refusal("subflow_choice", offered=offered)


def parse_routes(raw: dict[str, Any], branches: tuple[str, ...]) -> BranchRoutes:
    """Validated: known branches, one entry row per branch, unique options."""
    rows = tuple(
        BranchRoute(
            branch=row["branch"],
            subflow=row.get("subflow", ""),
            panel=row["panel"],
            option=str(row.get("option", "")),
            label=row.get("label", ""),
            title=row.get("title", ""),
            hints=tuple(row.get("hints", ())),
            ucc_code=row.get("ucc_code", ""),
        )
        for row in raw["route"]
    )
    routes = BranchRoutes(rows)
    keys = [(r.branch, r.subflow) for r in rows]
    if len(keys) != len(set(keys)):
        raise ValueError("a (branch, subflow) appears twice")
    for branch in branches:
        try:
            routes.entry(branch)
        except KeyError as error:
            raise ValueError(f"branch {branch} has no entry row (subflow = '')") from error
        options = [r.option for r in routes.subflows(branch)]
        if len(options) != len(set(options)) or "" in options:
            raise ValueError(f"branch {branch}: each sub-flow needs its own option")
    unknown = {r.branch for r in rows} - set(branches)
    if unknown:
        raise ValueError(f"unknown branches {sorted(unknown)}")
    return routes


def read_routes(path: Path, branches: tuple[str, ...]) -> BranchRoutes:
    return parse_routes(tomllib.loads(path.read_text(encoding="utf-8")), branches)


class StepPanel(Protocol):
    """What routing reads of a step (``definition.StepDef``, which reads the routes)."""

    @property
    def number(self) -> int: ...
    @property
    def branch(self) -> str | None: ...
    @property
    def panel(self) -> str | None: ...


class Steps(Protocol):
    """What routing reads of the procedure (``definition.ProcedureDef``): the
    definition reads this module, so it is named by what it offers, not imported."""

    def step(self, number: int) -> StepPanel: ...


def step_panel(procedure: Steps, state: CallState, routes: BranchRoutes) -> str:
    """The panel id of the call's current step."""
    step = procedure.step(state.step)
    if step.branch is None:
        if step.panel is None:
            raise ValueError(f"step {step.number} names no panel")
        return step.panel
    return routes.route(step.branch, state.subflow_in(step.branch)).panel
