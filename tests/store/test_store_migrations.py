"""The schema: built by the migrations, from nothing or from an older version, to the newest."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from store_samples import RECORD_TABLES, a_client, a_debt

from store import SchemaTooNewError, init_db
from store.engine import make_engine
from store.migrate import current_revision, head_revision, upgrade
from store.orm import Base

TABLES = {
    "alembic_version",
    "processed_requests",
    "audit_events",
    "workspace_settings",
    *RECORD_TABLES,
    # 0009 (the application pack); records, backed up like those of RECORD_TABLES
    "hardship_situations",
    "client_proofs",
    # 0010 (team mode): accounts, kept by a restore like the audit trail
    "accounts",
    # 0011 (lender history): the lender alias table, backed up like the records
    "lender_aliases",
    # 0013 (legal steps and case stages), backed up like the records
    "legal_events",
    "case_stages",
    # 0015 (proof documents, encrypted), backed up like the records
    "evidence_files",
}


def table_names(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def test_an_empty_database_is_migrated_to_the_newest_schema(store):
    assert table_names(store.engine) == TABLES
    assert current_revision(store.engine) == head_revision() == "0015"


def test_opening_a_database_twice_changes_nothing(database_url, settings, store):
    client = store.clients.create(a_client())
    with init_db(database_url, settings=settings) as again:
        assert current_revision(again.engine) == head_revision()
        assert again.clients.get(client.id) == client


def test_the_orm_models_match_the_newest_migration(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_a_database_at_the_first_schema_is_upgraded_with_its_rows_kept(database_url, settings):
    engine = make_engine(database_url, settings)
    try:
        upgrade(engine, "0001")
        assert current_revision(engine) == "0001"
        assert "debts" not in table_names(engine)
        now = "2026-02-01 08:00:00"
        with engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO clients (id, version, created_at, updated_at, name, mobile,"
                    " id_number, household_size, notes, consent_given_on, consent_scopes)"
                    " VALUES (7, 3, :now, :now, '李四', NULL, NULL, 2, 'old notes', NULL, '')"
                ),
                {"now": now},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO calls (id, version, created_at, updated_at, client_id, debt_id,"
                    " at, channel, direction, lender, agent_id, summary, lender_promised,"
                    " client_promised, outcome, next_action, next_action_on, recorded,"
                    " agent_told_of_recording) VALUES (11, 1, :now, :now, 7, NULL, :now,"
                    " 'phone', 'outgoing', '某银行', 'A123', '首次沟通', '', '', 'refused', '',"
                    " NULL, false, false)"
                ),
                {"now": now},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO follow_up_tasks (id, version, created_at, updated_at, client_id,"
                    " source_call_id, kind, title, due, done, done_at, notes) VALUES"
                    " (5, 1, :now, :now, 7, 11, 'retry_negotiation', '换个时间再试', :now,"
                    " false, NULL, '')"
                ),
                {"now": now},
            )
    finally:
        engine.dispose()

    with init_db(database_url, settings=settings) as store:
        assert current_revision(store.engine) == head_revision()
        assert table_names(store.engine) == TABLES
        old = store.clients.get(7)
        assert (old.name, old.version, old.notes) == ("李四", 3, "old notes")
        # The rebuilt calls table kept its row and its link from the task.
        assert store.calls.get(11).summary == "首次沟通"
        assert store.tasks.get(5).source_call_id == 11
        # The new tables work with the old rows.
        debt = store.debts.add(a_debt(7))
        assert store.debts.list_for_client(7) == [debt]
        # And the new foreign keys are in force: deleting the client erases all of it.
        store.clients.delete(7)
        with store.engine.connect() as connection:
            for table in ("calls", "follow_up_tasks", "debts"):
                count = connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar()
                assert count == 0, table


def test_a_database_from_a_newer_program_is_refused_untouched(database_url, settings):
    with init_db(database_url, settings=settings) as store:
        store.clients.create(a_client())
        with store.engine.begin() as connection:
            connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNewError) as caught:
        init_db(database_url, settings=settings)
    assert caught.value.code == "schema_too_new"
    assert "9999" in str(caught.value)


def test_sqlite_connections_are_set_up_for_safety(tmp_path, settings):
    url = f"sqlite:///{tmp_path / 'new' / 'folder' / 'repaytalk.db'}"
    with init_db(url, settings=settings) as store, store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == settings.busy_timeout_ms
        assert pragma("secure_delete") == 1
    assert (tmp_path / "new" / "folder" / "repaytalk.db").exists()


def test_the_default_database_is_data_repaytalk_db_under_the_working_directory(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPAYTALK_DATABASE_URL", raising=False)
    with init_db() as store:
        store.clients.create(a_client(mobile=None, id_number=None, consent=None))
    assert (tmp_path / "data" / "repaytalk.db").is_file()


def test_the_database_url_comes_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "elsewhere.db"
    monkeypatch.setenv("REPAYTALK_DATABASE_URL", f"sqlite:///{path}")
    with init_db() as store:
        store.budgets.history(1)
    assert path.is_file()


def test_a_date_column_keeps_the_calendar_day(store):
    client = store.clients.create(a_client())
    assert store.clients.get(client.id).consent.given_on == date(2026, 2, 27)
