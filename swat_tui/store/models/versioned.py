"""The version column of a record two agents may change at once (optimistic concurrency).

SQLAlchemy's ``version_id_col`` adds ``AND version = <the version read>`` to
every UPDATE of the row and raises ``StaleDataError`` when no row matched: the
row changed since the session read it. SQLModel declares such a column only
through ``sa_column``, and the mapper needs that very ``Column`` object; each
table gets its own (a ``Column`` belongs to one table). ``server_default`` gives
rows written without the ORM (the demo's bulk load, older rows) version 1.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Integer


def version_column() -> Column[Any]:
    """A new ``version`` column: 1 when the row is written, +1 on every ORM update."""
    return Column("version", Integer, nullable=False, server_default="1")


def versioned_by(column: Column[Any]) -> dict[str, Any]:
    """The ``__mapper_args__`` that make ``column`` the row's version counter."""
    return {"version_id_col": column}
