"""What the procedure's actions record and suggest, read from ``data/actions.toml``.

The check ids an action records, the UCC code it suggests for the
typification, the support route that goes on to another branch, the SAC
panels' field pair and what marks a check escalated are procedure knowledge:
data an operator can change, not constants in the intents that use them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir

__all__ = ["ActionDef", "ProcedureActions", "load_actions", "parse_actions"]


@dataclass(frozen=True)
class ActionDef:
    """One action: the checks it records and the UCC code(s) it suggests."""

    id: str
    branch: str
    checks: tuple[str, ...] = ()
    code: str = ""  # the one code it suggests ("" none)
    codes: Mapping[str, str] = field(default_factory=dict)  # by outcome, when it picks

    @property
    def check(self) -> str:
        """The check it records (the first, for an action recording several)."""
        return self.checks[0]

    def suggested(self, outcome: str = "") -> str:
        """The UCC code for ``outcome`` (a key of ``codes``), else the action's code."""
        return self.codes.get(outcome, self.code) if outcome else self.code

    @property
    def named_codes(self) -> tuple[str, ...]:
        """Every UCC code the action may suggest."""
        return tuple(c for c in (self.code, *self.codes.values()) if c)


@dataclass(frozen=True)
class ProcedureActions:
    """``data/actions.toml``: actions by id and the rules around them."""

    escalation_prefix: str
    follows: Mapping[str, str]  # support route -> the branch the request goes on to
    sac_informed_field: str
    sac_resolved_field: str
    actions: Mapping[str, ActionDef]

    def action(self, action_id: str) -> ActionDef:
        return self.actions[action_id]

    def escalation(self, detail: str = "") -> str:
        """A check's result saying the request went on escalated (to ``detail``)."""
        return f"{self.escalation_prefix}: {detail}" if detail else self.escalation_prefix

    def is_escalated(self, result: str | None) -> bool:
        """Whether a recorded check's result says the request was escalated."""
        return (result or "").startswith(self.escalation_prefix)

    def escalated_to(self, result: str | None) -> str | None:
        """Where an escalated check's result says the request went ("" when it does not
        say), or None when the result is not an escalation."""
        if not self.is_escalated(result):
            return None
        return (result or "").removeprefix(self.escalation_prefix).removeprefix(": ")

    def follow_branch(self, route: str) -> str:
        """The branch a support route goes on to, or "" when it ends in support."""
        return self.follows.get(route, "")


def _action(action_id: str, raw: Mapping[str, Any]) -> ActionDef:
    unknown = set(raw) - {"branch", "checks", "code", "codes"}
    if unknown:
        raise ValueError(f"action {action_id}: unknown keys {sorted(unknown)}")
    return ActionDef(
        id=action_id,
        branch=str(raw["branch"]),
        checks=tuple(str(c) for c in raw.get("checks", ())),
        code=str(raw.get("code", "")),
        codes={str(k): str(v) for k, v in raw.get("codes", {}).items()},
    )


def parse_actions(raw: Mapping[str, Any]) -> ProcedureActions:
    """Build the actions from the TOML document."""
    sac = raw["sac"]
    return ProcedureActions(
        escalation_prefix=str(raw["escalation"]["prefix"]),
        follows={str(k): str(v) for k, v in raw["support"]["follows"].items()},
        sac_informed_field=str(sac["informed_field"]),
        sac_resolved_field=str(sac["resolved_field"]),
        actions={key: _action(key, value) for key, value in raw["action"].items()},
    )


@cache
def load_actions(path: Path | None = None) -> ProcedureActions:
    """``data/actions.toml`` (or ``path``), read once per process."""
    source = path or data_dir() / "actions.toml"
    return parse_actions(tomllib.loads(source.read_text(encoding="utf-8")))
