"""Reminders keyed by the agreed plan and the installment's due date; proposal settings.

A reminder before an installment names its plan (``proposal_id``; kept as history, no longer
linked, when the proposal is deleted) and the installment's due date (``installment_due_on``),
unique together: a plan has one reminder per due date, whatever order the counselor records
the call and the agreement in. Reminders made before this revision have neither (the service
gives them the key when it recognises them).

A saved proposal keeps the settings of the Proposals page it was saved with (``settings``),
so that they are there again for the client's debt in a later session.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("follow_up_tasks") as batch:
        batch.add_column(sa.Column("proposal_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("installment_due_on", sa.Date(), nullable=True))
        batch.create_foreign_key(
            "fk_follow_up_tasks_proposal_id_proposals",
            "proposals",
            ["proposal_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_unique_constraint(
            "uq_follow_up_tasks_proposal_id_installment_due_on",
            ["proposal_id", "installment_due_on"],
        )
    op.create_index("ix_follow_up_tasks_proposal_id", "follow_up_tasks", ["proposal_id"])
    with op.batch_alter_table("proposals") as batch:
        batch.add_column(sa.Column("settings", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("proposals") as batch:
        batch.drop_column("settings")
    op.drop_index("ix_follow_up_tasks_proposal_id", table_name="follow_up_tasks")
    with op.batch_alter_table("follow_up_tasks") as batch:
        batch.drop_constraint("uq_follow_up_tasks_proposal_id_installment_due_on", type_="unique")
        batch.drop_constraint("fk_follow_up_tasks_proposal_id_proposals", type_="foreignkey")
        batch.drop_column("installment_due_on")
        batch.drop_column("proposal_id")
