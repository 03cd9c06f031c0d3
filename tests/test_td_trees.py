"""T&D fault trees: the shipped files, every kind of file error, the walk, ``swat td``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.domain.support import td_walk
from swat_tui.domain.support.td_intents import left_out_notice
from swat_tui.domain.support.td_trees import (
    ESCALATION,
    FIRST_CONTACT,
    ROUTES,
    TEXT_MAX,
    Leaf,
    Question,
    TdIssue,
    check_dir,
    default_dir,
    find_tree,
    folder_trees,
    load_trees,
    shipped_codes,
)

runner = CliRunner()

GOOD = """\
servicio = "internet"
sintoma = "lento"
titulo = "Internet lento"
inicio = "reinicio"

[nodo.reinicio]
pregunta = "¿Mejoró tras reiniciar el módem?"
opciones = { si = "resuelto", no = "visita" }

[nodo.resuelto]
resultado = "Resuelto al reiniciar."
resolucion = "primer_contacto"
codigo = "SOP-INT-001"

[nodo.visita]
resultado = "Programe la visita técnica."
resolucion = "escalamiento"
ruta = "visita"
codigo = "SOP-INT-007"
"""


def _write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def _issues(tmp_path: Path, text: str) -> list[TdIssue]:
    _write(tmp_path / "td", "arbol.toml", text)
    return list(check_dir(tmp_path / "td", shipped_codes()).issues)


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


# -- the shipped trees ------------------------------------------------------------------


def test_the_shipped_trees_validate_clean() -> None:
    result = check_dir(default_dir(), shipped_codes())
    assert [str(issue) for issue in result.issues] == []
    symptoms = {(tree.servicio, tree.sintoma) for tree in result.trees}
    assert symptoms == {
        ("internet", "no_navega"),
        ("internet", "lento"),
        ("internet", "intermitente"),
        ("internet", "wifi"),
        ("tv", "sin_senal"),
        ("tv", "pixelada"),
        ("tv", "canales_faltantes"),
        ("tv", "smart_card"),
        ("voz", "sin_tono"),
        ("voz", "ruido"),
        ("voz", "llamadas"),
    }
    trees = load_trees()
    for tech in ("dvb", "atsc", "nagra", "tvbox", "fibra"):
        assert find_tree(trees, "tv", "sin_senal", tech).tecnologias == (tech,)
        assert find_tree(trees, "tv", "pixelada", tech).sintoma == "pixelada"


def test_every_shipped_leaf_is_reachable_and_names_a_soporte_code() -> None:
    codes = shipped_codes()
    routes_seen: set[str] = set()
    for tree in load_trees():
        reached = {tree.inicio}
        pending = [tree.inicio]
        while pending:
            node = tree.node(pending.pop())
            if isinstance(node, Question):
                for _, target in node.opciones:
                    if target not in reached:
                        reached.add(target)
                        pending.append(target)
        assert reached == set(tree.nodos), tree.file
        leaves = [node for node in tree.nodos.values() if isinstance(node, Leaf)]
        assert leaves, tree.file
        for leaf in leaves:
            assert codes[leaf.codigo] == "soporte", (tree.file, leaf.id)
            assert (leaf.resolucion == ESCALATION) == (leaf.ruta in ROUTES)
            assert len(leaf.resultado) <= TEXT_MAX
            routes_seen.add(leaf.ruta or FIRST_CONTACT)
    assert routes_seen == {*ROUTES, FIRST_CONTACT}


def test_find_tree_refuses_a_symptom_without_tree() -> None:
    with pytest.raises(DomainError, match="No hay árbol T&D para tv smart_card tvbox"):
        find_tree(load_trees(), "tv", "smart_card", "tvbox")


def test_smart_cards_are_only_for_dvb_and_nagra() -> None:
    """The procedure's glossary: the smart card is for DVB and Nagra decoders."""
    assert find_tree(load_trees(), "tv", "smart_card", "dvb") is not None
    assert find_tree(load_trees(), "tv", "smart_card", "nagra") is not None
    with pytest.raises(DomainError, match="No hay árbol T&D para tv smart_card atsc"):
        find_tree(load_trees(), "tv", "smart_card", "atsc")


# -- each kind of error, with file, line and field --------------------------------------


