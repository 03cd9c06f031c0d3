"""The process-confirmation checklist is data derived from the procedure: every check and
step an item names exists, a bad file is refused naming the item, and the S/N each item
suggests follows the call's events."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from swat_tui.domain.account.views import Access
from swat_tui.domain.call.followed import FollowedCall
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.domain.procedure.guide import guide
from swat_tui.domain.procedure.state import CallState, Mark
from swat_tui.domain.supervisor.checklist import (
    ChecklistItem,
    items_for,
    load_checklist,
    parse_checklist,
)

NOW = datetime(2026, 11, 28, 14, 30, tzinfo=UTC)


def _call(state: CallState) -> FollowedCall:
    return FollowedCall(
        call_id=1,
        agent="ASESOR01",
        status="in_progress",
        step=state.step,
        started_at=NOW,
        answered_at=NOW,
        until=None,
        panel="LLM002",
        front="",
        cuenta=None,
        account=None,
        access=Access.FULL,
        guide=guide(load_procedure(), state),
        events=(),
        state=state,
    )


def _marked(*checks: str) -> CallState:
    return CallState(marks=tuple(Mark(check, 0, "ok", NOW) for check in checks))


def test_every_item_names_checks_and_steps_of_the_procedure() -> None:
    procedure = load_procedure()
    steps = {step.number for step in procedure.steps}
    for item in load_checklist():
        for check in item.checks:
            assert procedure.check(check) is not None, (item.id, check)
        assert set(item.steps) <= steps, item.id


def test_a_bad_checklist_is_refused_naming_the_item() -> None:
    with pytest.raises(ValueError, match="checklist item a: repeated"):
        parse_checklist({"item": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]})
    with pytest.raises(ValueError, match="checklist item b: label over 40"):
        parse_checklist({"item": [{"id": "b", "label": "x" * 41}]})
    with pytest.raises(ValueError, match="no items"):
        parse_checklist({})


def test_the_blacklist_item_applies_only_to_a_blacklisted_account() -> None:
    plain = _call(CallState())
    blacklisted = _call(replace(CallState(), flags=frozenset({"blacklist"})))
    assert "blacklist" not in {item.id for item in items_for(plain)}
    assert "blacklist" in {item.id for item in items_for(blacklisted)}


def test_an_item_is_suggested_s_only_when_the_events_show_all_it_names() -> None:
    item = ChecklistItem("bienvenida", "Bienvenida", checks=("saludo", "datos_llamante"))
    assert item.suggested(_call(_marked("saludo"))) is False
    assert item.suggested(_call(_marked("saludo", "datos_llamante"))) is True
    assert ChecklistItem("trato", "Trato").suggested(_call(CallState())) is None
    branch = ChecklistItem("rama", "Rama", steps=(3, 4, 5, 6))
    assert branch.suggested(_call(CallState())) is False  # no request yet: nothing done
