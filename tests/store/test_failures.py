"""When the database cannot take a write — the disk is full, the file is read-only, another
writer holds the lock too long, PostgreSQL drops the connection — the store says so with a
named error, and nothing is half-written."""

from __future__ import annotations

import io
import os
import sqlite3
import time

import psycopg
import pytest
import sqlalchemy as sa
from conftest import isolated_postgres_url, reset_postgres
from store_samples import a_call, a_client, a_task
from test_backup import contents, fill

import store.backup as backup_module
from cli.store import FAILED, main
from store import (
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    init_db,
)
from store._rows import insert
from store.backup import backup_to_bytes, read_backup, restore_from_bytes
from store.calls import call_values
from store.orm import CallRow

TASKS = 40
LONG = "很长的摘要" * 500


def a_call_with_tasks(store, client_id):
    """A call and its tasks: one write of many rows."""
    return store.calls.add_with_tasks(
        a_call(client_id, summary=LONG),
        [a_task(None, title=f"任务 {n}", notes=LONG) for n in range(TASKS)],
    )


def call_row(call) -> CallRow:
    return CallRow(client_id=call.client_id, **call_values(call))


def integrity(path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture
def sqlite_path(tmp_path):
    return tmp_path / "repaytalk.db"


@pytest.fixture
def sqlite_store(sqlite_path, settings, clock):
    with init_db(f"sqlite:///{sqlite_path}", settings=settings, clock=clock) as opened:
        yield opened


# --- a full disk -----------------------------------------------------------------------------


def fill_the_disk(store) -> None:
    """From now on the database file may not grow by a single page (``max_page_count`` is a
    per-connection setting: every new connection gets it)."""

    @sa.event.listens_for(store.engine, "connect")
    def _limit(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    store.engine.dispose()
    store.disk_full_listener = _limit


def free_the_disk(store) -> None:
    sa.event.remove(store.engine, "connect", store.disk_full_listener)
    store.engine.dispose()


def test_a_full_disk_refuses_a_write_whole_and_says_so(sqlite_store, sqlite_path):
    client = sqlite_store.clients.create(a_client())
    before = contents(sqlite_store)
    fill_the_disk(sqlite_store)

    with pytest.raises(DatabaseFullError) as caught:
        a_call_with_tasks(sqlite_store, client.id)

    assert caught.value.code == "database_full"
    assert "full" in str(caught.value)
    assert contents(sqlite_store) == before  # not the call, not some of the tasks
    assert integrity(sqlite_path) == "ok"
    free_the_disk(sqlite_store)
    _call, tasks = a_call_with_tasks(sqlite_store, client.id)
    assert len(sqlite_store.tasks.list_for_client(client.id)) == len(tasks) == TASKS


def test_a_restore_onto_a_full_disk_leaves_the_database_as_it_was(
    sqlite_store, sqlite_path, tmp_path, settings
):
    with init_db(f"sqlite:///{tmp_path / 'big.db'}", settings=settings) as big:
        client = big.clients.create(a_client())
        for _ in range(5):
            a_call_with_tasks(big, client.id)
        data = backup_to_bytes(big)
    fill(sqlite_store)
    before = contents(sqlite_store)
    fill_the_disk(sqlite_store)

    with pytest.raises(DatabaseFullError):
        restore_from_bytes(sqlite_store, data)

    assert contents(sqlite_store) == before
    assert integrity(sqlite_path) == "ok"
    free_the_disk(sqlite_store)
    restore_from_bytes(sqlite_store, data)
    assert sqlite_store.clients.count() == 1


# --- a read-only database --------------------------------------------------------------------


def read_only(path, settings):
    return init_db(f"sqlite:///file:{path}?mode=ro&uri=true", settings=settings)


def test_a_read_only_database_can_be_backed_up_but_refuses_writes_and_restores(
    sqlite_store, sqlite_path, settings
):
    records = fill(sqlite_store)
    data = backup_to_bytes(sqlite_store)
    before = contents(sqlite_store)
    client_id = records["zhang"]["client"].id
    with read_only(sqlite_path, settings) as store:
        assert read_backup(backup_to_bytes(store)).counts == read_backup(data).counts
        with pytest.raises(DatabaseReadOnlyError) as caught:
            a_call_with_tasks(store, client_id)
        assert caught.value.code == "database_read_only"
        with pytest.raises(DatabaseReadOnlyError):
            restore_from_bytes(store, data)
        with pytest.raises(DatabaseReadOnlyError):
            store.clients.delete(client_id)
    assert contents(sqlite_store) == before
    assert integrity(sqlite_path) == "ok"


def test_restoring_into_a_read_only_database_from_the_command_line_says_so(
    sqlite_store, sqlite_path, tmp_path
):
    fill(sqlite_store)
    backup = tmp_path / "backup.json"
    backup.write_bytes(backup_to_bytes(sqlite_store))
    err = io.StringIO()
    url = f"sqlite:///file:{sqlite_path}?mode=ro&uri=true"
    code = main(
        ["--database", url, "restore", str(backup), "--yes"], stdout=io.StringIO(), stderr=err
    )
    assert code == FAILED
    assert err.getvalue() == "error: the database is read-only\n"


# --- another writer holding the lock ---------------------------------------------------------


def test_a_write_waits_for_the_timeout_then_fails_cleanly_when_locked(
    sqlite_path, sqlite_store, settings
):
    client = sqlite_store.clients.create(a_client())
    before = contents(sqlite_store)
    other = sqlite3.connect(sqlite_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError) as caught:
            a_call_with_tasks(sqlite_store, client.id)
        waited = time.monotonic() - started
        assert settings.busy_timeout_ms / 1000 * 0.9 <= waited < 10
        assert "busy with another writer" in str(caught.value)
        # Reads, and so backups, go on in WAL mode while another process writes.
        assert read_backup(backup_to_bytes(sqlite_store)).counts["clients"] == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert contents(sqlite_store) == before
    a_call_with_tasks(sqlite_store, client.id)


def test_a_restore_blocked_by_another_writer_changes_nothing(sqlite_store, sqlite_path):
    records = fill(sqlite_store)
    data = backup_to_bytes(sqlite_store)
    sqlite_store.clients.delete(records["li"]["client"].id)
    before = contents(sqlite_store)
    other = sqlite3.connect(sqlite_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseLockedError):
            restore_from_bytes(sqlite_store, data)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert contents(sqlite_store) == before
    restore_from_bytes(sqlite_store, data)
    assert sqlite_store.clients.get(records["li"]["client"].id).name == "李四"


# --- PostgreSQL dropping the connection ------------------------------------------------------


@pytest.fixture
def pg_url():
    """This run's own schema on the test server (see conftest)."""
    url = os.environ["TEST_DATABASE_URL"]
    reset_postgres(url)
    return isolated_postgres_url(url)


@pytest.fixture
def pg_store(pg_url, settings, clock):
    with init_db(pg_url, settings=settings, clock=clock) as opened:
        yield opened


def terminate(url: str, pid: int) -> None:
    """What an administrator, a failover or a restarting server does to a session."""
    conninfo = sa.make_url(url).set(drivername="postgresql", query={})
    with psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


def backend_pid(connection) -> int:
    return connection.execute(sa.text("SELECT pg_backend_pid()")).scalar()


@pytest.mark.postgres
def test_a_connection_dropped_in_the_middle_of_a_write_loses_all_of_it(pg_store, pg_url):
    client = pg_store.clients.create(a_client())
    before = contents(pg_store)
    with pytest.raises(DatabaseUnavailableError) as caught, pg_store.write() as session:
        for n in range(3):
            insert(session, call_row(a_call(client.id, summary=f"第 {n} 通")), pg_store.clock())
        terminate(pg_url, backend_pid(session))
        insert(session, call_row(a_call(client.id, summary="第 4 通")), pg_store.clock())
    assert caught.value.code == "database_unavailable"
    assert "terminat" in str(caught.value)
    assert contents(pg_store) == before
    # The store carries on with a fresh connection.
    assert pg_store.calls.add(a_call(client.id)).id is not None


@pytest.mark.postgres
def test_a_restore_whose_connection_drops_half_way_changes_nothing(pg_store, pg_url, monkeypatch):
    records = fill(pg_store)
    data = backup_to_bytes(pg_store)
    pg_store.clients.delete(records["li"]["client"].id)
    before = contents(pg_store)
    real_insert = backup_module._insert_rows

    def insert_then_drop(connection, table, rows):
        real_insert(connection, table, rows)
        if table.name == "debts":
            terminate(pg_url, backend_pid(connection))

    monkeypatch.setattr(backup_module, "_insert_rows", insert_then_drop)
    with pytest.raises(DatabaseUnavailableError):
        restore_from_bytes(pg_store, data)
    monkeypatch.undo()
    assert contents(pg_store) == before
    restore_from_bytes(pg_store, data)
    assert pg_store.clients.count() == 2


@pytest.mark.postgres
def test_a_connection_dropped_while_idle_is_replaced_without_an_error(pg_store, pg_url):
    client = pg_store.clients.create(a_client())
    with pg_store.engine.connect() as connection:
        pid = backend_pid(connection)
    terminate(pg_url, pid)  # the pooled connection is now dead
    assert pg_store.clients.get(client.id) == client
    assert pg_store.calls.add(a_call(client.id)).id is not None
