"""The desk: one signed-on agent's softphone, call in progress and calls' source.

Every thing the agent does is one intent and one transaction in the store: it
happens whole or not at all, and a refused intent (``DomainError`` with the
row-24 message) changes nothing, neither the store nor the desk. The desk
itself keeps the softphone and the call's life cycle (ring, answer, hold,
transfer, hang up, end, ACW, sign-off, a crashed session's calls); the intents
of each area are services it composes, all sharing one ``DeskContext``:
``desk.call`` (the call's record and steps), ``desk.accounts``, ``desk.sac``,
``desk.billing``, ``desk.dime``, ``desk.pqr``, ``desk.td``,
``desk.diagnostics``, ``desk.mass``, ``desk.inventory`` and ``desk.visit``.

The softphone's state and the call's status move together: a softphone
transition is computed first (pure), the store written second, and the desk
takes both only when both succeeded. The desk never imports the UI; the UI
subscribes to its changes (``subscribe``) and repaints, rings the bell or
shows row 24 from them. What the agent may see of an account is decided by
the context's ``DisclosureGate``: every account view handed out is masked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from swat_tui.domain import presence
from swat_tui.domain.account.disclosure import DisclosureGate
from swat_tui.domain.account.intents import AccountIntents
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.billing.intents import BillingIntents
from swat_tui.domain.call.intents import CallIntents
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.area import Reports
from swat_tui.domain.desk.context import DeskContext
from swat_tui.domain.desk.outbound import OutboundDesk
from swat_tui.domain.desk.outbound_call import is_outbound
from swat_tui.domain.desk.softphone import (
    AgentState,
    Softphone,
    SoftphoneConfig,
    format_elapsed,
    softphone_config,
)
from swat_tui.domain.desk.sources import CallSource
from swat_tui.domain.dime.intents import DimeIntents
from swat_tui.domain.errors import refusal
from swat_tui.domain.pqr.intents import PqrIntents
from swat_tui.domain.presence import PresenceMove
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.sac.intents import SacIntents
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.my_confirmations import MyConfirmations
from swat_tui.domain.support.diagnostics_intents import DiagnosticsIntents
from swat_tui.domain.support.inventory_intents import InventoryIntents
from swat_tui.domain.support.mass_intents import MassIntents
from swat_tui.domain.support.td_intents import TdIntents
from swat_tui.domain.visit.intents import VisitIntents
from swat_tui.store.enums import Role


@dataclass(frozen=True)
class DeskChange:
    """What changed at the desk, for the UI to show.

    ``kind``: "phone" (agent state), "ringing" (a call rings: bell and row 24),
    "call" (the call's record changed), "call_ended" (the line is down).
    """

    kind: str
    message: str = ""


Listener = Callable[[DeskChange], None]


class Desk(Reports, area="desk"):
    """One agent's desk for one sign-on session: the softphone, the call's life cycle
    and the areas' services (``desk.visit.book(...)``, ``desk.pqr.file(...)``).

    Where the calls come from is the ``CallSource`` (the practice queue, a test's
    script); who hears what happens is whoever ``subscribe``s. A trainer's desk is
    this same desk with a trainer's source (the scenario's calls) and a scorer
    subscribed to its changes beside the UI: no second desk to keep in step.
    """

    def __init__(
        self,
        services: Services,
        agent: SignedOnAgent,
        source: CallSource,
        *,
        config: SoftphoneConfig | None = None,
    ) -> None:
        self.services = services
        self.agent = agent
        self.source = source
        self.config = config or softphone_config()
        self._listeners: list[Listener] = []
        self.ctx = DeskContext(services, agent, self._tell)
        self.phone = Softphone.signed_on(self._now(), self.config)
        self.ringing: CallRecord | None = None
        self.last_call_id: int | None = None
        self.call = CallIntents(self.ctx)
        self.accounts = AccountIntents(self.ctx)
        self.sac = SacIntents(self.ctx)
        self.billing = BillingIntents(self.ctx)
        self.dime = DimeIntents(self.ctx)
        self.pqr = PqrIntents(self.ctx)
        self.td = TdIntents(self.ctx)
        self.diagnostics = DiagnosticsIntents(self.ctx)
        self.mass = MassIntents(self.ctx)
        self.inventory = InventoryIntents(self.ctx)
        self.visit = VisitIntents(self.ctx)
        self.confirmations = MyConfirmations(services, agent)  # CNF001
        self.outbound = OutboundDesk(self)  # campaign calls the agent dials
        # The floor sees this session from now on: a DomainError while another
        # session of the profile is alive; the notice says if a stale one was taken
        # over (the app shows the sign-on's own, ``agent.notice``).
        self.presence_notice = presence.claim(
            services.engine,
            agent_id=agent.id,
            username=agent.username,
            token=agent.session,
            phone=self.phone,
            now=self._now(),
        )

    # -- listeners ------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _tell(self, kind: str, message: str = "") -> None:
        change = DeskChange(kind, message)
        for listener in list(self._listeners):
            listener(change)

    def _now(self) -> datetime:
        return self.services.clock()

    @property
    def active(self) -> ActiveCall | None:
        """The call on the line, None between calls."""
        return self.ctx.call

    @active.setter
    def active(self, call: ActiveCall | None) -> None:
        self.ctx.call = call

    @property
    def gate(self) -> DisclosureGate:
        """The BLACKLIST rule of this session (every area's views pass it)."""
        return self.ctx.gate

    @property
    def procedure(self) -> ProcedureDef:
        """The procedure's data: branches, rule messages, limits (data/procedure.toml)."""
        return self.services.calls.procedure

    # -- what row 2 shows -----------------------------------------------------------

    def status_line(self, now: datetime) -> str:
        """Row 2: e.g. ``DISPONIBLE 00:12`` or ``TIMBRANDO 3001234567 HOGAR_SAC``."""
        phone = self.phone
        if phone.state == AgentState.TIMBRANDO and phone.call:
            return f"TIMBRANDO {phone.call.ani} {phone.call.queue}"
        if phone.call and phone.state in (AgentState.EN_LLAMADA, AgentState.EN_ESPERA):
            number = self.outbound.shown_number(phone.call.ani)
            return f"{phone.state.value} {format_elapsed(phone.call_elapsed(now))} {number}"
        return f"{phone.label} {format_elapsed(phone.state_elapsed(now))}"

    @property
    def wants_ring(self) -> bool:
        """Disponible with nothing ringing and no campaign account in hand: the source
        may ring a call."""
        return self.phone.state == AgentState.DISPONIBLE and not self.outbound.holding

    # -- the softphone ----------------------------------------------------------------

    def _presence(self, phone: Softphone, *, on_call: bool = False) -> PresenceMove:
        """The presence ``phone`` leaves, for the intent's transaction to write."""
        return PresenceMove.of(self.agent.id, self.agent.session, phone, on_call=on_call)

    def heartbeat(self) -> bool:
        """This session is alive (the app's timer, in a worker thread); False when the
        store was busy and nothing was written (the next beat tries again)."""
        return presence.heartbeat(
            self.services.engine,
            agent_id=self.agent.id,
            token=self.agent.session,
            now=self._now(),
        )

    def go_available(self) -> str:
        if self.agent.role == Role.COORDINADOR:  # leads the supervisors, takes no calls
            raise refusal("softphone.coordinator_no_calls")
        phone = self.phone.go_available(self._now())
        self._leave_acw(self._presence(phone))
        self.phone = phone
        self._tell("phone")
        return "Disponible: las llamadas de la cola entrarán a su softphone."

    def go_aux(self, argument: str) -> str:
        code = int(argument) if argument.isdigit() else 1
        phone = self.phone.go_aux(code, self._now())
        self._leave_acw(self._presence(phone))
        self.phone = phone
        self._tell("phone")
        return f"{self.phone.label}."

    def _leave_acw(self, move: PresenceMove) -> None:
        """Leaving ACW by any option ends the call's after-call work in the store too
        (its ACW time is the time spent in ACW, however it ends); the presence moves
        in the same transaction, or alone when there was no ACW."""
        if self.phone.state == AgentState.ACW and self.last_call_id is not None:
            self.services.calls.finish_acw(self.last_call_id, presence=move)
        else:
            presence.write(self.services.engine, move)

    def ring(self, ani: str | None = None, queue: str | None = None) -> CallRecord:
        """A call rings now: from the source, or the given number (a trainer's, a test's)."""
        now = self._now()
        says = scenario = ""
        if ani is None or queue is None:
            incoming = self.source.next_call(now)
            ani, queue, says = incoming.ani, incoming.queue, incoming.says
            scenario = incoming.scenario
        phone = self.phone.ring(ani, queue, now)
        record = self.services.calls.offer(
            agent_id=self.agent.id,
            ani=ani,
            queue=queue,
            says=says,
            scenario=scenario,
            presence=self._presence(phone, on_call=True),
        )
        self.phone, self.ringing = phone, record
        self._tell(
            "ringing", f"Llamada entrante de {record.ani} ({record.queue}): F2, 3=Contestar."
        )
        return record

    def ring_if_available(self) -> CallRecord | None:
        """The source's timer went off: ring if the agent is still Disponible."""
        return self.ring() if self.wants_ring else None

    def answer(self) -> CallRecord:
        ringing = self.ringing
        phone = self.phone.answer(self._now())
        if ringing is None:
            raise refusal("call.none_ringing")
        record = self.services.calls.answer(
            ringing.id, presence=self._presence(phone, on_call=True)
        )
        self.phone, self.ringing, self.last_call_id = phone, None, record.id
        self.active = ActiveCall(record)
        self._tell("call", "Llamada contestada.")
        return record

    def hold_or_resume(self) -> str:
        call = self.ctx.require_call()
        now = self._now()
        if self.phone.state == AgentState.EN_ESPERA:
            phone = self.phone.resume(now)
            move = self._presence(phone, on_call=True)
            record = self.services.calls.resume(call.call_id, presence=move)
            message = "Llamada reanudada."
        else:
            phone = self.phone.hold(now)
            move = self._presence(phone, on_call=True)
            record = self.services.calls.hold(call.call_id, presence=move)
            message = "Llamada en espera."
        self.phone = phone
        call.record = record
        self._tell("call", message)
        return message

    def transfer(self, queue: str) -> str:
        call = self.ctx.require_call()
        if not queue:
            raise refusal("softphone.transfer_queue_missing")
        phone = self.phone.transfer(queue, self._now())
        self.services.calls.transfer(call.call_id, queue, presence=self._presence(phone))
        self.phone, self.active = phone, None
        message = f"Llamada transferida a {queue}. Complete el ACW (7)."
        self._tell("call_ended", message)
        return message

    def hang_up(self) -> str:
        call = self.ctx.require_call()
        phone = self.phone.hang_up(self._now())
        self.services.calls.hang_up(call.call_id, presence=self._presence(phone))
        self.phone, self.active = phone, None
        message = "Llamada colgada y registrada con lo capturado. Complete el ACW (7)."
        self._tell("call_ended", message)
        return message

    def finish_acw(self) -> str:
        if self.active is not None:
            raise refusal("softphone.acw_in_call")
        phone = self.phone.finish_acw(self._now())
        self._leave_acw(self._presence(phone))
        self.phone = phone
        self._tell("phone")
        return "ACW terminado: Disponible."

    def check_sign_off(self) -> None:
        """Signing off is refused while a call rings or is on the line (it would be
        left open until the next sign-on)."""
        if self.ringing is not None:
            raise refusal("softphone.sign_off_ringing")
        if self.active is not None:
            raise refusal("softphone.sign_off_in_call")

    def sign_off(self) -> None:
        """The agent signs off (refused as ``check_sign_off`` says): an ACW still running
        ends now in the store with its time, as the softphone's 7 would end it, and
        the session's presence goes in the same transaction."""
        self.check_sign_off()
        self.outbound.leave()
        phone = self.phone
        if phone.state == AgentState.ACW:
            phone = phone.go_aux(0, self._now())  # out of the queue: nothing rings
        self._leave_acw(PresenceMove.sign_off(self.agent.id, self.agent.session, phone))
        self.phone = phone

    # -- the call in progress ----------------------------------------------------------

    def end_call(self) -> CallRecord:
        """The closing protocol is complete: the call ends and ACW starts."""
        call = self.ctx.require_call()
        phone = self.phone.hang_up(self._now())
        record = self.services.calls.end(call.call_id, presence=self._presence(phone))
        self.phone = phone
        self.active = None
        self._tell("call_ended", "Llamada terminada y registrada. Complete el ACW (opción 7).")
        return record

    # -- calls a crash left open ---------------------------------------------------------

    def interrupted(self) -> list[CallRecord]:
        """What a killed session left (asked once, at sign-on): an ACW still running
        is ended at the store's last word on its call; the calls still open are
        returned for REC001."""
        self.services.calls.close_stale_acw(self.agent.id)
        return self.services.calls.interrupted(self.agent.id)

    def resume_interrupted(self, record: CallRecord) -> None:
        """Back into a call the store says was open: the line and the call together."""
        answered = record.answered_at or self._now()
        if is_outbound(record.queue):  # a campaign's call: dialled, not rung
            phone = self.phone.go_available(answered).dial(record.ani, record.queue, answered)
        else:
            phone = self.phone.go_available(answered).ring(record.ani, record.queue, answered)
            phone = phone.answer(answered)
        move = self._presence(phone, on_call=True)
        presence.write(self.services.engine, move, call_id=record.id, step=record.state.step)
        self.phone = phone
        self.last_call_id = record.id
        self.active = ActiveCall(record)
        if record.cuenta is not None:
            self.active.account = self.accounts.panel(record.cuenta)
        self.outbound.resumed(record)
        self._tell("call")

    def close_interrupted(self, record: CallRecord) -> CallRecord:
        """REC001 option 4: the call a crash left open is closed by the system as
        abandoned (status ``abandoned``, ended by ``system``)."""
        return self.services.calls.close_abandoned(record.id)
