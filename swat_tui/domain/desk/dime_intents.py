"""The desk's intents for DIME (a mixin of ``Desk``, kept apart so each file has one job).

Escalating is one transaction: the case, and the call's change that records
it (the branch check escalated, the DIME number and the area's UCC code for
the typification). The account's cases and their notes pass the BLACKLIST
gate like every other account view.
"""

from __future__ import annotations

from datetime import date

from swat_tui.config import BOGOTA
from swat_tui.domain.desk.desk_part import DeskPart
from swat_tui.domain.dime import cases
from swat_tui.domain.dime.areas import DimeAreas, load_areas
from swat_tui.domain.dime.cases import DimeCaseView, DimeNoteView, Escalation
from swat_tui.domain.errors import DomainError
from swat_tui.store.engine import write_session


class DimeIntents(DeskPart):
    """What the agent does for DIME, through the desk's gate, one transaction each."""

    def dime_areas(self) -> DimeAreas:
        """The resolving areas (data/dime_areas.toml), in DIM010's order."""
        return load_areas()

    def dime_due_on(self, area: str) -> date | None:
        """The SLA date a case to ``area`` (id or option) created today would get."""
        chosen = self.dime_areas().choice(area)
        if chosen is None:
            return None
        return chosen.due_on(self._now().astimezone(BOGOTA).date())

    def escalate_to_dime(
        self, *, area: str, reason: str, data: str, check_id: str | None
    ) -> DimeCaseView:
        """Not solved on the line: a DIME case for the call's request, with the
        branch check ``check_id`` (if given) recorded as escalated."""
        procedure = self.services.calls.procedure
        areas = self.dime_areas()
        call = self.active
        if call is None:
            raise DomainError(areas.message("in_call"))
        cuenta = call.record.cuenta
        if cuenta is None:
            raise DomainError(procedure.message("account_first"))
        escalation = Escalation.checked(areas, area=area, reason=reason, data=data)
        with write_session(self.services.engine) as session:
            view, record = cases.escalate(
                session,
                procedure,
                areas,
                call_id=call.call_id,
                cuenta=cuenta,
                escalation=escalation,
                check_id=check_id,
                agent=self.agent.username,
                gate=self.gate,
                now=self._now(),
            )
        self._changed(record)
        return view

    def dime_cases(self, cuenta: int) -> tuple[DimeCaseView, ...]:
        """F9: the account's DIME cases, newest first (logged; refused while masked)."""
        with write_session(self.services.engine) as session:
            return cases.account_cases(
                session,
                self.dime_areas(),
                cuenta,
                agent=self.agent.username,
                gate=self.gate,
                now=self._now(),
            )

    def dime_notes(self, number: str) -> tuple[DimeNoteView, ...]:
        """The follow-up notes of a case, oldest first."""
        with write_session(self.services.engine) as session:
            return cases.case_notes(
                session,
                self.dime_areas(),
                number,
                agent=self.agent.username,
                gate=self.gate,
                now=self._now(),
            )

    def add_dime_note(self, number: str, text: str) -> DimeNoteView:
        """A follow-up note by this agent on an open case (in a call or not)."""
        with write_session(self.services.engine) as session:
            return cases.add_note(
                session,
                self.dime_areas(),
                number,
                text,
                agent=self.agent.username,
                gate=self.gate,
                now=self._now(),
            )
