"""The recall rules (``data/recall_rules.toml``): what an attempt's result does to its
record. Pure functions, so every rule is tested without a store."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import refusal
from swat_tui.paths import data_dir

CONTACTADO = "contactado"
PENDIENTE = "pendiente"
AGOTADO = "agotado"
EN_CURSO = "en_curso"


@dataclass(frozen=True)
class ResultRule:
    """One result an agent may record, with what it does to the record."""

    code: str
    label: str
    closes: bool = False  # an effective contact: the record is contactado
    stops_number: bool = False  # the number dialled is dropped
    customer_time: bool = False  # the next dial at the time the customer gave
    minutes: int = 0  # else: at least this long before the next dial


@dataclass(frozen=True)
class RecallRules:
    """The whole file: limits and the results in the order the agent sees them."""

    max_attempts_per_account: int
    max_attempts_per_number: int
    claim_timeout: timedelta
    results: tuple[ResultRule, ...]

    def rule(self, code: str) -> ResultRule:
        """The rule of result ``code``; a refusal naming the results when unknown."""
        for rule in self.results:
            if rule.code == code:
                return rule
        options = ", ".join(r.code for r in self.results)
        raise refusal("supervisor.campaign.result_unknown", result=code, options=options)


@dataclass(frozen=True)
class RecordState:
    """What the rules need of a record before the attempt."""

    attempts: int  # on the account, all numbers
    phone: str
    phone2: str | None
    number_attempts: int  # on the number dialled


@dataclass(frozen=True)
class Decision:
    """The record after the attempt: status, when it may be dialled again, its numbers."""

    status: str
    next_call_at: datetime | None
    phone: str
    phone2: str | None


def parse_recall_rules(raw: Mapping[str, Any]) -> RecallRules:
    """The rules of a parsed TOML document (``KeyError``/``ValueError`` when bad)."""
    results = tuple(
        ResultRule(
            code=str(item["code"]),
            label=str(item["label"]),
            closes=bool(item.get("closes", False)),
            stops_number=bool(item.get("stops_number", False)),
            customer_time=bool(item.get("customer_time", False)),
            minutes=int(item.get("minutes", 0)),
        )
        for item in raw["result"]
    )
    rules = RecallRules(
        max_attempts_per_account=int(raw["max_attempts_per_account"]),
        max_attempts_per_number=int(raw["max_attempts_per_number"]),
        claim_timeout=timedelta(minutes=int(raw["claim_timeout_minutes"])),
        results=results,
    )
    if rules.max_attempts_per_account < 1 or rules.max_attempts_per_number < 1:
        raise ValueError("recall_rules.toml: the maximum attempts must be at least 1")
    if len({r.code for r in results}) != len(results) or not any(r.closes for r in results):
        raise ValueError("recall_rules.toml: result codes repeat, or none closes a record")
    if any(r.minutes < 0 for r in results):
        raise ValueError("recall_rules.toml: minutes cannot be negative")
    return rules


def load_recall_rules(path: Path) -> RecallRules:
    """The rules in ``path``."""
    return parse_recall_rules(tomllib.loads(path.read_text(encoding="utf-8")))


@cache
def recall_rules() -> RecallRules:
    """``data/recall_rules.toml``, read once per process."""
    return load_recall_rules(data_dir() / "recall_rules.toml")


def in_bogota(moment: datetime) -> datetime:
    """``moment`` as Bogotá time (a naive one is taken as Bogotá's already)."""
    return moment.replace(tzinfo=BOGOTA) if moment.tzinfo is None else moment.astimezone(BOGOTA)


def decide(
    rules: RecallRules,
    record: RecordState,
    *,
    result: str,
    dialled: str,
    recall_at: datetime | None,
    now: datetime,
) -> Decision:
    """What ``result`` on number ``dialled`` does to ``record``; a ``DomainError`` for an
    unknown result, a number not on the record, or a recall time missing or past."""
    rule = rules.rule(result)
    numbers = [number for number in (record.phone, record.phone2) if number]
    if dialled not in numbers:
        raise refusal("supervisor.campaign.phone_not_on_record", phone=dialled)
    _check_recall(rule, recall_at, now)
    if rule.closes:
        return Decision(CONTACTADO, None, record.phone, record.phone2)
    if rule.stops_number or record.number_attempts + 1 >= rules.max_attempts_per_number:
        numbers.remove(dialled)
    if not numbers or record.attempts + 1 >= rules.max_attempts_per_account:
        return Decision(AGOTADO, None, record.phone, record.phone2)
    if rule.customer_time:
        assert recall_at is not None  # _check_recall
        next_call_at = in_bogota(recall_at)
    else:
        next_call_at = now + timedelta(minutes=rule.minutes)
    second = numbers[1] if len(numbers) > 1 else None
    return Decision(PENDIENTE, next_call_at, numbers[0], second)


def _check_recall(rule: ResultRule, recall_at: datetime | None, now: datetime) -> None:
    if not rule.customer_time:
        if recall_at is not None:
            raise refusal("supervisor.campaign.recall_not_asked", label=rule.label)
        return
    if recall_at is None:
        raise refusal("supervisor.campaign.recall_missing")
    if in_bogota(recall_at) <= now:
        raise refusal("supervisor.campaign.recall_past", at=f"{in_bogota(recall_at):%d/%m %H:%M}")


def closing_results(rules: RecallRules | None = None) -> tuple[str, ...]:
    """The result codes that close a record as an effective contact (``closes``)."""
    return tuple(rule.code for rule in (rules or recall_rules()).results if rule.closes)
