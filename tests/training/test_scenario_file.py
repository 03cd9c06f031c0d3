"""Reading a scenario file: every error names its file, line and field; a good file
gives the Scenario it says."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

from swat_tui.domain.training.catalog import Catalog, load_all, shipped_dir
from swat_tui.domain.training.scenario import (
    AccountSituation,
    Contact,
    ExpectedHandling,
    Mode,
    ModelStep,
)
from swat_tui.domain.training.scenario_file import (
    ScenarioFileError,
    load_scenario,
    parse_scenario,
    read_scenario,
)
from swat_tui.domain.training.toml_lines import field_name, key_lines, line_of

FILE = Path("x.toml")
needs_rows = pytest.mark.skipif(
    importlib.util.find_spec("swat_tui.store.scenario_rows") is None,
    reason="store.scenario_rows (H2) not merged yet",
)

# Line numbers below are those of this text: a test replaces whole lines, never adds any.
BASE = """\
id = "T-01"
title = "Prueba"
level = 1
objectives = ["consultar PQR"]
mode = "practica"
target_seconds = 300

[account]
showcase = "pqr_overdue"

[caller]
name = "Luz [bold]Marina[/]"
document = "52345678"
relation = "titular"
phone = "3015550101"
mood = "molesto"

[caller.lines]
opening = "Aló, [red]sí[/red]"
request = "Puse un reclamo."

[caller.answers]
caller_name = "Luz Marina"

[[expected]]
says = "Puse un reclamo."
branch = "pqr"
subflow = "consultar"
codes = ["PQR-CON-001"]

[[model]]
do = "answer"

[[model]]
do = "call.open_account"
cuenta = "=cuenta"

