"""The demonstration of a model answer: every shipped scenario's builds, its pages follow
the call's clock, each step lands on the panel where an agent does it, and every word
the caller says is the scenario's."""

from __future__ import annotations

import dataclasses
import itertools
import string
from pathlib import Path

import pytest

from swat_tui.domain.procedure.definition import ProcedureDef, load_procedure
from swat_tui.domain.training.caller import mood_lines
from swat_tui.domain.training.demonstration import (
    AGENT,
    CALLER,
    DemoPage,
    demonstration,
    load_demo_texts,
    moments,
)
from swat_tui.domain.training.model_intents import registry
from swat_tui.domain.training.scenario import Scenario
from swat_tui.domain.training.scenario_file import load_scenario
from swat_tui.paths import data_dir
from swat_tui.ui.display_file import all_panel_ids, load

SHIPPED = sorted((data_dir() / "scenarios").glob("*.toml"))
PLACES = {"check", "entry", "ask", "here"}


@pytest.fixture(scope="module")
def procedure() -> ProcedureDef:
    return load_procedure()


def _scenario(name: str) -> Scenario:
    return load_scenario(data_dir() / "scenarios" / f"{name}.toml")


def _title(panel: str) -> str:
    return load(panel).title


def _panels(pages: tuple[DemoPage, ...]) -> list[str]:
    return [page.panel for page in pages]


def _texts(pages: tuple[DemoPage, ...], who: str) -> list[str]:
    return [line.text for page in pages for line in page.lines if line.who == who]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_scenario_demonstrates_in_time_order(
    path: Path, procedure: ProcedureDef
) -> None:
    """Pages on known panels, each titled as its display file, none empty, no two
    consecutive on one panel, and the lines' moments never go back."""
    scenario = load_scenario(path)
    pages = demonstration(scenario, procedure, title=_title)
    assert pages, path.stem
    known = set(all_panel_ids())
    for before, after in itertools.pairwise(pages):
        assert before.panel != after.panel
    at = [line.moment for page in pages for line in page.lines]
    assert at == sorted(at)
    assert at[0] == 0  # the call is answered at 00:00, as the scorecard counts
    for page in pages:
        assert page.panel in known and page.title == _title(page.panel)
        assert page.lines and all(line.text for line in page.lines)
    assert pages[0].panel == "SFT001"  # answered on the softphone
    assert pages[-1].panel == "SFT001"  # the ACW ends there


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_caller_line_is_the_scenarios(path: Path, procedure: ProcedureDef) -> None:
    """What the caller says in the demonstration is the scenario's own text (its lines,
    its answers, its requests) or its mood's line, never made up."""
    scenario = load_scenario(path)
    caller = scenario.caller
    own = {
        *(str(v) for v in dataclasses.asdict(caller.lines).values() if v),
        *caller.answers.values(),
        caller.name,
        caller.document,
        caller.relation,
        caller.phone,
        *(handling.says for handling in scenario.expected),
        *mood_lines()[caller.mood].values(),
    }
    said = _texts(demonstration(scenario, procedure), CALLER)
    assert said
    assert set(said) <= own


def test_pqr_consult_goes_through_its_panels_in_order(procedure: ProcedureDef) -> None:
    """PQR-CON-01: answered on the softphone, steps 1 and 2, Gestión 1 on LLM003, the
    consult on PQR010, F22, the closing, and the ACW on the softphone."""
    scenario = _scenario("pqr_consulta_vencida")
    pages = demonstration(scenario, procedure, title=_title)
    assert _panels(pages) == [
        "SFT001",
        "LLM001",
        "LLM002",
        "LLM003",
        "PQR010",
        "TIP001",
        "LLM008",
        "SFT001",
    ]
    assert pages[1].title == "Llamada: recepción"
    reception = [(line.who, line.text) for line in pages[1].lines]
    # The request right after the welcome script; each answer right after its question.
    assert reception[:2] == [
        (AGENT, "Registra «Guion de bienvenida»: guion leído."),
        (CALLER, "Puse un reclamo hace un mes y nadie me ha respondido."),
    ]
    assert (CALLER, scenario.caller.answers["caller_document"]) in reception
    assert reception[-1] == (AGENT, "Pulsa Intro: pasa a LLM002 Llamada: interpretación.")
    typify = pages[5].lines[0]
    assert typify.text.startswith("Tipifica PQR-CON-001 (primer contacto).")
    assert pages[0].lines[1] == dataclasses.replace(
        pages[0].lines[0], who=CALLER, text="Aló, sí, buenas tardes."
    )
    closing = _texts(pages[6:7], CALLER)
    assert closing == ["No, eso era todo. Gracias."]


