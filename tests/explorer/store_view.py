"""What the store says, read with plain SQL: the oracles do not ask the code under test.

Test privilege: the store is read directly (the call's row, its events and
every row that names it), and blacklisted accounts are read past the rule
with ``SEE_ALL`` on a throwaway copy (opening a panel writes the access log).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

from swat_tui.domain.bootstrap import open_services
from swat_tui.domain.procedure.check_ids import F7_READ, IDENTITY
from swat_tui.store.demo import SHOWCASE
from swat_tui.ui.format import pesos
from tests.gates import SEE_ALL
from tests.ui.conftest import ui_settings

ACTIVE = "in_progress"


@dataclass(frozen=True)
class Secrets:
    """What the BLACKLIST rule hides of one blacklisted account."""

    cuenta: int
    words: tuple[str, ...]  # holder, document, phones, email, address: distinctive anywhere
    money: tuple[str, ...]  # balance and rent as panels write them: checked beside the cuenta


def read_accounts(template: Path, workdir: Path) -> tuple[tuple[Secrets, ...], dict[str, str]]:
    """The hidden values of every blacklisted account of the demo store, and the mobile
    number of every showcase account (the callers), read on a throwaway copy."""
    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / "secrets.db"
    shutil.copyfile(template, copy)
    services = open_services(ui_settings(copy))
    try:
        with services.engine.connect() as connection:
            cuentas = connection.execute(
                text("SELECT cuenta FROM account WHERE blacklist = 1 ORDER BY cuenta")
            ).scalars()
            found = list(cuentas)
        secrets = []
        for cuenta in found:
            view = services.accounts.open_panel(cuenta, agent="TEST", gate=SEE_ALL)
            words = (
                view.holder_name,
                view.document,
                view.phone_mobile,
                view.phone_fixed,
                view.email,
                view.address,
            )
            money = tuple(pesos(v) for v in (view.balance, view.monthly_rent) if v)
            secrets.append(Secrets(cuenta, tuple(w for w in words if w and len(w) >= 6), money))
        phones = {}
        for case, showcase_cuenta in SHOWCASE.items():
            view = services.accounts.open_panel(showcase_cuenta, agent="TEST", gate=SEE_ALL)
            if view.phone_mobile:
                phones[case] = view.phone_mobile
        return tuple(secrets), phones
    finally:
        services.close()
        copy.unlink(missing_ok=True)


@dataclass(frozen=True)
class StoredCall:
    """One call as the store holds it."""

    id: int
    cuenta: int | None
    status: str
    step: int
    hold_started_at: object
    state: dict[str, object]

    @property
    def blacklisted(self) -> bool:
        """The call's account carries the BLACKLIST flag (recorded when it was opened)."""
        flags = self.state.get("flags", [])
        return isinstance(flags, list) and "blacklist" in flags

    def marks(self) -> list[tuple[str, int, str]]:
        """(check, request, result) in the order they were recorded."""
        raw = self.state.get("marks", [])
        assert isinstance(raw, list)
        return [(str(m[0]), int(m[1]), str(m[2])) for m in raw]

    def mark_index(self, check: str) -> int | None:
        """Where the latest call-wide mark of ``check`` is in the recording order."""
        found = [i for i, (c, r, _) in enumerate(self.marks()) if c == check and r == 0]
        return found[-1] if found else None

    def identity_result(self) -> str | None:
        index = self.mark_index(IDENTITY)
        return None if index is None else self.marks()[index][2]

    def blacklist_unlocked(self) -> bool:
        """F7 read, and the identity validated at or after it (the recording order)."""
        f7, identity = self.mark_index(F7_READ), self.mark_index(IDENTITY)
        return f7 is not None and identity is not None and identity >= f7


def calls_of(engine: Engine, agent: str) -> list[StoredCall]:
    """Every call of the agent (by username), oldest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT c.id, c.cuenta, c.status, c.current_step, c.hold_started_at, c.state_json"
                " FROM call c JOIN agent a ON a.id = c.agent_id"
                " WHERE a.username = :agent ORDER BY c.id"
            ),
            {"agent": agent},
        ).all()
    return [StoredCall(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "{}")) for r in rows]


def call_text(engine: Engine, call_id: int) -> str:
    """Every value the store holds about one call, as one searchable text: its row, and
    every row of every table with a ``call_id`` naming it (events, requests, PQRs,
    orders, cases, forms...), and the notes of its account."""
    parts: list[str] = []
    with engine.connect() as connection:
        tables = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table'")
        ).scalars()
        for table in list(tables):
            columns = [row[1] for row in connection.execute(text(f'PRAGMA table_info("{table}")'))]
            if table == "call":
                where = "id = :c"
            elif "call_id" in columns:
                where = "call_id = :c"
            else:
                continue
            for row in connection.execute(
                text(f'SELECT * FROM "{table}" WHERE {where}'), {"c": call_id}
            ):
                parts.extend(str(value) for value in row if value is not None)
        cuenta = connection.execute(
            text("SELECT cuenta FROM call WHERE id = :c"), {"c": call_id}
        ).scalar()
        if cuenta is not None:
            notes = connection.execute(
                text("SELECT text FROM note WHERE cuenta = :c"), {"c": cuenta}
            ).scalars()
            parts.extend(notes)
    return normalise("\n".join(parts))


def normalise(value: str) -> str:
    """Case and spacing as the store may keep them (upper-cased fields, collapsed spaces)."""
    return " ".join(value.split()).casefold()


def typifications_per_request(engine: Engine) -> list[tuple[int, int]]:
    """Requests with more than one typification: (request_id, how many)."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT request_id, count(*) FROM typification WHERE request_id IS NOT NULL"
                " GROUP BY request_id HAVING count(*) > 1"
            )
        ).all()
    return [(int(r[0]), int(r[1])) for r in rows]
