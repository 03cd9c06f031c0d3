"""Filing a PQR (step 6, radicar): the customer insists, so the agent files it.

The procedure asks, in order: personal data validated in this call, the
motive (the process matrix gives its type, whether it takes a CUN, the area
that answers and the UCC code), clear and complete notes, the radicado, the
CUN only when the matrix gives one, the response time (15 business days,
Colombian holidays skipped) and the response channel the customer chooses
with its destination confirmed. Everything happens in one transaction: a
refusal writes nothing (no PQR, no CUN used, no SWAT note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from swat_tui.config import BOGOTA
from swat_tui.domain.account.disclosure import Gate
from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.swat_folder import add_swat_note
from swat_tui.domain.call.typification_rules import NOTES_MAX, cun_number, cun_prefix
from swat_tui.domain.errors import DomainError, account_not_found
from swat_tui.domain.pqr.consult import KIND_NAMES
from swat_tui.domain.pqr.matrix import MatrixRow, PqrMatrix
from swat_tui.domain.pqr.terms import ANSWER_BUSINESS_DAYS, due_on
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.engine import RuleViolation
from swat_tui.domain.procedure.state import CUN_FIELD, SUGGESTED_CODE_FIELD, CallState
from swat_tui.store.enums import PqrStatus
from swat_tui.store.models import Pqr
from swat_tui.store.queries import access_log, pqr_filing
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import calls as call_queries

# The checks of PQR030 (data/procedure.toml, step 6), as its actions record them
# (data/actions.toml).
VALIDATED = load_actions().action("pqr_validate").check
FILED = load_actions().action("pqr_file").check
FILED_RESULT = "radicada "  # the filed check's result: "radicada RAD0001000001"

NOTES_MIN = 20  # "clear and complete": a few words are not notes
PQR_NOTES_MAX = NOTES_MAX  # the notes field, as F22's; longer notes go to the SWAT folder
ADDRESS_MAX = 80  # Pqr.response_address
SUBJECT_MAX = 120  # Pqr.subject
SWAT_POINTER = "Nota completa en la carpeta SWAT (F7+F6)."
YES = "S"


@dataclass(frozen=True)
class Channel:
    """A response channel the customer may choose, and what its destination is."""

    option: str
    name: str  # as Pqr.response_channel stores it
    destination: str  # email | address | phone


CHANNELS = (
    Channel("1", "CORREO ELECTRONICO", "email"),
    Channel("2", "DIRECCION FISICA", "address"),
    Channel("3", "SMS", "phone"),
    Channel("4", "LLAMADA TELEFONICA", "phone"),
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A Colombian mobile (3XX XXX XXXX) or a fixed line with its area code (601-608 ...).
PHONE = re.compile(r"3\d{9}|60[1-8]\d{7}")


def channel_for(option: str) -> Channel | None:
    return next((c for c in CHANNELS if c.option == option.strip()), None)


def motive_for(matrix: PqrMatrix, typed: str) -> MatrixRow | None:
    """The motive the agent typed: its number in the matrix (1, 2...) or its code."""
    text = typed.strip().lower()
    if text.isdigit() and 1 <= int(text) <= len(matrix.rows):
        return matrix.rows[int(text) - 1]
    return next((row for row in matrix.rows if row.motive == text), None)


def _refused(procedure: ProcedureDef, rule: str, **values: object) -> DomainError:
    """A row-24 refusal whose ``code`` names the rule (the panel marks its field)."""
    return DomainError(procedure.message(rule, **values), code=rule, rule=rule)


@dataclass(frozen=True)
class FilingForm:
    """What the agent filled in on PQR030, checked before the store is touched."""

    motive: MatrixRow
    notes: str
    channel: Channel
    address: str

    @classmethod
    def checked(
        cls,
        procedure: ProcedureDef,
        matrix: PqrMatrix,
        *,
        motive: str,
        notes: str,
        channel: str,
        address: str,
        confirmed: str,
    ) -> FilingForm:
        row = motive_for(matrix, motive)
        if row is None:
            typed = motive.strip()[:20]
            if not typed:
                raise _refused(procedure, "pqr_motive_missing", last=len(matrix.rows))
            raise _refused(procedure, "pqr_motive_unknown", motive=typed, last=len(matrix.rows))
        text = " ".join(notes.split())
        if len(text) < NOTES_MIN:
            raise _refused(procedure, "pqr_notes_short", length=len(text), minimum=NOTES_MIN)
        chosen = channel_for(channel)
        if chosen is None:
            raise _refused(procedure, "pqr_channel_choice")
        destination = _destination(procedure, chosen, address)
        if confirmed.strip().upper() != YES:
            raise _refused(procedure, "pqr_address_confirm")
        return cls(row, text, chosen, destination)


def _destination(procedure: ProcedureDef, channel: Channel, address: str) -> str:
    text = " ".join(address.split())
    if channel.destination == "email":
        if not EMAIL.fullmatch(text) or len(text) > ADDRESS_MAX:
            raise _refused(procedure, "pqr_email_invalid", email=text[:28] or "vacío")
        return text.lower()
    if channel.destination == "phone":
        digits = text.replace(" ", "")
        if not PHONE.fullmatch(digits):
            raise _refused(procedure, "pqr_phone_invalid")
        return digits
    if not text:
        raise _refused(procedure, "pqr_address_missing")
    if len(text) > ADDRESS_MAX:
        raise _refused(procedure, "pqr_address_long", maximum=ADDRESS_MAX)
    return text


@dataclass(frozen=True)
class FiledPqr:
    """What the agent reads to the customer once the PQR is filed."""

    radicado: str
    cun: str | None  # None: the matrix gives this motive no CUN
    kind: str  # Petición, Queja...
    motive: str  # the matrix's label
    area: str  # who answers it
    ucc_code: str  # the typification it suggests
    filed_at: datetime  # Bogotá
    due_on: date
    business_days: int
    response_channel: str
    response_address: str
    notes_in_folder: bool  # the notes were long: whole in the SWAT folder


def validation_pending(procedure: ProcedureDef, state: CallState) -> RuleViolation | None:
    """The refusal while personal data were not validated in this call's request."""
    if state.mark_for(VALIDATED, state.request_number) is not None:
        return None
    check = procedure.check(FILED)
    message = check.needs_message if check and check.needs_message else None
    return RuleViolation(message or procedure.message("check_needs"), rule="check_needs")


