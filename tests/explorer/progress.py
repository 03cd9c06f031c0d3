"""What a competent agent types to complete the panel in front (the walk's way forward).

A pure random walk rarely gets past step 2, so the machine mixes random keys
with ``plan``: the good values for the panel in front, from the tests that
walk whole calls (tests/ui/test_call_flows.py, the routes of
tests/ui/test_legend_keys.py, the sub-flow tests). A plan is a few acts; the
machine tabs to each field, types its value and presses the keys, checking
every invariant after every key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from swat_tui.domain.desk.softphone import AgentState
from tests.explorer import budget

NOTES = "Cobro doble del servicio de internet en la factura de noviembre."
EMAIL = "cliente.prueba@correo.com.co"
REQUEST = {
    "1": "Pregunta por el cobro de su factura",
    "2": "Sin internet desde anoche",
    "3": "Necesita una visita tecnica",
    "4": "Insiste en su reclamo",
}
# The showcase accounts a call comes from: blacklisted ones often, and one of each situation.
CALLERS = (
    "blacklist",
    "everything",
    "blacklist",
    "activa",
    "pqr_pending",
    "visit_scheduled",
    "visit_unscheduled",
    "aviso",
    "aviso_final",
    "payment_not_applied",
    "ppv_charges",
    "serial_mismatch",
    "aviso_repeat",
    "cancelado_debe",
    "pqr_overdue",
    "agenda_full",
    "visit_needed",
    "shared_phone",
)
# Sub-flow options of LLM003's "Gestión" by branch option (visita is routed by key, not g).
SUBFLOWS = {"1": ("1", "2", "3"), "2": ("1", "2", "3"), "3": ("",), "4": ("1", "2", "3")}
SUPPORT_PANELS = frozenset({"TD010", "MAS010", "INV010"})
# Panels with nothing to complete: back to where the work is.
LOOK_ONLY = frozenset(
    {
        "GUI001",
        "NTS001",
        "NTS002",
        "NTS003",
        "INV001",
        "SAC021",
        "SAC022",
        "SAC031",
        "DIM001",
        "LOG001",
        "DIA010",
        "CTA001",
        "CTA010",
        "CTA020",
        "CGO001",
        "USR001",
        "USR002",
    }
)


@dataclass(frozen=True)
class Key:
    """Press one key."""

    name: str


@dataclass(frozen=True)
class Fill:
    """Put the cursor on a field (by Tab) and type ``value`` over what it holds."""

    name: str
    value: str


@dataclass(frozen=True)
class Ring:
    """A call rings on the desk, from the call plan's account."""


Act = Key | Fill | Ring


@dataclass
class CallPlan:
    """What the walk intends for its next call: who calls, which branch and sub-flow."""

    caller: str
    branch: str
    subflow: str
    queue: str = "HOGAR_SAC"


@dataclass
class Situation:
    """What ``plan`` needs to know besides the panel: the call and what was done in it."""

    panel: str
    values: dict[str, str]  # the panel's input fields that can take the cursor
    phone: AgentState | None
    in_call: bool
    blacklisted_unread: bool  # the call's account is blacklisted and F7 not read
    diagnosed: bool  # F8 was opened in this call (soporte asks for it)
    attempt: int  # how many plans already ran on this panel without leaving it
    call: CallPlan
    cuenta: str  # the planned caller's cuenta (LLM001 when none was found)
    order_created: bool = False  # VIS010: an LLS/OT was created in this call
    message: str = ""  # row 24 of the panel
    notes: list[str] = field(default_factory=list)


def _fill(values: dict[str, str], wanted: dict[str, str]) -> list[Act]:
    """Fill the fields that can take the cursor and do not hold the value already."""
    acts: list[Act] = []
    for name, value in wanted.items():
        if name in values and values[name].strip().upper() != value.upper():
            acts.append(Fill(name, value))
    return acts


