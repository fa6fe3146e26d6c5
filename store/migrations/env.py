"""Alembic environment: runs on the connection :func:`store.migrate.upgrade` passes in."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from store.orm import Base

#: Any constant: PostgreSQL's advisory lock that serialises migrations of one database.
MIGRATION_LOCK = 7_285_392_611


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through store.migrate.upgrade(engine)")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
            )
        context.run_migrations()


run_migrations()
