"""The demo's week of calls: realistic, complete, off the showcase accounts, and
harmless to the numbering (the next CUN an agent takes does not move)."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, text
from sqlmodel import col, select

from swat_tui.config import BOGOTA, Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.kpi import Period, report
from swat_tui.domain.supervisor.kpi_figures import Counts
from swat_tui.store.demo import SHOWCASE, build_demo
from swat_tui.store.demo.call_week import DEMO_CUN_BELOW, write_call_week
from swat_tui.store.engine import make_engine, read_session, write_session
from swat_tui.store.migrate import upgrade
from swat_tui.store.models import Agent, Call, CallEvent, Pqr, Typification
from swat_tui.store.queries import numbering
from tests.call_replay import assert_calls_replay
from tests.ui.kpi_routes import with_call_week

TODAY = date(2026, 11, 28)


@pytest.fixture
def week_services(demo_services: Services) -> Services:
    """The tests' demo store (built without the week) with the week, as a first start has it."""
    assert with_call_week(demo_services.engine) > 0
    return demo_services


def _today(services: Services) -> date:
    return services.clock().astimezone(BOGOTA).date()


def test_every_asesor_has_calls_on_each_of_the_seven_days(week_services: Services) -> None:
    today = _today(week_services)
    lines = report(week_services.engine, Period.default(today), by_day=True).lines
    days = {(line.username, line.day) for line in lines}
    week = {today - timedelta(days=back) for back in range(1, 8)}
    assert days == {(user, day) for user in ("ASESOR01", "ASESOR02") for day in week}


def test_the_week_has_every_kind_of_outcome(week_services: Services) -> None:
    with read_session(week_services.engine) as session:
        calls = session.exec(select(Call)).all()
        typified = session.exec(select(Typification).where(col(Typification.call_id).is_not(None)))
        outcomes = Counter(
            "fcr" if t.first_contact else ("cun" if t.cun else "seguimiento") for t in typified
        )
    statuses = Counter(call.status for call in calls)
    assert set(statuses) == {"ended", "transferred", "abandoned"}
    assert statuses["ended"] > 10 * statuses["abandoned"] > 0
    assert all(call.ended_at is not None and call.acw_started_at is None for call in calls)
    assert all(call.hold_started_at is None for call in calls)
    assert sum(call.hold_seconds > 0 for call in calls) > 10
    assert all(call.acw_seconds > 0 for call in calls if call.answered_at is not None)
    assert {call.survey_answer for call in calls} == {"acepta", "no acepta", None}
    assert set(outcomes) == {"fcr", "cun", "seguimiento"}
    assert outcomes["fcr"] > outcomes["seguimiento"] + outcomes["cun"]


def test_no_demo_call_is_on_a_showcase_account(week_services: Services) -> None:
    with read_session(week_services.engine) as session:
        on_showcase = session.exec(
            select(func.count()).where(col(Call.cuenta).in_(list(SHOWCASE.values())))
        ).one()
    assert on_showcase == 0


def test_the_next_cun_is_the_one_it_was_without_the_week(tmp_path: Path) -> None:
    """The week's CUNs stay below the demo PQRs': the counters end where they would."""
    engines = {week: _store(tmp_path / f"{week}.db", 2) for week in (False, True)}
    for week, engine in engines.items():
        build_demo(engine, accounts=80, seed=11, today=TODAY, call_week=week)
    counters = {}
    for week, engine in engines.items():
        with engine.connect() as connection:
            counters[week] = numbering.counters(connection)
        with read_session(engine) as session:
            cuns = session.exec(select(Typification.cun).where(col(Typification.cun).is_not(None)))
            assert bool(cuns.all()) is week
            highest = session.exec(select(func.min(Pqr.cun))).one()
            assert highest is not None and int(highest[8:]) > DEMO_CUN_BELOW
        engine.dispose()
    assert counters[True] == counters[False]


def test_a_first_start_writes_the_week(tmp_path: Path) -> None:
    """open_services on an empty store: the profiles, the accounts, then their week."""
    settings = Settings(
        db_url=f"sqlite:///{tmp_path / 'swat.db'}",
        clock=lambda: datetime(2026, 11, 28, 9, 30, tzinfo=BOGOTA),
        seed_demo_accounts=80,
    )
    services = open_services(settings)
    with read_session(services.engine) as session:
        assert session.exec(select(func.count()).select_from(Call)).one() > 2 * 7 * 5
    services.close()


