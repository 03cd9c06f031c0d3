"""CNF001: the asesor's process confirmations (Mis confirmaciones de proceso), newest
first: when, by which leader, live or replayed, the call, items OK and whether it is
new; 5 opens one (CNF002), which marks it read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip, day, hour
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.my_confirmations import ConfirmationView

SHOW = "5"


class MyConfirmationsScreen(PagedScreen, panel="CNF001"):
    """The signed-on agent's confirmations."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: tuple[ConfirmationView, ...] = ()

    def reset_state(self) -> None:
        super().reset_state()
        self.rows = ()

    def fill(self) -> None:
        self._load()

    def returned(self) -> None:
        """Back from one: it is no longer new."""
        self._load()

    def action_rr_refresh(self) -> None:
        self.clear_errors()
        if self._load():
            self.message(messages.text("ui.confirm.mine_refreshed"))

    def _load(self) -> bool:
        """The agent's confirmations as the store has them; False (row 24 says why)
        when the store did not answer."""
        rows = self.attempt(self.desk.confirmations.list)
        if rows is None:
            return False
        self.rows = rows
        new = sum(1 for row in self.rows if row.seen_at is None)
        summary = (
            f"{len(self.rows)} confirmaci{'ón' if len(self.rows) == 1 else 'ones'}, {new} sin leer"
            if self.rows
            else messages.text("ui.confirm.mine_none")
        )
        self.set_fields({"summary": clip(summary, 78)})
        self.show_records([_record(row) for row in self.rows])
        return True

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is None:
            self.message(messages.text("ui.confirm.mine_pick"), error=True)
            return
        if typed.option != SHOW:
            self.message(
                messages.text("ui.confirm.mine_option", option=typed.option),
                error=True,
                field=typed.field,
            )
            self.field(typed.field).mark_error(True)
            return
        row = self.rows[typed.record]
        opened = self.attempt(lambda: self.desk.confirmations.open(row.id), field=typed.field)
        if opened is not None:
            await self.open_panel("CNF002", opened)


def _record(row: ConfirmationView) -> dict[str, str]:
    return {
        "day": day(row.recorded_at),
        "hour": hour(row.recorded_at),
        "leader": row.leader[:10],
        "mode": "en vivo" if row.live else "repaso",
        "call": str(row.call_id),
        "ok": f"{row.items_ok}/{row.items_total}",
        "new": "" if row.seen_at is not None else "Nueva",
    }
