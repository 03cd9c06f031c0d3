"""Recording a practice on the supervisor's desk: one intent, whole or nothing, on both
backends; adherence read back; a role that is not a leader's reaches none of it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.practice_form import PracticeForm
from swat_tui.domain.supervisor.practices import window
from tests.management.leaders import desk_of, practice_rows, services  # noqa: F401

# FIXED_NOW is Tuesday 10 March 2026, 09:30 in Bogotá.


def _form(**changes: str) -> PracticeForm:
    typed = {
        "practice": "dialogo_diario",
        "held_date": "09/03/26",
        "held_time": "08:00",
        "duration": "15",
        "participants": "asesor01, ASESOR02",
        "notes": "Indicadores del día",
    }
    typed.update(changes)
    return PracticeForm(**typed)


def test_a_practice_recorded_counts_for_adherence(services: Services) -> None:  # noqa: F811
    supervisor = desk_of(services, "SUPERV01")
    done = supervisor.practices.record(_form())
    assert done.message == ("Diálogo diario registrada: 09/03 08:00, 15 min, 2 participantes.")
    assert practice_rows(services) == (1, 2)
    by_number = supervisor.practices.record(
        _form(practice="1", held_date="100326", held_time="0900")
    )
    assert by_number.record_id != done.record_id
    report = supervisor.practices.adherence(date(2026, 3, 9), date(2026, 3, 15))
    (cell,) = [c for c in report.cells_of("SUPERV01") if c.practice == "dialogo_diario"]
    assert (cell.tally.done, cell.tally.due, cell.meets) == (2, 2, True)
    (process,) = [c for c in report.cells_of("SUPERV01") if c.practice == "confirmacion_proceso"]
    assert (process.tally.done, process.tally.due, process.meets) == (0, 1, False)
    coordinator = {line.username: line for line in report.leaders}["COORD01"]
    assert coordinator.tally.due == 0  # nothing of a coordinator's is late on a Tuesday
    assert [line.username for line in report.leaders] == ["COORD01", "SUPERV01"]


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"held_date": "11/03/26"}, "La práctica no puede quedar en el futuro (11/03/26 08:00)."),
        ({"held_date": "10/03/26", "held_time": "09:31"}, "no puede quedar en el futuro"),
        ({"participants": "ASESOR01, NADIE99"}, "CPF2204: No existe el usuario NADIE99"),
        ({"practice": "siesta"}, "La práctica siesta no existe"),
        ({"practice": "dialogo_semanal"}, "Diálogo semanal: no es práctica del perfil supervisor"),
        ({"duration": "0"}, "Duración: de 1 a 480 minutos."),
        ({"duration": "9000"}, "Duración: de 1 a 480 minutos."),
        ({"duration": "quince"}, "Duración: de 1 a 480 minutos."),
        ({"held_date": "31/02/26"}, "Fecha inválida: 31/02/26."),
        ({"held_time": "25:00"}, "Hora inválida: 25:00."),
        ({"held_date": "01/01/26"}, "Solo se registran prácticas de los últimos 35 días."),
        ({"notes": "x" * 501}, "Las notas tienen a lo sumo 500 caracteres."),
    ],
)
def test_a_bad_record_is_refused_and_nothing_is_written(
    services: Services,  # noqa: F811
    changes: dict[str, str],
    said: str,
) -> None:
    supervisor = desk_of(services, "SUPERV01")
    with pytest.raises(DomainError) as refused:
        supervisor.practices.record(_form(**changes))
    assert said in refused.value.message
    assert len(refused.value.message) <= 79
    assert practice_rows(services) == (0, 0)


def test_a_coordinator_records_their_own_practices(services: Services) -> None:  # noqa: F811
    coordinator = desk_of(services, "COORD01")
    assert [p.code for p in coordinator.practices.mine()][:2] == [
        "dialogo_semanal",
        "confirmacion_funciones",
    ]
    coordinator.practices.record(_form(practice="dialogo_semanal", participants="SUPERV01"))
    with pytest.raises(DomainError, match="no es práctica del perfil coordinador"):
        coordinator.practices.record(_form())
    assert practice_rows(services) == (1, 1)


@pytest.mark.parametrize("username", ["ASESOR01", "FORMA01"])
def test_another_role_reaches_none_of_it(services: Services, username: str) -> None:  # noqa: F811
    desk = desk_of(services, username)
    for attempt in (
        lambda: desk.practices.record(_form()),
        lambda: desk.practices.adherence(date(2026, 3, 9), date(2026, 3, 15)),
        desk.practices.mine,
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "CPF2217"
    assert practice_rows(services) == (0, 0)


def test_the_period_selector_windows() -> None:
    today = date(2026, 3, 10)
    assert window("semana", today) == (date(2026, 3, 9), date(2026, 3, 15))
    assert window("semana", today, back=1) == (date(2026, 3, 2), date(2026, 3, 8))
    assert window("mes", today, back=1) == (date(2026, 2, 1), date(2026, 2, 28))
    with pytest.raises(DomainError, match="Periodo inválido"):
        window("año", today)


def test_a_process_confirmation_written_elsewhere_counts(services: Services) -> None:  # noqa: F811
    """The confirmation engineer's panels write a ``confirmacion_proceso`` practice
    record in their own transaction: adherence counts it like any other."""
    from swat_tui.config import BOGOTA
    from swat_tui.store.engine import write_session
    from swat_tui.store.models import PracticeRecord

    supervisor = desk_of(services, "SUPERV01")
    with write_session(services.engine) as session:
        session.add(
            PracticeRecord(
                practice="confirmacion_proceso",
                leader_id=supervisor.agent.id,
                held_on=datetime(2026, 3, 9, 10, 5, tzinfo=BOGOTA),
                duration_minutes=12,
                recorded_at=datetime(2026, 3, 9, 10, 20, tzinfo=BOGOTA),
            )
        )
    report = supervisor.practices.adherence(date(2026, 3, 9), date(2026, 3, 9))
    (cell,) = [c for c in report.cells_of("SUPERV01") if c.practice == "confirmacion_proceso"]
    assert (cell.tally.done, cell.tally.due, cell.meets) == (1, 1, True)
