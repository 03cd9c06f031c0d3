"""Special notes (F7), SWAT folders (F7+F6): limits, literal text and the audit row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from swat_tui.domain.account.notes import NoteService
from swat_tui.domain.errors import DomainError
from swat_tui.store.models import AccessLog, Account, Note
from tests.conftest import FIXED_NOW

CUENTA = 10000001


@pytest.fixture
def notes(store_engine: Engine, fixed_clock: Callable[[], datetime]) -> NoteService:
    with Session(store_engine) as session:
        session.add(
            Account(
                cuenta=CUENTA,
                holder_name="Titular",
                document_type="CC",
                document_number="79123456",
                address="CL 1 # 2-3",
                city="Cali",
                department="Valle del Cauca",
                estrato=2,
                node="CAL-NO-001",
                status="ACTIVA",
                activated_on=date(2024, 1, 1),
            )
        )
        session.commit()
    return NoteService(store_engine, fixed_clock)


def _message(call: Callable[[], object]) -> str:
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value.message


def test_special_note_round_trip_and_f7_is_logged(notes: NoteService, store_engine: Engine) -> None:
    added = notes.add_note(CUENTA, "Cliente pide factura digital.  \n\n", agent="ASESOR01")
    assert added.text == "Cliente pide factura digital."
    assert added.created_at == FIXED_NOW and added.created_at.utcoffset() == timedelta(hours=-5)
    view = notes.special_notes(CUENTA, agent="ASESOR01")
    assert view.folder is None
    assert [(line.author, line.text) for line in view.notes] == [
        ("ASESOR01", "Cliente pide factura digital.")
    ]
    assert view.notes[0].created_at.utcoffset() == timedelta(hours=-5)
    with Session(store_engine) as session:
        log = session.exec(select(AccessLog)).all()
    assert [(row.username, row.cuenta, row.action) for row in log] == [("ASESOR01", CUENTA, "F7")]


def test_text_is_stored_literally_except_trailing_whitespace(notes: NoteService) -> None:
    text = "  [bold]NO[/bold] dar info\tsin validar <b>x</b>"
    assert notes.add_note(CUENTA, text + " \t\n", agent="ASESOR01").text == text
    assert notes.special_notes(CUENTA, agent="ASESOR01").notes[0].text == text


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_note_is_refused(notes: NoteService, text: str) -> None:
    assert _message(lambda: notes.add_note(CUENTA, text, agent="ASESOR01")) == "La nota está vacía."


def test_special_note_limit_is_1000_characters(notes: NoteService) -> None:
    notes.add_note(CUENTA, "x" * 1000 + "   ", agent="ASESOR01")
    message = _message(lambda: notes.add_note(CUENTA, "y" * 5000, agent="ASESOR01"))
    assert message == "Nota de 5000 caracteres: máximo 1000. Use F6 para crear carpeta SWAT."
    assert len(message) <= 79
    assert len(notes.special_notes(CUENTA, agent="ASESOR01").notes) == 1


def test_folders_hold_long_notes_apart_from_special_notes(notes: NoteService) -> None:
    assert notes.create_folder(CUENTA, " swat ", agent="ASESOR01") == "SWAT"
    notes.add_note(CUENTA, "z" * 10000, agent="ASESOR01", folder="swat")
    message = _message(lambda: notes.add_note(CUENTA, "z" * 10001, agent="ASESOR01", folder="SWAT"))
    assert message.startswith("Nota de 10001 caracteres: máximo 10000")
    folder = notes.folder_notes(CUENTA, "Swat")
    assert (folder.folder, len(folder.notes), len(folder.notes[0].text)) == ("SWAT", 1, 10000)
    special = notes.special_notes(CUENTA, agent="ASESOR01")
    assert (special.notes, special.folders) == ((), ("SWAT",))


def test_folder_names_are_checked_and_unique(notes: NoteService) -> None:
    notes.create_folder(CUENTA, "SWAT", agent="ASESOR01")
    assert "ya existe" in _message(lambda: notes.create_folder(CUENTA, "swat", agent="ASESOR02"))
    for bad in ("", "   ", "DEMASIADO_LARGO", "SW-AT", "SWAT 2", "ÑOÑO"):
        assert "inválido" in _message(partial(notes.create_folder, CUENTA, bad, agent="A"))
    notes.create_folder(CUENTA, "pqr_2026", agent="ASESOR01")
    assert notes.special_notes(CUENTA, agent="ASESOR01").folders == ("PQR_2026", "SWAT")


def test_unknown_folder_and_account(notes: NoteService, store_engine: Engine) -> None:
    assert "no existe" in _message(lambda: notes.folder_notes(CUENTA, "NADA"))
    assert "no existe" in _message(
        lambda: notes.add_note(CUENTA, "hola", agent="ASESOR01", folder="NADA")
    )
    assert _message(lambda: notes.special_notes(1, agent="ASESOR01")) == (
        "La cuenta 00000001 no existe."
    )
    assert "no existe" in _message(lambda: notes.add_note(1, "hola", agent="ASESOR01"))
    with Session(store_engine) as session:
        assert session.exec(select(Note).order_by(col(Note.id))).all() == []
