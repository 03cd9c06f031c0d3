"""Texts cut mid-word, fields that hid what they held, and a
cursor that was not where typing goes."""

from __future__ import annotations

from datetime import datetime

from swat_tui.config import BOGOTA
from swat_tui.domain.account.views import NoteLine
from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from swat_tui.ui.screens.account.note_records import CONTINUED, note_records
from swat_tui.ui.screens.call.reception import several_accounts
from swat_tui.ui.widgets.rr_field import RRField
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import (
    answer_call,
    enter,
    fill,
    message,
    panel_id,
    phone_of,
    screen,
    type_into,
    type_keys,
)

SIZE = (80, 24)
NOBODY = "3999999999"  # a number on no account of the demo store


def _rows(app: SwatApp) -> list[str]:
    return screen(app).panel.canvas.plain().splitlines()


def _at_rest(rr_field: RRField) -> str:
    return rr_field.render_line(0).text


async def test_llm001_says_whole_that_the_number_is_on_no_account(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, NOBODY)
        text = "El número que llama no está en ninguna cuenta: pida cuenta o documento."
        assert any(row.strip() == text for row in _rows(app)), _rows(app)


async def test_a_shared_phone_is_said_whole_and_the_calling_number_line_goes(
    app: SwatApp, services: Services
) -> None:
    """The caller's number is on three accounts; typing it as the cuenta and Intro: row
    24 lists them whole (it was cut at "Digite la >"), and the row that spoke of the
    calling number no longer repeats its stale count."""
    shared = phone_of(services, "shared_phone")
    async with app.run_test(size=SIZE) as pilot:
        await answer_call(pilot, shared)
        assert any("cuentas con ese número" in row for row in _rows(app))
        await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
        await type_into(pilot, "cuenta", shared)
        await enter(pilot)
        assert message(app).startswith("3 cuentas con el teléfono")
        assert len(message(app)) <= 79 and not message(app).endswith(">")
        assert _rows(app)[23].rstrip() == message(app)
        assert not any("cuentas con ese número" in row for row in _rows(app))


def test_several_accounts_fits_row_24_whatever_the_list() -> None:
    many = [str(10000000 + n) for n in range(15)]
    text = several_accounts(15, "el documento CC 1234567890", many)
    assert len(text) <= 79 and text.endswith(" ...")


async def test_a_field_holding_more_than_it_shows_ends_in_a_mark(
    app: SwatApp, services: Services
) -> None:
    """LLM002's 5-wide fields took 20 characters without a sign that they held more."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_interpretation(pilot)
        await type_keys(pilot, "br", "1234567")
        await pilot.press("tab")
        await pilot.pause()
        branch = screen(app).field("br")
        assert not branch.has_focus and branch.spec.width == 5
        assert _at_rest(branch) == "1234>"
        assert branch.value == "1234567"


async def test_an_aviso_refusal_on_tip001_puts_the_cursor_on_the_aviso(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_typification(pilot)
        await fill(pilot, code_in="SAC-FAC-002", res="1", inc="NO-ES-INC")
        await enter(pilot)
        assert message(app).startswith("Aviso inválido")
        current = screen(app)
        assert current.focused is current.field("inc")
        assert current.field("code_in").value == "SAC-FAC-002"


async def test_sac020_offers_the_email_selected_so_typing_replaces_it(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_billing(pilot)
        current = screen(app)
        current.set_focus(current.field("a"))
        await pilot.press("1", "tab")
        await pilot.pause()
        dest = current.field("dest")
        assert current.focused is dest and dest.value and dest.has_selection
        await pilot.press(*"otro@correo.co")
        assert dest.value == "otro@correo.co"


async def test_a_resize_moves_the_terminal_cursor_with_the_field(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_interpretation(pilot)
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        await pilot.pause()
        focused = screen(app).focused
        assert isinstance(focused, RRField)
        region = focused.content_region
        assert app.cursor_position.y == region.y
        assert region.x <= app.cursor_position.x < region.x + focused.spec.width


async def test_a_panel_without_fields_puts_the_cursor_home(
    app: SwatApp, services: Services
) -> None:
    """SAC021 has no input field: the cursor left where the panel before had it."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_rent(pilot)
        await pilot.pause()
        assert panel_id(app) == "SAC021", message(app)
        assert (app.cursor_position.x, app.cursor_position.y) == (1, 0)


def test_a_note_is_not_split_by_a_page_break() -> None:
    """A note that fits on a page starts the next page instead of leaving its last
    words as an orphan row; a note longer than a page says it goes on."""
    at = datetime(2026, 11, 20, 10, 0, tzinfo=BOGOTA)
    notes = (
        NoteLine(id=1, created_at=at, author="ASESOR01", text="uno " * 100),  # 8 rows
        NoteLine(id=2, created_at=at, author="ASESOR02", text="dos " * 40),  # 4 rows
        NoteLine(id=3, created_at=at, author="ASESOR03", text="tres " * 200),  # > a page
    )
    records = note_records(notes, page_size=11)
    starts = [i for i, r in enumerate(records) if r.get("author", "").startswith("ASESOR")]
    assert starts[1] == 11  # the second note did not fit in the first page's 3 rows left
    second_page_end = 22
    assert records[second_page_end]["author"] == CONTINUED  # the long note goes on
    assert records[second_page_end]["day"] == "20/11/26"


async def test_tip001_says_whole_a_long_search_that_found_nothing(
    app: SwatApp, services: Services
) -> None:
    """Found by the explorer (seed 4): the search typed was echoed on row 24 and cut."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_typification(pilot)
        await fill(pilot, search="zz" * 40)
        await enter(pilot)
        assert message(app).startswith("No hay códigos UCC con: zz")
        assert len(message(app)) <= 79 and _rows(app)[23].rstrip() == message(app)
