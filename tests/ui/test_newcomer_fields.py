"""What a 5250 user expects of the cursor after a key."""

from __future__ import annotations

from swat_tui.config import Settings
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import enter, panel_id, screen, sign_on, type_into


async def test_a_field_entered_by_a_panels_return_is_overtyped(app: SwatApp) -> None:
    """CTA010 after F12: the new cuenta replaces the old one."""
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot)
        await type_into(pilot, "option", "1")
        await enter(pilot)
        await type_into(pilot, "value", str(SHOWCASE["activa"]))
        await enter(pilot)
        assert panel_id(app) == "CTA001"
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "CTA010"
        assert screen(app).focused is screen(app).field("value")
        await pilot.press(*str(SHOWCASE["blacklist"]))  # typed where the cursor is
        assert screen(app).field("value").value == str(SHOWCASE["blacklist"])


async def test_softphone_cursor_goes_back_to_the_option(app: SwatApp) -> None:
    """After Intro the next option lands in "Opción", and an unused motive is cleared."""
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot)
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "opt", "1")
        await pilot.press("tab")
        await pilot.press(*"13")  # a motive the option does not use
        await enter(pilot)
        current = screen(app)
        assert current.focused is current.field("opt")
        assert current.field("arg").value == ""
        await pilot.press("2", "tab", "3")
        await enter(pilot)
        assert "AUX 3" in current.panel.canvas.message


async def test_the_second_typification_starts_without_the_first_ones_notes(app: SwatApp) -> None:
    """Each request's typification has notes of its own."""
    from tests.ui import test_legend_keys as routes
    from tests.ui.helpers import fill

    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_typification(pilot)
        await fill(pilot, code_in="SAC-FAC-002", res="1", notes="Primera solicitud explicada")
        await enter(pilot)
        assert panel_id(app) == "LLM008"
        await fill(pilot, inf="s", mas="s")
        await enter(pilot)
        assert panel_id(app) == "LLM002"
        await fill(pilot, request="Ahora pregunta por su plan", br="1")
        await enter(pilot)
        await fill(pilot, ok="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert screen(app).field("notes").value == ""


async def test_atendida_takes_n_for_not_solved_on_the_line(app: SwatApp) -> None:
    """N on LLM003 records the escalation and goes on to the typification."""
    from tests.ui import test_legend_keys as routes
    from tests.ui.helpers import desk_of, fill, message

    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_branch(pilot)
        await fill(pilot, ok="x")
        await enter(pilot)
        assert panel_id(app) == "LLM003" and "N = no resuelta" in message(app)
        await fill(pilot, ok="n")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        assert message(app).startswith("No resuelta en línea: escale")
        await fill(pilot, o_0="1")
        await enter(pilot)
        assert screen(app).field("res").value == "2"  # escalated: not first contact
        await fill(pilot, res="1")
        await enter(pilot)
        assert panel_id(app) == "TIP001" and message(app).startswith("No resuelta en línea")
        active = desk_of(app).active
        assert active is not None
        mark = active.record.state.mark_for("sac_atendida", 1)
        assert mark is not None and mark.result.startswith("no resuelta en línea")


async def test_the_cun_is_shown_in_full_where_it_is_generated_and_at_closing(
    app: SwatApp,
) -> None:
    """The agent can read the CUN out to the customer."""
    import re

    from tests.ui import test_legend_keys as routes
    from tests.ui.helpers import fill, message, shown

    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_branch(pilot)
        await pilot.press("f22")  # typified early, from step 3
        await pilot.pause()
        await fill(pilot, code_in="PQR-QUE-002", res="2")
        await enter(pilot)
        assert panel_id(app) == "LLM003"
        told = message(app)
        assert re.search(r"PQR-QUE-002 CUN \d{4}-\d{2}-\d{10} \(confirme el CUN", told), told
        await fill(pilot, ok="n")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        await enter(pilot)  # typified already: on to the closing
        assert panel_id(app) == "LLM008"
        cun = re.search(r"\d{4}-\d{2}-\d{10}", told)
        assert cun is not None and cun.group(0) in shown(app, "typified")


async def test_the_cursor_comes_back_after_a_too_small_terminal(app: SwatApp) -> None:
    """Back to 80x24, the field that had the cursor has it again."""
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot)
        await type_into(pilot, "option", "")
        assert screen(app).focused is screen(app).field("option")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert screen(app).has_class("-too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("1")
        assert screen(app).field("option").value == "1"


async def test_row_2_and_row_3_timers_are_one_clock_after_a_hold(settings: Settings) -> None:
    """After a hold, the call timer on row 2 and row 3 agree."""
    from dataclasses import replace

    from swat_tui.domain.bootstrap import open_services
    from swat_tui.ui.app import make_app
    from tests.call_seed import MovingClock
    from tests.ui.conftest import FIXED_NOW
    from tests.ui.helpers import answer_call, phone_of, shown

    clock = MovingClock(FIXED_NOW)
    moving = replace(settings, clock=clock)
    services = open_services(moving)
    app = make_app(moving, services)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await answer_call(pilot, phone_of(services, "activa"))
            clock.advance(14)
            for _ in range(2):  # hold 13 s, then resume
                await pilot.press("f2")
                await pilot.pause()
                await type_into(pilot, "opt", "4")
                await enter(pilot)
                clock.advance(13)
            await pilot.press("f12")
            await pilot.pause()
            assert panel_id(app) == "LLM001"
            screen(app).paint_header()
            assert shown(app, "talk") == "00:40"
            assert "00:40" in shown(app, "phone")
    finally:
        services.close()


async def test_with_two_requests_llm008_keeps_every_cun_whole(app: SwatApp) -> None:
    """Found driving a call: the second request's CUN hint was cut off LLM008's row 5."""
    import re

    from tests.ui import test_legend_keys as routes
    from tests.ui.helpers import fill, message, shown

    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_closing(pilot)
        await fill(pilot, inf="s", mas="s")
        await enter(pilot)
        await fill(pilot, request="Reclamo por cobro doble", br="4")
        await enter(pilot)
        await fill(pilot, ok="n")
        await enter(pilot)
        assert panel_id(app) == "TIP001"
        await fill(pilot, code_in="PQR-QUE-002", res="2")
        await enter(pilot)
        assert panel_id(app) == "LLM008"
        line = shown(app, "typified")
        assert len(line) <= 78 and not line.endswith(">"), line
        cun = re.search(r"\d{4}-\d{2}-\d{10}", line)
        assert cun is not None and f"CUN {cun.group(0)}" in message(app)
