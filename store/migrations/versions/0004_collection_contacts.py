"""Collection contacts: a table of their own instead of tagged incoming calls.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collection_contacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey(
                "clients.id", ondelete="CASCADE", name="fk_collection_contacts_client_id_clients"
            ),
            nullable=False,
        ),
        sa.Column(
            "debt_id",
            sa.Integer(),
            sa.ForeignKey(
                "debts.id", ondelete="SET NULL", name="fk_collection_contacts_debt_id_debts"
            ),
            nullable=True,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("contacted", sa.String(30), nullable=False),
        sa.Column("threats", sa.Boolean(), nullable=False),
        sa.Column("threat_to_safety", sa.Boolean(), nullable=False),
        sa.Column("insults", sa.Boolean(), nullable=False),
        sa.Column("lender", sa.String(100), nullable=False),
        sa.Column("collector", sa.String(100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_collection_contacts"),
    )
    op.create_index(
        "ix_collection_contacts_client_id_at", "collection_contacts", ["client_id", "at"]
    )
    op.create_index("ix_collection_contacts_debt_id", "collection_contacts", ["debt_id"])


def downgrade() -> None:
    op.drop_table("collection_contacts")
