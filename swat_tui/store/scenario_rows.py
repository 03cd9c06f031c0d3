"""A training scenario's inline account rows: what each section may say, and its problems.

A scenario file may describe its own account instead of naming a showcase one:
``[account]`` holds the columns of ``Account`` and each ``[[account.<section>]]``
one row of a related table. A row gives the facts a trainer cares about;
``scenario_writer`` fills the rest (ids, numbers from the store's counters,
defaults taken from the account). Dates are relative to the call's day, never
written out: ``days_ago = N`` / ``days_ahead = N`` set the row's main date
(``DATES`` names it per section) and ``<name>_days_ago`` / ``<name>_days_ahead``
its other dates (``due_days_ahead = 3``: due in three days).

``row_problems`` is what the scenario validator asks of every row: unknown
fields, required ones missing, wrong types, values outside the store's
vocabularies or its columns' lengths, each as (field, Spanish message).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from sqlmodel import Session, SQLModel

from swat_tui.store.enums import (
    AccountStatus,
    DimeStatus,
    EquipmentKind,
    EquipmentStatus,
    IncidentStatus,
    PqrStatus,
    ServiceKind,
    TvTechnology,
    WorkOrderKind,
    WorkOrderStatus,
)
from swat_tui.store.errors import StoreError
from swat_tui.store.models import (
    Account,
    DimeCase,
    Equipment,
    Incident,
    Invoice,
    Note,
    Payment,
    Pqr,
    Service,
    WorkOrder,
)
from swat_tui.store.queries import plant as plant_queries
from swat_tui.store.queries import scenario_accounts
from swat_tui.store.scenario_builders import BUILDERS, PLANS, RowContext

ACCOUNT = "account"
SECTIONS: tuple[str, ...] = (
    "services",
    "equipment",
    "notes",
    "pqrs",
    "visits",
    "invoices",
    "payments",
    "avisos",
    "dime",
)
"""The related sections of an inline account, in the order they are written."""

FIRST_CUENTA = 90_000_000
LAST_CUENTA = 99_999_999
"""Scenario accounts live in this range, far above the demo's (10,000,001 upward)."""

MAX_DAYS = 3650  # ten years either way: a relative date beyond this is a typing error

DOCUMENT_TYPES = ("CC", "CE", "NIT", "PA")  # data/document_types.csv
SERVICE_STATUSES = ("ACTIVO", "SUSPENDIDO", "CANCELADO")
PQR_KINDS = ("peticion", "queja", "recurso")
PQR_CHANNELS = ("CORREO ELECTRONICO", "DIRECCION FISICA", "LLAMADA TELEFONICA")
DELIVERIES = ("fisica", "digital")
AVISO_KINDS = ("masiva", "puntual")


@dataclass(frozen=True)
class FieldSpec:
    """One field a section's row may give: its type and what values it takes."""

    kind: type  # str, int or bool
    required: bool = False
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    column: str | None = None  # the model column whose length bounds a text


def _text(
    *, required: bool = False, choices: tuple[str, ...] = (), column: str | None = None
) -> FieldSpec:
    return FieldSpec(str, required=required, choices=choices, column=column)


def _int(*, required: bool = False, low: int | None = None, high: int | None = None) -> FieldSpec:
    return FieldSpec(int, required=required, low=low, high=high)


_BOOL = FieldSpec(bool)


def _values(enum: Any) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


MODELS: dict[str, type[SQLModel]] = {
    ACCOUNT: Account,
    "services": Service,
    "equipment": Equipment,
    "notes": Note,
    "pqrs": Pqr,
    "visits": WorkOrder,
    "invoices": Invoice,
    "payments": Payment,
    "avisos": Incident,
    "dime": DimeCase,
}
"""The table each section writes."""

DATES: dict[str, dict[str, str]] = {
    ACCOUNT: {"activated": "activated_on"},
    "services": {"": "activated_on"},
    "equipment": {"": "installed_on"},
    "notes": {"": "created_at"},
    "pqrs": {"": "filed_at", "due": "due_on"},
    "visits": {"": "created_at", "slot": "slot_start"},
    "invoices": {"": "issued_on", "due": "due_on", "paid": "paid_on"},
    "payments": {"": "paid_on", "applied": "applied_on"},
    "avisos": {"": "opened_at", "closed": "closed_at", "restore": "restore_by"},
    "dime": {"": "created_at", "due": "due_on"},
}
"""Per section, the relative dates it takes: prefix ("" for the row's main date) ->
the model's date field. ``""`` reads ``days_ago``/``days_ahead``, ``"due"`` reads
``due_days_ago``/``due_days_ahead``."""

