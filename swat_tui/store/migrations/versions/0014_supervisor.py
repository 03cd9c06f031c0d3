"""supervisor

The supervisor's area (issue 21): outbound campaigns (the client's base, its
records and every attempt), process confirmations, the management model's
practice records with their participants, and improvement ideas.

Revision ID: 0014_supervisor
Revises: 0013_training
Create Date: 2026-12-07 04:11:42.228998
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0014_supervisor"
down_revision: str | None = "0013_training"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("source_file", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("imported_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("imported_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("goal_pct", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "campaign_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=False),
        sa.Column("phone2", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_call_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_result", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("contacted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("contacted_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
        ),
        sa.ForeignKeyConstraint(
            ["claimed_by"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["contacted_by"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("campaign_id", "cuenta"),
    )
    with op.batch_alter_table("campaign_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_record_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_campaign_record_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_campaign_record_next_call_at"), ["next_call_at"], unique=False
        )
        batch_op.create_index(
            "ix_campaign_record_campaign_status",
            ["campaign_id", "status", "contacted_at"],
            unique=False,
        )

    op.create_table(
        "improvement_idea",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("raised_by", sa.Integer(), nullable=False),
        sa.Column("raised_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("status_by", sa.Integer(), nullable=True),
        sa.Column("status_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["raised_by"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["status_by"],
            ["agent.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("improvement_idea", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_improvement_idea_raised_at"), ["raised_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_improvement_idea_raised_by"), ["raised_by"], unique=False
        )

    op.create_table(
        "campaign_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=False),
        sa.Column("result", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("recall_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["campaign_record.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_attempt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_attempt_agent_id"), ["agent_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_campaign_attempt_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_campaign_attempt_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_attempt_record_id"), ["record_id"], unique=False
        )
        batch_op.create_index(
            "ix_campaign_attempt_by_agent",
            ["campaign_id", "agent_id", "record_id", "result"],
            unique=False,
        )
        batch_op.create_index("ix_campaign_attempt_by_time", ["campaign_id", "at"], unique=False)

    op.create_table(
        "process_confirmation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=False),
        sa.Column("live", sa.Boolean(), nullable=False),
        sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("checklist_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("items_ok", sa.Integer(), nullable=False),
        sa.Column("items_total", sa.Integer(), nullable=False),
        sa.Column("feedback", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["leader_id"],
            ["agent.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("process_confirmation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_process_confirmation_agent_id"), ["agent_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_process_confirmation_call_id"), ["call_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_process_confirmation_leader_id"), ["leader_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_process_confirmation_recorded_at"), ["recorded_at"], unique=False
        )

    op.create_table(
        "practice_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("confirmation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["confirmation_id"],
            ["process_confirmation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["leader_id"],
            ["agent.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("practice_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_record_held_on"), ["held_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_practice_record_leader_id"), ["leader_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_practice_record_practice"), ["practice"], unique=False)

    op.create_table(
        "practice_participant",
        sa.Column("practice_record_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["practice_record_id"],
            ["practice_record.id"],
        ),
        sa.PrimaryKeyConstraint("practice_record_id", "agent_id"),
    )


def downgrade() -> None:
    op.drop_table("practice_participant")
    with op.batch_alter_table("practice_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_record_practice"))
        batch_op.drop_index(batch_op.f("ix_practice_record_leader_id"))
        batch_op.drop_index(batch_op.f("ix_practice_record_held_on"))

    op.drop_table("practice_record")
    with op.batch_alter_table("process_confirmation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_process_confirmation_recorded_at"))
        batch_op.drop_index(batch_op.f("ix_process_confirmation_leader_id"))
        batch_op.drop_index(batch_op.f("ix_process_confirmation_call_id"))
        batch_op.drop_index(batch_op.f("ix_process_confirmation_agent_id"))

    op.drop_table("process_confirmation")
    with op.batch_alter_table("campaign_attempt", schema=None) as batch_op:
        batch_op.drop_index("ix_campaign_attempt_by_time")
        batch_op.drop_index("ix_campaign_attempt_by_agent")
        batch_op.drop_index(batch_op.f("ix_campaign_attempt_record_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_attempt_campaign_id"))
        batch_op.drop_index(batch_op.f("ix_campaign_attempt_at"))
        batch_op.drop_index(batch_op.f("ix_campaign_attempt_agent_id"))

    op.drop_table("campaign_attempt")
    with op.batch_alter_table("improvement_idea", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_improvement_idea_raised_by"))
        batch_op.drop_index(batch_op.f("ix_improvement_idea_raised_at"))

    op.drop_table("improvement_idea")
    with op.batch_alter_table("campaign_record", schema=None) as batch_op:
        batch_op.drop_index("ix_campaign_record_campaign_status")
        batch_op.drop_index(batch_op.f("ix_campaign_record_next_call_at"))
        batch_op.drop_index(batch_op.f("ix_campaign_record_cuenta"))
        batch_op.drop_index(batch_op.f("ix_campaign_record_campaign_id"))

    op.drop_table("campaign_record")
    op.drop_table("campaign")
