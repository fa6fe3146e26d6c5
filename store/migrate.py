"""Alembic, configured in code (no ``alembic.ini``): bring a database to the newest schema.

``upgrade(engine)`` runs every pending migration in one transaction, so a failed upgrade leaves
the schema as it was. On SQLite, foreign keys are switched off while tables are rebuilt (a
rebuild drops and re-creates a table, which would otherwise cascade) and checked afterwards.
On PostgreSQL an advisory lock makes two starting processes migrate one after the other.

New revision (developers): ``python -m store.migrate revision -m "what changes"``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from store.engine import WRITE
from store.errors import SchemaError, SchemaTooNewError

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
