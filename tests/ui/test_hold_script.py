"""The hold script on the softphone: 4 with S in Motivo says it was read (on record,
for a trainer's scorecard); 4 alone holds and reminds the agent of it."""

from __future__ import annotations

from sqlmodel import col, select

from swat_tui.domain.services import Services
from swat_tui.store.engine import read_session
from swat_tui.store.models import CallEvent
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import answer_call, desk_of, enter, message, phone_of, type_into


def _notes(services: Services, call_id: int) -> list[str]:
    with read_session(services.engine) as session:
        rows = session.exec(
            select(CallEvent.check)
            .where(CallEvent.call_id == call_id, CallEvent.kind == "note")
            .order_by(col(CallEvent.id))
        )
        return list(rows)


async def test_hold_with_the_script_read_is_on_record(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_call(pilot, phone_of(services, "activa"))
        call_id = desk_of(app).last_call_id
        assert call_id is not None
        await pilot.press("f2")
        await type_into(pilot, "opt", "4")
        await enter(pilot)  # held without the script: reminded, nothing on record
        assert "lea el guion" in message(app)
        assert _notes(services, call_id) == []
        await type_into(pilot, "opt", "4")
        await enter(pilot)  # back
        await type_into(pilot, "opt", "4")
        await type_into(pilot, "arg", "S")
        await enter(pilot)
        assert message(app) == "Llamada en espera."
        assert _notes(services, call_id) == ["guion:hold"]
