"""Alembic, configured in code (no ``alembic.ini``): bring a database to the newest schema.

``upgrade(engine)`` runs every pending migration in one transaction, so a failed upgrade leaves
the schema as it was. On SQLite, foreign keys are switched off while tables are rebuilt (a
rebuild drops and re-creates a table, which would otherwise cascade) and checked afterwards.
On PostgreSQL an advisory lock makes two starting processes migrate one after the other.

New revision (developers): ``python -m store.migrate revision -m "what changes"``.
"""

from __future__ import annotations

import hmac
import sys
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from store.engine import WRITE, field_cipher
from store.errors import SchemaError, SchemaTooNewError
from store.keys import FIELD_KEY_ENV, KEY_FILE_ENV, FieldKeyMismatchError
from store.orm import Base

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: object | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision`` (the newest by default).

    A database already at the newest schema is only read, never locked for writing: opening it
    works while another process writes, and on a read-only file.
    """
    current = _check_not_newer(engine)
    if revision == "head" and current == head_revision():
        return
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        connection = connection.execution_options(**{WRITE: True})
        raw = connection.connection.driver_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            command.upgrade(alembic_config(connection), revision)
            if raw is not None:
                broken = raw.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaError(f"the upgrade left {len(broken)} broken references")
        except CommandError as exc:
            raise SchemaError(f"the schema could not be upgraded: {exc}") from None
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")
    if current is not None and _crossed(current, ENCRYPTION_REVISION):
        compact(engine, ENCRYPTED_TABLES)


#: The revision that encrypts personal fields in place, and the tables it rewrites.
ENCRYPTION_REVISION = "0012"
ENCRYPTED_TABLES = (
    "clients",
    "debts",
    "calls",
    "follow_up_tasks",
    "document_checklists",
    "collection_contacts",
    "hardship_situations",
)


def _crossed(current: str, revision: str) -> bool:
    """Whether a database that was at ``current`` has just gone through ``revision``."""
    scripts = ScriptDirectory.from_config(alembic_config())
    older = {script.revision for script in scripts.iterate_revisions(revision, "base")}
    return current in older and current != revision


def compact(engine: Engine, tables: tuple[str, ...]) -> None:
    """Leave no old copy of rewritten rows in the database's files.

    SQLite (``secure_delete`` is on for every connection, so freed pages are zeroed): the WAL
    is checkpointed, the file rebuilt with ``VACUUM`` and the WAL truncated to nothing.
    PostgreSQL: ``VACUUM FULL`` of ``tables`` rewrites them without their dead rows (old row
    versions may remain in the server's WAL segments until they are recycled; its data files
    hold none).
    """
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        if engine.dialect.name == "sqlite":
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif engine.dialect.name == "postgresql":
            for table in tables:
                connection.exec_driver_sql(f"VACUUM FULL {table}")


#: The ``workspace_settings`` key holding the field key's fingerprint (migration 0012).
FINGERPRINT_KEY = "field_key_fingerprint"


def check_field_key(engine: Engine) -> None:
    """Refuse to go on with a field key other than the one the database was encrypted with
    (:class:`store.keys.FieldKeyMismatchError`, nothing read or written), before a wrong key
    could write tokens nobody can read beside the good ones. A database without a recorded
    fingerprint (its settings erased) gets the key's now."""
    cipher = field_cipher(engine)
    settings = Base.metadata.tables["workspace_settings"]
    with engine.connect() as connection:
        recorded = connection.scalar(
            sa.select(settings.c.value).where(settings.c.key == FINGERPRINT_KEY)
        )
    if recorded is not None:
        if not isinstance(recorded, str) or not hmac.compare_digest(recorded, cipher.fingerprint):
            raise FieldKeyMismatchError(
                f"the database was encrypted with the field key {recorded}, but the key in use"
                f" is {cipher.fingerprint}: set {FIELD_KEY_ENV} or {KEY_FILE_ENV} to that"
                " database's key"
            )
        return
    with engine.connect() as connection:
        connection = connection.execution_options(**{WRITE: True})
        with connection.begin():
            exists = connection.scalar(
                sa.select(settings.c.key).where(settings.c.key == FINGERPRINT_KEY)
            )
            if exists is None:
                connection.execute(
                    settings.insert().values(
                        key=FINGERPRINT_KEY,
                        value=cipher.fingerprint,
                        version=1,
                        updated_at=datetime.now(UTC),
                    )
                )


def _check_not_newer(engine: Engine) -> str | None:
    current = current_revision(engine)
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNewError(
            f"the database has schema {current}, which this program does not know: it was"
            " written by a newer version of RepayTalk"
        )
    return current


def main(argv: list[str]) -> None:  # pragma: no cover - a developer tool
    """``revision -m MESSAGE``: a new empty migration file (autogenerate is not used)."""
    if len(argv) == 3 and argv[0] == "revision" and argv[1] == "-m":
        command.revision(alembic_config(), message=argv[2])
    else:
        print("usage: python -m store.migrate revision -m MESSAGE")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
