"""Payment benefits (data/payment_benefits.toml) and whether an account meets them.

The conditions are data an operator edits; this module only reads them and
judges an account's facts against them, so the rule is testable alone.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir

KINDS = ("descuento", "cuotas")
CONDITION_MAX = 70


@dataclass(frozen=True)
class BenefitDef:
    """One benefit on offer, as data/payment_benefits.toml defines it."""

    code: str
    name: str
    kind: str  # descuento | cuotas
    percent: int
    instalments: int
    statuses: tuple[str, ...]
    offered_from_days: int
    limit_days: int
    min_payments_90d: int
    max_unpaid_invoices: int  # 0: no limit
    condition: str

    def amount_due(self, debt: int) -> int:
        """The least a commitment under this benefit may promise for ``debt``."""
        if self.kind == "cuotas":
            return -(-debt // self.instalments)
        return debt * (100 - self.percent) // 100


@dataclass(frozen=True)
class DebtFacts:
    """What the benefits look at in an account."""

    status: str
    debt: int
    days_past_due: int  # of the oldest unpaid invoice; 0 when none is past due
    unpaid_invoices: int
    payments_90d: int


@dataclass(frozen=True)
class Eligibility:
    """A benefit offered to the account, whether it meets it, and why not."""

    benefit: BenefitDef
    met: bool
    reason: str  # why not, when not met; "" when met


@dataclass(frozen=True)
class BenefitsDef:
    benefits: tuple[BenefitDef, ...]
    plain_limit_days: int

    def by_code(self, code: str) -> BenefitDef | None:
        return next((b for b in self.benefits if b.code == code), None)


def offered(benefit: BenefitDef, facts: DebtFacts) -> bool:
    """Offered at all: the account owes, in a status the benefit is for, old enough."""
    return (
        facts.debt > 0
        and facts.status in benefit.statuses
        and facts.days_past_due >= benefit.offered_from_days
    )


def judge(benefit: BenefitDef, facts: DebtFacts) -> Eligibility:
    """Whether the account meets an offered benefit, with the first failed condition."""
    if facts.payments_90d < benefit.min_payments_90d:
        return Eligibility(benefit, False, "Sin pagos en los últimos 90 días.")
    if benefit.max_unpaid_invoices and facts.unpaid_invoices > benefit.max_unpaid_invoices:
        return Eligibility(
            benefit,
            False,
            f"Tiene {facts.unpaid_invoices} facturas sin pagar (máx. "
            f"{benefit.max_unpaid_invoices}).",
        )
    return Eligibility(benefit, True, "")


def eligibilities(definition: BenefitsDef, facts: DebtFacts) -> tuple[Eligibility, ...]:
    """Every benefit offered to the account, judged."""
    return tuple(judge(b, facts) for b in definition.benefits if offered(b, facts))


def parse_benefits(raw: dict[str, Any], name: str = "payment_benefits.toml") -> BenefitsDef:
    """Read and validate the file; an error names the file, the benefit and the field."""
    benefits = []
    for index, row in enumerate(raw.get("benefit", []), start=1):
        where = f"{name}: beneficio {index}"
        try:
            benefit = BenefitDef(
                code=str(row["code"]),
                name=str(row["name"]),
                kind=str(row["kind"]),
                percent=int(row["percent"]),
                instalments=int(row["instalments"]),
                statuses=tuple(str(s) for s in row["statuses"]),
                offered_from_days=int(row["offered_from_days"]),
                limit_days=int(row["limit_days"]),
                min_payments_90d=int(row["min_payments_90d"]),
                max_unpaid_invoices=int(row["max_unpaid_invoices"]),
                condition=str(row["condition"]),
            )
        except KeyError as missing:
            raise ValueError(f"{where}: falta el campo {missing.args[0]}") from None
        if benefit.kind not in KINDS:
            raise ValueError(f"{where}: kind {benefit.kind!r} no es uno de {', '.join(KINDS)}")
        if not 0 <= benefit.percent < 100 or benefit.instalments < 1 or benefit.limit_days < 1:
            raise ValueError(f"{where}: percent, instalments o limit_days fuera de rango")
        if len(benefit.condition) > CONDITION_MAX:
            raise ValueError(f"{where}: condition pasa de {CONDITION_MAX} caracteres")
        benefits.append(benefit)
    codes = [b.code for b in benefits]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{name}: hay códigos de beneficio repetidos")
    return BenefitsDef(tuple(benefits), int(raw.get("plain_limit_days", 30)))


@cache
def load_benefits(path: Path | None = None) -> BenefitsDef:
    source = path or data_dir() / "payment_benefits.toml"
    with source.open("rb") as handle:
        return parse_benefits(tomllib.load(handle), source.name)
