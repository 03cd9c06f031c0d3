"""The load driver's consistency count: what the agents say they did against what the
store holds, and the numbers unique.

Every simulated agent reports each call it took (its id, the account, the note
ids, the typification, the numbers it was given). After the run this module
reads the store for the load profiles' calls newer than the run's start mark
and compares: calls, notes, typifications and numbers each lost (reported, not
stored), extra (stored, not reported) or duplicated; each number column checked
for duplicates over the whole table (the demo's rows included); and how many
calls had the same account on two agents at the same time (the practice queue
draws accounts for each agent independently).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, text

# Number kind -> (table, column) it is stored in, for calls of the run.
NUMBER_COLUMNS = {
    "work_order": ("work_order", "number"),
    "cgo_form": ("cgo_form", "number"),
    "radicado": ("pqr", "radicado"),
    "pqr_cun": ("pqr", "cun"),
    "dime_case": ("dime_case", "number"),
    "typification_cun": ("typification", "cun"),
}
# Columns whose values must be unique over the whole table.
UNIQUE_COLUMNS = (
    ("work_order", "number"),
    ("cgo_form", "number"),
    ("pqr", "radicado"),
    ("pqr", "cun"),
    ("dime_case", "number"),
    ("incident", "number"),
)
MARK_TABLES = ("call", "note", "typification", "work_order", "pqr", "dime_case", "cgo_form")


@dataclass
class Check:
    """One line of the count: what the agents reported, what the store holds."""

    what: str
    reported: int
    stored: int
    lost: int = 0
    extra: int = 0
    duplicated: int = 0
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.reported == self.stored and not (self.lost or self.extra or self.duplicated)


@dataclass
class Consistency:
    checks: list[Check] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # not pass/fail: what the count found

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def marks(engine: Engine) -> dict[str, int]:
    """The highest id of each table the run writes, before it starts."""
    with engine.connect() as connection:
        return {
            name: int(
                connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {name}")).scalar_one()
            )
            for name in MARK_TABLES
        }


def _ids(connection: Connection, sql: str, **values: Any) -> list[Any]:
    statement = text(sql)
    for name, value in values.items():
        if isinstance(value, list | tuple):
            statement = statement.bindparams(bindparam(name, expanding=True))
    return list(connection.execute(statement, values).scalars())


def _compare(what: str, reported: Sequence[Any], stored: Sequence[Any], note: str = "") -> Check:
    counted, held = Counter(reported), Counter(stored)
    return Check(
        what,
        reported=len(reported),
        stored=len(stored),
        lost=sum((counted - held).values()),
        extra=sum((held - counted).values()),
        # Copies beyond the first, in the store or in what the agents were given.
        duplicated=max(
            sum(n - 1 for n in held.values() if n > 1),
            sum(n - 1 for n in counted.values() if n > 1),
        ),
        note=note,
    )


def check(
    engine: Engine, reports: Iterable[dict[str, Any]], mark: dict[str, int], usernames: list[str]
) -> Consistency:
    """Compare the agents' reports with the store (see the module's docstring)."""
    reports = list(reports)
    calls = [call for report in reports for call in report["calls"] if call.get("call_id")]
    call_ids = [int(call["call_id"]) for call in calls]
    agent_ids = [int(report["agent_id"]) for report in reports]
    result = Consistency()
    with engine.connect() as connection:
        stored_calls = connection.execute(
            text("SELECT id, status FROM call WHERE id > :mark AND agent_id IN :agents").bindparams(
                bindparam("agents", expanding=True)
            ),
            {"mark": mark["call"], "agents": agent_ids or [-1]},
        ).all()
        statuses = Counter(status for _, status in stored_calls)
        outcomes = Counter("ended" if call.get("outcome") == "ended" else "error" for call in calls)
        result.checks.append(
            _compare(
                "calls",
                call_ids,
                [row[0] for row in stored_calls],
                note="store: "
                + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))
                + "; agents: "
                + ", ".join(f"{n} {s}" for s, n in sorted(outcomes.items())),
            )
        )
        ended = [int(c["call_id"]) for c in calls if c.get("outcome") == "ended"]
        not_ended = _ids(
            connection,
            "SELECT id FROM call WHERE id IN :ids AND status != 'ended'",
            ids=ended or [-1],
        )
        result.checks.append(
            Check("calls ended as the agent saw them", len(ended), len(ended) - len(not_ended))
        )
        typified = [int(c["call_id"]) for c in calls if c.get("typified")]
        stored_typified = _ids(
            connection,
            "SELECT call_id FROM typification WHERE id > :mark AND call_id IN :ids",
            mark=mark["typification"],
            ids=call_ids or [-1],
        )
        result.checks.append(_compare("typifications", typified, stored_typified))
        notes = [int(n) for c in calls for n in c.get("notes", [])]
        stored_notes = _ids(
            connection,
            "SELECT id FROM note WHERE id > :mark AND author IN :authors",
            mark=mark["note"],
            authors=usernames,
        )
        result.checks.append(_compare("notes", notes, stored_notes))
        for kind, (table, column) in NUMBER_COLUMNS.items():
            reported = [c["numbers"][kind] for c in calls if kind in c.get("numbers", {})]
            stored = _ids(
                connection,
                f"SELECT {column} FROM {table} WHERE call_id IN :ids AND {column} IS NOT NULL",
                ids=call_ids or [-1],
            )
            if kind == "typification_cun":  # a PQR's own CUN is carried by its typification
                pqr_cuns = {c["numbers"].get("pqr_cun") for c in calls}
                stored = [cun for cun in stored if cun not in pqr_cuns]
            result.checks.append(_compare(f"numbers: {kind}", reported, stored))
        for table, column in UNIQUE_COLUMNS:
            twice = connection.execute(
                text(
                    f"SELECT count(*), coalesce(sum(n), 0) FROM (SELECT {column}, count(*) AS n "
                    f"FROM {table} WHERE {column} IS NOT NULL GROUP BY {column} "
                    "HAVING count(*) > 1) AS d"
                )
            ).one()
            result.checks.append(
                Check(
                    f"unique over the table: {table}.{column}",
                    reported=0,
                    stored=0,
                    duplicated=int(twice[1]) - int(twice[0]),
                    note=f"{twice[0]} values held more than once" if twice[0] else "",
                )
            )
        shared_cun = connection.execute(
            text(
                "SELECT count(DISTINCT cun) FROM (SELECT t.cun FROM typification t "
                "WHERE t.cun IS NOT NULL GROUP BY t.cun HAVING count(DISTINCT t.call_id) > 1) d"
            )
        ).scalar_one()
        result.checks.append(
            Check(
                "unique over the table: typification.cun (one call per CUN)",
                reported=0,
                stored=0,
                duplicated=int(shared_cun),
            )
        )
        oversold = connection.execute(
            text("SELECT count(*) FROM wfm_slot WHERE booked > capacity")
        ).scalar_one()
        result.checks.append(
            Check("agenda windows oversold", reported=0, stored=0, duplicated=int(oversold))
        )
    result.facts.append(_same_account_at_once(reports))
    return result


def _same_account_at_once(reports: list[dict[str, Any]]) -> str:
    """How many calls overlapped in time with another agent's call on the same account."""
    spans = [
        (call["cuenta"], call["started"], call["ended"], report["user"])
        for report in reports
        for call in report["calls"]
        if call.get("cuenta") is not None and call.get("ended") is not None
    ]
    spans.sort()
    overlapping = 0
    by_account: dict[int, list[tuple[float, float, str]]] = {}
    for cuenta, started, ended, user in spans:
        by_account.setdefault(cuenta, []).append((started, ended, user))
    for calls in by_account.values():
        for index, (started, ended, user) in enumerate(calls):
            if any(
                other != user and s < ended and started < e
                for j, (s, e, other) in enumerate(calls)
                if j != index
            ):
                overlapping += 1
    repeated = sum(1 for calls in by_account.values() if len(calls) > 1)
    return (
        f"{len(spans)} calls on {len(by_account)} accounts; {repeated} accounts called more "
        f"than once; {overlapping} calls had the same account on another agent at the same time"
    )
