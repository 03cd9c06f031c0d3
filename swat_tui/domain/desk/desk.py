"""The desk: one signed-on agent's softphone, call in progress and calls' source.

Every thing the agent does is one intent here and one transaction in the
store: it happens whole or not at all, and a refused intent (``DomainError``
with the row-24 message) changes nothing, neither the store nor the desk.
The softphone's state and the call's status move together: a softphone
transition is computed first (pure), the store written second, and the desk
takes both only when both succeeded.

The desk never imports the UI; the UI subscribes to its changes
(``subscribe``) and repaints, rings the bell or shows row 24 from them.
What the agent may see of an account is decided by the desk's
``DisclosureGate``: every account view it hands out is already masked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from swat_tui.domain import presence
from swat_tui.domain.account.disclosure import DisclosureGate
from swat_tui.domain.account.service import panel_in, step2_flags_in
from swat_tui.domain.account.views import AccountPanelView
from swat_tui.domain.auth import AgentSummary, SignedOnAgent
from swat_tui.domain.call.change import change_in
from swat_tui.domain.call.service import open_account_change
from swat_tui.domain.call.views import CallRecord, TypificationLine
from swat_tui.domain.desk.account_intents import AccountIntents
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.billing_intents import BillingIntents
from swat_tui.domain.desk.diagnostics_intents import DiagnosticsIntents
from swat_tui.domain.desk.dime_intents import DimeIntents
from swat_tui.domain.desk.inventory_intents import InventoryIntents
from swat_tui.domain.desk.mass_intents import MassFailureIntents
from swat_tui.domain.desk.pqr_intents import PqrFilingIntents
from swat_tui.domain.desk.sac_intents import CarteraIntents
from swat_tui.domain.desk.softphone import (
    AgentState,
    Softphone,
    SoftphoneConfig,
    format_elapsed,
    softphone_config,
)
from swat_tui.domain.desk.sources import CallSource
from swat_tui.domain.desk.support_intents import SupportIntents
from swat_tui.domain.desk.visit_intents import VisitIntents
from swat_tui.domain.errors import DomainError
from swat_tui.domain.presence import PresenceMove
from swat_tui.domain.procedure.check_ids import TYPIFICATION
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.engine import typification_refusal
from swat_tui.domain.procedure.routes import BranchRoutes, step_panel
from swat_tui.domain.procedure.state import (
    CUN_FIELD,
    SUBFLOW_FIELD,
    SUGGESTED_CODE_FIELD,
    CallState,
)
from swat_tui.domain.procedure.step_view import StepView, step_view
from swat_tui.domain.services import Services
from swat_tui.store.engine import write_session


@dataclass(frozen=True)
class DeskChange:
    """What changed at the desk, for the UI to show.

    ``kind``: "phone" (agent state), "ringing" (a call rings: bell and row 24),
    "call" (the call's record changed), "call_ended" (the line is down).
    """

    kind: str
    message: str = ""


Listener = Callable[[DeskChange], None]


class Desk(
    AccountIntents,
    CarteraIntents,
    BillingIntents,
    DimeIntents,
    PqrFilingIntents,
    SupportIntents,
    DiagnosticsIntents,
    MassFailureIntents,
    InventoryIntents,
    VisitIntents,
):
    """One agent's desk for one sign-on session (the intents of accounts, SAC, DIME,
    PQR filing, support and the visit are in their mixins)."""

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
        self.phone = Softphone.signed_on(self._now(), self.config)
        self.active: ActiveCall | None = None
        self.ringing: CallRecord | None = None
        self.last_call_id: int | None = None
        self.gate = DisclosureGate(self._call_account)
        self._listeners: list[Listener] = []
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

    def _call_account(self) -> tuple[int | None, CallState] | None:
        if self.active is None:
            return None
        return self.active.record.cuenta, self.active.record.state

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
            return f"{phone.state.value} {format_elapsed(phone.call_elapsed(now))} {phone.call.ani}"
        return f"{phone.label} {format_elapsed(phone.state_elapsed(now))}"

    @property
    def wants_ring(self) -> bool:
        """Disponible with nothing ringing: the source may ring a call."""
        return self.phone.state == AgentState.DISPONIBLE

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
        says = ""
        if ani is None or queue is None:
            incoming = self.source.next_call(now)
            ani, queue, says = incoming.ani, incoming.queue, incoming.says
        phone = self.phone.ring(ani, queue, now)
        record = self.services.calls.offer(
            agent_id=self.agent.id,
            ani=ani,
            queue=queue,
            says=says,
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
            raise DomainError("No hay ninguna llamada timbrando.")
        record = self.services.calls.answer(
            ringing.id, presence=self._presence(phone, on_call=True)
        )
        self.phone, self.ringing, self.last_call_id = phone, None, record.id
        self.active = ActiveCall(record)
        self._tell("call", "Llamada contestada.")
        return record

    def hold_or_resume(self) -> str:
        call = self._require_call()
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
        call = self._require_call()
        if not queue:
            raise DomainError("Digite la cola a la que transfiere.")
        phone = self.phone.transfer(queue, self._now())
        self.services.calls.transfer(call.call_id, queue, presence=self._presence(phone))
        self.phone, self.active = phone, None
        message = f"Llamada transferida a {queue}. Complete el ACW (7)."
        self._tell("call_ended", message)
        return message

    def hang_up(self) -> str:
        call = self._require_call()
        phone = self.phone.hang_up(self._now())
        self.services.calls.hang_up(call.call_id, presence=self._presence(phone))
        self.phone, self.active = phone, None
        message = "Llamada colgada y registrada con lo capturado. Complete el ACW (7)."
        self._tell("call_ended", message)
        return message

    def finish_acw(self) -> str:
        if self.active is not None:
            raise DomainError("Está en una llamada: termine el protocolo antes del ACW.")
        phone = self.phone.finish_acw(self._now())
        self._leave_acw(self._presence(phone))
        self.phone = phone
        self._tell("phone")
        return "ACW terminado: Disponible."

    def check_sign_off(self) -> None:
        """Signing off is refused while a call rings or is on the line (it would be
        left open until the next sign-on)."""
        if self.ringing is not None:
            raise DomainError("Hay una llamada timbrando: contéstela antes de cerrar sesión.")
        if self.active is not None:
            raise DomainError("Tiene una llamada en curso: termínela antes de cerrar sesión.")

    def sign_off(self) -> None:
        """The agent signs off (refused as ``check_sign_off`` says): an ACW still running
        ends now in the store with its time, as the softphone's 7 would end it, and
        the session's presence goes in the same transaction."""
        self.check_sign_off()
        phone = self.phone
        if phone.state == AgentState.ACW:
            phone = phone.go_aux(0, self._now())  # out of the queue: nothing rings
        self._leave_acw(PresenceMove.sign_off(self.agent.id, self.agent.session, phone))
        self.phone = phone

    def _require_call(self) -> ActiveCall:
        if self.active is None:
            raise DomainError("No hay ninguna llamada en curso.")
        return self.active

    # -- the call in progress ----------------------------------------------------------

    def _changed(self, record: CallRecord) -> CallRecord:
        call = self._require_call()
        call.record = record
        self._refresh_account()
        self._tell("call")
        return record

    def set_field(self, name: str, value: str) -> CallRecord:
        call = self._require_call()
        return self._changed(self.services.calls.set_field(call.call_id, name, value))

    def keep_typed(self, panel: str, values: dict[str, str]) -> CallRecord:
        """Keep what was typed and left on ``panel`` (no check, no action): shown again
        when the panel is, and after a crash. The panels need no repaint for it."""
        call = self._require_call()
        call.record = self.services.calls.keep_typed(call.call_id, panel, values)
        return call.record

    def typed(self, panel: str) -> dict[str, str]:
        """What was typed and left on ``panel`` for the request being worked on."""
        call = self._require_call()
        return call.record.state.typed(panel)

    def set_front(self, panel: str, **options: str) -> None:
        """The panel on top of the step's own (VIS020 over VIS010), for a resumed call;
        no panel: back on the step's own."""
        call = self._require_call()
        front = " ".join([panel, *(f"{name}={value}" for name, value in options.items())])
        if call.record.state.front != front.strip():
            call.record = self.services.calls.set_front(call.call_id, front.strip())

    def record_check(self, check_id: str, result: str) -> CallRecord:
        call = self._require_call()
        return self._changed(self.services.calls.record_check(call.call_id, check_id, result))

    def revoke_check(self, check_id: str) -> CallRecord:
        """The agent cleared a revocable check's field (identity): it is taken back."""
        call = self._require_call()
        return self._changed(self.services.calls.revoke_check(call.call_id, check_id))

    def open_call_account(self, cuenta: int) -> AccountPanelView:
        """Step 1: the caller's account is opened in RR for this call."""
        call = self._require_call()
        now, before = self._now(), call.record
        try:
            with write_session(self.services.engine) as session:
                flags = step2_flags_in(session, cuenta)
                change = open_account_change(cuenta, flags)
                call.record = change_in(session, self.procedure, call.call_id, now, change)
                # The call now names the account: the gate applies the call's rule.
                view = panel_in(session, cuenta, agent=self.agent.username, gate=self.gate, now=now)
        except BaseException:
            call.record = before  # one transaction: nothing happened
            raise
        call.account = view
        self._tell("call")
        return view

    def start_request(self, branch: str, description: str) -> CallRecord:
        call = self._require_call()
        return self._changed(self.services.calls.start_request(call.call_id, branch, description))

    def choose_subflow(self, option: str) -> CallRecord:
        """Steps 3-6: the sub-flow of the request's branch (e.g. SAC 1=cartera)."""
        call = self._require_call()
        request = call.record.state.request
        if request is None:
            raise DomainError(self.services.calls.procedure.message("typify_needs_request"))
        route = self._routes().by_option(request.branch, option)
        key = SUBFLOW_FIELD.format(number=request.number)
        return self.set_field(key, route.subflow)

    def step_panel(self) -> str:
        """The panel id of the call's current step (steps 3-6 routed by branch)."""
        call = self._require_call()
        return step_panel(self.procedure, call.record.state, self._routes())

    def entry_panel(self) -> str | None:
        """The branch's entry panel (LLM003) while the step is on one of its sub-flows'
        own panels (TD010, SAC030...): F12 goes back there to choose another; else None."""
        call = self._require_call()
        state = call.record.state
        branch = self.procedure.step(state.step).branch
        if branch is None or not state.subflow_in(branch):
            return None
        entry = self._routes().entry(branch).panel
        return entry if entry != self.step_panel() else None

    def _routes(self) -> BranchRoutes:
        routes = self.procedure.routes
        if routes is None:
            raise DomainError("El procedimiento no tiene rutas para los pasos 3 a 6.")
        return routes

    def step_view(self, panel: str) -> StepView:
        """The checks ``panel`` records for the call, done or pending, and what is next."""
        call = self._require_call()
        return step_view(self.services.calls.procedure, call.record.state, panel)

    def suggested_code(self) -> str:
        """The UCC code the request's path suggests, or "": what a sub-flow's action
        set (a DIME escalation, a filed PQR's motive...), else its route's
        (data/branch_routes.toml)."""
        call = self._require_call()
        state = call.record.state
        request = state.request
        routes = self.services.calls.procedure.routes
        if request is None or routes is None or state.awaiting_request:
            return ""
        if state.request_field(SUGGESTED_CODE_FIELD):
            return state.request_field(SUGGESTED_CODE_FIELD)
        try:
            return routes.route(request.branch, state.subflow).ucc_code
        except KeyError:
            return ""

    def typification_refusal(self) -> str | None:
        """Why F22 cannot open the typification now (no request, step 2 incomplete), or
        None. A request already typified opens it to be consulted (F13: the call log);
        Intro there refuses a second one."""
        call = self._require_call()
        state = call.record.state
        request = state.request
        if request is not None and state.mark_for(TYPIFICATION, request.number) is not None:
            return (
                None
                if not state.awaiting_request
                else self.procedure.message("typify_needs_request")
            )
        refusal = typification_refusal(self.procedure, state)
        return refusal.message if refusal is not None else None

    def first_contact_refusal(self) -> str | None:
        """Why the request cannot be typified as first contact, or None: it was not solved
        on the line (Atendida N), or it generated a CUN (a PQR filed)."""
        call = self._require_call()
        state = call.record.state
        cun = state.request_field(CUN_FIELD)
        if cun:
            return self.procedure.message("typify_cun_not_first_contact", cun=cun)
        if self.request_escalated():
            return self.procedure.message("branch_escalate")
        return None

    def request_escalated(self) -> bool:
        """The request in progress was not solved on the line (Atendida = N)."""
        from swat_tui.domain.procedure.engine import escalated

        call = self._require_call()
        return escalated(self.services.calls.procedure, call.record.state)

    def advance(self) -> CallRecord:
        call = self._require_call()
        return self._changed(self.services.calls.advance(call.call_id))

    def another_request(self) -> CallRecord:
        call = self._require_call()
        return self._changed(self.services.calls.another_request(call.call_id))

    def typify(
        self,
        *,
        code: str,
        first_contact: bool,
        incident_number: str | None = None,
        notes: str = "",
    ) -> CallRecord:
        """F22; notes too long for it go to the SWAT folder in the same transaction."""
        call = self._require_call()
        record = self.services.calls.typify(
            call.call_id,
            code=code,
            first_contact=first_contact,
            incident_number=incident_number,
            notes=notes,
        )
        return self._changed(record)

    def typifications(self) -> tuple[TypificationLine, ...]:
        """The call's typifications, oldest first, with the CUN to read to the customer."""
        call = self._require_call()
        return self.services.calls.typifications(call.call_id)

    def record_survey(self, answer: str, score: int | None) -> CallRecord:
        call = self._require_call()
        return self._changed(self.services.calls.record_survey(call.call_id, answer, score))

    def end_call(self) -> CallRecord:
        """The closing protocol is complete: the call ends and ACW starts."""
        call = self._require_call()
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
        phone = self.phone.go_available(answered).ring(record.ani, record.queue, answered)
        phone = phone.answer(answered)
        move = self._presence(phone, on_call=True)
        presence.write(self.services.engine, move, call_id=record.id, step=record.state.step)
        self.phone = phone
        self.last_call_id = record.id
        self.active = ActiveCall(record)
        if record.cuenta is not None:
            self.active.account = self.services.accounts.open_panel(
                record.cuenta, agent=self.agent.username, gate=self.gate
            )
        self._tell("call")

    def close_interrupted(self, record: CallRecord) -> CallRecord:
        """REC001 option 4: the call a crash left open is closed by the system as
        abandoned (status ``abandoned``, ended by ``system``)."""
        return self.services.calls.close_abandoned(record.id)

    # -- the supervisor's profile upkeep (USR001, as IBM i's WRKUSRPRF) -------------------

    def profiles(self) -> tuple[AgentSummary, ...]:
        """Every profile with its status; a supervisor's only (CPF2217 otherwise)."""
        return self.services.auth.profiles(self.agent.username)

    def enable_profile(self, username: str) -> str:
        """Re-enable a profile the lock-out disabled (logged); the row-24 confirmation."""
        profile = self.services.auth.enable_profile(self.agent.username, username)
        return f"Perfil {profile.username} habilitado."

    def reset_password(self, username: str, password: str, repeated: str) -> str:
        """A new password, typed twice, for a profile; it is enabled too (logged)."""
        if password != repeated:
            raise DomainError("Las dos contraseñas digitadas no coinciden.")
        profile = self.services.auth.reset_password_by(self.agent.username, username, password)
        return f"Contraseña del perfil {profile.username} restablecida; perfil habilitado."
