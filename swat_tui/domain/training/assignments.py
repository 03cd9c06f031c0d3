"""A trainer's assignments and a trainee's scored training calls.

The trainer (role formador) assigns a scenario, or a series in its order, to
one trainee or several; the trainee's softphone rings with it the next time
they are Disponible (``claim_next``). Each scored call is kept with its whole
scorecard, so the trainee's history and progress read these rows alone.
All of it lives in the training store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.domain.errors import refusal
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.enums import Role
from swat_tui.store.models import TrainingAssignment, TrainingResult
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries import training as queries
from swat_tui.store.queries.calls import agent_usernames


@dataclass(frozen=True)
class AssignmentLine:
    """One assignment as the trainer's area lists it."""

    id: int
    scenario_id: str
    series: str
    position: int
    trainee: str
    assigned_by: str
    assigned_at: datetime
    status: str
    call_id: int | None


@dataclass(frozen=True)
class ResultLine:
    """One scored training call, as a trainee's history lists it."""

    call_id: int
    trainee: str
    scenario_id: str
    mode: str
    score: int
    passed: bool
    abandoned: bool
    critical: int
    handle_seconds: int
    scored_at: datetime
    scorecard_json: str


def assign(
    engine: Engine,
    *,
    scenario_ids: Sequence[str],
    trainees: Sequence[str],
    by: str,
    now: datetime,
    series: str = "",
) -> tuple[AssignmentLine, ...]:
    """Give each trainee the scenarios (a series rings in the order given); refused
    whole when a trainee is not an asesor's profile of the training store."""
    if not scenario_ids:
        raise refusal("training.no_scenario")
    if not trainees:
        raise refusal("training.no_trainee")
    lines: list[AssignmentLine] = []
    with write_session(engine) as session:
        for username in dict.fromkeys(name.strip().upper() for name in trainees):
            agent = agent_queries.get_agent(session, username=username)
            if agent is None or agent.id is None:
                raise refusal("training.unknown_trainee", username=username)
            if agent.role != Role.ASESOR:
                raise refusal("training.not_asesor", username=username)
            for position, scenario_id in enumerate(scenario_ids):
                row = queries.add_assignment(
                    session,
                    TrainingAssignment(
                        scenario_id=scenario_id,
                        series=series,
                        position=position,
                        trainee_id=agent.id,
                        assigned_by=by,
                        assigned_at=now,
                    ),
                )
                lines.append(_line(row, username))
    return tuple(lines)


def claim_next(engine: Engine, *, trainee_id: int, now: datetime) -> AssignmentLine | None:
    """The trainee's next assignment, now in progress (None: nothing pending)."""
    with write_session(engine) as session:
        row = queries.claim_next(session, trainee_id=trainee_id, now=now)
        if row is None:
            return None
        names = _usernames(session, [row.trainee_id])
        return _line(row, names.get(row.trainee_id, ""))


def attach_call(engine: Engine, *, assignment_id: int, call_id: int) -> None:
    """The assignment's call rang: the call it is answered by."""
    with write_session(engine) as session:
        row = queries.get_assignment(session, assignment_id=assignment_id)
        if row is not None:
            row.call_id = call_id
            session.add(row)


def record_result(engine: Engine, result: TrainingResult) -> None:
    """A training call scored: its card kept, its assignment (if any) done; once per
    call (a second scoring of the same call keeps the first)."""
    with write_session(engine) as session:
        if queries.result_of_call(session, call_id=result.call_id) is not None:
            return
        queries.add_result(session, result)
        if result.assignment_id is not None:
            row = queries.get_assignment(session, assignment_id=result.assignment_id)
            if row is not None:
                row.status = queries.DONE
                session.add(row)


def assignments(
    engine: Engine, *, trainee_id: int | None = None, pending_only: bool = False
) -> tuple[AssignmentLine, ...]:
    statuses = (queries.PENDING, queries.IN_PROGRESS) if pending_only else ()
    with read_session(engine) as session:
        rows = queries.assignments_of(session, trainee_id=trainee_id, statuses=statuses)
        names = _usernames(session, [row.trainee_id for row in rows])
        return tuple(_line(row, names.get(row.trainee_id, "")) for row in rows)


def history(engine: Engine, *, trainee_id: int | None = None) -> tuple[ResultLine, ...]:
    """Scored training calls (of one trainee), oldest first."""
    with read_session(engine) as session:
        rows = queries.results_of(session, trainee_id=trainee_id)
        names = _usernames(session, [row.trainee_id for row in rows])
        return tuple(_result(row, names.get(row.trainee_id, "")) for row in rows)


def result_of_call(engine: Engine, call_id: int) -> ResultLine | None:
    with read_session(engine) as session:
        row = queries.result_of_call(session, call_id=call_id)
        if row is None:
            return None
        names = _usernames(session, [row.trainee_id])
        return _result(row, names.get(row.trainee_id, ""))


def trainees(engine: Engine) -> tuple[str, ...]:
    """The usernames a trainer may assign to."""
    with read_session(engine) as session:
        return tuple(agent.username for agent in queries.trainees(session))


def _usernames(session: Session, ids: Sequence[int]) -> dict[int, str]:
    return agent_usernames(session, agent_ids=list(dict.fromkeys(ids)))


def _line(row: TrainingAssignment, trainee: str) -> AssignmentLine:
    assert row.id is not None
    return AssignmentLine(
        row.id,
        row.scenario_id,
        row.series,
        row.position,
        trainee,
        row.assigned_by,
        row.assigned_at,
        row.status,
        row.call_id,
    )


def _result(row: TrainingResult, trainee: str) -> ResultLine:
    return ResultLine(
        row.call_id,
        trainee,
        row.scenario_id,
        row.mode,
        row.score,
        row.passed,
        row.abandoned,
        row.critical,
        row.handle_seconds,
        row.scored_at,
        row.scorecard_json,
    )


def has_pending(engine: Engine, *, trainee_id: int) -> bool:
    """Whether a scenario waits for the trainee (a read: the claim writes)."""
    with read_session(engine) as session:
        return bool(
            queries.assignments_of(session, trainee_id=trainee_id, statuses=[queries.PENDING])
        )


def cancel(engine: Engine, *, assignment_id: int) -> None:
    """An assignment that cannot ring (its scenario is gone): set aside, not lost."""
    with write_session(engine) as session:
        row = queries.get_assignment(session, assignment_id=assignment_id)
        if row is not None:
            row.status = queries.CANCELLED
            session.add(row)


def trainee_id(engine: Engine, username: str) -> int | None:
    """The training store's id of a profile (None: not copied there yet)."""
    with read_session(engine) as session:
        agent = agent_queries.get_agent(session, username=username)
        return agent.id if agent is not None else None


def assignment_of_call(engine: Engine, *, call_id: int) -> AssignmentLine | None:
    """The assignment a training call was rung for (None: one rung by hand)."""
    with read_session(engine) as session:
        row = queries.assignment_of_call(session, call_id=call_id)
        if row is None:
            return None
        names = _usernames(session, [row.trainee_id])
        return _line(row, names.get(row.trainee_id, ""))