def plan(s: Situation) -> list[Act]:
    """The acts that complete the panel in front (one stage of it)."""
    p, v = s.panel, s.values
    if p == "SGN001":
        return [*_fill(v, {"user": budget.profile(), "password": "swat2026"}), Key("enter")]
    if p == "MNU001":
        return [Fill("option", "3" if s.in_call else "2"), Key("enter")]
    if p == "SFT001":
        return _softphone(s)
    if p == "REC001":
        return [Fill("o_0", "1"), Key("enter")]
    if p in LOOK_ONLY or p == "-":
        return [Key("f12")]
    if p == "LLM001":
        wanted = {"wel": "S", "caller_name": "Ana Ruiz", "caller_document": "52123456", "rel": "1"}
        if not v.get("cuenta", "").strip() or s.attempt:
            wanted["cuenta"] = s.cuenta
        return [*_fill(v, wanted), Key("enter")]
    if p == "LLM002":
        if s.blacklisted_unread:
            return [Key("f7"), Key("f12")]
        wanted = {"identity": "cc y fecha", "pqr": "S", "vis": "S", "avi": "S", "sta": "S"}
        wanted |= {"request": REQUEST[s.call.branch], "br": s.call.branch}
        return [*_fill(v, wanted), Key("enter")]
    if p == "LLM003":
        if s.call.subflow and not v.get("g") and s.attempt == 0:
            return [Fill("g", s.call.subflow), Key("enter")]
        return [*_fill(v, {"ok": "S", "notes": "Se revisa con el cliente"}), Key("enter")]
    if p in SUPPORT_PANELS and not s.diagnosed:
        return [Key("f8"), Key("f12")]
    return _branch_panel(s)


def _softphone(s: Situation) -> list[Act]:
    phone = s.phone
    if phone in (AgentState.AUX, AgentState.ACW):
        return [Fill("opt", "7" if phone is AgentState.ACW else "1"), Key("enter")]
    if phone is AgentState.DISPONIBLE:
        return [Ring(), Fill("opt", "3"), Key("enter")]
    if phone is AgentState.TIMBRANDO:
        return [Fill("opt", "3"), Key("enter")]
    if phone is AgentState.EN_ESPERA:
        return [Fill("opt", "4"), Key("enter")]
    return [Key("f12")]  # on a call: back to its panel


def _branch_panel(s: Situation) -> list[Act]:
    """Steps 3-8: the sub-flow panels, the typification and the closing."""
    p, v, again = s.panel, s.values, s.attempt
    tables: dict[str, list[dict[str, str]]] = {
        "SAC010": [{"inf": "S", "ok": "S"}, {"rc": "S", "inf": "S", "ok": "S"}],
        "SAC020": [{"ok": "S", "res": "S"}],
        "SAC030": [{"inf": "S", "ok": "S"}],
        "DIM010": [{"a": "1", "reason": "Cobro doble en la factura", "data1": "Factura nov"}],
        "MAS010": [{"inf": "S", "aso": "S"}],
        "INV010": [{"read_0": "ZZ00000000", "cmp": "S"}, {"inf": "S"}],
        "VIS020": [{"sym1": "Modem apagado", "tel": "3015550000", "ok": "S"}],
        "CGO010": [{"win": "08-10", "days": "lun", "notes1": "Llamar antes de ir"}],
        "PQR010": [{"ok": "S"}],
        "PQR020": [{"der": "S", "des": "S"}, {"der": "S", "ins": "S"}],
        "PQR030": [
            {
                "val": "cedula y fecha",
                "mot": "2",
                "notes": NOTES,
                "ch": "1",
                "dest": EMAIL,
                "cf": "S",
            },
            {"inf": "S"},
        ],
        "LLM008": [{"inf": "S", "mas": "N", "bye": "S", "srv": "1", "sc": "5"}],
    }
    if p == "TD010":
        return [*_fill(v, {"inf": "S"} if "inf" in v and again else {"td": "1"}), Key("enter")]
    if p == "VIS010":
        if not s.order_created:
            return [Key("shift+f11")]  # F23: a new LLS
        return [*_fill(v, {"inf": "S"}), Key("enter")]
    if p == "VIS030":
        if again % 3 == 2 or s.message.startswith("Sin franjas libres"):
            return [Key("f6")]  # no free window: the CGO form
        return [Fill("o_0", "1"), Key("enter")] if again % 3 == 0 else [Key("enter")]
    if p == "TIP001":
        if not v.get("code_in", "").strip():
            return [Fill("o_0", "1"), Key("enter")]
        if not v.get("res", "").strip() or again >= 2:
            return [Fill("res", "2" if again % 2 else "1"), Key("enter")]
        return [Key("enter")]
    if p in tables:
        options = tables[p]
        wanted = options[min(again, len(options) - 1)]
        return [*_fill(v, wanted), Key("enter")]
    return [Key("enter")]
