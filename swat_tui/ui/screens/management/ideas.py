"""SUP032: improvement ideas, for the continuous-improvement meetings.

Any role raises one: a title (and a description) typed on rows 4-5, Intro.
A supervisor or coordinador moves an idea with 2=Aprobar, 3=En ejecución or
4=Descartar in its Opc column; the moves each status allows are data
(``data/ideas.toml``). A move made on what another leader has changed since
the list was read is refused with what changed, and the list is read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import CHANGED, DomainError, StoreBusy
from swat_tui.ui.format import clip, day
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.ideas import IdeaView

MOVES = {"2": "aprobada", "3": "en_ejecucion", "4": "descartada"}
LINE = 78


class IdeasScreen(PagedScreen, panel="SUP032"):
    """Every idea, newest first; Intro raises the one typed or applies an option."""

    def __init__(self) -> None:
        super().__init__()
        self.ideas: tuple[IdeaView, ...] = ()

    def reset_state(self) -> None:
        super().reset_state()
        self.ideas = ()

    def fill(self) -> None:
        self.set_fields({"summary": "", "detail": ""})
        self.read()

    def action_rr_refresh(self) -> None:
        """F5: the ideas as the store has them now."""
        self.clear_errors()
        self.read(told=messages.text("ui.management.ideas_read"))

    def read(self, *, told: str = "") -> None:
        """Read every idea off the UI's thread and show them (then ``told`` on row 24)."""

        def shown(ideas: tuple[IdeaView, ...]) -> None:
            self.show(ideas)
            if told:
                self.message(told)

        read_in_worker(self, self.supervisor.ideas.listed, shown)

    def show(self, ideas: tuple[IdeaView, ...]) -> None:
        """Paint ``ideas``, the page kept where it was."""
        self.ideas = ideas
        counts: dict[str, int] = {}
        for idea in ideas:
            counts[idea.status_label] = counts.get(idea.status_label, 0) + 1
        by_status = " · ".join(f"{label.lower()} {n}" for label, n in counts.items())
        noun = "idea" if len(ideas) == 1 else "ideas"
        summary = f"{len(ideas)} {noun}: {by_status}" if ideas else ""
        self.set_fields({"summary": clip(summary, LINE)})
        offset = self.page_offset
        self.all_records = [_record(idea) for idea in ideas]
        last_page = max(0, (len(self.all_records) - 1) // self.page_size) * self.page_size
        self.page_offset = min(offset, last_page)
        self._paint_page()
        if not ideas:
            self.set_fields({"detail": messages.text("ui.management.ideas_none")})

    async def action_rr_enter(self) -> None:
        """An option typed moves its idea; else a title typed raises a new idea."""
        self.clear_errors()
        typed = self.typed_option()
        if typed is not None:
            await self._move(typed.option, typed.record, typed.field)
            return
        title = self.field("title").value
        if not title.strip():
            self.message(messages.text("ui.management.ideas_pick"), error=True, field="title")
            return
        service = self.supervisor.ideas
        raised = self.attempt(
            lambda: service.raise_idea(title, self.field("description").value), field="title"
        )
        if raised is None:
            return
        self.field("title").value = ""
        self.field("description").value = ""
        self.read()
        self.message(service.raised_message(raised))

    async def _move(self, option: str, record: int, field: str) -> None:
        service = self.supervisor.ideas
        target = MOVES.get(option)
        if target is None or not service.may_move:
            key = "ui.management.ideas_leaders" if target else "ui.management.ideas_option"
            self.message(messages.text(key, option=option[:3]), error=True, field=field)
            self.field(field).mark_error(True)
            self.focus_field(field)
            return
        seen = self.ideas[record]
        try:
            moved = service.move(seen, target)
        except StoreBusy as busy:  # nothing written: the option stays for the next try
            self.message(busy.message, error=True, field=field)
            return
        except DomainError as refused:
            if refused.code == CHANGED:
                self.read()  # the idea as it is now; row 24 says what changed
            self.message(refused.message, error=True, field=field)
            return
        self.read()
        self.message(service.moved_message(seen, moved))


def _record(idea: IdeaView) -> dict[str, str]:
    return {
        "n": str(idea.number),
        "ititle": clip(idea.title, 35),
        "status": idea.status_label,
        "by": idea.status_by or idea.raised_by,
        "day": day(idea.status_at or idea.raised_at),
    }
