"""Hand-made calls with known KPI answers (tests/supervisor/test_kpi_queries.py).

Two agents, two Bogotá days (9 and 10 March 2026). Every figure the tests expect
is worked out by hand in the comments; the events are of kinds that change only
the step, so the calls replay to the state they store (``tests/call_replay.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Engine

from swat_tui.config import BOGOTA
from swat_tui.store.engine import write_session
from swat_tui.store.models import Account, Agent, Call, CallEvent, Typification

DAY1 = date(2026, 3, 9)
DAY2 = date(2026, 3, 10)
CUENTA = 10000001


def at(day: date, clock: str) -> datetime:
    hours, minutes, seconds = (int(part) for part in clock.split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes, seconds, tzinfo=BOGOTA)


@dataclass
class HandCall:
    """A call row, its step changes (step, clock) and its typifications."""

    agent: str
    started: datetime
    answered: datetime | None
    ended: datetime | None
    status: str = "ended"
    hold: int = 0
    acw: int = 0
    score: int | None = None
    survey: str | None = None
    steps: list[tuple[int, str]] = field(default_factory=list)  # (step, "hh:mm:ss")
    marks: list[tuple[str, bool, str | None]] = field(default_factory=list)  # code, fcr, cun


def calls() -> list[HandCall]:
    return [
        # A, day 1. Up 300 s, hold 60 -> talk 240; steps 1:60 2:60 3:120 7:30 8:30.
        HandCall(
            "ASESOR01",
            at(DAY1, "09:00:00"),
            at(DAY1, "09:00:10"),
            at(DAY1, "09:05:10"),
            hold=60,
            acw=30,
            score=5,
            survey="acepta",
            steps=[(2, "09:01:10"), (3, "09:02:10"), (7, "09:04:10"), (8, "09:04:40")],
            marks=[("SAC-FAC-001", True, None)],
        ),
        # A, day 1, transferred. Up 600 s -> talk 600; steps 1:120 2:120 4:360.
        HandCall(
            "ASESOR01",
            at(DAY1, "11:00:00"),
            at(DAY1, "11:00:05"),
            at(DAY1, "11:10:05"),
            status="transferred",
            acw=60,
            steps=[(2, "11:02:05"), (4, "11:04:05")],
            marks=[("PQR-QUE-001", False, "4410-26-0000000001"), ("SAC-DIM-001", False, None)],
        ),
        # A, day 1 in Bogotá (day 2 in UTC): abandoned before the answer.
        HandCall(
            "ASESOR01",
            at(DAY1, "23:50:00"),
            None,
            at(DAY1, "23:50:30"),
            status="abandoned",
        ),
        # A, still in progress: no figures yet.
        HandCall("ASESOR01", at(DAY1, "16:00:00"), at(DAY1, "16:00:05"), None, "in_progress"),
        # A, day 2. Up 120 s; steps 1:60 2:60.
        HandCall(
            "ASESOR01",
            at(DAY2, "00:10:00"),
            at(DAY2, "00:10:00"),
            at(DAY2, "00:12:00"),
            acw=10,
            score=3,
            survey="acepta",
            steps=[(2, "00:11:00")],
            marks=[("SAC-FAC-001", True, None)],
        ),
        # B, day 1. Up 180 s, hold 20 -> talk 160; the survey declined.
        HandCall(
            "ASESOR02",
            at(DAY1, "10:00:00"),
            at(DAY1, "10:00:00"),
            at(DAY1, "10:03:00"),
            hold=20,
            acw=40,
            survey="no acepta",
            marks=[("SAC-FAC-001", True, None)],
        ),
        # B, the day before the period: never counted.
        HandCall(
            "ASESOR02",
            at(DAY1 - timedelta(days=1), "10:00:00"),
            at(DAY1 - timedelta(days=1), "10:00:00"),
            at(DAY1 - timedelta(days=1), "10:03:00"),
            marks=[("SAC-FAC-001", True, None)],
        ),
    ]


def seed(engine: Engine, now: datetime) -> None:
    """The agents (two asesores, a supervisor, a coordinator), an account and the calls."""
    with write_session(engine) as session:
        session.add(
            Account(
                cuenta=CUENTA,
                holder_name="Marta Ruiz",
                document_type="CC",
                document_number="52000111",
                address="CL 1 # 2-3",
                city="Bogotá",
                department="Cundinamarca",
                estrato=3,
                node="BOG-N01",
                status="ACTIVA",
                activated_on=date(2020, 1, 15),
            )
        )
        ids: dict[str, int] = {}
        for username, name, role in (
            ("ASESOR01", "Laura Gómez", "asesor"),
            ("ASESOR02", "Andrés Rincón", "asesor"),
            ("SUPERV01", "Carolina Vélez", "supervisor"),
            ("COORD01", "Diana Mejía", "coordinador"),
        ):
            agent = Agent(
                username=username, display_name=name, role=role, password_hash="x", created_at=now
            )
            session.add(agent)
            session.flush()
            assert agent.id is not None
            ids[username] = agent.id
        for hand in calls():
            _write(session, ids[hand.agent], hand)


def _write(session: object, agent_id: int, hand: HandCall) -> None:
    from sqlmodel import Session

    assert isinstance(session, Session)
    last_step = hand.steps[-1][0] if hand.steps else 1
    call = Call(
        agent_id=agent_id,
        cuenta=CUENTA,
        ani="3015550000",
        queue="HOGAR_SAC",
        status=hand.status,
        started_at=hand.started,
        answered_at=hand.answered,
        ended_at=hand.ended,
        hold_seconds=hand.hold,
        acw_seconds=hand.acw,
        current_step=last_step,
        survey_answer=hand.survey,
        survey_score=hand.score,
        state_json=json.dumps({"step": last_step}),
    )
    session.add(call)
    session.flush()
    assert call.id is not None
    day = hand.started.date()
    events = [(1, "offer", "timbrando", hand.started)]
    if hand.answered is not None:
        events.append((1, "answer_note", "contestada", hand.answered))
    events += [(step, "step", "paso", at(day, clock)) for step, clock in hand.steps]
    if hand.ended is not None:
        events.append((last_step, "hang_up", "colgada", hand.ended))
        events.append((last_step, "acw", "fin_acw", hand.ended + timedelta(seconds=hand.acw)))
    for step, kind, name, moment in events:
        kind = "note" if kind == "answer_note" else kind  # no mark: nothing to replay
        result = str(step) if kind == "step" else "ok"
        detail = json.dumps({"ended": False}) if kind == "hang_up" else ""
        session.add(
            CallEvent(
                call_id=call.id,
                step=step,
                kind=kind,
                check=name,
                result=result,
                detail=detail,
                at=moment,
            )
        )
    for code, first_contact, cun in hand.marks:
        session.add(
            Typification(
                call_id=call.id,
                cuenta=CUENTA,
                code=code,
                first_contact=first_contact,
                cun=cun,
                agent=hand.agent,
                created_at=hand.ended or hand.started,
            )
        )
