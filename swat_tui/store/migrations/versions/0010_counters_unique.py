"""counters and unique numbers

Many agents on one store (issue 19): numbers stay unique under concurrency.

- ``counter``: one row per number prefix (``LLS``, ``OT``, ``DIME``, ``CGO``, ``INC``,
  ``RAD``, ``RCX``, and a CUN's provider and year ``4410-26-``) holding the last number
  given. Every new number is ``UPDATE counter SET value = value + 1 ... RETURNING value``
  in the intent's transaction (``store.queries.numbering``), never ``max() + 1``.
  Rows written before this revision: each prefix's counter starts at the highest number
  stored, so the next number follows them.
- A CUN is a regulatory id: unique in ``typification`` and in ``pqr``. A store that
  holds one twice (two agents on a server before this revision) is not upgraded; the
  message names the repeated CUNs for someone to correct by hand.
- ``note_folder``: one folder of a name per account (unique index on cuenta and name).
  Folders created twice before this revision are merged into the first, with their notes.

Revision ID: 0010_counters_unique
Revises: 0009_call_record_presence
Create Date: 2026-12-10 19:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from swat_tui.store.errors import StoreError

revision: str = "0010_counters_unique"
down_revision: str | None = "0009_call_record_presence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (counter, digits, table, column): the numbers the program gave before this revision.
NUMBERS = (
    ("LLS", 9, "work_order", "number"),
    ("OT", 10, "work_order", "number"),
    ("DIME", 8, "dime_case", "number"),
    ("CGO", 9, "cgo_form", "number"),
    ("INC", 9, "incident", "number"),
    ("RAD", 10, "pqr", "radicado"),
    ("RCX", 9, "reconnection", "number"),
)
CUN_TABLES = ("typification", "pqr")
CUN_PREFIX, CUN_DIGITS = 8, 10  # 4410-26-0000000001


def upgrade() -> None:
    op.create_table(
        "counter",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    connection = op.get_bind()
    counter = sa.table("counter", sa.column("name"), sa.column("value"))
    rows = [{"name": name, "value": value} for name, value in _highest(connection).items()]
    if rows:
        op.bulk_insert(counter, rows)

    _refuse_repeated_cuns(connection)
    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typification_cun"))
        batch_op.create_index(batch_op.f("ix_typification_cun"), ["cun"], unique=True)
    with op.batch_alter_table("pqr", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pqr_cun"), ["cun"], unique=True)

    _merge_repeated_folders(connection)
    with op.batch_alter_table("note_folder", schema=None) as batch_op:
        batch_op.create_index("uq_note_folder_cuenta_name", ["cuenta", "name"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("note_folder", schema=None) as batch_op:
        batch_op.drop_index("uq_note_folder_cuenta_name")
    with op.batch_alter_table("pqr", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pqr_cun"))
    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typification_cun"))
        batch_op.create_index(batch_op.f("ix_typification_cun"), ["cun"], unique=False)
    op.drop_table("counter")


def _highest(connection: sa.Connection) -> dict[str, int]:
    """Each prefix's greatest well-formed number stored (prefixes without one: none)."""
    found: dict[str, int] = {}
    for prefix, digits, table, column in NUMBERS:
        top = connection.execute(
            sa.text(
                f"SELECT MAX({column}) FROM {table}"
                f" WHERE {column} >= :low AND {column} <= :high AND LENGTH({column}) = :width"
            ),
            {
                "low": prefix + "0" * digits,
                "high": prefix + "9" * digits,
                "width": len(prefix) + digits,
            },
        ).scalar()
        _keep(found, prefix, str(top or "")[len(prefix) :])
    for table in CUN_TABLES:
        rows = connection.execute(
            sa.text(
                f"SELECT SUBSTR(cun, 1, {CUN_PREFIX}), MAX(cun) FROM {table}"
                f" WHERE LENGTH(cun) = {CUN_PREFIX + CUN_DIGITS}"
                f" GROUP BY SUBSTR(cun, 1, {CUN_PREFIX})"
            )
        ).all()
        for prefix, top in rows:
            _keep(found, str(prefix), str(top)[CUN_PREFIX:])
    return found


def _keep(found: dict[str, int], prefix: str, tail: str) -> None:
    if tail.isdigit():
        found[prefix] = max(found.get(prefix, 0), int(tail))


def _refuse_repeated_cuns(connection: sa.Connection) -> None:
    repeated: list[str] = []
    for table in CUN_TABLES:
        repeated += connection.execute(
            sa.text(
                f"SELECT cun FROM {table} WHERE cun IS NOT NULL"
                " GROUP BY cun HAVING COUNT(*) > 1 ORDER BY cun"
            )
        ).scalars()
    if repeated:
        shown = ", ".join(sorted(set(repeated))[:5])
        raise StoreError(
            f"No se puede actualizar la base: {len(set(repeated))} CUN repetidos ({shown}); "
            "corríjalos antes de `swat db upgrade`."
        )


def _merge_repeated_folders(connection: sa.Connection) -> None:
    """A folder name twice on one account: the notes go to the first, the others go."""
    repeated = connection.execute(
        sa.text("SELECT cuenta, name FROM note_folder GROUP BY cuenta, name HAVING COUNT(*) > 1")
    ).all()
    if not repeated:
        return
    op.execute(
        "UPDATE note SET folder_id = (SELECT MIN(keep.id) FROM note_folder keep, note_folder mine"
        " WHERE mine.id = note.folder_id AND keep.cuenta = mine.cuenta AND keep.name = mine.name)"
        " WHERE folder_id IS NOT NULL"
    )
    op.execute(
        "DELETE FROM note_folder"
        " WHERE id NOT IN (SELECT MIN(id) FROM note_folder GROUP BY cuenta, name)"
    )
