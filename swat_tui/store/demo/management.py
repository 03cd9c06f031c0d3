"""The demo's management model: about four weeks of practices held, with gaps, and ideas.

SUPERV01 and COORD01 each held most of their practices since the Monday four
weeks before this week's, up to ``today``, but not all, so SUP030 shows
adherence under the goal on some (the supervisor's process confirmations, the
coordinator's three weekly function confirmations) and at it on others. No
draws: which days are missed follows fixed patterns of the working-day index,
so the same ``today`` gives the same rows. Only days before ``today`` are
written (nothing in the future, whatever hour the demo is built). A store
without the leaders' profiles (the training store) gets none.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlmodel import SQLModel

from swat_tui.calendar_co import is_business_day
from swat_tui.config import BOGOTA

DAYS_BACK = 28
SUPERVISOR, COORDINATOR = "SUPERV01", "COORD01"
TEAM = ("ASESOR01", "ASESOR02")
# (title, description, raised by, status, moved by)
IDEAS = (
    ("Guion de bienvenida más corto", "Saludo en dos frases: 15 s menos por llamada.", "ASESOR01",
     "propuesta", None),
    ("Atajo F9 al último caso DIME", "Abrir el último caso sin buscarlo en la lista.", "ASESOR02",
     "propuesta", None),
    ("Tablero de turnos en el piso", "Ver quién está en AUX y por qué, en la pared.", "SUPERV01",
     "aprobada", "COORD01"),
    ("Plantilla de notas SWAT", "Notas de carpeta con los mismos campos siempre.", "ASESOR01",
     "en_ejecucion", "SUPERV01"),
    ("Llamar de vuelta a todo abandono", "Devolver cada llamada abandonada en 5 min.", "ASESOR02",
     "descartada", "COORD01"),
)  # fmt: skip


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BOGOTA)


def first_day(today: date) -> date:
    """The Monday four weeks before this week's: whole weeks, so a weekly practice of
    the first week is not missing for a window that starts on its Wednesday."""
    return today - timedelta(days=today.weekday() + DAYS_BACK)


def _working_days(today: date) -> list[date]:
    start = first_day(today)
    days = (start + timedelta(days=n) for n in range((today - start).days))
    return [day for day in days if is_business_day(day)]


def _mondays(today: date) -> list[date]:
    """The first working day of each week in the window (a holiday Monday moves it)."""
    firsts: dict[date, date] = {}
    for day in _working_days(today):
        firsts.setdefault(day - timedelta(days=day.weekday()), day)
    return list(firsts.values())


def _supervisor(today: date) -> Iterator[tuple[str, datetime, int, tuple[str, ...], str]]:
    """(practice, held, minutes, participants, notes) of SUPERV01."""
    for index, day in enumerate(_working_days(today)):
        if index % 7 != 3:  # a dialogue missed now and then
            yield "dialogo_diario", _at(day, 7, 45), 15, TEAM, "Metas del día y novedades."
        if index % 3 != 2:  # process confirmations: one day in three missed
            yield "confirmacion_proceso", _at(day, 10, 30), 30, TEAM[index % 2 :][:1], ""
    for week, first in enumerate(_mondays(today)):
        yield "agenda_lider", _at(first, 8, 15), 30, (), "Agenda de la semana."
        if week != 1:
            yield "adherencia_practicas", _at(first + timedelta(days=4), 16), 5, (), ""
        if week % 2 == 0:
            yield "reunion_mejora", _at(first + timedelta(days=2), 15), 60, TEAM, "Ideas nuevas."


def _coordinator(today: date) -> Iterator[tuple[str, datetime, int, tuple[str, ...], str]]:
    """(practice, held, minutes, participants, notes) of COORD01."""
    for week, first in enumerate(_mondays(today)):
        if week != 2:
            yield "dialogo_semanal", _at(first, 9), 30, (SUPERVISOR,), "Resultados de la semana."
        for extra in range(2 if week % 2 else 3):  # three a week are due
            yield (
                "confirmacion_funciones",
                _at(first + timedelta(days=extra), 11),
                30,
                (SUPERVISOR,),
                "Diálogo diario del supervisor.",
            )
        yield "agenda_lider", _at(first, 8), 30, (), ""
        if week != 3:
            yield "adherencia_practicas", _at(first + timedelta(days=4), 17), 5, (), ""
        if week % 2 == 1:
            yield "reunion_mejora", _at(first + timedelta(days=2), 15), 60, (SUPERVISOR,), ""
        if week == 1:
            yield "circulo_mejora", _at(first + timedelta(days=3), 14), 60, (SUPERVISOR,), ""


def write_management_demo(connection: Connection, today: date) -> int:
    """Write the leaders' practice records and the demo ideas; how many rows."""
    agent = SQLModel.metadata.tables["agent"]
    ids = {name: ident for name, ident in connection.execute(select(agent.c.username, agent.c.id))}
    if SUPERVISOR not in ids or COORDINATOR not in ids:
        return 0
    records = SQLModel.metadata.tables["practice_record"]
    people = SQLModel.metadata.tables["practice_participant"]
    ideas = SQLModel.metadata.tables["improvement_idea"]
    written = 0
    for leader, rows in ((SUPERVISOR, _supervisor(today)), (COORDINATOR, _coordinator(today))):
        for practice, held, minutes, participants, notes in rows:
            if held.date() >= today:
                continue
            record = {
                "practice": practice,
                "leader_id": ids[leader],
                "held_on": held,
                "duration_minutes": minutes,
                "notes": notes,
                "recorded_at": held + timedelta(minutes=minutes + 5),
                "confirmation_id": None,
            }
            record_id = connection.execute(insert(records).returning(records.c.id), record)
            new_id = record_id.scalar_one()
            for name in participants:
                if name in ids:
                    connection.execute(
                        insert(people), {"practice_record_id": new_id, "agent_id": ids[name]}
                    )
                    written += 1
            written += 1
    start = first_day(today)
    for number, (title, description, raised_by, status, moved_by) in enumerate(IDEAS):
        raised = _at(start + timedelta(days=3 * number), 12)
        row: dict[str, Any] = {
            "title": title,
            "description": description,
            "raised_by": ids.get(raised_by, ids[SUPERVISOR]),
            "raised_at": raised,
            "status": status,
            "status_by": ids.get(moved_by) if moved_by else None,
            "status_at": raised + timedelta(days=4) if moved_by else None,
            "version": 2 if moved_by else 1,
        }
        connection.execute(insert(ideas), row)
        written += 1
    return written
