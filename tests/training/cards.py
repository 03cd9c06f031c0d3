"""A scorecard made by hand, for panels that show one (snapshots, legend routes): its
messages are the rules' own (data/scorecard.toml) and its score is 100 minus its points;
the closing note holds markup characters, shown literally."""

from __future__ import annotations

from swat_tui.domain.training.scorecard import Adherence, Deduction, Moment, Scorecard

FLAWED = Scorecard(
    call_id=1,
    scenario_id="PQR-CON-01",
    score=73.0,
    passed=False,
    pass_mark=85.0,
    abandoned=False,
    adherence=Adherence(applicable=13, done=12, in_order=11),
    handle_seconds=342,
    target_seconds=300,
    deductions=(
        Deduction(
            rule="out_of_order",
            category="adherence",
            points=2,
            critical=False,
            message="«PQR pendiente revisada» se registró después de «Estado de la cuenta "
            "revisado»; el procedimiento pide primero «PQR pendiente revisada».",
            moment=Moment(74, "LLM002"),
        ),
        Deduction(
            rule="short_notes",
            category="deviation",
            points=3,
            critical=False,
            message="Solicitud 1: las notas de la tipificación tienen 2 caracteres; se "
            "esperan al menos 15.",
            moment=Moment(201, "TIP001"),
            request=1,
        ),
        Deduction(
            rule="closing_skipped",
            category="compliance",
            points=20,
            critical=True,
            message="Se omitió el protocolo de cierre: Guion de cierre [sin leer].",
            moment=Moment(330, "LLM008"),
        ),
        Deduction(
            rule="handle_time",
            category="time",
            points=2,
            critical=False,
            message="la llamada tomó 342 s para un objetivo de 300 s (14 % por encima).",
            moment=Moment(342, "LLM008"),
        ),
    ),
)
