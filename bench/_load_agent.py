"""Child process of the load driver: one simulated agent taking whole practice calls.

Usage: ``python _load_agent.py JSON`` where JSON holds ``url``, ``user``,
``password``, ``seed``, ``seconds``, ``think`` (mean seconds before each intent,
each pause drawn between half and one and a half of it) and
``first_action`` (index into ``ACTIONS``). The agent opens the store as the app
does (``open_services``), signs on (argon2 and the presence claim), opens its
desk on the practice queue, takes one call to warm up (its times set aside)
and prints ``ready``; on ``go`` (a line on stdin) it
takes calls until ``seconds`` have passed, each whole, through the desk and no
UI: ring (the queue draws the call), answer, step 1 (script, caller data, the
account opened), step 2 (the checks the account's flags ask, the request), an
F7 note, a branch action that takes a number (an LLS or OT booked in the agenda, or
a CGO form when the zone is full; a PQR filed with its radicado and CUN; a
DIME case), the typification, the closing and the ACW; between two intents
the presence heartbeat when it is due, as the app beats in a pause. A call
that ends in an error is hung up (what it wrote stays, as in the app). At the
end it signs off and prints one JSON line: every intent's times, the errors by
kind, what it did (calls, notes, typifications, numbers) for the consistency
count, and the CPU seconds it used from go to the end, its own and (a
PostgreSQL server on this machine) its connection's backend's.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

PROJECT = Path(__file__).resolve().parent.parent
T = TypeVar("T")

ACTIONS = ("visita", "pqr", "dime")
CALLER = {
    "caller_name": "Cliente de carga",
    "caller_document": "1020304050",
    "caller_relation": "titular",
    "callback_number": "3015550000",
}
ORDER = {
    "reason": "Internet sin servicio",
    "symptom": "Módem apagado",
    "contact_name": "Cliente de carga",
    "contact_phone": "3015550000",
    "confirmed": "S",
    "access_notes": "Portería 24 horas",
}
PQR = {
    "motive": "queja_facturacion",
    "notes": "Cobro doble del servicio de internet en la factura de noviembre.",
    "channel": "1",
    "address": "cliente.carga@correo.com.co",
    "confirmed": "S",
}
DIME_REASON = "Cobro doble del periodo de octubre"
DIME_DATA = "Factura de octubre: cargo de $ 45.900 repetido; reconoce un solo cargo."
BOOK_TRIES = 3


def error_kind(error: BaseException) -> str:
    """What reached the agent, by kind: a refusal by its rule, the store's messages by
    what they say ("database is locked" among them), anything else by its type."""
    from swat_tui.domain.errors import DomainError, StoreBusy

    if isinstance(error, StoreBusy):
        return "store busy (database is locked)"
    if isinstance(error, DomainError):
        return f"refused: {error.rule or error.code or error.message[:40]}"
    orig = getattr(error, "orig", None)
    text = str(orig or error).lower()
    if "locked" in text or "busy" in text:
        return "database is locked"
    if "unique" in text or "duplicate key" in text:
        diag = getattr(orig, "diag", None)  # psycopg names the constraint; sqlite3 the column
        what = getattr(diag, "constraint_name", None) or text.rpartition(":")[2].strip()
        return f"{type(error).__name__}: unique violation ({what})"
    if "deadlock" in text:
        return f"{type(error).__name__}: deadlock"
    if "could not serialize" in text:
        return f"{type(error).__name__}: serialization failure"
    return type(error).__name__


def _sample(error: BaseException) -> str:
    """The error's first line, then where it was raised (the last frames)."""
    first = (str(error).strip().splitlines() or [""])[0][:300]
    return f"{type(error).__name__}: {first}\n{traceback.format_exc()[-1200:]}"