FIELDS: dict[str, dict[str, FieldSpec]] = {
    ACCOUNT: {
        "cuenta": _int(required=True, low=FIRST_CUENTA, high=LAST_CUENTA),
        "cuenta_matriz": _int(low=1),
        "holder_name": _text(required=True, column="holder_name"),
        "document_type": _text(choices=DOCUMENT_TYPES),
        "document_number": _text(required=True, column="document_number"),
        "phone_mobile": _text(column="phone_mobile"),
        "phone_fixed": _text(column="phone_fixed"),
        "email": _text(column="email"),
        "address": _text(column="address"),
        "city": _text(column="city"),
        "department": _text(column="department"),
        "estrato": _int(low=1, high=6),
        "node": _text(column="node"),
        "status": _text(choices=_values(AccountStatus)),
        "blacklist": _BOOL,
        "balance": _int(),
        "monthly_rent": _int(low=0),
        "billing_cutoff_day": _int(low=1, high=28),
    },
    "services": {
        "kind": _text(required=True, choices=_values(ServiceKind)),
        "plan_code": _text(column="plan_code"),
        "plan_name": _text(column="plan_name"),
        "tv_technology": _text(choices=_values(TvTechnology)),
        "status": _text(choices=SERVICE_STATUSES),
        "provisioned": _BOOL,
    },
    "equipment": {
        "kind": _text(required=True, choices=_values(EquipmentKind)),
        "serial": _text(column="serial"),
        "model": _text(column="model"),
        "status": _text(choices=_values(EquipmentStatus)),
        # What the simulated plant reports for the device (store.models.PlantCondition):
        "cm_state": _text(),
        "levels": _text(),
        "alarm": _text(),
        "after_restart": _text(),
        "seen_serial": _text(),
    },
    "notes": {
        "text": _text(required=True),
        "author": _text(column="author"),
        "folder": _text(),  # a named folder (F7+F6, e.g. SWAT); absent: a special note (F7)
    },
    "pqrs": {
        "subject": _text(required=True, column="subject"),
        "kind": _text(choices=PQR_KINDS),
        "status": _text(choices=_values(PqrStatus)),
        "cun": _BOOL,  # a CUN is given (default: all but a peticion)
        "response_channel": _text(choices=PQR_CHANNELS),
        "response_address": _text(column="response_address"),
        "motive": _text(column="motive"),
        "filed_by": _text(column="filed_by"),
        "notes": _text(),
    },
    "visits": {
        "kind": _text(required=True, choices=_values(WorkOrderKind)),
        "status": _text(choices=_values(WorkOrderStatus)),
        "reason": _text(column="reason"),
        "slot_window": _text(),  # "08-10": the arrival window on the slot's day
        "symptom": _text(column="symptom"),
        "contact_name": _text(column="contact_name"),
        "contact_phone": _text(column="contact_phone"),
        "address": _text(column="address"),
        "access_notes": _text(column="access_notes"),
        "created_by": _text(column="created_by"),
    },
    "invoices": {
        "amount": _int(required=True, low=0),
        "extra_charges": _int(low=0),
        "period": _text(),  # YYYY-MM; default: the month it was issued in
        "delivery": _text(choices=DELIVERIES),
        "delivery_status": _text(column="delivery_status"),
        "sent_to": _text(column="sent_to"),
    },
    "payments": {
        "amount": _int(required=True, low=1),
        "channel": _text(column="channel"),
        "reference": _text(column="reference"),
        "applied": _BOOL,  # false: received by the channel, not applied to the account yet
    },
    "avisos": {
        "description": _text(required=True, column="description"),
        "kind": _text(choices=AVISO_KINDS),
        "priority": _int(low=1, high=4),
        "status": _text(choices=_values(IncidentStatus)),
        "node": _text(column="node"),
        "zone": _text(column="zone"),
        "reported": _BOOL,  # the account reported it before (IVR): its call is a repeat call
    },
    "dime": {
        "area": _text(required=True, column="area"),
        "subject": _text(required=True, column="subject"),
        "status": _text(choices=_values(DimeStatus)),
        "notes": _text(),
        "follow_up": _text(),  # a follow-up note by the resolving area, a day later
    },
}
"""Per section, the fields a row may give (besides its relative dates)."""


def date_fields(section: str) -> dict[str, tuple[str, int]]:
    """The relative date fields of ``section``: name -> (prefix, sign); sign -1 for
    ``..._days_ago``, +1 for ``..._days_ahead``."""
    found: dict[str, tuple[str, int]] = {}
    for prefix in DATES.get(section, {}):
        head = f"{prefix}_" if prefix else ""
        found[f"{head}days_ago"] = (prefix, -1)
        found[f"{head}days_ahead"] = (prefix, 1)
    return found


def known_fields(section: str) -> tuple[str, ...]:
    """Every field a row of ``section`` may give, in the order documented."""
    return (*FIELDS.get(section, {}), *date_fields(section))


