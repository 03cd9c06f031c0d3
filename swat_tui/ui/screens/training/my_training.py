"""TRN020: the trainee's own training (role asesor, menu option 8).

On top, the scenarios a trainer assigned that have not rung yet, in the order
they will ring (which, from whom, when); below, every scored training call, the newest first: date,
scenario, score, passed or not, certification or practice. Option 5 opens the
call's scorecard (TRN030) as it was scored, with the scenario's model answer
when the scenario is still in the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip, day, hour
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.screens.training.ready import open_training

if TYPE_CHECKING:
    from swat_tui.domain.training.assignments import AssignmentLine, ResultLine
    from swat_tui.domain.training.catalog import Catalog

VIEW = "5"
PENDING_ROWS = 3
LINE = 78
KINDS = {"practica": "práctica", "certificacion": "certif."}
ABANDONED = "Colgó"  # the trainee hung up mid-call: scored with what happened


class MyTrainingScreen(PagedScreen, panel="TRN020"):
    """Read-only but for option 5: the trainee's assignments and results."""

    def __init__(self) -> None:
        super().__init__()
        self.results: tuple[ResultLine, ...] = ()

    def reset_state(self) -> None:
        super().reset_state()
        self.results = ()

    def fill(self) -> None:
        self._load()

    def returned(self) -> None:
        """Back from a scorecard: a call scored meanwhile shows too."""
        self._load()

    def _load(self) -> bool:
        """Read the trainee's rows; False (nothing shown) while the store is not open."""
        from swat_tui.domain.training import assignments

        ready = open_training(self)
        agent = self.rr_app.agent
        if ready is None or agent is None:
            self._show((), (), None)
            return False
        training, services = ready
        trainee = assignments.trainee_id(services.engine, agent.username)
        if trainee is None:  # not copied to the training store yet: nothing of theirs
            self._show((), (), training.catalog)
            return True
        pending = _ring_order(
            assignments.assignments(services.engine, trainee_id=trainee, pending_only=True)
        )
        results = assignments.history(services.engine, trainee_id=trainee)
        self._show(pending, tuple(reversed(results)), training.catalog)
        return True

    def _show(
        self,
        pending: tuple[AssignmentLine, ...],
        results: tuple[ResultLine, ...],
        catalog: Catalog | None,
    ) -> None:
        self.results = results
        if catalog is None:
            self.set_fields({"pending": "", "detail": ""})
            self.set_fields({f"pend{i}": "" for i in range(1, PENDING_ROWS + 1)})
            self.show_records([])
            return
        lines = [_pending_line(line, catalog) for line in pending]
        if len(lines) > PENDING_ROWS:
            more = len(lines) - PENDING_ROWS + 1
            lines = [*lines[: PENDING_ROWS - 1], f"   ... y {more} más"]
        self.set_fields(
            {
                "pending": str(len(pending))
                if pending
                else messages.text("ui.trainer.my_pending_none"),
                "detail": "" if results else messages.text("ui.trainer.my_results_none"),
                **{
                    f"pend{i + 1}": (lines[i] if i < len(lines) else "")
                    for i in range(PENDING_ROWS)
                },
            }
        )
        self.show_records([_record(line, catalog) for line in results])

    def action_rr_refresh(self) -> None:
        """F5: read again (and ask again for the training store)."""
        self.clear_errors()
        if self._load():
            self.message(messages.text("ui.trainer.my_refreshed"))

    async def action_rr_enter(self) -> None:
        from swat_tui.domain.training.scorecard_json import from_json

        self.clear_errors()
        typed = self.typed_option() if self.results else None
        if typed is None:
            self._load()
            return
        if typed.option != VIEW:
            self.message(
                messages.text("ui.trainer.my_option", option=typed.option[:3]),
                error=True,
                field=typed.field,
            )
            self.field(typed.field).mark_error(True)
            self.focus_field(typed.field)
            return
        ready = open_training(self)
        if ready is None:
            return
        line = self.results[typed.record]
        self.field(typed.field).value = ""
        card = from_json(line.scorecard_json)
        await self.open_panel("TRN030", card, ready[0].catalog.find(line.scenario_id))


def _ring_order(lines: tuple[AssignmentLine, ...]) -> tuple[AssignmentLine, ...]:
    """The one ringing or on the line first, then as they will ring (the oldest
    assignment first, a series in its order)."""
    return tuple(sorted(lines, key=lambda a: (a.call_id is None, a.assigned_at, a.position, a.id)))


def _pending_line(line: AssignmentLine, catalog: Catalog) -> str:
    """``CERT-01-1  Certificación 1/5...  de FORMA01, 28/11/26 09:30``."""
    scenario = catalog.find(line.scenario_id)
    title = scenario.title if scenario is not None else ""
    status = " (en curso)" if line.call_id is not None else ""  # it rang
    tail = f"  de {line.assigned_by}, {day(line.assigned_at)} {hour(line.assigned_at)}{status}"
    head = f"{line.scenario_id:<10} "
    return (
        head
        + clip(title, max(0, LINE - len(head) - len(tail))).ljust(LINE - len(head) - len(tail))
        + tail
    )


def _record(line: ResultLine, catalog: Catalog) -> dict[str, str]:
    scenario = catalog.find(line.scenario_id)
    passed = "Sí" if line.passed else "No"
    return {
        "day": day(line.scored_at),
        "hr": hour(line.scored_at),
        "scn": line.scenario_id,
        "pts": str(line.score),
        "ok": ABANDONED if line.abandoned else passed,
        "kind": KINDS.get(line.mode, line.mode),
        "title": clip(scenario.title if scenario is not None else "(ya no existe)", 24),
    }