def test_a_good_small_tree_has_no_issue(tmp_path: Path) -> None:
    assert _issues(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("old", "new", "field", "at", "message"),
    [
        (
            'titulo = "Internet lento"',
            'titulo = "Internet lento"\ncolor = "verde"',
            "color",
            "color =",
            "campo desconocido",
        ),
        (
            'ruta = "visita"',
            'ruta = "visita"\nnota = "x"',
            "nodo.visita.nota",
            "nota =",
            "campo desconocido",
        ),
        ('titulo = "Internet lento"\n', "", "titulo", "", "falta el campo"),
        ('codigo = "SOP-INT-001"\n', "", "nodo.resuelto.codigo", "[nodo.resuelto]", "falta"),
        (
            'no = "visita"',
            'no = "vista"',
            "nodo.reinicio.opciones.no",
            "opciones =",
            "el nodo 'vista' no existe",
        ),
        (
            'codigo = "SOP-INT-001"',
            'codigo = "SOP-XXX-999"',
            "nodo.resuelto.codigo",
            "SOP-XXX",
            "no existe",
        ),
        (
            'codigo = "SOP-INT-001"',
            'codigo = "SAC-CAR-001"',
            "nodo.resuelto.codigo",
            "SAC-CAR",
            "no de soporte",
        ),
        (
            'ruta = "visita"',
            'ruta = "bodega"',
            "nodo.visita.ruta",
            "bodega",
            "'bodega' no es punto",
        ),
        (
            'resolucion = "primer_contacto"',
            'resolucion = "primer_contacto"\nruta = "visita"',
            "nodo.resuelto.ruta",
            'ruta = "visita"',
            "no lleva ruta",
        ),
        ('ruta = "visita"\n', "", "nodo.visita.ruta", "[nodo.visita]", "falta el campo"),
        (
            'resultado = "Resuelto al reiniciar."',
            f'resultado = "{"x" * (TEXT_MAX + 1)}"',
            "nodo.resuelto.resultado",
            "xxxx",
            f"máximo {TEXT_MAX}",
        ),
        ('servicio = "internet"', 'servicio = "cable"', "servicio", "servicio =", "no es internet"),
        (
            'inicio = "reinicio"',
            'inicio = "reinicio"\ntecnologias = ["dvb"]',
            "tecnologias",
            "tecnologias",
            "solo aplica al servicio tv",
        ),
        ('inicio = "reinicio"', 'inicio = "arranque"', "inicio", "inicio =", "no existe"),
        (
            'pregunta = "¿Mejoró tras reiniciar el módem?"',
            'pregunta = "¿Mejoró?"\nresultado = "x"',
            "nodo.reinicio.resultado",
            'resultado = "x"',
            "no ambos",
        ),
    ],
    ids=[
        "unknown-header",
        "unknown-node-field",
        "missing-header",
        "missing-leaf-field",
        "dangling",
        "unknown-code",
        "code-of-other-branch",
        "unknown-route",
        "route-on-first-contact",
        "missing-route",
        "text-too-long",
        "unknown-service",
        "technology-not-tv",
        "dangling-start",
        "question-and-leaf",
    ],
)
def test_each_error_names_file_line_and_field(
    tmp_path: Path, old: str, new: str, field: str, at: str, message: str
) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new)
    issues = _issues(tmp_path, text)
    wanted = [issue for issue in issues if issue.field == field]
    assert wanted, [str(issue) for issue in issues]
    issue = wanted[0]
    assert issue.file == "arbol.toml"
    assert message in issue.message
    assert issue.line == (_line_of(text, at) if at else 1)


def test_a_cycle_is_reported_where_it_closes(tmp_path: Path) -> None:
    text = GOOD.replace('no = "visita"', 'no = "otra"') + (
        '\n[nodo.otra]\npregunta = "¿Otra vez?"\nopciones = { si = "reinicio", no = "visita" }\n'
    )
    line = _line_of(text, 'opciones = { si = "reinicio"')
    assert [str(issue) for issue in _issues(tmp_path, text)] == [
        f"arbol.toml:{line}: nodo.otra.opciones.si: ciclo: reinicio -> otra -> reinicio."
    ]


def test_an_unreachable_node_is_an_error(tmp_path: Path) -> None:
    text = GOOD + '\n[nodo.huerfano]\nresultado = "x"\nresolucion = "primer_contacto"\n'
    text += 'codigo = "SOP-INT-001"\n'
    issues = _issues(tmp_path, text)
    assert [(i.line, i.field) for i in issues] == [(_line_of(text, "huerfano"), "nodo.huerfano")]
    assert "no se llega" in issues[0].message


