"""F22: registering a typification inside a call (step 7)."""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.config import BOGOTA
from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.typification_rules import (
    check_cun,
    check_incident,
    check_notes,
    cun_number,
    cun_prefix,
    given_cun_parts,
    normalize_code,
    unknown_code,
)
from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.check_ids import TYPIFICATION
from swat_tui.domain.procedure.engine import RuleViolation, escalated, typification_refusal
from swat_tui.domain.procedure.state import CUN_FIELD, DIME_FIELD
from swat_tui.store.models import Agent, Typification
from swat_tui.store.queries import calls as call_queries
from swat_tui.store.queries import ucc as ucc_queries


@dataclass(frozen=True)
class TypificationForm:
    """What the agent filled in on F22, checked before the store is touched."""

    code: str
    first_contact: bool
    cun: str | None
    incident_number: str | None
    notes: str

    @classmethod
    def checked(
        cls,
        *,
        code: str,
        first_contact: bool,
        cun: str | None,
        incident_number: str | None,
        notes: str,
    ) -> TypificationForm:
        given_cun = check_cun(cun)
        if first_contact and given_cun:
            raise refusal("typify.cun_first_contact")
        return cls(
            normalize_code(code),
            first_contact,
            given_cun,
            check_incident(incident_number),
            check_notes(notes),
        )


def typify(change: CallChange, form: TypificationForm) -> None:
    """Add the Typification row and record the 'tipificada' check for the current request."""
    change.require_workable()
    call, session = change.call, change.session
    assert call.id is not None
    if call.cuenta is None:
        raise refusal("call.account_first")
    refused = typification_refusal(change.procedure, change.state)
    if refused is not None:
        raise refused
    if form.first_contact and escalated(change.procedure, change.state):
        rule = "branch_escalate"
        raise RuleViolation(change.procedure.message(rule), rule=rule)
    ucc = ucc_queries.get_code(session, code=form.code)
    if ucc is None:
        raise unknown_code(form.code)
    # A PQR filed in this request already has its CUN: the typification carries it, and
    # a request that generated a CUN is never first contact (nor is one typed with it).
    filed_cun = change.state.request_field(CUN_FIELD)
    if filed_cun and form.first_contact:
        rule = "typify_cun_not_first_contact"
        raise RuleViolation(change.procedure.message(rule, cun=filed_cun), rule=rule)
    cun = form.cun or filed_cun or None
    if form.cun:
        _claim_given_cun(change, form.cun)
    if cun is None and ucc.requires_cun and not form.first_contact:
        year = change.now.astimezone(BOGOTA).year
        cun = cun_number(year, call_queries.next_cun_sequence(session, prefix=cun_prefix(year)))
    requests = call_queries.requests_of(session, call_ids=[call.id])
    agent = session.get(Agent, call.agent_id)
    call_queries.add_typification(
        session,
        typification=Typification(
            call_id=call.id,
            request_id=requests[-1].id if requests else None,
            cuenta=call.cuenta,
            code=ucc.code,
            first_contact=form.first_contact,
            cun=cun,
            incident_number=form.incident_number,
            dime_number=change.state.request_field(DIME_FIELD) or None,
            notes=form.notes,
            agent=agent.username if agent else "",
            created_at=change.now,
        ),
    )
    change.record(TYPIFICATION, ucc.code, kind=EventKind.TYPIFICATION)


def _claim_given_cun(change: CallChange, cun: str) -> None:
    """A CUN the agent typed: refused when another typification has it; the counter of
    its year is raised to it, so a CUN generated later does not repeat it."""
    if call_queries.cun_typified(change.session, cun=cun):
        raise refusal("typify.cun_taken", cun=cun)
    prefix, sequence = given_cun_parts(cun)
    call_queries.given_cun(change.session, prefix=prefix, sequence=sequence)
