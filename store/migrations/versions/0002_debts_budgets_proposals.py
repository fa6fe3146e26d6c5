"""Debts, dated budget versions and saved proposals; link calls, checklists and payments to them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _table(name: str, *columns: SchemaItem, index_client: bool = True) -> None:
    """A table of records about a client: erased with the client (ON DELETE CASCADE)."""
    client_id = sa.ForeignKey("clients.id", ondelete="CASCADE", name=f"fk_{name}_client_id_clients")
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_id", sa.Integer(), client_id, nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
    )
    if index_client:
        op.create_index(f"ix_{name}_client_id", name, ["client_id"])


def _exact_decimal() -> sa.types.TypeEngine:
    # Rates: exact text on SQLite (it has no decimal type), NUMERIC on PostgreSQL.
    return sa.String(50).with_variant(sa.Numeric(), "postgresql")


def _fen(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.BigInteger(), nullable=nullable)


def upgrade() -> None:
    _table(
        "debts",
        sa.Column("creditor", sa.String(100), nullable=False),
        sa.Column("lender_type", sa.String(30), nullable=False),
        sa.Column("product", sa.String(100), nullable=False),
        sa.Column("contract_number", sa.String(64), nullable=False),
        sa.Column("contract_date", sa.Date(), nullable=True),
        _fen("amount_received_fen", nullable=True),
        _fen("outstanding_principal_fen"),
        _fen("overdue_amount_fen"),
        sa.Column("days_overdue", sa.Integer(), nullable=False),
        _fen("accrued_interest_and_penalties_fen"),
        sa.Column("penalty_rate", _exact_decimal(), nullable=False),
        sa.Column("rate_quote", _exact_decimal(), nullable=False),
        sa.Column("rate_kind", sa.String(30), nullable=False),
        sa.Column("day_basis", sa.Integer(), nullable=True),
        _fen("other_monthly_charges_fen"),
        sa.Column("method", sa.String(30), nullable=False),
        sa.Column("remaining_months", sa.Integer(), nullable=False),
        sa.Column("next_due_date", sa.Date(), nullable=True),
        sa.Column("official_channels", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_debts_contract_number", "debts", ["contract_number"])

    _table(
        "budget_versions",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        index_client=False,
    )
    op.create_index(
        "ix_budget_versions_client_id_valid_from", "budget_versions", ["client_id", "valid_from"]
    )

    _table(
        "proposals",
        sa.Column(
            "debt_id",
            sa.Integer(),
            sa.ForeignKey("debts.id", ondelete="SET NULL", name="fk_proposals_debt_id_debts"),
            nullable=True,
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=True),
    )
    op.create_index("ix_proposals_debt_id", "proposals", ["debt_id"])

    # SQLite cannot add a foreign key to a table: batch mode rebuilds it (keeping its rows).
    with op.batch_alter_table("calls") as batch:
        batch.create_foreign_key(
            "fk_calls_debt_id_debts", "debts", ["debt_id"], ["id"], ondelete="SET NULL"
        )
    with op.batch_alter_table("document_checklists") as batch:
        batch.create_foreign_key(
            "fk_document_checklists_debt_id_debts", "debts", ["debt_id"], ["id"], ondelete="CASCADE"
        )
    with op.batch_alter_table("payments") as batch:
        batch.create_foreign_key(
            "fk_payments_debt_id_debts", "debts", ["debt_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_foreign_key(
            "fk_payments_proposal_id_proposals",
            "proposals",
            ["proposal_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_payments_debt_id", ["debt_id"])


def downgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.drop_index("ix_payments_debt_id")
        batch.drop_constraint("fk_payments_proposal_id_proposals", type_="foreignkey")
        batch.drop_constraint("fk_payments_debt_id_debts", type_="foreignkey")
    with op.batch_alter_table("document_checklists") as batch:
        batch.drop_constraint("fk_document_checklists_debt_id_debts", type_="foreignkey")
    with op.batch_alter_table("calls") as batch:
        batch.drop_constraint("fk_calls_debt_id_debts", type_="foreignkey")
    for table in ("proposals", "budget_versions", "debts"):
        op.drop_table(table)
