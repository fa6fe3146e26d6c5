"""Engines for SQLite (the default) and PostgreSQL, configured for safety over speed.

SQLite connections get ``journal_mode=WAL`` (readers never block the writer),
``foreign_keys=ON`` (cascading deletes), ``busy_timeout`` (wait for another writer instead of
failing at once), ``synchronous=FULL`` (a committed call survives a power cut) and
``secure_delete=ON`` (an erased client's data is overwritten, not left in free pages).

The database file is private: created ``0600`` (in a data folder created ``0700``) before
SQLite opens it, so that its ``-wal`` and ``-shm``, which SQLite creates with the database
file's mode, are private too; a file an older version left readable by others is tightened
when it is opened (:mod:`store.files`).

Transactions are begun by us, not by the driver: a read starts with ``BEGIN`` and a write with
``BEGIN IMMEDIATE``, which takes the write lock up front so that two writers queue on the busy
timeout instead of one failing with "database is locked" half-way through.

Every engine carries the field cipher of its database on ``engine.dialect.repaytalk_cipher``
(:func:`attach_cipher`), which :class:`store.columns.EncryptedText` uses: a
:class:`store.crypto.LazyFieldCipher` over :meth:`store.settings.Settings.field_key_for`, so the
key (``REPAYTALK_FIELD_KEY`` or the key file) is read — and the key file created — only when a
field is first encrypted or decrypted. :func:`field_cipher` loads it at once (``init_db`` should,
to check the key's fingerprint against the database's before serving anyone).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from store.columns import CIPHER_ATTRIBUTE, cipher_for
from store.crypto import FieldCipher, LazyFieldCipher
from store.errors import InvalidDatabaseUrlError
from store.files import create_private, ensure_private_dir, tighten
from store.settings import Settings

#: Files SQLite keeps beside the database, named by these suffixes.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")

#: Execution option marking a connection whose transactions will write.
WRITE = "repaytalk_write"


def parse_url(url: str | URL) -> URL:
    """Parse a database URL; ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise InvalidDatabaseUrlError(f"not a database URL: {_redact(str(url))!r}") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InvalidDatabaseUrlError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
        )
    return parsed


def _redact(text: str) -> str:
    # user:password@host -> user:***@host, without parsing what may not parse.
    head, sep, tail = text.partition("@")
    if sep and ":" in head.split("//")[-1]:
        scheme, _, credentials = head.rpartition("//")
        user = credentials.split(":")[0]
        return f"{scheme}//{user}:***@{tail}"
    return text


def display_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The file of an SQLite URL, or None for an in-memory database."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?")[0]
    return Path(database)


def make_engine(url: str | URL, settings: Settings) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed, settings)
    else:
        engine = _postgres_engine(parsed, settings)
    attach_cipher(engine, LazyFieldCipher(lambda: settings.field_key_for(parsed).key))
    return engine


def attach_cipher(engine: Engine, cipher: FieldCipher | LazyFieldCipher) -> None:
    """Make ``cipher`` the one the engine's encrypted columns use."""
    setattr(engine.dialect, CIPHER_ATTRIBUTE, cipher)


def field_cipher(engine: Engine) -> FieldCipher:
    """The engine's field cipher, its key loaded now (a :class:`store.keys.FieldKeyError` when
    it cannot be)."""
    return cipher_for(engine.dialect)


def prepare_sqlite_file(url: URL) -> Path | None:
    """Make the database file of an SQLite URL private before SQLite opens it: its missing
    folders created ``0700``, the file created empty ``0600`` (unless the URL opens it
    read-only), an existing one and its ``-wal``/``-shm`` tightened to their owner. Returns
    the file (None in memory); ``OSError`` when the folder or the file cannot be created."""
    path = sqlite_path(url)
    if path is None:
        return None
    if path.parent != Path(""):
        ensure_private_dir(path.parent)
    if url.query.get("mode") not in ("ro", "memory"):
        create_private(path)
    for file in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS)):
        tighten(file)
    return path


def _sqlite_engine(url: URL, settings: Settings) -> Engine:
    path = prepare_sqlite_file(url)
    try:
        engine = sa.create_engine(
            url,
            connect_args={
                "timeout": settings.busy_timeout_ms / 1000,
                "check_same_thread": False,
            },
        )
    except NoSuchModuleError:
        raise InvalidDatabaseUrlError(f"no driver for {display_url(url)}") from None
    busy_ms = int(settings.busy_timeout_ms)

    @sa.event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see module doc)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if path is not None:
                # A read-only file keeps its journal mode; reads still work.
                with contextlib.suppress(sqlite3.OperationalError):
                    cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        writes = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _postgres_engine(url: URL, settings: Settings) -> Engine:
    lock_ms = int(settings.busy_timeout_ms)
    # Options given in the URL (e.g. ``?options=-csearch_path%3Dmy_schema``) are kept.
    given = url.query.get("options", "")
    given = " ".join(given) if isinstance(given, tuple) else given
    try:
        return sa.create_engine(
            url,
            pool_pre_ping=True,
            connect_args={
                "connect_timeout": settings.connect_timeout_s,
                "options": f"{given} -c timezone=UTC -c lock_timeout={lock_ms}".strip(),
            },
        )
    except NoSuchModuleError:
        raise InvalidDatabaseUrlError(f"no driver for {display_url(url)}") from None