def test_the_step_events_give_time_to_every_step_a_call_reached(week_services: Services) -> None:
    from swat_tui.domain.supervisor.kpi import detail

    shown = detail(week_services.engine, Period.default(_today(week_services)), "ASESOR01")
    assert [step.step for step in shown.steps] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert all(step.seconds > 0 for step in shown.steps)
    assert shown.step_seconds == shown.counts.talk_seconds + shown.counts.hold_seconds


def _store(path: Path, asesores: int) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with write_session(engine) as session:
        for number in range(1, asesores + 1):
            session.add(
                Agent(
                    username=f"ASESOR{number:02d}",
                    display_name=f"Asesor {number}",
                    role="asesor",
                    password_hash="x",
                    created_at=datetime(2026, 1, 1, tzinfo=BOGOTA),
                )
            )
    return engine


def _fingerprint(engine: Engine) -> str:
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for table in ("call", "call_event", "call_request", "typification"):
            for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def test_the_week_is_deterministic_and_needs_asesores(tmp_path: Path) -> None:
    engines = [_store(tmp_path / f"{name}.db", 3) for name in ("a", "b")]
    for engine in engines:
        build_demo(engine, accounts=80, seed=11, today=TODAY)
    assert _fingerprint(engines[0]) == _fingerprint(engines[1])
    assert assert_calls_replay(engines[0]) > 3 * 7 * 5
    with read_session(engines[0]) as session:
        agents = session.exec(select(Call.agent_id).distinct()).all()
        assert len(agents) == 3
        assert session.exec(select(func.count()).select_from(CallEvent)).one() > 0
    with engines[0].begin() as connection:  # a second week: its CUNs follow the first's
        assert write_call_week(connection, today=TODAY - timedelta(days=7), seed=12, accounts=80)
    empty = _store(tmp_path / "none.db", 0)
    with empty.begin() as connection:
        assert write_call_week(connection, today=TODAY, seed=11, accounts=80) == 0
    for engine in (*engines, empty):
        engine.dispose()


def test_the_sql_sums_agree_with_the_rows_added_up_in_python(week_services: Services) -> None:
    """Every figure of every agent and day, and one agent's time per step, recomputed
    call by call from the rows (what the grouped SQL must never disagree with)."""

    from swat_tui.domain.supervisor.kpi import detail

    engine = week_services.engine
    period = Period.default(_today(week_services))
    expected: dict[tuple[str, date], Counter[str]] = defaultdict(Counter)
    steps: dict[int, float] = defaultdict(float)
    with read_session(engine) as session:
        names = {a.id: a.username for a in session.exec(select(Agent))}
        marks: dict[int, list[Typification]] = defaultdict(list)
        for mark in session.exec(select(Typification)):
            marks[mark.call_id or 0].append(mark)
        events: dict[int, list[CallEvent]] = defaultdict(list)
        for event in session.exec(select(CallEvent).order_by(col(CallEvent.at), col(CallEvent.id))):
            events[event.call_id].append(event)
        for call in session.exec(select(Call)):
            assert call.ended_at is not None and call.id is not None
            sums = expected[(names[call.agent_id], call.started_at.astimezone(BOGOTA).date())]
            sums["calls"] += 1
            if call.answered_at is not None:
                up = round((call.ended_at - call.answered_at).total_seconds())
                sums["answered"] += 1
                sums["talk_seconds"] += max(up - call.hold_seconds, 0)
                sums["hold_seconds"] += call.hold_seconds
                sums["acw_seconds"] += call.acw_seconds
                if names[call.agent_id] == "ASESOR01":
                    own = events[call.id]
                    for this, after in zip(own, [*own[1:], None], strict=True):
                        if this.at >= call.ended_at:
                            continue
                        end = call.ended_at if after is None else min(after.at, call.ended_at)
                        begin = max(this.at, call.answered_at)
                        steps[this.step] += max((end - begin).total_seconds(), 0.0)
            sums["transfers"] += call.status == "transferred"
            sums["abandoned"] += call.status == "abandoned"
            sums["surveys"] += call.survey_score is not None
            sums["survey_points"] += call.survey_score or 0
            for mark in marks[call.id]:
                sums["typified"] += 1
                sums["first_contact"] += mark.first_contact
                sums["with_cun"] += mark.cun is not None
    lines = report(engine, period, by_day=True).lines
    assert {(line.username, line.day): line.counts for line in lines} == {
        key: Counts(**sums) for key, sums in expected.items()
    }
    shown = detail(engine, period, "ASESOR01")
    assert {step.step: step.seconds for step in shown.steps} == {
        step: round(seconds) for step, seconds in steps.items()
    }
