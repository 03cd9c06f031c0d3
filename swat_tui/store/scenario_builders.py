"""The models one scenario row becomes: the facts it gives, the rest filled in.

Numbers come from the store's counters (``queries.numbering``: radicados, CUNs,
LLS/OT, INC, DIME), as an agent's would; ids from the inserts; every other
field the row leaves out from the account (its address, node, holder) or a
plain default. ``days`` holds the row's relative dates already read: prefix ->
signed days from the call's day (negative: ago); see ``scenario_rows.DATES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from swat_tui.calendar_co import add_business_days
from swat_tui.config import BOGOTA
from swat_tui.store.enums import (
    DimeStatus,
    EquipmentKind,
    EquipmentStatus,
    IncidentStatus,
    PqrStatus,
    WorkOrderStatus,
)
from swat_tui.store.models import (
    Account,
    DimeCase,
    DimeNote,
    Equipment,
    Incident,
    IncidentLink,
    Invoice,
    Payment,
    PlantCondition,
    Pqr,
    Service,
    WorkOrder,
)
from swat_tui.store.queries import notes as note_queries
from swat_tui.store.queries import numbering

AUTHOR = "FORMACION"  # who wrote what a scenario puts on the account (agents' fields: 10 chars)
ROW_MINUTE = 7 * 60  # a dated row is stamped at 07:00 Bogotá: before the office day's calls
PQR_BUSINESS_DAYS = 15
DIME_BUSINESS_DAYS = 5
INVOICE_DUE_DAYS = 15
RESTORE_HOURS = {1: 6, 2: 12, 3: 24, 4: 48}
PLANS = {  # kind -> (plan_code, plan_name, monthly price): data/plans.csv
    "internet": ("INT200", "Internet 200 Megas", 79_900),
    "tv": ("TVAHD", "TV Avanzada HD", 69_900),
    "voz": ("VOZLOC", "Telefonía ilimitada local", 19_900),
}
DEVICES = {  # kind -> (model, serial prefix): data/demo/equipment_models.csv
    EquipmentKind.MODEM.value: ("Technicolor CGA4233", "CGA4233"),
    EquipmentKind.DECODER.value: ("Kaon DVB KCF-SA800", "KCFSA800"),
    EquipmentKind.SMART_CARD.value: ("Nagra Smart Card", "SC"),
}
PLANT_FIELDS = ("cm_state", "levels", "alarm", "after_restart", "seen_serial")
DEFAULT_REASONS = {"LLS": "Falla técnica reportada por el cliente", "OT": "Instalación o traslado"}


@dataclass
class RowContext:
    """What every row of one account is built against."""

    session: Session
    account: Account
    today: date
    index: int = 0  # the row's place in its section (serials, references)

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def at(self, offset: int, minute: int = ROW_MINUTE) -> datetime:
        day = self.day(offset)
        return datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=BOGOTA)


Row = Mapping[str, object]
Days = Mapping[str, int]


def _text(row: Row, name: str, default: str) -> str:
    value = row.get(name)
    return value if isinstance(value, str) else default


def _opt(row: Row, name: str) -> str | None:
    value = row.get(name)
    return value if isinstance(value, str) else None


def _int(row: Row, name: str, default: int) -> int:
    value = row.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _bool(row: Row, name: str, default: bool) -> bool:
    value = row.get(name)
    return value if isinstance(value, bool) else default


def _add(session: Session, *rows: object) -> None:
    for row in rows:
        session.add(row)
    session.flush()


def service(ctx: RowContext, row: Row, days: Days) -> None:
    kind = _text(row, "kind", "internet")
    code, name, _ = PLANS[kind]
    activated = days.get("", (ctx.account.activated_on - ctx.today).days)
    _add(
        ctx.session,
        Service(
            cuenta=ctx.account.cuenta,
            kind=kind,
            plan_code=_text(row, "plan_code", code),
            plan_name=_text(row, "plan_name", name),
            tv_technology=_opt(row, "tv_technology") or ("DVB" if kind == "tv" else None),
            status=_text(row, "status", "ACTIVO"),
            provisioned=_bool(row, "provisioned", True),
            activated_on=ctx.day(activated),
        ),
    )


def equipment(ctx: RowContext, row: Row, days: Days) -> None:
    kind = _text(row, "kind", EquipmentKind.MODEM.value)
    model, prefix = DEVICES[kind]
    installed = days.get("", (ctx.account.activated_on - ctx.today).days)
    serial = f"{prefix}{(ctx.account.cuenta * 16 + ctx.index) & 0xFFFFFFFF:08X}"
    item = Equipment(
        cuenta=ctx.account.cuenta,
        kind=kind,
        serial=_text(row, "serial", serial),
        model=_text(row, "model", model),
        status=_text(row, "status", EquipmentStatus.INSTALADO.value),
        installed_on=ctx.day(installed),
    )
    _add(ctx.session, item)
    plant = {name: _opt(row, name) for name in PLANT_FIELDS}
    if any(value is not None for value in plant.values()):
        assert item.id is not None
        _add(ctx.session, PlantCondition.model_validate({"equipment_id": item.id, **plant}))


def note(ctx: RowContext, row: Row, days: Days) -> None:
    author = _text(row, "author", AUTHOR)
    at = ctx.at(days.get("", -1))
    folder_name = _opt(row, "folder")
    folder_id: int | None = None
    if folder_name is not None:
        folder, _ = note_queries.ensure_folder(
            ctx.session,
            cuenta=ctx.account.cuenta,
            name=folder_name.upper(),
            created_by=author,
            at=at,
        )
        folder_id = folder.id
    note_queries.add_note(
        ctx.session,
        cuenta=ctx.account.cuenta,
        author=author,
        text=_text(row, "text", ""),
        at=at,
        folder_id=folder_id,
    )


def pqr(ctx: RowContext, row: Row, days: Days) -> None:
    kind = _text(row, "kind", "queja")
    filed = ctx.at(days.get("", -1))
    cun: str | None = None
    if _bool(row, "cun", kind != "peticion"):
        cun = numbering.take(ctx.session, numbering.cun_kind(f"4410-{filed.year % 100:02d}-"))
    due = (
        ctx.day(days["due"])
        if "due" in days
        else add_business_days(filed.date(), PQR_BUSINESS_DAYS)
    )
    _add(
        ctx.session,
        Pqr(
            cuenta=ctx.account.cuenta,
            radicado=numbering.take(ctx.session, numbering.RADICADO),
            cun=cun,
            kind=kind,
            subject=_text(row, "subject", ""),
            status=_text(row, "status", PqrStatus.ABIERTA.value),
            filed_at=filed,
            due_on=due,
            response_channel=_text(row, "response_channel", "CORREO ELECTRONICO"),
            filed_by=_text(row, "filed_by", AUTHOR),
            notes=_text(row, "notes", ""),
            motive=_opt(row, "motive"),
            response_address=_opt(row, "response_address"),
        ),
    )


def visit(ctx: RowContext, row: Row, days: Days) -> None:
    kind = _text(row, "kind", "LLS")
    status = _text(row, "status", WorkOrderStatus.PENDIENTE.value)
    slot_day = days.get("slot")
    if slot_day is None and status == WorkOrderStatus.AGENDADA.value:
        slot_day = 2  # booked: two days ahead, as the demo's scheduled visits
    start = end = None
    if slot_day is not None:
        first, _, last = _text(row, "slot_window", "08-10").partition("-")
        start, end = ctx.at(slot_day, int(first) * 60), ctx.at(slot_day, int(last) * 60)
    _add(
        ctx.session,
        WorkOrder(
            cuenta=ctx.account.cuenta,
            kind=kind,
            number=numbering.take(ctx.session, numbering.work_order_kind(kind)),
            status=status,
            reason=_text(row, "reason", DEFAULT_REASONS.get(kind, "Visita técnica")),
            created_at=ctx.at(days.get("", -1)),
            slot_start=start,
            slot_end=end,
            symptom=_opt(row, "symptom"),
            contact_name=_opt(row, "contact_name"),
            contact_phone=_opt(row, "contact_phone"),
            address=_opt(row, "address"),
            access_notes=_opt(row, "access_notes"),
            created_by=_text(row, "created_by", AUTHOR),
        ),
    )


def invoice(ctx: RowContext, row: Row, days: Days) -> None:
    account = ctx.account
    issued = ctx.day(days.get("", -5))
    delivery = _text(row, "delivery", "fisica")
    sent_to = account.email if delivery == "digital" and account.email else account.address
    number = numbering.next_in_sequence(
        ctx.session, Invoice.number, prefix="FV", digits=10, after=900_000_000
    )
    _add(
        ctx.session,
        Invoice(
            cuenta=account.cuenta,
            number=number,
            period=_text(row, "period", f"{issued.year:04d}-{issued.month:02d}"),
            issued_on=issued,
            due_on=ctx.day(days["due"]) if "due" in days else issued + timedelta(INVOICE_DUE_DAYS),
            amount=_int(row, "amount", 0),
            extra_charges=_int(row, "extra_charges", 0),
            delivery=delivery,
            sent_at=datetime(issued.year, issued.month, issued.day, 6, tzinfo=BOGOTA),
            sent_to=_text(row, "sent_to", sent_to),
            delivery_status=_opt(row, "delivery_status"),
            paid_on=ctx.day(days["paid"]) if "paid" in days else None,
        ),
    )


def payment(ctx: RowContext, row: Row, days: Days) -> None:
    paid = ctx.day(days.get("", -3))
    applied: date | None = None
    if _bool(row, "applied", True):
        applied = ctx.day(days["applied"]) if "applied" in days else paid
    reference = f"{ctx.account.cuenta:08d}{ctx.index:04d}"
    _add(
        ctx.session,
        Payment(
            cuenta=ctx.account.cuenta,
            paid_on=paid,
            amount=_int(row, "amount", 0),
            channel=_text(row, "channel", "PSE"),
            reference=_text(row, "reference", reference),
            applied_on=applied,
        ),
    )


def aviso(ctx: RowContext, row: Row, days: Days) -> None:
    kind = _text(row, "kind", "masiva")
    priority = _int(row, "priority", 1 if kind == "masiva" else 3)
    status = _text(row, "status", IncidentStatus.ABIERTO.value)
    node = _text(row, "node", ctx.account.node)
    opened = ctx.at(days.get("", 0), 6 * 60)  # before the office day, even opened today
    closed = ctx.at(days["closed"], 18 * 60) if "closed" in days else None
    if closed is None and status == IncidentStatus.CERRADO.value:
        closed = opened + timedelta(hours=RESTORE_HOURS[priority])
    if "restore" in days:
        restore = ctx.at(days["restore"], 21 * 60)
    else:
        restore = opened + timedelta(hours=RESTORE_HOURS[priority])
        if closed is None:  # never an hour gone by (see demo.avisos)
            restore = max(restore, ctx.at(0, 21 * 60))
    incident = Incident(
        number=numbering.take(ctx.session, numbering.INC),
        node=node,
        priority=priority,
        kind=kind,
        description=_text(row, "description", ""),
        status=status,
        opened_at=opened,
        closed_at=closed,
        zone=_text(row, "zone", f"{ctx.account.city}, nodo {node}"),
        restore_by=restore,
    )
    _add(ctx.session, incident)
    if _bool(row, "reported", False):
        assert incident.id is not None
        _add(
            ctx.session,
            IncidentLink(
                incident_id=incident.id,
                cuenta=ctx.account.cuenta,
                call_id=None,
                linked_at=opened + timedelta(minutes=10),
                agent="IVR",
            ),
        )


def dime(ctx: RowContext, row: Row, days: Days) -> None:
    created = ctx.at(days.get("", -3))
    due = (
        ctx.day(days["due"])
        if "due" in days
        else add_business_days(created.date(), DIME_BUSINESS_DAYS)
    )
    case = DimeCase(
        number=numbering.take(ctx.session, numbering.DIME),
        cuenta=ctx.account.cuenta,
        area=_text(row, "area", ""),
        subject=_text(row, "subject", ""),
        status=_text(row, "status", DimeStatus.ABIERTO.value),
        created_at=created,
        updated_at=created,
        notes=_text(row, "notes", ""),
        due_on=due,
        created_by=AUTHOR,
    )
    _add(ctx.session, case)
    follow_up = _opt(row, "follow_up")
    if follow_up:
        assert case.id is not None
        _add(
            ctx.session,
            DimeNote(
                dime_case_id=case.id,
                at=created + timedelta(days=1),
                author="DIME",
                text=follow_up,
            ),
        )


BUILDERS: dict[str, Callable[[RowContext, Row, Days], None]] = {
    "services": service,
    "equipment": equipment,
    "notes": note,
    "pqrs": pqr,
    "visits": visit,
    "invoices": invoice,
    "payments": payment,
    "avisos": aviso,
    "dime": dime,
}
"""Section -> the function that writes one of its rows."""


__all__ = ["BUILDERS", "PLANS", "RowContext"]
