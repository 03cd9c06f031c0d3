"""The schema the Alembic migrations build is the schema the models declare.

A fresh store is migrated to head and Alembic's autogenerate comparison is run against
``SQLModel.metadata`` with types and server defaults compared: a model changed without its
migration (or a migration that builds something else) shows up here as a difference.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine
from sqlmodel import SQLModel

import swat_tui.store.models  # noqa: F401  (registers the tables)

# Server defaults a migration gave a NOT NULL column it added to a table that may hold
# rows, so that those rows get a value; the models set the value in Python on every
# insert, so the default stays in the schema only. A new one belongs here with the
# migration that added it, or the migration drops the default once the rows are filled.
BACKFILL_DEFAULTS = {
    ("service", "provisioned"): "0007_support_visits",
    ("call_event", "kind"): "0009_call_record_presence",
    ("call_event", "request"): "0009_call_record_presence",
    ("call_event", "detail"): "0009_call_record_presence",
}


def _differences(engine: Engine, metadata: sa.MetaData) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, metadata))


def _backfill_default(difference: Any) -> tuple[str, str] | None:
    """The (table, column) of a server default only the schema has, or None."""
    if not isinstance(difference, list) or len(difference) != 1:
        return None
    operation, _schema, table, column, _existing, _in_schema, in_model = difference[0]
    if operation != "modify_default" or in_model is not None:
        return None
    return (table, column)


def test_the_migrated_schema_equals_the_models(store_engine: Engine) -> None:
    differences = _differences(store_engine, SQLModel.metadata)
    unexplained = [d for d in differences if _backfill_default(d) not in BACKFILL_DEFAULTS]
    assert unexplained == []


def test_every_backfill_default_named_is_in_the_schema(store_engine: Engine) -> None:
    """The list above names only defaults the schema still has (none left stale)."""
    differences = _differences(store_engine, SQLModel.metadata)
    assert {_backfill_default(d) for d in differences} == set(BACKFILL_DEFAULTS)


def test_the_comparison_sees_a_column_the_migrations_do_not_build(store_engine: Engine) -> None:
    """The check can fail: a model column with no migration is reported."""
    metadata = sa.MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(metadata)
    metadata.tables["account"].append_column(sa.Column("unmigrated", sa.String(8)))
    added = [d for d in _differences(store_engine, metadata) if isinstance(d, tuple)]
    assert [(d[0], d[3].name) for d in added] == [("add_column", "unmigrated")]
