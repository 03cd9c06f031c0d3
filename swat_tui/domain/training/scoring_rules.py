"""The scorecard's data (``data/scorecard.toml``): weights, pass mark, thresholds,
what proves a resolution, and every rule's Spanish message.

Procedure knowledge is data: a trainer's quality team changes a weight or a
message without touching the scorer. The file is read once and checked here
(an unknown category, a rule the scorer needs and the file lacks), so a broken
file fails at load, not halfway through a scorecard.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir

CRITICAL = ("end_user", "business", "compliance")
CATEGORIES = ("adherence", *CRITICAL, "deviation", "time")
# The rules the scorer raises: the file must give each a category, points and message.
RULE_IDS = (
    "check_missing",
    "out_of_order",
    "missing_request",
    "wrong_resolution",
    "broken_promise",
    "wrong_route",
    "missing_typification",
    "wrong_code",
    "wrong_contact",
    "wrong_dime_area",
    "missing_cun",
    "blacklist_disclosure",
    "pqr_unvalidated",
    "closing_skipped",
    "short_notes",
    "short_pqr_notes",
    "silent_hold",
    "blind_retry",
    "abandoned",
    "handle_time",
)


class ScoringRulesError(ValueError):
    """``data/scorecard.toml`` is not what the scorer needs."""


@dataclass(frozen=True)
class Rule:
    """One rule: its category, the points it takes away and its message template."""

    id: str
    category: str
    points: float
    message: str

    @property
    def critical(self) -> bool:
        return self.category in CRITICAL

    def text(self, **values: object) -> str:
        """The message with the call's specifics filled in."""
        return self.message.format(**values)


@dataclass(frozen=True)
class Evidence:
    """What proves one resolution: a check recorded for the request, or an action
    (its event name) whose number starts with ``prefix``."""

    key: str
    label: str
    check: str = ""
    action: str = ""
    prefix: str = ""


@dataclass(frozen=True)
class ScoringRules:
    """Everything the scorer reads from data."""

    pass_mark: float
    critical_fails: bool
    categories: dict[str, str]
    thresholds: dict[str, int]
    rules: dict[str, Rule]
    last_request_only: frozenset[str]
    without_account: frozenset[str]
    pqr_evidence: dict[str, Evidence]
    visit_evidence: dict[str, Evidence]
    escalation_action: str
    escalation_area_detail: str
    escalation_label: str  # "{area}" filled in
    none_labels: dict[str, str]  # pqr, visit, escalation, nothing
    hold_script: str  # the script read to tell the customer of a hold

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def threshold(self, name: str) -> int:
        return self.thresholds[name]


def _evidence(section: dict[str, Any]) -> dict[str, Evidence]:
    return {
        key: Evidence(
            key,
            str(row["label"]),
            str(row.get("check", "")),
            str(row.get("action", "")),
            str(row.get("prefix", "")),
        )
        for key, row in section.items()
    }


def parse_scoring_rules(raw: dict[str, Any]) -> ScoringRules:
    """The rules from the TOML document; ``ScoringRulesError`` names what is wrong."""
    try:
        rules = {
            rule_id: Rule(rule_id, str(row["category"]), float(row["points"]), str(row["message"]))
            for rule_id, row in raw["rules"].items()
        }
        missing = [rule_id for rule_id in RULE_IDS if rule_id not in rules]
        if missing:
            raise ScoringRulesError(f"faltan las reglas: {', '.join(missing)}")
        for rule in rules.values():
            if rule.category not in CATEGORIES:
                raise ScoringRulesError(f"regla {rule.id}: categoría {rule.category!r}")
        resolution = raw["resolution"]
        escalation = resolution["escalation"]
        adherence = raw.get("adherence", {})
        return ScoringRules(
            pass_mark=float(raw["score"]["pass_mark"]),
            critical_fails=bool(raw["score"].get("critical_fails", True)),
            categories={key: str(value) for key, value in raw["categories"].items()},
            thresholds={key: int(value) for key, value in raw["thresholds"].items()},
            rules=rules,
            last_request_only=frozenset(adherence.get("last_request_only", ())),
            without_account=frozenset(adherence.get("without_account", ())),
            pqr_evidence=_evidence(resolution["pqr"]),
            visit_evidence=_evidence(resolution["visit"]),
            escalation_action=str(escalation["action"]),
            escalation_area_detail=str(escalation["area_detail"]),
            escalation_label=str(escalation["label"]),
            none_labels={key: str(value) for key, value in resolution["none"].items()},
            hold_script=str(raw["hold"]["script"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, ScoringRulesError):
            raise
        raise ScoringRulesError(f"data/scorecard.toml: {error!r}") from error


def read_scoring_rules(path: Path) -> ScoringRules:
    with path.open("rb") as handle:
        return parse_scoring_rules(tomllib.load(handle))


@cache
def load_scoring_rules() -> ScoringRules:
    """The shipped ``data/scorecard.toml``."""
    return read_scoring_rules(data_dir() / "scorecard.toml")
