"""The inventory area of the desk (soporte, Gestión 3 inventario, INV010).

The customer reads the serials of their modem, decoders and smart cards; each
is compared with RR's (F10) and recorded. A mismatch, or a service sold but
not provisioned in the Módulo de Gestión, goes to DIME's inventory area in the
same transaction: the case, the checks, the route (DIME inventario) and the
code the typification proposes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.desk.context import DeskContext
from swat_tui.domain.dime import cases as dime_cases
from swat_tui.domain.dime.areas import load_areas
from swat_tui.domain.dime.cases import Escalation
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.support.routes import record_route
from swat_tui.domain.support.serials import checked_serial
from swat_tui.domain.support.support_call import support_call
from swat_tui.store.enums import EquipmentStatus
from swat_tui.store.models import Equipment
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import serials as serial_queries

# What the serials comparison records and suggests: data/actions.toml.
COMPARED_CHECK = load_actions().action("inventory_compare").check
DIME_AREA = "inventario"
ACCESS_ACTION = "INVENTARIO_SERIALES"
WHERE = "support.outside_call.inventory"  # the refusal outside a support call
DEVICE_NAMES = {"modem": "Módem", "decoder": "Decodificador", "smart_card": "Smart card"}
MISMATCH_CODE = load_actions().action("inventory_compare").suggested("mismatch")
UNPROVISIONED_CODE = load_actions().action("inventory_compare").suggested("unprovisioned")


@dataclass(frozen=True)
class EquipmentRead:
    """An installed device, its RR serial and what the customer read in this call."""

    equipment_id: int
    kind: str
    serial: str
    model: str
    read: str  # "" until read in this call
    matches: bool | None  # None until read


@dataclass(frozen=True)
class ServiceAssociation:
    kind: str
    plan: str
    provisioned: bool


@dataclass(frozen=True)
class InventoryView:
    """INV010: the devices to read and the services' association."""

    devices: tuple[EquipmentRead, ...]
    services: tuple[ServiceAssociation, ...]

    @property
    def unprovisioned(self) -> tuple[ServiceAssociation, ...]:
        return tuple(s for s in self.services if not s.provisioned)


class InventoryIntents(AreaService, area="inventory"):
    """Serials read against RR, and the DIME inventory case when they differ."""

    def devices(self) -> InventoryView:
        """The call's account's installed devices and services (gate-checked, logged)."""
        call, cuenta = support_call(self.ctx, WHERE)
        with self.ctx.transaction() as tx:
            installed = _installed(self.ctx, tx.session, cuenta)
            reads = {
                c.equipment_id: c
                for c in serial_queries.checks_of_call(tx.session, call_id=call.call_id)
            }
            services = account_queries.services_of(tx.session, cuenta=cuenta)
        return InventoryView(
            tuple(
                EquipmentRead(
                    row.id or 0,
                    row.kind,
                    row.serial,
                    row.model,
                    reads[row.id].read if row.id in reads else "",
                    reads[row.id].matches if row.id in reads else None,
                )
                for row in installed
            ),
            tuple(ServiceAssociation(s.kind, s.plan_name, s.provisioned) for s in services),
        )

    def compare_serials(self, reads: dict[int, str]) -> CallRecord:
        """Record the serials read (by equipment id; empty ones are skipped); a mismatch
        or a service not provisioned opens the DIME inventory case, else the check is
        recorded as matching. Refused whole for a serial that cannot be one."""
        ctx = self.ctx
        call, cuenta = support_call(ctx, WHERE)
        typed = {ident: text for ident, text in reads.items() if text.strip()}
        if not typed:
            raise refusal("support.serial_missing")
        serials = {ident: checked_serial(text) for ident, text in typed.items()}
        now = ctx.now()
        with ctx.transaction() as tx:
            session = tx.session
            installed = {row.id: row for row in _installed(ctx, session, cuenta)}
            if call.record.state.mark_for(COMPARED_CHECK, call.record.state.request_number):
                raise refusal("support.serials_compared")
            mismatches: list[str] = []
            for ident, serial in serials.items():
                device = installed.get(ident)
                if device is None or device.id is None:
                    raise refusal("support.equipment_not_installed")
                serial_queries.add_check(
                    session,
                    cuenta=cuenta,
                    equipment_id=device.id,
                    call_id=call.call_id,
                    registered=device.serial,
                    read=serial,
                    agent=ctx.agent.username,
                    at=now,
                )
                if serial != device.serial:
                    device_name = DEVICE_NAMES.get(device.kind, device.kind)
                    mismatches.append(f"{device_name}: RR {device.serial}, leído {serial}")
            unprovisioned = [
                s.kind
                for s in account_queries.services_of(session, cuenta=cuenta)
                if not s.provisioned
            ]
            if not mismatches and not unprovisioned:

                def matched(change: CallChange) -> None:
                    change.action("inventory.compare_serials", "coinciden", serials=len(serials))
                    change.record(COMPARED_CHECK, f"coinciden {len(serials)} serial(es)")

                return tx.change_call(matched)
            data = "; ".join(
                [*mismatches, *(f"{kind} vendido sin aprovisionar" for kind in unprovisioned)]
            )
            reason = (
                "Serial instalado distinto al de RR" if mismatches else "Servicio sin aprovisionar"
            )
            areas = load_areas()
            escalation = Escalation.checked(areas, area=DIME_AREA, reason=reason, data=data)
            case, _escalated = dime_cases.escalate(
                session,
                ctx.procedure,
                areas,
                call_id=call.call_id,
                cuenta=cuenta,
                escalation=escalation,
                check_id=COMPARED_CHECK,
                agent=ctx.agent.username,
                gate=ctx.gate,
                now=now,
            )

            def routed(change: CallChange) -> str:
                change.action("inventory.compare_serials", case.number, serials=len(serials))
                record_route(change, "dime_inventario")
                return MISMATCH_CODE if mismatches else UNPROVISIONED_CODE

            record = tx.change_call(routed)
        return record


def _installed(ctx: DeskContext, session: Session, cuenta: int) -> list[Equipment]:
    """The account's installed devices, gate-checked and logged."""
    ctx.gated_account(session, cuenta, ACCESS_ACTION)
    return [
        row
        for row in account_queries.equipment_of(session, cuenta=cuenta)
        if row.status == EquipmentStatus.INSTALADO.value and row.id is not None
    ]
