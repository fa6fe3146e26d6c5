"""Issue 23, done when: a scan of the database file, its WAL and a backup finds none of a test
client's ID number, mobile number or contract number (nor a call's note) in clear — after a
fresh start and after the migration of a filled database — on SQLite and on PostgreSQL.

The scan looks for the values' UTF-8 bytes anywhere in the files (a superset of what
``strings`` prints). The same scan of a plain backup finds them: the control that shows the
scan can see them. On PostgreSQL the tables' own data files are read (after a CHECKPOINT) when
this process may read the server's data directory (root in CI, the server on this machine);
the server's WAL segments are not scanned: PostgreSQL keeps them until it recycles them (see
the README).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_samples import a_call, a_client, a_debt

from store import Store, init_db
from store.backup import backup_to_bytes, read_backup, seal_backup
from store.crypto import is_token
from store.engine import make_engine, sqlite_path
from store.migrate import current_revision, head_revision, upgrade

MOBILE = "13912340078"
ID_NUMBER = "11010519491231002X"
CONTRACT = "HT-2025-0977-314"
NOTE = "客户透露患病住院机密备注"
SECRETS = (MOBILE, ID_NUMBER, CONTRACT, NOTE)


def found_in(data: bytes) -> set[str]:
    return {secret for secret in SECRETS if secret.encode("utf-8") in data}


def sqlite_files(url: str) -> dict[str, bytes]:
    path = sqlite_path(sa.make_url(url))
    assert path is not None
    return {
        name: Path(f"{path}{suffix}").read_bytes()
        for name, suffix in (("file", ""), ("wal", "-wal"))
        if Path(f"{path}{suffix}").exists()
    }


def postgres_files(engine: sa.Engine, tables: tuple[str, ...]) -> dict[str, bytes] | None:
    """The tables' data files, read after a CHECKPOINT; None when this process may not read
    the server's data directory."""
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.exec_driver_sql("CHECKPOINT")
        root = connection.exec_driver_sql("SHOW data_directory").scalar()
        paths = {
            table: connection.execute(
                sa.text("SELECT pg_relation_filepath(:table)"), {"table": table}
            ).scalar()
            for table in tables
        }
    files = {}
    try:
        for table, relative in paths.items():
            base = Path(root) / relative
            for segment in sorted(base.parent.glob(base.name + "*")):
                files[f"{table}:{segment.name}"] = segment.read_bytes()
    except PermissionError:
        return None
    return files


def database_files(store: Store, url: str) -> dict[str, bytes]:
    if url.startswith("sqlite"):
        return sqlite_files(url)
    files = postgres_files(store.engine, ("clients", "debts", "calls"))
    if files is None:
        pytest.skip("cannot read PostgreSQL's data directory from this process")
    return files


def raw_values(store: Store) -> list[str]:
    """What the database itself holds in the encrypted columns (tokens, never plain text)."""
    with store.engine.connect() as connection:
        return [
            value
            for query in (
                "SELECT mobile FROM clients",
                "SELECT id_number FROM clients",
                "SELECT contract_number FROM debts",
                "SELECT summary FROM calls",
            )
            for value in connection.exec_driver_sql(query).scalars()
        ]


def fill(store: Store) -> int:
    client = store.clients.create(a_client(mobile=MOBILE, id_number=ID_NUMBER, notes=NOTE))
    debt = store.debts.add(a_debt(client.id, contract_number=CONTRACT, notes=NOTE))
    store.calls.add(a_call(client.id, debt_id=debt.id, summary=f"{NOTE}；合同 {CONTRACT}"))
    return client.id


def test_a_fresh_database_and_its_sealed_backup_hold_no_personal_field_in_clear(
    store, database_url
):
    client_id = fill(store)
    values = raw_values(store)
    assert values and all(is_token(value) for value in values)
    assert found_in(b"".join(database_files(store, database_url).values())) == set()

    plain = backup_to_bytes(store)
    assert found_in(plain) == set(SECRETS)  # the control: the scan sees them in clear
    sealed = seal_backup(plain, "a long passphrase")
    assert found_in(sealed) == set()
    assert read_backup(sealed, passphrase="a long passphrase").client_count == 1
    # Everything still reads back and is found as before.
    assert store.clients.get(client_id).mobile == MOBILE
    assert [c.id for c in store.clients.search(MOBILE[-4:])] == [client_id]
    assert [c.id for c in store.clients.search(CONTRACT.lower())] == [client_id]
    assert [c.id for c in store.clients.search(CONTRACT[-7:])] == [client_id]


