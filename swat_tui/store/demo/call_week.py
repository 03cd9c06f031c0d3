"""A week of finished demo calls, so the supervisor's KPIs show something real.

Every asesor profile the store already has takes calls on each of the seven days
before ``today`` (fewer on Sunday), from 07:00 on: most go through the procedure
(reception, interpretation, the branch's step, typification, closing, survey)
with holds and after-call work; some are transferred after the interpretation,
some are abandoned by the customer while ringing. Typifications are first
contact, or carry a CUN (a PQR filed), or were escalated (a follow-up).

Each call's events are written as the desk writes them (kinds, names, requests,
the step each was written at), and its ``state_json`` is the state those
events replay to (``domain.call.replay``; tests replay every call of a store),
built here by hand because the store never imports the domain. Accounts come
after the showcase ones (their history panels are in snapshots and stay
unchanged), ACTIVA and without BLACKLIST; the account-open events carry no
flags. Deterministic: its own ``random.Random(seed)`` stream, so the rest of
the demo does not move; no profile, no calls.
"""

from __future__ import annotations

import json
import random
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path as FilePath
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlmodel import SQLModel

from swat_tui.paths import data_dir
from swat_tui.store.demo.showcase import FIRST_CUENTA, SHOWCASE_ACCOUNTS, SHOWCASE_MIN_ACCOUNTS

BOGOTA = timezone(timedelta(hours=-5), "COT")  # as config.BOGOTA: no daylight saving time
PROVIDER_CODE = "4410"  # the CUN's first part (domain.call.typification_rules)
DEMO_CUN_FIRST = 50_001  # the week's CUNs: 50001, 50002... of their year
DEMO_CUN_BELOW = 100_000  # the demo's PQR CUNs start above this (cases.py)
DAYS = 7
CALLS_PER_DAY = (6, 10)  # per asesor, Monday to Saturday
SUNDAY_CALLS = (3, 6)
MAX_ACCOUNTS = 300
QUEUES = ("HOGAR_SAC", "HOGAR_SOPORTE", "HOGAR_PQR")
TRANSFER_TO = ("HOGAR_RETENCION", "EMPRESAS", "MOVIL_POSTPAGO")
SCORES = (5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 2, 1)
SEED_SALT = 7_021  # this stream's own: the rest of the demo draws from ``seed`` itself


@dataclass(frozen=True)
class Path:
    """A way through a branch: its sub-flow, checks, the codes it typifies with."""

    branch: str
    step: int
    subflow: str
    request: str
    checks: tuple[tuple[str, str], ...]
    first_contact: tuple[str, ...]  # codes when resolved on the line
    other: tuple[str, ...] = ()  # codes when not: escalated, or a PQR filed (a CUN)
    resolved: float = 1.0  # share resolved on the line
    cun: bool = False  # the "other" codes give a CUN
    seconds: tuple[int, int] = (90, 300)


def load_paths(path: FilePath | None = None) -> tuple[tuple[Path, int], ...]:
    """The ways through a branch and their weights, from ``data/demo_call_week.toml``
    (procedure knowledge, such as the UCC codes, is data)."""
    raw = tomllib.loads((path or data_dir() / "demo_call_week.toml").read_text(encoding="utf-8"))
    return tuple(
        (
            Path(
                branch=row["branch"],
                step=int(row["step"]),
                subflow=row["subflow"],
                request=row["request"],
                checks=tuple((str(check), str(result)) for check, result in row["checks"]),
                first_contact=tuple(row["first_contact"]),
                other=tuple(row.get("other", ())),
                resolved=float(row.get("resolved", 1.0)),
                cun=bool(row.get("cun", False)),
                seconds=(int(row["seconds"][0]), int(row["seconds"][1])),
            ),
            int(row["weight"]),
        )
        for row in raw["path"]
    )


