"""``export_csv`` and ``swat calls export``: every call as one CSV row that reads back."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from swat_tui.cli import calls as calls_cli
from swat_tui.config import Settings
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.call import CallService
from swat_tui.domain.call.export import HEADER
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.desk.practice_queue import IncomingCall
from swat_tui.domain.services import Services
from tests.call_seed import CUENTA, MovingClock, seed
from tests.conftest import FIXED_NOW

NAME = 'Ana "La Mona" Pérez, [bold]hija[/bold]; <i>x</i>\tfin'
NOTES = 'Cliente dice: "cobro doble", revisar; [red]urgente[/red]'


def _whole_call(calls: CallService, clock: MovingClock, agent_id: int) -> int:
    call_id = calls.offer(agent_id, "3001234567", "HOGAR").id
    clock.advance(5)
    calls.answer(call_id)
    calls.record_check(call_id, "saludo", "ok")
    for name, value in (
        ("caller_name", NAME),
        ("caller_document", "52123456"),
        ("caller_relation", "hija"),
        ("callback_number", "3001234567"),
    ):
        calls.set_field(call_id, name, value)
    calls.open_account(call_id, CUENTA, frozenset())
    clock.advance(60)
    calls.advance(call_id)
    calls.record_check(call_id, "estado_revisado", "ACTIVA")
    calls.start_request(call_id, "sac", 'Cobro, doble | "factura"')
    calls.advance(call_id)
    calls.record_check(call_id, "sac_atendida", "ok")
    calls.hold(call_id)
    clock.advance(20)
    calls.resume(call_id)
    calls.advance(call_id)
    calls.typify(call_id, code="SAC-FAC-009", first_contact=False, notes=NOTES)
    calls.another_request(call_id)
    calls.start_request(call_id, "soporte", "Internet lento")
    calls.advance(call_id)
    calls.record_check(call_id, "soporte_atendido", "ok")
    calls.advance(call_id)
    calls.typify(call_id, code="SOP-INT-004", first_contact=True, incident_number="INC000000042")
    calls.advance(call_id)
    for check in ("resolucion_informada", "nada_mas", "guion_cierre"):
        calls.record_check(call_id, check, "ok")
    calls.record_survey(call_id, "acepta", 5)
    clock.advance(30)
    calls.end(call_id)
    clock.advance(45)
    calls.finish_acw(call_id)
    return call_id


@pytest.fixture
def filled(store_engine: Engine) -> tuple[CallService, int, int]:
    """A store with a call the evening before, a whole call and a dropped call."""
    clock = MovingClock(FIXED_NOW - timedelta(hours=10))  # 23:30 the day before, Bogotá
    agent_id = seed(store_engine, FIXED_NOW)
    calls = CallService(store_engine, clock)
    calls.hang_up(calls.offer(agent_id, "6010000000", "HOGAR").id, by="customer")
    clock.now = FIXED_NOW
    whole = _whole_call(calls, clock, agent_id)
    clock.advance(600)
    dropped = calls.answer(calls.offer(agent_id, "3110000000", "SOPORTE").id).id
    calls.set_field(dropped, "caller_name", 'Luis, "el del 3"')
    calls.hang_up(dropped, by="customer")  # the customer left before being served
    return calls, whole, dropped


def _read(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == HEADER
    return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]


def test_export_writes_one_row_per_call_since_the_bogota_date(
    filled: tuple[CallService, int, int],
) -> None:
    calls, whole, dropped = filled
    out = io.StringIO(newline="")
    assert calls.export_csv(FIXED_NOW.date(), out) == 2
    rows = _read(out.getvalue())
    assert [row["llamada"] for row in rows] == [str(whole), str(dropped)]
    assert len(_read(_export(calls, FIXED_NOW.date() - timedelta(days=1)))) == 3
    assert _read(_export(calls, date(2026, 3, 11))) == []


def _export(calls: CallService, since: date) -> str:
    out = io.StringIO(newline="")
    calls.export_csv(since, out)
    return out.getvalue()


def test_a_whole_call_round_trips(filled: tuple[CallService, int, int]) -> None:
    calls, whole, _ = filled
    row = _read(_export(calls, FIXED_NOW.date()))[0]
    assert row["asesor"] == "ASESOR01" and row["cuenta"] == str(CUENTA)
    assert (row["ani"], row["cola"]) == ("3001234567", "HOGAR")
    assert row["nombre_llamante"] == NAME
    assert (row["documento_llamante"], row["relacion_llamante"], row["numero_contacto"]) == (
        "52123456",
        "hijo(a)",
        "3001234567",
    )
    assert row["inicio"] == "2026-03-10T09:30:00-05:00"
    assert row["contestada"] == "2026-03-10T09:30:05-05:00"
    assert row["fin"] == "2026-03-10T09:31:55-05:00"
    assert (row["espera_s"], row["acw_s"], row["conversacion_s"]) == ("20", "45", "90")
    steps = row["pasos"].split("|")
    assert all(re.fullmatch(r"[1-8]@\d\d:\d\d:\d\d", step) for step in steps)
    assert [step.split("@")[0] for step in steps] == ["1", "2", "3", "7", "2", "4", "7", "8"]
    assert steps[0] == "1@09:30:00" and steps[1] == "2@09:31:05"
    assert row["solicitudes"] == 'sac: Cobro, doble | "factura" | soporte: Internet lento'
    assert re.fullmatch(
        r"SAC-FAC-009/CUN 4410-26-\d{10} \| SOP-INT-004/FCR/INC000000042", row["tipificaciones"]
    )
    assert (row["encuesta"], row["puntaje_encuesta"], row["estado"]) == ("acepta", "5", "ended")
    assert row["terminada_por"] == "agent"
    assert calls.get(whole).caller_name == NAME


def test_a_dropped_call_is_exported_with_what_was_captured(
    filled: tuple[CallService, int, int],
) -> None:
    calls, _, _ = filled
    row = _read(_export(calls, FIXED_NOW.date()))[1]
    assert row["nombre_llamante"] == 'Luis, "el del 3"'
    assert (row["estado"], row["cola"], row["cuenta"], row["tipificaciones"]) == (
        "abandoned",
        "SOPORTE",
        "",
        "",
    )
    assert row["pasos"] == "1@09:42:40"


def _cli() -> typer.Typer:
    parent = typer.Typer()
    parent.add_typer(calls_cli.app, name="calls")  # as cli.main registers it
    return parent


def test_cli_exports_to_a_file(
    filled: tuple[CallService, int, int], store_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "llamadas.csv"
    result = CliRunner().invoke(
        _cli(),
        ["calls", "export", "--since", "2026-03-10", "--format", "csv", "--output", str(target)],
        obj=Settings(db_url=store_url),
    )
    assert result.exit_code == 0, result.output
    assert "2 llamadas exportadas" in result.stdout
    rows = _read(target.read_text(encoding="utf-8"))
    assert rows[0]["nombre_llamante"] == NAME


def test_cli_exports_to_stdout(filled: tuple[CallService, int, int], store_url: str) -> None:
    result = CliRunner().invoke(
        _cli(), ["calls", "export", "--since", "2026-03-09"], obj=Settings(db_url=store_url)
    )
    assert result.exit_code == 0, result.output
    assert len(_read(result.stdout)) == 3
    assert "3 llamadas exportadas." in result.stderr


def test_cli_refuses_other_formats(store_url: str) -> None:
    result = CliRunner().invoke(
        _cli(),
        ["calls", "export", "--since", "2026-03-10", "--format", "xlsx"],
        obj=Settings(db_url=store_url),
    )
    assert result.exit_code == 2
    assert "swat: error: Formato 'xlsx' no soportado: use --format csv." in result.stderr
    assert "Traceback" not in result.output


def test_cli_refuses_a_bad_date_and_an_unwritable_file(store_url: str, tmp_path: Path) -> None:
    bad_date = CliRunner().invoke(
        _cli(), ["calls", "export", "--since", "10/03/2026"], obj=Settings(db_url=store_url)
    )
    assert bad_date.exit_code == 2
    unwritable = CliRunner().invoke(
        _cli(),
        [
            "calls",
            "export",
            "--since",
            "2026-03-10",
            "--output",
            str(tmp_path / "no" / "such" / "dir" / "x.csv"),
        ],
        obj=Settings(db_url=store_url),
    )
    assert unwritable.exit_code == 2
    assert "No se puede escribir" in unwritable.stderr


def test_a_call_the_agent_hung_up_is_not_abandoned(store_engine: Engine) -> None:
    """Who ended the call is exported; abandoned keeps its meaning."""
    clock = MovingClock(FIXED_NOW)
    agent_id = seed(store_engine, FIXED_NOW)
    calls = CallService(store_engine, clock)
    cut = calls.answer(calls.offer(agent_id, "3120000000", "HOGAR").id).id
    calls.hang_up(cut)  # the agent hangs up right after answering
    left = calls.answer(calls.offer(agent_id, "3130000000", "HOGAR").id).id
    calls.hang_up(left, by="customer")
    rows = {row["llamada"]: row for row in _read(_export(calls, FIXED_NOW.date()))}
    assert (rows[str(cut)]["estado"], rows[str(cut)]["terminada_por"]) == ("hung_up", "agent")
    assert (rows[str(left)]["estado"], rows[str(left)]["terminada_por"]) == (
        "abandoned",
        "customer",
    )


def test_a_call_closed_on_rec001_is_exported_as_abandoned_by_the_system(
    store_engine: Engine,
) -> None:
    """REC001's "4=Cerrar como abandonada" is exported as it was named: no
    ACW (nobody worked on it after the crash), talk time up to the store's last word."""
    clock = MovingClock(FIXED_NOW)
    agent_id = seed(store_engine, FIXED_NOW)
    calls = CallService(store_engine, clock)
    left = calls.answer(calls.offer(agent_id, "3140000000", "HOGAR").id).id
    clock.advance(50)
    calls.set_field(left, "caller_name", "Rosa Peña")
    clock.advance(7200)  # the session was killed; the next sign-on closes the call
    calls.close_abandoned(left)
    (row,) = _read(_export(calls, FIXED_NOW.date()))
    assert (row["estado"], row["terminada_por"]) == ("abandoned", "system")
    assert (row["acw_s"], row["conversacion_s"]) == ("0", "50")
    assert row["fin"] == "2026-03-10T09:30:50-05:00"