def row_problems(section: str, row: dict[str, object]) -> list[tuple[str, str]]:
    """What is wrong with one row of ``section`` ("account" for the account row itself),
    as (field, message in Spanish); empty when it can be written."""
    if section != ACCOUNT and section not in SECTIONS:
        expected = ", ".join(SECTIONS)
        return [("", f"sección de cuenta desconocida «{section}»; se esperan: {expected}")]
    specs = FIELDS[section]
    dates = date_fields(section)
    problems: list[tuple[str, str]] = []
    for name, value in row.items():
        if name in specs:
            message = _value_problem(section, specs[name], value)
        elif name in dates:
            message = _days_problem(value)
        else:
            message = f"campo desconocido; se esperan: {', '.join(known_fields(section))}"
        if message:
            problems.append((name, message))
    for name, spec in specs.items():
        if spec.required and name not in row:
            problems.append((name, "falta este campo obligatorio"))
    problems.extend(_row_checks(section, row))
    for prefix in DATES[section]:
        head = f"{prefix}_" if prefix else ""
        if f"{head}days_ago" in row and f"{head}days_ahead" in row:
            problems.append(
                (f"{head}days_ahead", f"use {head}days_ago o {head}days_ahead, no los dos")
            )
    return problems


def _row_checks(section: str, row: dict[str, object]) -> list[tuple[str, str]]:
    """Formats and combinations a single field's type does not tell."""
    found: list[tuple[str, str]] = []

    def text(name: str) -> str | None:
        value = row.get(name)
        return value if isinstance(value, str) else None

    for name in ("phone_mobile", "phone_fixed", "contact_phone"):
        phone = text(name)
        if phone is not None and not (phone.isdigit() and 7 <= len(phone) <= 10):
            found.append((name, "debe ser un número de 7 a 10 dígitos, sin espacios"))
    window = text("slot_window")
    if window is not None and not _is_window(window):
        found.append(("slot_window", "debe ser una franja como «08-10» (horas de 00 a 23)"))
    period = text("period")
    if period is not None and not _is_period(period):
        found.append(("period", "debe ser un mes como «2026-02» (AAAA-MM)"))
    if section == "services" and text("tv_technology") is not None and text("kind") != "tv":
        found.append(("tv_technology", 'solo un servicio de kind = "tv" tiene tecnología de TV'))
    return found


def _is_window(window: str) -> bool:
    start, dash, end = window.partition("-")
    return (
        bool(dash)
        and len(start) == len(end) == 2
        and start.isdigit()
        and end.isdigit()
        and int(start) < int(end) <= 23
    )


def _is_period(period: str) -> bool:
    year, dash, month = period.partition("-")
    return (
        bool(dash)
        and len(year) == 4
        and len(month) == 2
        and year.isdigit()
        and month.isdigit()
        and 1 <= int(month) <= 12
    )


_TYPE_NAMES = {
    str: "texto entre comillas",
    int: "un número entero",
    bool: "true o false",
}


def _value_problem(section: str, spec: FieldSpec, value: object) -> str:
    """The message for a value that does not fit ``spec``, "" when it fits."""
    # bool is an int in Python; TOML keeps them apart, and so do we.
    if isinstance(value, bool) != (spec.kind is bool) or not isinstance(value, spec.kind):
        return f"debe ser {_TYPE_NAMES[spec.kind]}"
    if isinstance(value, str):
        if spec.choices and value not in spec.choices:
            return f"valor «{value}» no válido; se espera uno de: {', '.join(spec.choices)}"
        limit = _max_length(section, spec.column)
        if limit is not None and len(value) > limit:
            return f"a lo sumo {limit} caracteres (tiene {len(value)})"
        if spec.required and not value.strip():
            return "no puede estar vacío"
    if isinstance(value, int) and not isinstance(value, bool):
        return _range_problem(spec, value)
    return ""


def _range_problem(spec: FieldSpec, value: int) -> str:
    if spec.low is not None and spec.high is not None and not spec.low <= value <= spec.high:
        return f"debe estar entre {spec.low:_} y {spec.high:_}".replace("_", ".")
    if spec.low is not None and value < spec.low:
        return f"debe ser {spec.low} o más"
    if spec.high is not None and value > spec.high:
        return f"debe ser {spec.high} o menos"
    return ""


