"""The monthly rent and its parts (F13+F15), and how it changed over the last invoices.

The rent is the sum of its parts, so what the agent reads out adds up:

- each service's plan at its tariff in ``data/plans.csv``;
- the rent of the installed equipment, by kind, in ``data/equipment_rent.csv``
  (``included`` units of a kind come with the plans, e.g. the first decoder;
  each one more pays ``monthly_rent``);
- the IVA (19%) inside each part. Tariffs are what the customer pays, IVA
  included where it applies, as Colombian price lists are published (and as
  RR's monthly rent and the invoices bill the plans); each part shows its base
  and its IVA, ``base = price / 1.19`` rounded to the peso and ``IVA = price -
  base``, so base + IVA is exactly the tariff. Internet of estratos 1 to 3 is
  excluded from IVA for residential users: all of it is base. TV, voz and
  equipment are taxed.

A campaign discount is not a part of the rent: it shows on the invoices it
lowered (``InvoiceLine.discount_percent``) and on F24+T.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from sqlmodel import Session

from swat_tui.domain.billing.views import InvoiceLine, RentPart, RentView
from swat_tui.domain.errors import refusal
from swat_tui.paths import data_dir
from swat_tui.store.models import Account
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import billing as billing_queries

IVA_PERCENT = 19
INTERNET_EXEMPT_MAX_ESTRATO = 3  # residential internet of estratos 1, 2 and 3 pays no IVA
EQUIPMENT_PART = "equipo"
BILLED_SERVICE = ("ACTIVO", "SUSPENDIDO")  # a suspended service still bills its plan
RENTED_EQUIPMENT = "INSTALADO"
HISTORY = 6  # invoices shown on F13+F15
EQUIPMENT_COLUMNS = ("kind", "label", "included", "monthly_rent")


@dataclass(frozen=True)
class EquipmentRent:
    """What one kind of equipment costs a month beyond the units the plans include."""

    kind: str
    label: str
    included: int
    monthly_rent: int


@dataclass(frozen=True)
class RentCatalog:
    """Plan prices and equipment rents, from the data files."""

    plan_prices: dict[str, int]
    equipment: dict[str, EquipmentRent]


@dataclass(frozen=True)
class BilledService:
    """A service as the rent sees it."""

    kind: str  # internet | tv | voz
    plan_code: str
    plan_name: str
    status: str


@dataclass(frozen=True)
class Discounted:
    """An enrolment's campaign and dates, to tell which invoices it lowered."""

    code: str
    percent: int
    applied_from: date
    applied_to: date


@dataclass(frozen=True)
class IssuedInvoice:
    """An invoice as the history needs it."""

    number: str
    period: str
    issued_on: date
    amount: int
    extra_charges: int


def split_iva(price: int, *, exempt: bool, percent: int = IVA_PERCENT) -> tuple[int, int]:
    """(base, IVA) of a tariff that includes IVA: the base rounded half up to the peso,
    the IVA the rest, so they add up to ``price``; all base when exempt."""
    if exempt or price <= 0:
        return price, 0
    divisor = 100 + percent
    base = (price * 200 + divisor) // (2 * divisor)
    return base, price - base


def internet_exempt(estrato: int) -> bool:
    """Residential internet of estratos 1 to 3 is excluded from IVA."""
    return 1 <= estrato <= INTERNET_EXEMPT_MAX_ESTRATO


def rent_parts(
    services: Sequence[BilledService],
    equipment_kinds: Sequence[str],
    estrato: int,
    catalog: RentCatalog,
) -> tuple[RentPart, ...]:
    """The parts of the rent: the billed services' plans, then the equipment rents.

    ``equipment_kinds`` are the kinds of the installed devices, one per device.
    """
    parts: list[RentPart] = []
    for service in services:
        if service.status not in BILLED_SERVICE:
            continue
        price = catalog.plan_prices.get(service.plan_code, 0)
        exempt = service.kind == "internet" and internet_exempt(estrato)
        base, iva = split_iva(price, exempt=exempt)
        parts.append(RentPart(service.kind, service.plan_name, base, iva, exempt))
    for kind, count in Counter(equipment_kinds).items():
        rent = catalog.equipment.get(kind)
        if rent is None:
            continue
        paying = count - rent.included
        if paying <= 0 or rent.monthly_rent <= 0:
            continue
        base, iva = split_iva(paying * rent.monthly_rent, exempt=False)
        label = f"{rent.label} x{paying}" if paying > 1 else rent.label
        parts.append(RentPart(EQUIPMENT_PART, label, base, iva))
    return tuple(parts)