@dataclass
class _Call:
    """One call being written: its row, events, request, typification and state."""

    row: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    marks: list[list[object]] = field(default_factory=list)
    requests: list[list[object]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    step: int = 1
    ended: bool = False
    request: dict[str, Any] | None = None
    typification: dict[str, Any] | None = None

    def event(
        self,
        at: datetime,
        kind: str,
        check: str,
        result: str,
        *,
        request: int = 0,
        detail: dict[str, object] | None = None,
        mark: bool = False,
    ) -> None:
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self.events.append(
            {
                "step": self.step,
                "kind": kind,
                "request": request,
                "check": check,
                "result": result,
                "detail": text if detail else "",
                "at": at,
            }
        )
        if mark:
            self.marks.append([check, request, result, at.isoformat()])

    def state_json(self) -> str:
        state = {
            "step": self.step,
            "flags": [],
            "marks": self.marks,
            "requests": self.requests,
            "ended": self.ended,
            "fields": self.fields,
        }
        return json.dumps(state, ensure_ascii=False)


class _Week:
    """Draws the week's calls from one random stream."""

    def __init__(self, rng: random.Random, accounts: list[dict[str, Any]]) -> None:
        self.rng = rng
        self.accounts = accounts
        paths = load_paths()
        self.paths = [path for path, _ in paths]
        self.weights = [weight for _, weight in paths]

    def seconds(self, low: int, high: int) -> timedelta:
        return timedelta(seconds=self.rng.randint(low, high))

    def call(self, agent_id: int, started: datetime) -> tuple[_Call, datetime]:
        """One call that rings at ``started``; the call and when the agent is free."""
        rng = self.rng
        account = rng.choice(self.accounts)
        ani = account["phone_mobile"] or account["phone_fixed"] or "3001234567"
        call = _Call(
            {
                "agent_id": agent_id,
                "cuenta": None,
                "ani": ani,
                "queue": rng.choice(QUEUES),
                "status": "ringing",
                "started_at": started,
                "answered_at": None,
                "ended_at": None,
                "hold_seconds": 0,
                "acw_seconds": 0,
                "survey_answer": None,
                "survey_score": None,
                "transferred_to": None,
                "ended_by": None,
                "caller_name": None,
                "caller_document": None,
                "caller_relation": None,
                "callback_number": None,
            }
        )
        call.event(started, "offer", "timbrando", call.row["queue"])
        fate = rng.random()
        if fate < 0.06:
            return self._abandoned(call, started), started + timedelta(seconds=5)
        at = started + self.seconds(3, 18)
        call.row.update(status="in_progress", answered_at=at)
        call.event(at, "answer", "contestada", "ok", mark=True)
        at = self._reception(call, at, account)
        at = self._interpretation(call, at)
        if fate < 0.13:
            return call, self._transferred(call, at)
        return call, self._handled(call, at)

    def _abandoned(self, call: _Call, started: datetime) -> _Call:
        at = started + self.seconds(8, 45)
        call.row.update(status="abandoned", ended_at=at, ended_by="customer")
        detail: dict[str, object] = {"status": "abandoned", "by": "customer", "ended": False}
        call.event(at, "hang_up", "colgada", "abandoned (customer)", detail=detail)
        return call

    def _reception(self, call: _Call, at: datetime, account: dict[str, Any]) -> datetime:
        at += self.seconds(4, 10)
        call.event(at, "check", "saludo", "guion leído", mark=True)
        at += self.seconds(15, 35)
        caller = {
            "caller_name": account["holder_name"],
            "caller_document": account["document_number"],
            "caller_relation": "titular",
            "callback_number": call.row["ani"],
        }
        for name, value in caller.items():
            call.row[name] = value
            call.event(at, "field", f"campo:{name}", value, detail={"field": name})
        call.event(at, "check", "datos_llamante", "titular", mark=True)
        at += self.seconds(10, 30)
        cuenta = account["cuenta"]
        call.row["cuenta"] = cuenta
        detail: dict[str, object] = {"cuenta": cuenta, "dropped": False, "flags": []}
        call.event(at, "account", "cuenta_abierta", f"{cuenta:08d}", detail=detail, mark=True)
        call.step = 2
        call.event(at, "step", "paso", "2")
        return at

    def _interpretation(self, call: _Call, at: datetime) -> datetime:
        path = self.rng.choices(self.paths, weights=self.weights)[0]
        at += self.seconds(20, 60)
        call.event(at, "check", "estado_revisado", "revisada", mark=True)
        at += self.seconds(20, 70)
        call.requests.append([1, path.branch, path.request])
        detail: dict[str, object] = {
            "branch": path.branch,
            "description": path.request,
            "number": 1,
        }
        result = f"{path.branch}: {path.request}"
        call.event(at, "request", "solicitud", result, request=1, detail=detail, mark=True)
        call.request = {"branch": path.branch, "description": path.request, "created_at": at}
        call.row["_path"] = path
        return at

    def _transferred(self, call: _Call, at: datetime) -> datetime:
        at += self.seconds(20, 90)
        target = self.rng.choice(TRANSFER_TO)
        call.row.update(status="transferred", ended_at=at, ended_by="agent", transferred_to=target)
        call.event(at, "transfer", "transferida", target, request=1)
        return self._acw(call, at, request=1)

    def _handled(self, call: _Call, at: datetime) -> datetime:
        rng = self.rng
        path: Path = call.row["_path"]
        call.step = path.step
        call.event(at, "step", "paso", str(path.step), request=1)
        key = "subflow_1"
        call.fields[key] = path.subflow
        call.event(at, "subflow", f"campo:{key}", path.subflow, request=1, detail={"field": key})
        spent = self.seconds(*path.seconds)
        checks = len(path.checks)
        hold_after = rng.randrange(checks) if rng.random() < 0.35 else None
        for index, (check, result) in enumerate(path.checks):
            at += spent / checks
            call.event(at, "check", check, result, request=1, mark=True)
            if index == hold_after:
                at += self.seconds(2, 8)
                call.event(at, "hold", "espera", "inicio", request=1)
                held = rng.randint(20, 150)
                at += timedelta(seconds=held)
                call.row["hold_seconds"] += held
                detail: dict[str, object] = {"seconds": held}
                call.event(at, "resume", "reanudada", f"{held} s", request=1, detail=detail)
        at += self.seconds(10, 40)
        call.step = 7
        call.event(at, "step", "paso", "7", request=1)
        at += self.seconds(20, 70)
        resolved = rng.random() < path.resolved
        code = rng.choice(path.first_contact if resolved else path.other)
        call.event(at, "typification", "tipificada", code, request=1, mark=True)
        call.typification = {
            "code": code,
            "first_contact": resolved,
            "cun": path.cun and not resolved,
            "created_at": at,
        }
        call.step = 8
        call.event(at, "step", "paso", "8", request=1)
        at += self.seconds(10, 30)
        call.event(at, "check", "resolucion_informada", "informada", request=1, mark=True)
        at += self.seconds(3, 10)
        call.event(at, "check", "nada_mas", "sin más solicitudes", request=1, mark=True)
        at += self.seconds(8, 20)
        call.event(at, "check", "guion_cierre", "leído", mark=True)
        at += self.seconds(3, 10)
        if rng.random() < 0.7:
            score = rng.choice(SCORES)
            call.row.update(survey_answer="acepta", survey_score=score)
            call.event(at, "survey", "encuesta", f"acepta {score}", mark=True)
        else:
            call.row["survey_answer"] = "no acepta"
            call.event(at, "survey", "encuesta", "no acepta", mark=True)
        at += self.seconds(2, 6)
        call.ended = True
        call.row.update(status="ended", ended_at=at, ended_by="agent")
        call.event(at, "close", "terminada", "ok", request=1)
        return self._acw(call, at, request=1)

    def _acw(self, call: _Call, at: datetime, *, request: int) -> datetime:
        seconds = self.rng.randint(15, 95)
        call.row["acw_seconds"] = seconds
        end = at + timedelta(seconds=seconds)
        detail: dict[str, object] = {"seconds": seconds}
        call.event(end, "acw", "fin_acw", f"{seconds} s", request=request, detail=detail)
        return end


def write_call_week(connection: Connection, *, today: date, seed: int, accounts: int) -> int:
    """Write the week of calls in the caller's transaction; how many calls."""
    agents = _asesores(connection)
    chosen = _accounts(connection, accounts)
    if not agents or not chosen:
        return 0
    rng = random.Random(seed * 31 + SEED_SALT)
    week = _Week(rng, chosen)
    cuns: dict[str, int] = {}
    written = 0
    for back in range(DAYS, 0, -1):
        day = today - timedelta(days=back)
        low, high = SUNDAY_CALLS if day.weekday() == 6 else CALLS_PER_DAY
        for agent_id, username in agents:
            free = datetime.combine(day, time(7, rng.randint(0, 40)), BOGOTA)
            for _ in range(rng.randint(low, high)):
                started = free + timedelta(seconds=rng.randint(30, 1500))
                call, free = week.call(agent_id, started)
                _insert(connection, call, username, cuns)
                written += 1
    return written


def _asesores(connection: Connection) -> list[tuple[int, str]]:
    """(id, user name) of every asesor profile, by user name."""
    table = _table("agent")
    statement = (
        select(table.c.id, table.c.username)
        .where(table.c.role == "asesor")
        .order_by(table.c.username)
    )
    return [(int(ident), str(name)) for ident, name in connection.execute(statement)]


def _accounts(connection: Connection, accounts: int) -> list[dict[str, Any]]:
    """ACTIVA accounts without BLACKLIST after the showcase's, at most ``MAX_ACCOUNTS``."""
    first = FIRST_CUENTA + (len(SHOWCASE_ACCOUNTS) if accounts >= SHOWCASE_MIN_ACCOUNTS else 0)
    table = _table("account")
    statement = (
        select(
            table.c.cuenta,
            table.c.holder_name,
            table.c.document_number,
            table.c.phone_mobile,
            table.c.phone_fixed,
        )
        .where(
            table.c.cuenta >= first,
            table.c.status == "ACTIVA",
            table.c.blacklist.is_(False),
        )
        .order_by(table.c.cuenta)
        .limit(MAX_ACCOUNTS)
    )
    return [dict(row._mapping) for row in connection.execute(statement)]


def _insert(connection: Connection, call: _Call, username: str, cuns: dict[str, int]) -> None:
    """The call, its events, its request and its typification (with a new CUN if any)."""
    row = {key: value for key, value in call.row.items() if not key.startswith("_")}
    row["current_step"] = call.step
    row["state_json"] = call.state_json()
    call_id = connection.execute(
        _table("call").insert().returning(_table("call").c.id), row
    ).scalar_one()
    connection.execute(
        _table("call_event").insert(), [{**event, "call_id": call_id} for event in call.events]
    )
    if call.request is None:
        return
    request_id = connection.execute(
        _table("call_request").insert().returning(_table("call_request").c.id),
        {**call.request, "call_id": call_id},
    ).scalar_one()
    if call.typification is None:
        return
    typed = call.typification
    cun = _next_cun(connection, typed["created_at"], cuns) if typed["cun"] else None
    connection.execute(
        _table("typification").insert(),
        {
            "call_id": call_id,
            "request_id": request_id,
            "cuenta": row["cuenta"],
            "code": typed["code"],
            "first_contact": typed["first_contact"],
            "cun": cun,
            "incident_number": None,
            "dime_number": None,
            "notes": "",
            "agent": username,
            "created_at": typed["created_at"],
        },
    )


def _next_cun(connection: Connection, at: datetime, cuns: dict[str, int]) -> str:
    """The next demo CUN of the call's year. The demo's PQRs number theirs from above
    ``DEMO_CUN_BELOW`` (``cases.py``): these stay below them, so the counters, which
    follow the highest stored, give an agent the same next CUN as without the week.
    A second week in the same store follows the first's."""
    prefix = f"{PROVIDER_CODE}-{at.astimezone(BOGOTA).year % 100:02d}-"
    if prefix not in cuns:
        column = _table("typification").c.cun
        below = select(func.max(column)).where(
            column >= f"{prefix}{DEMO_CUN_FIRST:010d}",
            column < f"{prefix}{DEMO_CUN_BELOW:010d}",
        )
        stored = connection.execute(below).scalar()
        cuns[prefix] = int(stored[len(prefix) :]) if stored else DEMO_CUN_FIRST - 1
    cuns[prefix] += 1
    return f"{prefix}{cuns[prefix]:010d}"


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]
