"""Process confirmation (Confirmación de proceso): a leader follows an agent's call,
live (SUP010) or replayed panel by panel (SUP012), and records a checklist and
feedback (SUP011) that count as the practice "confirmacion_proceso".

What the leader sees is ``call.followed``: the same view trainer mode uses, with
the agent's BLACKLIST rule applied to the replayed call. Every function refuses a
profile that is not a supervisor's or a coordinador's (CPF2217).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.followed import FollowedCall, followed_in, frames_in
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.checklist import ChecklistItem, items_for
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.enums import Role
from swat_tui.store.models import Agent, Call, PracticeRecord, ProcessConfirmation
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries import confirmations as queries
from swat_tui.store.queries.calls import get_call
from swat_tui.store.queries.training_live import live_call_of

LEADERS = frozenset({Role.SUPERVISOR.value, Role.COORDINADOR.value})
PRACTICE = "confirmacion_proceso"
FEEDBACK_MAX = 1000
NOTE_MAX = 60
RECENT_CALLS = 10


@dataclass(frozen=True)
class ItemMark:
    """The leader's S or N on one checklist item, with an optional note."""

    item: str
    ok: bool
    note: str = ""


@dataclass(frozen=True)
class CallLine:
    """One of an agent's recent calls, to pick for a replay (SUP012)."""

    call_id: int
    started_at: datetime
    status: str
    queue: str
    cuenta: int | None
    seconds: int


class FollowService:
    """What a leader does on SUP010-SUP012."""

    def __init__(self, services: Services, agent: SignedOnAgent) -> None:
        self.services = services
        self.agent = agent

    def _require_leader(self) -> None:
        if self.agent.role not in LEADERS:
            raise refusal("supervisor.confirm.leader_only", code="CPF2217")

    def live(self, username: str, *, since: datetime | None = None) -> FollowedCall | None:
        """``username``'s call ringing or on the line; once it ended, the last call that
        was still on at ``since`` (the moment the leader began following) or began after,
        so the end of the call followed is seen and confirmed; None: nothing to show."""
        self._require_leader()
        with read_session(self.services.engine) as session:
            agent = self._agent(session, username)
            assert agent.id is not None
            call = live_call_of(session, agent_id=agent.id)
            if call is None and since is not None:
                last = queries.recent_calls_of(session, agent_id=agent.id, limit=1)
                call = last[0] if last and _on_since(last[0], since) else None
            if call is None:
                return None
            return followed_in(
                session,
                call,
                agent=agent.username,
                procedure=load_procedure(),
                now=self.services.clock(),
            )

    def frames(self, call_id: int) -> tuple[FollowedCall, ...]:
        """A call (finished or not) panel by panel, for coaching (SUP012)."""
        self._require_leader()
        with read_session(self.services.engine) as session:
            call = self._call(session, call_id)
            agent = session.get(Agent, call.agent_id)
            username = agent.username if agent is not None else "?"
            return frames_in(
                session,
                call,
                agent=username,
                procedure=load_procedure(),
                now=self.services.clock(),
            )

    def recent_calls(self, username: str) -> tuple[CallLine, ...]:
        """``username``'s last calls, newest first."""
        self._require_leader()
        with read_session(self.services.engine) as session:
            agent = self._agent(session, username)
            assert agent.id is not None
            calls = queries.recent_calls_of(session, agent_id=agent.id, limit=RECENT_CALLS)
            return tuple(_line(call) for call in calls)

    def checklist(self, call: FollowedCall) -> tuple[ChecklistItem, ...]:
        """The items that apply to ``call``."""
        self._require_leader()
        return items_for(call)

    def record(
        self,
        call: FollowedCall,
        marks: Sequence[ItemMark],
        feedback: str,
        *,
        started_at: datetime,
        live: bool,
    ) -> ProcessConfirmation:
        """ONE intent: the confirmation of ``call`` and the practice it counts as (leader:
        this profile; participant: the call's agent; duration: the minutes followed),
        in one transaction. Every item that applies must be marked S or N."""
        self._require_leader()
        items = items_for(call)
        by_item = {mark.item: mark for mark in marks}
        for item in items:
            if item.id not in by_item:
                raise refusal("supervisor.confirm.item_unmarked", label=item.label)
            if len(by_item[item.id].note) > NOTE_MAX:
                raise refusal("supervisor.confirm.note_long", label=item.label, most=NOTE_MAX)
        feedback = feedback.strip()
        if len(feedback) > FEEDBACK_MAX:
            raise refusal("supervisor.confirm.feedback_long", most=FEEDBACK_MAX)
        now = self.services.clock()
        if started_at > now:
            raise refusal("supervisor.confirm.started_in_future")
        checklist = [
            {"item": item.id, "ok": by_item[item.id].ok, "note": by_item[item.id].note.strip()}
            for item in items
        ]
        ok = sum(1 for entry in checklist if entry["ok"])
        minutes = max(1, math.ceil((now - started_at).total_seconds() / 60))
        with write_session(self.services.engine) as session:
            stored = self._call(session, call.call_id)
            if stored.agent_id == self.agent.id:
                raise refusal("supervisor.confirm.own_call")
            confirmed = session.get(Agent, stored.agent_id)
            if confirmed is None or confirmed.role != Role.ASESOR:
                # only an asesor reads confirmations (CNF001): a leader's call is not one
                raise refusal("supervisor.confirm.not_asesor")
            confirmation = ProcessConfirmation(
                call_id=call.call_id,
                agent_id=stored.agent_id,
                leader_id=self.agent.id,
                live=live,
                started_at=started_at,
                recorded_at=now,
                checklist_json=json.dumps(checklist, ensure_ascii=False),
                items_ok=ok,
                items_total=len(checklist),
                feedback=feedback,
            )
            practice = PracticeRecord(
                practice=PRACTICE,
                leader_id=self.agent.id,
                held_on=now,
                duration_minutes=minutes,
                notes=f"Llamada {call.call_id} de {call.agent}: {ok}/{len(checklist)}",
                recorded_at=now,
            )
            queries.add_confirmation(
                session,
                confirmation=confirmation,
                practice=practice,
                participants=[stored.agent_id],
            )
            session.expunge(confirmation)
            return confirmation

    def _agent(self, session: Session, username: str) -> Agent:
        agent = agent_queries.get_agent(session, username=username.strip().upper())
        if agent is None or agent.id is None:
            raise refusal("supervisor.confirm.no_agent", username=username.strip().upper())
        return agent

    def _call(self, session: Session, call_id: int) -> Call:
        call = get_call(session, call_id=call_id)
        if call is None:
            raise refusal("supervisor.confirm.no_call", call_id=call_id)
        return call


def _on_since(call: Call, since: datetime) -> bool:
    """The call had not ended when following began (a call answered before the leader
    opened SUP010 and hung up while followed is still the one to confirm)."""
    from swat_tui.domain.call.event_lines import aware

    return aware(call.ended_at or call.started_at) >= aware(since)


def _line(call: Call) -> CallLine:
    from swat_tui.domain.call.event_lines import seconds_between

    assert call.id is not None
    since = call.answered_at or call.started_at
    seconds = seconds_between(since, call.ended_at) if call.ended_at is not None else 0
    return CallLine(call.id, call.started_at, call.status, call.queue, call.cuenta, seconds)
