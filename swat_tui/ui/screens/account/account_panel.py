"""CTA001: the account panel, with the step-2 flags in RR style."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import HIDDEN, clip, day, hour, months, pesos, shown
from swat_tui.ui.labels import SERVICE_NAMES, blacklist_banner
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.account.views import AccountPanelView, PendingVisit, ServiceLine

FLAG_LINES = 5
FLAG_WIDTH = 78  # the {flag} fields of CTA001
KEEP = "\u00a0"  # a space the wrapping does not break at
SERVICE_LINES = 3


class AccountPanelScreen(RRScreen, panel="CTA001"):
    """Shows one account as the desk's BLACKLIST rule allows (opening it is logged)."""

    def __init__(self, cuenta: int) -> None:
        super().__init__()
        self.cuenta = cuenta
        self.view: AccountPanelView | None = None

    def fill(self) -> None:
        self._load()

    def returned(self) -> None:
        self._load()

    def _load(self) -> None:
        view = self.attempt(lambda: self.desk.accounts.panel(self.cuenta))
        if view is not None:
            self.view = view
            self.set_fields(panel_fields(view))

    def action_rr_refresh(self) -> None:
        self.clear_errors()
        self._load()
        self.message(messages.text("ui.account.refreshed"))

    async def action_rr_notes(self) -> None:
        await self.open_panel("NTS001", self.cuenta, self._holder())

    async def action_rr_inventory(self) -> None:
        if self.view is not None and not self.view.details_visible:
            self.message(self.desk.gate.refusal(self.cuenta), error=True)
            return
        await self.open_panel("INV001", self.cuenta, self._holder())

    async def action_rr_dime(self) -> None:
        """F9: the account's DIME cases with their follow-up notes."""
        if self.view is not None and not self.view.details_visible:
            self.message(self.desk.gate.refusal(self.cuenta), error=True)
            return
        await self.open_panel("DIM001", self.cuenta, self._holder())

    def _holder(self) -> str:
        """The holder's name for the sub-panels, empty while the blacklist hides it."""
        return (self.view.holder_name if self.view else None) or ""


def panel_fields(view: AccountPanelView) -> dict[str, str]:
    """The named fields of CTA001 for an account view."""
    phones = " / ".join(p for p in (view.phone_mobile, view.phone_fixed) if p)
    fields = {
        "cuenta": str(view.cuenta),
        "matriz": str(view.cuenta_matriz) if view.cuenta_matriz else "-",
        "status": view.status,
        "banner": banner(view),
        "holder": shown(view.holder_name),
        "document": shown(view.document),
        "address": shown(view.address),
        "estrato": shown(view.estrato),
        "city": view.city,
        "node": view.node,
        "phones": (phones or "-") if view.details_visible else HIDDEN,
        "email": (view.email or "-") if view.details_visible else HIDDEN,
        "tenure": months(view.tenure_months),
        "balance": pesos(view.balance),
        "rent": pesos(view.monthly_rent),
        "cutoff": shown(view.billing_cutoff_day),
        "meaning": view.status_meaning,
    }
    services = [service_line(s) for s in view.services][:SERVICE_LINES]
    if not services:
        services = ["Sin servicios activos."]
    for index in range(SERVICE_LINES):
        fields[f"svc{index + 1}"] = services[index] if index < len(services) else ""
    flags = flag_lines(view)
    for index in range(FLAG_LINES):
        fields[f"flag{index + 1}"] = flags[index] if index < len(flags) else ""
    return fields


def banner(view: AccountPanelView) -> str:
    return blacklist_banner(view.blacklist, view.access).center(78)


def service_line(service: ServiceLine) -> str:
    name = SERVICE_NAMES.get(service.kind, service.kind)
    technology = f"({service.tv_technology})" if service.tv_technology else ""
    return f"{name:<10} {clip(service.plan_name, 44):<44} {technology:<8} {service.status}"


def visit_line(visit: PendingVisit) -> str:
    if visit.scheduled and visit.slot_start is not None:
        end = f"-{hour(visit.slot_end)}" if visit.slot_end else ""
        when = f"AGENDADA {day(visit.slot_start)} {hour(visit.slot_start)}{end}"
    else:
        when = "SIN AGENDAR"
    return f"{visit.kind} PENDIENTE {visit.number}: {when}  {visit.reason}"


def flag_lines(view: AccountPanelView) -> list[str]:
    """Step-2 novelties, most important first; the last line counts what did not fit."""
    # An open aviso first: it is what the customer is living through right now.
    lines = [
        f"AVISO ABIERTO EN EL NODO {view.node}: {aviso.number} P{aviso.priority} "
        f"{aviso.priority_name} ({aviso.kind})"
        for aviso in view.open_incidents
    ]
    for pqr in view.pending_pqrs:
        cun = f"  CUN{KEEP}{pqr.cun}" if pqr.cun else ""  # never wrapped apart
        unit = "día" if pqr.days_open == 1 else "días"
        if pqr.overdue and pqr.due_on is not None:
            lines.append(
                f"PQR VENCIDA {pqr.radicado} el {day(pqr.due_on)}: RIESGO DE SILENCIO "
                f"ADMINISTRATIVO POSITIVO{cun}  {pqr.subject}"
            )
            continue
        due = f", vence {day(pqr.due_on)}" if pqr.due_on is not None else ""
        lines.append(
            f"PQR PENDIENTE {pqr.radicado}: {pqr.days_open} {unit} abierta{due}{cun}  {pqr.subject}"
        )
    lines.extend(visit_line(visit) for visit in view.pending_visits)
    lines.extend(
        f"DIME {case.status} {case.number} ({case.area}) desde {day(case.created_at)}: "
        f"{case.subject}"
        for case in view.open_dime_cases
    )
    if not lines:
        return ["Sin novedades: no hay PQR, LLS/OT, casos DIME ni avisos pendientes."]
    return _wrapped(lines)


def _wrapped(novelties: list[str]) -> list[str]:
    """Each novelty whole, wrapped onto the next row when longer than one (indented);
    the last row counts the novelties that did not fit."""
    rows: list[str] = []
    for shown_count, novelty in enumerate(novelties):
        wrapped = [
            row.replace(KEEP, " ")
            for row in textwrap.wrap(novelty, FLAG_WIDTH, subsequent_indent="  ")
        ]
        left = len(novelties) - shown_count
        room = FLAG_LINES - len(rows) - (1 if left > 1 else 0)
        if len(wrapped) > room:
            return [*rows, f"... y {left} novedades más."]
        rows.extend(wrapped)
    return rows