[[model]]
do = "call.record_check"
check_id = "saludo"
result = "guion leído"
"""


def _text(**lines: str) -> str:
    """BASE with line N replaced (``l17="..."``); "" empties the line."""
    rows = BASE.splitlines()
    for name, value in lines.items():
        rows[int(name[1:]) - 1] = value
    return "\n".join(rows) + "\n"


def _errors(text: str) -> list[str]:
    scenario, errors = parse_scenario(text, FILE)
    assert scenario is None or not errors
    return [str(error) for error in errors]


def test_the_base_text_is_a_valid_scenario() -> None:
    scenario, errors = parse_scenario(BASE, FILE)
    assert errors == ()
    assert scenario is not None
    assert (scenario.id, scenario.title, scenario.level, scenario.mode) == (
        "T-01",
        "Prueba",
        1,
        Mode.PRACTICE,
    )
    assert scenario.objectives == ("consultar PQR",)
    assert scenario.account == AccountSituation(showcase="pqr_overdue")
    assert scenario.caller.relation == "titular"
    assert scenario.caller.queue == "HOGAR_SAC"
    assert scenario.caller.answers == {"caller_name": "Luz Marina"}
    assert scenario.expected == (
        ExpectedHandling(
            says="Puse un reclamo.",
            branch="pqr",
            subflow="consultar",
            codes=("PQR-CON-001",),
            contact=Contact.FIRST_CONTACT,
        ),
    )
    assert scenario.model == (
        ModelStep("answer", {}, line=31),
        ModelStep("call.open_account", {"cuenta": "=cuenta"}, line=34),
        ModelStep("call.record_check", {"check_id": "saludo", "result": "guion leído"}, line=38),
    )
    assert scenario.target_seconds == 300
    assert scenario.path == FILE


def test_markup_characters_in_caller_lines_stay_literal() -> None:
    scenario, _ = parse_scenario(BASE, FILE)
    assert scenario is not None
    assert scenario.caller.name == "Luz [bold]Marina[/]"
    assert scenario.caller.lines.opening == "Aló, [red]sí[/red]"


def test_the_shipped_example_reads_whole() -> None:
    scenario = load_scenario(shipped_dir() / "pqr_consulta_vencida.toml")
    assert scenario.id == "PQR-CON-01"
    assert scenario.branches == ("pqr",)
    assert scenario.model[0].do == "answer"
    assert scenario.model[-1] == ModelStep("finish_acw", {}, seconds=20, line=166)


def test_a_syntax_error_names_its_line_and_column() -> None:
    assert _errors(_text(l16='mood = "molesto')) == [
        "x.toml:16: error de sintaxis TOML (columna 16): texto sin cerrar (faltan las comillas "
        "del final)"
    ]
    assert _errors(_text(l13="document = 52 345")) == [
        "x.toml:13: error de sintaxis TOML (columna 15): "
        "se esperaba el fin de la línea después del valor"
    ]


def test_unknown_keys_are_named_everywhere() -> None:
    errors = _errors(_text(l6="target_segundos = 300", l20='pedido = "x"', l30='rama = "pqr"'))
    assert errors[0].startswith("x.toml:1: target_seconds: falta esta clave")
    assert errors[1].startswith("x.toml:6: target_segundos: clave desconocida; use una de: id,")
    assert errors[2] == (
        "x.toml:20: caller.lines.pedido: clave desconocida; use una de: opening, request, "
        "identity, hold, resume, transfer, offer, closing"
    )
    assert errors[3].startswith("x.toml:30: expected[0].rama: clave desconocida; use una de:")
    assert len(errors) == 4


def test_wrong_types() -> None:
    assert _errors(_text(l3='level = "uno"', l23="caller_name = 5", l29='codes = ["X", 7]')) == [
        'x.toml:3: level: se esperaba un número entero, no un texto ("uno")',
        "x.toml:23: caller.answers.caller_name: se esperaba un texto (entre comillas), "
        "no un número entero (5)",
        'x.toml:29: expected[0].codes[0]: código UCC "X" no está en el catálogo',
        "x.toml:29: expected[0].codes[1]: se esperaba un texto, no un número entero (7)",
    ]
    assert _errors(_text(l7="expected = 1", l25="", l26="", l27="", l28="", l29="")) == [
        "x.toml:7: expected: se esperaba una lista de tablas ([[expected]]), "
        "no un número entero (1)"
    ]


def test_a_missing_required_key_names_the_table_it_belongs_in() -> None:
    assert _errors(_text(l16="")) == ["x.toml:11: caller.mood: falta esta clave (es obligatoria)"]
    assert _errors(_text(l27="")) == [
        "x.toml:25: expected[0].branch: falta esta clave (es obligatoria)"
    ]


def test_values_out_of_their_range_or_vocabulary() -> None:
    errors = _errors(
        _text(
            l3="level = 5",
            l5='mode = "examen"',
            l6="target_seconds = 0",
            l14='relation = "vecino"',
            l16='mood = "alegre"',
        )
    )
    assert errors == [
        "x.toml:3: level: debe ser 1, 2 o 3, no 5",
        'x.toml:5: mode: valor desconocido "examen"; use uno de: practica, certificacion',
        "x.toml:6: target_seconds: debe ser mayor que 0, no 0",
        'x.toml:14: caller.relation: valor desconocido "vecino"; use uno de: titular, '
        "cónyuge, hijo(a), padre/madre, familiar, tercero autorizado, arrendatario, "
        "administrador, otro",
        'x.toml:16: caller.mood: valor desconocido "alegre"; use uno de: tranquilo, molesto, '
        "furioso, confundido, apurado",
    ]


def test_caller_document_and_phone_are_checked_as_the_desk_checks_them() -> None:
    errors = _errors(_text(l13='document = "12"', l15='phone = "30155x"'))
    assert [e.split(": ")[0:2] for e in errors] == [
        ["x.toml:13", "caller.document"],
        ["x.toml:15", "caller.phone"],
    ]


def test_a_caller_answer_must_be_a_field_the_agent_types() -> None:
    errors = _errors(_text(l23='color_favorito = "azul"'))
    assert errors == [
        "x.toml:23: caller.answers.color_favorito: no es un campo de la llamada que el "
        "asesor escriba; use uno de: caller_name, caller_document, caller_relation, "
        "callback_number, subflow_{number}, typification_notes_{number}"
    ]
    # A field the procedure writes (the suggested code) is no answer either.
    assert _errors(_text(l23='ucc_1 = "PQR-CON-001"'))[0].startswith(
        "x.toml:23: caller.answers.ucc_1: no es un campo de la llamada que el asesor escriba"
    )


def test_branch_subflow_and_codes_against_the_procedure_and_the_catalogue() -> None:
    assert _errors(_text(l27='branch = "ventas"')) == [
        'x.toml:27: expected[0].branch: valor desconocido "ventas"; use uno de: sac, '
        "soporte, visita, pqr"
    ]
    assert _errors(_text(l28='subflow = "reclamar"')) == [
        'x.toml:28: expected[0].subflow: la rama pqr no tiene el sub-flujo "reclamar"; '
        "use uno de: consultar, desistir, radicar"
    ]
    assert _errors(_text(l28="")) == [
        "x.toml:25: expected[0].subflow: falta el sub-flujo de la rama pqr; use uno de: "
        "consultar, desistir, radicar"
    ]
    assert _errors(_text(l29='codes = ["PQR-CON-001", "SAC-CAR-001"]')) == [
        'x.toml:29: expected[0].codes[1]: el código UCC "SAC-CAR-001" es de la rama sac, no de pqr'
    ]


def test_codes_on_their_own_lines_are_named_on_their_line() -> None:
    text = _text(l29='codes = ["PQR-CON-001",', l30='  "NO-EXISTE"]')
    assert _errors(text) == [
        'x.toml:30: expected[0].codes[1]: código UCC "NO-EXISTE" no está en el catálogo'
    ]


def test_contact_escalation_visit_and_pqr_values() -> None:
    text = _text(l29='contact = "tal vez"', l30='visit = "mañana"')
    assert _errors(text) == [
        'x.toml:29: expected[0].contact: valor desconocido "tal vez"; use uno de: '
        "primer_contacto, cun",
        'x.toml:30: expected[0].visit: valor desconocido "mañana"; use uno de: lls, ot, cgo',
    ]
    text = _text(l29='pqr = "apelar"', l30='escalation = "gerencia"')
    errors = _errors(text)
    assert errors[0] == (
        'x.toml:29: expected[0].pqr: valor desconocido "apelar"; use uno de: consultar, '
        "desistir, radicar"
    )
    assert errors[1].startswith(
        'x.toml:30: expected[0].escalation: valor desconocido "gerencia"; use uno de: '
        "facturacion, cartera, recaudo"
    )


def test_the_showcase_account_must_exist_and_excludes_inline_rows() -> None:
    assert _errors(_text(l9='showcase = "no_such"'))[0].startswith(
        'x.toml:9: account.showcase: valor desconocido "no_such"; use uno de: activa, '
    )
    assert _errors(_text(l10="cuenta = 90000001")) == [
        "x.toml:10: account.cuenta: showcase y las filas en línea se excluyen: quite "
        "showcase o esta clave"
    ]


def test_no_account_at_all_is_a_wrong_number_and_has_no_cuenta() -> None:
    text = _text(l8="", l9="", l35='do = "call.advance"', l36="")
    scenario, errors = parse_scenario(text, FILE)
    assert errors == ()
    assert scenario is not None and scenario.account == AccountSituation()
    assert _errors(_text(l8="", l9="")) == [
        'x.toml:36: model[1].cuenta: "=cuenta": este escenario no tiene cuenta ([account])'
    ]


INLINE = """\
[account]
cuenta = 90000001
holder_name = "Pedro Pérez"
document_number = "80123456"

