"""The demo's outbound campaign: a base of accounts half worked over the last week.

Up to ``RECORDS`` active, non-BLACKLIST accounts of the demo (every other one, in
account order) with their own mobile, worked by the demo's asesores on each of the
seven days before ``today``, so CASOS CONTACTO EFECTIVO rises day by day to about
half the base and the panel (SUP021) shows a trend, agents and recalls still due.
Its own ``random.Random(seed)``: the rest of the demo does not move when it changes.
Without asesores in the store (a bare ``build_demo``) the base is written unworked.

The results and their waits follow data/recall_rules.toml's shipped values in a
simplified way (this is data for a demo, not the rules engine).
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import SQLModel

from swat_tui.config import BOGOTA

CODE = "RETENCION-DIC"
NAME = "Retención hogar: clientes con factura vencida"
RECORDS = 400
DAYS = 7
ATTEMPTS_PER_DAY = 0.19  # of the base on an average day, spread over the asesores
MAX_ATTEMPTS = 6
# result -> (weight on a first attempt, weight later, minutes before the next attempt)
RESULTS: dict[str, tuple[int, int, int]] = {
    "contacto_efectivo": (42, 34, 0),
    "no_contesta": (22, 26, 120),
    "ocupado": (8, 8, 30),
    "buzon": (14, 16, 240),
    "numero_errado": (4, 4, 0),
    "volver_a_llamar": (10, 12, 0),
}
NOTES = {
    "contacto_efectivo": "Acepta acuerdo de pago",
    "volver_a_llamar": "Pide llamar en la tarde",
    "numero_errado": "No conocen al titular",
}


def write_demo_campaign(connection: Connection, *, today: date, seed: int) -> Counter[str]:
    """Write the campaign, its records and their attempts; the rows written per table."""
    tables = SQLModel.metadata.tables
    account, agent = tables["account"], tables["agent"]
    campaign_t, record_t, attempt_t = (
        tables["campaign"],
        tables["campaign_record"],
        tables["campaign_attempt"],
    )
    accounts = connection.execute(
        select(account.c.cuenta, account.c.phone_mobile, account.c.phone_fixed)
        .where(account.c.blacklist.is_(False), account.c.phone_mobile.is_not(None))
        .order_by(account.c.cuenta)
    ).all()[::2][:RECORDS]
    agents = connection.execute(
        select(agent.c.id).where(agent.c.role == "asesor").order_by(agent.c.username)
    ).scalars().all()  # fmt: skip
    if not accounts:
        return Counter()
    start = datetime.combine(today - timedelta(days=DAYS), time(8), BOGOTA)
    campaign_id = connection.execute(
        campaign_t.insert().returning(campaign_t.c.id),
        {
            "code": CODE,
            "name": NAME,
            "source_file": "retencion_dic.csv",
            "imported_at": start - timedelta(hours=2),
            "imported_by": "SUPERV01",
            "goal_pct": 80,
            "status": "activa",
            "record_count": len(accounts),
        },
    ).scalar_one()
    records = [_record(campaign_id, line, row) for line, row in enumerate(accounts, start=2)]
    attempts = _work(random.Random(seed), records, list(agents), start) if agents else []
    ids = connection.execute(
        record_t.insert().returning(record_t.c.id, record_t.c.cuenta, sort_by_parameter_order=True),
        records,
    ).all()
    by_cuenta = {cuenta: ident for ident, cuenta in ids}
    for attempt in attempts:
        attempt["record_id"] = by_cuenta[attempt.pop("cuenta")]
        attempt["campaign_id"] = campaign_id
    if attempts:
        connection.execute(attempt_t.insert(), attempts)
    return Counter(
        {"campaign": 1, "campaign_record": len(records), "campaign_attempt": len(attempts)}
    )


def _record(campaign_id: int, line: int, row: Any) -> dict[str, Any]:
    cuenta, mobile, fixed = row
    return {
        "campaign_id": campaign_id,
        "line": line,
        "cuenta": cuenta,
        "phone": mobile,
        "phone2": fixed,
        "status": "pendiente",
        "attempts": 0,
        "next_call_at": None,
        "claimed_by": None,
        "claimed_at": None,
        "last_result": None,
        "contacted_at": None,
        "contacted_by": None,
    }


def _work(
    rng: random.Random, records: list[dict[str, Any]], agents: list[int], start: datetime
) -> list[dict[str, Any]]:
    """A week of attempts: each day the recalls due first, then the base in order."""
    attempts: list[dict[str, Any]] = []
    fresh = iter(records)
    codes = list(RESULTS)
    for day in range(DAYS):
        opens = start + timedelta(days=day)
        per_day = max(1, round(len(records) * ATTEMPTS_PER_DAY * rng.uniform(0.7, 1.3)))
        moments = sorted(opens + timedelta(minutes=rng.randrange(600)) for _ in range(per_day))
        for index, at in enumerate(moments):
            record = _next_due(records, at) or next(fresh, None)
            if record is None:
                break
            first = record["attempts"] == 0
            weights = [RESULTS[c][0 if first else 1] for c in codes]
            result = rng.choices(codes, weights)[0]
            agent = agents[index % len(agents)]
            attempts.append(_attempt(record, agent, result, at, rng))
    return attempts


def _next_due(records: list[dict[str, Any]], at: datetime) -> dict[str, Any] | None:
    due = [r for r in records if r["status"] == "pendiente" and r["next_call_at"] is not None]
    due = [r for r in due if r["next_call_at"] <= at]
    return min(due, key=lambda r: r["next_call_at"]) if due else None


def _attempt(
    record: dict[str, Any], agent: int, result: str, at: datetime, rng: random.Random
) -> dict[str, Any]:
    dialled = record["phone"]
    record["attempts"] += 1
    record["last_result"] = result
    recall_at = None
    if result == "contacto_efectivo":
        record.update(status="contactado", next_call_at=None, contacted_at=at, contacted_by=agent)
    elif result == "numero_errado" and record["phone2"]:
        record.update(phone=record["phone2"], phone2=None, next_call_at=at)
    elif result == "numero_errado" or record["attempts"] >= MAX_ATTEMPTS:
        record.update(status="agotado", next_call_at=None)
    elif result == "volver_a_llamar":
        recall_at = datetime.combine(
            at.date() + timedelta(days=1), time(14 + rng.randrange(4)), BOGOTA
        )
        record["next_call_at"] = recall_at
    else:
        record["next_call_at"] = at + timedelta(minutes=RESULTS[result][2])
    return {
        "cuenta": record["cuenta"],
        "agent_id": agent,
        "call_id": None,
        "phone": dialled,
        "result": result,
        "recall_at": recall_at,
        "note": NOTES.get(result, ""),
        "at": at,
    }
