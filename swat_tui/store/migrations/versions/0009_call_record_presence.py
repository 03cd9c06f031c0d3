"""call record and presence

Three seams the supervisor's and the trainer's areas read from the store:

- ``call_event`` is typed: ``kind`` (check, hold, panel, action...), the
  ``request`` it belongs to and a ``detail`` for what the kind needs besides
  its result. Rows written before this revision were checks and step changes:
  they keep ``kind = 'check'``.
- ``refused_intent``: every intent a rule refused, with its rule and row-24 text,
  written outside the refused transaction.
- ``agent_presence``: one row per signed-on profile (softphone state, call, step,
  panel, heartbeat), written with the intent that changes it.

Revision ID: 0009_call_record_presence
Revises: 0008_node_reads
Create Date: 2026-12-06 19:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009_call_record_presence"
down_revision: str | None = "0008_node_reads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("call_event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "kind",
                sqlmodel.sql.sqltypes.AutoString(length=12),
                nullable=False,
                server_default="check",
            )
        )
        batch_op.add_column(sa.Column("request", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column(
                "detail", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )

    op.create_table(
        "refused_intent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("intent", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("message", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("refused_intent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refused_intent_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_refused_intent_call_id"), ["call_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_refused_intent_username"), ["username"], unique=False)

    op.create_table(
        "agent_presence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("session", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("aux_reason", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
        sa.Column("since", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("panel", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("signed_on_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("heartbeat_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["agent.id"]),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agent_id"),
    )
    with op.batch_alter_table("agent_presence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agent_presence_heartbeat_at"), ["heartbeat_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("agent_presence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agent_presence_heartbeat_at"))
    op.drop_table("agent_presence")
    with op.batch_alter_table("refused_intent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refused_intent_username"))
        batch_op.drop_index(batch_op.f("ix_refused_intent_call_id"))
        batch_op.drop_index(batch_op.f("ix_refused_intent_at"))
    op.drop_table("refused_intent")
    with op.batch_alter_table("call_event", schema=None) as batch_op:
        batch_op.drop_column("detail")
        batch_op.drop_column("request")
        batch_op.drop_column("kind")
