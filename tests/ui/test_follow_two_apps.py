"""Process confirmation with two terminals on one store: ASESOR01 takes a call about the
BLACKLIST account in one app while SUPERV01 follows it from another (SUP010). The
supervisor sees what the agent may see: masked until the agent's call has F7 read and
the identity validated, then shown. The supervisor records the confirmation (SUP011)
and the asesor reads it on CNF001/CNF002. An asesor reaches none of the leader's
panels, typed blind or opened."""

from __future__ import annotations

import pytest
from sqlmodel import select
from textual.pilot import Pilot

from swat_tui.config import Settings
from swat_tui.domain.account.views import Access
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import PracticeParticipant, PracticeRecord, ProcessConfirmation
from swat_tui.ui.app import SwatApp, make_app
from swat_tui.ui.labels import BLACKLIST_BANNER, BLACKLIST_BANNERS
from tests.gates import SEE_ALL
from tests.ui.confirm_routes import settle
from tests.ui.helpers import (
    answer_call,
    enter,
    fill,
    message,
    panel_id,
    phone_of,
    screen,
    shown,
    sign_on,
    type_into,
    type_keys,
)

SIZE = (80, 24)
CUENTA = SHOWCASE["blacklist"]


def _plain(app: SwatApp) -> str:
    return screen(app).panel.canvas.plain()


def _first_row(app: SwatApp) -> dict[str, str]:
    records: list[dict[str, str]] = screen(app).all_records  # type: ignore[attr-defined]
    return records[0]


async def _follow(pilot: Pilot[None], username: str) -> None:
    """SUPERV01: menu 13, the agent's calls, 8 beside the one in progress (SUP010)."""
    await sign_on(pilot, "SUPERV01")
    await type_into(pilot, "option", "13")
    await enter(pilot)
    await type_into(pilot, "user", username)
    await enter(pilot)
    await type_into(pilot, "o_0", "8")
    await enter(pilot)
    await settle(pilot)


async def _read_again(pilot: Pilot[None]) -> None:
    """What the next second's read shows, without waiting a second for it (F5)."""
    await pilot.press("f5")
    await settle(pilot)


