"""The power of attorney (授权委托书) on the document checklist (issue 25).

``document_checklists.power_of_attorney``: whether the client has signed the letter authorising
the counselor to negotiate for them (``core.calls.DocumentItem.POWER_OF_ATTORNEY``). Rows
already there read "not in place" (server default false), as does a backup written before
this revision.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_checklists") as batch:
        batch.add_column(
            sa.Column("power_of_attorney", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("document_checklists") as batch:
        batch.drop_column("power_of_attorney")
