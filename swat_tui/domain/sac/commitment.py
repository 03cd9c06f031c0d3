"""A payment commitment agreed in a call (cartera): checked against the benefit.

The date may not be in the past nor beyond the benefit's limit (or the limit
of a plain commitment); the amount is at least what the benefit asks and at
most the debt. A benefit the customer does not meet is refused with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from swat_tui.domain.errors import refusal
from swat_tui.domain.sac.benefits import BenefitDef, load_benefits
from swat_tui.domain.sac.cartera import CarteraView
from swat_tui.domain.sac.inputs import parse_amount, parse_day

VIGENTE = "VIGENTE"


@dataclass(frozen=True)
class CommitmentForm:
    benefit: BenefitDef | None
    promised_on: date
    amount: int


def check_commitment(
    view: CarteraView, *, benefit: str, promised_on: str, amount: str, today: date
) -> CommitmentForm:
    """The commitment as typed, or the row-24 reason it cannot be recorded."""
    if view.facts.debt <= 0:
        raise refusal("sac.no_debt")
    code = benefit.strip().upper()
    chosen: BenefitDef | None = None
    definition = load_benefits()
    if code:
        offered = {e.benefit.code: e for e in view.benefits}
        if code not in offered:
            raise refusal("sac.benefit_not_offered", benefit=code[:12])
        eligibility = offered[code]
        if not eligibility.met:
            raise refusal("sac.benefit_not_met", benefit=code, reason=eligibility.reason)
        chosen = eligibility.benefit
    when = parse_day(promised_on, label="Fecha del compromiso")
    if when < today:
        raise refusal("sac.commitment_date_past")
    limit_days = chosen.limit_days if chosen else definition.plain_limit_days
    limit = today + timedelta(days=limit_days)
    if when > limit:
        raise refusal(
            "sac.commitment_date_late", limit=limit.strftime("%d/%m/%Y"), limit_days=limit_days
        )
    pesos = parse_amount(amount, label="Valor del compromiso")
    if pesos > view.facts.debt:
        raise refusal("sac.commitment_amount_high")
    if chosen is not None and pesos < chosen.amount_due(view.facts.debt):
        least = f"{chosen.amount_due(view.facts.debt):,}".replace(",", ".")
        raise refusal("sac.commitment_amount_low", benefit=chosen.code, least=least)
    return CommitmentForm(chosen, when, pesos)
