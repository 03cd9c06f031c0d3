"""The extra charges of the last invoices: PPV and event rentals, extra outlets, LDN,
LDI and mobile calls, each with its date and amount.

Paradigma details each charge (``invoice_charge``); an invoice whose
``extra_charges`` add up to more than its detailed charges (invoices billed
before the detail was kept) shows the rest as one "otros" line on its issue
date, so what the panel lists always adds up to what the invoices charged.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from swat_tui.domain.billing.views import ChargeLine, ChargesView
from swat_tui.store.models import Account, Invoice, InvoiceCharge
from swat_tui.store.queries import billing as billing_queries

LAST_INVOICES = 3
KIND_NAMES = {
    "ppv": "PPV",
    "evento": "Evento",
    "toma_adicional": "Toma adicional",
    "ldn": "LDN",
    "ldi": "LDI",
    "movil": "Celular",
    "otros": "Otros",
}
UNDETAILED = "Cobros adicionales sin detalle en Paradigma"


def charge_lines(
    invoices: Sequence[Invoice], charges: Sequence[InvoiceCharge]
) -> tuple[ChargeLine, ...]:
    """The charges of ``invoices`` (newest first), newest charge first."""
    lines: list[ChargeLine] = []
    for invoice in invoices:
        own = [c for c in charges if c.invoice_id == invoice.id]
        lines.extend(
            ChargeLine(
                period=invoice.period,
                invoice_number=invoice.number,
                kind=c.kind,
                kind_name=kind_name(c.kind),
                description=c.description,
                charged_on=c.charged_on,
                amount=c.amount,
            )
            for c in own
        )
        rest = invoice.extra_charges - sum(c.amount for c in own)
        if rest > 0:
            lines.append(
                ChargeLine(
                    invoice.period,
                    invoice.number,
                    "otros",
                    kind_name("otros"),
                    UNDETAILED,
                    invoice.issued_on,
                    rest,
                )
            )
    return tuple(sorted(lines, key=lambda line: line.charged_on, reverse=True))


def kind_name(kind: str) -> str:
    """How the panel names a charge's kind."""
    return KIND_NAMES.get(kind, kind)


def charges_view_in(
    session: Session, account: Account, *, count: int = LAST_INVOICES
) -> ChargesView:
    """The extra charges of the account's last ``count`` invoices, from the store."""
    invoices = billing_queries.invoices_of(session, cuenta=account.cuenta, limit=count)
    ids = [i.id for i in invoices if i.id is not None]
    charges = billing_queries.charges_of_invoices(session, invoice_ids=ids)
    return ChargesView(account.cuenta, len(invoices), charge_lines(invoices, charges))
