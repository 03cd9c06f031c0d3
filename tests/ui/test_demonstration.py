"""TRN040, the model answer's demonstration: reached with F10 from the scorecard, one RR
panel a page (Intro), long pages turned with AvPág, F12 back to the card; a scenario
without model answer says so; the caller's words are shown literally.

Update a snapshot by node id only, and look at it before committing:
``uv run pytest -n 0 'tests/ui/test_demonstration.py::test_snapshot_first_page' --snapshot-update``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.pilot import Pilot

from swat_tui.domain import messages
from swat_tui.domain.training.scenario import Scenario
from swat_tui.ui.app import SwatApp
from tests.training.cards import FLAWED
from tests.ui.helpers import message, panel_id, screen, shown, sign_on
from tests.ui.test_legend_keys import pqr_consult_scenario, to_demonstration, to_scorecard

Snap = Any  # the snap_compare fixture


def _rows(app: SwatApp) -> list[dict[str, str]]:
    return screen(app).panel.canvas.records


async def _open_demo(pilot: Pilot[None], scenario: Scenario) -> None:
    await sign_on(pilot)
    app = pilot.app
    assert isinstance(app, SwatApp)
    await app.navigator.open_panel("TRN040", scenario)
    await pilot.pause()


async def test_from_the_scorecard_through_the_pages_and_back(app: SwatApp) -> None:
    """F10 on TRN030 opens page 1 (the softphone); Intro goes through every panel of the
    model answer to the last, where Intro says it is the end; F12 is the scorecard again."""
    async with app.run_test(size=(80, 24)) as pilot:
        await to_scorecard(pilot)
        assert panel_id(app) == "TRN030"
        assert "F10=Demostración" in " ".join(screen(app).panel.canvas.legend)
        await pilot.press("f10")
        await pilot.pause()
        assert panel_id(app) == "TRN040"
        assert shown(app, "page") == "Panel SFT001 Softphone Avaya One-X  (página 1 de 8)"
        assert shown(app, "scenario") == "Escenario PQR-CON-01: Consulta de una PQR vencida"
        assert _rows(app)[0] == {
            "at": "00:00",
            "who": "Asesor",
            "text": "Contesta la llamada (Intro en el softphone).",
        }
        seen = ["SFT001"]
        for _ in range(7):
            await pilot.press("enter")
            await pilot.pause()
            seen.append(shown(app, "page").split()[1])
        panels = "SFT001 LLM001 LLM002 LLM003 PQR010 TIP001 LLM008 SFT001"
        assert seen == panels.split()
        assert "(página 8 de 8)" in shown(app, "page")
        await pilot.press("enter")
        await pilot.pause()
        assert message(app) == messages.text("ui.demo.last_page")
        assert panel_id(app) == "TRN040"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "TRN030"


async def test_a_long_page_turns_with_page_down(app: SwatApp) -> None:
    """LLM001 of the PQR consult has more lines than the panel's 14 rows: Más..., then
    AvPág shows the rest (Final) on the same panel page, and Intro goes on to LLM002."""
    async with app.run_test(size=(80, 24)) as pilot:
        await to_demonstration(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "page").startswith("Panel LLM001 Llamada: recepción")
        assert shown(app, "more") == "Más..."
        await pilot.press("pagedown")
        await pilot.pause()
        assert shown(app, "more") == "Final"
        assert shown(app, "page").startswith("Panel LLM001")
        last = [row["text"] for row in _rows(app) if row["text"]][-1]
        assert last == "Pulsa Intro: pasa a LLM002 Llamada: interpretación."
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "page").startswith("Panel LLM002")


async def test_without_model_answer_row_24_says_so(app: SwatApp) -> None:
    """A scenario with no model answer: no page, no lines, and row 24 says why."""
    scenario = dataclasses.replace(pqr_consult_scenario(), model=())
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_demo(pilot, scenario)
        assert panel_id(app) == "TRN040"
        assert shown(app, "page") == ""
        assert _rows(app) == []
        assert message(app) == messages.text("ui.scorecard.no_model")


async def test_caller_words_with_markup_show_literally(app: SwatApp) -> None:
    """Caller lines are the trainer's text: square brackets are shown, not read as markup."""
    base = pqr_consult_scenario()
    lines = dataclasses.replace(base.caller.lines, opening="[bold]Aló[/bold] [red]sí[/]")
    scenario = dataclasses.replace(base, caller=dataclasses.replace(base.caller, lines=lines))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_demo(pilot, scenario)
        assert _rows(app)[1]["text"] == "[bold]Aló[/bold] [red]sí[/]"
        assert "[bold]Aló[/bold] [red]sí[/]" in screen(app).panel.canvas.plain()


def test_snapshot_scorecard_with_f10(snap_compare: Snap, app: SwatApp) -> None:
    """TRN030 with the hand-made card FLAWED of PQR-CON-01: 73 and not passed (a
    critical error), the four deductions at their moment and panel, the hint that F10
    shows the model answer on row 21, and F3=Salir  F10=Demostración  F12=Cancelar in
    the legend."""
    assert FLAWED.scenario_id == "PQR-CON-01"
    assert snap_compare(app, run_before=to_scorecard, terminal_size=(80, 24))


def test_snapshot_scorecard_wide(snap_compare: Snap, app: SwatApp) -> None:
    """The same TRN030 at 120x30: the panel drawn exactly as at 80x24, centred, with the
    Guía SWAT column beside it (no call on the desk: its idle hint); nothing of the
    card is cut or moved."""
    assert snap_compare(app, run_before=to_scorecard, terminal_size=(120, 30))


def test_snapshot_first_page(snap_compare: Snap, app: SwatApp) -> None:
    """TRN040 after F10: row 3 "Panel SFT001 Softphone Avaya One-X  (página 1 de 8)" in
    white, the scenario on row 4, the agent answering at 00:00 and the caller's opening
    (who in turquoise), Final, the Intro/AvPág hint on row 21."""
    assert snap_compare(app, run_before=to_demonstration, terminal_size=(80, 24))


def test_snapshot_later_page(snap_compare: Snap, app: SwatApp) -> None:
    """TRN040 on page 6 of 8, TIP001: the typification at 02:20 with its notes wrapped
    onto a second row (no moment, no who), then Intro to LLM008 at 02:25."""

    async def run_before(pilot: Pilot[None]) -> None:
        await to_demonstration(pilot)
        for _ in range(5):
            await pilot.press("enter")
            await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))
