"""Index the links that deleting a debt or a proposal follows, for agency-sized databases.

Deleting a debt sets ``calls.debt_id`` and ``payments.debt_id`` to NULL and deletes its
checklists; deleting a proposal unlinks its payments. Without an index on the referring
column each of those is a scan of the whole table (200,000 calls at an agency).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_calls_debt_id", "calls", ["debt_id"]),
    ("ix_document_checklists_debt_id", "document_checklists", ["debt_id"]),
    ("ix_payments_proposal_id", "payments", ["proposal_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