def history(
    invoices: Sequence[IssuedInvoice], discounts: Sequence[Discounted], *, count: int = HISTORY
) -> tuple[InvoiceLine, ...]:
    """The last ``count`` invoices (``invoices`` newest first), each with the discount
    that applied on its issue date and its change from the invoice before it."""
    lines: list[InvoiceLine] = []
    for index, invoice in enumerate(invoices[:count]):
        before = invoices[index + 1] if index + 1 < len(invoices) else None
        applied = next(
            (d for d in discounts if d.applied_from <= invoice.issued_on <= d.applied_to), None
        )
        lines.append(
            InvoiceLine(
                number=invoice.number,
                period=invoice.period,
                issued_on=invoice.issued_on,
                amount=invoice.amount,
                extra_charges=invoice.extra_charges,
                discount_code=applied.code if applied else None,
                discount_percent=applied.percent if applied else 0,
                change=invoice.amount - before.amount if before is not None else None,
            )
        )
    return tuple(lines)


def rent_view_in(session: Session, account: Account, *, catalog: RentCatalog) -> RentView:
    """F13+F15 of ``account`` from the store: its parts now and its last invoices."""
    services = [
        BilledService(s.kind, s.plan_code, s.plan_name, s.status)
        for s in account_queries.services_of(session, cuenta=account.cuenta)
    ]
    kinds = [
        e.kind
        for e in account_queries.equipment_of(session, cuenta=account.cuenta)
        if e.status == RENTED_EQUIPMENT
    ]
    invoices = [
        IssuedInvoice(i.number, i.period, i.issued_on, i.amount, i.extra_charges)
        for i in billing_queries.invoices_of(session, cuenta=account.cuenta, limit=HISTORY + 1)
    ]
    discounts = [
        Discounted(campaign.code, campaign.percent, e.applied_from, e.applied_to)
        for e, campaign in billing_queries.enrolments_of(session, cuenta=account.cuenta)
    ]
    return RentView(
        cuenta=account.cuenta,
        estrato=account.estrato,
        iva_percent=IVA_PERCENT,
        parts=rent_parts(services, kinds, account.estrato, catalog),
        history=history(invoices, discounts),
    )


# -- the data files -------------------------------------------------------------------


def read_catalog(plans: Path, equipment: Path) -> RentCatalog:
    """Plan prices and equipment rents, or ``DomainError`` naming the file and line."""
    prices: dict[str, int] = {}
    with plans.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            prices[row["plan_code"]] = _amount(plans.name, line, row.get("monthly_price"))
    rents: dict[str, EquipmentRent] = {}
    with equipment.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != EQUIPMENT_COLUMNS:
            columns = ",".join(EQUIPMENT_COLUMNS)
            raise refusal("files.columns", name=equipment.name, columns=columns)
        for line, row in enumerate(reader, start=2):
            rents[row["kind"]] = EquipmentRent(
                kind=row["kind"],
                label=row["label"],
                included=_amount(equipment.name, line, row["included"]),
                monthly_rent=_amount(equipment.name, line, row["monthly_rent"]),
            )
    return RentCatalog(prices, rents)


def _amount(file: str, line: int, text: str | None) -> int:
    value = (text or "").strip()
    if not value.isdigit():
        raise refusal("files.rent.amount", file=file, line=line, value=value)
    return int(value)


@cache
def default_catalog() -> RentCatalog:
    """The catalogue of ``data/plans.csv`` and ``data/equipment_rent.csv``."""
    return read_catalog(data_dir() / "plans.csv", data_dir() / "equipment_rent.csv")
