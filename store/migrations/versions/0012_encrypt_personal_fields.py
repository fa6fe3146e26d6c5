"""Personal fields encrypted at rest, with blind indexes to search them (issue 23).

Encrypted (AES-256-GCM tokens, :mod:`store.crypto`; the column's name is the associated data):
``clients.mobile``, ``clients.id_number``, ``clients.notes``, ``debts.contract_number``,
``debts.notes``, ``calls.summary``, ``calls.lender_promised``, ``calls.client_promised``,
``follow_up_tasks.notes``, ``document_checklists.notes``, ``collection_contacts.note`` and
``hardship_situations.note``. Those that were ``VARCHAR(n)`` become ``TEXT`` (a token is longer
than its text; ``core.limits`` still bounds the text itself).

New blind indexes, each indexed: ``clients.mobile_tail`` (last 4 digits of the mobile),
``debts.contract_index`` (the whole normalised contract number) and ``debts.contract_tail``
(its last 6 characters). The plain-text indexes on ``clients.mobile`` and
``debts.contract_number`` are dropped: they would be useless on tokens, and an index is one more
clear copy.

Existing rows are encrypted in place, :data:`BATCH` rows per statement, with the key of the
database (:meth:`store.settings.Settings.field_key_for`, attached to the connection's dialect),
and the key's fingerprint is recorded in ``workspace_settings`` (``field_key_fingerprint``) so a
later start with another key is refused before anything is read or written. The clear copies
left behind in free pages and the journal are removed after the upgrade commits
(:func:`store.migrate.compact`: SQLite ``secure_delete`` is on for every connection, then
``VACUUM`` and a WAL checkpoint; PostgreSQL ``VACUUM FULL`` of these tables).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from store.crypto import FieldCipher

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: Rows encrypted per statement.
BATCH = 500

#: (table, column) encrypted by this revision; the context of each is "table.column".
ENCRYPTED = (
    ("clients", "mobile"),
    ("clients", "id_number"),
    ("clients", "notes"),
    ("debts", "contract_number"),
    ("debts", "notes"),
    ("calls", "summary"),
    ("calls", "lender_promised"),
    ("calls", "client_promised"),
    ("follow_up_tasks", "notes"),
    ("document_checklists", "notes"),
    ("collection_contacts", "note"),
    ("hardship_situations", "note"),
)
#: Columns that were VARCHAR(n) and become TEXT, with their old length (for ``existing_type``).
WIDENED = (
    ("clients", "mobile", 11, True),
    ("clients", "id_number", 18, True),
    ("debts", "contract_number", 64, False),
    ("hardship_situations", "note", 500, False),
)
#: (table, index column, source column, kind of index)
INDEXES = (
    ("clients", "mobile_tail", "mobile", "phone_tail"),
    ("debts", "contract_index", "contract_number", "contract"),
    ("debts", "contract_tail", "contract_number", "contract_tail"),
)
FINGERPRINT_KEY = "field_key_fingerprint"


def upgrade() -> None:
    bind = op.get_bind()
    # Imported here: a migration module is loaded by Alembic, outside the package's imports.
    from store.columns import cipher_for

    cipher = cipher_for(bind.dialect)
    lengths = _old_lengths()
    with op.batch_alter_table("clients") as batch:
        batch.drop_index("ix_clients_mobile")
        batch.add_column(sa.Column("mobile_tail", sa.String(32), nullable=True))
        batch.create_index("ix_clients_mobile_tail", ["mobile_tail"])
        for column in ("mobile", "id_number"):
            batch.alter_column(
                column,
                type_=sa.Text(),
                existing_type=sa.String(lengths[column]),
                existing_nullable=True,
            )
    with op.batch_alter_table("debts") as batch:
        batch.drop_index("ix_debts_contract_number")
        batch.add_column(sa.Column("contract_index", sa.String(32), nullable=True))
        batch.add_column(sa.Column("contract_tail", sa.String(32), nullable=True))
        batch.create_index("ix_debts_contract_index", ["contract_index"])
        batch.create_index("ix_debts_contract_tail", ["contract_tail"])
        batch.alter_column(
            "contract_number",
            type_=sa.Text(),
            existing_type=sa.String(lengths["contract_number"]),
            existing_nullable=False,
        )
    with op.batch_alter_table("hardship_situations") as batch:
        batch.alter_column(
            "note",
            type_=sa.Text(),
            existing_type=sa.String(lengths["note"]),
            existing_nullable=False,
        )

    for table in sorted({table for table, _ in ENCRYPTED}):
        columns = [column for name, column in ENCRYPTED if name == table]
        indexes = [(index, source, kind) for name, index, source, kind in INDEXES if name == table]
        _encrypt_table(bind, cipher, table, columns, indexes)

    fingerprint = cipher.fingerprint
    settings = sa.table(
        "workspace_settings",
        sa.column("key", sa.String),
        sa.column("value", sa.JSON),
        sa.column("version", sa.Integer),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    now = datetime.now(UTC)
    bind.execute(
        settings.insert().values(
            key=FINGERPRINT_KEY,
            value=fingerprint,
            version=1,
            updated_at=now.replace(tzinfo=None) if bind.dialect.name == "sqlite" else now,
        )
    )


def _old_lengths() -> dict[str, int]:
    return {column: length for _table, column, length, _nullable in WIDENED}


def _encrypt_table(
    bind: sa.Connection,
    cipher: FieldCipher,
    table: str,
    columns: list[str],
    indexes: list[tuple[str, str, str]],
) -> None:
    """Encrypt ``columns`` of every row of ``table`` in place and write its blind indexes."""
    quoted = ", ".join(columns)
    last_id = 0
    while True:
        rows = bind.execute(
            sa.text(f"SELECT id, {quoted} FROM {table} WHERE id > :last ORDER BY id LIMIT {BATCH}"),
            {"last": last_id},
        ).all()
        if not rows:
            return
        updates = []
        for row in rows:
            values = dict(zip(columns, row[1:], strict=True))
            update = {
                column: cipher.encrypt(value, f"{table}.{column}")
                for column, value in values.items()
            }
            for index, source, kind in indexes:
                update[index] = cipher.blind_index(kind, values[source])
            update["row_id"] = row[0]
            updates.append(update)
        assignments = ", ".join(f"{name} = :{name}" for name in updates[0] if name != "row_id")
        bind.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE id = :row_id"), updates)
        last_id = rows[-1][0]


def downgrade() -> None:
    raise NotImplementedError("personal fields are not decrypted back; restore a backup instead")
