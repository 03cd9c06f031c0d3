"""No text is cut mid-word without saying so, and every cut
value can be read in full somewhere."""

from __future__ import annotations

import pytest

from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.display_file import FieldSpec
from swat_tui.ui.screens.base import TOO_SMALL, too_small_notice
from swat_tui.ui.widgets.canvas import fit
from swat_tui.ui.widgets.guide_column import GuideColumn
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import message, open_account, panel_id, screen, shown

SIZE = (80, 24)


def _spec(width: int, *flags: str) -> FieldSpec:
    return FieldSpec(name="x", row=3, col=1, width=width, is_input=False, flags=frozenset(flags))


def test_a_value_longer_than_its_field_says_it_continues() -> None:
    assert fit("Saldo reportado a centrales de riesgo", _spec(20)) == "Saldo reportado a c>"
    assert fit("corto", _spec(8)) == "corto   "
    assert fit("justo", _spec(5)) == "justo"
    assert fit("padded to the width      ", _spec(19)) == "padded to the width"
    assert fit("1234567890", _spec(6, "right")) == "<67890"


@pytest.mark.parametrize("size", [(60, 20), (30, 10), (79, 24)])
def test_the_too_small_notice_wraps_to_the_terminal(size: tuple[int, int]) -> None:
    width, height = size
    notice = too_small_notice(width, height)
    assert all(len(line) <= width for line in notice.splitlines())
    assert " ".join(notice.split()) == TOO_SMALL.format(width=width, height=height)


async def test_the_too_small_notice_on_screen_is_whole(app: SwatApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        text = str(screen(app).query_one("#too-small").render())
        assert "80 columnas por 24 filas" in " ".join(text.split())


async def test_tip001_shows_the_whole_description_of_the_row_with_the_cursor(
    app: SwatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_typification(pilot)
        current = screen(app)
        entries = current.entries  # type: ignore[attr-defined]
        long_rows = [index for index, e in enumerate(entries[:7]) if len(e.description) > 46]
        assert long_rows, "the demo catalogue has descriptions longer than the column"
        row = long_rows[0]
        assert ">" in current.panel.canvas.plain().splitlines()[7 + row]  # it continues
        current.set_focus(current.field(f"o_{row}"))
        await pilot.pause()
        assert shown(app, "detail") == entries[row].description
        await pilot.press("1", "enter")
        await pilot.pause()
        assert shown(app, "detail") == entries[row].description
        assert message(app).startswith(f"Código {entries[row].code} elegido")


async def test_tip001_detail_follows_the_page_turned_under_the_cursor(app: SwatApp) -> None:
    """After AvPág the cursor's row is another code; the detail says which."""
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_typification(pilot)
        current = screen(app)
        entries = current.entries  # type: ignore[attr-defined]
        page = current.page_size  # type: ignore[attr-defined]
        assert len(entries) > page, "the request's branch has more than one page of codes"
        current.set_focus(current.field("o_0"))
        await pilot.pause()
        assert shown(app, "detail") == entries[0].description
        await pilot.press("pagedown")
        await pilot.pause()
        assert shown(app, "detail") == entries[page].description
        await pilot.press("pageup")
        await pilot.pause()
        assert shown(app, "detail") == entries[0].description


async def test_log001_says_on_row_24_that_there_are_no_calls(app: SwatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await routes.to_call_log(pilot)
        await pilot.pause()
        assert panel_id(app) == "LOG001"
        assert not screen(app).all_records  # type: ignore[attr-defined]
        assert message(app) == "La cuenta no tiene llamadas anteriores."
        assert "anteriores" not in screen(app).panel.canvas.plain().splitlines()[5]


async def test_cta001_novedades_are_whole_words(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, SHOWCASE["everything"])
        assert panel_id(app) == "CTA001"
        lines = [shown(app, f"flag{index}") for index in range(1, 6)]
        assert any(lines)
        assert all(len(line) <= 78 for line in lines)
        assert not any(line.endswith(">") for line in lines)


async def test_the_guide_column_titles_are_whole_at_118_columns(app: SwatApp) -> None:
    async with app.run_test(size=(118, 24)) as pilot:
        await routes.to_typification(pilot)
        column = screen(app).query_one(GuideColumn)
        rendered = str(column.render())
        assert ">" not in rendered.replace(">>", "")
        assert "Interpretación" in rendered and "Gestión SAC" in rendered


async def test_gui001_shows_every_check_of_a_step_with_seven(
    app: SwatApp, services: Services
) -> None:
    """The "everything" account: blacklist (2), PQR, LLS/OT, aviso, status, request."""
    from tests.ui.helpers import phone_of, to_interpretation

    async with app.run_test(size=SIZE) as pilot:
        await to_interpretation(pilot, phone_of(services, "everything"))
        assert panel_id(app) == "LLM002"
        await pilot.press("f1")
        await pilot.pause()
        assert panel_id(app) == "GUI001"
        text = screen(app).panel.canvas.plain()
        for label in ("notas F7", "identidad", "PQR", "LLS/OT", "Aviso", "Estado", "Solicitud"):
            assert label in text, label
