"""Where an improvement idea may go next, and who moves it (``data/ideas.toml``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir
from swat_tui.store.enums import Role

STATUS_LENGTH = 12  # improvement_idea.status


@dataclass(frozen=True)
class IdeaRules:
    leaders: frozenset[str]
    initial: str
    labels: Mapping[str, str]
    next: Mapping[str, tuple[str, ...]]

    def label(self, status: str) -> str:
        return self.labels.get(status, status)


def parse_idea_rules(raw: Mapping[str, Any]) -> IdeaRules:
    """Validated: known roles, every status reachable only through declared ones."""
    statuses: dict[str, Any] = dict(raw["status"])
    labels = {name: str(row["label"]) for name, row in statuses.items()}
    moves = {name: tuple(str(s) for s in row["next"]) for name, row in statuses.items()}
    leaders = frozenset(str(role) for role in raw["leaders"])
    if not leaders or not leaders <= {role.value for role in Role}:
        raise ValueError("ideas.toml: leaders must be known roles")
    initial = str(raw["initial"])
    if initial not in statuses:
        raise ValueError(f"ideas.toml: initial status {initial!r} is not declared")
    for name, targets in moves.items():
        if len(name) > STATUS_LENGTH or any(t not in statuses or t == name for t in targets):
            raise ValueError(f"ideas.toml: status {name!r} moves to an undeclared status")
    return IdeaRules(leaders, initial, labels, moves)


def load_idea_rules(path: Path) -> IdeaRules:
    with path.open("rb") as handle:
        return parse_idea_rules(tomllib.load(handle))


@cache
def idea_rules() -> IdeaRules:
    """The shipped ``data/ideas.toml``, read once per process."""
    return load_idea_rules(data_dir() / "ideas.toml")
