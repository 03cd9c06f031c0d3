"""``swat base import``: the client's file checked row by row, loaded whole or not at all."""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import col, func, select

from swat_tui.domain.errors import DomainError
from swat_tui.domain.supervisor.campaign.base_file import Reject, import_rules
from swat_tui.domain.supervisor.campaign.base_import import import_base
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Campaign, CampaignRecord
from tests.conftest import FIXED_NOW
from tests.store_rows import account_row

CUENTAS = [20000001, 20000002, 20000003, 20000004]


@pytest.fixture
def accounts(store_engine: Engine) -> Engine:
    with write_session(store_engine) as session:
        for cuenta in CUENTAS:
            session.add(account_row(cuenta))
    return store_engine


def _write(path: Path, lines: list[str], *, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = "\r\n".join(lines).encode(encoding) + b"\r\n"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path


def _import(engine: Engine, path: Path, **kw: object) -> object:
    options: dict[str, object] = {"code": "BASE1", "name": None, "by": "SUPERV01", "now": FIXED_NOW}
    return import_base(engine, path, **(options | kw))  # type: ignore[arg-type]


def _stored(engine: Engine) -> tuple[int, list[tuple[int, int, str, str | None]]]:
    with read_session(engine) as session:
        campaigns = int(session.exec(select(func.count()).select_from(Campaign)).one())
        records = session.exec(select(CampaignRecord).order_by(col(CampaignRecord.line))).all()
    return campaigns, [(r.line, r.cuenta, r.phone, r.phone2) for r in records]


def test_a_good_file_loads_every_row(accounts: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "base.csv",
        ["cuenta,telefono,telefono2,nombre", "20000001,3001234567,,Ana",
         "20000002,+57 601 555 1234,310-123-4567,Luis", '"20000003","(300) 765 4321","",Eva'],
    )  # fmt: skip
    report = _import(accounts, path, name="Retención diciembre")
    assert (report.loaded, report.rejected, report.encoding) == (3, 0, "UTF-8")  # type: ignore[attr-defined]
    assert _stored(accounts) == (
        1,
        [(2, 20000001, "3001234567", None), (3, 20000002, "6015551234", "3101234567"),
         (4, 20000003, "3007654321", None)],
    )  # fmt: skip
    with read_session(accounts) as session:
        campaign = session.exec(select(Campaign)).one()
    assert (campaign.code, campaign.name, campaign.record_count) == (
        "BASE1",
        "Retención diciembre",
        3,
    )
    assert (campaign.source_file, campaign.goal_pct, campaign.status) == ("base.csv", 80, "activa")


def test_excel_files_are_read_and_their_encoding_named(accounts: Engine, tmp_path: Path) -> None:
    """Excel's "CSV (delimitado por comas)" in es-CO: cp1252 and semicolons, accented
    headers; its "CSV UTF-8": a BOM."""
    excel = ["Cuenta;Teléfono;Teléfono 2;Nombre", "20000001;3001234567;;José Núñez"]
    report = _import(accounts, _write(tmp_path / "a.csv", excel, encoding="cp1252"))
    assert (report.encoding, report.delimiter, report.loaded) == ("Windows-1252 (Excel)", ";", 1)  # type: ignore[attr-defined]
    utf8 = ["cuenta,teléfono", "20000002,3001234567"]
    report = _import(accounts, _write(tmp_path / "b.csv", utf8, bom=True), code="BASE2")
    assert (report.encoding, report.loaded) == ("UTF-8 con BOM", 1)  # type: ignore[attr-defined]
    latin = [b"cuenta;telefono;nombre", b"20000003;3001234567;Pe\x81a"]  # 0x81: not cp1252
    (tmp_path / "c.csv").write_bytes(b"\n".join(latin))
    report = _import(accounts, tmp_path / "c.csv", code="BASE3")
    assert (report.encoding, report.loaded) == ("Latin-1 (ISO-8859-1)", 1)  # type: ignore[attr-defined]


def test_bad_rows_are_rejected_with_their_line(accounts: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "base.csv",
        ["cuenta,telefono,telefono2", "20000001,3001234567,", "", "20000001,3009999999,",
         "29999999,3001234567,", "20000002,5551234,", "20000003,3001234567,6015", "x1,300,",
         ",3001234567,", "20000004,,", "123456789,3001234567,"],
    )  # fmt: skip
    seen: list[Reject] = []
    report = _import(accounts, path, on_reject=seen.append)
    assert report.loaded == 1 and report.rows == 9  # type: ignore[attr-defined]
    assert [(r.line, r.reason) for r in seen] == [
        (4, "cuenta 20000001 repetida (ya está en la línea 2)"),
        (5, "cuenta 29999999 no existe en RR"),
        (6, "telefono '5551234': no es celular (3 + 9 dígitos) ni fijo (60X + 7 dígitos)"),
        (7, "telefono2 '6015': no es celular (3 + 9 dígitos) ni fijo (60X + 7 dígitos)"),
        (8, "cuenta 'x1': no es un número de cuenta de RR (hasta 8 dígitos)"),
        (9, "cuenta vacía"),
        (10, "telefono vacío"),
        (11, "cuenta '123456789': no es un número de cuenta de RR (hasta 8 dígitos)"),
    ]
    assert report.sample == seen  # type: ignore[attr-defined]
    assert _stored(accounts) == (1, [(2, 20000001, "3001234567", None)])


def test_strict_loads_nothing_when_a_row_is_rejected(accounts: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path / "base.csv", ["cuenta,telefono", "20000001,3001234567", "2,1"])
    with pytest.raises(DomainError, match="1 filas rechazadas y --strict: no se cargó nada"):
        _import(accounts, path, strict=True)
    assert _stored(accounts) == (0, [])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "base.csv: el archivo está vacío."),
        (b"cuenta,telefono\r\n", "base.csv: el archivo tiene el encabezado pero ninguna fila."),
        (b"cuenta;tel\n20000001;3001234567\n", "base.csv, línea 1: falta la columna telefono; "
         "el archivo tiene: cuenta, tel."),
        (b"PK\x03\x04rest of a zip", "base.csv: es un libro de Excel (XLSX)"),
        ("cuenta,telefono\n".encode("utf-16"), "base.csv: está en UTF-16"),
        (b"cuenta,telefono\n\x00\x00", "base.csv: no es un archivo de texto"),
        (b"cuenta,telefono\n29999999,3001234567\n", "Ninguna fila válida: no se cargó nada."),
        (b'cuenta,telefono\n"20000001,3001234567\n', None),  # an unclosed quote: one field
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_and_writes_nothing(
    accounts: Engine, tmp_path: Path, content: bytes, message: str | None
) -> None:
    (tmp_path / "base.csv").write_bytes(content)
    with pytest.raises(DomainError) as refused:
        _import(accounts, tmp_path / "base.csv")
    assert message is None or refused.value.message.startswith(message)
    assert _stored(accounts) == (0, [])


