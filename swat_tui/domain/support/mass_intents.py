"""The mass-failure area of the desk (soporte, Gestión 2 falla masiva, MAS010).

With an open aviso on the node the agent tells its severity and number first,
sees whether the customer already called for it (F22+F13), and ties the call
to it: a second call of the account for the same aviso is marked as a repeat
call, and the typification then proposes the repeat code. The call is escalated
by its route (sector/aviso): never first contact, and no visit while it is open.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.support import avisos
from swat_tui.domain.support.avisos import AvisoView
from swat_tui.domain.support.routes import record_route
from swat_tui.domain.support.support_call import support_call
from swat_tui.store.queries import avisos as aviso_queries

ACTIONS = load_actions()  # what tying the call to the aviso records: data/actions.toml
ASSOCIATED_CHECK = ACTIONS.action("mass_link").check
ACCESS_ACTION = "FALLA_MASIVA"
WHERE = "support.outside_call.mass"  # the refusal outside a support call
SECTOR_ROUTE = "sector"


@dataclass(frozen=True)
class CallAviso:
    """The aviso this call is tied to, and whether the call is a repeat call."""

    number: str
    repeat: bool


@dataclass(frozen=True)
class MassFailureView:
    """MAS010: the node's open avisos, the customer's earlier calls for the first one,
    and the aviso this call is tied to (None until associated)."""

    node: str
    avisos: tuple[AvisoView, ...]
    previous_calls: int  # other calls (or IVR reports) of the account for avisos[0]
    tied: CallAviso | None

    @property
    def aviso(self) -> AvisoView | None:
        return self.avisos[0] if self.avisos else None


class MassIntents(AreaService, area="mass"):
    """The node's aviso and the call tied to it, through the desk's gate."""

    def node_avisos(self) -> MassFailureView:
        """What MAS010 shows for the call's account (gate-checked, logged)."""
        call, cuenta = support_call(self.ctx, WHERE)
        with self.ctx.transaction() as tx:
            account = tx.account(cuenta, ACCESS_ACTION)
            open_avisos = avisos.open_on_node(tx.session, account.node)
            previous = (
                avisos.previous_calls(
                    tx.session, cuenta=cuenta, number=open_avisos[0].number, call_id=call.call_id
                )
                if open_avisos
                else 0
            )
            tied = _tied(tx.session, call.call_id)
        return MassFailureView(account.node, open_avisos, previous, tied)

    def associate(self, number: str = "") -> CallRecord:
        """Tie the call to the node's open aviso (the most urgent when ``number`` is
        empty) and record it: a repeat call proposes mass_link's repeat code, else its first; the
        route is the sector aviso. A call already tied to it (from the Diagnosticador)
        only records the check."""
        ctx = self.ctx
        call, cuenta = support_call(ctx, WHERE)
        with ctx.transaction() as tx:
            session = tx.session
            account = tx.account(cuenta, ACCESS_ACTION)
            if not number.strip() and not avisos.open_on_node(session, account.node):
                raise refusal("support.node_without_avisos")
            typed = avisos.aviso_to_tie(session, node=account.node, typed=number).number
            tied = _tied(session, call.call_id)

            def apply(change: CallChange) -> str:
                if tied is not None and tied.number == typed:
                    repeat = tied.repeat
                else:
                    repeat = avisos.link_call(
                        session,
                        number=typed,
                        node=account.node,
                        cuenta=cuenta,
                        call_id=call.call_id,
                        agent=ctx.agent.username,
                        at=ctx.now(),
                    ).repeat
                change.action("mass.associate", typed, repeat=repeat)
                marking = " (rellamada)" if repeat else ""
                change.record(ASSOCIATED_CHECK, ACTIONS.escalation(f"aviso {typed}{marking}"))
                record_route(change, SECTOR_ROUTE)
                return avisos.tied_code(repeat)

            record = tx.change_call(apply)
        return record


def _tied(session: Session, call_id: int) -> CallAviso | None:
    links = aviso_queries.links_of_call(session, call_id=call_id)
    if not links:
        return None
    incident = aviso_queries.incidents_by_id(session, [links[0].incident_id])
    number = incident[links[0].incident_id].number
    return CallAviso(number, links[0].repeat_call)
