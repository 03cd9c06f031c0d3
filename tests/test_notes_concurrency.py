"""Two agents on one account's notes at once, as real processes on either backend.

The SWAT folder created by several agents at the same moment is one folder with every
agent's note in it: F7+F6 by hand (the others are told it exists) and the folder a long
typification note creates on its own (``ensure_folder``). Each creator keeps its
transaction open a moment after creating, so the others try while the folder is not
committed yet: a check then an insert made one folder each on PostgreSQL. Notes added at
once are all kept, each agent's in the order it wrote them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Note, NoteFolder
from swat_tui.store.queries import notes as note_queries
from tests.process_race import race
from tests.store_rows import account_row

CUENTA = 20000001
AGENTS = 4

WORKER = """
import os, sys, time
from datetime import UTC, datetime

from swat_tui.domain.account.notes import NoteService, create_folder_in
from swat_tui.domain.errors import DomainError
from swat_tui.store.engine import make_engine, write_session
from swat_tui.store.queries import notes as note_queries

url, cuenta, mode = sys.argv[1:]
cuenta, agent = int(cuenta), "AGT" + os.environ["SWAT_RACE_NAME"]
clock = lambda: datetime.now(UTC)
engine = make_engine(url)
with engine.connect():
    pass  # connected and imported before the start
at_barrier()
if mode == "create":  # F7+F6 SWAT, then a note in it
    try:
        with write_session(engine) as session:
            create_folder_in(session, cuenta, "swat", agent=agent, at=clock())
            time.sleep(0.3)  # not committed yet while the others create theirs
        print("CREATED")
    except DomainError as error:
        print("EXISTS", error.message)
    NoteService(engine, clock).add_note(cuenta, "Nota de " + agent, agent=agent, folder="SWAT")
elif mode == "swat":  # a long typification note: the folder is created if missing
    with write_session(engine) as session:
        folder, created = note_queries.ensure_folder(
            session, cuenta=cuenta, name="SWAT", created_by=agent, at=clock()
        )
        note_queries.add_note(
            session, cuenta=cuenta, author=agent, text="Nota de " + agent, at=clock(),
            folder_id=folder.id,
        )
        time.sleep(0.3)
    print("CREATED" if created else "FOUND")
else:  # special notes, one after the other
    notes = NoteService(engine, clock)
    for n in range(5):
        notes.add_note(cuenta, f"{agent} nota {n}", agent=agent)
    print("OK")
"""


def _seed(engine: Engine) -> None:
    with write_session(engine) as session:
        session.add(account_row(CUENTA))


def _race(store_url: str, tmp_path: Path, mode: str) -> list[str]:
    return race(WORKER, [[store_url, str(CUENTA), mode]] * AGENTS, tmp_path / "barrier")


@pytest.mark.parametrize("mode", ["create", "swat"])
def test_agents_creating_the_swat_folder_at_once_share_one(
    store_engine: Engine, store_url: str, tmp_path: Path, mode: str
) -> None:
    _seed(store_engine)
    outcomes = _race(store_url, tmp_path, mode)

    assert outcomes.count("CREATED") == 1, outcomes
    exists = "EXISTS La carpeta SWAT ya existe en la cuenta 20000001."
    others = exists if mode == "create" else "FOUND"
    assert outcomes.count(others) == AGENTS - 1, outcomes
    with read_session(store_engine) as session:
        folders = session.exec(select(NoteFolder)).all()
        assert [(f.cuenta, f.name) for f in folders] == [(CUENTA, "SWAT")]
        assert folders[0].id is not None
        notes = note_queries.folder_notes(session, folder_id=folders[0].id)
    assert sorted(note.author for note in notes) == [f"AGT{n:03d}" for n in range(AGENTS)]


def test_agents_adding_notes_at_once_keep_them_all_in_order(
    store_engine: Engine, store_url: str, tmp_path: Path
) -> None:
    _seed(store_engine)
    assert _race(store_url, tmp_path, "notes") == ["OK"] * AGENTS

    with read_session(store_engine) as session:
        listed = note_queries.special_notes(session, cuenta=CUENTA)
        assert len(session.exec(select(Note)).all()) == len(listed) == 5 * AGENTS
    assert [note.created_at for note in listed] == sorted(note.created_at for note in listed)
    for n in range(AGENTS):
        author = f"AGT{n:03d}"
        mine = [note.text for note in listed if note.author == author]
        assert mine == [f"{author} nota {i}" for i in range(5)]  # in the order written
