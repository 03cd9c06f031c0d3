"""The call in progress as the desk holds it between intents.

The store is the truth: ``record`` is the last ``CallRecord`` the call
service wrote; ``account`` is the call's account as the BLACKLIST rule lets
the agent see it now.
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain.account.views import AccountPanelView
from swat_tui.domain.call.views import CallRecord


@dataclass
class ActiveCall:
    """The call being handled and what the agent has opened for it."""

    record: CallRecord
    account: AccountPanelView | None = None
    # The panel on top and the disclosure level it was shown at, as last recorded
    # (``CallIntents.panel_shown`` writes a change only).
    panel: tuple[str, str] | None = None

    @property
    def call_id(self) -> int:
        return self.record.id

    def summary(self) -> str:
        account = f" cuenta {self.record.cuenta}" if self.record.cuenta else ""
        return (
            f"{self.record.id} ANI {self.record.ani} cola {self.record.queue}{account}"
            f" paso {self.record.state.step}"
        )
