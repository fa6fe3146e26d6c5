"""Where the data lives, read once from the environment. Times are stored in UTC.

``REPAYTALK_DATABASE_URL``
    An SQLAlchemy URL; default ``sqlite:///data/repaytalk.db`` (relative to the working
    directory, the repository root when run with ``make run``). ``postgresql://`` URLs use the
    psycopg 3 driver.
``REPAYTALK_DB_BUSY_TIMEOUT_MS``
    How long a write waits for another writer before giving up; default 5000.
``REPAYTALK_FIELD_KEY``
    The key that encrypts personal fields, in base64 (team mode: the same on every server);
    checked here, so a bad value stops the start with :class:`store.keys.FieldKeyInvalidError`.
``REPAYTALK_KEY_FILE``
    Where the key file is when ``REPAYTALK_FIELD_KEY`` is unset; default a file for this
    database under ``$XDG_CONFIG_HOME/repaytalk/`` (:func:`store.keys.default_key_file`).

The key file itself is read (or created) only when a field is first encrypted or decrypted
(:meth:`Settings.field_key_for`), so settings never touch the disk. Tests pass ``field_key``
explicitly; it is never part of ``repr``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from store.errors import StoreError
from store.keys import (
    FIELD_KEY_ENV,
    KEY_BYTES,
    KEY_FILE_ENV,
    FieldKey,
    FieldKeyInvalidError,
    decode_key,
    default_key_file,
    generate_key,
    load_field_key,
)

DEFAULT_DATABASE_URL = "sqlite:///data/repaytalk.db"
DEFAULT_BUSY_TIMEOUT_MS = 5000
DEFAULT_CONNECT_TIMEOUT_S = 5


class SettingsError(StoreError):
    code = "invalid_setting"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S
    #: The field key given outright (``REPAYTALK_FIELD_KEY``, or a test's); None: the key file.
    field_key: bytes | None = field(default=None, repr=False)
    #: The key file (``REPAYTALK_KEY_FILE``); None: the default one of the database.
    key_file: Path | None = None

    def __post_init__(self) -> None:
        if self.busy_timeout_ms < 0:
            raise SettingsError(f"busy timeout must not be negative, got {self.busy_timeout_ms}")
        if self.field_key is not None and (
            not isinstance(self.field_key, bytes) or len(self.field_key) != KEY_BYTES
        ):
            raise FieldKeyInvalidError(f"a field key is {KEY_BYTES} bytes")

    def field_key_for(self, database_url: str | URL, *, create: bool = True) -> FieldKey:
        """The field key of ``database_url``: the one given, else its key file (created when
        missing if ``create``). Raises a :class:`store.keys.FieldKeyError`."""
        if self.field_key is not None:
            return FieldKey(self.field_key, "explicit")
        if self.key_file is None and is_memory_database(database_url):
            # Nothing outlives the process: a key of its own, never written anywhere.
            return FieldKey(generate_key(), "ephemeral")
        key_file = self.key_file or default_key_file(database_url)
        # Settings are the whole truth here: REPAYTALK_FIELD_KEY was read by load_settings.
        return load_field_key(database_url, {}, key_file=key_file, create=create)


def is_memory_database(database_url: str | URL) -> bool:
    """Whether ``database_url`` is an in-memory SQLite database (it has no file).

    >>> is_memory_database("sqlite://"), is_memory_database("sqlite:///:memory:")
    (True, True)
    >>> is_memory_database("sqlite:///data/repaytalk.db")
    False
    """
    try:
        url = make_url(database_url)
    except (ArgumentError, ValueError):
        return False
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    busy = env.get("REPAYTALK_DB_BUSY_TIMEOUT_MS", str(DEFAULT_BUSY_TIMEOUT_MS))
    try:
        busy_ms = int(busy)
    except ValueError:
        raise SettingsError(
            f"REPAYTALK_DB_BUSY_TIMEOUT_MS must be a number, got {busy!r}"
        ) from None
    given_key = env.get(FIELD_KEY_ENV)
    field_key = None
    if given_key:
        try:
            field_key = decode_key(given_key)
        except ValueError as problem:
            raise FieldKeyInvalidError(
                f"{FIELD_KEY_ENV} must be a 32-byte key in base64 (44 characters): {problem}"
            ) from None
    key_file = env.get(KEY_FILE_ENV)
    return Settings(
        database_url=env.get("REPAYTALK_DATABASE_URL") or DEFAULT_DATABASE_URL,
        busy_timeout_ms=busy_ms,
        field_key=field_key,
        key_file=Path(key_file).expanduser() if key_file else None,
    )


def utc_now() -> datetime:
    return datetime.now(UTC)
