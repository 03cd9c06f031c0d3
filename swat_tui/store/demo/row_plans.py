"""How the demo writer hands a table's row dicts to the driver, bypassing SQLAlchemy's
per-row parameter building: SQLite's ``executemany`` of the compiled INSERT, and
PostgreSQL's ``COPY ... FROM STDIN`` through psycopg 3's ``cursor.copy``.

Both apply SQLAlchemy's own bind processors (``UTCDateTime`` to naive UTC,
``Boolean``) through a memo, as the Core path would, so either stores exactly
what ``connection.execute(table.insert(), rows)`` stores (tests compare them).
COPY lists only the row's columns: an ``id`` column is filled by its sequence
default, as an INSERT without it is, so the sequence is where it should be for
the inserts that follow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Table

from swat_tui.store.demo.batch import Row


class RowPlan:
    """A row dict as the values of ``order``'s columns, with the bind processors applied."""

    def __init__(self, table: Table, order: Sequence[str], dialect: Dialect) -> None:
        getter = itemgetter(*order)
        self.getter: Callable[[Row], Any] = getter if len(order) > 1 else lambda row: (getter(row),)
        self.converters: list[tuple[int, dict[Any, Any], Callable[[Any], Any]]] = []
        for index, name in enumerate(order):
            processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self.converters.append((index, {}, processor))

    def values(self, row: Row) -> list[Any]:
        values = list(self.getter(row))
        for index, memo, processor in self.converters:
            value = values[index]
            try:
                values[index] = memo[value]
            except KeyError:
                values[index] = memo[value] = processor(value)
        return values


class SqlitePlan(RowPlan):
    """The compiled INSERT of one table for ``executemany`` on the sqlite3 cursor."""

    def __init__(self, table: Table, keys: Sequence[str], dialect: Dialect) -> None:
        compiled = table.insert().compile(dialect=dialect, column_keys=list(keys))
        self.sql = str(compiled)
        super().__init__(table, list(compiled.positiontup or ()), dialect)

    def write(self, connection: Connection, rows: list[Row]) -> None:
        driver = connection.connection.driver_connection
        assert driver is not None
        cursor = driver.cursor()
        try:
            cursor.executemany(self.sql, [self.values(row) for row in rows])
        finally:
            cursor.close()


class CopyPlan(RowPlan):
    """``COPY table (columns) FROM STDIN`` of one table, in the connection's transaction.

    Binary when psycopg knows every column's type (a fifth less work than text,
    for the client and the server alike), text otherwise.
    """

    def __init__(self, table: Table, keys: Sequence[str], dialect: Dialect) -> None:
        from psycopg.postgres import types

        quote = dialect.identifier_preparer.quote
        columns = ", ".join(quote(name) for name in keys)
        target = f"{dialect.identifier_preparer.format_table(table)} ({columns})"
        # "VARCHAR(15)" -> "varchar", "TIMESTAMP WITH TIME ZONE" -> its oid, and so on.
        names = [table.c[name].type.compile(dialect).split("(")[0].lower() for name in keys]
        known = [types.get(name) for name in names]
        self.oids: list[int] | None = (
            [info.oid for info in known if info is not None] if all(known) else None
        )
        binary = " (FORMAT BINARY)" if self.oids else ""
        self.sql = f"COPY {target} FROM STDIN{binary}"
        super().__init__(table, keys, dialect)

    def write(self, connection: Connection, rows: list[Row]) -> None:
        driver = connection.connection.driver_connection  # a psycopg.Connection
        assert driver is not None
        values = self.values
        with driver.cursor() as cursor, cursor.copy(self.sql) as copy:
            if self.oids:
                copy.set_types(self.oids)
            write_row = copy.write_row
            for row in rows:
                write_row(values(row))


__all__ = ["CopyPlan", "RowPlan", "SqlitePlan"]
