"""TRN002: the trainer assigns a scenario, or its whole series, to trainees.

The trainees are asesores' usernames, one or several separated by commas (the
assignable ones are listed). A series is every scenario with the chosen one's
``series``, in id order, and rings in that order. A refusal (a username that
is no asesor of the training store) stays on row 24 with what was typed kept;
nothing is assigned to anyone then. Each trainee's softphone rings with the
next scenario on its own (``TrainingHost.poll``).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import MESSAGE_WIDTH
from swat_tui.ui.format import clip
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.screens.training.ready import open_training

if TYPE_CHECKING:
    from swat_tui.domain.training.catalog import Catalog
    from swat_tui.domain.training.scenario import Scenario

LINE = 78
LIST_ROWS = 4
YES, NO = "S", "N"
MODES = {"practica": "práctica", "certificacion": "certificación"}


class AssignScreen(RRScreen, panel="TRN002"):
    """Scenario (or series) and trainees; Intro assigns."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def fill(self) -> None:
        scenario = self.scenario
        minutes, seconds = divmod(scenario.target_seconds, 60)
        about = (
            f"Nivel {scenario.level} · {MODES.get(scenario.mode, scenario.mode)} · "
            f"tiempo objetivo {minutes}:{seconds:02d}"
        )
        self.set_fields(
            {
                "scenario": clip(f"{scenario.id}  {scenario.title}", 66),
                "about": clip(about, 66),
                "series_q": "Serie completa (S/N):" if scenario.series else "",
                "series": "",
            }
        )
        whole = self.field("w")
        whole.display = bool(scenario.series)
        whole.value = NO if scenario.series else ""
        self._show_trainees()

    def _show_trainees(self) -> None:
        """The usernames the trainer may type (none while the training store opens)."""
        from swat_tui.domain.training import assignments

        ready = open_training(self)
        if ready is None:
            self.set_fields({f"list{i}": "" for i in range(1, LIST_ROWS + 1)})
            return
        training, services = ready
        if self.scenario.series:
            series = self._series(training.catalog)
            listed = ", ".join(s.id for s in series)
            self.set_fields(
                {"series": clip(f"{self.scenario.series}: {listed} ({len(series)})", 47)}
            )
        names = assignments.trainees(services.engine)
        text = ", ".join(names) if names else messages.text("ui.trainer.no_trainees")
        wrapped = textwrap.wrap(text, LINE) or [""]
        if len(wrapped) > LIST_ROWS:
            wrapped = [*wrapped[: LIST_ROWS - 1], clip(" ".join(wrapped[LIST_ROWS - 1 :]), LINE)]
        self.set_fields(
            {f"list{i + 1}": (wrapped[i] if i < len(wrapped) else "") for i in range(LIST_ROWS)}
        )

    def _series(self, catalog: Catalog) -> tuple[Scenario, ...]:
        """Every scenario of the chosen one's series, in id order."""
        found = catalog.filter(series=self.scenario.series)
        return tuple(sorted(found, key=lambda s: s.id)) or (self.scenario,)

    async def action_rr_enter(self) -> None:
        from swat_tui.domain.training import assignments

        self.clear_errors()
        ready = open_training(self)
        if ready is None:
            return
        training, services = ready
        self._show_trainees()  # the list, if the store opened since the panel was shown
        whole = self.field("w").value.strip().upper() or NO
        if self.scenario.series and whole not in (YES, NO):
            self.message(messages.text("ui.trainer.series_answer"), error=True, field="w")
            self.field("w").mark_error(True)
            self.focus_field("w")
            return
        series = self._series(training.catalog) if self.scenario.series and whole == YES else ()
        scenario_ids = [s.id for s in series] or [self.scenario.id]
        trainees = [n.strip() for n in self.field("trainees").value.split(",") if n.strip()]
        agent = self.rr_app.agent
        by = agent.username if agent is not None else ""
        lines = self.attempt(
            lambda: assignments.assign(
                services.engine,
                scenario_ids=scenario_ids,
                trainees=trainees,
                by=by,
                now=services.clock(),
                series=self.scenario.series if series else "",
            ),
            field="trainees",
        )
        if lines is None:
            return
        self.field("trainees").value = ""  # a second Intro does not assign it twice
        given = list(dict.fromkeys(line.trainee for line in lines))
        self.message(self._assigned(len(scenario_ids), given, whole=bool(series)))

    def _assigned(self, count: int, trainees: list[str], *, whole: bool) -> str:
        """Row 24: what was assigned to whom (how many, when the names do not fit)."""
        names = ", ".join(trainees)
        many = messages.text("ui.trainer.trainee_count", count=len(trainees))
        for who in (names, many):
            if whole:
                text = messages.text(
                    "ui.trainer.assigned_series",
                    series=self.scenario.series,
                    count=count,
                    trainees=who,
                )
            else:
                text = messages.text(
                    "ui.trainer.assigned_one", scenario=self.scenario.id, trainees=who
                )
            if len(text) <= MESSAGE_WIDTH:
                break
        return text