[[account.services]]
kind = "internet"

[[account.services]]
plan_code = "X1"
color = "rojo"

[[account.servicios]]
kind = "tv"
"""


@needs_rows
def test_inline_rows_name_section_row_and_field() -> None:
    text = BASE.replace('[account]\nshowcase = "pqr_overdue"\n', INLINE)
    assert _errors(text) == [
        "x.toml:16: account.services[1].kind: falta este campo obligatorio",
        "x.toml:18: account.services[1].color: campo desconocido; se esperan: kind, plan_code, "
        "plan_name, tv_technology, status, provisioned, days_ago, days_ahead",
        "x.toml:20: account.servicios: sección desconocida; use una de: services, equipment, "
        "notes, pqrs, visits, invoices, payments, avisos, dime",
    ]


@needs_rows
def test_valid_inline_rows_become_account_rows() -> None:
    text = BASE.replace(
        '[account]\nshowcase = "pqr_overdue"\n',
        INLINE.split("\n[[account.services]]\nplan_code")[0],
    )
    scenario, errors = parse_scenario(text, FILE)
    assert errors == ()
    assert scenario is not None and scenario.account.rows is not None
    rows = scenario.account.rows
    assert rows.account == {
        "cuenta": 90000001,
        "holder_name": "Pedro Pérez",
        "document_number": "80123456",
    }
    assert rows.related == {"services": ({"kind": "internet"},)}


@needs_rows
def test_an_account_row_missing_a_required_field() -> None:
    assert _errors(_text(l9="cuenta = 90000001")) == [
        "x.toml:8: account.document_number: falta este campo obligatorio",
        "x.toml:8: account.holder_name: falta este campo obligatorio",
    ]


def test_model_steps_against_the_intents_registry() -> None:
    text = _text(
        l32='do = "contestar"',
        l36='cuenta = "diez"',
        l39='do = "call.record_check"',
        l40="check = 5",
        l41="seconds = -1",
    )
    assert _errors(text) == [
        'x.toml:32: model[0].do: acción desconocida "contestar"; vea `swat scenarios intents`',
        'x.toml:36: model[1].cuenta: se esperaba un número entero, no un texto ("diez")',
        'x.toml:38: model[2].check_id: falta este parámetro obligatorio de "call.record_check"',
        'x.toml:38: model[2].result: falta este parámetro obligatorio de "call.record_check"',
        'x.toml:40: model[2].check: "call.record_check" no tiene este parámetro; los suyos: '
        "check_id, result",
        "x.toml:41: model[2].seconds: no puede ser negativo (-1)",
    ]


def test_a_reference_reads_only_what_an_earlier_step_saved() -> None:
    later = _text(l36='cuenta = "=found.cuenta"', l40='check_id = "saludo"\nsave = "found"')
    assert _errors(later) == [
        'x.toml:36: model[1].cuenta: la referencia "=found.cuenta" nombra "found", que '
        "ningún paso anterior guarda (save)"
    ]
    earlier = _text(l33='save = "found"', l36='cuenta = "=found.0.cuenta"')
    assert _errors(earlier) == []
    assert _errors(_text(l36='cuenta = "=cuenta.x"')) == [
        'x.toml:36: model[1].cuenta: referencia no válida "=cuenta.x": escriba solo "=cuenta"'
    ]
    assert _errors(_text(l33='save = "Mi Cuenta"')) == [
        'x.toml:33: model[0].save: nombre no válido "Mi Cuenta": minúsculas, números y "_", '
        'y no "cuenta"'
    ]


def test_a_file_with_many_errors_lists_them_all_in_line_order() -> None:
    text = _text(
        l3="level = 0",
        l16='mood = "alegre"',
        l20="request = 3",
        l27='branch = "ventas"',
        l32='do = "contestar"',
        l40='check_id = ["saludo"]',
    )
    errors = _errors(text)
    assert [e.split(": ")[0] + ": " + e.split(": ")[1] for e in errors] == [
        "x.toml:3: level",
        "x.toml:16: caller.mood",
        "x.toml:20: caller.lines.request",
        "x.toml:27: expected[0].branch",
        "x.toml:32: model[0].do",
        "x.toml:40: model[2].check_id",
    ]


def test_load_scenario_raises_with_every_error() -> None:
    with pytest.raises(ScenarioFileError) as raised:
        load_scenario(Path("/no/such/file.toml"))
    assert [str(e) for e in raised.value.errors] == ["/no/such/file.toml: no existe el archivo"]


def test_read_scenario_names_the_file_it_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(_text(l16='mood = "alegre"'), encoding="utf-8")
    scenario, errors = read_scenario(path)
    assert scenario is None
    assert str(errors[0]).startswith(f"{path}:16: caller.mood: ")
    path.write_bytes(b'id = "\xff"\n')
    assert [str(e) for e in read_scenario(path)[1]] == [f"{path}: no está en UTF-8"]


# -- the line locator --------------------------------------------------------------------


def test_key_lines_follow_tables_arrays_dotted_keys_and_inline_tables() -> None:
    text = """\
