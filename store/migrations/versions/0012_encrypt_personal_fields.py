"""Personal fields encrypted at rest (issue 23).

Placeholder while the encryption lands: it changes nothing yet.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise NotImplementedError("personal fields are not decrypted back")
