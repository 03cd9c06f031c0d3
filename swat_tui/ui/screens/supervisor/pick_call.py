"""SUP012: pick a call to replay (Repasar llamada): its number, or an agent's user and
5 beside one of their last calls (SUP013); 8 beside a call follows that agent live
(SUP010)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.followed_lines import STATUS
from swat_tui.ui.format import clip, clock_text, day, hour
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.follow import CallLine

REPLAY, FOLLOW = "5", "8"


class PickCallScreen(PagedScreen, panel="SUP012"):
    """A call number, or an agent's recent calls to choose from."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: tuple[CallLine, ...] = ()
        self.listed_user = ""

    def reset_state(self) -> None:
        super().reset_state()
        self.calls = ()
        self.listed_user = ""

    def fill(self) -> None:
        self.show_records([])
        self.message(messages.text("ui.confirm.replay_ask"))

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is not None:
            await self._option(typed.option, typed.field, self.calls[typed.record])
            return
        number = self.field("call").value.strip()
        user = self.field("user").value.strip().upper()
        if number:
            if not number.isdigit():
                self.message(messages.text("ui.confirm.replay_bad_number"), error=True)
                return
            await self._replay(int(number), "call")
        elif user:
            self._list(user)
        else:
            self.message(messages.text("ui.confirm.replay_agent"), error=True, field="user")

    def _list(self, user: str) -> None:
        found = self.attempt(lambda: self.supervisor.follow.recent_calls(user), field="user")
        if found is None:
            return
        self.calls, self.listed_user = found, user
        self.show_records([_record(line) for line in found])
        if not found:
            detail = messages.text("ui.confirm.recent_none", user=user)
        elif len(found) == 1:
            detail = messages.text("ui.confirm.recent_one", user=user)
        else:
            detail = messages.text("ui.confirm.recent_many", user=user, count=len(found))
        self.set_fields({"detail": clip(detail, 78)})

    async def _option(self, option: str, field: str, line: CallLine) -> None:
        if option == REPLAY:
            await self._replay(line.call_id, field)
        elif option == FOLLOW:
            await self.open_panel("SUP010", self.listed_user)
        else:
            self.message(messages.text("ui.confirm.replay_option", option=option), error=True)
            self.field(field).mark_error(True)

    async def _replay(self, call_id: int, field: str) -> None:
        frames = self.attempt(lambda: self.supervisor.follow.frames(call_id), field=field)
        if frames:
            await self.open_panel("SUP013", frames)


def _record(line: CallLine) -> dict[str, str]:
    return {
        "num": str(line.call_id),
        "day": day(line.started_at),
        "hour": hour(line.started_at),
        "status": STATUS.get(line.status, line.status.upper())[:13],
        "queue": line.queue[:17],
        "cuenta": f"{line.cuenta:08d}" if line.cuenta is not None else "",
        "secs": clock_text(line.seconds) if line.seconds else "",
    }
