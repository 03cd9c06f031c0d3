"""SUP011: the checklist of a process confirmation, and the feedback to the agent.

Each item that applies to the call (data/confirmation_checklist.toml) takes S or N,
suggested from the call's events (the leader decides), and an optional note; Intro
records the confirmation and the practice it counts as, in one transaction, and
goes back to the panel the call was followed or replayed on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip, hour
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.call.followed import FollowedCall
    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.supervisor.checklist import ChecklistItem

ROWS = 10
FEEDBACK_ROWS = 3
LINE = 78
ANSWERS = {"S": True, "N": False}


class ChecklistScreen(RRScreen, panel="SUP011"):
    """The checklist of ``call``; ``done`` hears the row-24 confirmation."""

    def __init__(
        self,
        call: FollowedCall,
        started_at: datetime,
        live: bool,
        done: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.call = call
        self.started_at = started_at
        self.live = live
        self.done = done
        self.items: tuple[ChecklistItem, ...] = ()

    def fill(self) -> None:
        self.items = self.attempt(lambda: self.supervisor.follow.checklist(self.call)) or ()
        mode = "en vivo" if self.live else "repaso"
        self.set_fields(
            {
                "who": clip(
                    f"Asesor {self.call.agent} · llamada {self.call.call_id} · {mode} desde "
                    f"{hour(self.started_at)}",
                    LINE,
                ),
                "sugg": clip(
                    "S/N sugeridos por los eventos de la llamada: cambie lo que no corresponda.",
                    LINE,
                ),
            }
        )
        for index in range(ROWS):
            item = self.items[index] if index < len(self.items) else None
            self.set_fields({f"l{index}": item.label if item else ""})
            for name in (f"a{index}", f"n{index}"):
                self.field(name).display = item is not None
            if item is not None:
                suggested = item.suggested(self.call)
                self.field(f"a{index}").value = (
                    "" if suggested is None else ("S" if suggested else "N")
                )
        # The cursor on the first item the leader alone can answer, else the feedback.
        empty = [f"a{index}" for index in range(len(self.items[:ROWS]))]
        empty = [name for name in empty if not self.field(name).value]
        self.set_focus(self.field(empty[0] if empty else "fb0"))

    def guide_view(self) -> GuideView:
        """The wide column: the guide of the call being confirmed."""
        return self.call.guide

    async def action_rr_enter(self) -> None:
        from swat_tui.domain.supervisor.follow import ItemMark

        self.clear_errors()
        marks = []
        for index, item in enumerate(self.items[:ROWS]):
            answer = self.field(f"a{index}").value.strip().upper()
            if answer not in ANSWERS:
                name = f"a{index}"
                self.message(
                    messages.text("ui.confirm.item_answer", label=item.label),
                    error=True,
                    field=name,
                )
                self.field(name).mark_error(True)
                self.focus_field(name)
                return
            note = self.field(f"n{index}").value.strip()
            marks.append(ItemMark(item.id, ANSWERS[answer], note))
        feedback = " ".join(
            text
            for text in (self.field(f"fb{n}").value.strip() for n in range(FEEDBACK_ROWS))
            if text
        )
        stored = self.attempt(
            lambda: self.supervisor.follow.record(
                self.call, marks, feedback, started_at=self.started_at, live=self.live
            ),
            field="fb0",
        )
        if stored is None:
            return
        self.done(
            messages.text("ui.confirm.recorded", ok=stored.items_ok, total=stored.items_total)
        )
        await self.app.pop_screen()
