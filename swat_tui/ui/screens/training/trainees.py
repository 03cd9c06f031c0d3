"""TRN010: the trainer's trainees, each summed up from the training store.

One row per asesor: assignments still to take, training calls scored, the last
score, the average of the last five and whether a certification was passed; a
trainee whose training call is going now says so. Option 5 opens the trainee's
history (TRN011), 8 watches that call live (TRN012). F5 reads them again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.screens.training.common import training_engine

if TYPE_CHECKING:
    from swat_tui.domain.training.progress import TraineeSummary

HISTORY, LIVE = "5", "8"
CERTIFIED = {True: "Aprobada", False: "No", None: ""}
ON_A_CALL = "EN CURSO"


class TraineesScreen(PagedScreen, panel="TRN010"):
    """Every trainee with their progress; options 5 and 8, one row at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.trainees: tuple[TraineeSummary, ...] = ()

    def reset_state(self) -> None:
        super().reset_state()
        self.trainees = ()

    def fill(self) -> None:
        self._load()

    def returned(self) -> None:
        """Back from a trainee's history or call: their numbers may have moved."""
        self._load()

    def action_rr_refresh(self) -> None:
        """F5: the trainees as the training store has them now."""
        self.clear_errors()
        if self._load():
            self.message(messages.text("ui.trainer.trainees_refreshed"))

    def _load(self) -> bool:
        from swat_tui.domain.training.progress import summaries
        from swat_tui.domain.training.scoring_rules import load_scoring_rules

        engine = training_engine(self, self._load)
        if engine is None:
            return False
        self.trainees = summaries(engine)
        live = [t for t in self.trainees if t.on_a_call]
        pass_mark = round(load_scoring_rules().pass_mark)
        self.set_fields(
            {
                "summary": clip(_summary(len(self.trainees), len(live), pass_mark), 68),
                "detail": "" if self.trainees else messages.text("ui.trainer.no_trainees"),
            }
        )
        offset = self.page_offset
        self.all_records = [_record(t) for t in self.trainees]
        last_page = max(0, (len(self.all_records) - 1) // self.page_size) * self.page_size
        self.page_offset = min(offset, last_page)
        self._paint_page()
        return True

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is None:
            self.message(messages.text("ui.trainer.trainees_pick"), error=True)
            return
        if typed.option not in (HISTORY, LIVE):
            self.message(
                messages.text("ui.trainer.trainees_option", option=typed.option[:3]),
                error=True,
                field=typed.field,
            )
            self.field(typed.field).mark_error(True)
            self.focus_field(typed.field)
            return
        trainee = self.trainees[typed.record]
        self.field(typed.field).value = ""
        panel = "TRN011" if typed.option == HISTORY else "TRN012"
        await self.open_panel(panel, trainee.username)


def _summary(trainees: int, on_a_call: int, pass_mark: int) -> str:
    counted = "1 asesor" if trainees == 1 else f"{trainees} asesores"
    return f"{counted}, {on_a_call} en llamada ahora; nota de aprobación {pass_mark}"


def _score(value: int | None) -> str:
    return "" if value is None else str(value)


def _record(trainee: TraineeSummary) -> dict[str, str]:
    return {
        "usuario": trainee.username,
        "name": clip(trainee.name, 20),
        "pen": str(trainee.pending),
        "n": str(trainee.scored),
        "last": _score(trainee.last_score),
        "avg": _score(trainee.recent_average),
        "cert": CERTIFIED[trainee.certified],
        "live": ON_A_CALL if trainee.on_a_call else "",
    }
