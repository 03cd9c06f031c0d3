"""data/actions.toml: what the procedure's actions record and suggest is data that holds.

Every UCC code an action suggests exists in data/ucc.csv on the action's
branch, and every check id it records exists in data/procedure.toml on that
branch's step, so an operator's edit that breaks either fails here.
"""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest

import swat_tui
from swat_tui.domain.procedure.actions import load_actions, parse_actions
from swat_tui.domain.procedure.definition import load_procedure
from swat_tui.paths import data_dir

ACTIONS = load_actions()
PACKAGE = Path(swat_tui.__file__).parent


def _ucc_branches() -> dict[str, str]:
    with (data_dir() / "ucc.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["branch"] for row in csv.DictReader(handle)}


def test_every_code_named_exists_in_ucc_on_the_actions_branch() -> None:
    ucc = _ucc_branches()
    named = [(a.id, a.branch, code) for a in ACTIONS.actions.values() for code in a.named_codes]
    assert len(named) >= 17
    wrong = [
        (action, code, ucc.get(code)) for action, branch, code in named if ucc.get(code) != branch
    ]
    assert not wrong, f"codes missing from data/ucc.csv or on another branch: {wrong}"


def test_every_check_id_named_exists_on_the_actions_branch_step() -> None:
    procedure = load_procedure()
    for action in ACTIONS.actions.values():
        assert action.branch in procedure.branch_ids, action.id
        step = procedure.branch_step(action.branch)
        for check_id in action.checks:
            assert check_id in {c.id for c in step.checks}, (action.id, check_id)


def test_support_routes_follow_known_branches_and_sac_fields_exist() -> None:
    procedure = load_procedure()
    assert ACTIONS.follow_branch("visita") == "visita"
    assert ACTIONS.follow_branch("punto") == ""
    assert set(ACTIONS.follows.values()) <= set(procedure.branch_ids)
    sac_fields = {c.field for c in procedure.branch_step("sac").checks}
    assert {ACTIONS.sac_informed_field, ACTIONS.sac_resolved_field} <= sac_fields


def test_escalation_is_read_back_from_a_recorded_result() -> None:
    result = ACTIONS.escalation("DIME D123")
    assert ACTIONS.is_escalated(result) and ACTIONS.escalated_to(result) == "DIME D123"
    assert ACTIONS.escalated_to(ACTIONS.escalation()) == ""
    assert not ACTIONS.is_escalated("atendida") and ACTIONS.escalated_to("atendida") is None


def test_an_action_picks_its_code_by_outcome() -> None:
    assert ACTIONS.action("mass_link").suggested("repeat") == "SOP-MAS-002"
    assert ACTIONS.action("visit_cancel").suggested() == "VIS-LLS-004"
    assert ACTIONS.action("pqr_file").check == "pqr_radicada"


def test_an_unknown_key_in_an_action_is_refused() -> None:
    raw = {
        "escalation": {"prefix": "x"},
        "support": {"follows": {}},
        "sac": {"informed_field": "inf", "resolved_field": "ok"},
        "action": {"a": {"branch": "sac", "cheks": ["x"]}},
    }
    with pytest.raises(ValueError, match="cheks"):
        parse_actions(raw)


UCC_CODE = re.compile(r"\b[A-Z]{3}-[A-Z]{3}-\d{3}\b")  # SAC-CAR-001, VIS-LLS-004


def test_no_ucc_code_is_written_in_the_code() -> None:
    """A code an action suggests goes to data/actions.toml (or data/ucc.csv), not into
    swat_tui's Python, comments and docstrings included."""
    found = [
        f"{path.relative_to(PACKAGE.parent).as_posix()}:{number}: {match}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in UCC_CODE.findall(line)
    ]
    assert not found, f"UCC codes in code (name them in data/actions.toml): {found}"


def test_no_action_check_id_is_a_literal_in_the_domain() -> None:
    """The checks an action records are named by ``load_actions().action(id).checks``."""
    recorded = {check for action in ACTIONS.actions.values() for check in action.checks}
    found = [
        f"{path.relative_to(PACKAGE.parent).as_posix()}:{node.lineno}: {node.value}"
        for path in sorted((PACKAGE / "domain").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in recorded
    ]
    assert not found, f"action check ids in code (read them from data/actions.toml): {found}"


def test_the_visit_aviso_action_records_the_order_agenda_and_informed_checks() -> None:
    """VisitIntents.under_aviso unpacks its three checks in this order."""
    order, agenda, _informed = ACTIONS.action("visit_aviso").checks
    assert (order, agenda) == (
        ACTIONS.action("visit_order").check,
        ACTIONS.action("visit_book").check,
    )
