"""Settings from the environment, and databases that cannot be used."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from store_samples import a_client

from store import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    InvalidDatabaseUrlError,
    Settings,
    StoreError,
    init_db,
    load_settings,
)
from store.settings import SettingsError


def test_settings_default_to_a_local_sqlite_file():
    settings = load_settings({})
    assert settings.database_url == "sqlite:///data/repaytalk.db"
    assert settings.busy_timeout_ms == 5000


def test_settings_are_read_from_the_environment():
    settings = load_settings(
        {
            "REPAYTALK_DATABASE_URL": "postgresql://u@db/repaytalk",
            "REPAYTALK_DB_BUSY_TIMEOUT_MS": "250",
        }
    )
    assert (settings.database_url, settings.busy_timeout_ms) == ("postgresql://u@db/repaytalk", 250)


@pytest.mark.parametrize(
    "environ",
    [{"REPAYTALK_DB_BUSY_TIMEOUT_MS": "soon"}, {"REPAYTALK_DB_BUSY_TIMEOUT_MS": "-1"}],
)
def test_a_bad_setting_is_named(environ):
    with pytest.raises(SettingsError) as caught:
        load_settings(environ)
    assert caught.value.code == "invalid_setting"


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://root@localhost/repaytalk", "oracle://x@y/z", ""]
)
def test_a_database_url_that_cannot_be_used_is_named(url):
    with pytest.raises(InvalidDatabaseUrlError) as caught:
        init_db(url)
    assert caught.value.code == "database_url_invalid"


def test_an_unreachable_postgresql_is_reported_without_its_password():
    settings = Settings(busy_timeout_ms=500)
    with pytest.raises(DatabaseUnavailableError) as caught:
        init_db("postgresql://counselor:s3cret@127.0.0.1:1/repaytalk", settings=settings)
    assert caught.value.code == "database_unavailable"
    assert "s3cret" not in str(caught.value)
    assert "127.0.0.1" in str(caught.value)


def test_an_sqlite_file_in_a_folder_that_cannot_be_created_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseUnavailableError):
        init_db(f"sqlite:///{blocker / 'data' / 'repaytalk.db'}")


def test_a_write_blocked_by_another_writer_beyond_the_timeout_fails_cleanly(tmp_path):
    path = tmp_path / "repaytalk.db"
    store = init_db(f"sqlite:///{path}", settings=Settings(busy_timeout_ms=200))
    client = store.clients.create(a_client())
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        with pytest.raises(DatabaseLockedError) as caught:
            store.clients.update(client.model_copy(update={"notes": "blocked"}))
        assert caught.value.code == "database_locked"
        assert isinstance(caught.value, StoreError)
        # Readers are not blocked by a writer in WAL mode.
        assert store.clients.get(client.id) == client
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.clients.get(client.id).notes == client.notes
    assert store.clients.update(client.model_copy(update={"notes": "later"})).version == 2
    store.close()


@pytest.mark.postgres
def test_a_postgresql_row_locked_beyond_the_timeout_fails_cleanly():
    import os

    import psycopg
    from conftest import isolated_postgres_url, reset_postgres

    url = os.environ["TEST_DATABASE_URL"]
    reset_postgres(url)
    url = isolated_postgres_url(url)
    store = init_db(url, settings=Settings(busy_timeout_ms=200))
    client = store.clients.create(a_client())
    parsed = sa.make_url(url)
    conninfo = parsed.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    with psycopg.connect(conninfo, options=parsed.query["options"]) as other:
        other.execute("SELECT * FROM clients WHERE id = %s FOR UPDATE", (client.id,))
        with pytest.raises(DatabaseLockedError):
            store.clients.update(client.model_copy(update={"notes": "blocked"}))
        other.rollback()
    assert store.clients.get(client.id) == client
    store.close()


def test_a_read_only_database_opens_for_reading_and_refuses_writes_cleanly(tmp_path):
    path = tmp_path / "repaytalk.db"
    with init_db(f"sqlite:///{path}") as store:
        client = store.clients.create(a_client())
    read_only = init_db(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        assert read_only.clients.get(client.id) == client
        with pytest.raises(DatabaseReadOnlyError) as caught:
            read_only.clients.update(client.model_copy(update={"notes": "x"}))
        assert caught.value.code == "database_read_only"
    finally:
        read_only.close()


def test_opening_an_up_to_date_database_does_not_wait_for_another_writer(tmp_path):
    path = tmp_path / "repaytalk.db"
    init_db(f"sqlite:///{path}").close()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        settings = Settings(busy_timeout_ms=100, field_key=load_settings().field_key)
        with init_db(f"sqlite:///{path}", settings=settings) as store:
            assert store.clients.count() == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
