"""The desk's Diagnosticador intents (DIA010): the simulated plant of the call's account.

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

from sqlmodel import Session

from swat_tui.domain.call.change import CallChange, change_in
from swat_tui.domain.call.records import IN_PROGRESS
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.support_part import SupportPart, is_support_request
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure.check_ids import ESCALATED
from swat_tui.domain.procedure.state import SUGGESTED_CODE_FIELD
from swat_tui.domain.support import avisos
from swat_tui.domain.support.avisos import AvisoView, LinkResult
from swat_tui.domain.support.diagnostics import DiagnosticsView, build, read_again
from swat_tui.domain.support.routes import record_route
from swat_tui.store.engine import write_session
from swat_tui.store.models import Account
from swat_tui.store.queries import avisos as aviso_queries
from swat_tui.store.queries import plant as plant_queries

DIAGNOSED_CHECK = "diagnostico_revisado"
POINT_CODE = "SOP-PUN-001"  # a point case raised from the Diagnosticador
SECTOR_CODE = "SOP-PUN-002"  # a sector aviso raised from the Diagnosticador
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


class DiagnosticsIntents(SupportPart):
    """Reading the plant, restarting the modem, raising a point case or joining an aviso."""

    def _diag_change(
        self, session: Session, call: ActiveCall, apply: Callable[[CallChange], None]
    ) -> CallRecord:
        def change(change: CallChange) -> None:
            change.require_workable()
            apply(change)

        return change_in(session, self.services.calls.procedure, call.call_id, self._now(), change)

    def diagnostics(self, cuenta: int) -> DiagnosticsView:
        """The account's Diagnosticador read now; in a soporte call of that account the
        reading is recorded as the step-4 check (once: an action records it again)."""
        call = self.active
        record: CallRecord | None = None
        with write_session(self.services.engine) as session:
            view = build(session, self._gated_account(session, cuenta, ACCESS_ACTION))
            if call is not None and call.record.cuenta == cuenta and _workable(call.record):
                state = call.record.state
                if (
                    is_support_request(state)
                    and state.mark_for(DIAGNOSED_CHECK, state.request_number) is None
                ):
                    record = self._diag_change(
                        session,
                        call,
                        lambda change: _record_diagnosed(change, _read_result(view)),
                    )
        if record is not None:
            self._changed(record)
        return view

    def restart_modem(self) -> DiagnosticsView:
        """ "Reiniciar CM": the restart is recorded and the plant read again (a modem in
        init comes back online; one offline under an aviso stays offline)."""
        call, cuenta = self._support_call("El Diagnosticador actúa")
        with write_session(self.services.engine) as session:
            account = self._gated_account(session, cuenta, ACCESS_ACTION)
            before = build(session, account)
            modem = before.modem
            if modem is None:
                raise DomainError("La cuenta no tiene cablemódem instalado: no hay qué reiniciar.")
            plant_queries.add_restart(
                session,
                cuenta=cuenta,
                serial=modem.serial,
                at=self._now(),
                agent=self.agent.username,
                call_id=call.call_id,
            )
            view = read_again(session, before)
            after = view.modem.cm_state if view.modem else "-"

            def apply(change: CallChange) -> None:
                change.event("reinicio_cm", f"{modem.serial}: {modem.cm_state} -> {after}")
                state = change.state
                mark = state.mark_for(DIAGNOSED_CHECK, state.request_number)
                if mark is None or not mark.result.startswith(ESCALATED):
                    _record_diagnosed(change, _read_result(view))

            record = self._diag_change(session, call, apply)
        self._changed(record)
        return view

    def _tie_call(
        self,
        pick: Callable[[Session, Account, ActiveCall], AvisoView],
        *,
        route: str,
        code: Callable[[LinkResult], str],
        told: Callable[[LinkResult], str],
    ) -> AvisoCallResult:
        """One Diagnosticador action: ``pick`` the aviso (raising one, or refusing),
        tie the call to it and change the call (route, code, escalated check), all in
        one transaction."""
        call, cuenta = self._support_call("El Diagnosticador actúa")
        with write_session(self.services.engine) as session:
            account = self._gated_account(session, cuenta, ACCESS_ACTION)
            aviso = pick(session, account, call)
            link = avisos.link_call(
                session,
                number=aviso.number,
                node=account.node,
                cuenta=account.cuenta,
                call_id=call.call_id,
                agent=self.agent.username,
                at=self._now(),
            )
            chosen = code(link)

            def apply(change: CallChange) -> None:
                record_route(change, route)
                change.set_request_field(SUGGESTED_CODE_FIELD, chosen)
                _record_diagnosed(change, f"{ESCALATED}: {told(link)}")

            record = self._diag_change(session, call, apply)
            view = build(session, account)
        self._changed(record)
        return AvisoCallResult(link.aviso, link.repeat, link.previous_calls, chosen, view)

    def raise_point_case(self, notes: str) -> AvisoCallResult:
        """A point case (caso puntual) for this customer's failure, tied to the call;
        one per call."""

        def point_case(session: Session, account: Account, call: ActiveCall) -> AvisoView:
            links = aviso_queries.links_of_call(session, call_id=call.call_id)
            tied = aviso_queries.incidents_by_id(session, [link.incident_id for link in links])
            point = next((i for i in tied.values() if i.kind == avisos.POINT), None)
            if point is not None:
                raise DomainError(f"La llamada ya tiene el caso puntual {point.number}.")
            return avisos.raise_aviso(
                session, node=account.node, kind=avisos.POINT, description=notes, at=self._now()
            )

        return self._tie_call(
            point_case,
            route="punto",
            code=lambda _link: POINT_CODE,
            told=lambda link: f"caso puntual {link.aviso.number}",
        )

    def attach_call_to_aviso(self, number: str = "") -> AvisoCallResult:
        """Tie the call to an open aviso of the account's node (``number`` empty: the
        most urgent mass aviso); a customer who had called for it is a repeat call."""
        return self._tie_call(
            lambda session, account, _call: avisos.aviso_to_tie(
                session, node=account.node, typed=number
            ),
            route="sector",
            code=lambda link: avisos.tied_code(link.repeat),
            told=lambda link: f"aviso {link.aviso.number}{' (rellamada)' if link.repeat else ''}",
        )

    def raise_sector_aviso(self, notes: str) -> AvisoCallResult:
        """A sector aviso when no mass aviso is open but neighbours are down too."""

        def sector_aviso(session: Session, account: Account, _call: ActiveCall) -> AvisoView:
            view = build(session, account)
            if view.mass_aviso is not None:
                raise DomainError(
                    f"Ya hay aviso abierto: {view.mass_aviso.number}; asocie la llamada (3)."
                )
            if view.neighbours.down == 0:
                raise DomainError(
                    "Ningún vecino está caído: la falla es del cliente (caso puntual)."
                )
            return avisos.raise_aviso(
                session, node=account.node, kind=avisos.MASS, description=notes, at=self._now()
            )

        return self._tie_call(
            sector_aviso,
            route="sector",
            code=lambda _link: SECTOR_CODE,
            told=lambda link: f"aviso de sector {link.aviso.number}",
        )


def _record_diagnosed(change: CallChange, result: str) -> None:
    """The reading as the step-4 check where the procedure asks it (falla puntual, on
    TD010); elsewhere (falla masiva, inventario) it is only an event of the call."""
    if change.applies(DIAGNOSED_CHECK):
        change.record(DIAGNOSED_CHECK, result)
    else:
        change.event(DIAGNOSED_CHECK, result)
