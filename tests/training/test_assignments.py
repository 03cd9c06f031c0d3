"""A trainer's assignments ring once each, in a series' order, and a scored call is
kept once; on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.training import assignments
from swat_tui.store.engine import read_session
from swat_tui.store.models import Agent, TrainingAssignment, TrainingResult
from tests.desk_calls import DeskCall, demo_services, demo_template  # noqa: F401


def _agent_id(services: Services, username: str) -> int:
    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == username)).one()
        assert agent.id is not None
        return agent.id


def test_a_series_rings_in_its_order_once_each(demo_services: Services) -> None:  # noqa: F811
    now = demo_services.clock()
    given = assignments.assign(
        demo_services.engine,
        scenario_ids=["CERT-01", "CERT-02", "CERT-03"],
        trainees=["asesor01", "ASESOR02"],
        by="FORMA01",
        now=now,
        series="CERT",
    )
    assert len(given) == 6
    trainee = _agent_id(demo_services, "ASESOR01")
    claimed = [
        assignments.claim_next(demo_services.engine, trainee_id=trainee, now=now) for _ in range(4)
    ]
    assert [c.scenario_id if c else None for c in claimed] == [
        "CERT-01",
        "CERT-02",
        "CERT-03",
        None,
    ]
    assert all(c.status == "en_curso" for c in claimed if c)
    other = assignments.assignments(
        demo_services.engine, trainee_id=_agent_id(demo_services, "ASESOR02"), pending_only=True
    )
    assert [line.status for line in other] == ["pendiente"] * 3  # the other trainee's untouched


def test_assigning_to_a_non_asesor_is_refused_whole(demo_services: Services) -> None:  # noqa: F811
    with pytest.raises(DomainError, match="FORMA01 no es un asesor"):
        assignments.assign(
            demo_services.engine,
            scenario_ids=["PQR-CON-01"],
            trainees=["ASESOR01", "FORMA01"],
            by="FORMA01",
            now=demo_services.clock(),
        )
    with pytest.raises(DomainError, match="NADIE99"):
        assignments.assign(
            demo_services.engine,
            scenario_ids=["PQR-CON-01"],
            trainees=["NADIE99"],
            by="FORMA01",
            now=demo_services.clock(),
        )
    with read_session(demo_services.engine) as session:
        assert session.exec(select(TrainingAssignment)).all() == []


def test_a_scored_call_is_kept_once_and_closes_its_assignment(
    demo_services: Services,  # noqa: F811
) -> None:
    now = demo_services.clock()
    trainee = _agent_id(demo_services, "ASESOR01")
    [given] = assignments.assign(
        demo_services.engine,
        scenario_ids=["PQR-CON-01"],
        trainees=["ASESOR01"],
        by="FORMA01",
        now=now,
    )
    assert assignments.claim_next(demo_services.engine, trainee_id=trainee, now=now)
    call = DeskCall.answered(demo_services, 10000001)
    assignments.attach_call(demo_services.engine, assignment_id=given.id, call_id=call.record.id)

    def result(score: int) -> TrainingResult:
        return TrainingResult(
            call_id=call.record.id,
            assignment_id=given.id,
            trainee_id=trainee,
            scenario_id="PQR-CON-01",
            mode="practica",
            score=score,
            passed=score >= 80,
            scored_at=now + timedelta(minutes=5),
        )

    assignments.record_result(demo_services.engine, result(92))
    assignments.record_result(demo_services.engine, result(10))  # scored again: the first stays
    [line] = assignments.history(demo_services.engine, trainee_id=trainee)
    assert (line.scenario_id, line.score, line.passed, line.trainee) == (
        "PQR-CON-01",
        92,
        True,
        "ASESOR01",
    )
    [done] = assignments.assignments(demo_services.engine, trainee_id=trainee)
    assert (done.status, done.call_id) == ("hecha", call.record.id)
    assert assignments.trainees(demo_services.engine) == ("ASESOR01", "ASESOR02")
