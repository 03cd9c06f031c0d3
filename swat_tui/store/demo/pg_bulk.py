"""PostgreSQL's bulk-load recipe for the demo build (the manual's "Populating a Database").

The whole build is one transaction. Inside it the foreign keys and the plain
(not unique) indexes of the tables the build fills are dropped first and made
again last, from the catalogue's own definitions: a foreign key checks every
row COPY writes with a trigger, and each index takes every row one by one
(together three quarters of the server's work in a build), while adding a key
back validates all rows with one join and an index is built from one sort.
Unique indexes and primary keys stay: they are the store's rules. ANALYZE then
gives the planner the new tables' statistics, so the first lookups after a
build use their indexes.

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


@dataclass(frozen=True)
class PlainIndex:
    """A non-unique index as the catalogue states it, to drop and build again unchanged."""

    name: str
    definition: str  # pg_get_indexdef: "CREATE INDEX ix_account_node_address ON ..."


def plain_indexes(connection: Connection, tables: Sequence[str]) -> list[PlainIndex]:
    """The indexes on ``tables`` that neither a primary key nor a unique rule needs."""
    rows = connection.execute(
        text(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE NOT x.indisunique AND NOT x.indisprimary "
            "AND x.indrelid = ANY(CAST(:tables AS text[])::regclass[]) ORDER BY i.relname"
        ),
        {"tables": list(tables)},
    )
    return [PlainIndex(name, definition) for name, definition in rows]


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
    """One transaction for the whole load, without the foreign keys and plain indexes
    of ``tables`` while it runs; at the end the indexes are built, the keys added back
    (validated) and the tables analysed."""
    quote = connection.dialect.identifier_preparer.quote
    with connection.begin():
        keys = foreign_keys(connection, tables)
        indexes = plain_indexes(connection, tables)
        for key in keys:
            connection.exec_driver_sql(f"ALTER TABLE {key.table} DROP CONSTRAINT {quote(key.name)}")
        for index in indexes:
            connection.exec_driver_sql(f"DROP INDEX {quote(index.name)}")
        yield
        # Index builds sort in memory up to this much (the server's default is 64 MB).
        connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        for index in indexes:
            connection.exec_driver_sql(index.definition)
        for key in keys:
            connection.exec_driver_sql(
                f"ALTER TABLE {key.table} ADD CONSTRAINT {quote(key.name)} {key.definition}"
            )
        for table in tables:
            connection.exec_driver_sql(f"ANALYZE {quote(table)}")


__all__ = ["ForeignKey", "PlainIndex", "bulk_load", "foreign_keys", "plain_indexes"]
