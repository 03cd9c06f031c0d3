"""A payment commitment agreed in a call (cartera): checked against the benefit.

The date may not be in the past nor beyond the benefit's limit (or the limit
of a plain commitment); the amount is at least what the benefit asks and at
most the debt. A benefit the customer does not meet is refused with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from swat_tui.domain.errors import DomainError
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
        raise DomainError("La cuenta no tiene deuda: no hay compromiso de pago que registrar.")
    code = benefit.strip().upper()
    chosen: BenefitDef | None = None
    definition = load_benefits()
    if code:
        offered = {e.benefit.code: e for e in view.benefits}
        if code not in offered:
            raise DomainError(f"Beneficio {code[:12]} no se ofrece a esta cuenta.")
        eligibility = offered[code]
        if not eligibility.met:
            raise DomainError(f"No cumple el beneficio {code}: {eligibility.reason}")
        chosen = eligibility.benefit
    when = parse_day(promised_on, label="Fecha del compromiso")
    if when < today:
        raise DomainError("Fecha del compromiso: no puede ser anterior a hoy.")
    limit_days = chosen.limit_days if chosen else definition.plain_limit_days
    limit = today + timedelta(days=limit_days)
    if when > limit:
        raise DomainError(
            f"Fecha del compromiso: máximo el {limit.strftime('%d/%m/%Y')} ({limit_days} días)."
        )
    pesos = parse_amount(amount, label="Valor del compromiso")
    if pesos > view.facts.debt:
        raise DomainError("Valor del compromiso: es mayor que la deuda de la cuenta.")
    if chosen is not None and pesos < chosen.amount_due(view.facts.debt):
        least = f"{chosen.amount_due(view.facts.debt):,}".replace(",", ".")
        raise DomainError(
            f"Valor del compromiso: el beneficio {chosen.code} pide al menos $ {least}."
        )
    return CommitmentForm(chosen, when, pesos)
