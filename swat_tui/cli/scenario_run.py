"""``swat scenarios run --model``: a scenario's model answer on a throwaway store.

The store is a small demo built with the demo's seed in a temporary folder (the
showcase accounts are there), so nothing real or of the training store is
touched, and the same scenario always plays the same call.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from swat_tui.config import Settings
from swat_tui.domain.training.scenario import Scenario
from swat_tui.domain.training.scorecard import Scorecard

THROWAWAY_ACCOUNTS = 200  # enough for every showcase account and a few others


def play_model(scenario: Scenario) -> tuple[Scorecard, list[str]]:
    """Play ``scenario``'s model answer and score it: the card and its lines."""
    from swat_tui.domain.bootstrap import open_services
    from swat_tui.domain.procedure import load_procedure
    from swat_tui.domain.training.model_run import play
    from swat_tui.domain.training.scorecard import call_facts, score
    from swat_tui.domain.training.scorecard_text import scorecard_lines
    from swat_tui.domain.training.training_store import materialise

    with tempfile.TemporaryDirectory(prefix="swat-escenario-") as folder:
        settings = Settings(
            db_url=f"sqlite:///{Path(folder) / 'formacion.db'}",
            seed_demo_accounts=THROWAWAY_ACCOUNTS,
            frozen=True,
        )
        services = open_services(settings)
        try:
            cuenta = materialise(services, scenario)
            run = play(services, scenario, cuenta=cuenta)
            card = score(call_facts(services.engine, run.call_id), scenario, load_procedure())
        finally:
            services.close()
    lines = scorecard_lines(card, scenario.title)
    for refused in run.refused:
        lines.append(f"Paso {refused.index + 1} ({refused.do}) rechazado: {refused.message}")
    return card, lines