def test_the_acw_ended_by_signing_off_is_exported(store_engine: Engine) -> None:
    """Hang up, 25 s of ACW, sign off: acw_s is 25, not 0."""
    clock = MovingClock(FIXED_NOW)
    agent_id = seed(store_engine, FIXED_NOW)
    services = Services.create(store_engine, clock)
    desk = Desk(services, SignedOnAgent(agent_id, "ASESOR01", "Laura Gómez", "asesor"), Unused())
    desk.go_available()
    desk.ring("3150000000", "HOGAR_SAC")
    desk.answer()
    clock.advance(12)
    desk.hang_up()
    clock.advance(25)
    desk.sign_off()
    (row,) = _read(_export(services.calls, FIXED_NOW.date()))
    assert (row["estado"], row["terminada_por"]) == ("hung_up", "agent")
    assert (row["conversacion_s"], row["acw_s"]) == ("12", "25")


class Unused:
    """A call source that is never asked: the test rings its own number."""

    def next_call(self, now: datetime) -> IncomingCall:
        raise AssertionError("no call is drawn from the source")

    def ring_delay(self) -> float | None:
        return None


def test_cli_exports_the_abandoned_outcome_and_the_acw(
    store_engine: Engine, store_url: str
) -> None:
    """``swat calls export`` as the client reads it — a call closed on
    REC001 and a call whose ACW ended by signing off."""
    clock = MovingClock(FIXED_NOW)
    agent_id = seed(store_engine, FIXED_NOW)
    services = Services.create(store_engine, clock)
    agent = SignedOnAgent(agent_id, "ASESOR01", "Laura Gómez", "asesor")
    killed = Desk(services, agent, Unused())
    killed.go_available()
    left = killed.ring("3160000000", "HOGAR_SAC").id
    killed.answer()
    clock.advance(3600)  # the session was killed mid-call; the agent signs on again
    desk = Desk(services, agent, Unused())
    (interrupted,) = desk.interrupted()
    desk.close_interrupted(interrupted)
    desk.go_available()
    worked = desk.ring("3170000000", "HOGAR_SAC").id
    desk.answer()
    desk.hang_up()
    clock.advance(40)
    desk.sign_off()
    result = CliRunner().invoke(
        _cli(), ["calls", "export", "--since", "2026-03-10"], obj=Settings(db_url=store_url)
    )
    assert result.exit_code == 0, result.output
    rows = {row["llamada"]: row for row in _read(result.stdout)}
    assert [rows[str(left)][k] for k in ("estado", "terminada_por", "acw_s")] == [
        "abandoned",
        "system",
        "0",
    ]
    assert [rows[str(worked)][k] for k in ("estado", "terminada_por", "acw_s")] == [
        "hung_up",
        "agent",
        "40",
    ]