a = 1
[t]
b.c = 2
d = [
  "x", # comment ] with a bracket
  '''multi
line''',
  {e = 1, "f g" = [3, 4]},
]
[[r]]
h = "]"
[[r]]
[r.s]
i = 5
"""
    lines = key_lines(text)
    assert {field_name(key): line for key, line in lines.items()} == {
        "a": 1,
        "t": 2,
        "t.b.c": 3,
        "t.d": 4,
        "t.d[0]": 5,
        "t.d[1]": 6,
        "t.d[2]": 8,
        "t.d[2].e": 8,
        "t.d[2].f g": 8,
        "t.d[2].f g[0]": 8,
        "t.d[2].f g[1]": 8,
        "r": 10,
        "r[0]": 10,
        "r[0].h": 11,
        "r[1]": 12,
        "r[1].s": 13,
        "r[1].s.i": 14,
    }
    assert line_of(lines, ("r", 1, "s", "missing")) == 13
    assert line_of(lines, ("nowhere",)) == 1


# -- the catalog -------------------------------------------------------------------------


def test_a_duplicate_id_is_named_in_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.toml").write_text(_text(l2='title = "Otra"'), encoding="utf-8")
    scenarios, errors = load_all([tmp_path])
    assert scenarios == ()
    assert [str(e) for e in errors] == [
        f'{tmp_path / "a.toml"}:1: id: id repetido "T-01": también lo usa {tmp_path / "b.toml"}:1',
        f'{tmp_path / "b.toml"}:1: id: id repetido "T-01": también lo usa {tmp_path / "a.toml"}:1',
    ]


def test_the_catalog_filters_by_branch_level_objective_and_mode(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(BASE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.toml").write_text(
        _text(
            l1='id = "T-02"',
            l3="level = 2",
            l4='objectives = ["Cartera y Crédito"]',
            l5='mode = "certificacion"',
            l27='branch = "sac"',
            l28='subflow = "cartera"',
            l29='codes = ["SAC-CAR-001"]',
        ),
        encoding="utf-8",
    )
    scenarios, errors = load_all([tmp_path, tmp_path / "missing"])
    assert [str(e) for e in errors] == [f"{tmp_path / 'missing'}: no existe la carpeta"]
    catalog = Catalog(scenarios)
    assert [s.id for s in catalog.filter()] == ["T-01", "T-02"]
    assert [s.id for s in catalog.filter(branch="sac")] == ["T-02"]
    assert [s.id for s in catalog.filter(level=1)] == ["T-01"]
    assert [s.id for s in catalog.filter(objective="credito")] == ["T-02"]
    assert [s.id for s in catalog.filter(mode=Mode.PRACTICE)] == ["T-01"]
    found = catalog.find("t-02")
    assert found is not None and found.path == tmp_path / "sub" / "b.toml"
    assert catalog.find("T-99") is None


def test_model_arguments_convert_as_the_model_run_converts_them() -> None:
    """Digits for a number and a number for a text are what ``model_run`` passes on."""
    assert _errors(_text(l36='cuenta = "10000039"', l41="result = 12")) == []
    assert _errors(_text(l36="cuenta = true")) == [
        "x.toml:36: model[1].cuenta: se esperaba un número entero, no verdadero/falso (true)"
    ]


def test_a_check_id_must_be_one_of_the_procedure() -> None:
    assert _errors(_text(l40='check_id = "sonrisa"')) == [
        'x.toml:40: model[2].check_id: el procedimiento no tiene la verificación "sonrisa"; '
        "vea data/procedure.toml"
    ]


# -- docs/scenarios.md -------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"


def _toml_blocks() -> list[str]:
    return DOCS.read_text(encoding="utf-8").split("```toml\n")[1:]


@needs_rows
def test_the_documented_example_validates() -> None:
    example = max((block.split("```")[0] for block in _toml_blocks()), key=len)
    scenario, errors = parse_scenario(example, DOCS)
    assert [str(e) for e in errors] == []
    assert scenario is not None and scenario.account.rows is not None


@needs_rows
def test_the_docs_name_every_inline_section_and_field() -> None:
    scenario_rows = importlib.import_module("swat_tui.store.scenario_rows")  # H2's, by name
    text = DOCS.read_text(encoding="utf-8")
    for section in scenario_rows.SECTIONS:
        assert f"[[account.{section}]]" in text, section
    missing = [
        f"{section}.{name}"
        for section in ("account", *scenario_rows.SECTIONS)
        for name in scenario_rows.known_fields(section)
        if f"`{name}`" not in text
    ]
    assert missing == []


def test_the_docs_list_every_intent_and_showcase_account() -> None:
    from swat_tui.domain.training.model_intents import registry
    from swat_tui.store.demo import SHOWCASE

    text = DOCS.read_text(encoding="utf-8")
    assert [name for name in registry() if f"\n{name}(" not in text] == []
    assert [key for key in SHOWCASE if f"`{key}`" not in text] == []