def test_all_errors_of_a_file_are_collected(tmp_path: Path) -> None:
    text = GOOD.replace('ruta = "visita"', 'ruta = "bodega"').replace("SOP-INT-001", "NOPE-1")
    fields = sorted(issue.field for issue in _issues(tmp_path, text))
    assert fields == ["nodo.resuelto.codigo", "nodo.visita.ruta"]


def test_a_duplicate_tree_names_the_first_file(tmp_path: Path) -> None:
    directory = tmp_path / "td"
    _write(directory, "a.toml", GOOD)
    _write(directory, "b.toml", GOOD)
    tv = GOOD.replace('"internet"', '"tv"').replace(
        'inicio = "reinicio"', 'inicio = "reinicio"\ntecnologias = ["dvb", "nagra"]'
    )
    _write(directory, "c.toml", tv)
    _write(directory, "d.toml", tv.replace('["dvb", "nagra"]', '["atsc", "nagra"]'))
    result = check_dir(directory, shipped_codes())
    assert [str(issue) for issue in result.issues] == [
        "b.toml:2: sintoma: ya hay un árbol para internet lento en a.toml.",
        "d.toml:5: tecnologias: ya hay un árbol para tv lento nagra en c.toml.",
    ]
    assert [tree.file for tree in result.trees] == ["a.toml", "c.toml"]


def test_bad_toml_names_its_line(tmp_path: Path) -> None:
    issues = _issues(tmp_path, GOOD.replace('codigo = "SOP-INT-007"', "codigo = SOP"))
    assert len(issues) == 1
    assert issues[0].line == _line_of(GOOD, "SOP-INT-007")
    assert "TOML inválido" in issues[0].message


def test_a_file_in_error_leaves_out_only_that_tree(tmp_path: Path) -> None:
    """The app uses the trees that validate; the bad file alone is left out."""
    directory = tmp_path / "td"
    _write(directory, "a_bueno.toml", GOOD)
    _write(
        directory,
        "b_malo.toml",
        GOOD.replace('sintoma = "lento"', 'sintoma = "corte"').replace("SOP-INT-001", "NOPE-1"),
    )
    found = folder_trees(directory)
    assert [tree.file for tree in found.trees] == ["a_bueno.toml"]
    assert found.left_out == ("b_malo.toml",)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("internet_lento",), "Árbol omitido por errores (swat td check): internet_lento."),
        (
            ("voz_ruido", "tv_pixelada"),
            "Árboles omitidos por errores (swat td check): voz_ruido, tv_pixelada.",
        ),
        (
            ("internet_intermitente", "tv_sin_senal_tvbox", "voz_ruido"),
            "Árboles omitidos por errores (swat td check): internet_intermitente y 2 más.",
        ),
        (("x" * 40,), "Árboles omitidos por errores (swat td check): 1."),
    ],
)
def test_row_24_names_the_trees_left_out_whole(names: tuple[str, ...], expected: str) -> None:
    notice = left_out_notice(load_procedure(), names)
    assert notice == expected and len(notice) <= MESSAGE_WIDTH


def test_load_trees_refuses_an_invalid_folder(tmp_path: Path) -> None:
    _write(tmp_path / "td", "arbol.toml", GOOD.replace("SOP-INT-001", "NOPE-1"))
    with pytest.raises(DomainError, match=r"arbol\.toml:13: nodo\.resuelto\.codigo"):
        load_trees(tmp_path / "td")


# -- the walk ---------------------------------------------------------------------------


def test_a_whole_walk_reaches_a_leaf_and_keeps_its_path() -> None:
    tree = find_tree(load_trees(), "internet", "no_navega")
    walk = td_walk.start(tree)
    assert walk.node_id == "aviso" and not walk.done
    for option in ("no", " SI ", "no", "no"):
        walk = td_walk.answer(walk, option)
    leaf = walk.leaf
    assert leaf is not None and walk.done
    assert (leaf.id, leaf.resolucion, leaf.ruta, leaf.codigo) == (
        "punto",
        ESCALATION,
        "punto",
        "SOP-PUN-001",
    )
    assert walk.route_label == "Diagnosticador: caso de falla puntual"
    assert [(step.node, step.respuesta) for step in walk.path] == [
        ("aviso", "no"),
        ("luces", "si"),
        ("reinicio", "no"),
        ("equipo", "no"),
    ]
    assert walk.path[0].pregunta.startswith("¿El Diagnosticador muestra un aviso")
    assert td_walk.back(walk).node_id == "equipo"
    with pytest.raises(DomainError, match="ya llegó a un resultado"):
        td_walk.answer(walk, "si")


