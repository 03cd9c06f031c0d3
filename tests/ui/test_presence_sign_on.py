"""Pilot tests: one live session per profile at SGN001, the heartbeat while signed on,
and the presence removed at sign-off."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

import swat_tui.ui.app as app_module
from swat_tui.domain import presence
from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import AgentPresence
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries import presence as presence_queries
from swat_tui.ui.app import SwatApp
from tests.ui.conftest import FIXED_NOW, SIZE
from tests.ui.helpers import USER, enter, message, panel_id, sign_on, type_into

OTHER_TERMINAL = "otra-terminal"


def _agent_id(services: Services) -> int:
    with read_session(services.engine) as session:
        agent = agent_queries.get_agent(session, username=USER)
        assert agent is not None and agent.id is not None
        return agent.id


def _other_terminal_signed_on(services: Services, *, seconds_ago: int) -> None:
    """ASESOR01 is signed on in another process whose last heartbeat was ``seconds_ago``."""
    at = FIXED_NOW - timedelta(seconds=seconds_ago)
    with write_session(services.engine) as session:
        presence_queries.put_presence(
            session,
            agent_id=_agent_id(services),
            username=USER,
            token=OTHER_TERMINAL,
            state="DISPONIBLE",
            aux_reason=None,
            since=at,
            at=at,
        )


def _row(services: Services) -> AgentPresence | None:
    with read_session(services.engine) as session:
        return presence_queries.get_presence(session, agent_id=_agent_id(services))


async def test_a_profile_signed_on_elsewhere_is_refused_on_row_24(
    app: SwatApp, services: Services
) -> None:
    _other_terminal_signed_on(services, seconds_ago=4)
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        assert panel_id(app) == "SGN001"
        assert message(app) == (
            "Perfil ASESOR01 con sesión activa (hace 4 s). Ciérrela o espere 26 s."
        )
    row = _row(services)
    assert row is not None and row.session == OTHER_TERMINAL  # left as it was


async def test_a_stale_session_is_taken_over_and_the_menu_says_so(
    app: SwatApp, services: Services
) -> None:
    _other_terminal_signed_on(services, seconds_ago=45)  # that process was killed
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        assert panel_id(app) == "MNU001"
        assert message(app) == (
            "La sesión anterior de ASESOR01 no daba señal hace 45 s: se reemplazó."
        )
    row = _row(services)
    assert row is not None
    assert (row.session, row.state) == (presence.process_session(), "AUX")


async def test_the_heartbeat_runs_while_signed_on_and_sign_off_removes_the_presence(
    app: SwatApp, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = presence.PresenceConfig(
        heartbeat=timedelta(seconds=0.05),
        stale_after=timedelta(seconds=30),
    )
    monkeypatch.setattr(presence, "presence_config", lambda: fast)
    monkeypatch.setattr(app_module, "BEAT_TICK_S", 0.02)
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        assert panel_id(app) == "MNU001"
        with write_session(services.engine) as session:  # as if the last beat was long ago
            row = presence_queries.get_presence(session, agent_id=_agent_id(services))
            assert row is not None
            row.heartbeat_at = FIXED_NOW - timedelta(minutes=5)
            session.add(row)
        for _ in range(100):  # the timer's worker writes it again (the clock is fixed)
            await asyncio.sleep(0.02)
            beat = _row(services)
            if beat is not None and beat.heartbeat_at == FIXED_NOW:
                break
        beat = _row(services)
        assert beat is not None and beat.heartbeat_at == FIXED_NOW
        assert message(app) == ""  # nothing shown to the agent
        await type_into(pilot, "option", "90")
        await enter(pilot)
        assert panel_id(app) == "SGN001"
    assert _row(services) is None


async def test_a_heartbeat_waits_for_a_pause_in_the_keys_but_not_for_ever(
    app: SwatApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A beat due while the agent types waits for half a second without a key (its write
    would slow the key), but never past three periods: the row must not go stale."""
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot)
        desk = app.desk
        assert desk is not None
        beats: list[float] = []

        def heartbeat() -> bool:
            beats.append(time.monotonic())
            return True

        monkeypatch.setattr(desk, "heartbeat", heartbeat)
        period = app._beat_period
        now = time.monotonic()

        def beat_at(since_beat: float, since_key: float) -> bool:
            before = len(beats)
            app._last_beat, app._last_key = now - since_beat, now - since_key
            app._beat()
            return len(beats) > before or any(worker.group == "presence" for worker in app.workers)

        assert not beat_at(period / 2, 5.0)  # not due yet
        await app.workers.wait_for_complete()
        assert not beat_at(period * 1.5, 0.1)  # due, but the agent is typing
        assert beat_at(period * 1.5, 1.0)  # due, and a pause in the keys
        await app.workers.wait_for_complete()
        assert beat_at(period * 3.5, 0.1)  # typing for three periods: it beats anyway
        await app.workers.wait_for_complete()
        assert len(beats) == 2