def test_moments_count_from_the_answer_and_each_step_ends_on_its_seconds() -> None:
    """A step's moment is the call's clock once it is done, counted from the answer."""
    steps = _scenario("visita_lls_agendada").model
    at = moments(steps)
    assert at[0] == 0
    assert at[1] == steps[1].seconds
    assert at[-1] == sum(step.seconds for step in steps[1:])


def test_a_second_request_comes_at_the_closing_and_goes_back_to_step_two(
    procedure: ProcedureDef,
) -> None:
    """CIE-01: "¿algo más?" brings the second request, then step 2 again on LLM002 and
    its own typification; the closing answer comes at the second "¿algo más?"."""
    scenario = _scenario("cierre_segunda_solicitud")
    pages = demonstration(scenario, procedure)
    assert _panels(pages).count("LLM002") == 2
    assert _panels(pages).count("TIP001") == 2
    first_closing = pages[_panels(pages).index("LLM008")]
    assert _texts((first_closing,), CALLER) == [scenario.expected[1].says]
    assert _texts(pages[-2:-1], CALLER) == [scenario.caller.lines.closing]


def test_blacklist_notes_are_read_before_the_identity_is_asked(procedure: ProcedureDef) -> None:
    """BL-01: F7 shows NTS001 between step 1 and the identity question on LLM002, and the
    caller answers it with the scenario's identity line."""
    scenario = _scenario("blacklist_autorizada")
    pages = demonstration(scenario, procedure)
    panels = _panels(pages)
    assert panels[1:4] == ["LLM001", "NTS001", "LLM002"]
    assert scenario.caller.lines.identity in _texts(pages[3:4], CALLER)


def test_a_visit_read_in_step_two_stays_on_the_interpretation(procedure: ProcedureDef) -> None:
    """PQR-RAD-01 reads the pending visit from step 2: the line is on LLM002, not a
    VIS010 page; its filing asks the identity on PQR030 itself."""
    pages = demonstration(_scenario("pqr_radicar_queja_visita"), procedure)
    panels = _panels(pages)
    assert "VIS010" not in panels
    filing = pages[panels.index("PQR030")]
    assert any(line.who == CALLER for line in filing.lines)


def test_a_transfer_and_its_reaction(procedure: ProcedureDef) -> None:
    """An angry caller transferred: the transfer on the softphone, with the caller's line."""
    scenario = _scenario("furioso_pide_transferencia")
    pages = demonstration(scenario, procedure)
    softphone = pages[-1]
    assert softphone.panel == "SFT001"
    assert scenario.caller.lines.transfer in _texts((softphone,), CALLER)
    assert any("HOGAR_RETENCION" in text for text in _texts((softphone,), AGENT))


def test_a_scenario_without_model_answer_has_no_pages(procedure: ProcedureDef) -> None:
    scenario = dataclasses.replace(_scenario("pqr_consulta_vencida"), model=())
    assert demonstration(scenario, procedure) == ()


def test_the_data_file_covers_every_intent_on_known_panels() -> None:
    """Every intent a model step may name says where it happens, on a panel that exists
    (or a place the walk knows), with placeholders the sentences can fill."""
    texts = load_demo_texts()
    assert set(texts.intents) == set(registry())
    known = set(all_panel_ids()) | PLACES
    for name, place in (*texts.intents.items(), *texts.asks.items()):
        assert place.panel in known, name
        assert set(place.stay) <= set(all_panel_ids()), name
    arguments = {p.name for intent in registry().values() for p in intent.parameters}
    derived = {"check", "result", "what", "field", "branch", "subflow", "contact", "next"}
    assert texts.placeholders() <= arguments | derived
    for text in texts.words.values():
        names = {n for _, n, _, _ in string.Formatter().parse(text) if n}
        assert names <= {"field"}
