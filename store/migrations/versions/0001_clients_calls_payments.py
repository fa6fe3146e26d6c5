"""Clients, calls, follow-up tasks, document checklists and payments.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _table(name: str, *columns: SchemaItem) -> None:
    """A table of records about a client: erased with the client (ON DELETE CASCADE)."""
    client_id = sa.ForeignKey("clients.id", ondelete="CASCADE", name=f"fk_{name}_client_id_clients")
    op.create_table(
        name,
        *_record_columns(),
        sa.Column("client_id", sa.Integer(), client_id, nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
    )


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("mobile", sa.String(11), nullable=True),
        sa.Column("id_number", sa.String(18), nullable=True),
        sa.Column("household_size", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("consent_scopes", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_clients"),
    )
    op.create_index("ix_clients_name", "clients", ["name"])
    op.create_index("ix_clients_mobile", "clients", ["mobile"])

    _table(
        "calls",
        sa.Column("debt_id", sa.Integer(), nullable=True),  # references debts from 0002
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("lender", sa.String(100), nullable=False),
        sa.Column("agent_id", sa.String(32), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("lender_promised", sa.Text(), nullable=False),
        sa.Column("client_promised", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("next_action", sa.String(500), nullable=False),
        sa.Column("next_action_on", sa.Date(), nullable=True),
        sa.Column("recorded", sa.Boolean(), nullable=False),
        sa.Column("agent_told_of_recording", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_calls_client_id_at", "calls", ["client_id", "at"])

    _table(
        "follow_up_tasks",
        sa.Column(
            "source_call_id",
            sa.Integer(),
            sa.ForeignKey(
                "calls.id", ondelete="SET NULL", name="fk_follow_up_tasks_source_call_id_calls"
            ),
            nullable=True,
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_follow_up_tasks_client_id_due", "follow_up_tasks", ["client_id", "due"])
    op.create_index("ix_follow_up_tasks_done_due", "follow_up_tasks", ["done", "due"])
    op.create_index("ix_follow_up_tasks_source_call_id", "follow_up_tasks", ["source_call_id"])

    _table(
        "document_checklists",
        sa.Column("debt_id", sa.Integer(), nullable=True),  # references debts from 0002
        sa.Column("contract_number", sa.Boolean(), nullable=False),
        sa.Column("id_card_photos", sa.Boolean(), nullable=False),
        sa.Column("income_proof", sa.Boolean(), nullable=False),
        sa.Column("debt_list", sa.Boolean(), nullable=False),
        sa.Column("hardship_proof", sa.Boolean(), nullable=False),
        sa.Column("written_proposal", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_document_checklists_client_id", "document_checklists", ["client_id"])

    _table(
        "payments",
        sa.Column("debt_id", sa.Integer(), nullable=True),  # references debts from 0002
        sa.Column("proposal_id", sa.Integer(), nullable=True),  # references proposals from 0002
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("reference", sa.String(500), nullable=False),
        sa.CheckConstraint("amount_fen > 0", name="ck_payments_amount_positive"),
    )
    op.create_index("ix_payments_client_id_paid_on", "payments", ["client_id", "paid_on"])


def downgrade() -> None:
    for table in ("payments", "document_checklists", "follow_up_tasks", "calls", "clients"):
        op.drop_table(table)
