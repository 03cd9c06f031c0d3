"""profile audit

``profile_audit`` keeps every change a supervisor makes to a profile from
USR001 (re-enabling it, resetting its password): who, to whom, what, when.
The account access log is keyed by cuenta and does not fit these rows.

Revision ID: 0004_profile_audit
Revises: 0003_call_ended_by
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004_profile_audit"
down_revision: str | None = "0003_call_ended_by"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "profile_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("target", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("profile_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_profile_audit_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_profile_audit_target"), ["target"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("profile_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_profile_audit_target"))
        batch_op.drop_index(batch_op.f("ix_profile_audit_at"))

    op.drop_table("profile_audit")
