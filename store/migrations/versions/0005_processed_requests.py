"""Processed requests: the idempotency keys of the actions already carried out.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processed_requests",
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey(
                "clients.id", ondelete="CASCADE", name="fk_processed_requests_client_id_clients"
            ),
            nullable=False,
        ),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("request_id", name="pk_processed_requests"),
    )
    op.create_index("ix_processed_requests_client_id", "processed_requests", ["client_id"])


def downgrade() -> None:
    op.drop_table("processed_requests")
