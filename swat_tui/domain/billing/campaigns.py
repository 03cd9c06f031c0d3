"""Discount campaigns (F24+T): the account's enrolments in force, with the whole months
left, and the campaigns in force it could take.

What a campaign asks of an account is the operator's, so it is data
(``data/campaign_conditions.csv``): the account status, the services it must
have (``internet+tv+voz``), the months of tenure, whether it must be up to date
(owes nothing), and whether SAC may offer it (a retention discount is offered
only by the retention area). A campaign without a row there is not offered.
"""

from __future__ import annotations

import calendar
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from sqlmodel import Session

from swat_tui.domain.billing.views import CampaignsView, Enrolment, Offer
from swat_tui.domain.errors import refusal
from swat_tui.paths import data_dir
from swat_tui.store.models import Account, DiscountCampaign
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import billing as billing_queries

COLUMNS = ("code", "status", "services", "min_tenure_months", "up_to_date", "offered_in_sac")
YES_NO = {"si": True, "sí": True, "no": False}
SERVICE_NAMES = {"internet": "internet", "tv": "TV", "voz": "telefonía"}


@dataclass(frozen=True)
class Condition:
    """What one campaign asks of an account."""

    code: str
    status: str  # e.g. ACTIVA; "" for any
    services: frozenset[str]  # service kinds the account must have
    min_tenure_months: int
    up_to_date: bool  # the account must owe nothing
    offered_in_sac: bool

    def describe(self) -> str:
        """The conditions as the agent reads them out."""
        parts = []
        if self.services:
            kinds = [k for k in ("internet", "tv", "voz") if k in self.services]
            parts.append("+".join(SERVICE_NAMES[k] for k in kinds))
        if self.min_tenure_months:
            parts.append(f"{self.min_tenure_months}+ meses")
        if self.up_to_date:
            parts.append("al día")
        return ", ".join(parts) or "cuenta activa"


@dataclass(frozen=True)
class AccountFacts:
    """What the conditions look at."""

    status: str
    service_kinds: frozenset[str]  # kinds of the services not cancelled
    tenure_months: int
    balance: int  # pesos owed; <= 0 is up to date


@dataclass(frozen=True)
class Campaign:
    code: str
    name: str
    percent: int
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class Enrolled:
    code: str
    applied_from: date
    applied_to: date


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` months on, on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def whole_months(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 when ``end`` is less than a month away)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return months


def months_left(today: date, ends_on: date) -> int:
    """Whole months of an enrolment still to run: ending this month is 0."""
    return whole_months(today, ends_on)


def meets(condition: Condition, facts: AccountFacts) -> bool:
    """The account meets every condition of the campaign."""
    return (
        condition.offered_in_sac
        and (not condition.status or facts.status == condition.status)
        and condition.services <= facts.service_kinds
        and facts.tenure_months >= condition.min_tenure_months
        and (not condition.up_to_date or facts.balance <= 0)
    )


def in_force(enrolments: Sequence[Enrolled], today: date) -> list[Enrolled]:
    return [e for e in enrolments if e.applied_from <= today <= e.applied_to]


def enrolments_in_force(
    enrolments: Sequence[Enrolled], campaigns: dict[str, Campaign], today: date
) -> tuple[Enrolment, ...]:
    """The account's enrolments whose dates include ``today``, soonest end first."""
    lines = [
        Enrolment(
            code=e.code,
            name=campaigns[e.code].name if e.code in campaigns else e.code,
            percent=campaigns[e.code].percent if e.code in campaigns else 0,
            starts_on=e.applied_from,
            ends_on=e.applied_to,
            months_left=months_left(today, e.applied_to),
        )
        for e in in_force(enrolments, today)
    ]
    return tuple(sorted(lines, key=lambda line: (line.ends_on, line.code)))


def offers(
    campaigns: Sequence[Campaign],
    enrolments: Sequence[Enrolled],
    conditions: dict[str, Condition],
    facts: AccountFacts,
    today: date,
) -> tuple[Offer, ...]:
    """Campaigns in force today that the account is not enrolled in now and whose
    conditions (``data/campaign_conditions.csv``) it meets."""
    taken = {e.code for e in in_force(enrolments, today)}
    chosen = []
    for campaign in campaigns:
        condition = conditions.get(campaign.code)
        if campaign.code in taken or condition is None:
            continue
        if not campaign.starts_on <= today <= campaign.ends_on or not meets(condition, facts):
            continue
        chosen.append(
            Offer(
                campaign.code,
                campaign.name,
                campaign.percent,
                campaign.ends_on,
                condition.describe(),
            )
        )
    return tuple(chosen)


def campaigns_view_in(
    session: Session, account: Account, *, today: date, conditions: dict[str, Condition]
) -> CampaignsView:
    """F24+T of ``account`` from the store."""
    rows = billing_queries.enrolments_of(session, cuenta=account.cuenta)
    enrolled = [Enrolled(c.code, e.applied_from, e.applied_to) for e, c in rows]
    known = {c.code: _campaign(c) for _, c in rows}
    in_force_now = [_campaign(c) for c in billing_queries.campaigns_in_force(session, today=today)]
    known.update({c.code: c for c in in_force_now})
    kinds = frozenset(
        s.kind
        for s in account_queries.services_of(session, cuenta=account.cuenta)
        if s.status != "CANCELADO"
    )
    facts = AccountFacts(
        status=account.status,
        service_kinds=kinds,
        tenure_months=whole_months(account.activated_on, today),
        balance=account.balance,
    )
    return CampaignsView(
        cuenta=account.cuenta,
        enrolled=enrolments_in_force(enrolled, known, today),
        offers=offers(in_force_now, enrolled, conditions, facts, today),
    )


def _campaign(row: DiscountCampaign) -> Campaign:
    return Campaign(row.code, row.name, row.percent, row.starts_on, row.ends_on)


# -- the data file ---------------------------------------------------------------------


def read_conditions(path: Path) -> dict[str, Condition]:
    """Every campaign's conditions, or ``DomainError`` naming the file, line and field."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise refusal("files.columns", name=path.name, columns=",".join(COLUMNS))
        rows: dict[str, Condition] = {}
        for line, raw in enumerate(reader, start=2):
            rows[raw["code"]] = _condition(path.name, line, raw)
    return rows


def _condition(file: str, line: int, raw: dict[str, str]) -> Condition:
    services = frozenset(s for s in raw["services"].strip().split("+") if s)
    unknown = services - set(SERVICE_NAMES)
    if unknown:
        raise refusal("files.campaigns.service", file=file, line=line, unknown=sorted(unknown)[0])
    tenure = raw["min_tenure_months"].strip() or "0"
    if not tenure.isdigit():
        raise refusal("files.campaigns.tenure", file=file, line=line, tenure=tenure)
    flags = {}
    for name in ("up_to_date", "offered_in_sac"):
        value = raw[name].strip().lower()
        if value not in YES_NO:
            raise refusal("files.campaigns.yes_no", file=file, line=line, name=name)
        flags[name] = YES_NO[value]
    return Condition(
        code=raw["code"].strip(),
        status=raw["status"].strip(),
        services=services,
        min_tenure_months=int(tenure),
        up_to_date=flags["up_to_date"],
        offered_in_sac=flags["offered_in_sac"],
    )


@cache
def default_conditions() -> dict[str, Condition]:
    """The conditions of ``data/campaign_conditions.csv``."""
    return read_conditions(data_dir() / "campaign_conditions.csv")
