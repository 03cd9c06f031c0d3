"""Every migration runs on both backends from the revision before it, and back.

A store is walked from empty to the newest schema one revision at a time, then down
to empty and up again: a migration that only works from empty, or whose downgrade
leaves something behind, fails here (on PostgreSQL too, where DDL is transactional
and types are stricter than SQLite's)."""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from swat_tui.store.engine import make_engine
from swat_tui.store.migrate import alembic_config, current_revision
from swat_tui.store.migrations import HEAD


def _chain(engine: Engine) -> list[str]:
    """The revisions oldest first, as Alembic's script directory orders them."""
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        script = ScriptDirectory.from_config(alembic_config(connection))  # type: ignore[arg-type]
        return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _to(engine: Engine, revision: str, *, down: bool = False) -> None:
    from alembic import command

    with engine.begin() as connection:
        config = alembic_config(connection)
        if down:
            command.downgrade(config, revision)  # type: ignore[arg-type]
        else:
            command.upgrade(config, revision)  # type: ignore[arg-type]


def test_each_migration_runs_from_the_one_before_it_and_back(store_url: str) -> None:
    engine = make_engine(store_url)
    try:
        chain = _chain(engine)
        assert chain[-1] == HEAD
        for revision in chain:
            _to(engine, revision)
            assert current_revision(engine) == revision
        tables_at_head = set(inspect(engine).get_table_names())
        for revision in reversed(chain[:-1]):
            _to(engine, revision, down=True)
            assert current_revision(engine) == revision
        _to(engine, "base", down=True)
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        _to(engine, HEAD)
        assert set(inspect(engine).get_table_names()) == tables_at_head
    finally:
        engine.dispose()
