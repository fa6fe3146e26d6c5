"""Legal steps per debt and the stages of each client's case (issue 25).

Both free-text columns (``legal_events.document``, ``case_stages.note``) hold tokens of the
field cipher (``store.columns.EncryptedText``, issue 23) from the start: the tables are new, so
no clear text was ever written to them.

``legal_events`` holds a debt's legal status as dated steps (``core.rules.legal``: stage,
date, the document's note, whether a judgment is an arbitral award, the last day of the
performance period a decision sets); ``case_stages`` each dated step of a client's case
(``core.case_lifecycle``: stage, date, the reason a case closed, a short note), the rows of a
client being its history. Both go with their client, a legal step also with its debt
(``ON DELETE CASCADE``), and are backed up; a backup written before this revision restores
with both empty.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
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
    op.create_table(
        "legal_events",
        *_versioned(),
        _client_id("legal_events"),
        sa.Column(
            "debt_id",
            sa.Integer(),
            sa.ForeignKey("debts.id", ondelete="CASCADE", name="fk_legal_events_debt_id_debts"),
            nullable=False,
        ),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("award", sa.Boolean(), nullable=False),
        sa.Column("perform_by", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_legal_events"),
    )
    op.create_index("ix_legal_events_client_id", "legal_events", ["client_id"])
    op.create_index("ix_legal_events_debt_id_on", "legal_events", ["debt_id", "on"])
    op.create_table(
        "case_stages",
        *_versioned(),
        _client_id("case_stages"),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(30), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_stages"),
    )
    op.create_index("ix_case_stages_client_id_on", "case_stages", ["client_id", "on"])


def downgrade() -> None:
    op.drop_index("ix_case_stages_client_id_on", table_name="case_stages")
    op.drop_table("case_stages")
    op.drop_index("ix_legal_events_debt_id_on", table_name="legal_events")
    op.drop_index("ix_legal_events_client_id", table_name="legal_events")
    op.drop_table("legal_events")