class RecordingSource:
    """The practice queue, remembering the last call it handed out (the caller's
    expected account, which the agent would find by asking)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.last: Any = None

    def next_call(self, now: Any) -> Any:
        self.last = self.inner.next_call(now)
        return self.last

    def ring_delay(self) -> float | None:
        return None


class LoadAgent:
    """One agent's desk and what it measured and did."""

    def __init__(self, spec: dict[str, Any]) -> None:
        from swat_tui.config import Settings
        from swat_tui.domain.bootstrap import open_services
        from swat_tui.domain.presence import presence_config

        self.spec = spec
        self.think = float(spec["think"])
        self.rng = random.Random(f"think:{spec['seed']}")
        self.times: dict[str, list[float]] = {}
        self.errors: Counter[str] = Counter()
        self.samples: dict[str, str] = {}  # one traceback per error kind
        self.calls: list[dict[str, Any]] = []
        self.next_action = int(spec["first_action"])
        self.visit_kind = "LLS"  # the kind of order the current call's visit creates
        self.warm_up_times: dict[str, list[float]] = {}
        self.beat_seconds = presence_config().heartbeat.total_seconds()
        self.next_beat = time.monotonic() + self.beat_seconds
        self.services = open_services(Settings(db_url=spec["url"], seed_demo_accounts=0))
        self.agent = self.timed(
            "sign_on", self.services.auth.sign_on, spec["user"], spec["password"]
        )

    def timed(self, intent: str, do: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one intent, keeping its milliseconds (also when it raised); between two
        intents the presence heartbeat, when it is due, as the app beats in a pause."""
        if self.think:  # 0.5 to 1.5 times the mean: agents do not move in step
            time.sleep(self.think * self.rng.uniform(0.5, 1.5))
        desk = getattr(self, "desk", None)
        if desk is not None and time.monotonic() >= self.next_beat:
            self.next_beat = time.monotonic() + self.beat_seconds
            self.timed("heartbeat", desk.heartbeat)
        started = time.perf_counter()
        try:
            return do(*args, **kwargs)
        finally:
            self.times.setdefault(intent, []).append((time.perf_counter() - started) * 1e3)

    def open_desk(self) -> None:
        from swat_tui.domain.desk.desk import Desk
        from swat_tui.domain.desk.sources import PracticeSource

        self.source = RecordingSource(
            PracticeSource(self.services.engine, seed=int(self.spec["seed"]))
        )
        self.desk = self.timed("open_desk", Desk, self.services, self.agent, self.source)

    def warm_up(self) -> None:
        """One whole call before the clock starts, its times set aside: the process's
        first use of each statement (SQLAlchemy compiles and caches it) and the
        practice queue's first draw are start-up costs, not an intent's. What it
        writes and any error it meets count as the others' do."""
        timed, self.times = self.times, {}
        self.run(calls=1, finish=False)
        self.warm_up_times, self.times = self.times, timed

    def run(
        self, seconds: float = float("inf"), *, calls: int | None = None, finish: bool = True
    ) -> None:
        """Whole calls until ``seconds`` have passed (or ``calls`` were taken); then,
        when ``finish``, the last ACW and the sign-off."""
        from swat_tui.domain.desk.softphone import AgentState

        deadline = time.monotonic() + seconds
        taken = 0
        while time.monotonic() < deadline and (calls is None or taken < calls):
            taken += 1
            action = ACTIONS[self.next_action % len(ACTIONS)]
            self.next_action += 1
            record: dict[str, Any] = {"action": action, "numbers": {}, "notes": []}
            record["started"] = time.time()
            self.calls.append(record)
            try:
                if self.desk.phone.state == AgentState.ACW:
                    self.timed("finish_acw", self.desk.finish_acw)
                elif self.desk.phone.state != AgentState.DISPONIBLE:
                    self.timed("go_available", self.desk.go_available)
                self.take_call(record)
                record["outcome"] = "ended"
            except Exception as error:  # counted by kind; the call is hung up
                kind = error_kind(error)
                record["outcome"] = f"error: {kind}"
                self.errors[kind] += 1
                self.samples.setdefault(kind, _sample(error))
                if not self.recover():
                    break
            finally:
                record["ended"] = time.time()
        if finish:
            self.finish()

    def recover(self) -> bool:
        """After an error: the call in progress hung up (as the agent would), so the
        next can ring; False when even that failed (the agent stops)."""
        try:
            if self.desk.ringing is not None:
                self.timed("answer", self.desk.answer)
            if self.desk.active is not None:
                self.timed("hang_up", self.desk.hang_up)
            return True
        except Exception as error:
            kind = f"recovery failed: {error_kind(error)}"
            self.errors[kind] += 1
            self.samples.setdefault(kind, _sample(error))
            return False

    def finish(self) -> None:
        """The last ACW finished and the agent signs off."""
        from swat_tui.domain.desk.softphone import AgentState

        try:
            if self.desk.phone.state == AgentState.ACW:
                self.timed("finish_acw", self.desk.finish_acw)
            self.timed("sign_off", self.desk.sign_off)
        except Exception as error:
            kind = f"sign-off: {error_kind(error)}"
            self.errors[kind] += 1
            self.samples.setdefault(kind, _sample(error))

    # -- one call ---------------------------------------------------------------------

    def select_one(self) -> object:
        """The same-run baseline: a ``SELECT 1`` round trip through a session of the
        agent's engine, under the same load as the intents."""
        from sqlalchemy import text

        from swat_tui.store.engine import read_session

        with read_session(self.services.engine) as session:
            return session.connection().execute(text("SELECT 1")).scalar_one()

    def take_call(self, record: dict[str, Any]) -> None:
        desk, t = self.desk, self.timed
        t("SELECT 1 (baseline)", self.select_one)
        ringing = t("ring", desk.ring)
        record["call_id"] = ringing.id
        incoming = self.source.last
        cuenta = int(incoming.expected_cuenta)
        record["cuenta"], record["kind"] = cuenta, incoming.kind
        t("answer", desk.answer)
        self.reception(cuenta)
        action = self.interpretation(cuenta, record["action"])
        record["action"] = action
        line = t("add_note", desk.accounts.add_note, cuenta, f"Llamada de carga: {action}.")
        record["notes"].append(line.id)
        if action == "visita":
            self.visit(cuenta, record)
        elif action == "pqr":
            self.pqr(record)
        else:
            self.dime(record)
        self.typify(record)
        self.close()

    def reception(self, cuenta: int) -> None:
        desk, t = self.desk, self.timed
        t("record_check", desk.call.record_check, "saludo", "guion leído")
        for name, value in CALLER.items():
            t("set_field", desk.call.set_field, name, value)
        t("open_account", desk.call.open_account, cuenta)
        t("advance", desk.call.advance)

    def interpretation(self, cuenta: int, action: str) -> str:
        """Step 2's checks, then the request; the branch action (a visit is not booked
        for an account under an aviso or with one open: a DIME case instead)."""
        from swat_tui.domain.procedure import check_ids

        desk, t = self.desk, self.timed
        assert desk.active is not None
        flags = desk.active.record.state.flags
        if "blacklist" in flags:
            t("read_special_notes", desk.accounts.read_special_notes, cuenta)
            t("record_check", desk.call.record_check, check_ids.IDENTITY, "cédula verificada")
        for flag, check in (
            ("pqr_pendiente", "pqr_revisada"),
            ("visita_pendiente", "visita_revisada"),
            ("aviso", "aviso_revisado"),
        ):
            if flag in flags:
                t("record_check", desk.call.record_check, check, "revisada")
        t("record_check", desk.call.record_check, "estado_revisado", "revisada")
        if action == "visita":
            # One open order of each kind at most: an LLS, else an OT, else (both open,
            # or the node under an aviso) the request goes to DIME instead.
            account = desk.active.account
            open_kinds = {v.kind for v in account.pending_visits} if account else set()
            kind = next((k for k in ("LLS", "OT") if k not in open_kinds), None)
            if kind is None or "aviso" in flags:
                action = "dime"
            self.visit_kind = kind or "LLS"
        if action == "visita":
            t("start_request", desk.call.start_request, "visita", "Necesita una visita")
            t("advance", desk.call.advance)
        elif action == "pqr":
            t("start_request", desk.call.start_request, "pqr", "Insiste en radicar una queja")
            t("advance", desk.call.advance)
            t("choose_subflow", desk.call.choose_subflow, "3")
        else:
            t("start_request", desk.call.start_request, "sac", "Reclama un cobro doble")
            t("advance", desk.call.advance)
            t("choose_subflow", desk.call.choose_subflow, "2")
        return action

    def visit(self, cuenta: int, record: dict[str, Any]) -> None:
        """An LLS (an OT when one is open), booked in the first free window (the next
        one if another agent just took it), or a CGO form when the zone has none."""
        from swat_tui.domain.errors import DomainError
        from swat_tui.domain.visit.agenda import SLOT_TAKEN

        desk, t = self.desk, self.timed
        address = t("visit_orders", desk.visit.orders, cuenta).address  # VIS010
        order = t(
            "create_order",
            desk.visit.create_order,
            cuenta,
            kind=self.visit_kind,
            address=address,
            **ORDER,
        )
        record["numbers"]["work_order"] = order.number
        windows = list(t("agenda", desk.visit.agenda, cuenta, order.number).windows)
        booked = False
        for _ in range(BOOK_TRIES):
            if not windows:
                break
            try:
                t("book", desk.visit.book, cuenta, order.number, windows[0].slot_id)
                booked = True
                break
            except DomainError as refused:
                if refused.rule != SLOT_TAKEN and refused.code != SLOT_TAKEN:
                    raise
                self.errors["slot taken, next window tried (not an error)"] += 1
                windows = list(t("agenda", desk.visit.agenda, cuenta, order.number).windows)
        if booked:
            record["booked"] = order.number
        else:
            codes = desk.visit.cgo_window_codes()
            form = t(
                "file_cgo_form",
                desk.visit.file_cgo_form,
                cuenta,
                order.number,
                windows=codes[0],
                days="LUNES A VIERNES",
            )
            record["numbers"]["cgo_form"] = form.number
        t("record_check", desk.call.record_check, "visita_informada", "informada")
        t("advance", desk.call.advance)

    def pqr(self, record: dict[str, Any]) -> None:
        from swat_tui.domain.pqr import filing

        desk, t = self.desk, self.timed
        t("record_check", desk.call.record_check, filing.VALIDATED, "cédula y fecha de expedición")
        filed = t("pqr.file", desk.pqr.file, **PQR)
        record["numbers"]["radicado"] = filed.radicado
        if filed.cun:
            record["numbers"]["pqr_cun"] = filed.cun
        t("record_check", desk.call.record_check, "pqr_informada", "informados")
        t("advance", desk.call.advance)

    def dime(self, record: dict[str, Any]) -> None:
        desk, t = self.desk, self.timed
        pending = self.pending_checks()
        case = t(
            "dime.escalate",
            desk.dime.escalate,
            area="facturacion",
            reason=DIME_REASON,
            data=DIME_DATA,
            check_id=pending[0] if pending else None,
        )
        record["numbers"]["dime_case"] = case.number
        for check in self.pending_checks():
            t("record_check", desk.call.record_check, check, "revisada")
        t("advance", desk.call.advance)

    def pending_checks(self) -> list[str]:
        desk = self.desk
        view = self.timed("step_view", desk.call.step_view, desk.call.step_panel())
        return [c.check.id for c in view.checks if c.applies and not c.done]

    def typify(self, record: dict[str, Any]) -> None:
        desk, t = self.desk, self.timed
        code = desk.call.suggested_code()
        entry = t("ucc_search", desk.accounts.ucc_search, code)
        needs_cun = bool(entry) and entry[0].code == code and entry[0].requires_cun
        first_contact = not (needs_cun or desk.call.request_escalated())
        t("typify", desk.call.typify, code=code, first_contact=first_contact)
        record["typified"] = code
        lines = t("typifications", desk.call.typifications)
        if lines and lines[-1].cun and lines[-1].cun != record["numbers"].get("pqr_cun"):
            record["numbers"]["typification_cun"] = lines[-1].cun
        t("advance", desk.call.advance)

    def close(self) -> None:
        desk, t = self.desk, self.timed
        t("record_check", desk.call.record_check, "resolucion_informada", "informada")
        t("record_check", desk.call.record_check, "nada_mas", "sin más solicitudes")
        t("record_check", desk.call.record_check, "guion_cierre", "leído")
        t("record_survey", desk.call.record_survey, "acepta", 5)
        t("end_call", desk.end_call)

    def report(self) -> dict[str, Any]:
        return {
            "user": self.spec["user"],
            "agent_id": self.agent.id,
            "times": self.times,
            "errors": dict(self.errors),
            "samples": self.samples,
            "calls": self.calls,
            "warm_up_times": self.warm_up_times,
        }


def server_cpu_seconds(services: Any) -> float | None:
    """CPU seconds the PostgreSQL backend of this process's pooled connection has used,
    read from ``/proc`` (a server on this machine); None on SQLite or when unreadable."""
    from sqlalchemy import text

    if services.engine.dialect.name != "postgresql":
        return None
    with services.engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(spec: dict[str, Any]) -> None:
    agent = LoadAgent(spec)
    agent.open_desk()
    agent.warm_up()
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("the driver did not say go")
    client, server = time.process_time(), server_cpu_seconds(agent.services)
    agent.run(float(spec["seconds"]))
    cpu = {"client_s": time.process_time() - client, "server_s": None}
    server_end = server_cpu_seconds(agent.services)
    if server is not None and server_end is not None:
        cpu["server_s"] = server_end - server
    agent.services.close()
    print(json.dumps({**agent.report(), "cpu": cpu}), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    main(json.loads(sys.argv[1]))
