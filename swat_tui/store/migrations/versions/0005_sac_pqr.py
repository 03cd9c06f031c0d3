"""sac and pqr

Steps 3 and 6 need what RR, Paradigma and DIME know about an account's money
and cases: an invoice's extra charges, where it was sent and when it was paid;
whether a payment was applied; final notices, payment commitments and
reconnection orders (cartera); Paradigma resends and delivery changes; DIME
follow-up notes and SLA; a filed PQR's motive and response address; the DIME
case a typification escalated to.

Rows written before this revision: payments count as applied on the day they
were paid, and the invoices of an account that owes nothing count as paid.

Revision ID: 0005_sac_pqr
Revises: 0004_profile_audit
Create Date: 2026-12-01 14:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005_sac_pqr"
down_revision: str | None = "0004_profile_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "final_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("suspend_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("final_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_final_notice_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "invoice_charge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("charged_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("invoice_charge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_charge_cuenta"), ["cuenta"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_invoice_charge_invoice_id"), ["invoice_id"], unique=False
        )

    op.create_table(
        "invoice_delivery_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("delivery", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("destination", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("invoice_delivery_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invoice_delivery_change_cuenta"), ["cuenta"], unique=False
        )

    op.create_table(
        "payment_commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("benefit", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("promised_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payment_commitment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_commitment_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "reconnection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("cuenta", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("requested_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["call.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cuenta"],
            ["account.cuenta"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("reconnection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reconnection_cuenta"), ["cuenta"], unique=False)

    op.create_table(
        "dime_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dime_case_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
        sa.ForeignKeyConstraint(
            ["dime_case_id"],
            ["dime_case.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dime_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dime_note_dime_case_id"), ["dime_case_id"], unique=False
        )

    with op.batch_alter_table("dime_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )

    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sent_to", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True)
        )
        batch_op.add_column(
            sa.Column("delivery_status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True)
        )
        batch_op.add_column(sa.Column("paid_on", sa.Date(), nullable=True))

    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("applied_on", sa.Date(), nullable=True))

    with op.batch_alter_table("pqr", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("motive", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "response_address", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True
            )
        )
        batch_op.add_column(sa.Column("call_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_pqr_call_id_call", "call", ["call_id"], ["id"])

    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("dime_number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )

    op.execute("UPDATE payment SET applied_on = paid_on")
    op.execute(
        "UPDATE invoice SET paid_on = issued_on"
        " WHERE cuenta IN (SELECT cuenta FROM account WHERE balance <= 0)"
    )


def downgrade() -> None:
    with op.batch_alter_table("typification", schema=None) as batch_op:
        batch_op.drop_column("dime_number")

    with op.batch_alter_table("pqr", schema=None) as batch_op:
        batch_op.drop_constraint("fk_pqr_call_id_call", type_="foreignkey")
        batch_op.drop_column("call_id")
        batch_op.drop_column("response_address")
        batch_op.drop_column("motive")

    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("applied_on")

    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_column("paid_on")
        batch_op.drop_column("delivery_status")
        batch_op.drop_column("sent_to")

    with op.batch_alter_table("dime_case", schema=None) as batch_op:
        batch_op.drop_column("created_by")
        batch_op.drop_column("due_on")

    with op.batch_alter_table("dime_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dime_note_dime_case_id"))

    op.drop_table("dime_note")
    with op.batch_alter_table("reconnection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reconnection_cuenta"))

    op.drop_table("reconnection")
    with op.batch_alter_table("payment_commitment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_commitment_cuenta"))

    op.drop_table("payment_commitment")
    with op.batch_alter_table("invoice_delivery_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_delivery_change_cuenta"))

    op.drop_table("invoice_delivery_change")
    with op.batch_alter_table("invoice_charge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_charge_invoice_id"))
        batch_op.drop_index(batch_op.f("ix_invoice_charge_cuenta"))

    op.drop_table("invoice_charge")
    with op.batch_alter_table("final_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_final_notice_cuenta"))

    op.drop_table("final_notice")