def file_pqr(
    change: CallChange,
    matrix: PqrMatrix,
    *,
    motive: str,
    notes: str,
    channel: str,
    address: str,
    confirmed: str,
    agent: str,
    gate: Gate,
) -> FiledPqr:
    """Check, number and insert the PQR, and mark the request for its typification."""
    change.require_workable()
    procedure, state, session, call = change.procedure, change.state, change.session, change.call
    assert call.id is not None
    if state.request is None:
        raise RuleViolation(procedure.message("typify_needs_request"), rule="typify_needs_request")
    done = state.mark_for(FILED, state.request_number)
    if done is not None:
        raise _refused(procedure, "pqr_already_filed", radicado=radicado_of(done.result))
    refusal = validation_pending(procedure, state)
    if refusal is not None:
        raise refusal
    form = FilingForm.checked(
        procedure,
        matrix,
        motive=motive,
        notes=notes,
        channel=channel,
        address=address,
        confirmed=confirmed,
    )
    if call.cuenta is None:
        raise DomainError(procedure.message("account_first"), rule="account_first")
    account = account_queries.get_account(session, cuenta=call.cuenta)
    if account is None:
        raise account_not_found(call.cuenta)
    gate.require(call.cuenta, blacklist=account.blacklist)
    now = change.now
    filed_day = now.astimezone(BOGOTA).date()
    row = form.motive
    cun = None
    if row.cun:
        year = now.astimezone(BOGOTA).year
        cun = cun_number(year, call_queries.next_cun_sequence(session, prefix=cun_prefix(year)))
    long_notes = len(form.notes) > PQR_NOTES_MAX
    if long_notes:
        add_swat_note(change, form.notes)
    pqr = pqr_filing.add_pqr(
        session,
        pqr=Pqr(
            cuenta=call.cuenta,
            radicado=pqr_filing.next_radicado(session),
            cun=cun,
            kind=row.kind,
            subject=row.label[:SUBJECT_MAX],
            status=PqrStatus.ABIERTA,
            filed_at=now,
            due_on=due_on(filed_day),
            response_channel=form.channel.name,
            filed_by=agent,
            notes=_stored_notes(form.notes),
            motive=row.motive,
            response_address=form.address,
            call_id=call.id,
        ),
    )
    access_log.log_access(session, username=agent, cuenta=call.cuenta, action="PQR RADICAR", at=now)
    change.record(FILED, f"{FILED_RESULT}{pqr.radicado}")
    if cun is not None:
        change.set_request_field(CUN_FIELD, cun)
    change.set_request_field(SUGGESTED_CODE_FIELD, row.ucc_code)
    return filed_view(pqr, row, notes_in_folder=long_notes)


def _stored_notes(text: str) -> str:
    """The notes as the PQR keeps them: whole, or their start and where the rest is."""
    if len(text) <= PQR_NOTES_MAX:
        return text
    room = PQR_NOTES_MAX - len(SWAT_POINTER) - 2
    return f"{text[:room].rstrip()}… {SWAT_POINTER}"


def radicado_of(result: str) -> str:
    """The radicado in the filed check's result."""
    return result.removeprefix(FILED_RESULT).strip()


def filed_view(pqr: Pqr, row: MatrixRow | None, *, notes_in_folder: bool) -> FiledPqr:
    return FiledPqr(
        radicado=pqr.radicado,
        cun=pqr.cun,
        kind=KIND_NAMES.get(pqr.kind, pqr.kind),
        motive=row.label if row else pqr.subject,
        area=row.area if row else "",
        ucc_code=row.ucc_code if row else "",
        filed_at=pqr.filed_at.astimezone(BOGOTA),
        due_on=pqr.due_on,
        business_days=ANSWER_BUSINESS_DAYS,
        response_channel=pqr.response_channel or "",
        response_address=pqr.response_address or "",
        notes_in_folder=notes_in_folder,
    )
