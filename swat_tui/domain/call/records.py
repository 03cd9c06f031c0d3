"""From a ``Call`` row to the ``CallRecord`` screens get, and the call statuses."""

from __future__ import annotations

from datetime import datetime

from swat_tui.config import BOGOTA
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.procedure.state import CallState
from swat_tui.store.enums import CallStatus
from swat_tui.store.models import Call

RINGING = CallStatus.RINGING.value
IN_PROGRESS = CallStatus.IN_PROGRESS.value
ENDED = CallStatus.ENDED.value
ABANDONED = CallStatus.ABANDONED.value
HUNG_UP = CallStatus.HUNG_UP.value
AGENT, CUSTOMER, SYSTEM = "agent", "customer", "system"  # who ended a call (ended_by)
TRANSFERRED = "transferred"  # the call left to another queue (not in enums.CallStatus yet)
OPEN_STATUSES = (RINGING, IN_PROGRESS)
RESULT_MAX = 200  # CallEvent.result


def bogota(moment: datetime | None) -> datetime | None:
    return moment.astimezone(BOGOTA) if moment is not None else None


def seconds_between(start: datetime, end: datetime) -> int:
    return max(int((end - start).total_seconds()), 0)


def to_record(call: Call, state: CallState) -> CallRecord:
    assert call.id is not None
    return CallRecord(
        id=call.id,
        agent_id=call.agent_id,
        cuenta=call.cuenta,
        ani=call.ani,
        queue=call.queue,
        status=call.status,
        started_at=call.started_at.astimezone(BOGOTA),
        answered_at=bogota(call.answered_at),
        ended_at=bogota(call.ended_at),
        hold_seconds=call.hold_seconds,
        acw_seconds=call.acw_seconds,
        caller_name=call.caller_name,
        caller_document=call.caller_document,
        caller_relation=call.caller_relation,
        callback_number=call.callback_number,
        survey_answer=call.survey_answer,
        state=state,
        survey_score=call.survey_score,
        ended_by=call.ended_by,
        hold_started_at=bogota(call.hold_started_at),
        acw_started_at=bogota(call.acw_started_at),
        transferred_to=call.transferred_to,
    )