async def test_a_supervisor_follows_a_blacklisted_call_and_the_asesor_reads_the_confirmation(
    settings: Settings, services: Services
) -> None:
    holder = services.accounts.open_panel(CUENTA, agent="T", gate=SEE_ALL).holder_name
    assert holder
    asesor = make_app(settings, services)
    supervisor = make_app(settings, services)
    async with asesor.run_test(size=SIZE) as agent:
        await answer_call(agent, phone_of(services, "blacklist"))
        await fill(agent, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await enter(agent)
        assert panel_id(asesor) == "LLM002"
        async with supervisor.run_test(size=SIZE) as leader:
            await _follow(leader, "ASESOR01")
            assert panel_id(supervisor) == "SUP010"
            assert "LLM002" in shown(supervisor, "where")
            assert shown(supervisor, "banner").strip() == BLACKLIST_BANNER
            assert holder not in _plain(supervisor)

            await agent.press("f7")  # the agent reads the notes...
            await agent.pause()
            await agent.press("f12")
            await agent.pause()
            await _read_again(leader)
            assert shown(supervisor, "banner").strip() == BLACKLIST_BANNERS[Access.IDENTITY_PENDING]
            assert holder not in _plain(supervisor)  # ...the identity is still to validate

            await type_keys(agent, "identity", "cedula y fecha")
            await agent.press("tab")
            await agent.pause()
            await _read_again(leader)
            assert shown(supervisor, "banner").strip() == BLACKLIST_BANNERS[Access.VALIDATED]
            assert holder in shown(supervisor, "acct")

            await leader.press("f6")
            await leader.pause()
            assert panel_id(supervisor) == "SUP011"
            labels = [shown(supervisor, f"l{index}") for index in range(10)]
            row = labels.index("BLACKLIST: F7 leído, identidad validada")
            assert screen(supervisor).field(f"a{row}").value == "S"  # the events show both
            for index, label in enumerate(labels):
                if label and not screen(supervisor).field(f"a{index}").value:
                    await type_into(leader, f"a{index}", "S")
            await type_into(leader, "fb0", "Buena validación de identidad antes de informar.")
            await enter(leader)
            assert panel_id(supervisor) == "SUP010"
            assert message(supervisor).startswith("Confirmación grabada")

        with read_session(services.engine) as session:
            confirmation = session.exec(select(ProcessConfirmation)).one()
            practice = session.exec(
                select(PracticeRecord).where(PracticeRecord.confirmation_id == confirmation.id)
            ).one()  # the demo's own practice records stand beside it
            people = session.exec(
                select(PracticeParticipant).where(
                    PracticeParticipant.practice_record_id == practice.id
                )
            ).all()
        assert confirmation.live and confirmation.items_total == len([x for x in labels if x])
        assert practice.practice == "confirmacion_proceso"
        assert practice.confirmation_id == confirmation.id
        assert [p.agent_id for p in people] == [confirmation.agent_id]

        await agent.press("f3")  # the asesor, at the menu during the call: option 10
        await agent.pause()
        await type_into(agent, "option", "10")
        await enter(agent)
        assert panel_id(asesor) == "CNF001"
        assert _first_row(asesor)["leader"] == "SUPERV01" and _first_row(asesor)["new"] == "Nueva"
        await type_into(agent, "o_0", "5")
        await enter(agent)
        assert panel_id(asesor) == "CNF002"
        assert "Buena validación de identidad" in shown(asesor, "fb0")
        await agent.press("f12")
        await agent.pause()
        assert panel_id(asesor) == "CNF001" and _first_row(asesor)["new"] == ""
    with read_session(services.engine) as session:
        assert session.exec(select(ProcessConfirmation)).one().seen_at is not None


async def test_the_supervisor_sees_the_call_end_and_confirms_it_afterwards(
    settings: Settings, services: Services
) -> None:
    asesor = make_app(settings, services)
    supervisor = make_app(settings, services)
    async with asesor.run_test(size=SIZE) as agent:
        await answer_call(agent, phone_of(services, "activa"))
        async with supervisor.run_test(size=SIZE) as leader:
            await _follow(leader, "ASESOR01")
            assert "EN LÍNEA" in shown(supervisor, "who")
            await agent.press("f2")  # the agent hangs up (softphone 6)
            await type_into(agent, "opt", "6")
            await enter(agent)
            await _read_again(leader)
            assert "COLGADA" in shown(supervisor, "who")
            assert message(supervisor).startswith("La llamada terminó")
            assert "F6=Confirmar" in " ".join(screen(supervisor).panel.canvas.legend)


async def test_an_asesor_reaches_none_of_the_leaders_panels(app: SwatApp) -> None:
    """Typed blind on the menu: refused; opened anyway: the domain refuses (CPF2217)."""
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot, "ASESOR01")
        for option in ("13",):
            await type_into(pilot, "option", option)
            await enter(pilot)
            assert panel_id(app) == "MNU001"
            assert "no autorizada para el perfil asesor" in message(app)
        await app.navigator.open_panel("SUP010", "ASESOR02")
        await settle(pilot)
        assert message(app).startswith("CPF2217")
        assert "F6=Confirmar" not in " ".join(screen(app).panel.canvas.legend)
        await pilot.press("f12")
        await pilot.pause()
        await app.navigator.open_panel("SUP012")
        await pilot.pause()
        await type_into(pilot, "user", "ASESOR02")
        await enter(pilot)
        assert message(app).startswith("CPF2217")


async def test_the_asesor_is_told_at_sign_on_of_an_unread_confirmation(
    app: SwatApp, services: Services
) -> None:
    from tests.ui.confirm_routes import confirmed_call

    confirmed_call(services)
    async with app.run_test(size=SIZE) as pilot:
        await sign_on(pilot, "ASESOR01")
        assert panel_id(app) == "MNU001"
        assert message(app) == "Confirmaciones de proceso sin leer: 1. Véalas en la opción 10."


async def test_the_follow_panel_stops_reading_when_closed(app: SwatApp, services: Services) -> None:
    """F3 while a read is under way: back on the menu, no timer left, no crash when the
    worker's answer arrives for a panel already gone."""
    from tests.ui.confirm_routes import asesor_call

    asesor_call(services)
    async with app.run_test(size=SIZE) as pilot:
        await _follow(pilot, "ASESOR01")
        follow = screen(app)
        assert follow._timer is not None  # type: ignore[attr-defined]
        await pilot.press("f5")
        await pilot.press("f3")
        await settle(pilot)
        assert panel_id(app) == "MNU001"
        assert follow._timer is None  # type: ignore[attr-defined]
        follow.paint(None)  # type: ignore[attr-defined]  # a late answer: ignored
        assert panel_id(app) == "MNU001"


async def test_a_read_nobody_foresaw_failing_is_one_line_and_the_panel_goes_on(
    app: SwatApp, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's error does not end the app: row 24 says it, F3 still works."""
    from swat_tui.ui.guard import UNEXPECTED
    from tests.ui.confirm_routes import asesor_call

    asesor_call(services)
    async with app.run_test(size=SIZE) as pilot:
        await _follow(pilot, "ASESOR01")
        assert app.supervisor is not None

        def broken(username: str, *, since: object = None) -> None:
            raise RuntimeError("fallo inesperado")

        monkeypatch.setattr(app.supervisor.follow, "live", broken)
        await _read_again(pilot)
        assert message(app) == UNEXPECTED
        await pilot.press("f3")
        await settle(pilot)
        assert panel_id(app) == "MNU001"