def test_a_filled_database_is_encrypted_in_place_by_the_migration_and_compacted(
    database_url, settings
):
    engine = make_engine(database_url, settings)
    try:
        upgrade(engine, "0011")
        now = "2026-02-01 08:00:00"
        with engine.begin() as connection:
            # raw SQL: the rows as the program of schema 0011 wrote them, in clear
            connection.execute(
                sa.text(
                    "INSERT INTO clients (id, version, created_at, updated_at, name, mobile,"
                    " id_number, household_size, notes, consent_given_on, consent_scopes,"
                    " contacts, counselor_id) VALUES (1, 1, :now, :now, '张明', :mobile,"
                    " :id_number, 1, :note, '2026-01-05', 'store_personal_data', '[]', NULL)"
                ),
                {"now": now, "mobile": MOBILE, "id_number": ID_NUMBER, "note": NOTE},
            )
            for debt_id, number in ((1, CONTRACT), (2, "JD778899")):
                connection.execute(
                    sa.text(
                        "INSERT INTO debts (id, version, created_at, updated_at, client_id,"
                        " creditor, lender_type, product, contract_number, contract_date,"
                        " amount_received_fen, original_principal_fen, original_months,"
                        " outstanding_principal_fen, overdue_amount_fen, days_overdue,"
                        " accrued_interest_and_penalties_fen, penalty_rate, rate_quote,"
                        " rate_kind, day_basis, other_monthly_charges_fen, method,"
                        " remaining_months, next_due_date, official_channels, notes,"
                        " reports_credit, overdue_since) VALUES (:id, 1, :now, :now, 1, '来分期',"
                        " 'online_platform', '', :number, NULL, NULL, NULL, NULL, 1200000,"
                        " 90000, 30, 0, '0', '0.18', 'annual', NULL, 0, 'equal_installment', 12,"
                        " NULL, '[]', :note, 'unknown', NULL)"
                    ),
                    {"id": debt_id, "now": now, "number": number, "note": NOTE},
                )
            for call_id in range(1, 1201):  # more than one batch of the migration
                connection.execute(
                    sa.text(
                        "INSERT INTO calls (id, version, created_at, updated_at, client_id,"
                        " debt_id, at, channel, direction, lender, agent_id, summary,"
                        " lender_promised, client_promised, outcome, next_action,"
                        " next_action_on, recorded, agent_told_of_recording, proposal_id)"
                        " VALUES (:id, 1, :now, :now, 1, 1, :now, 'phone', 'outgoing',"
                        " '来分期', 'A1', :summary, '', '', 'call_back', '', NULL, :no, :no,"
                        " NULL)"
                    ),
                    {"id": call_id, "now": now, "summary": f"{NOTE} {call_id}", "no": False},
                )
        if database_url.startswith("sqlite"):
            before = b"".join(sqlite_files(database_url).values())
            assert found_in(before) == set(SECRETS)  # the control: in clear before
    finally:
        engine.dispose()

    with init_db(database_url, settings=settings) as store:
        assert current_revision(store.engine) == head_revision()
        values = raw_values(store)
        assert len(values) == 1 + 1 + 2 + 1200 and all(is_token(value) for value in values)
        assert found_in(b"".join(database_files(store, database_url).values())) == set()
        client = store.clients.get(1)
        assert (client.mobile, client.id_number, client.notes) == (MOBILE, ID_NUMBER, NOTE)
        assert store.debts.get(1).contract_number == CONTRACT
        assert store.calls.get(1200).summary == f"{NOTE} 1200"
        assert [c.id for c in store.clients.search(MOBILE[-4:])] == [1]
        assert [c.id for c in store.clients.search("jd778899")] == [1]
        assert [c.id for c in store.clients.search(CONTRACT[-7:])] == [1]


def test_a_database_refuses_another_field_key_before_reading_or_writing(
    database_url, settings, tmp_path
):
    with init_db(database_url, settings=settings) as store:
        fill(store)
    other = type(settings)(busy_timeout_ms=settings.busy_timeout_ms, field_key=bytes(32))
    from store.keys import FieldKeyMismatchError

    with pytest.raises(FieldKeyMismatchError) as refused:
        init_db(database_url, settings=other)
    assert "set REPAYTALK_FIELD_KEY or REPAYTALK_KEY_FILE" in str(refused.value)
    with init_db(database_url, settings=settings) as store:  # the right key still opens it
        assert store.clients.get(1).mobile == MOBILE


def test_the_key_file_is_created_private_and_apart_from_the_database(tmp_path, monkeypatch):
    monkeypatch.delenv("REPAYTALK_FIELD_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    url = f"sqlite:///{tmp_path / 'data' / 'repaytalk.db'}"
    from store import load_settings

    with init_db(url, settings=load_settings()) as store:
        fill(store)
    keys = list((tmp_path / "config" / "repaytalk").glob("field-*.key"))
    assert len(keys) == 1 and not list((tmp_path / "data").glob("*.key"))
    assert os.stat(keys[0]).st_mode & 0o777 == 0o600
    with init_db(url, settings=load_settings()) as store:  # the same key again next time
        assert store.clients.get(1).id_number == ID_NUMBER
