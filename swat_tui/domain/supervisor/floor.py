"""The live floor (SUP001): every signed-on agent's state, time in state and call, and
the queue's waiting calls, as the store has them at ``now``.

A session whose heartbeat is older than ``data/presence.toml``'s threshold is shown
DESCONECTADO, whatever state it left. Rows are sorted by time in state, longest first:
the agent a supervisor must look at (an AUX running over, a call running long, an agent
idle in Disponible while calls wait) is on top of the first page, as Avaya CMS sorts its
agent report. Disconnected sessions go after every live one, the most recently lost
first: a dead session cannot be helped on the floor, and an old one would otherwise sit
on top of the list for the rest of the shift.

Leaders only (supervisor, coordinador): another role is refused (CPF2217).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.desk.softphone import AgentState, softphone_config
from swat_tui.domain.errors import refusal
from swat_tui.domain.presence import PresenceConfig, presence_config
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session
from swat_tui.store.enums import Role
from swat_tui.store.queries import floor as queries
from swat_tui.store.queries import waiting_calls

LEADERS = frozenset({Role.SUPERVISOR.value, Role.COORDINADOR.value})
DESCONECTADO = "DESCONECTADO"
_AUX_CODE = re.compile(r"AUX (\d+)\b")


class FloorGroup(StrEnum):
    """What the summary line counts: the softphone's states, ringing and hold counted as
    on a call (Avaya's ACD), and the dead sessions apart."""

    DISPONIBLE = "Disponible"
    AUX = "AUX"
    EN_LLAMADA = "En llamada"
    ACW = "ACW"
    DESCONECTADO = "Desconectado"


_GROUPS = {
    AgentState.DISPONIBLE.value: FloorGroup.DISPONIBLE,
    AgentState.AUX.value: FloorGroup.AUX,
    AgentState.TIMBRANDO.value: FloorGroup.EN_LLAMADA,
    AgentState.EN_LLAMADA.value: FloorGroup.EN_LLAMADA,
    AgentState.EN_ESPERA.value: FloorGroup.EN_LLAMADA,
    AgentState.ACW.value: FloorGroup.ACW,
}


@dataclass(frozen=True)
class FloorRow:
    """One agent on the floor. ``state`` is the softphone's (EN LLAMADA, AUX...) or
    DESCONECTADO; ``in_state`` is the time in it (for a dead session: since its last
    heartbeat). The call's fields are None without a call."""

    username: str
    name: str
    state: str
    group: FloorGroup
    in_state: timedelta
    aux_reason: str | None
    aux_over: bool  # an AUX longer than its reason allows (data/softphone.toml)
    call_id: int | None
    step: int | None
    step_title: str  # the guide column's short title ("Gestión SAC")
    step_name: str  # the procedure's full title, where there is room for it
    panel: str | None
    call_time: timedelta | None  # since answered (since it rang, while it rings)
    queue: str | None
    cuenta: int | None
    signed_on_at: datetime
    heartbeat_age: timedelta

    @property
    def alive(self) -> bool:
        return self.group is not FloorGroup.DESCONECTADO

    @property
    def on_call(self) -> bool:
        """A live session with a call on its desk: the supervisor may follow it."""
        return self.alive and self.call_id is not None


@dataclass(frozen=True)
class FloorView:
    """The floor at ``at``: rows sorted (see the module), the queue, counts by group."""

    at: datetime
    rows: tuple[FloorRow, ...]
    waiting: int
    oldest_waiting: timedelta | None  # how long the oldest waiting call has waited
    counts: dict[FloorGroup, int]

    def row(self, username: str) -> FloorRow | None:
        return next((row for row in self.rows if row.username == username), None)


class FloorService:
    """The supervisor's and coordinator's live floor (``SupervisorDesk.floor``)."""

    def __init__(
        self, services: Services, agent: SignedOnAgent, config: PresenceConfig | None = None
    ) -> None:
        self.services = services
        self.agent = agent
        self.config = config

    def view(self, now: datetime) -> FloorView:
        """The floor at ``now`` from two reads in one snapshot: presence joined to agents
        and calls, and the queue's depth. Refused to a role that leads no one."""
        if self.agent.role not in LEADERS:
            raise refusal("supervisor.floor.leaders_only", code="CPF2217")
        config = self.config or presence_config()
        with read_session(self.services.engine) as session:
            records = queries.floor_records(session)
            waiting, oldest = waiting_calls.waiting(session)
        rows = sorted((_row(record, now, config) for record in records), key=_order)
        counts = dict.fromkeys(FloorGroup, 0)
        for row in rows:
            counts[row.group] += 1
        oldest_wait = _age(oldest, now) if oldest is not None and waiting else None
        return FloorView(now, tuple(rows), waiting, oldest_wait, counts)


def _row(record: queries.FloorRecord, now: datetime, config: PresenceConfig) -> FloorRow:
    heartbeat_age = _age(record.heartbeat_at, now)
    alive = config.alive(record.heartbeat_at, now)
    state = record.state if alive else DESCONECTADO
    group = _GROUPS.get(record.state, FloorGroup.AUX) if alive else FloorGroup.DESCONECTADO
    in_state = _age(record.since, now) if alive else heartbeat_age
    has_call = record.call_id is not None
    call_start = record.call_answered_at or record.call_started_at
    return FloorRow(
        username=record.username,
        name=record.display_name,
        state=state,
        group=group,
        in_state=in_state,
        aux_reason=record.aux_reason,
        aux_over=alive and record.state == AgentState.AUX.value and _aux_over(record, in_state),
        call_id=record.call_id,
        step=record.step if has_call else None,
        step_title=_step_title(record.step, short=True) if has_call else "",
        step_name=_step_title(record.step, short=False) if has_call else "",
        panel=record.panel if has_call else None,
        call_time=_age(call_start, now) if has_call and call_start is not None else None,
        queue=record.call_queue,
        cuenta=record.call_cuenta,
        signed_on_at=record.signed_on_at,
        heartbeat_age=heartbeat_age,
    )


def _order(row: FloorRow) -> tuple[int, timedelta, str]:
    """Live sessions first, longest in state first; then the dead, most recently lost
    first; the user name breaks ties so the list does not shuffle between refreshes."""
    if row.alive:
        return (0, -row.in_state, row.username)
    return (1, row.in_state, row.username)


def _aux_over(record: queries.FloorRecord, in_state: timedelta) -> bool:
    """An AUX reason with a time limit, exceeded (the reason is stored as its label,
    "AUX 1 Break"; an unknown code has no limit)."""
    found = _AUX_CODE.match(record.aux_reason or "")
    if found is None:
        return False
    code = int(found[1])
    reason = next((r for r in softphone_config().aux_reasons if r.code == code), None)
    if reason is None or reason.max_minutes is None:
        return False
    return in_state > timedelta(minutes=reason.max_minutes)


def _step_title(step: int | None, *, short: bool) -> str:
    """The step's title (``short``: the guide column's), "" for a step the procedure
    lacks."""
    steps = load_procedure().steps
    if step is None or not 1 <= step <= len(steps):
        return ""
    found = steps[step - 1]
    return (found.short_title or found.title) if short else found.title


def _age(moment: datetime, now: datetime) -> timedelta:
    return max(now - moment, timedelta(0))
