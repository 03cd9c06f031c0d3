"""Account panel rules on the demo showcase: what the blacklist hides and keeps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from swat_tui.domain.account.service import AccountService
from swat_tui.store.demo import SHOWCASE, build_demo
from swat_tui.store.models import AccessLog
from tests.gates import SEE_ALL, nothing_read


@pytest.fixture
def demo_accounts(
    store_engine: Engine, fixed_clock: Callable[[], datetime]
) -> Iterator[AccountService]:
    build_demo(store_engine, accounts=64, seed=7, today=fixed_clock().date())
    yield AccountService(store_engine, fixed_clock)


def test_blacklist_hides_personal_data_but_keeps_the_step_two_flags(
    demo_accounts: AccountService,
) -> None:
    hidden = demo_accounts.open_panel(SHOWCASE["everything"], agent="ASESOR01", gate=nothing_read())
    shown = demo_accounts.open_panel(SHOWCASE["everything"], agent="ASESOR01", gate=SEE_ALL)
    assert hidden.holder_name is None and hidden.balance is None and not hidden.details_visible
    assert shown.holder_name and shown.balance is not None and shown.details_visible
    # The flags the agent must acknowledge in step 2 are not customer data.
    assert hidden.pending_pqrs == shown.pending_pqrs and len(hidden.pending_pqrs) == 1
    assert hidden.pending_visits == shown.pending_visits
    assert {(v.kind, v.scheduled) for v in hidden.pending_visits} == {("LLS", True), ("OT", False)}
    assert hidden.services == shown.services and hidden.services
    assert hidden.status == "CANCELADO DEBE"


def test_pending_pqr_counts_its_days_open(demo_accounts: AccountService) -> None:
    view = demo_accounts.open_panel(SHOWCASE["pqr_pending"], agent="ASESOR01", gate=nothing_read())
    assert [pqr.days_open for pqr in view.pending_pqrs] == [12]


def test_every_panel_opened_is_in_the_access_log(
    demo_accounts: AccountService, store_engine: Engine
) -> None:
    for name in ("activa", "blacklist"):
        demo_accounts.open_panel(SHOWCASE[name], agent="ASESOR01", gate=nothing_read())
    demo_accounts.inventory(SHOWCASE["activa"], agent="ASESOR02", gate=SEE_ALL)
    with Session(store_engine) as session:
        rows = session.exec(select(AccessLog).order_by(col(AccessLog.id))).scalars().all()  # type: ignore[call-overload]
    assert [(r.username, r.cuenta, r.action) for r in rows] == [
        ("ASESOR01", SHOWCASE["activa"], "CONSULTA"),
        ("ASESOR01", SHOWCASE["blacklist"], "CONSULTA"),
        ("ASESOR02", SHOWCASE["activa"], "F10"),
    ]
