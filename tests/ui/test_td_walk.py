"""TD010, the T&D fault tree walked with the customer — the tree
picked by number, answers typed, a wrong one refused, the leaf's code on TIP001."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from swat_tui.config import Settings
from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.support.td_trees import default_dir
from swat_tui.ui.app import SwatApp, make_app
from tests.ui import test_legend_keys as routes
from tests.ui.helpers import desk_of, enter, fill, message, panel_id, screen, shown

Snap = Any
TREE = "internet_no_navega"


async def _to_question(pilot: Pilot[None]) -> None:
    """TD010 with the internet "no navega" tree chosen: its first question."""
    await routes.to_td_walk(pilot)
    await _choose_tree(pilot)


async def _choose_tree(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, SwatApp)
    number = next(t.number for t in desk_of(app).td.trees() if t.id == TREE)
    await fill(pilot, td=str(number))
    await enter(pilot)


async def _to_leaf(pilot: Pilot[None]) -> None:
    await _to_question(pilot)
    for answer in ("2", "si", "1"):
        await fill(pilot, td=answer)
        await enter(pilot)


def test_td_walk_trees_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TD010 as a soporte call reaches it: the account's services (internet, tv ATSC, voz), F8
    pending, and the ten trees that apply to them numbered in two columns, the ATSC TV tree
    among them, with the answer fields empty."""
    assert snap_compare(app, run_before=routes.to_td_walk)


def test_td_walk_question_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TD010 with the "no navega" tree chosen: the tree's name, its first question (a mass
    aviso in the zone?) and its answers 1=si 2=no 0=atrás; the tree list is gone."""
    assert snap_compare(app, run_before=_to_question)


def test_td_walk_leaf_snapshot(snap_compare: Snap, app: SwatApp) -> None:
    """TD010 at a leaf: the three questions with the answers given (NO, SI, SI), the outcome
    (navigating after a modem restart), Primer contacto with code SOP-INT-002, and the hint to
    inform the result."""
    assert snap_compare(app, run_before=_to_leaf)


async def test_the_walk_reaches_typification_with_the_leaf_code(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_question(pilot)
        assert panel_id(app) == "TD010"
        assert shown(app, "tree") == "Internet: el cliente no navega"
        assert shown(app, "options") == "Respuestas: 1=si 2=no  0=atrás"
        await fill(pilot, td="quizas")
        await enter(pilot)
        assert message(app) == "Respuesta quizas no válida: use si, no."
        assert screen(app).field("td").value == "quizas"
        await fill(pilot, td="2")
        await enter(pilot)
        assert shown(app, "p1").endswith("= NO")
        await fill(pilot, td="1")
        await enter(pilot)
        await fill(pilot, td="1")
        await enter(pilot)
        assert shown(app, "options") == "Primer contacto   Código SOP-INT-002"
        assert app.screen.focused is screen(app).field("inf")
        await pilot.press("f8")  # the Diagnosticador, which step 4 asks to read
        await pilot.pause()
        assert panel_id(app) == "DIA010"
        await pilot.press("f12")
        await pilot.pause()
        await fill(pilot, inf="s")
        await enter(pilot)
        assert panel_id(app) == "TIP001", message(app)
        assert screen(app).field("code_in").value == "SOP-INT-002"


async def test_intro_before_the_leaf_is_refused(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_question(pilot)
        await enter(pilot)
        assert panel_id(app) == "TD010"
        assert message(app).startswith("Paso 4 incompleto: Diagnosticador revisado")


# -- one bad tree file leaves out only that tree -------------------------------------------


@pytest.fixture
def app_with_a_bad_tree(settings: Settings, tmp_path: Path) -> Iterator[SwatApp]:
    """The app over a copy of data/td whose internet_lento.toml names an unknown code."""
    folder = tmp_path / "td"
    shutil.copytree(default_dir(), folder)
    bad = folder / "internet_lento.toml"
    bad.write_text(re.sub(r'codigo = "SOP-INT-\d+"', 'codigo = "NOPE-1"', bad.read_text()))
    with_folder = replace(settings, td_dir=folder)
    services = open_services(with_folder)
    yield make_app(with_folder, services)
    services.close()


async def test_a_bad_tree_file_leaves_out_only_that_tree(app_with_a_bad_tree: SwatApp) -> None:
    app = app_with_a_bad_tree
    async with app.run_test(size=(80, 24)) as pilot:
        await routes.to_td_walk(pilot)
        assert panel_id(app) == "TD010"
        ids = [choice.id for choice in desk_of(app).td.trees()]
        assert TREE in ids and "internet_lento" not in ids
        assert shown(app, "t1").startswith("1=")
        row_24 = message(app)
        assert row_24 == "Árbol omitido por errores (swat td check): internet_lento."
        assert not screen(app).panel.canvas.message_is_error
        await _choose_tree(pilot)
        assert shown(app, "tree") == "Internet: el cliente no navega"
