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
from store.keys import encode_key


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def isolated_postgres_url(url: str) -> str:
    """``url`` with its own schema for this test run, so that two runs on one server (two
    developers, or CI and a developer) never drop each other's tables."""
    parsed = sa.make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.update_query_dict({"options": f"-csearch_path={RUN_SCHEMA}"}).render_as_string(
        hide_password=False
    )


RUN_SCHEMA = f"repaytalk_test_{os.getpid()}"
#: The field key of the store tests' databases (given outright: no key file to make).
TEST_FIELD_KEY = bytes(range(32))


def reset_postgres(url: str) -> None:
    """Drop and re-create this run's schema: no tables, no ``alembic_version``."""
    engine = sa.create_engine(isolated_postgres_url(url))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {RUN_SCHEMA} CASCADE")
            connection.exec_driver_sql(f"CREATE SCHEMA {RUN_SCHEMA}")
    except sa.exc.OperationalError as exc:
        pytest.fail(f"TEST_DATABASE_URL is set but PostgreSQL cannot be reached: {exc.orig}")
    finally:
        engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def _drop_run_schema():
    yield
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return
    engine = sa.create_engine(isolated_postgres_url(url))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {RUN_SCHEMA} CASCADE")
    except sa.exc.OperationalError:
        pass  # the tests that needed the server have failed already
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
    return isolated_postgres_url(url)


@pytest.fixture(autouse=True)
def _field_key_in_environment(monkeypatch):
    """The command lines and ``load_settings`` of a store test use the tests' field key."""
    monkeypatch.setenv("REPAYTALK_FIELD_KEY", encode_key(TEST_FIELD_KEY))


@pytest.fixture
def settings() -> Settings:
    return Settings(busy_timeout_ms=2000, field_key=TEST_FIELD_KEY)


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
