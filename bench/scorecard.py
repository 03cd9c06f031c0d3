"""The scorecard of a long training call (goal: p95 under 50 ms).

A trainee's scorecard is computed once after every training call, and again
whenever a trainer opens the trainee's history: it must feel instant. The
call is built in memory (no store): a correct PQR consult padded with hold
cycles (the hold script read, hold, resume, panels shown) to ``EVENTS`` events,
with refused intents between them, as a long, fumbling call would leave. The
baseline, timed in the same run, is replaying the same events
(``domain.call.replay``), which the scorecard does once itself.

``uv run python -m bench.scorecard`` prints the figure.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

from bench.common import Figure, median, percentile, ratio, verdict
from swat_tui.config import BOGOTA
from swat_tui.domain.call.replay import replay
from swat_tui.domain.procedure import load_procedure
from swat_tui.domain.training.call_facts import CallFacts, EventFact, RefusalFact, TypificationFact
from swat_tui.domain.training.scenario import (
    AccountSituation,
    Caller,
    ExpectedHandling,
    Mode,
    Scenario,
)
from swat_tui.domain.training.scorecard import score
from swat_tui.domain.training.scoring_rules import load_scoring_rules

GOAL_P95_MS = 50.0
EVENTS = 300
START = datetime(2026, 11, 28, 9, 30, tzinfo=BOGOTA)


def _detail(values: dict[str, object]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def long_call(events: int = EVENTS) -> CallFacts:
    """A correct consult call padded with hold cycles to about ``events`` events."""
    rows: list[EventFact] = []
    refusals: list[RefusalFact] = []
    moment = START

    def add(
        kind: str, check: str, result: str, step: int, request: int = 0, **detail: object
    ) -> None:
        nonlocal moment
        moment += timedelta(seconds=4)
        rows.append(EventFact(kind, check, result, moment, request, _detail(detail), step))

    add("offer", "timbrando", "HOGAR_SAC", 1)
    add("answer", "contestada", "ok", 1)
    add("panel", "LLM001", "full", 1)
    add("check", "saludo", "guion leído", 1)
    for name in ("caller_name", "caller_document", "caller_relation", "callback_number"):
        add("field", f"campo:{name}", "x", 1, field=name)
    add("check", "datos_llamante", "titular", 1)
    flags = ["pqr_pendiente"]
    add(
        "account",
        "cuenta_abierta",
        "10000016 pqr_pendiente",
        1,
        cuenta=10000016,
        flags=flags,
        dropped=False,
    )
    add("step", "paso", "2", 2)
    add("panel", "LLM002", "full", 2)
    add("check", "pqr_revisada", "revisada", 2)
    add("check", "estado_revisado", "revisada", 2)
    description = "Consulta su reclamo"
    add(
        "request",
        "solicitud",
        f"pqr: {description}",
        2,
        1,
        number=1,
        branch="pqr",
        description=description,
    )
    add("step", "paso", "6", 6, 1)
    add("subflow", "campo:subflow_1", "consultar", 6, 1, field="subflow_1")
    add("panel", "PQR010", "full", 6, 1)
    tail = 14
    while len(rows) < events - tail:
        add("note", "guion:hold", "Poner en espera", 6, 1)
        add("hold", "espera", "inicio", 6, 1)
        add("resume", "reanudada", "30 s", 6, 1, seconds=30)
        add("panel", "PQR010", "full", 6, 1)
        refusals.append(RefusalFact(moment, "call.advance", "step_pending", "Paso 6 pendiente"))
    add("check", "pqr_consultada", "informada", 6, 1)
    add("step", "paso", "7", 7, 1)
    add("panel", "TIP001", "full", 7, 1)
    add("typification", "tipificada", "PQR-CON-001", 7, 1)
    add("step", "paso", "8", 8, 1)
    add("panel", "LLM008", "full", 8, 1)
    add("check", "resolucion_informada", "informada", 8, 1)
    add("check", "nada_mas", "sin más solicitudes", 8, 1)
    add("check", "guion_cierre", "leído", 8)
    add("survey", "encuesta", "acepta 5", 8)
    add("close", "terminada", "ok", 8, 1)
    add("acw", "fin_acw", "20 s", 8, 1, seconds=20)
    return CallFacts(
        call_id=1,
        status="ended",
        started_at=START,
        events=tuple(rows),
        answered_at=rows[1].at,
        ended_at=rows[-2].at,
        ended_by="agent",
        cuenta=10000016,
        acw_seconds=20,
        typifications=(
            TypificationFact(1, "PQR-CON-001", True, None, "Se informa el estado de la PQR."),
        ),
        refusals=tuple(refusals),
    )


def scenario() -> Scenario:
    return Scenario(
        id="BENCH-LONG",
        title="Llamada larga",
        level=1,
        objectives=("medir",),
        mode=Mode.PRACTICE,
        account=AccountSituation(showcase="pqr_overdue"),
        caller=Caller("Cliente", "1020304050", "titular", "3015550000", "tranquilo"),
        expected=(
            ExpectedHandling(
                says="Consulta su reclamo",
                branch="pqr",
                subflow="consultar",
                codes=("PQR-CON-001",),
                pqr="consultar",
            ),
        ),
        target_seconds=1800,
    )


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1e3


def run(repeats: int = 200) -> list[Figure]:
    """Score the long call ``repeats`` times (after a warm-up) against its replay."""
    procedure, rules = load_procedure(), load_scoring_rules()
    facts, on = long_call(), scenario()
    score(facts, on, procedure, rules)  # warm-up: data files read, caches filled
    scored: list[float] = []
    replayed: list[float] = []
    for _ in range(repeats):
        started = time.perf_counter()
        score(facts, on, procedure, rules)
        scored.append(_ms(started))
        started = time.perf_counter()
        replay(facts.events, procedure)
        replayed.append(_ms(started))
    p95 = percentile(scored, 0.95)
    baseline = median(replayed)
    return [
        Figure(
            bench="scorecard",
            name=f"scorecard of a {len(facts.events)}-event call, p95",
            value=p95,
            unit="ms",
            goal=f"< {GOAL_P95_MS:.0f} ms",
            baseline=baseline,
            baseline_name="replay of its events (median)",
            ratio=ratio(p95, baseline),
            verdict=verdict(p95 < GOAL_P95_MS),
            note=f"median {median(scored):.2f} ms",
        )
    ]


if __name__ == "__main__":
    for figure in run():
        print(
            f"{figure.name}: {figure.value:.2f} {figure.unit} ({figure.goal}: {figure.verdict}); "
            f"{figure.baseline_name} {figure.baseline:.2f} ms; {figure.note}"
        )
