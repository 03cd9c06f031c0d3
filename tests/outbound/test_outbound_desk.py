"""The desk's outbound campaign work on both backends: a dialled call is a real call,
the attempt is on the campaign and on the call's record, refusals change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from swat_tui.domain.account.views import Access
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.events import EventKind
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.outbound_view import masked_number, parse_recall
from swat_tui.domain.desk.softphone import AgentState
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import (
    Agent,
    AgentPresence,
    Call,
    CallEvent,
)
from tests.desk_calls import _NoCalls
from tests.outbound import seed
from tests.ui.conftest import FIXED_NOW


def _desk(services: Services, username: str = "ASESOR01") -> Desk:
    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == username)).one()
        assert agent.id is not None
        signed_on = SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)
    return Desk(services, signed_on, _NoCalls())


def _events(services: Services, call_id: int) -> list[CallEvent]:
    with read_session(services.engine) as session:
        statement = select(CallEvent).where(CallEvent.call_id == call_id)
        return list(session.exec(statement.order_by(col(CallEvent.id))))


def test_no_answer_is_a_real_call_on_record_then_acw(demo_services: Services) -> None:
    seed.campaign(demo_services.engine, (SHOWCASE["activa"], SHOWCASE["cancelado"]))
    desk = _desk(demo_services)
    view = desk.outbound.next_account("sal1")
    assert view.cuenta == SHOWCASE["activa"] and view.attempts == 0
    assert view.holder and view.phone1 == "3105550000" and not desk.wants_ring
    call = desk.outbound.dial("1")
    assert (call.queue, call.ani, call.cuenta) == ("SALIENTE SAL1", "3105550000", view.cuenta)
    assert desk.phone.state == AgentState.EN_LLAMADA and desk.active is not None
    with read_session(demo_services.engine) as session:
        seen = session.exec(select(AgentPresence)).one()
        assert (seen.state, seen.call_id) == ("EN LLAMADA", call.id)
    said = desk.outbound.record_result("no_contesta", None, "timbró sin respuesta")
    assert "No contesta" in said
    assert state_of(desk) == AgentState.ACW and desk.active is None
    assert desk.outbound.record is None
    with read_session(demo_services.engine) as session:
        row = session.get(Call, call.id)
        assert row is not None and row.status == "hung_up" and row.acw_started_at is not None
    (attempt,) = seed.attempts(demo_services.engine)
    assert (attempt.call_id, attempt.result, attempt.phone) == (
        call.id,
        "no_contesta",
        "3105550000",
    )
    kinds = [(e.kind, e.check) for e in _events(demo_services, call.id)]
    assert (EventKind.OFFER.value, "marcando") in kinds
    assert (EventKind.ACTION.value, "campana.intento") in kinds
    assert kinds[-1][0] == EventKind.HANG_UP.value
    # The next account: dialling it ends the ACW of the last call first.
    following = desk.outbound.next_account("SAL1")
    assert following.cuenta == SHOWCASE["cancelado"]
    second = desk.outbound.dial("2")
    assert second.ani == "6015550001"
    with read_session(demo_services.engine) as session:
        first = session.get(Call, call.id)
        assert first is not None and first.acw_started_at is None


def test_effective_contact_goes_on_with_the_procedure(demo_services: Services) -> None:
    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    call = desk.outbound.dial("1")
    desk.outbound.record_result("contacto_efectivo", None, "")
    assert desk.phone.state == AgentState.EN_LLAMADA and desk.active is not None
    assert desk.active.record.cuenta == SHOWCASE["activa"]
    assert "cuenta_abierta" in {mark.check for mark in desk.active.record.state.marks}
    assert desk.call.step_panel() == "LLM001"
    (record,) = seed.records(demo_services.engine)
    assert record.status == "contactado" and record.contacted_by == desk.agent.id
    desk.hang_up()
    assert desk.last_call_id == call.id


def test_a_blacklisted_account_shows_nothing_of_its_holder(demo_services: Services) -> None:
    seed.campaign(demo_services.engine, (SHOWCASE["blacklist"],))
    desk = _desk(demo_services)
    view = desk.outbound.next_account("SAL1")
    assert view.blacklist and view.holder is None and view.access == Access.MASKED
    assert view.phone1 == masked_number("3105550000") == "********00"
    desk.outbound.dial("1")
    assert desk.active is not None and desk.active.account is not None
    assert desk.active.account.holder_name is None  # masked until F7 and identity
    # The number dialled is the account's own: row 2 and the call panels mask it too
    # (it showed whole on row 2 after F6: review).
    line = desk.status_line(demo_services.clock())
    assert "3105550000" not in line and line.endswith("********00")
    assert desk.outbound.shown_number("3105550000") == "********00"


def test_recall_in_the_past_writes_nothing(demo_services: Services) -> None:
    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    call = desk.outbound.dial("1")
    events = len(_events(demo_services, call.id))
    past = FIXED_NOW - timedelta(hours=1)
    with pytest.raises(DomainError) as refused:
        desk.outbound.record_result("volver_a_llamar", past, "")
    assert refused.value.rule == "supervisor.campaign.recall_past"
    assert seed.attempts(demo_services.engine) == []
    assert len(_events(demo_services, call.id)) == events
    assert desk.phone.state == AgentState.EN_LLAMADA and desk.outbound.call_id == call.id
    later = FIXED_NOW + timedelta(days=1)
    desk.outbound.record_result("volver_a_llamar", later, "llamar en la tarde")
    (record,) = seed.records(demo_services.engine)
    assert record.status == "pendiente" and record.next_call_at is not None


def test_nothing_to_call_and_unknown_campaigns_are_refused(demo_services: Services) -> None:
    desk = _desk(demo_services)
    with pytest.raises(DomainError) as none:
        desk.outbound.next_account("SAL1")
    assert none.value.rule == "supervisor.campaign.campaign_unknown"
    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    _desk(demo_services, "ASESOR02").outbound.next_account("SAL1")  # another agent's now
    with pytest.raises(DomainError) as empty:
        desk.outbound.next_account("SAL1")
    assert empty.value.rule == "desk.outbound.nothing_to_call"
    with pytest.raises(DomainError) as not_held:
        desk.outbound.dial("1")
    assert not_held.value.rule == "desk.outbound.no_account"
    with read_session(demo_services.engine) as session:
        dialled = select(Call).where(col(Call.queue).startswith("SALIENTE"))
        assert session.exec(dialled).first() is None


def test_giving_back_leaves_the_account_for_the_next_agent(demo_services: Services) -> None:
    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    assert "devuelta" in desk.outbound.give_back()
    assert desk.wants_ring is False  # still in AUX after sign-on
    other = _desk(demo_services, "ASESOR02").outbound.next_account("SAL1")
    assert other.cuenta == SHOWCASE["activa"] and seed.attempts(demo_services.engine) == []


def test_the_recall_time_is_read_strictly() -> None:
    assert parse_recall("", "", FIXED_NOW) is None
    at = parse_recall("29/11/2026", "15:30", FIXED_NOW)
    assert at is not None and (at.day, at.hour, at.minute, at.tzinfo) == (
        29,
        15,
        30,
        FIXED_NOW.tzinfo,
    )
    for day, hour in (
        ("31/02/2026", "10:00"),
        ("2911", "10:00"),
        ("29112026", "25:00"),
        ("29112026", ""),
    ):
        with pytest.raises(DomainError):
            parse_recall(day, hour, FIXED_NOW)


def test_a_busy_store_on_the_result_writes_nothing_and_keeps_the_account(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attempt, the call's event and the hang-up are one transaction: when the call's
    write finds the store busy, no attempt is written, the account is still held and the
    call still on the line, so the same result is recorded again once the store answers."""
    from swat_tui.domain.desk import outbound as outbound_module
    from swat_tui.store.errors import StoreBusy

    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    call = desk.outbound.dial("1")

    def busy(*args: object, **kwargs: object) -> None:
        raise StoreBusy()

    monkeypatch.setattr(outbound_module, "change_in", busy)
    with pytest.raises(StoreBusy):
        desk.outbound.record_result("ocupado", None, "")
    assert seed.attempts(demo_services.engine) == []
    assert desk.outbound.record is not None and desk.outbound.call_id == call.id
    assert desk.phone.state == AgentState.EN_LLAMADA and desk.active is not None
    monkeypatch.undo()
    desk.outbound.record_result("ocupado", None, "")
    (attempt,) = seed.attempts(demo_services.engine)
    assert (attempt.call_id, attempt.result) == (call.id, "ocupado")
    assert state_of(desk) == AgentState.ACW and desk.outbound.record is None
    with read_session(demo_services.engine) as session:
        row = session.get(Call, call.id)
        assert row is not None and row.status == "hung_up"


