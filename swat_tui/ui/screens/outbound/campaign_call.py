"""CMP001: outbound campaign work — the next account, dial (F6), the attempt's result.

Intro takes the next account of the campaign typed (held by this agent alone)
and, once dialled, records the result typed. F12 gives an account not yet
dialled back to the campaign. What the panel shows of the account is the
domain's view (``desk.outbound.view``): the BLACKLIST rule hides the holder
and the numbers, never this screen. A refused value leaves every field as
typed, marked on row 24.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from swat_tui.domain import messages
from swat_tui.domain.errors import DomainError, StoreBusy
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from swat_tui.domain.desk.outbound import OutboundDesk
    from swat_tui.domain.desk.outbound_view import OutboundView
    from swat_tui.domain.supervisor.campaign.outbound import CampaignSummary

T = TypeVar("T")
RESULT_WIDTH = 76
ACCOUNT_FIELDS = ("cuenta", "holder", "banner", "phone1", "phone2", "att", "last", "call")
TYPED_RESULT = ("r", "rdate", "rtime", "note")
# Which field a refusal of the result is about, by its rule id.
RESULT_FIELDS = {
    "supervisor.campaign.recall_missing": "rdate",
    "supervisor.campaign.recall_past": "rdate",
    "supervisor.campaign.recall_not_asked": "rdate",
    "supervisor.campaign.note_long": "note",
    "supervisor.campaign.result_unknown": "r",
    "sac.date_format": "rdate",
    "sac.date_invalid": "rdate",
    "desk.outbound.recall_time_format": "rtime",
}


class CampaignCallScreen(RRScreen, panel="CMP001"):
    """The desk keeps the account held and the call dialled; this panel shows them."""

    @property
    def outbound(self) -> OutboundDesk:
        return self.desk.outbound

    def fill(self) -> None:
        from swat_tui.domain.desk.outbound_view import result_labels

        labels = list(result_labels().values())
        listed = "  ".join(
            f"{i}={label.replace(' ', chr(160))}" for i, label in enumerate(labels, 1)
        )
        lines = [*textwrap.wrap(listed, RESULT_WIDTH), "", ""][:2]
        self.set_fields({f"res{i}": line.replace(chr(160), " ") for i, line in enumerate(lines, 1)})
        self.show_account()
        if self.outbound.record is not None:
            self.field("campaign").value = self.outbound.record.campaign_code
        self.focus_field("campaign")
        self.refresh_legend()
        # the active campaigns with what each has left to call (a count over every
        # base), read in a thread and shown when read; the panel takes keys meanwhile
        read_in_worker(self, self.outbound.campaigns, self._show_campaigns, group="campaigns")

    def _show_campaigns(self, found: tuple[CampaignSummary, ...]) -> None:
        self.set_fields(
            {"campaigns": "  ".join(f"{c.code} ({c.pending} por llamar)" for c in found)}
        )
        if self.outbound.record is not None or self.panel.canvas.message_is_error:
            return  # an account in hand, or a refusal the agent has still to read
        if not found:
            self.message(messages.text("desk.outbound.no_campaigns"), error=True)
            return
        campaign = self.field("campaign")
        if len(found) == 1 and not campaign.value.strip():
            campaign.value = found[0].code
            campaign.cursor_position = len(found[0].code)  # as if typed: Intro takes it
        self.message(messages.text("ui.outbound.pick"))

    def show_account(self) -> None:
        """The held account (or blanks), as the domain lets the agent see it."""
        from swat_tui.ui.labels import blacklist_banner, masked_holder

        outbound = self.outbound
        view: OutboundView | None = None
        if outbound.record is not None:
            view = self.attempt(outbound.view)
        if view is None:
            self.set_fields({name: "" for name in (*ACCOUNT_FIELDS, "campaign_name")})
            return
        self.set_fields(
            {
                "campaign_name": view.campaign_name,
                "cuenta": f"{view.cuenta:08d}",
                "holder": view.holder or masked_holder(view.access),
                "banner": blacklist_banner(view.blacklist, view.access),
                "phone1": view.phone1,
                "phone2": view.phone2 or "-",
                "att": str(view.attempts),
                "last": view.last_result or "-",
                "call": self._call_line(),
            }
        )

    def _call_line(self) -> str:
        outbound = self.outbound
        if outbound.call_id is None:
            return ""
        active = self.desk.active
        on_line = active is not None and active.call_id == outbound.call_id
        state = self.desk.phone.state.value if on_line else "colgada"
        return f"N.º {outbound.call_id}: {state}"

    def key_refusal(self, key_id: str) -> str | None:
        """F6 dials only an account held and not yet dialled."""
        if key_id == "dial" and self.rr_app.desk is not None:
            outbound = self.outbound
            if outbound.record is None:
                return messages.text("desk.outbound.no_account")
            if outbound.call_id is not None:
                return messages.text("desk.outbound.result_pending", cuenta=outbound.record.cuenta)
        return super().key_refusal(key_id)

    def _after(self, message: str, *, error: bool = False, field: str | None = None) -> None:
        self.show_account()
        self.refresh_legend()
        self.message(message, error=error, field=field)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        outbound = self.outbound
        if outbound.record is None:
            view = self.attempt(
                lambda: outbound.next_account(self.field("campaign").value), field="campaign"
            )
            if view is not None:
                self.field("campaign").value = view.campaign_code  # a restart's held account
                self.field("n").value = "1"
                self._after(messages.text("ui.outbound.taken", cuenta=view.cuenta))
                self.focus_field("n")
            return
        if outbound.call_id is None:
            if any(self.field(name).value.strip() for name in TYPED_RESULT):
                self.message(messages.text("desk.outbound.dial_first"), error=True)
                return
            self.message(messages.text("ui.outbound.dial_hint"))
            return
        await self._record_result()

    async def _record_result(self) -> None:
        from swat_tui.domain.desk.outbound_view import parse_recall, result_labels

        codes = list(result_labels())
        typed = self.field("r").value.strip()
        if not typed:
            self._refuse(messages.text("ui.outbound.result_none"), "r")
            return
        if not typed.isdigit() or not 1 <= int(typed) <= len(codes):
            self._refuse(messages.text("ui.outbound.result_choice", first=1, last=len(codes)), "r")
            return
        code = codes[int(typed) - 1]
        now = self.rr_app.now()
        date_text, time_text = self.field("rdate").value, self.field("rtime").value
        parsed, recall = self._attempt_result(lambda: parse_recall(date_text, time_text, now))
        if not parsed:
            return
        note = self.field("note").value.strip()
        recorded, done = self._attempt_result(
            lambda: self.outbound.record_result(code, recall, note)
        )
        if not recorded or done is None:
            return
        for name in (*TYPED_RESULT, "n"):
            self.field(name).value = ""
        if self.desk.active is not None and self.desk.active.record.cuenta is not None:
            self.message(done)
            await self.navigator.show_call_step()  # the contact goes on, account open
            return
        self._after(done)
        self.focus_field("campaign")

    def _attempt_result(self, call: Callable[[], T]) -> tuple[bool, T | None]:
        """``(True, call())``, or ``(False, None)`` with the refusal on row 24 and the
        field it is about marked (every field keeps what was typed)."""
        try:
            return True, call()
        except StoreBusy as error:  # nothing written, or the attempt but not the call's part
            self.show_account()
            self.refresh_legend()
            self.message(error.message, error=True)
            return False, None
        except DomainError as error:
            self._refuse(error.message, RESULT_FIELDS.get(error.rule, "r"))
            return False, None

    def _refuse(self, text: str, field: str) -> None:
        self.message(text, error=True, field=field)
        self.field(field).mark_error(True)
        self.focus_field(field)

    async def action_rr_dial(self) -> None:
        """F6: dial the number chosen (1 or 2) of the held account."""
        self.clear_errors()
        which = self.field("n").value
        record = self.attempt(lambda: self.outbound.dial(which), field="n")
        if record is None:
            return
        cuenta = record.cuenta or 0
        self._after(
            messages.text("desk.outbound.dialled", which=which.strip() or "1", cuenta=cuenta)
        )
        self.focus_field("r")

    async def action_rr_cancel(self) -> None:
        """F12: an account held and not dialled goes back to the campaign; else back."""
        outbound = self.outbound
        if outbound.record is None:
            await super().action_rr_cancel()
            return
        self.clear_errors()
        done = self.attempt(outbound.give_back)
        if done is not None:
            self._after(done)
            self.focus_field("campaign")
