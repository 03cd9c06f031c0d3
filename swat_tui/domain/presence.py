"""Agent presence: what the floor can know of every signed-on session, from the store.

A session claims its profile's row at sign-on, moves it with every softphone
transition in the same transaction as the call's write (``PresenceMove``,
written by the call's ``save``), lets it follow the call's step on every call
write, refreshes its heartbeat every few seconds and removes it at sign-off.
A session that dies leaves its row; once its heartbeat is older than the
threshold (``data/presence.toml``) the floor shows it as gone and the profile
may sign on again, taking the row over.

A session is one process: a terminal runs one app, textual-serve one process
per tab. The token is the process's (``process_session``), so the same process
signing the same profile on again (a test's second desk, the app after a
simulated crash) re-claims its own row; another process is refused while the
row is alive, unless it ran on this machine and is gone (a kill -9, a closed
terminal or browser tab): the agent who restarts the app there signs on at
once, without waiting for the heartbeat to go stale.
"""

from __future__ import annotations

import hashlib
import math
import os
import socket
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from uuid import uuid4

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from swat_tui.domain import messages
from swat_tui.domain.desk.softphone import Softphone
from swat_tui.domain.errors import refusal
from swat_tui.paths import data_dir
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.errors import StoreError
from swat_tui.store.queries import presence as queries


@dataclass(frozen=True)
class PresenceConfig:
    """``data/presence.toml``: heartbeat period and staleness threshold (the row-24
    texts are the catalogue's ``presence.*``, data/messages.toml)."""

    heartbeat: timedelta
    stale_after: timedelta

    def alive(self, heartbeat_at: datetime, now: datetime) -> bool:
        """A heartbeat younger than the threshold: the session is still there."""
        return _age(heartbeat_at, now) < self.stale_after


def parse_presence_config(raw: Mapping[str, Any]) -> PresenceConfig:
    """Build the configuration from the TOML document (``KeyError``/``ValueError`` if bad)."""
    heartbeat = float(raw["heartbeat_seconds"])
    stale_after = float(raw["stale_after_seconds"])
    if not 0 < heartbeat < stale_after:
        raise ValueError("presence.toml needs 0 < heartbeat_seconds < stale_after_seconds")
    return PresenceConfig(timedelta(seconds=heartbeat), timedelta(seconds=stale_after))


def load_presence_config(path: Path) -> PresenceConfig:
    with path.open("rb") as handle:
        return parse_presence_config(tomllib.load(handle))


@cache
def presence_config() -> PresenceConfig:
    """The shipped ``data/presence.toml``, read once per process."""
    return load_presence_config(data_dir() / "presence.toml")


def _machine() -> str:
    """A short, stable name of this machine for session tokens (not the host name)."""
    return hashlib.sha1(socket.gethostname().encode()).hexdigest()[:8]


@cache
def process_session() -> str:
    """This process's session token, ``machine:pid:random`` (see the module's
    docstring): the machine and pid say whether a row's session can still be alive."""
    return f"{_machine()}:{os.getpid()}:{uuid4().hex[:8]}"


def gone_from_this_machine(token: str) -> bool:
    """The session of ``token`` ran on this machine in a process that no longer exists.
    Unknown (another machine, an old token, no permission to ask): False."""
    parts = token.split(":")
    if len(parts) != 3 or parts[0] != _machine() or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # PermissionError: a process of another user has that pid
        return False
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed process its parent has not reaped yet (a container whose init does not
    reap, a tmux server that exited first) still answers ``kill(pid, 0)``: it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # no /proc (not Linux) or the process just went: ask no further
        return False
    state = stat.rpartition(")")[2].split()[:1]
    return state in (["Z"], ["X"])


def _age(heartbeat_at: datetime, now: datetime) -> timedelta:
    return max(now - heartbeat_at, timedelta(0))


def _seconds(span: timedelta) -> int:
    return math.ceil(span.total_seconds())


# -- what an intent writes ------------------------------------------------------------


@dataclass(frozen=True)
class PresenceMove:
    """The presence a softphone transition leaves, written in the intent's transaction.

    ``on_call``: the call the intent writes is the session's call (ringing or on
    the line) and its step is shown; otherwise the presence has no call.
    ``signed_off``: the session ends, its row goes.
    """

    agent_id: int
    token: str
    state: str
    aux_reason: str | None
    since: datetime
    on_call: bool = False
    signed_off: bool = False

    @classmethod
    def of(
        cls, agent_id: int, token: str, phone: Softphone, *, on_call: bool = False
    ) -> PresenceMove:
        aux = phone.aux.label if phone.aux is not None else None
        return cls(agent_id, token, phone.state.value, aux, phone.since, on_call)

    @classmethod
    def sign_off(cls, agent_id: int, token: str, phone: Softphone) -> PresenceMove:
        aux = phone.aux.label if phone.aux is not None else None
        return cls(agent_id, token, phone.state.value, aux, phone.since, signed_off=True)


