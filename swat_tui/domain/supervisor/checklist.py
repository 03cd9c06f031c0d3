"""The checklist of a process confirmation (SUP011), read from
``data/confirmation_checklist.toml``: items derived from the procedure's steps, each
with what the call must show for it to be suggested S."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.domain.call.followed import FollowedCall
from swat_tui.paths import data_dir

DONE_STATUSES = frozenset({"hecho", "no aplica"})
LABEL_MAX = 40


@dataclass(frozen=True)
class ChecklistItem:
    """One thing the leader checks of the call."""

    id: str
    label: str
    checks: tuple[str, ...] = ()
    steps: tuple[int, ...] = ()
    when: str = ""  # an account flag the item applies to; "": every call

    def applies(self, call: FollowedCall) -> bool:
        return not self.when or self.when in call.flags

    def suggested(self, call: FollowedCall) -> bool | None:
        """S when the call's events show it done, N when not; None: for the leader alone."""
        if not self.checks and not self.steps:
            return None
        marked = {mark.check for mark in call.state.marks}
        steps = [step for step in call.guide.steps if step.number in self.steps]
        return all(check in marked for check in self.checks) and all(
            step.status in DONE_STATUSES for step in steps
        )


def parse_checklist(raw: Mapping[str, Any]) -> tuple[ChecklistItem, ...]:
    """The items of a checklist file; a mistake names the item."""
    items = []
    seen: set[str] = set()
    for row in raw.get("item", []):
        item = ChecklistItem(
            id=str(row["id"]),
            label=str(row["label"]),
            checks=tuple(str(check) for check in row.get("checks", [])),
            steps=tuple(int(step) for step in row.get("steps", [])),
            when=str(row.get("when", "")),
        )
        if item.id in seen:
            raise ValueError(f"checklist item {item.id}: repeated")
        if len(item.label) > LABEL_MAX:
            raise ValueError(f"checklist item {item.id}: label over {LABEL_MAX} characters")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise ValueError("the checklist has no items")
    return tuple(items)


def load_checklist(path: Path | None = None) -> tuple[ChecklistItem, ...]:
    return _load(path or data_dir() / "confirmation_checklist.toml")


@cache
def _load(path: Path) -> tuple[ChecklistItem, ...]:
    return parse_checklist(tomllib.loads(path.read_text(encoding="utf-8")))


def items_for(call: FollowedCall) -> tuple[ChecklistItem, ...]:
    """The items that apply to ``call`` (the BLACKLIST item only on a blacklisted account)."""
    return tuple(item for item in load_checklist() if item.applies(call))
