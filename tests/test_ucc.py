"""The UCC catalogue: shipped file, search by code and words, look-up, loading a CSV, CLI."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from swat_tui.cli import ucc as ucc_cli
from swat_tui.config import Settings
from swat_tui.domain.call.ucc import CODE_MAX, UccCatalog, default_path, read_csv
from swat_tui.domain.errors import DomainError
from swat_tui.store.queries.ucc import fold

HEADER = "code,branch,description,requires_cun\n"
runner = CliRunner()


@pytest.fixture
def catalog(store_engine: Engine) -> UccCatalog:
    catalog = UccCatalog(store_engine)
    catalog.load_default()
    return catalog


def _write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "mi_ucc.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(DomainError) as caught:
        read_csv(path)
    return caught.value.message


# -- the shipped catalogue -------------------------------------------------------------


def test_shipped_catalogue_is_valid_and_covers_every_branch() -> None:
    entries = read_csv(default_path())
    assert 60 <= len(entries) <= 100
    assert {entry.branch for entry in entries} == {"sac", "soporte", "visita", "pqr"}
    assert all(len(entry.code) <= CODE_MAX for entry in entries)
    radica = [entry for entry in entries if "Radica" in entry.description]
    assert radica and all(entry.requires_cun for entry in radica)
    assert not any(entry.requires_cun for entry in entries if entry.branch != "pqr")


def test_shipped_catalogue_file_is_plain_csv() -> None:
    with default_path().open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len({row["code"] for row in rows}) == len(rows)


# -- search and look-up ----------------------------------------------------------------


def test_empty_text_lists_everything_in_code_order(catalog: UccCatalog) -> None:
    everything = catalog.search("")
    assert len(everything) == catalog.count() == len(read_csv(default_path()))
    assert [entry.code for entry in everything] == sorted(entry.code for entry in everything)


def test_search_by_exact_code_puts_it_first(catalog: UccCatalog) -> None:
    found = catalog.search("sop-int-003")
    assert found[0].code == "SOP-INT-003"
    # A partial code is a word like any other.
    assert {entry.code for entry in catalog.search("SOP-INT")} >= {"SOP-INT-001", "SOP-INT-007"}


def test_search_words_ignore_accents_and_case(catalog: UccCatalog) -> None:
    with_accents = catalog.search("FACTURACIÓN Paradigma")
    without = catalog.search("facturacion paradigma")
    assert with_accents == without
    assert {entry.code for entry in without} == {"SAC-FAC-011", "SAC-FAC-012"}
    assert [entry.code for entry in catalog.search("tecnico confianza")] == ["SOP-TEC-001"]


def test_every_word_must_match(catalog: UccCatalog) -> None:
    assert catalog.search("internet lento")[0].code == "SOP-INT-001"
    assert catalog.search("internet decodificador") == ()


def test_search_within_a_branch(catalog: UccCatalog) -> None:
    pqr = catalog.search("queja", branch="pqr")
    assert pqr and all(entry.branch == "pqr" and entry.requires_cun for entry in pqr)
    assert catalog.search("queja", branch="sac") == ()
    with pytest.raises(DomainError):
        catalog.search("", branch="ventas")


def test_get_is_case_insensitive_and_names_unknown_codes(catalog: UccCatalog) -> None:
    entry = catalog.get(" pqr-que-001 ")
    assert entry.code == "PQR-QUE-001" and entry.requires_cun and entry.branch == "pqr"
    with pytest.raises(DomainError) as caught:
        catalog.get("SAC-XXX-999")
    assert caught.value.message == "El código SAC-XXX-999 no existe en el catálogo UCC."
    with pytest.raises(DomainError):
        catalog.get("  ")


def test_fold() -> None:
    assert fold("Facturación ÑANDÚ") == "facturacion nandu"


# -- loading a file --------------------------------------------------------------------


def test_load_csv_replaces_the_catalogue(catalog: UccCatalog, tmp_path: Path) -> None:
    path = _write(tmp_path, "ABC-1,sac,Cobro de prueba,false\n\nabc-2,PQR,Queja de prueba,sí\n")
    assert catalog.load_csv(path) == 2
    assert [entry.code for entry in catalog.search("")] == ["ABC-1", "ABC-2"]
    assert catalog.get("ABC-2").requires_cun and catalog.get("ABC-2").branch == "pqr"


def test_load_csv_accepts_semicolons_and_a_bom(catalog: UccCatalog, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufeffcode;branch;description;requires_cun\nX-1;soporte;Sin señal;no\n".encode()
    )
    assert catalog.load_csv(path) == 1
    assert catalog.get("X-1").description == "Sin señal"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "A-1,sac,Uno,false\nA-2,ventas,Dos,false\n",
            "mi_ucc.csv línea 3: la rama 'ventas' no es sac, soporte, visita, pqr.",
        ),
        (
            "A-1,sac,Uno,false\nA-2,sac,Dos,false\na-1,pqr,Tres,true\n",
            "mi_ucc.csv línea 4: el código A-1 se repite (línea 2).",
        ),
        (
            "SAC-FAC-00001,sac,Uno,false\n",
            "mi_ucc.csv línea 2: el código SAC-FAC-00001 supera 12 caracteres.",
        ),
        ("A-1,sac,   ,false\n", "mi_ucc.csv línea 2: falta la descripción del código A-1."),
        (",sac,Uno,false\n", "mi_ucc.csv línea 2: falta el código."),
        (
            "A 1,sac,Uno,false\n",
            "mi_ucc.csv línea 2: el código A 1 solo admite letras, dígitos, - _ y punto.",
        ),
        (
            "A-1,sac,Uno,quizás\n",
            "mi_ucc.csv línea 2: requires_cun debe ser true o false, no 'quizás'.",
        ),
        ("A-1,sac,Uno\n", "mi_ucc.csv línea 2: tiene 3 columnas y deben ser 4."),
        (
            "A-1,sac," + "x" * 121 + ",false\n",
            "mi_ucc.csv línea 2: la descripción supera 120 caracteres.",
        ),
        ("", "mi_ucc.csv: el archivo no tiene códigos."),
    ],
)
def test_bad_rows_name_their_line(tmp_path: Path, body: str, message: str) -> None:
    assert _error(_write(tmp_path, body)) == message


def test_bad_header_or_file(tmp_path: Path) -> None:
    assert _error(_write(tmp_path, "A,sac,x,false\n", header="codigo,rama,desc,cun\n")) == (
        "mi_ucc.csv línea 1: los títulos deben ser code,branch,description,requires_cun."
    )
    empty = tmp_path / "vacio.csv"
    empty.write_text("", encoding="utf-8")
    assert _error(empty).startswith("vacio.csv línea 1: faltan los títulos")
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + "A,sac,Facturación,false\n").encode("latin-1"))
    assert _error(latin) == "latin.csv: el archivo no está en UTF-8."
    assert _error(tmp_path / "no_existe.csv").startswith("No existe el archivo")


def test_a_bad_file_replaces_nothing(catalog: UccCatalog, tmp_path: Path) -> None:
    before = catalog.count()
    with pytest.raises(DomainError):
        catalog.load_csv(_write(tmp_path, "A-1,sac,Uno,false\nA-2,ventas,Dos,false\n"))
    assert catalog.count() == before
    assert catalog.get("SAC-FAC-001").branch == "sac"


def test_ensure_loaded_only_fills_an_empty_catalogue(store_engine: Engine, tmp_path: Path) -> None:
    catalog = UccCatalog(store_engine)
    assert catalog.count() == 0
    assert catalog.ensure_loaded() == len(read_csv(default_path()))
    catalog.load_csv(_write(tmp_path, "MIO-1,sac,Propio,false\n"))
    assert catalog.ensure_loaded() == 0
    assert catalog.count() == 1


def test_open_services_loads_the_shipped_catalogue(store_url: str) -> None:
    from swat_tui.domain.bootstrap import open_services

    services = open_services(Settings(db_url=store_url, seed_demo_accounts=0))
    try:
        assert UccCatalog(services.engine).count() == len(read_csv(default_path()))
    finally:
        services.close()


# -- CLI -------------------------------------------------------------------------------


def test_cli_load_then_search(store_url: str, tmp_path: Path) -> None:
    settings = Settings(db_url=store_url)
    path = _write(tmp_path, "ABC-1,sac,Cobro [bold]raro[/],false\nABC-2,pqr,Queja,true\n")
    loaded = runner.invoke(ucc_cli.app, ["load", str(path)], obj=settings)
    assert loaded.exit_code == 0, loaded.output
    assert loaded.stdout.strip() == "Catálogo UCC cargado: 2 códigos."
    found = runner.invoke(ucc_cli.app, ["search", "cobro"], obj=settings)
    assert found.exit_code == 0, found.output
    assert "ABC-1" in found.stdout and "[bold]raro[/]" in found.stdout
    assert "ABC-2" not in found.stdout and "1 códigos." in found.stdout
    none = runner.invoke(ucc_cli.app, ["search", "zzz"], obj=settings)
    assert none.exit_code == 0 and "Ningún código UCC coincide con 'zzz'." in none.stdout


def test_cli_search_loads_the_shipped_catalogue_on_a_new_store(store_url: str) -> None:
    settings = Settings(db_url=store_url)
    result = runner.invoke(ucc_cli.app, ["search", "--branch", "PQR", "recurso"], obj=settings)
    assert result.exit_code == 0, result.output
    assert "PQR-REC-001" in result.stdout and "PQR-REC-002" in result.stdout
    assert "SAC-" not in result.stdout


def test_cli_bad_file_exits_2_without_traceback(store_url: str, tmp_path: Path) -> None:
    settings = Settings(db_url=store_url)
    path = _write(tmp_path, "A-1,sac,Uno,false\nA-1,sac,Dos,false\n")
    result = runner.invoke(ucc_cli.app, ["load", str(path)], obj=settings)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "swat: error: mi_ucc.csv línea 3: el código A-1 se repite (línea 2)."
    )
    assert "Traceback" not in result.output
    missing = runner.invoke(ucc_cli.app, ["load", str(tmp_path / "nada.csv")], obj=settings)
    assert missing.exit_code == 2 and "No existe el archivo" in missing.stderr
