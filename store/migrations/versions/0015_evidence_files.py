"""Proof documents of a client, kept encrypted (issue 25).

``evidence_files``: one row per uploaded scan or photo (``core.evidence``), with the checklist
line it proves (``item``), its kind as found in the content, its size, the SHA-256 of the stored
bytes, when and by whom it was uploaded, its file name and its bytes. The name is a token of the
field cipher (``store.columns.EncryptedText``) and the bytes are sealed the same way
(``store.columns.EncryptedBytes``: AES-256-GCM bound to the column) in a BLOB / BYTEA column:
the table is new, so nothing was ever written to it in clear. The rows go with their client
(``ON DELETE CASCADE``); an uploader's account deleted leaves the row, unattributed. They are
backed up; a backup written before this revision restores with none.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "evidence_files",
        *_versioned(),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey(
                "clients.id", ondelete="CASCADE", name="fk_evidence_files_client_id_clients"
            ),
            nullable=False,
        ),
        sa.Column("item", sa.String(30), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "uploaded_by",
            sa.Integer(),
            sa.ForeignKey(
                "accounts.id", ondelete="SET NULL", name="fk_evidence_files_uploaded_by_accounts"
            ),
            nullable=True,
        ),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_files"),
    )
    op.create_index("ix_evidence_files_client_id_item", "evidence_files", ["client_id", "item"])


def downgrade() -> None:
    op.drop_index("ix_evidence_files_client_id_item", table_name="evidence_files")
    op.drop_table("evidence_files")