def test_a_first_contact_leaf_has_no_route() -> None:
    walk = td_walk.start(find_tree(load_trees(), "internet", "no_navega"))
    for option in ("no", "si", "si"):
        walk = td_walk.answer(walk, option)
    assert walk.leaf is not None and walk.leaf.resolucion == FIRST_CONTACT
    assert walk.leaf.codigo == "SOP-INT-002" and walk.route_label is None


def test_a_refused_answer_changes_nothing() -> None:
    walk = td_walk.answer(td_walk.start(find_tree(load_trees(), "voz", "ruido")), "si")
    before = walk
    with pytest.raises(DomainError) as refused:
        td_walk.answer(walk, "tal_vez")
    assert refused.value.message == "Respuesta tal_vez no válida: use si, no."
    assert len(refused.value.message) <= 79
    assert walk == before and walk.node_id == "base" and len(walk.path) == 1
    with pytest.raises(DomainError, match="primera pregunta"):
        td_walk.back(td_walk.start(walk.tree))


# -- swat td ----------------------------------------------------------------------------


def test_td_check_passes_the_shipped_trees() -> None:
    result = runner.invoke(app, ["td", "check"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Árboles T&D correctos: 15 árboles")
    assert len(result.stdout.splitlines()) == 1


def test_td_check_prints_each_error_and_exits_1(tmp_path: Path) -> None:
    text = GOOD.replace('no = "visita"', 'no = "vista"').replace("SOP-INT-001", "NOPE-1")
    _write(tmp_path / "td", "arbol.toml", text)
    result = runner.invoke(app, ["td", "check", str(tmp_path / "td")])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "arbol.toml:13: nodo.resuelto.codigo: el código NOPE-1 no existe en el catálogo UCC.",
        "arbol.toml:8: nodo.reinicio.opciones.no: el nodo 'vista' no existe.",
        "arbol.toml:15: nodo.visita: no se llega a este nodo desde 'reinicio'.",
        "3 errores en 1 archivo(s).",
    ]


def test_td_check_with_an_operator_catalogue(tmp_path: Path) -> None:
    _write(tmp_path / "td", "arbol.toml", GOOD)
    catalogue = tmp_path / "ucc.csv"
    catalogue.write_text(
        "code,branch,description,requires_cun\nSOP-INT-001,soporte,Lento,false\n", "utf-8"
    )
    result = runner.invoke(app, ["td", "check", str(tmp_path / "td"), "--ucc", str(catalogue)])
    assert result.exit_code == 1
    assert "SOP-INT-007 no existe" in result.stdout
    missing = runner.invoke(app, ["td", "check", "--ucc", str(tmp_path / "nada.csv")])
    assert missing.exit_code == 2 and "No existe el archivo" in missing.stderr


def test_td_check_checks_the_folder_the_app_reads(tmp_path: Path) -> None:
    """SWAT_TD_DIR names the app's trees folder: ``swat td check`` checks that one."""
    _write(tmp_path / "td", "arbol.toml", GOOD.replace("SOP-INT-001", "NOPE-1"))
    result = runner.invoke(app, ["td", "check"], env={"SWAT_TD_DIR": str(tmp_path / "td")})
    assert result.exit_code == 1
    assert result.stdout.startswith("arbol.toml:13: nodo.resuelto.codigo:")


def test_td_list_prints_the_trees_and_refuses_an_invalid_folder(tmp_path: Path) -> None:
    listed = runner.invoke(app, ["td", "list"])
    assert listed.exit_code == 0, listed.output
    assert "tv sin_senal (nagra)" in listed.stdout and "15 árboles." in listed.stdout
    _write(tmp_path / "td", "arbol.toml", GOOD.replace("SOP-INT-001", "NOPE-1"))
    refused = runner.invoke(app, ["td", "list", str(tmp_path / "td")])
    assert refused.exit_code == 2 and "swat td check" in refused.stderr
