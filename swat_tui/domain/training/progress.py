"""Each trainee's progress, read from their scored training calls.

The trainer's list (TRN010) sums a trainee up: assignments still to take, calls
scored, the last score, the average of the last few, and whether a
certification was passed. The same rows export as CSV (``swat training
export``) for the trainer's own spreadsheets.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from sqlalchemy import Engine

from swat_tui.config import BOGOTA
from swat_tui.domain.training import assignments
from swat_tui.domain.training.assignments import ResultLine
from swat_tui.domain.training.scenario import Mode
from swat_tui.store.engine import read_session
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries.training_live import live_call_of

RECENT = 5  # the average of the last calls shown on TRN010
CSV_COLUMNS = (
    "asesor",
    "escenario",
    "modo",
    "puntaje",
    "aprobada",
    "abandonada",
    "criticos",
    "segundos",
    "calificada",
)


@dataclass(frozen=True)
class TraineeSummary:
    """One trainee on the trainer's list."""

    username: str
    name: str
    pending: int  # assignments not taken yet (pending or ringing)
    scored: int  # training calls scored
    last_score: int | None
    recent_average: int | None  # of the last ``RECENT`` scored calls
    certified: bool | None  # None: no certification call yet
    on_a_call: bool = False  # a training call of theirs rings or is on the line now


def summaries(engine: Engine) -> tuple[TraineeSummary, ...]:
    """Every trainee of the training store (the asesores), by username."""
    names = assignments.trainees(engine)
    results = assignments.history(engine)
    pending = assignments.assignments(engine, pending_only=True)
    display, calling = _profiles(engine, names)
    return tuple(
        summary(
            name,
            display.get(name, ""),
            [line for line in results if line.trainee == name],
            sum(1 for line in pending if line.trainee == name),
            on_a_call=name in calling,
        )
        for name in names
    )


def trainee_history(engine: Engine, username: str) -> tuple[TraineeSummary, tuple[ResultLine, ...]]:
    """One trainee's summary and scored calls, oldest first (none for an unknown one)."""
    wanted = username.strip().upper()
    trainee = assignments.trainee_id(engine, wanted)
    if trainee is None:
        return summary(wanted, "", (), 0), ()
    results = assignments.history(engine, trainee_id=trainee)
    pending = assignments.assignments(engine, trainee_id=trainee, pending_only=True)
    display, calling = _profiles(engine, [wanted])
    found = summary(
        wanted, display.get(wanted, ""), results, len(pending), on_a_call=wanted in calling
    )
    return found, results


def _profiles(engine: Engine, usernames: Sequence[str]) -> tuple[dict[str, str], set[str]]:
    """The display names of ``usernames`` and which of them are on a training call."""
    display: dict[str, str] = {}
    calling: set[str] = set()
    with read_session(engine) as session:
        for username in usernames:
            agent = agent_queries.get_agent(session, username=username)
            if agent is None or agent.id is None:
                continue
            display[username] = agent.display_name
            if live_call_of(session, agent_id=agent.id) is not None:
                calling.add(username)
    return display, calling


def summary(
    username: str,
    name: str,
    results: Sequence[ResultLine],
    pending: int,
    *,
    on_a_call: bool = False,
) -> TraineeSummary:
    """The trainee's summary from their results, oldest first."""
    recent = [line.score for line in results[-RECENT:]]
    certifications = [line for line in results if line.mode == Mode.CERTIFICATION]
    return TraineeSummary(
        username=username,
        name=name,
        pending=pending,
        scored=len(results),
        last_score=results[-1].score if results else None,
        recent_average=round(sum(recent) / len(recent)) if recent else None,
        certified=any(line.passed for line in certifications) if certifications else None,
        on_a_call=on_a_call,
    )


def export_csv(engine: Engine, out: TextIO, *, trainee: str | None = None) -> int:
    """Every scored training call (of ``trainee``), oldest first, as CSV; how many."""
    results = assignments.history(engine)
    if trainee is not None:
        wanted = trainee.strip().upper()
        results = tuple(line for line in results if line.trainee == wanted)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in results:
        writer.writerow(
            (
                line.trainee,
                line.scenario_id,
                line.mode,
                line.score,
                "si" if line.passed else "no",
                "si" if line.abandoned else "no",
                line.critical,
                line.handle_seconds,
                line.scored_at.astimezone(BOGOTA).isoformat(timespec="seconds"),
            )
        )
    return len(results)
