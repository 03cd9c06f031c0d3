"""who ended the call

``ended_by`` says who ended a call (agent, customer or system); with it,
``abandoned`` keeps its meaning: the customer left before being served.

Revision ID: 0003_call_ended_by
Revises: 0002_call_timers
Create Date: 2026-12-01 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003_call_ended_by"
down_revision: str | None = "0002_call_timers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("ended_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.drop_column("ended_by")
