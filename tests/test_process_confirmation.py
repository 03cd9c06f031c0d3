"""Process confirmation in the domain: the followed call rebuilt from the store and its
events, the BLACKLIST rule on what the leader sees, the replay panel by panel, and the
one transaction that records a confirmation and the practice it counts as."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from swat_tui.domain.account.views import Access
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call.followed import FollowedCall
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure import check_ids
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.checklist import load_checklist
from swat_tui.domain.supervisor.follow import PRACTICE, FollowService, ItemMark
from swat_tui.domain.supervisor.my_confirmations import MyConfirmations
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import (
    Agent,
    PracticeParticipant,
    PracticeRecord,
    ProcessConfirmation,
)
from tests.desk_calls import DeskCall


def _profile(services: Services, username: str) -> SignedOnAgent:
    with read_session(services.engine) as session:
        agent = session.exec(select(Agent).where(Agent.username == username)).one()
        assert agent.id is not None
        return SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)


def _leader(services: Services) -> FollowService:
    return FollowService(services, _profile(services, "SUPERV01"))


def _following(services: Services) -> FollowedCall:
    followed = _leader(services).live("ASESOR01")
    assert followed is not None
    return followed


def _blacklisted_at_step_2(services: Services) -> DeskCall:
    call = DeskCall.answered(services, SHOWCASE["blacklist"])
    call.reception()
    call.desk.call.panel_shown("LLM002", call.cuenta)
    return call


def test_a_blacklisted_account_stays_masked_until_f7_and_identity(
    demo_services: Services,
) -> None:
    """The leader sees what the agent may: masked before F7, still masked with F7 read
    and the identity pending, shown once both are recorded in the agent's call."""
    call = _blacklisted_at_step_2(demo_services)
    followed = _following(demo_services)
    assert followed.account is not None and followed.cuenta == call.cuenta
    assert followed.access == Access.MASKED
    assert followed.account.holder_name is None and followed.account.document is None
    assert followed.panel == "LLM002" and followed.step == 2
    call.desk.accounts.read_special_notes(call.cuenta)
    pending = _following(demo_services)
    assert pending.access == Access.IDENTITY_PENDING and pending.account is not None
    assert pending.account.holder_name is None
    call.desk.call.record_check(check_ids.IDENTITY, "cédula verificada")
    shown = _following(demo_services)
    assert shown.access == Access.VALIDATED and shown.account is not None
    assert shown.account.holder_name == call.account().holder_name


