"""TRN030: a training call's scorecard, as the trainee sees it after the call.

Score and verdict, adherence, handle time and critical errors on top; then every
deduction, each at the moment of the call it happened (mm:ss since answered)
and on its panel, its rule's message wrapped over as many rows as it needs;
AvPág/RePág turn pages. F10 shows the scenario's model answer step by step.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.training.scenario import Scenario
    from swat_tui.domain.training.scorecard import Deduction, Scorecard
    from swat_tui.domain.training.scoring_rules import ScoringRules

LINE = 78
TEXT_WIDTH = 54  # the deduction's text column (its field is 56 wide with a margin)


class ScorecardScreen(PagedScreen, panel="TRN030"):
    """Read-only: the card as scored (kept whole in the training store)."""

    def __init__(self, card: Scorecard, scenario: Scenario | None) -> None:
        super().__init__()
        self.card = card
        self.scenario = scenario

    def fill(self) -> None:
        from swat_tui.domain.training.scorecard_text import headline
        from swat_tui.domain.training.scoring_rules import load_scoring_rules

        card = self.card
        title = self.scenario.title if self.scenario is not None else ""
        score, adherence, timing, critical, *rest = headline(card)
        self.set_fields(
            {
                "scenario": clip(f"Escenario {card.scenario_id}: {title}", LINE),
                "verdict": clip(score, LINE),
                "adherence": clip(adherence, LINE),
                "timing": clip(timing, LINE),
                "critical": clip(" ".join([critical, *rest]), LINE),
                "detail": self._detail(),
            }
        )
        rules = load_scoring_rules()
        self.show_records([row for d in card.deductions for row in _rows(d, rules)])

    def _detail(self) -> str:
        if not self.card.deductions:
            return messages.text("ui.scorecard.no_deductions")
        return messages.text("ui.scorecard.demo_hint") if self._has_model() else ""

    def _has_model(self) -> bool:
        return self.scenario is not None and bool(self.scenario.model)

    async def action_rr_demo(self) -> None:
        """F10: the model answer, step by step (TRN040)."""
        if not self._has_model() or self.scenario is None:
            self.message(messages.text("ui.scorecard.no_model"), error=True)
            return
        await self.open_panel("TRN040", self.scenario)

    async def action_rr_exit(self) -> None:
        self._done()
        await super().action_rr_exit()

    async def action_rr_cancel(self) -> None:
        self._done()
        await super().action_rr_cancel()

    def _done(self) -> None:
        """The trainee has read the card: the next assigned scenario may ring."""
        training = self.rr_app.training
        if training is not None:
            training.card_showing = False


def _rows(deduction: Deduction, rules: ScoringRules) -> list[dict[str, str]]:
    """A deduction over as many subfile rows as its message needs."""
    from swat_tui.domain.training.scorecard_text import clock, points

    category = rules.categories.get(deduction.category, deduction.category)
    text = f"{category}: {deduction.message}"
    lines = textwrap.wrap(text, TEXT_WIDTH) or [""]
    first = {
        "at": clock(deduction.moment.seconds),
        "pnl": deduction.moment.panel,
        "pts": f"-{points(deduction.points)}",
        "text": lines[0],
    }
    return [first, *({"at": "", "pnl": "", "pts": "", "text": line} for line in lines[1:])]
