"""A floor of agents in every state, written straight into the store at a fixed ``now``:
what the floor view (SUP001) is tested and photographed with.

Profiles FLOOR11-FLOOR19 and their presence rows, as the sessions of other terminals
would leave them; three calls wait in the queue (and one already claimed does not).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.store.engine import write_session
from swat_tui.store.models import Agent, AgentPresence, Call, WaitingCall


@dataclass(frozen=True)
class Seat:
    """One agent's presence: state, since how long, heartbeat age; a call if ``step``."""

    username: str
    name: str
    state: str
    in_state: int  # seconds
    aux: str | None = None
    step: int | None = None
    panel: str | None = None
    call_seconds: int = 0  # since answered (0: still ringing)
    heartbeat: int = 2  # seconds since the last heartbeat
    queue: str = "HOGAR_SAC"


SEATS: tuple[Seat, ...] = (
    Seat("FLOOR11", "Ana Ruiz", "DISPONIBLE", 3 * 60),
    Seat("FLOOR12", "Beatriz Lozano", "AUX", 50 * 60, aux="AUX 2 Almuerzo"),
    Seat("FLOOR13", "Camilo Torres", "AUX", 20 * 60, aux="AUX 1 Break"),
    Seat("FLOOR14", "Diana Mejía", "EN LLAMADA", 6 * 60 + 30, step=3, panel="SAC020",
         call_seconds=6 * 60 + 30),
    Seat("FLOOR15", "Esteban Gil", "EN ESPERA", 40, step=2, panel="LLM002",
         call_seconds=4 * 60, queue="HOGAR_SOPORTE"),
    Seat("FLOOR16", "Fernanda Ríos", "TIMBRANDO", 8, step=1, queue="HOGAR_PQR"),
    Seat("FLOOR17", "Gustavo Peña", "ACW", 60),
    Seat("FLOOR18", "Helena Castro", "EN LLAMADA", 15 * 60, step=4, panel="TD010",
         call_seconds=15 * 60, heartbeat=2 * 60),
    Seat("FLOOR19", "Iván Duarte", "DISPONIBLE", 3 * 3600, heartbeat=10 * 60),
)  # fmt: skip
WAITING_SECONDS = (135, 60, 10)  # the three calls waiting, by how long each has waited


def seed_floor(engine: Engine, now: datetime, seats: tuple[Seat, ...] = SEATS) -> None:
    """The seats' profiles, presence rows and calls, and the queue, as at ``now``."""
    with write_session(engine) as session:
        agent_id = None
        for seat in seats:
            agent = Agent(
                username=seat.username,
                display_name=seat.name,
                role="asesor",
                password_hash="-",
                created_at=now - timedelta(days=30),
            )
            session.add(agent)
            session.flush()
            assert agent.id is not None
            agent_id = agent.id
            call_id = _call(session, agent.id, seat, now) if seat.step is not None else None
            session.add(
                AgentPresence(
                    agent_id=agent.id,
                    username=seat.username,
                    session=f"other-terminal-{seat.username}",
                    state=seat.state,
                    aux_reason=seat.aux,
                    since=now - timedelta(seconds=seat.in_state),
                    call_id=call_id,
                    step=seat.step,
                    panel=seat.panel,
                    signed_on_at=now - timedelta(hours=4),
                    heartbeat_at=now - timedelta(seconds=seat.heartbeat),
                )
            )
        for index, seconds in enumerate(WAITING_SECONDS):
            session.add(_waiting(f"30055500{index:02d}", now - timedelta(seconds=seconds)))
        claimed = _waiting("3005559999", now - timedelta(minutes=30))
        claimed.claimed_by, claimed.claimed_at = agent_id, now - timedelta(minutes=29)
        session.add(claimed)
        session.flush()


def _call(session: Session, agent_id: int, seat: Seat, now: datetime) -> int:
    ringing = seat.call_seconds == 0
    started = now - timedelta(seconds=seat.in_state if ringing else seat.call_seconds + 5)
    call = Call(
        agent_id=agent_id,
        ani="3001234567",
        queue=seat.queue,
        status="ringing" if ringing else "in_progress",
        started_at=started,
        answered_at=None if ringing else now - timedelta(seconds=seat.call_seconds),
        current_step=seat.step or 1,
    )
    session.add(call)
    session.flush()
    assert call.id is not None
    return call.id


def _waiting(ani: str, arrived: datetime) -> WaitingCall:
    return WaitingCall(ani=ani, queue="HOGAR_SAC", kind="cuenta", arrived_at=arrived)
