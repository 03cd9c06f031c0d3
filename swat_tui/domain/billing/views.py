"""Read-only values of SAC facturación the desk hands to the panels (SAC020-SAC022)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from swat_tui.domain.call.views import CallRecord


@dataclass(frozen=True)
class RentPart:
    """One part of the monthly rent: a service's plan or an equipment rent, with its IVA."""

    kind: str  # internet | tv | voz | equipo
    label: str  # the plan name, or e.g. "Alquiler decodificador x2"
    base: int  # pesos before IVA
    iva: int  # pesos of IVA (0 when exempt)
    exempt: bool = False  # internet of estratos 1 to 3

    @property
    def total(self) -> int:
        return self.base + self.iva


@dataclass(frozen=True)
class InvoiceLine:
    """One of the last invoices, for how the rent changed."""

    number: str
    period: str  # YYYY-MM
    issued_on: date
    amount: int
    extra_charges: int
    discount_code: str | None  # the campaign that applied on its issue date
    discount_percent: int
    change: int | None  # amount less the invoice before it (None: no earlier invoice)


@dataclass(frozen=True)
class RentView:
    """F13+F15: the rent, part by part, and the last invoices."""

    cuenta: int
    estrato: int
    iva_percent: int
    parts: tuple[RentPart, ...]
    history: tuple[InvoiceLine, ...]

    @property
    def base(self) -> int:
        return sum(part.base for part in self.parts)

    @property
    def iva(self) -> int:
        return sum(part.iva for part in self.parts)

    @property
    def exempt(self) -> bool:
        """Every part is exempt from IVA (internet of estratos 1 to 3 alone): the rent
        carries no IVA at all."""
        return bool(self.parts) and all(part.exempt for part in self.parts)

    @property
    def total(self) -> int:
        """The monthly rent: exactly the sum of its parts."""
        return sum(part.total for part in self.parts)


@dataclass(frozen=True)
class Enrolment:
    """A campaign the account is enrolled in, in force today."""

    code: str
    name: str
    percent: int
    starts_on: date
    ends_on: date
    months_left: int  # whole months from today to ``ends_on``


@dataclass(frozen=True)
class Offer:
    """A campaign in force the account is not enrolled in and whose conditions it meets."""

    code: str
    name: str
    percent: int
    ends_on: date  # the campaign's last day
    conditions: str  # what it asks, as the agent tells the customer


@dataclass(frozen=True)
class CampaignsView:
    """F24+T: the campaigns in force for the account and the ones it could take."""

    cuenta: int
    enrolled: tuple[Enrolment, ...]
    offers: tuple[Offer, ...]


@dataclass(frozen=True)
class ChargeLine:
    """One extra charge of one of the last invoices."""

    period: str
    invoice_number: str
    kind: str  # ppv | evento | toma_adicional | ldn | ldi | movil | otros
    kind_name: str  # how the panel names it: PPV, Evento, Toma adicional, LDN, LDI, Celular
    description: str
    charged_on: date
    amount: int


@dataclass(frozen=True)
class ChargesView:
    """The extra charges of the account's last invoices, newest first."""

    cuenta: int
    invoices: int  # how many invoices were looked at
    lines: tuple[ChargeLine, ...]

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


@dataclass(frozen=True)
class DeliveryChangeLine:
    """A resend (REENVIO) or delivery change (CAMBIO) recorded in Paradigma."""

    action: str
    delivery: str  # fisica | digital
    destination: str
    at: datetime  # Bogotá
    agent: str


@dataclass(frozen=True)
class LastInvoiceView:
    """The last invoice Paradigma sent, as the agent reads it to the customer."""

    cuenta: int
    number: str
    period: str
    issued_on: date
    due_on: date
    amount: int
    extra_charges: int
    delivery: str  # fisica | digital
    sent_at: datetime | None  # Bogotá
    sent_to: str | None  # the address or email it went to
    delivery_status: str | None  # ENTREGADA | ENVIADA | DEVUELTA
    paid_on: date | None
    payment_status: str  # PAGADA | PENDIENTE | VENCIDA
    last_change: DeliveryChangeLine | None  # the newest resend or change of the account


@dataclass(frozen=True)
class DeliveryChangeDone:
    """What a resend or delivery change recorded; ``record`` is the call's, when in one."""

    message: str
    change: DeliveryChangeLine
    invoice_number: str | None
    record: CallRecord | None = None
