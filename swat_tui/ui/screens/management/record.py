"""SUP031: record a practice this leader held.

The leader's own practices are listed by number (section 7 names them, with
their frequency and duration); the number typed shows the practice's name.
Date and time default to now, the duration to the practice's approximate one
once a number is typed. Intro records it in one transaction, or row 24 says
why not (in the future, an unknown participant...) and nothing is written; what
was typed stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip, day, hour
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.practice_catalogue import Practice
    from swat_tui.domain.supervisor.practice_form import PracticeForm

LINE = 78
INFO = 54
LIST_LINES = 8
# Which field each refusal is about (the catalogue's rule id's last part).
FIELD_OF = {
    "practice_missing": "n",
    "practice_unknown": "n",
    "not_responsible": "n",
    "date_invalid": "held_date",
    "too_old": "held_date",
    "in_the_future": "held_date",
    "time_invalid": "ht",
    "duration_invalid": "dur",
    "participants_too_many": "participants",
    "participant_unknown": "participants",
    "notes_long": "notes",
}


class RecordPracticeScreen(RRScreen, panel="SUP031"):
    """A practice held: which, when, how long, who took part, notes; Intro records."""

    def fill(self) -> None:
        now = self.rr_app.settings.clock()
        self.field("held_date").value = day(now)
        self.field("ht").value = hour(now)
        mine = self._mine()
        lines = [
            f"{number:>2}. {clip(p.name, 28):<28} {clip(p.frequency, 16):<16} "
            f"aprox. {p.duration_minutes} min"
            for number, p in mine
        ]
        fields = {f"list{n + 1}": "" for n in range(LIST_LINES)}
        fields.update({f"list{n + 1}": clip(text, LINE) for n, text in enumerate(lines)})
        fields.update({"pname": "", "pinfo": "", "detail": ""})
        self.set_fields(fields)
        self.message(messages.text("ui.management.record_pick"))
        self.focus_field("n")

    def _mine(self) -> list[tuple[int, Practice]]:
        """This leader's practices with their number in the whole catalogue."""
        practices = self.supervisor.practices
        everything = practices.catalogue.practices
        mine = self.attempt(practices.mine) or ()
        return [(everything.index(p) + 1, p) for p in mine]

    def _typed_practice(self) -> Practice | None:
        typed = self.field("n").value.strip()
        everything = self.supervisor.practices.catalogue.practices
        if typed.isdigit() and 1 <= int(typed) <= len(everything):
            return everything[int(typed) - 1]
        return None

    async def action_rr_enter(self) -> None:
        from swat_tui.domain.supervisor.practice_form import PracticeForm

        self.clear_errors()
        practice = self._typed_practice()
        self.set_fields(
            {
                "pname": clip(practice.name, INFO) if practice else "",
                "pinfo": clip(f"{practice.frequency}; meta {practice.goal_pct}%", INFO)
                if practice
                else "",
            }
        )
        if practice is not None and not self.field("dur").value.strip():
            self.field("dur").value = str(practice.duration_minutes)
        form = PracticeForm(
            practice=self.field("n").value,
            held_date=self.field("held_date").value,
            held_time=self.field("ht").value,
            duration=self.field("dur").value,
            participants=self.field("participants").value,
            notes=self.field("notes").value,
        )
        recorded = self._record(form)
        if recorded is None:
            return
        for name in ("n", "dur", "participants", "notes"):
            self.field(name).value = ""
        self.set_fields({"pname": "", "pinfo": ""})
        self.message(recorded)
        self.focus_field("n")

    def _record(self, form: PracticeForm) -> str | None:
        """Record through the desk; the row-24 confirmation, or None (refused, shown)."""
        from swat_tui.domain.errors import DomainError, StoreBusy

        try:
            return self.supervisor.practices.record(form).message
        except StoreBusy as busy:  # nothing written: what is typed stays for the next try
            self.message(busy.message, error=True)
            return None
        except DomainError as refused:
            name = FIELD_OF.get(refused.rule.rsplit(".", 1)[-1])
            self.message(refused.message, error=True, field=name)
            if name is not None:
                self.field(name).mark_error(True)
                self.focus_field(name)
            return None
