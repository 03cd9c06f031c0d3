"""The management model on the supervisor's desk: record a practice, read adherence.

A leader (supervisor or coordinador) records what they held; another role is
refused here (CPF2217), whatever the UI shows. Recording is one intent in one
transaction: the form is checked, the participants are looked up and the
record with its participants is written together, or nothing is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine

from swat_tui.config import BOGOTA
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import refusal
from swat_tui.domain.messages import text
from swat_tui.domain.supervisor.adherence import period_of
from swat_tui.domain.supervisor.adherence_report import AdherenceReport, adherence_report
from swat_tui.domain.supervisor.practice_catalogue import (
    Practice,
    PracticeCatalogue,
    practice_catalogue,
)
from swat_tui.domain.supervisor.practice_form import PracticeForm, check_form
from swat_tui.store.engine import write_session
from swat_tui.store.enums import Role
from swat_tui.store.models import PracticeRecord
from swat_tui.store.queries import management as queries

LEADERS = frozenset({Role.SUPERVISOR.value, Role.COORDINADOR.value})
WINDOWS = {"semana": "week", "mes": "month"}  # SUP030's period selector


def require_leader(agent: SignedOnAgent) -> None:
    """Refuse (CPF2217) a profile that is neither supervisor nor coordinador."""
    if agent.role not in LEADERS:
        raise refusal("supervisor.practices.leaders_only", code="CPF2217")


def window(kind: str, today: date, back: int = 0) -> tuple[date, date]:
    """The calendar week or month holding ``today``, ``back`` periods earlier."""
    period = WINDOWS.get(kind, kind)
    if period not in ("week", "month"):
        raise refusal("supervisor.practices.period_invalid")
    start, end = period_of(period, today)
    for _ in range(back):
        start, end = period_of(period, start - timedelta(days=1))
    return start, end


@dataclass(frozen=True)
class Recorded:
    """What the intent wrote, for the confirmation and the tests."""

    record_id: int
    message: str


class PracticeService:
    """SUP030/SUP031 and ``swat practices``: a leader's practices and adherence."""

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime],
        agent: SignedOnAgent,
        catalogue: PracticeCatalogue | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.agent = agent
        self.catalogue = catalogue or practice_catalogue()

    def today(self) -> date:
        return self.clock().astimezone(BOGOTA).date()

    def mine(self) -> tuple[Practice, ...]:
        """The practices this leader is responsible for (SUP031's list)."""
        require_leader(self.agent)
        return self.catalogue.for_role(self.agent.role)

    def record(self, form: PracticeForm) -> Recorded:
        """Record a practice this leader held; refused whole (nothing written) when the
        form, the role or a participant is wrong."""
        require_leader(self.agent)
        now = self.clock()
        checked = check_form(form, self.catalogue, now)
        practice = self.catalogue.get(checked.practice)
        assert practice is not None  # check_form refused an unknown one
        if practice.due_per_period(self.agent.role) == 0:
            raise refusal(
                "supervisor.practices.not_responsible",
                practice=practice.name,
                role=self.agent.role,
                roles=", ".join(practice.per_period),
            )
        with write_session(self.engine) as session:
            found = queries.agents_named(session, checked.participants)
            unknown = [name for name in checked.participants if name not in found]
            if unknown:
                raise refusal("supervisor.practices.participant_unknown", names=unknown[0])
            record = PracticeRecord(
                practice=practice.code,
                leader_id=self.agent.id,
                held_on=checked.held_on,
                duration_minutes=checked.duration_minutes,
                notes=checked.notes,
                recorded_at=now,
            )
            ids = [found[name].id for name in checked.participants]
            record_id = queries.add_record(session, record, [i for i in ids if i is not None])
        message = text(
            "supervisor.practices.recorded",
            practice=practice.name,
            when=f"{checked.held_on:%d/%m %H:%M}",
            minutes=checked.duration_minutes,
            count=len(checked.participants),
        )
        return Recorded(record_id, message)

    def adherence(self, since: date, until: date) -> AdherenceReport:
        """Every leader's adherence in ``since``..``until`` (a leader's reading only)."""
        require_leader(self.agent)
        return adherence_report(
            self.engine, since=since, until=until, today=self.today(), catalogue=self.catalogue
        )
