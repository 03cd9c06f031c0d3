"""The call area of the desk: the call's record and the procedure's steps.

Fields and checks of the call, the account opened for it (step 1), the request
and its sub-flow (steps 2-6), what the steps show, the typification (F22) and
the survey. The call's life cycle (ring, answer, hold, transfer, end) stays on
the desk with the softphone.
"""

from __future__ import annotations

from swat_tui.domain import presence
from swat_tui.domain.account.service import panel_in, step2_flags_in
from swat_tui.domain.account.views import AccountPanelView
from swat_tui.domain.call.change import change_in
from swat_tui.domain.call.scripts import READ_EVENT, get_script
from swat_tui.domain.call.service import open_account_change
from swat_tui.domain.call.views import CallRecord, TypificationLine
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.errors import DomainError, refusal
from swat_tui.domain.procedure.check_ids import TYPIFICATION
from swat_tui.domain.procedure.engine import escalated, typification_refusal
from swat_tui.domain.procedure.routes import BranchRoutes, step_panel
from swat_tui.domain.procedure.state import CUN_FIELD, SUBFLOW_FIELD, SUGGESTED_CODE_FIELD
from swat_tui.domain.procedure.step_view import StepView, step_view
from swat_tui.store.engine import write_session
from swat_tui.store.queries import accounts as account_queries

# What an agent may ask the caller for: the caller data, the identity questions,
# "anything else?" at the closing, and the caller's choice on an offer.
ASK_EVENT = "pregunta"
ASKABLE = frozenset(
    {"caller_name", "caller_document", "caller_relation", "callback_number"}
    | {"identidad", "algo_mas", "oferta", "solicitud"}
)


