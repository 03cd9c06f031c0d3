"""node reads

The Diagnosticador's neighbours (issue 10) are read by node: the accounts of
the customer's node with their address, and the modems of the nearest. A
node's ~650 accounts are spread over the whole table, so by ``ix_account_node``
and ``ix_equipment_cuenta`` each was a page of its own on a 1,000,000-account
store read from disk (~650 pages for the addresses, two a neighbour for the
modems: over 100 ms a key). Both now come from a range of an index on the node:

- ``ix_account_node_address`` on (node, cuenta, address) covers the addresses
  and serves every query ``ix_account_node`` served (its first column is the
  node), so it replaces it;
- ``cm_registration`` is the CMTS's list of each node's modems, with the
  covering ``ix_cm_registration_node``.

Rows written before this revision: every installed modem is registered on its
account's node.

Revision ID: 0008_node_reads
Revises: 0007_support_visits
Create Date: 2026-12-01 19:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008_node_reads"
down_revision: str | None = "0007_support_visits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index(
            "ix_account_node_address", ["node", "cuenta", "address"], unique=False
        )
        batch_op.drop_index("ix_account_node")

    op.create_table(
        "cm_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("node", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("equipment_id", sa.Integer(), nullable=False),
        sa.Column("serial", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.ForeignKeyConstraint(["cuenta"], ["account.cuenta"]),
        sa.ForeignKeyConstraint(["equipment_id"], ["equipment.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("equipment_id"),
    )
    op.execute(
        "INSERT INTO cm_registration (node, cuenta, equipment_id, serial) "
        "SELECT account.node, equipment.cuenta, equipment.id, equipment.serial "
        "FROM equipment JOIN account ON account.cuenta = equipment.cuenta "
        "WHERE equipment.kind = 'modem' AND equipment.status = 'INSTALADO' "
        "ORDER BY account.node, equipment.cuenta, equipment.id"
    )
    with op.batch_alter_table("cm_registration", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cm_registration_node", ["node", "cuenta", "equipment_id", "serial"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("cm_registration", schema=None) as batch_op:
        batch_op.drop_index("ix_cm_registration_node")
    op.drop_table("cm_registration")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index("ix_account_node", ["node"], unique=False)
        batch_op.drop_index("ix_account_node_address")
