"""The agent's outbound campaign work: the desk's second source of calls.

Inbound calls ring from the desk's ``CallSource``; campaign calls are dialled
by the agent, so they are intents, not a source: take the next account of a
campaign (claimed for this agent alone, ``SKIP LOCKED``), dial one of its
numbers, record the attempt's result, or give the account back. Each is one
intent, and a refused one changes neither the store nor the desk; each is one
transaction but the result, which is two until the campaign's API takes a
caller's session (the campaign's attempt, then the call's event and hang-up).
While the agent holds a campaign account nothing rings (``Desk.wants_ring``):
the agent is working the campaign.

An effective contact leaves the call on the line with the account already
open: the agent goes on with the procedure from step 1 (greeting, caller's
data), and the call ends as any other. Any other result hangs up the call in
the same write and the ACW starts, as after an inbound call's hang-up: the
agent notes what is needed there, and dialling again ends it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlmodel import select

from swat_tui.domain import presence
from swat_tui.domain.account.views import AccountPanelView
from swat_tui.domain.call.change import change_in
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.outbound_call import (
    attempt_change,
    is_outbound,
    outbound_queue,
    start_call,
)
from swat_tui.domain.desk.outbound_view import (
    OutboundView,
    masked_number,
    result_label,
    result_labels,
)
from swat_tui.domain.desk.softphone import AgentState
from swat_tui.domain.errors import refusal
from swat_tui.domain.messages import text
from swat_tui.domain.supervisor.campaign import outbound as campaigns
from swat_tui.domain.supervisor.campaign.outbound import CampaignCall
from swat_tui.domain.supervisor.campaign.recall import closing_results
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.enums import Role
from swat_tui.store.models.campaigns import Campaign, CampaignRecord
from swat_tui.store.queries import campaigns as campaign_queries

if TYPE_CHECKING:
    from swat_tui.domain.account.intents import AccountIntents
    from swat_tui.domain.auth import SignedOnAgent
    from swat_tui.domain.desk.context import DeskContext
    from swat_tui.domain.desk.softphone import Softphone
    from swat_tui.domain.procedure.definition import ProcedureDef
    from swat_tui.domain.services import Services


class OutboundHost(Protocol):
    """What the campaign work needs of the desk it sits on (``Desk``): the softphone
    and the call on the line, which it moves as the desk's own intents do."""

    services: Services
    agent: SignedOnAgent
    phone: Softphone
    ringing: CallRecord | None
    last_call_id: int | None
    ctx: DeskContext
    accounts: AccountIntents

    @property
    def active(self) -> ActiveCall | None: ...
    @active.setter
    def active(self, call: ActiveCall | None) -> None: ...
    @property
    def procedure(self) -> ProcedureDef: ...
    def finish_acw(self) -> str: ...


RECALL = "volver_a_llamar"
HELD = "en_curso"  # a record claimed by an agent (campaign_record.status)


CALLERS = (Role.ASESOR, Role.SUPERVISOR)  # who works a campaign (menu 14)


