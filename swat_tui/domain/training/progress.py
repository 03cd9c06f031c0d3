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


def summaries(engine: Engine) -> tuple[TraineeSummary, ...]:
    """Every trainee of the training store (the asesores), by username."""
    names = assignments.trainees(engine)
    results = assignments.history(engine)
    pending = assignments.assignments(engine, pending_only=True)
    with read_session(engine) as session:
        display = {
            agent.username: agent.display_name for agent in agent_queries.list_agents(session)
        }
    return tuple(
        summary(
            name,
            display.get(name, ""),
            [line for line in results if line.trainee == name],
            sum(1 for line in pending if line.trainee == name),
        )
        for name in names
    )


def summary(
    username: str, name: str, results: Sequence[ResultLine], pending: int
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
