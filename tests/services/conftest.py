"""Service tests run on the same databases as the store's: SQLite, and PostgreSQL when
TEST_DATABASE_URL is set (see tests/store/conftest.py)."""

from tests.store.conftest import (  # noqa: F401 (fixtures)
    _drop_run_schema,
    clock,
    database_url,
    is_sqlite,
    settings,
    store,
)