def write_move(
    session: Session, move: PresenceMove, *, call_id: int | None = None, step: int | None = None
) -> None:
    """Write ``move`` in the caller's transaction; ``call_id`` and ``step`` are the
    written call's, kept only when the move is ``on_call``."""
    if move.signed_off:
        queries.remove_presence(session, agent_id=move.agent_id, token=move.token)
        return
    on_call = move.on_call and call_id is not None
    queries.move_presence(
        session,
        agent_id=move.agent_id,
        token=move.token,
        state=move.state,
        aux_reason=move.aux_reason,
        since=move.since,
        call_id=call_id if on_call else None,
        step=step if on_call else None,
    )


def write(
    engine: Engine, move: PresenceMove, *, call_id: int | None = None, step: int | None = None
) -> None:
    """``write_move`` in a transaction of its own: a transition that writes no call
    (Disponible or AUX out of no ACW, back into a call a crash left open)."""
    with write_session(engine) as session:
        write_move(session, move, call_id=call_id, step=step)


def follow_call(session: Session, *, call_id: int, step: int) -> None:
    """Every call write: the presence on this call shows its step (same transaction)."""
    queries.follow_call_step(session, call_id=call_id, step=step)


def shown_panel(session: Session, agent_id: int, panel: str | None) -> None:
    """The panel the agent's session shows now (written with the intent that opened it)."""
    queries.set_panel(session, agent_id=agent_id, panel=panel[:8] if panel else None)


# -- sign-on, heartbeat, the floor -----------------------------------------------------


def claim_in(
    session: Session,
    *,
    agent_id: int,
    username: str,
    token: str,
    phone: Softphone,
    now: datetime,
    config: PresenceConfig | None = None,
) -> str:
    """Take the profile's row for session ``token`` (in the caller's transaction).

    Refused (``DomainError``, rule ``presence.profile_in_use``) while another session's row
    is alive; a stale one is taken over, and the returned notice says so ("" else).
    """
    config = config or presence_config()
    row = queries.get_presence(session, agent_id=agent_id)
    notice = ""
    if row is not None and row.session != token:
        age = _age(row.heartbeat_at, now)
        if gone_from_this_machine(row.session):
            notice = messages.text("presence.profile_process_gone", username=username)
        elif age < config.stale_after:
            raise refusal(
                "presence.profile_in_use",
                username=username,
                age=int(age.total_seconds()),
                wait=_seconds(config.stale_after - age),
            )
        else:
            notice = messages.text(
                "presence.profile_taken_over", username=username, age=int(age.total_seconds())
            )
    aux = phone.aux.label if phone.aux is not None else None
    queries.put_presence(
        session,
        agent_id=agent_id,
        username=username,
        token=token,
        state=phone.state.value,
        aux_reason=aux,
        since=phone.since,
        at=now,
    )
    return notice


def claim(
    engine: Engine,
    *,
    agent_id: int,
    username: str,
    token: str,
    phone: Softphone,
    now: datetime,
) -> str:
    """``claim_in`` in a transaction of its own (a desk opening for its session)."""
    with write_session(engine) as session:
        return claim_in(
            session, agent_id=agent_id, username=username, token=token, phone=phone, now=now
        )


def heartbeat(engine: Engine, *, agent_id: int, token: str, now: datetime) -> bool:
    """Refresh the session's heartbeat (only ``heartbeat_at``), in its own short
    transaction. False when nothing was written: the store was busy (the next tick
    tries again) or the row is no longer this session's."""
    try:
        with write_session(engine) as session:
            return queries.beat(session, agent_id=agent_id, token=token, at=now)
    except (StoreError, SQLAlchemyError):  # never the agent's concern: next tick
        return False


@dataclass(frozen=True)
class FloorLine:
    """One signed-on session as the floor sees it; ``alive`` from its heartbeat's age."""

    username: str
    state: str
    aux_reason: str | None
    since: datetime
    call_id: int | None
    step: int | None
    panel: str | None
    signed_on_at: datetime
    heartbeat_at: datetime
    heartbeat_age: timedelta
    alive: bool


def floor(
    engine: Engine, now: datetime, config: PresenceConfig | None = None
) -> tuple[FloorLine, ...]:
    """Every presence row by user name, each with whether its session is alive."""
    config = config or presence_config()
    with read_session(engine) as session:
        rows = queries.list_presence(session)
        return tuple(
            FloorLine(
                username=row.username,
                state=row.state,
                aux_reason=row.aux_reason,
                since=row.since,
                call_id=row.call_id,
                step=row.step,
                panel=row.panel,
                signed_on_at=row.signed_on_at,
                heartbeat_at=row.heartbeat_at,
                heartbeat_age=_age(row.heartbeat_at, now),
                alive=config.alive(row.heartbeat_at, now),
            )
            for row in rows
        )
