"""The DIME area of the desk.

Escalating is one transaction: the case, and the call's change that records
it (the branch check escalated, the DIME number and the area's UCC code for
the typification). The account's cases and their notes pass the BLACKLIST
gate like every other account view.
"""

from __future__ import annotations

from datetime import date

from swat_tui.config import BOGOTA
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.dime import cases as dime_cases
from swat_tui.domain.dime.areas import DimeAreas, load_areas
from swat_tui.domain.dime.cases import DimeCaseView, DimeNoteView, Escalation
from swat_tui.domain.errors import DomainError, refusal
from swat_tui.store.engine import write_session


class DimeIntents(AreaService, area="dime"):
    """What the agent does for DIME, through the desk's gate, one transaction each."""

    def areas(self) -> DimeAreas:
        """The resolving areas (data/dime_areas.toml), in DIM010's order."""
        return load_areas()

    def due_on(self, area: str) -> date | None:
        """The SLA date a case to ``area`` (id or option) created today would get."""
        chosen = load_areas().choice(area)
        if chosen is None:
            return None
        return chosen.due_on(self.ctx.now().astimezone(BOGOTA).date())

    def escalate(self, *, area: str, reason: str, data: str, check_id: str | None) -> DimeCaseView:
        """Not solved on the line: a DIME case for the call's request, with the
        branch check ``check_id`` (if given) recorded as escalated."""
        ctx = self.ctx
        areas = load_areas()
        call = ctx.call
        if call is None:
            raise refusal("dime.in_call")
        cuenta = call.record.cuenta
        if cuenta is None:
            raise DomainError(ctx.procedure.message("account_first"), rule="account_first")
        escalation = Escalation.checked(areas, area=area, reason=reason, data=data)
        with ctx.transaction() as tx:
            view, tx.record = dime_cases.escalate(
                tx.session,
                ctx.procedure,
                areas,
                call_id=call.call_id,
                cuenta=cuenta,
                escalation=escalation,
                check_id=check_id,
                agent=ctx.agent.username,
                gate=ctx.gate,
                now=ctx.now(),
            )
        return view

    def cases(self, cuenta: int) -> tuple[DimeCaseView, ...]:
        """F9: the account's DIME cases, newest first (logged; refused while masked)."""
        ctx = self.ctx
        with write_session(ctx.services.engine) as session:
            return dime_cases.account_cases(
                session,
                load_areas(),
                cuenta,
                agent=ctx.agent.username,
                gate=ctx.gate,
                now=ctx.now(),
            )

    def case_notes(self, number: str) -> tuple[DimeNoteView, ...]:
        """The follow-up notes of a case, oldest first."""
        ctx = self.ctx
        with write_session(ctx.services.engine) as session:
            return dime_cases.case_notes(
                session,
                number,
                agent=ctx.agent.username,
                gate=ctx.gate,
                now=ctx.now(),
            )

    def add_case_note(
        self, number: str, text: str, *, seen: DimeCaseView | None = None
    ) -> DimeNoteView:
        """A follow-up note by this agent on an open case (in a call or not); ``seen``:
        the case as the panel read it (refused if it changed since, nothing written)."""
        ctx = self.ctx
        with ctx.transaction() as tx:
            return dime_cases.add_note(
                tx.session,
                number,
                text,
                agent=ctx.agent.username,
                gate=ctx.gate,
                now=ctx.now(),
                areas=load_areas(),
                seen=seen,
            )
