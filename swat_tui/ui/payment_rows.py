"""How SAC030 and SAC031 (F21+F18) write a payment and the account's payment state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.format import day, pesos

if TYPE_CHECKING:
    from swat_tui.domain.sac.recaudo import PaymentLine, RecaudoView


def payment_record(line: PaymentLine) -> dict[str, str]:
    """One subfile record: paid on, amount, channel, reference, applied on (or not yet)."""
    return {
        "pd": day(line.paid_on),
        "pv": pesos(line.amount),
        "pc": line.channel,
        "pr": line.reference,
        "pa": day(line.applied_on) if line.applied_on is not None else "SIN APLICAR",
    }


def payment_state(view: RecaudoView) -> str:
    """ "Al día", or what is owed (an unapplied payment still counts as owed)."""
    if view.up_to_date:
        credit = f" (saldo a favor {pesos(-view.balance)})" if view.balance < 0 else ""
        return f"Al día{credit}."
    pending = sum(1 for p in view.payments if not p.applied)
    waiting = f"; {pending} pago(s) recibido(s) sin aplicar" if pending else ""
    return f"Debe {pesos(view.balance)}{waiting}."
