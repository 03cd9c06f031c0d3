"""Crash safety: a process killed with SIGKILL mid-call loses no completed field.

A child process takes a call and writes fields one by one, printing a line
after each write has committed; the parent kills it with SIGKILL while it is
still writing, then reopens the store as the next start of the app would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from swat_tui.config import now_bogota
from swat_tui.domain.call import CallService
from swat_tui.domain.procedure.state import CallState
from swat_tui.store.engine import make_engine, read_session
from swat_tui.store.models import Call
from tests.call_seed import CUENTA, seed
from tests.conftest import FIXED_NOW

KILL_AFTER = 40  # committed field writes before the kill

CHILD = """
import sys
from swat_tui.config import now_bogota
from swat_tui.domain.call import CallService
from swat_tui.store.engine import make_engine

url, agent_id, cuenta = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
calls = CallService(make_engine(url), now_bogota)
call = calls.offer(agent_id, "3001234567", "HOGAR")
calls.answer(call.id)
print("call", call.id, flush=True)
calls.record_check(call.id, "saludo", "guion leído")
print("check saludo", flush=True)
for name, value in (
    ("caller_name", 'Ana "La Mona" Pérez, [b]x[/b]'),
    ("caller_document", "52123456"),
    ("caller_relation", "titular"),
    ("callback_number", "3001234567"),
):
    calls.set_field(call.id, name, value)
    print("field", name, flush=True)
calls.open_account(call.id, cuenta, frozenset({"pqr_pendiente"}))
print("account", cuenta, flush=True)
number = 1
while True:
    calls.set_field(call.id, f"typification_notes_{number}", f"texto {number}, [i]{number}[/i]")
    print("field", f"typification_notes_{number}", flush=True)
    number += 1
"""


@pytest.mark.slow
def test_a_killed_process_loses_no_completed_field(store_url: str, store_engine: Engine) -> None:
    agent_id = seed(store_engine, FIXED_NOW)
    store_engine.dispose()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, store_url, str(agent_id), str(CUENTA)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    seen: list[str] = []
    try:
        while sum(line.startswith("field typification_notes_") for line in seen) < KILL_AFTER:
            line = child.stdout.readline()
            assert line, f"the child stopped early: {child.stderr.read() if child.stderr else ''}"
            seen.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    engine = make_engine(store_url)  # the next start of the app
    calls = CallService(engine, now_bogota)
    call_id = int(seen[0].split()[1])
    (interrupted,) = calls.interrupted(agent_id)
    assert interrupted.id == call_id and interrupted.status == "in_progress"
    assert interrupted.caller_name == 'Ana "La Mona" Pérez, [b]x[/b]'
    assert (interrupted.caller_document, interrupted.caller_relation) == ("52123456", "titular")
    assert interrupted.callback_number == "3001234567"
    assert interrupted.cuenta == CUENTA
    state = interrupted.state
    assert state.flags == {"pqr_pendiente"}
    assert all(
        state.mark_for(check, 0)
        for check in ("contestada", "saludo", "datos_llamante", "cuenta_abierta")
    )
    written = [line.split()[1] for line in seen if line.startswith("field typification_notes_")]
    for name in written:
        number = name.removeprefix("typification_notes_")
        assert state.fields[name] == f"texto {number}, [i]{number}[/i]"
    with read_session(engine) as session:
        row = session.exec(select(Call).where(Call.id == call_id)).one()
    assert CallState.from_json(row.state_json) == state
    # The agent resumes where the call stopped: the procedure goes on.
    assert calls.advance(call_id).state.step == 2
    engine.dispose()