def test_a_huge_file_is_refused_before_anything_loads(accounts: Engine, tmp_path: Path) -> None:
    lines = ["cuenta,telefono"] + [f"{20000001 + n},3001234567" for n in range(4)]
    rules = replace(import_rules(), max_rows=3)
    with pytest.raises(DomainError, match="más de 3 filas"):
        _import(accounts, _write(tmp_path / "base.csv", lines), rules=rules)
    assert _stored(accounts) == (0, [])


def test_a_missing_file_and_a_taken_code_are_refused(accounts: Engine, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="No existe el archivo"):
        _import(accounts, tmp_path / "nada.csv")
    path = _write(tmp_path / "base.csv", ["cuenta,telefono", "20000001,3001234567"])
    _import(accounts, path, code="dic-2026")
    with pytest.raises(DomainError, match="La campaña DIC-2026 ya existe"):
        _import(accounts, path, code="DIC-2026")
    with pytest.raises(DomainError, match="Código de campaña"):
        _import(accounts, path, code="con espacios")
    assert _stored(accounts)[0] == 1


def test_progress_is_reported_per_batch(accounts: Engine, tmp_path: Path) -> None:
    lines = ["cuenta,telefono"] + [f"{c},3001234567" for c in CUENTAS]
    steps: list[tuple[str, int, int]] = []
    rules = replace(import_rules(), batch_rows=2)
    _import(
        accounts,
        _write(tmp_path / "b.csv", lines),
        rules=rules,
        progress=lambda *s: steps.append(s),
    )
    assert steps == [("validar", 3, 5), ("validar", 5, 5), ("validar", 5, 5), ("cargar", 4, 4)]
