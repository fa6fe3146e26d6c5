"""The application pack: a client's hardship situations and the proof gathered for them, and
what the credit-record clock needs per debt.

``hardship_situations`` holds one row per situation of a client (what happened, from when,
until when, a one-line note); ``client_proofs`` one row per client with the proof items
gathered so far (``core.rules.hardship.ProofItem`` values as a JSON list, sorted), versioned as
a whole so that two counselors ticking at once never silently undo each other. Both go with
their client (``ON DELETE CASCADE``) and are backed up.

``debts.reports_credit`` says whether the lender reports to the PBoC credit system (``yes``,
``no``, ``unknown``: every debt saved before this revision is ``unknown``) and
``debts.overdue_since`` the day the account first went overdue, as the counselor entered it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _client_id(table: str) -> sa.Column:
    return sa.Column(
        "client_id",
        sa.Integer(),
        sa.ForeignKey("clients.id", ondelete="CASCADE", name=f"fk_{table}_client_id_clients"),
        nullable=False,
    )


def upgrade() -> None:
    with op.batch_alter_table("debts") as batch:
        batch.add_column(
            sa.Column("reports_credit", sa.String(10), nullable=False, server_default="unknown")
        )
        batch.add_column(sa.Column("overdue_since", sa.Date(), nullable=True))
    op.create_table(
        "hardship_situations",
        *_versioned(),
        _client_id("hardship_situations"),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hardship_situations"),
    )
    op.create_index("ix_hardship_situations_client_id", "hardship_situations", ["client_id"])
    op.create_table(
        "client_proofs",
        *_versioned(),
        _client_id("client_proofs"),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_client_proofs"),
        sa.UniqueConstraint("client_id", name="uq_client_proofs_client_id"),
    )


def downgrade() -> None:
    op.drop_table("client_proofs")
    op.drop_index("ix_hardship_situations_client_id", table_name="hardship_situations")
    op.drop_table("hardship_situations")
    with op.batch_alter_table("debts") as batch:
        batch.drop_column("overdue_since")
        batch.drop_column("reports_credit")
