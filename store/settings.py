"""Where the data lives and how times are shown, read once from the environment.

``REPAYTALK_DATABASE_URL``
    An SQLAlchemy URL; default ``sqlite:///data/repaytalk.db`` (relative to the working
    directory, the repository root when run with ``make run``). ``postgresql://`` URLs use the
    psycopg 3 driver.
``REPAYTALK_TIMEZONE``
    The timezone times are shown in; default ``Asia/Shanghai``. Times are stored in UTC.
``REPAYTALK_DB_BUSY_TIMEOUT_MS``
    How long a write waits for another writer before giving up; default 5000.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from store.errors import StoreError

DEFAULT_DATABASE_URL = "sqlite:///data/repaytalk.db"
DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_BUSY_TIMEOUT_MS = 5000
DEFAULT_CONNECT_TIMEOUT_S = 5


class SettingsError(StoreError):
    code = "invalid_setting"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    display_timezone: str = DEFAULT_TIMEZONE
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S

    def __post_init__(self) -> None:
        _zone(self.display_timezone)
        if self.busy_timeout_ms < 0:
            raise SettingsError(f"busy timeout must not be negative, got {self.busy_timeout_ms}")

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.display_timezone)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"unknown timezone {name!r}") from None


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
        display_timezone=env.get("REPAYTALK_TIMEZONE") or DEFAULT_TIMEZONE,
        busy_timeout_ms=busy_ms,
    )


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_display_time(moment: datetime, zone: str | ZoneInfo | None = None) -> datetime:
    """A stored (UTC) instant in the display timezone, ``Asia/Shanghai`` unless configured.

    >>> to_display_time(datetime(2026, 3, 1, 15, 30, tzinfo=UTC)).isoformat()
    '2026-03-01T23:30:00+08:00'
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("moment: a naive datetime has no defined instant; pass an aware one")
    if zone is None:
        zone = load_settings().zone
    elif isinstance(zone, str):
        zone = _zone(zone)
    return moment.astimezone(zone)
