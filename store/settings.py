"""Where the data lives, read once from the environment. Times are stored in UTC.

``REPAYTALK_DATABASE_URL``
    An SQLAlchemy URL; default ``sqlite:///data/repaytalk.db`` (relative to the working
    directory, the repository root when run with ``make run``). ``postgresql://`` URLs use the
    psycopg 3 driver.
``REPAYTALK_DB_BUSY_TIMEOUT_MS``
    How long a write waits for another writer before giving up; default 5000.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from store.errors import StoreError

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

    def __post_init__(self) -> None:
        if self.busy_timeout_ms < 0:
            raise SettingsError(f"busy timeout must not be negative, got {self.busy_timeout_ms}")


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    busy = env.get("REPAYTALK_DB_BUSY_TIMEOUT_MS", str(DEFAULT_BUSY_TIMEOUT_MS))
    try:
        busy_ms = int(busy)
    except ValueError:
        raise SettingsError(
            f"REPAYTALK_DB_BUSY_TIMEOUT_MS must be a number, got {busy!r}"
        ) from None
    return Settings(
        database_url=env.get("REPAYTALK_DATABASE_URL") or DEFAULT_DATABASE_URL,
        busy_timeout_ms=busy_ms,
    )


def utc_now() -> datetime:
    return datetime.now(UTC)