def test_the_followed_call_carries_the_agents_guide_and_events(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.reception()
    followed = _following(demo_services)
    assert followed.live and followed.agent == "ASESOR01"
    assert followed.access == Access.FULL
    assert followed.account is not None and followed.account.holder_name
    current = [step for step in followed.guide.steps if step.status == "actual"]
    assert [step.number for step in current] == [2]
    labels = [line.label for line in followed.events]
    assert "Contesta la llamada" in labels
    assert any(label.startswith("Abre la cuenta") for label in labels), labels
    assert followed.guide.next_action  # the same next action the agent's guide shows


def test_a_finished_call_replays_panel_by_panel(demo_services: Services) -> None:
    """Frames stop at each change of the agent's panel; the BLACKLIST rule applies in
    each frame as it stood then, and the last frame is the call's end."""
    call = _blacklisted_at_step_2(demo_services)
    call.desk.accounts.read_special_notes(call.cuenta)
    call.desk.call.record_check(check_ids.IDENTITY, "cédula verificada")
    call.desk.call.panel_shown("CTA001", call.cuenta)
    call.desk.call.record_check("estado_revisado", "revisada")
    call.desk.call.start_request("sac", "Pregunta por la factura")
    call.desk.call.advance()
    call.desk.call.panel_shown("LLM003", call.cuenta)
    call_id = call.record.id
    call.desk.hang_up()
    frames = _leader(demo_services).frames(call_id)
    panels = [frame.panel for frame in frames]
    assert panels[:3] == ["LLM002", "CTA001", "LLM003"], panels
    assert [frame.frame for frame in frames] == list(range(len(frames)))
    assert all(frame.frames == len(frames) for frame in frames)
    assert frames[0].access == Access.MASKED and frames[0].account is not None
    assert frames[0].account.holder_name is None
    assert frames[1].access == Access.VALIDATED
    assert frames[-1].status != "in_progress" and not frames[-1].live
    assert len(frames[0].events) < len(frames[-1].events)


def test_recording_writes_the_confirmation_and_the_practice_in_one_go(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.reception()
    leader = _leader(demo_services)
    followed = _following(demo_services)
    items = leader.checklist(followed)
    assert "blacklist" not in {item.id for item in items}  # not a blacklisted account
    started = demo_services.clock() - timedelta(minutes=4, seconds=10)
    marks = [ItemMark(item.id, item.id != "encuesta", "") for item in items]
    stored = leader.record(followed, marks, "Buen saludo.", started_at=started, live=True)
    with read_session(demo_services.engine) as session:
        row = session.get(ProcessConfirmation, stored.id)
        assert row is not None
        assert (row.items_ok, row.items_total) == (len(items) - 1, len(items))
        assert [entry["item"] for entry in json.loads(row.checklist_json)] == [
            item.id for item in items
        ]
        practice = session.exec(
            select(PracticeRecord).where(PracticeRecord.confirmation_id == row.id)
        ).one()
        assert practice.practice == PRACTICE and practice.duration_minutes == 5
        assert practice.leader_id == _profile(demo_services, "SUPERV01").id
        people = session.exec(
            select(PracticeParticipant.agent_id).where(
                PracticeParticipant.practice_record_id == practice.id
            )
        ).all()
        assert people == [_profile(demo_services, "ASESOR01").id]


def test_a_refused_confirmation_writes_nothing(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.reception()
    leader = _leader(demo_services)
    followed = _following(demo_services)
    items = leader.checklist(followed)
    with read_session(demo_services.engine) as session:
        practices_before = len(session.exec(select(PracticeRecord)).all())  # the demo's
    partial = [ItemMark(item.id, True) for item in items[1:]]
    with pytest.raises(DomainError, match="Marque S o N en"):
        leader.record(followed, partial, "", started_at=demo_services.clock(), live=True)
    marks = [ItemMark(item.id, True) for item in items]
    with pytest.raises(DomainError, match="máximo"):
        leader.record(followed, marks, "x" * 1001, started_at=demo_services.clock(), live=True)
    with read_session(demo_services.engine) as session:
        assert session.exec(select(ProcessConfirmation)).all() == []
        assert len(session.exec(select(PracticeRecord)).all()) == practices_before


def test_an_asesor_is_refused_every_leader_function(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    followed = _following(demo_services)
    asesor = FollowService(demo_services, _profile(demo_services, "ASESOR02"))
    for attempt in (
        lambda: asesor.live("ASESOR01"),
        lambda: asesor.frames(followed.call_id),
        lambda: asesor.recent_calls("ASESOR01"),
        lambda: asesor.checklist(followed),
        lambda: asesor.record(followed, [], "", started_at=demo_services.clock(), live=True),
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "CPF2217"
    assert call.desk.active is not None


def test_the_agent_reads_their_confirmation_and_it_is_marked_seen(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.reception()
    leader = _leader(demo_services)
    followed = _following(demo_services)
    marks = [ItemMark(item.id, True, "ok") for item in leader.checklist(followed)]
    stored = leader.record(
        followed, marks, "Siga así.", started_at=demo_services.clock(), live=True
    )
    mine = MyConfirmations(demo_services, _profile(demo_services, "ASESOR01"))
    assert mine.unseen() == 1
    (listed,) = mine.list()
    assert (listed.leader, listed.seen_at) == ("SUPERV01", None)
    opened = mine.open(listed.id)
    assert opened.feedback == "Siga así." and opened.seen_at is not None
    labels = {item.id: item.label for item in load_checklist()}
    assert opened.items[0].label == labels["bienvenida"] and opened.items[0].ok
    assert mine.unseen() == 0
    other = MyConfirmations(demo_services, _profile(demo_services, "ASESOR02"))
    with pytest.raises(DomainError, match="no es suya"):
        other.open(stored.id or 0)


def test_a_leader_cannot_confirm_their_own_call(demo_services: Services) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"], username="SUPERV01")
    leader = _leader(demo_services)
    followed = leader.live("SUPERV01")
    assert followed is not None and call.desk.active is not None
    marks = [ItemMark(item.id, True) for item in leader.checklist(followed)]
    with pytest.raises(DomainError, match="propia llamada"):
        leader.record(followed, marks, "", started_at=demo_services.clock(), live=True)


def test_a_call_answered_before_following_began_is_kept_once_it_ends(
    demo_services: Services,
) -> None:
    """The leader opened SUP010 on a call already on the line; the agent hangs up while
    followed: the call is still the one shown and confirmed (SUP010 went blank, found in
    tmux), while a call that had ended before following began is not."""
    from swat_tui.store.engine import write_session
    from swat_tui.store.models import Call

    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.reception()
    call_id = call.record.id
    call.desk.hang_up()
    with write_session(demo_services.engine) as session:
        row = session.get(Call, call_id)
        assert row is not None
        started = row.started_at
        row.ended_at = started + timedelta(minutes=5)
        session.add(row)
    leader = _leader(demo_services)
    kept = leader.live("ASESOR01", since=started + timedelta(minutes=2))
    assert kept is not None and kept.call_id == call_id and not kept.live
    assert leader.live("ASESOR01", since=started + timedelta(minutes=6)) is None


def test_a_leaders_own_call_is_not_confirmed(demo_services: Services) -> None:
    """Only an asesor reads confirmations (CNF001): a coordinador following a
    supervisor's call is refused, and nothing is written (review)."""
    call = DeskCall.answered(demo_services, SHOWCASE["activa"], username="SUPERV01")
    call.reception()
    coordinator = FollowService(demo_services, _profile(demo_services, "COORD01"))
    followed = coordinator.live("SUPERV01")
    assert followed is not None
    marks = [ItemMark(item.id, True) for item in coordinator.checklist(followed)]
    with pytest.raises(DomainError, match="Solo se confirman llamadas de asesores"):
        coordinator.record(followed, marks, "", started_at=demo_services.clock(), live=True)
    with read_session(demo_services.engine) as session:
        assert session.exec(select(ProcessConfirmation)).all() == []