def test_a_dialled_call_a_crash_left_open_is_resumed_with_its_account(
    demo_services: Services,
) -> None:
    """REC001's resume: the campaign's call comes back on the line as dialled (its queue
    is no skill to ring from) and the account is still to record, then recorded."""
    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    call = desk.outbound.dial("2")
    later = Desk(demo_services, desk.agent, _NoCalls())  # the session was killed
    (open_call,) = later.interrupted()
    assert open_call.id == call.id
    later.resume_interrupted(open_call)
    assert later.phone.state == AgentState.EN_LLAMADA and later.phone.call is not None
    assert later.phone.call.ani == "6015550000"
    assert later.outbound.record is not None and later.outbound.call_id == call.id
    later.outbound.record_result("buzon", None, "")
    (attempt,) = seed.attempts(demo_services.engine)
    assert (attempt.call_id, attempt.phone, attempt.result) == (call.id, "6015550000", "buzon")
    assert state_of(later) == AgentState.ACW


def test_signing_off_gives_back_an_account_not_dialled(demo_services: Services) -> None:
    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    desk.sign_off()
    other = _desk(demo_services, "ASESOR02").outbound.next_account("SAL1")
    assert other.cuenta == SHOWCASE["activa"]


def state_of(desk: Desk) -> AgentState:
    """The softphone's state read afresh (an assert before it does not fix it for mypy)."""
    return desk.phone.state


