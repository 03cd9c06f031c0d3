"""CNF002: one process confirmation of the agent's call, as the leader recorded it:
each checklist item S or N with its note, and the feedback (read-only)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.ui.format import clip, day, hour
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.my_confirmations import ConfirmationView

ROWS = 10
FEEDBACK_ROWS = 4
LINE = 78


class MyConfirmationScreen(RRScreen, panel="CNF002"):
    """``confirmation``, already marked read by the intent that opened it."""

    def __init__(self, confirmation: ConfirmationView) -> None:
        super().__init__()
        self.confirmation = confirmation

    def fill(self) -> None:
        shown = self.confirmation
        mode = "en vivo" if shown.live else "repaso"
        values = {
            "head": clip(
                f"{day(shown.recorded_at)} {hour(shown.recorded_at)} · {shown.leader} · {mode}"
                f" · llamada {shown.call_id} · {shown.items_ok}/{shown.items_total} ítems OK",
                LINE,
            )
        }
        for index in range(ROWS):
            item = shown.items[index] if index < len(shown.items) else None
            values[f"l{index}"] = item.label if item else ""
            values[f"a{index}"] = ("S" if item.ok else "N") if item else ""
            values[f"n{index}"] = clip(item.note, 32) if item else ""
        lines = textwrap.wrap(shown.feedback, LINE) or ["(sin retroalimentación)"]
        if len(lines) > FEEDBACK_ROWS:
            lines = [*lines[: FEEDBACK_ROWS - 1], clip(" ".join(lines[FEEDBACK_ROWS - 1 :]), LINE)]
        for index in range(FEEDBACK_ROWS):
            values[f"fb{index}"] = lines[index] if index < len(lines) else ""
        self.set_fields(values)
