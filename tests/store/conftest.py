"""Every store test runs on a fresh SQLite file, and on PostgreSQL when TEST_DATABASE_URL is set.

PostgreSQL cases carry the ``postgres`` marker; the root conftest skips them when the variable
is unset. When it is set and the server cannot be reached they fail: a missing database must
never pass silently. Each test starts from an empty schema (``alembic_version`` included).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from store import Settings, Store, init_db


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def reset_postgres(url: str) -> None:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    except sa.exc.OperationalError as exc:
        pytest.fail(f"TEST_DATABASE_URL is set but PostgreSQL cannot be reached: {exc.orig}")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'repaytalk.db'}"
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.fail("the postgres marker should have skipped this test")
    reset_postgres(url)
    return url


@pytest.fixture
def settings() -> Settings:
    return Settings(busy_timeout_ms=2000)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 1, 1, 0, tzinfo=UTC))


@pytest.fixture
def store(database_url, settings, clock) -> Store:
    with init_db(database_url, settings=settings, clock=clock) as opened:
        yield opened


@pytest.fixture
def is_sqlite(database_url) -> bool:
    return database_url.startswith("sqlite")
