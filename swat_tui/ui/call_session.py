"""The call in progress, as the UI holds it between panels.

The store is the truth (every change is written by the call service at
once); this keeps the last record returned and the account's panel view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from swat_tui.domain.account.views import AccountPanelView
    from swat_tui.domain.call.views import CallRecord


def clock_text(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour), as Avaya shows timers."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


@dataclass
class ActiveCall:
    """The call being handled and what the agent has opened for it."""

    record: CallRecord
    account: AccountPanelView | None = None

    @property
    def call_id(self) -> int:
        return self.record.id

    def summary(self) -> str:
        account = f" cuenta {self.record.cuenta}" if self.record.cuenta else ""
        return (
            f"{self.record.id} ANI {self.record.ani} cola {self.record.queue}{account}"
            f" paso {self.record.state.step}"
        )

    def talk_seconds(self, now: datetime) -> float:
        start = self.record.answered_at or self.record.started_at
        return (now - start).total_seconds() - self.record.hold_seconds
