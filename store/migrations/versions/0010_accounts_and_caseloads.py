"""Team mode: accounts, and each client's counselor.

``accounts`` holds the people who sign in to a team installation (Argon2id password hashes,
role, lockout state). ``clients.counselor_id`` assigns a client to one counselor's caseload
(NULL: unassigned; single-user mode never sets it).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(50), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("username", name="uq_accounts_username"),
        sa.UniqueConstraint("email", name="uq_accounts_email"),
    )
    with op.batch_alter_table("clients") as batch:
        batch.add_column(sa.Column("counselor_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_clients_counselor_id_accounts",
            "accounts",
            ["counselor_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_clients_counselor_id", ["counselor_id"])


def downgrade() -> None:
    with op.batch_alter_table("clients") as batch:
        batch.drop_index("ix_clients_counselor_id")
        batch.drop_constraint("fk_clients_counselor_id_accounts", type_="foreignkey")
        batch.drop_column("counselor_id")
    op.drop_table("accounts")