class OutboundDesk:
    """One agent's campaign work at the desk (``desk.outbound``)."""

    def __init__(self, desk: OutboundHost) -> None:
        self._desk = desk
        self.record: CampaignCall | None = None  # the account claimed, not yet done
        self.call_id: int | None = None  # the call dialled for it, until its result
        self.number: str | None = None  # the number dialled

    @property
    def holding(self) -> bool:
        """An account of a campaign is in the agent's hands: nothing inbound rings."""
        return self.record is not None

    def shown_number(self, number: str) -> str:
        """``number`` as the agent may see it: the number a campaign call dialled is the
        account's own, masked like the account's other data while the BLACKLIST rule
        hides them (an inbound caller's number is the caller's, shown as it rings)."""
        active = self._desk.active
        if (
            active is None
            or not is_outbound(active.record.queue)
            or active.account is None
            or active.account.details_visible
        ):
            return number
        return masked_number(number)

    def campaigns(self) -> tuple[campaigns.CampaignSummary, ...]:
        """The campaigns an agent may work now."""
        return tuple(campaigns.active_campaigns(self._desk.services.engine))

    def next_account(self, campaign_code: str) -> OutboundView:
        """Claim the next account of ``campaign_code`` for this agent; the one already
        held is given again (an account is never held twice)."""
        if self._desk.agent.role not in CALLERS:
            raise refusal("desk.outbound.role", code="CPF2217")
        code = campaign_code.strip().upper()
        if not code:
            raise refusal("desk.outbound.campaign_missing")
        if self.record is not None:
            if self.call_id is not None:
                raise refusal("desk.outbound.result_pending", cuenta=self.record.cuenta)
            if self.record.campaign_code != code:
                raise refusal("desk.outbound.holding_other", cuenta=self.record.cuenta)
            return self.view()
        desk = self._desk
        # An unknown campaign is refused inside the claim's own transaction (no count
        # over every base first: this runs on the key that asked for the account).
        claimed = campaigns.next_record(
            desk.services.engine,
            agent_id=desk.agent.id,
            campaign_code=code,
            now=desk.services.clock(),
        )
        if claimed is None:
            raise refusal("desk.outbound.nothing_to_call", campaign=code[:30])
        self.record = claimed
        return self.view()

    def view(self) -> OutboundView:
        """The held account through the BLACKLIST gate (its access logged)."""
        record = self._require_record()
        account: AccountPanelView = self._desk.accounts.panel(record.cuenta)
        hidden = not account.details_visible
        shown = masked_number if hidden else (lambda number: number)
        return OutboundView(
            campaign_code=record.campaign_code,
            campaign_name=record.campaign_name,
            cuenta=record.cuenta,
            holder=account.holder_name,
            phone1=shown(record.phone),
            phone2=shown(record.phone2 or ""),
            attempts=record.attempts,
            last_result=result_label(record.last_result),
            blacklist=account.blacklist,
            access=account.access,
        )

    def _require_record(self) -> CampaignCall:
        if self.record is None:
            raise refusal("desk.outbound.no_account")
        return self.record

    def dial(self, which: str) -> CallRecord:
        """Dial number 1 or 2 of the held account: the call is on the line, its account
        open; an ACW still running ends first (as leaving it by the softphone)."""
        desk = self._desk
        record = self._require_record()
        if self.call_id is not None:
            raise refusal("desk.outbound.result_pending", cuenta=record.cuenta)
        choice = which.strip() or "1"
        numbers = {"1": record.phone, "2": record.phone2 or ""}
        number = numbers.get(choice)
        if number is None:
            raise refusal("desk.outbound.number_choice")
        if not number:
            raise refusal("desk.outbound.no_second_number")
        if not self._still_held(record):  # before the ACW ends: a refusal changes nothing
            raise refusal("desk.outbound.not_held", cuenta=record.cuenta)
        if desk.phone.state == AgentState.ACW:
            desk.finish_acw()
        now = desk.services.clock()
        phone = desk.phone.dial(number, outbound_queue(record.campaign_code), now)
        move = presence.PresenceMove.of(desk.agent.id, desk.agent.session, phone, on_call=True)
        with write_session(desk.services.engine) as session:
            held = campaign_queries.record_for_update(session, record.record_id)
            if held is None or held.claimed_by != desk.agent.id:
                raise refusal("desk.outbound.not_held", cuenta=record.cuenta)
            held.claimed_at = now  # the claim is renewed: a long call is not taken as dead
            session.add(held)
            call = start_call(
                session,
                procedure=desk.procedure,
                agent_id=desk.agent.id,
                now=now,
                number=number,
                campaign_code=record.campaign_code,
                record_id=record.record_id,
                cuenta=record.cuenta,
                presence=move,
            )
        desk.phone, desk.ringing, desk.last_call_id = phone, None, call.id
        desk.active = ActiveCall(call)
        self.call_id, self.number = call.id, number
        desk.active.account = desk.accounts.panel(record.cuenta)
        desk.ctx.tell("call")
        return call

    def _still_held(self, record: CampaignCall) -> bool:
        """This agent still holds the record (the claim may have timed out meanwhile)."""
        with read_session(self._desk.services.engine) as session:
            held = session.get(CampaignRecord, record.record_id)
            return held is not None and held.claimed_by == self._desk.agent.id

    def record_result(self, result: str, recall_at: datetime | None, note: str) -> str:
        """The dialled attempt's result: on the campaign record (its recall rules) and on
        the call's record; any result but an effective contact hangs up (ACW).
        The row-24 confirmation."""
        desk = self._desk
        record = self._require_record()
        if self.call_id is None or self.number is None:
            raise refusal("desk.outbound.dial_first")
        labels = result_labels()
        if result not in labels:
            raise refusal("supervisor.campaign.result_unknown", result=result[:20])
        effective = result in closing_results()  # data/recall_rules.toml: closes
        on_line = desk.active is not None and desk.active.call_id == self.call_id
        hang_up = on_line and not effective
        now = desk.services.clock()
        phone = desk.phone.hang_up(now) if hang_up else desk.phone
        move = (
            presence.PresenceMove.of(desk.agent.id, desk.agent.session, phone) if hang_up else None
        )
        when = recall_at  # the campaign refuses a time with another result, or none with it
        apply = attempt_change(
            result=result,
            label=labels[result],
            number=self.number,
            campaign_code=record.campaign_code,
            record_id=record.record_id,
            recall_at=when,
            note=note.strip(),
            hang_up=hang_up,
        )
        # One intent, one transaction: the campaign's attempt (its recall rules refuse whole),
        # the call's event and its hang-up. A refusal or a busy store writes nothing and the
        # account stays held, so the agent records the result again.
        with write_session(desk.services.engine) as session:
            outcome = campaigns.record_attempt_in(
                session,
                agent_id=desk.agent.id,
                record_id=record.record_id,
                phone=self.number,
                result=result,
                recall_at=when,
                note=note.strip(),
                call_id=self.call_id,
                now=now,
            )
            call = change_in(session, desk.procedure, self.call_id, now, apply, presence=move)
        self.record, self.call_id, self.number = None, None, None
        if hang_up:
            desk.phone, desk.active = phone, None
            desk.ctx.tell("call_ended", "")
        elif on_line and desk.active is not None:
            desk.active.record = call
            desk.ctx.tell("call", "")
        else:  # hung up before: the agent may be Disponible for the queue again
            desk.ctx.tell("phone")
        if effective and on_line:
            return text("desk.outbound.go_on", cuenta=record.cuenta)
        return outcome.message

    def resumed(self, record: CallRecord) -> None:
        """A call a killed session left open is back on the line (REC001): when it was
        dialled for an account this agent still holds, its result is still to record."""
        if not is_outbound(record.queue) or record.cuenta is None:
            return
        desk = self._desk
        with read_session(desk.services.engine) as session:
            statement = select(CampaignRecord, Campaign).where(
                CampaignRecord.campaign_id == Campaign.id,
                CampaignRecord.claimed_by == desk.agent.id,
                CampaignRecord.status == HELD,
                CampaignRecord.cuenta == record.cuenta,
            )
            found = session.exec(statement).first()
        if found is None:
            return
        held, campaign = found
        assert held.id is not None
        self.record = CampaignCall(
            record_id=held.id,
            campaign_code=campaign.code,
            campaign_name=campaign.name,
            cuenta=held.cuenta,
            phone=held.phone,
            phone2=held.phone2,
            attempts=held.attempts,
            last_result=held.last_result,
        )
        self.call_id, self.number = record.id, record.ani

    def leave(self) -> None:
        """Signing off: an account held and not dialled goes back to the campaign for
        the next agent (one dialled keeps its claim: the next sign-on gets it back)."""
        record = self.record
        if record is None or self.call_id is not None:
            return
        desk = self._desk
        campaigns.release(desk.services.engine, agent_id=desk.agent.id, record_id=record.record_id)
        self.record = None

    def give_back(self) -> str:
        """F12: the held account goes back to the campaign, no attempt recorded."""
        desk = self._desk
        record = self._require_record()
        if self.call_id is not None:
            raise refusal("desk.outbound.result_pending", cuenta=record.cuenta)
        campaigns.release(desk.services.engine, agent_id=desk.agent.id, record_id=record.record_id)
        self.record = None
        desk.ctx.tell("phone")  # Disponible again for the queue's calls
        return text("desk.outbound.released", cuenta=record.cuenta)
