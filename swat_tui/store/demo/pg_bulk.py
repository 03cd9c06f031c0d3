"""PostgreSQL's bulk-load recipe for the demo build (the manual's "Populating a Database").

The whole build is one transaction. Inside it the foreign keys of the tables the
build fills are dropped first and added back last: a foreign key checks every
row COPY writes with a trigger (half the server's work in a build), while adding
it back validates all rows with one join. ANALYZE then gives the planner the
new tables' statistics, so the first lookups after a build use their indexes.

A failure anywhere rolls the transaction back, constraints included: the store
is left as it was, never without its foreign keys.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class ForeignKey:
    """A foreign key as the catalogue states it, to drop and add back unchanged."""

    table: str  # as regclass prints it (quoted when it must be)
    name: str
    definition: str  # pg_get_constraintdef: "FOREIGN KEY (cuenta) REFERENCES account(cuenta)"


def foreign_keys(connection: Connection, tables: Sequence[str]) -> list[ForeignKey]:
    """The foreign keys declared on ``tables`` (not the ones pointing at them)."""
    rows = connection.execute(
        text(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid = ANY(CAST(:tables AS text[])::regclass[]) ORDER BY conrelid, conname"
        ),
        {"tables": list(tables)},
    )
    return [ForeignKey(table, name, definition) for table, name, definition in rows]


@contextmanager
def bulk_load(connection: Connection, tables: Sequence[str]) -> Iterator[None]:
    """One transaction for the whole load, without the foreign keys of ``tables``
    while it runs; they are added back (validated) and the tables analysed at the end."""
    quote = connection.dialect.identifier_preparer.quote
    with connection.begin():
        keys = foreign_keys(connection, tables)
        for key in keys:
            connection.exec_driver_sql(f"ALTER TABLE {key.table} DROP CONSTRAINT {quote(key.name)}")
        yield
        for key in keys:
            connection.exec_driver_sql(
                f"ALTER TABLE {key.table} ADD CONSTRAINT {quote(key.name)} {key.definition}"
            )
        for table in tables:
            connection.exec_driver_sql(f"ANALYZE {quote(table)}")


__all__ = ["ForeignKey", "bulk_load", "foreign_keys"]