def test_a_dial_on_an_account_taken_meanwhile_changes_nothing_not_even_the_acw(
    demo_services: Services,
) -> None:
    """The claim went to another agent (a timed-out claim) while this one was in ACW:
    the dial is refused before the ACW ends, so the refusal writes nothing (review)."""
    from swat_tui.store.engine import write_session
    from swat_tui.store.models import CampaignRecord

    seed.campaign(demo_services.engine, (SHOWCASE["activa"], SHOWCASE["cancelado"]))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    desk.outbound.dial("1")
    desk.outbound.record_result("no_contesta", None, "")
    assert state_of(desk) == AgentState.ACW
    desk.outbound.next_account("SAL1")
    assert desk.outbound.record is not None
    record_id = desk.outbound.record.record_id
    other = _desk(demo_services, "ASESOR02").agent.id
    with write_session(demo_services.engine) as session:
        row = session.get(CampaignRecord, record_id)
        assert row is not None
        row.claimed_by = other
        session.add(row)
    with read_session(demo_services.engine) as session:
        before = session.exec(select(AgentPresence).where(AgentPresence.username == "ASESOR01"))
        presence_before = [(p.state, p.since) for p in before]
    with pytest.raises(DomainError, match="ya no está asignada"):
        desk.outbound.dial("1")
    assert state_of(desk) == AgentState.ACW
    with read_session(demo_services.engine) as session:
        after = session.exec(select(AgentPresence).where(AgentPresence.username == "ASESOR01"))
        assert [(p.state, p.since) for p in after] == presence_before


def test_dialling_renews_the_claim_so_a_long_call_is_not_taken_as_dead(
    demo_services: Services,
) -> None:
    """A claim counts as dead 30 minutes after it was taken: the dial renews it, or an
    agent who dials late and talks long would see the account go to another (review)."""
    from swat_tui.store.engine import write_session
    from swat_tui.store.models import CampaignRecord

    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    assert desk.outbound.record is not None
    record_id = desk.outbound.record.record_id
    with write_session(demo_services.engine) as session:
        row = session.get(CampaignRecord, record_id)
        assert row is not None
        row.claimed_at = FIXED_NOW - timedelta(minutes=25)
        session.add(row)
    desk.outbound.dial("1")
    with read_session(demo_services.engine) as session:
        row = session.get(CampaignRecord, record_id)
        assert row is not None and row.claimed_at is not None
        assert aware(row.claimed_at) == aware(demo_services.clock())


def test_outbound_calls_are_left_out_of_the_call_kpis(demo_services: Services) -> None:
    """A dial is on the line from the first second, answered or not: the inbound
    service's KPIs leave campaign calls to the campaign's indicator (review)."""
    from swat_tui.store.engine import read_session as reading
    from swat_tui.store.queries import kpi as kpi_queries

    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    desk = _desk(demo_services)
    desk.outbound.next_account("SAL1")
    call = desk.outbound.dial("1")
    desk.outbound.record_result("no_contesta", None, "")
    day = aware(call.started_at)
    with reading(demo_services.engine) as session:
        sums = kpi_queries.call_sums(
            session,
            start=day - timedelta(hours=1),
            end=day + timedelta(hours=1),
            by_day=False,
            agent_id=desk.agent.id,
        )
    assert sums == []


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def test_a_formador_or_a_coordinador_is_refused_the_campaign_in_the_domain(
    demo_services: Services,
) -> None:
    """Menu 14 is the asesor's and the supervisor's; the desk refuses the others however
    they reach it (review), and nothing is claimed."""
    seed.campaign(demo_services.engine, (SHOWCASE["activa"],))
    for username in ("FORMA01", "COORD01"):
        with pytest.raises(DomainError) as refused:
            _desk(demo_services, username).outbound.next_account("SAL1")
        assert refused.value.code == "CPF2217"
    (record,) = seed.records(demo_services.engine)
    assert record.claimed_by is None
