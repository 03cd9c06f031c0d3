"""A scorecard kept as it was shown: to JSON for the training store, and back.

The trainee's history shows each call's card exactly as scored then, even after
the rules or the scenario changed; so the whole card is kept, not recomputed.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

from swat_tui.domain.training.scenario import Scenario
from swat_tui.domain.training.scorecard import Adherence, Deduction, Moment, Scorecard
from swat_tui.store.models import TrainingResult


def to_json(card: Scorecard) -> str:
    return json.dumps(asdict(card), ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> Scorecard:
    raw = json.loads(text)
    deductions = tuple(
        Deduction(**{**item, "moment": Moment(**item["moment"])}) for item in raw["deductions"]
    )
    return Scorecard(
        **{
            **raw,
            "adherence": Adherence(**raw["adherence"]),
            "deductions": deductions,
        }
    )


def result_row(
    card: Scorecard,
    scenario: Scenario,
    trainee_id: int,
    assignment_id: int | None,
    now: datetime,
) -> TrainingResult:
    """The training store's row for ``card``."""
    return TrainingResult(
        call_id=card.call_id,
        assignment_id=assignment_id,
        trainee_id=trainee_id,
        scenario_id=scenario.id,
        mode=scenario.mode.value,
        score=round(card.score),
        passed=card.passed,
        abandoned=card.abandoned,
        critical=len(card.critical),
        handle_seconds=card.handle_seconds,
        scorecard_json=to_json(card),
        scored_at=now,
    )
