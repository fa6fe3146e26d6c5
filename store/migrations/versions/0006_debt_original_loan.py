"""Debts: the original loan (principal and term) its true rate may need.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("debts") as batch:
        batch.add_column(sa.Column("original_principal_fen", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("original_months", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("debts") as batch:
        batch.drop_column("original_months")
        batch.drop_column("original_principal_fen")