class CallIntents(AreaService, area="call"):
    """The call's record as the procedure asks it, one transaction per intent."""

    def set_field(self, name: str, value: str) -> CallRecord:
        ctx = self.ctx
        call = ctx.require_call()
        return ctx.changed(ctx.services.calls.set_field(call.call_id, name, value))

    def keep_typed(self, panel: str, values: dict[str, str]) -> CallRecord:
        """Keep what was typed and left on ``panel`` (no check, no action): shown again
        when the panel is, and after a crash. The panels need no repaint for it."""
        call = self.ctx.require_call()
        call.record = self.ctx.services.calls.keep_typed(call.call_id, panel, values)
        return call.record

    def typed(self, panel: str) -> dict[str, str]:
        """What was typed and left on ``panel`` for the request being worked on."""
        return self.ctx.require_call().record.state.typed(panel)

    def set_front(self, panel: str, **options: str) -> None:
        """The panel on top of the step's own (VIS020 over VIS010), for a resumed call;
        no panel: back on the step's own."""
        call = self.ctx.require_call()
        front = " ".join([panel, *(f"{name}={value}" for name, value in options.items())])
        if call.record.state.front != front.strip():
            call.record = self.ctx.services.calls.set_front(call.call_id, front.strip())

    def record_check(self, check_id: str, result: str) -> CallRecord:
        ctx = self.ctx
        call = ctx.require_call()
        return ctx.changed(ctx.services.calls.record_check(call.call_id, check_id, result))

    def ask(self, what: str) -> CallRecord:
        """The agent asks the caller for ``what`` (a caller field, "identidad",
        "algo_mas"): on record, so a simulated caller answers only what was asked."""
        ctx = self.ctx
        call = ctx.require_call()
        if what not in ASKABLE:
            raise refusal("call.ask_unknown", what=what)
        return ctx.changed(ctx.services.calls.note(call.call_id, ASK_EVENT, what))

    def revoke_check(self, check_id: str) -> CallRecord:
        """The agent cleared a revocable check's field (identity): it is taken back."""
        ctx = self.ctx
        call = ctx.require_call()
        return ctx.changed(ctx.services.calls.revoke_check(call.call_id, check_id))

    def open_account(self, cuenta: int) -> AccountPanelView:
        """Step 1: the caller's account is opened in RR for this call."""
        ctx = self.ctx
        call = ctx.require_call()
        now, before = ctx.now(), call.record
        try:
            with write_session(ctx.services.engine) as session:
                flags = step2_flags_in(session, cuenta)
                change = open_account_change(cuenta, flags)
                call.record = change_in(session, ctx.procedure, call.call_id, now, change)
                # The call now names the account: the gate applies the call's rule.
                view = panel_in(session, cuenta, agent=ctx.agent.username, gate=ctx.gate, now=now)
        except BaseException:
            call.record = before  # one transaction: nothing happened
            raise
        call.account = view
        ctx.tell("call")
        return view

    def start_request(self, branch: str, description: str) -> CallRecord:
        ctx = self.ctx
        call = ctx.require_call()
        return ctx.changed(ctx.services.calls.start_request(call.call_id, branch, description))

    def choose_subflow(self, option: str) -> CallRecord:
        """Steps 3-6: the sub-flow of the request's branch (e.g. SAC 1=cartera)."""
        ctx = self.ctx
        call = ctx.require_call()
        request = call.record.state.request
        if request is None:
            raise DomainError(
                ctx.procedure.message("typify_needs_request"), rule="typify_needs_request"
            )
        route = self._routes().by_option(request.branch, option)
        key = SUBFLOW_FIELD.format(number=request.number)
        return ctx.changed(ctx.services.calls.set_field(call.call_id, key, route.subflow))

    def step_panel(self) -> str:
        """The panel id of the call's current step (steps 3-6 routed by branch)."""
        call = self.ctx.require_call()
        return step_panel(self.ctx.procedure, call.record.state, self._routes())

    def entry_panel(self) -> str | None:
        """The branch's entry panel (LLM003) while the step is on one of its sub-flows'
        own panels (TD010, SAC030...): F12 goes back there to choose another; else None."""
        state = self.ctx.require_call().record.state
        branch = self.ctx.procedure.step(state.step).branch
        if branch is None or not state.subflow_in(branch):
            return None
        entry = self._routes().entry(branch).panel
        return entry if entry != self.step_panel() else None

    def _routes(self) -> BranchRoutes:
        routes = self.ctx.procedure.routes
        if routes is None:
            raise refusal("call.no_branch_routes")
        return routes

    def step_view(self, panel: str) -> StepView:
        """The checks ``panel`` records for the call, done or pending, and what is next."""
        call = self.ctx.require_call()
        return step_view(self.ctx.procedure, call.record.state, panel)

    def suggested_code(self) -> str:
        """The UCC code the request's path suggests, or "": what a sub-flow's action
        set (a DIME escalation, a filed PQR's motive...), else its route's
        (data/branch_routes.toml)."""
        state = self.ctx.require_call().record.state
        request = state.request
        routes = self.ctx.procedure.routes
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
        procedure = self.ctx.procedure
        state = self.ctx.require_call().record.state
        request = state.request
        if request is not None and state.mark_for(TYPIFICATION, request.number) is not None:
            return None if not state.awaiting_request else procedure.message("typify_needs_request")
        refusal = typification_refusal(procedure, state)
        return refusal.message if refusal is not None else None

    def first_contact_refusal(self) -> str | None:
        """Why the request cannot be typified as first contact, or None: it was not solved
        on the line (Atendida N), or it generated a CUN (a PQR filed)."""
        state = self.ctx.require_call().record.state
        cun = state.request_field(CUN_FIELD)
        if cun:
            return self.ctx.procedure.message("typify_cun_not_first_contact", cun=cun)
        if self.request_escalated():
            return self.ctx.procedure.message("branch_escalate")
        return None

    def request_escalated(self) -> bool:
        """The request in progress was not solved on the line (Atendida = N)."""
        return escalated(self.ctx.procedure, self.ctx.require_call().record.state)

    def advance(self) -> CallRecord:
        ctx = self.ctx
        return ctx.changed(ctx.services.calls.advance(ctx.require_call().call_id))

    def another_request(self) -> CallRecord:
        ctx = self.ctx
        return ctx.changed(ctx.services.calls.another_request(ctx.require_call().call_id))

    def typify(
        self,
        *,
        code: str,
        first_contact: bool,
        incident_number: str | None = None,
        notes: str = "",
    ) -> CallRecord:
        """F22; notes too long for it go to the SWAT folder in the same transaction."""
        ctx = self.ctx
        record = ctx.services.calls.typify(
            ctx.require_call().call_id,
            code=code,
            first_contact=first_contact,
            incident_number=incident_number,
            notes=notes,
        )
        return ctx.changed(record)

    def typifications(self) -> tuple[TypificationLine, ...]:
        """The call's typifications, oldest first, with the CUN to read to the customer."""
        return self.ctx.services.calls.typifications(self.ctx.require_call().call_id)

    def read_script(self, script_id: str) -> CallRecord:
        """The agent read script ``script_id`` (data/scripts.toml) to the customer, e.g.
        the hold script before the hold: a ``note`` event and nothing else, so a
        trainer's scorecard sees the customer was told."""
        ctx = self.ctx
        call = ctx.require_call()
        title = get_script(script_id).title  # an unknown script is refused
        name = READ_EVENT.format(name=script_id)
        return ctx.changed(ctx.services.calls.note(call.call_id, name, title))

    def record_survey(self, answer: str, score: int | None) -> CallRecord:
        ctx = self.ctx
        call = ctx.require_call()
        return ctx.changed(ctx.services.calls.record_survey(call.call_id, answer, score))

    # -- the panel in front ---------------------------------------------------------------

    def panel_shown(self, panel: str, cuenta: int | None) -> bool:
        """``panel`` is now on top during the call, showing ``cuenta``'s data (None: no
        account): its ``panel`` event, at the disclosure level it was shown at ("" for
        no account), and the presence's panel, in one transaction. Nothing is written
        outside a call, nor when the panel on top and its level did not change; no
        listener is told (nothing of the call's state changes). Whether it wrote."""
        ctx = self.ctx
        call = ctx.call
        if call is None:
            return False
        access = self._access_shown(call, cuenta)
        if call.panel == (panel, access):
            return False
        agent_id = ctx.agent.id
        with write_session(ctx.services.engine) as session:
            if access is None:  # another account than the call's (the Espejo): read it
                account = account_queries.get_account(session, cuenta=cuenta or 0)
                blacklist = account is not None and account.blacklist
                access = ctx.gate.access(cuenta or 0, blacklist=blacklist).value
            shown = access
            # The event changes nothing of the call's state: written beside it, without
            # reading and rewriting the call (this runs after every panel's paint).
            state = call.record.state
            ctx.services.calls.panel_opened_in(
                session,
                call.call_id,
                panel,
                shown,
                step=state.step,
                request=state.request_number,
            )
            presence.shown_panel(session, agent_id, panel)
        call.panel = (panel, shown)
        return True

    def _access_shown(self, call: ActiveCall, cuenta: int | None) -> str | None:
        """The level a panel of ``cuenta`` is shown at: "" for no account, the gate's
        for the call's own account, None when another account must be read first."""
        if cuenta is None:
            return ""
        if cuenta != call.record.cuenta:
            return None
        blacklist = "blacklist" in call.record.state.flags
        return self.ctx.gate.access(cuenta, blacklist=blacklist).value
