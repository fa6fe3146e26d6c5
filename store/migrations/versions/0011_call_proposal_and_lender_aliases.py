"""What each lender agreed to before: the proposal a call put, and lender aliases.

``calls.proposal_id`` names the saved proposal a call put to the lender (NULL: none, or a
call logged before 0011; the link goes when the proposal is deleted). ``lender_aliases`` maps
the ways a lender is written (``alias``, normalised: trimmed, full-width forms as half-width,
case-folded — ``core.lender_history.alias_key``) to one lender's name, so that the history of
"来分期", "来分期APP" and "LFQ" is one lender's.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lender_aliases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("alias", sa.String(100), nullable=False),
        sa.Column("lender", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lender_aliases"),
        sa.UniqueConstraint("alias", name="uq_lender_aliases_alias"),
    )
    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("proposal_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_calls_proposal_id_proposals",
            "proposals",
            ["proposal_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_calls_proposal_id", ["proposal_id"])


def downgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.drop_index("ix_calls_proposal_id")
        batch.drop_constraint("fk_calls_proposal_id_proposals", type_="foreignkey")
        batch.drop_column("proposal_id")
    op.drop_table("lender_aliases")
