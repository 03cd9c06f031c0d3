"""CMP001 driven by keys: dial, no answer, the next account; a recall in the past refused
with everything typed kept, then a valid one; no campaign and nothing to call on row 24."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from swat_tui.config import BOGOTA
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.softphone import AgentState
from swat_tui.domain.supervisor.campaign import outbound
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session
from swat_tui.store.models import Agent, Call, CampaignAttempt
from swat_tui.ui.app import SwatApp
from tests.outbound import seed
from tests.ui.helpers import desk_of, enter, message, panel_id, screen, shown, sign_on, type_into
from tests.ui.outbound_routes import (
    close_every_campaign,
    open_campaigns,
    to_campaign_call,
    to_campaigns,
)


def _bogota(moment: datetime) -> datetime:
    """A time read back from the store (naive: UTC, as the engine writes it) in Bogotá."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(BOGOTA)


def _attempts(app: SwatApp) -> list[CampaignAttempt]:
    assert app.services is not None
    return seed.attempts(app.services.engine)


async def test_dial_no_answer_then_the_next_account(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaign_call(pilot)
        assert panel_id(app) == "CMP001" and shown(app, "cuenta") == f"{SHOWCASE['activa']:08d}"
        await pilot.press("f6")
        await pilot.pause()
        desk = desk_of(app)
        assert desk.phone.state == AgentState.EN_LLAMADA, message(app)
        assert shown(app, "call").endswith("EN LLAMADA")
        await type_into(pilot, "r", "2")
        await type_into(pilot, "note", "timbra y no contestan")
        await enter(pilot)
        assert message(app).startswith("No contesta: cuenta"), message(app)
        assert state_of(desk) == AgentState.ACW and shown(app, "cuenta") == ""
        (attempt,) = _attempts(app)
        assert (attempt.result, attempt.note, attempt.call_id) == (
            "no_contesta",
            "timbra y no contestan",
            desk.last_call_id,
        )
        await enter(pilot)  # the next account of SAL1
        assert shown(app, "cuenta") == f"{SHOWCASE['blacklist']:08d}", message(app)
        assert shown(app, "holder") == "NO DAR INFO. VER F7"
        assert "BLACKLIST" in shown(app, "banner")
        await type_into(pilot, "n", "2")
        await pilot.press("f6")  # ends the ACW of the last call, dials the second number
        await pilot.pause()
        assert desk.phone.state == AgentState.EN_LLAMADA, message(app)
        assert desk.phone.call is not None and desk.phone.call.ani == "6015550001"


async def test_recall_in_the_past_is_refused_then_a_valid_one(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaign_call(pilot)
        await pilot.press("f6")
        await pilot.pause()
        typed = {"r": "6", "rdate": "28112026", "rtime": "08:00", "note": "en la tarde"}
        for name, value in typed.items():
            await type_into(pilot, name, value)
        await enter(pilot)
        assert "ya pasó" in message(app) and screen(app).panel.canvas.message_is_error
        assert screen(app).message_field == "rdate"
        assert {name: screen(app).field(name).value for name in typed} == typed
        assert _attempts(app) == []
        await type_into(pilot, "rdate", "31022026")  # not a date
        await enter(pilot)
        assert "no es una fecha válida" in message(app), message(app)
        assert screen(app).message_field == "rdate"
        await type_into(pilot, "rdate", "28112026")
        await type_into(pilot, "rtime", "1575")  # no such minute
        await enter(pilot)
        assert screen(app).message_field == "rtime", message(app)
        await type_into(pilot, "rtime", "16:30")
        await enter(pilot)
        assert message(app).startswith("Volver a llamar: cuenta"), message(app)
        (attempt,) = _attempts(app)
        assert attempt.result == "volver_a_llamar" and attempt.recall_at is not None
        assert (_bogota(attempt.recall_at).hour, attempt.recall_at.minute) == (16, 30)
        assert desk_of(app).phone.state == AgentState.ACW


async def test_effective_contact_goes_on_to_the_call(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaign_call(pilot)
        await pilot.press("f6")
        await pilot.pause()
        await type_into(pilot, "r", "1")
        await enter(pilot)
        assert panel_id(app) == "LLM001", message(app)
        assert screen(app).field("cuenta").value == str(SHOWCASE["activa"])
        assert app.services is not None
        first = seed.records(app.services.engine)[0]
        assert (first.cuenta, first.status) == (SHOWCASE["activa"], "contactado")


async def test_give_back_without_an_attempt(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaign_call(pilot)
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "CMP001" and "devuelta" in message(app)
        assert shown(app, "cuenta") == "" and _attempts(app) == []
        await pilot.press("f6")
        await pilot.pause()
        assert "No tiene cuenta de campaña" in message(app)
        assert app.services is not None
        with read_session(app.services.engine) as session:
            assert session.exec(select(Call)).first() is None


async def test_no_campaign_says_so_on_row_24(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        close_every_campaign(pilot)
        await open_campaigns(pilot)
        assert panel_id(app) == "CMP001"
        assert message(app).startswith("No hay campañas activas"), message(app)
        await type_into(pilot, "campaign", "SAL9")
        await enter(pilot)
        assert message(app) == "No existe la campaña SAL9."


async def test_nothing_to_call_says_so_on_row_24(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaigns(pilot)
        assert app.services is not None
        engine, now = app.services.engine, app.now()
        with read_session(engine) as session:
            others = session.exec(select(Agent.id).where(Agent.username != "ASESOR01")).all()
        for agent_id in others[:3]:  # other agents hold every account of SAL1 now
            assert agent_id is not None
            assert outbound.next_record(engine, agent_id=agent_id, campaign_code="SAL1", now=now)
        await enter(pilot)
        assert message(app).startswith("La campaña SAL1 no tiene cuentas por llamar"), message(app)


async def test_the_supervisor_has_option_14(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaigns(pilot, "SUPERV01")
        assert panel_id(app) == "CMP001", message(app)
        await enter(pilot)
        assert shown(app, "cuenta") == f"{SHOWCASE['activa']:08d}", message(app)


async def test_the_trainer_is_refused_option_14_typed_blind(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, "FORMA01")
        await type_into(pilot, "option", "14")
        await enter(pilot)
        assert panel_id(app) == "MNU001" and "no autorizada" in message(app), message(app)


async def test_a_busy_store_keeps_what_was_typed(
    app: SwatApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result refused by a busy store: row 24 says so, every field keeps its value."""
    from swat_tui.store.errors import BUSY_MESSAGE, StoreBusy

    async with app.run_test(size=(80, 24)) as pilot:
        await to_campaign_call(pilot)
        await pilot.press("f6")
        await pilot.pause()

        def busy(*args: object) -> str:
            raise StoreBusy()

        monkeypatch.setattr(desk_of(app).outbound, "record_result", busy)
        await type_into(pilot, "r", "3")
        await type_into(pilot, "note", "ocupado dos veces")
        await enter(pilot)
        assert message(app) == BUSY_MESSAGE and screen(app).panel.canvas.message_is_error
        assert (screen(app).field("r").value, screen(app).field("note").value) == (
            "3",
            "ocupado dos veces",
        )


def state_of(desk: Desk) -> AgentState:
    """The softphone's state read afresh (an assert before it does not fix it for mypy)."""
    return desk.phone.state
