"""DIA010, the Diagnosticador — F8 from TD010, its values coloured by
verdict, a restart and a point case from the action field, F12 back to TD010."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.app import SwatApp
from swat_tui.ui.widgets.canvas import COLOURS
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import answer_call, desk_of, enter, fill, message, panel_id, screen, shown

Snap = Any


async def _diagnostics_of(pilot: Pilot[None], key: str) -> None:
    """A soporte call of the showcase account ``key`` on TD010, then F8."""
    await routes.to_subflow(pilot, key, "2", "1")
    await pilot.press("f8")
    await pilot.pause()


async def _healthy(pilot: Pilot[None]) -> None:
    await _diagnostics_of(pilot, "activa")


async def _levels(pilot: Pilot[None]) -> None:
    await _diagnostics_of(pilot, "cm_levels")


async def _aviso(pilot: Pilot[None]) -> None:
    """The aviso_repeat account: step 2 also asks to inform the node's aviso (avi)."""
    await answer_call(pilot, routes._phone(pilot, "aviso_repeat"))
    await fill(pilot, wel="s", caller_name="Ana", caller_document="52123456", rel="1")
    await enter(pilot)
    await fill(pilot, sta="s", avi="s", request="No tiene internet", br="2")
    await enter(pilot)
    await fill(pilot, g="1")
    await enter(pilot)
    await pilot.press("f8")
    await pilot.pause()


def test_diagnostics_healthy_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """DIA010 of a healthy account: the modem online and enganchado, four downstream and two
    upstream channels all BUENO with few uncorrected codewords, decoders without alarms, no
    neighbours and no open aviso on the node."""
    assert snap_compare(app, run_before=_healthy)


def test_diagnostics_levels_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """DIA010 of an account with bad levels: downstream SNR FUERA on every channel and power
    MARGINAL on two, thousands of uncorrected codewords, while the neighbours within 3 blocks
    are all online (so the fault is the customer's line, not the node)."""
    assert snap_compare(app, run_before=_levels)


def test_diagnostics_aviso_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """DIA010 of an account on a node with a mass aviso: the modem offline with no level reading,
    and the node's open aviso INC000462021 CRÍTICA with its failure text and estimated
    restoration time."""
    assert snap_compare(app, run_before=_aviso)


async def test_values_are_coloured_by_verdict(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _levels(pilot)
        assert panel_id(app) == "DIA010"
        canvas = screen(app).panel.canvas
        assert shown(app, "s1").endswith("FUERA")
        assert canvas.highlights["s1"].color is not None
        assert canvas.highlights["s1"].color.name == COLOURS["red"]
        assert canvas.highlights["p5"].color is not None
        assert canvas.highlights["p5"].color.name == COLOURS["green"]


async def test_restart_then_point_case_then_back_to_td010(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _diagnostics_of(pilot, "cm_init")
        assert shown(app, "cms") == "init(r1)" and shown(app, "c1") == "Sin lectura de niveles"
        await fill(pilot, a="9")
        await enter(pilot)
        assert message(app).startswith("Acción: 1=Reiniciar CM")
        await fill(pilot, a="1")
        await enter(pilot)
        assert message(app) == "CM reiniciado: online."
        assert shown(app, "cms") == "online" and shown(app, "hook") == "enganchado"
        await fill(pilot, a="2", notes="corta")
        await enter(pilot)
        assert "mínimo 10 caracteres" in message(app)
        assert screen(app).field("notes").value == "corta"  # what was typed stays
        await fill(pilot, a="2", notes="No navega desde ayer en la noche")
        await enter(pilot)
        assert message(app).startswith("Caso puntual INC") and "SOP-PUN-001" in message(app)
        assert screen(app).field("notes").value == ""
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "TD010"
        assert desk_of(app).call.suggested_code() == "SOP-PUN-001"
        assert desk_of(app).call.request_escalated()
        assert SHOWCASE["cm_init"] == desk_of(app).active.record.cuenta  # type: ignore[union-attr]


async def test_the_panel_is_kept_and_starts_afresh_when_opened_again(app: SwatApp) -> None:
    """DIA010 is built once a session (composing it was most of F8): F12 then F8 shows
    the same screen, with nothing left of what was typed or said before."""
    async with app.run_test(size=(80, 24)) as pilot:
        await _diagnostics_of(pilot, "cm_init")
        first = screen(app)
        await fill(pilot, a="9", notes="texto de antes")
        await enter(pilot)
        assert message(app).startswith("Acción: 1=Reiniciar CM")
        assert first.field("a").has_class("-error")
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "TD010"
        await pilot.press("f8")
        await pilot.pause()
        again = screen(app)
        assert again is first and panel_id(app) == "DIA010"
        assert again.field("a").value == "" and again.field("notes").value == ""
        assert not again.field("a").has_class("-error")
        assert message(app) == ""
        assert shown(app, "cms") == "init(r1)" and app.focused is again.field("a")


async def test_a_kept_panel_in_the_stack_is_not_shown_twice(app: SwatApp) -> None:
    """Opening a kept panel that is already in the screen stack builds another one."""
    async with app.run_test(size=(80, 24)) as pilot:
        await _diagnostics_of(pilot, "activa")
        first = screen(app)
        cuenta = SHOWCASE["activa"]
        await first.open_panel("DIA010", cuenta, "OTRO")
        second = screen(app)
        assert second is not first and panel_id(app) == "DIA010"
        assert first in app.screen_stack


def test_aviso_rows_keep_whole_words() -> None:
    """One aviso takes both rows, its fault read whole; two are shortened at a word."""
    from datetime import datetime

    from swat_tui.config import BOGOTA
    from swat_tui.domain.support.avisos import AvisoView
    from swat_tui.ui.screens.support.diagnostics import _aviso_rows, _avisos_line

    def aviso(number: str, kind: str, description: str) -> AvisoView:
        at = datetime(2026, 11, 28, 8, tzinfo=BOGOTA)
        return AvisoView(number, "BOG-CE-0901", kind, 2, description, "", at, at, True)

    fault = "Caída masiva de internet y TV por corte de fibra troncal en obra civil"
    one = _aviso_rows((aviso("INC000000001", "masiva", fault),), 55)
    assert f"{one['av1']} {one['av2']}" == f"INC000000001 ALTA {fault}"
    assert one["r1"] == "restablece ~28/11 08:00" and one["r2"] == ""
    two = (aviso("INC000000001", "masiva", fault), aviso("INC000000002", "puntual", "Amplificador"))
    rows = _aviso_rows(two, 55)
    assert rows["av1"].endswith("…") and len(rows["av1"]) <= 55
    assert fault.startswith(rows["av1"].removeprefix("INC000000001 ALTA ").removesuffix("…"))
    assert rows["av2"] == "INC000000002 ALTA Amplificador"
    assert _avisos_line(two) == "2: 1 masiva, 1 puntual" and _avisos_line(()) == "ninguno"
