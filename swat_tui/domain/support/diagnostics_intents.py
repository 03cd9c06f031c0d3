"""The Diagnosticador area of the desk (DIA010): the simulated plant of the call's account.

Reading the Diagnosticador in a soporte call records the step-4 check
``diagnostico_revisado`` with what was seen; the actions (reiniciar CM, a point
case, tying the call to the node's aviso, a sector aviso) are each one
transaction with the call's change: the route, the UCC code TIP001 proposes
and the check again, escalated, so the typification refuses first contact.
Every intent is gate-checked (BLACKLIST) and access-logged; a refused one
raises ``DomainError`` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.records import IN_PROGRESS
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.desk.context import Transaction
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.support import avisos
from swat_tui.domain.support.avisos import AvisoView, LinkResult
from swat_tui.domain.support.diagnostics import DiagnosticsView, build, read_again
from swat_tui.domain.support.routes import record_route
from swat_tui.domain.support.support_call import is_support_request, support_call
from swat_tui.store.models import Account
from swat_tui.store.queries import avisos as aviso_queries
from swat_tui.store.queries import plant as plant_queries

ACTIONS = load_actions()  # what the Diagnosticador records and suggests: data/actions.toml
DIAGNOSED_CHECK = ACTIONS.action("diagnostics").check
POINT_CODE = ACTIONS.action("diagnostics").suggested("point_case")  # a point case raised
SECTOR_CODE = ACTIONS.action("diagnostics").suggested("sector")  # a sector aviso raised
ACCESS_ACTION = "DIAGNOSTICADOR"


@dataclass(frozen=True)
class AvisoCallResult:
    """The call tied to an aviso from the Diagnosticador (or the falla masiva panel):
    the aviso, whether it is a repeat call, the code proposed and the plant now."""

    aviso: AvisoView
    repeat: bool
    previous_calls: int
    code: str
    view: DiagnosticsView


def _workable(record: CallRecord) -> bool:
    """The call can still be changed: in progress, or in its after-call work."""
    return not record.state.ended and (
        record.status == IN_PROGRESS or record.acw_started_at is not None
    )


def _read_result(view: DiagnosticsView) -> str:
    return f"revisado: {view.summary}"


class DiagnosticsIntents(AreaService, area="diagnostics"):
    """Reading the plant, restarting the modem, raising a point case or joining an aviso."""

    def read(self, cuenta: int) -> DiagnosticsView:
        """The account's Diagnosticador read now; in a soporte call of that account the
        reading is recorded as the step-4 check (once: an action records it again)."""
        call = self.ctx.call_of(cuenta)
        with self.ctx.transaction() as tx:
            view = build(tx.session, tx.account(cuenta, ACCESS_ACTION))
            if call is not None and _workable(call.record):
                state = call.record.state
                if (
                    is_support_request(state)
                    and state.mark_for(DIAGNOSED_CHECK, state.request_number) is None
                ):
                    tx.change_call(lambda change: _record_diagnosed(change, _read_result(view)))
        return view

    def restart_modem(self) -> DiagnosticsView:
        """ "Reiniciar CM": the restart is recorded and the plant read again (a modem in
        init comes back online; one offline under an aviso stays offline)."""
        ctx = self.ctx
        call, cuenta = support_call(ctx, "support.outside_call.diagnostics")
        with ctx.transaction() as tx:
            account = tx.account(cuenta, ACCESS_ACTION)
            before = build(tx.session, account)
            modem = before.modem
            if modem is None:
                raise refusal("support.no_cable_modem")
            plant_queries.add_restart(
                tx.session,
                cuenta=cuenta,
                serial=modem.serial,
                at=ctx.now(),
                agent=ctx.agent.username,
                call_id=call.call_id,
            )
            view = read_again(tx.session, before)
            after = view.modem.cm_state if view.modem else "-"

            def apply(change: CallChange) -> None:
                change.action(
                    "diagnostics.restart_modem", modem.serial, before=modem.cm_state, after=after
                )
                state = change.state
                mark = state.mark_for(DIAGNOSED_CHECK, state.request_number)
                if mark is None or not ACTIONS.is_escalated(mark.result):
                    _record_diagnosed(change, _read_result(view))

            tx.change_call(apply)
        return view

    def _tie_call(
        self,
        pick: Callable[[Transaction, Account, ActiveCall], AvisoView],
        *,
        route: str,
        code: Callable[[LinkResult], str],
        told: Callable[[LinkResult], str],
        action: str,
    ) -> AvisoCallResult:
        """One Diagnosticador action: ``pick`` the aviso (raising one, or refusing),
        tie the call to it and change the call (route, code, escalated check), all in
        one transaction."""
        ctx = self.ctx
        call, cuenta = support_call(ctx, "support.outside_call.diagnostics")
        with ctx.transaction() as tx:
            account = tx.account(cuenta, ACCESS_ACTION)
            aviso = pick(tx, account, call)
            link = avisos.link_call(
                tx.session,
                number=aviso.number,
                node=account.node,
                cuenta=account.cuenta,
                call_id=call.call_id,
                agent=ctx.agent.username,
                at=ctx.now(),
            )
            chosen = code(link)

            def apply(change: CallChange) -> str:
                change.action(action, link.aviso.number, repeat=link.repeat)
                record_route(change, route)
                _record_diagnosed(change, ACTIONS.escalation(told(link)))
                return chosen

            tx.change_call(apply)
            view = build(tx.session, account)
        return AvisoCallResult(link.aviso, link.repeat, link.previous_calls, chosen, view)

    def raise_point_case(self, notes: str) -> AvisoCallResult:
        """A point case (caso puntual) for this customer's failure, tied to the call;
        one per call."""

        def point_case(tx: Transaction, account: Account, call: ActiveCall) -> AvisoView:
            links = aviso_queries.links_of_call(tx.session, call_id=call.call_id)
            tied = aviso_queries.incidents_by_id(tx.session, [link.incident_id for link in links])
            point = next((i for i in tied.values() if i.kind == avisos.POINT), None)
            if point is not None:
                raise refusal("support.point_case_exists", number=point.number)
            return avisos.raise_aviso(
                tx.session, node=account.node, kind=avisos.POINT, description=notes, at=tx.ctx.now()
            )

        return self._tie_call(
            point_case,
            route="punto",
            code=lambda _link: POINT_CODE,
            told=lambda link: f"caso puntual {link.aviso.number}",
            action="diagnostics.raise_point_case",
        )

    def attach_call_to_aviso(self, number: str = "") -> AvisoCallResult:
        """Tie the call to an open aviso of the account's node (``number`` empty: the
        most urgent mass aviso); a customer who had called for it is a repeat call."""
        return self._tie_call(
            lambda tx, account, _call: avisos.aviso_to_tie(
                tx.session, node=account.node, typed=number
            ),
            route="sector",
            code=lambda link: avisos.tied_code(link.repeat),
            told=lambda link: f"aviso {link.aviso.number}{' (rellamada)' if link.repeat else ''}",
            action="diagnostics.attach_call_to_aviso",
        )

    def raise_sector_aviso(self, notes: str) -> AvisoCallResult:
        """A sector aviso when no mass aviso is open but neighbours are down too."""

        def sector_aviso(tx: Transaction, account: Account, _call: ActiveCall) -> AvisoView:
            view = build(tx.session, account)
            if view.mass_aviso is not None:
                raise refusal("support.mass_aviso_open", number=view.mass_aviso.number)
            if view.neighbours.down == 0:
                raise refusal("support.no_neighbour_down")
            return avisos.raise_aviso(
                tx.session, node=account.node, kind=avisos.MASS, description=notes, at=tx.ctx.now()
            )

        return self._tie_call(
            sector_aviso,
            route="sector",
            code=lambda _link: SECTOR_CODE,
            told=lambda link: f"aviso de sector {link.aviso.number}",
            action="diagnostics.raise_sector_aviso",
        )


def _record_diagnosed(change: CallChange, result: str) -> None:
    """The reading as the step-4 check where the procedure asks it (falla puntual, on
    TD010); elsewhere (falla masiva, inventario) it is only an event of the call."""
    if change.applies(DIAGNOSED_CHECK):
        change.record(DIAGNOSED_CHECK, result)
    else:
        change.event(DIAGNOSED_CHECK, result)