def _days_problem(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"debe ser {_TYPE_NAMES[int]} de días"
    if not 0 <= value <= MAX_DAYS:
        return f"debe estar entre 0 y {MAX_DAYS} días"
    return ""


def _max_length(section: str, column: str | None) -> int | None:
    """The column's declared length (``max_length`` of the model), None when unbounded."""
    if column is None:
        return None
    table = MODELS[section].__table__  # type: ignore[attr-defined]
    length = getattr(table.c[column].type, "length", None)
    return int(length) if length is not None else None


class AccountRowsData(Protocol):
    """A scenario's inline rows (``domain.training.scenario.AccountRows``; the store
    never imports the domain, so it names only what it reads)."""

    @property
    def account(self) -> Mapping[str, object]: ...

    @property
    def related(self) -> Mapping[str, tuple[Mapping[str, object], ...]]: ...


class ScenarioRowsInvalid(StoreError):
    """The rows do not pass ``row_problems`` (the validator should have said so)."""


class AccountInUse(StoreError):
    """A call on the scenario's account is still open: its situation cannot be rewritten."""


DEFAULT_ACTIVATED_DAYS = 365
ACCOUNT_DEFAULTS: dict[str, object] = {
    "cuenta_matriz": None,
    "document_type": "CC",
    "phone_mobile": None,
    "phone_fixed": None,
    "email": None,
    "address": "CL 80 # 15-20",
    "city": "Bogotá",
    "department": "Bogotá D.C.",
    "estrato": 3,
    "status": AccountStatus.ACTIVA.value,
    "blacklist": False,
    "balance": 0,
    "billing_cutoff_day": 1,
}
"""What an account row that does not say gets (``node`` and ``monthly_rent`` are
derived: a node of its own, the plans' prices)."""


def own_node(cuenta: int) -> str:
    """The scenario account's own node when the row names none: zone BOG-CH (the WFM
    agenda has windows there), numbered from the cuenta, shared with no demo account."""
    return f"BOG-CH-9{cuenta % 1000:03d}"


def write_account(session: Session, rows: AccountRowsData, *, today: date) -> int:
    """Write the scenario's account fresh in the caller's transaction; its cuenta.

    The account row is inserted or updated in place (calls made on it point at it);
    its situation rows (``queries.scenario_accounts.CLEARED_TABLES``) are deleted and
    the scenario's inserted, dated relative to ``today``. The record of its calls
    stays. Raises ``ScenarioRowsInvalid`` for rows with problems and ``AccountInUse``
    while a call on the account is ringing or in progress.
    """
    problems = [
        (ACCOUNT, field, message) for field, message in row_problems(ACCOUNT, dict(rows.account))
    ]
    for section, section_rows in rows.related.items():
        for row in section_rows:
            problems += [(section, f, m) for f, m in row_problems(section, dict(row))]
    if problems:
        listed = "; ".join(f"{section}.{field}: {message}" for section, field, message in problems)
        raise ScenarioRowsInvalid(f"Filas de cuenta con errores: {listed}")
    values = dict(rows.account)
    cuenta = int(str(values["cuenta"]))
    if scenario_accounts.open_calls_on(session, cuenta=cuenta):
        raise AccountInUse(
            f"La cuenta {cuenta} del escenario tiene una llamada abierta; "
            "termínela antes de volver a preparar el escenario."
        )
    account = session.get(Account, cuenta)
    old_node = account.node if account is not None else None
    scenario_accounts.clear_situation(session, cuenta=cuenta)
    days = _days(ACCOUNT, values)
    kinds = [str(row.get("kind")) for row in rows.related.get("services", ())]
    fields: dict[str, object] = {
        **ACCOUNT_DEFAULTS,
        "node": own_node(cuenta),
        "monthly_rent": sum(PLANS[kind][2] for kind in kinds if kind in PLANS),
        **{name: value for name, value in values.items() if name in FIELDS[ACCOUNT]},
        "activated_on": today + timedelta(days=days.get("activated", -DEFAULT_ACTIVATED_DAYS)),
    }
    if account is None:
        account = Account.model_validate(fields)
        session.add(account)
    else:
        for name, value in fields.items():
            setattr(account, name, value)
    session.flush()
    for node in {old_node, account.node} - {None}:
        assert node is not None
        if scenario_accounts.node_is_own(session, node=node, below=FIRST_CUENTA):
            scenario_accounts.clear_avisos(session, node=node)
    for section in SECTIONS:
        for index, row in enumerate(rows.related.get(section, ())):
            context = RowContext(session, account, today, index)
            BUILDERS[section](context, row, _days(section, row))
    plant_queries.register_modems(session.connection(), first=cuenta, last=cuenta)
    return cuenta


def _days(section: str, row: Mapping[str, object]) -> dict[str, int]:
    """The row's relative dates: prefix -> signed days from the call's day."""
    found: dict[str, int] = {}
    for name, (prefix, sign) in date_fields(section).items():
        value = row.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            found[prefix] = sign * value
    return found


__all__ = [
    "ACCOUNT",
    "DATES",
    "FIELDS",
    "FIRST_CUENTA",
    "LAST_CUENTA",
    "SECTIONS",
    "AccountInUse",
    "AccountRowsData",
    "FieldSpec",
    "ScenarioRowsInvalid",
    "date_fields",
    "known_fields",
    "row_problems",
    "write_account",
]
