"""The practice call queue: deterministic from its seed, every kind of call true to its name."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, event, update
from sqlmodel import Session

from swat_tui.domain.desk.practice_queue import CALL_KINDS, CallQueue, IncomingCall, ring_delay
from swat_tui.domain.desk.softphone import softphone_config
from swat_tui.domain.errors import DomainError
from swat_tui.store.demo import build_demo
from swat_tui.store.models import Account
from swat_tui.store.queries.accounts import find_by_phone
from swat_tui.store.queries.cases import open_incidents
from tests.conftest import FIXED_NOW


@pytest.fixture
def demo_store(store_engine: Engine) -> Engine:
    build_demo(store_engine, accounts=200, seed=2026, today=date(2026, 11, 28))
    return store_engine


def _calls(engine: Engine, seed: int, count: int, **kwargs: Any) -> list[IncomingCall]:
    queue = CallQueue(engine, seed, **kwargs)
    return [queue.next_call(FIXED_NOW) for _ in range(count)]


def _only(kind: str) -> Any:
    return replace(softphone_config(), kind_weights=((kind, 1),))


def test_same_seed_same_calls_other_seed_other_calls(demo_store: Engine) -> None:
    first = _calls(demo_store, 11, 40)
    assert _calls(demo_store, 11, 40) == first
    assert _calls(demo_store, 12, 40) != first
    assert all(call.at == FIXED_NOW for call in first)


def test_every_kind_comes_and_ordinary_calls_are_most(demo_store: Engine) -> None:
    kinds = Counter(call.kind for call in _calls(demo_store, 2026, 150))
    assert set(kinds) == set(CALL_KINDS)
    assert kinds.most_common(1)[0][0] == "cuenta"


def test_calls_arrive_through_queues_with_a_share(demo_store: Engine) -> None:
    receiving = {queue.id for queue in softphone_config().queues if queue.share > 0}
    queues = {call.queue for call in _calls(demo_store, 5, 60)}
    assert queues <= receiving and len(queues) > 1
    assert "HOGAR_RETENCION" not in queues  # transfers only


@pytest.mark.parametrize("kind", CALL_KINDS)
def test_each_kind_is_what_it_says(demo_store: Engine, kind: str) -> None:
    calls = _calls(demo_store, 7, 8, config=_only(kind))
    assert {call.kind for call in calls} == {kind}
    with Session(demo_store) as session:
        for call in calls:
            assert call.expected_cuenta is not None
            expected = session.get(Account, call.expected_cuenta)
            assert expected is not None
            matches = [account.cuenta for account in find_by_phone(session, phones=[call.ani])]
            if kind == "numero_desconocido":
                assert matches == []
                assert call.ani.startswith("3") and len(call.ani) == 10
            elif kind == "varias_cuentas":
                assert len(matches) >= 2 and call.expected_cuenta in matches
            else:
                assert matches == [call.expected_cuenta]
                assert call.ani in (expected.phone_mobile, expected.phone_fixed)
            aviso = bool(open_incidents(session, node=expected.node))
            if kind == "cuenta":
                assert not expected.blacklist and not aviso
            if kind == "blacklist":
                assert expected.blacklist
            if kind == "aviso":
                assert aviso


def test_unknown_number_search_finds_no_account(demo_store: Engine) -> None:
    from swat_tui.domain.account.service import AccountService, parse_query

    accounts = AccountService(demo_store, lambda: FIXED_NOW)
    for call in _calls(demo_store, 3, 5, config=_only("numero_desconocido")):
        with pytest.raises(DomainError) as caught:
            accounts.search(parse_query("3", call.ani))
        assert "No hay cuentas" in caught.value.message


def test_a_kind_the_store_lacks_becomes_an_ordinary_call(demo_store: Engine) -> None:
    with Session(demo_store) as session:
        session.exec(update(Account).values(blacklist=False))
        session.commit()
    calls = _calls(demo_store, 1, 3, config=_only("blacklist"))
    assert {call.kind for call in calls} == {"cuenta"}


def test_an_empty_store_says_so(store_engine: Engine) -> None:
    with pytest.raises(DomainError) as caught:
        CallQueue(store_engine, 1).next_call(FIXED_NOW)
    assert caught.value.message == "No hay cuentas en la base para simular llamadas."


def test_ring_delay_is_within_the_configured_range() -> None:
    config = softphone_config()
    delays = [ring_delay(random.Random(seed)) for seed in range(50)]
    assert all(config.ring_delay_min <= delay <= config.ring_delay_max for delay in delays)
    assert ring_delay(random.Random(9)) == ring_delay(random.Random(9))
    fast = replace(config, ring_delay_min=0.1, ring_delay_max=0.2)
    assert 0.1 <= ring_delay(random.Random(1), fast) <= 0.2


@pytest.fixture
def captured_sql(demo_store: Engine) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(demo_store, "before_cursor_execute", capture)
    yield seen
    event.remove(demo_store, "before_cursor_execute", capture)


@pytest.mark.sqlite_only  # SQLite's query planner; PostgreSQL's is measured in bench/
def test_account_look_ups_never_scan_the_account_table(
    demo_store: Engine, captured_sql: list[tuple[str, Any]]
) -> None:
    _calls(demo_store, 2026, 60)
    statements = {sql: params for sql, params in captured_sql if sql.lstrip().startswith("SELECT")}
    assert len(statements) >= 8
    with demo_store.connect() as connection:
        for sql, params in statements.items():
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
            details = " | ".join(str(row[-1]) for row in plan)
            assert "SCAN account" not in details, (sql, details)
            assert "RANDOM" not in sql.upper()


def test_practice_calls_bring_the_requests_of_their_queue(demo_store: Engine) -> None:
    """SAC, cartera and PQR calls say what the caller wants (data/practice_requests.toml)."""
    from swat_tui.domain.desk.practice_requests import requests_for

    calls = _calls(demo_store, 7, 80)
    for call in calls:
        said = {r.says for r in requests_for(call.queue)}
        if said and call.says:
            # ``{serial}`` is filled with the serial the caller reads off the device
            patterns = [re.escape(text).replace(r"\{serial\}", "[A-Z0-9]+") for text in said]
            assert any(re.fullmatch(pattern, call.says) for pattern in patterns), call.says
        else:
            assert call.says == "" or not said
    queues = {call.queue for call in calls if call.says}
    assert {"HOGAR_SAC", "HOGAR_PQR", "HOGAR_CARTERA"} <= queues


def test_a_request_comes_from_an_account_that_has_its_case(demo_store: Engine) -> None:
    """An ordinary caller asking about a debt owes; one asking about a PQR has one."""
    from sqlmodel import select

    from swat_tui.domain.desk.practice_requests import requests_for
    from swat_tui.store.models import Pqr

    needs = {r.says: r.account for q in ("HOGAR_CARTERA", "HOGAR_PQR") for r in requests_for(q)}
    checked = 0
    with Session(demo_store) as session:
        for call in _calls(demo_store, 3, 120, config=_only("cuenta")):
            case = needs.get(call.says, "")
            if not case or call.expected_cuenta is None:
                continue
            account = session.get(Account, call.expected_cuenta)
            assert account is not None and not account.blacklist
            if case == "debt":
                assert account.balance > 0, call
            elif case == "final_notice":
                from swat_tui.store.models import FinalNotice

                notices = session.exec(
                    select(FinalNotice).where(FinalNotice.cuenta == account.cuenta)
                ).all()
                assert notices and account.balance > 0, call
            elif case == "reconnect":
                assert account.status == "CANCELADO CREDITO", call
            elif case == "pqr":
                pqrs = session.exec(select(Pqr).where(Pqr.cuenta == account.cuenta)).all()
                assert pqrs, call
            checked += 1
    assert checked >= 5


def test_support_requests_come_from_accounts_with_the_failure(demo_store: Engine) -> None:
    """A mass failure from a node with an open aviso, a serial mismatch from an
    account whose modem at the premises is not RR's (the caller says its serial), a
    modem that stays offline from such an account."""
    from sqlmodel import select

    from swat_tui.domain.desk.practice_requests import requests_for
    from swat_tui.store.models import Equipment, PlantCondition

    needs = {r.says: r.account for r in requests_for("HOGAR_SOPORTE")}
    config = replace(
        softphone_config(),
        kind_weights=(("cuenta", 3), ("aviso", 1)),
        queues=tuple(q for q in softphone_config().queues if q.id == "HOGAR_SOPORTE"),
    )
    seen: set[str] = set()
    with Session(demo_store) as session:
        for call in _calls(demo_store, 5, 60, config=config):
            case = next(
                (
                    c
                    for text, c in needs.items()
                    if re.fullmatch(re.escape(text).replace(r"\{serial\}", "[A-Z0-9]+"), call.says)
                ),
                "",
            )
            if not case or call.expected_cuenta is None:
                continue
            if case != "aviso" and call.kind != "cuenta":
                continue  # an aviso or blacklist call says it from another account
            account = session.get(Account, call.expected_cuenta)
            assert account is not None
            conditions = session.exec(
                select(PlantCondition)
                .join(Equipment, PlantCondition.equipment_id == Equipment.id)  # type: ignore[arg-type]
                .where(Equipment.cuenta == account.cuenta)
            ).all()
            if case == "aviso":
                assert call.kind == "aviso" and open_incidents(session, node=account.node)
            elif case == "serial_mismatch":
                [serial] = [c.seen_serial for c in conditions if c.seen_serial]
                assert call.says.endswith(f"{serial}."), call
            elif case == "modem_offline":
                assert any(c.after_restart == "offline" for c in conditions), call
            seen.add(case)
    assert seen == {"aviso", "serial_mismatch", "modem_offline"}
