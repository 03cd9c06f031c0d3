"""SAC021: F13 then F15 — the monthly rent, part by part, and the last invoices.

The parts (each plan, the equipment rent, IVA per part) add up to the rent on
the total line; the last invoices show how what was billed changed, with the
campaign discount and the extra charges of each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.format import clip, numbered_fields, pesos
from swat_tui.ui.screens.base import AccountSubpanel

if TYPE_CHECKING:
    from swat_tui.domain.billing.views import InvoiceLine, RentPart, RentView

PART_LINES = 7
HISTORY_LINES = 6
EXEMPT = "exento"
NO_INVOICES = "La cuenta aún no tiene facturas."


class RentScreen(AccountSubpanel, panel="SAC021"):
    """Read-only, like F10: opened with the account and the holder the call shows."""

    def fill(self) -> None:
        self.set_fields(self.account_fields())
        view = self.attempt(lambda: self.desk.billing.rent(self.cuenta))
        if view is None:
            return  # refused (BLACKLIST): row 24 says why
        fields: dict[str, str] = {}
        parts = [_part(part) for part in view.parts[:PART_LINES]]
        fields.update(numbered_fields("p", parts, PART_LINES))
        fields["total"] = total_line(view)
        history = [_invoice(line) for line in view.history[:HISTORY_LINES]]
        fields.update(
            numbered_fields("h", history or ["La cuenta aún no tiene facturas."], HISTORY_LINES)
        )
        self.set_fields(fields)
        if not view.parts:
            self.message(self.desk.procedure.message("billing_no_services"))


def _amount(value: int) -> str:
    return pesos(value)


def _part(part: RentPart) -> str:
    iva = EXEMPT if part.exempt else _amount(part.iva)
    return (
        f"{clip(part.label, 40):<40} {_amount(part.base):>11} {iva:>11} {_amount(part.total):>11}"
    )


def total_line(view: RentView) -> str:
    """The rent's line: its label says about IVA only what the IVA column shows."""
    iva = _amount(view.iva)
    if view.exempt:
        label, iva = f"Renta mensual (exenta de IVA, estrato {view.estrato})", EXEMPT
    elif view.iva > 0:
        label = f"Renta mensual (IVA {view.iva_percent}% incluido)"
    else:
        label = "Renta mensual"  # nothing billed, or only parts at $ 0
    return f"{clip(label, 40):<40} {_amount(view.base):>11} {iva:>11} {_amount(view.total):>11}"


def _invoice(line: InvoiceLine) -> str:
    discount = f"{line.discount_code} {line.discount_percent}%" if line.discount_code else "-"
    change = "-" if line.change is None else _signed(line.change)
    return (
        f"{line.period:<17}{line.number:<14}{_amount(line.amount):>11} "
        f"{_amount(line.extra_charges):>11} {clip(discount, 12):<12} {change:>10}"
    )


def _signed(value: int) -> str:
    """A change of the amount: "+$ 4.900", "-$ 1.000" or "=" when it did not change."""
    if value == 0:
        return "="
    text = pesos(abs(value))
    return f"+{text}" if value > 0 else f"-{text}"
