"""Migration 0009 in the store: hardship situations and the proof gathered for them, and each
debt's credit-record fields — saved at the version shown, erased with their client, backed up
and restored, and an older backup without them still restored. SQLite, and PostgreSQL with
TEST_DATABASE_URL."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from pydantic import ValidationError
from store_samples import a_client, a_debt

from core.errors import CoreError
from core.limits import MAX_HARDSHIP_NOTE_LENGTH, MAX_HARDSHIP_SITUATIONS
from core.rules.credit_record import Reporting
from core.rules.hardship import HardshipSituation, ProofItem, SituationKind
from store import InvalidDataError, NotFoundError, StaleRecordError, Store, init_db
from store.backup import (
    BackupFileError,
    backup_document,
    dump_document,
    read_backup,
    restore_from_bytes,
)
from store.clients import client_tables
from store.engine import make_engine
from store.hardship import GatheredProof
from store.migrate import current_revision, head_revision, upgrade
from tests.strategies import texts

NEW_TABLES = ("hardship_situations", "client_proofs")


def out_of_work(client_id: int, **changes) -> HardshipSituation:
    fields = {
        "client_id": client_id,
        "kind": SituationKind.UNEMPLOYMENT,
        "started_on": date(2025, 6, 1),
        "note": "工厂关闭后失业",
    }
    return HardshipSituation(**{**fields, **changes})


def on_dibao(client_id: int, **changes) -> HardshipSituation:
    fields = {
        "client_id": client_id,
        "kind": SituationKind.MINIMUM_LIVING_ALLOWANCE,
        "started_on": date(2025, 9, 1),
    }
    return HardshipSituation(**{**fields, **changes})


@pytest.fixture
def client(store):
    return store.clients.create(a_client())


# --- situations ------------------------------------------------------------------------------


def test_a_situation_is_read_back_as_saved(store, client):
    saved = store.hardship.add(out_of_work(client.id, ended_on=date(2026, 1, 31)))
    assert (saved.id, saved.version, saved.client_id) == (saved.id, 1, client.id)
    assert store.hardship.get(saved.id) == saved
    assert saved.model_dump(exclude={"id"}) == {
        "version": 1,
        "client_id": client.id,
        "kind": SituationKind.UNEMPLOYMENT,
        "started_on": date(2025, 6, 1),
        "ended_on": date(2026, 1, 31),
        "note": "工厂关闭后失业",
    }


def test_a_note_at_its_limit_fits(store, client):
    saved = store.hardship.add(out_of_work(client.id, note="难" * MAX_HARDSHIP_NOTE_LENGTH))
    assert store.hardship.get(saved.id).note == "难" * MAX_HARDSHIP_NOTE_LENGTH


def test_situations_are_listed_by_start_date_then_as_added(store, client):
    dibao = store.hardship.add(on_dibao(client.id))
    job = store.hardship.add(out_of_work(client.id))
    same_day = store.hardship.add(
        out_of_work(client.id, kind=SituationKind.ILLNESS_OR_INJURY, note="")
    )
    other = store.clients.create(a_client(name="李四", mobile=None))
    store.hardship.add(out_of_work(other.id))
    assert store.hardship.list_for_client(client.id) == [job, same_day, dibao]


def test_a_situation_changes_at_the_version_shown_only(store, client):
    shown = store.hardship.add(out_of_work(client.id))
    ended = store.hardship.update(shown.model_copy(update={"ended_on": date(2026, 2, 28)}))
    assert ended.version == 2
    assert store.hardship.get(shown.id) == ended
    with pytest.raises(StaleRecordError) as caught:
        store.hardship.update(shown.model_copy(update={"note": "过期的修改"}))
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    with pytest.raises(StaleRecordError):
        store.hardship.delete(shown.id, version=1)
    assert store.hardship.get(shown.id) == ended
    store.hardship.delete(shown.id, version=2)
    with pytest.raises(NotFoundError):
        store.hardship.get(shown.id)


def test_a_situation_never_moves_to_another_client(store, client):
    shown = store.hardship.add(out_of_work(client.id))
    other = store.clients.create(a_client(name="李四", mobile=None))
    with pytest.raises(InvalidDataError):
        store.hardship.update(shown.model_copy(update={"client_id": other.id}))
    assert store.hardship.get(shown.id) == shown


def test_a_situation_needs_an_existing_client_and_is_new(store, client):
    with pytest.raises(NotFoundError):
        store.hardship.add(out_of_work(client.id + 100))
    saved = store.hardship.add(out_of_work(client.id))
    with pytest.raises(InvalidDataError):
        store.hardship.add(saved)
    with pytest.raises(InvalidDataError) as caught:
        store.hardship.add({"kind": "unemployment"})
    assert caught.value.code == "wrong_type"


def test_a_client_has_at_most_the_limit_of_situations(store, client):
    for month in range(MAX_HARDSHIP_SITUATIONS):
        store.hardship.add(out_of_work(client.id, started_on=date(2024, 1 + month % 12, 1)))
    with pytest.raises(InvalidDataError) as caught:
        store.hardship.add(on_dibao(client.id))
    assert caught.value.code == "too_many"
    assert len(store.hardship.list_for_client(client.id)) == MAX_HARDSHIP_SITUATIONS


# --- the proof gathered ----------------------------------------------------------------------


def test_nothing_gathered_is_version_0(store, client):
    assert store.proofs.get(client.id) == GatheredProof(client_id=client.id, items=(), version=0)
    with pytest.raises(NotFoundError):
        store.proofs.get(client.id + 100)


def test_the_proof_gathered_is_saved_at_the_version_shown(store, client):
    first = store.proofs.set(
        client.id,
        [ProofItem.MINIMUM_LIVING_CERTIFICATE, "unemployment_certificate", ProofItem.DIAGNOSIS],
        version=0,
    )
    # each once, in the enum's order
    assert first.items == (
        ProofItem.UNEMPLOYMENT_CERTIFICATE,
        ProofItem.DIAGNOSIS,
        ProofItem.MINIMUM_LIVING_CERTIFICATE,
    )
    assert first.version == 1
    assert store.proofs.get(client.id) == first
    second = store.proofs.set(client.id, [ProofItem.UNEMPLOYMENT_CERTIFICATE], version=1)
    assert (second.items, second.version) == ((ProofItem.UNEMPLOYMENT_CERTIFICATE,), 2)
    # another tab still showing version 1, and a second "first" save, are refused
    for version in (1, 0):
        with pytest.raises(StaleRecordError) as caught:
            store.proofs.set(client.id, [], version=version)
        assert (caught.value.entity, caught.value.actual) == ("gathered_proof", 2)
    assert store.proofs.get(client.id) == second
    emptied = store.proofs.set(client.id, (), version=2)
    assert (emptied.items, emptied.version) == ((), 3)
    assert store.proofs.get(client.id) == emptied


def test_the_proof_is_the_clients_own_and_does_not_touch_the_client_record(store, client):
    other = store.clients.create(a_client(name="李四", mobile=None))
    store.proofs.set(client.id, [ProofItem.DIAGNOSIS], version=0)
    assert store.proofs.get(other.id).items == ()
    assert store.clients.get(client.id).version == client.version


@pytest.mark.parametrize(
    ("items", "code"),
    [(["unemployment_certificate", "pay_slip"], "choice"), ("diagnosis", "wrong_type")],
)
def test_an_unknown_proof_item_is_refused_and_nothing_saved(store, client, items, code):
    with pytest.raises(InvalidDataError) as caught:
        store.proofs.set(client.id, items, version=0)
    assert caught.value.code == code
    assert store.proofs.get(client.id).version == 0


def test_proof_for_a_missing_client_or_a_bad_version_is_refused(store, client):
    with pytest.raises(NotFoundError):
        store.proofs.set(client.id + 100, [], version=0)
    for version in (-1, True, "1"):
        with pytest.raises(InvalidDataError):
            store.proofs.set(client.id, [], version=version)


# --- each debt's credit-record fields --------------------------------------------------------


def test_a_debt_keeps_whether_it_reports_and_when_it_went_overdue(store, client):
    plain = store.debts.add(a_debt(client.id))
    assert (plain.reports_credit, plain.overdue_since) == (Reporting.UNKNOWN, None)
    saved = store.debts.add(
        a_debt(
            client.id,
            contract_number="HT-2",
            reports_credit=Reporting.YES,
            overdue_since=date(2026, 1, 15),
        )
    )
    assert store.debts.get(saved.id) == saved
    assert (saved.reports_credit, saved.overdue_since) == (Reporting.YES, date(2026, 1, 15))
    changed = store.debts.update(
        saved.model_copy(update={"reports_credit": Reporting.NO, "overdue_since": None})
    )
    assert store.debts.get(saved.id) == changed
    assert (changed.reports_credit, changed.overdue_since, changed.version) == (
        Reporting.NO,
        None,
        2,
    )


def test_an_overdue_before_the_contract_is_refused_by_the_model():
    with pytest.raises(ValidationError) as caught:
        a_debt(1, overdue_since=date(2024, 3, 14))  # signed 2024-03-15
    cause = caught.value.errors()[0]["ctx"]["error"]
    assert isinstance(cause, CoreError)
    assert (cause.field, cause.code) == ("overdue_since", "before_contract")
    assert a_debt(1, overdue_since=date(2024, 3, 15)).overdue_since == date(2024, 3, 15)


# --- erased with the client ------------------------------------------------------------------


def test_deleting_the_client_erases_its_situations_and_proof(store, client):
    assert set(NEW_TABLES) <= {table.name for table in client_tables()}
    store.hardship.add(out_of_work(client.id))
    store.proofs.set(client.id, [ProofItem.UNEMPLOYMENT_CERTIFICATE], version=0)
    other = store.clients.create(a_client(name="李四", mobile=None))
    kept = store.hardship.add(out_of_work(other.id))
    assert store.retention.row_counts([client.id])[client.id] == {
        "clients": 1,
        "hardship_situations": 1,
        "client_proofs": 1,
    }
    store.clients.delete(client.id)
    with store.engine.connect() as connection:
        for table in NEW_TABLES:
            rows = connection.execute(
                sa.text(f"SELECT count(*) FROM {table} WHERE client_id = :id"), {"id": client.id}
            ).scalar()
            assert rows == 0, table
    assert store.hardship.list_for_client(other.id) == [kept]


def test_the_database_cascades_on_its_own(store, client):
    """Even a delete that names no child table leaves none behind (ON DELETE CASCADE)."""
    store.hardship.add(out_of_work(client.id))
    store.proofs.set(client.id, [ProofItem.DIAGNOSIS], version=0)
    with store.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM clients WHERE id = :id"), {"id": client.id})
    with store.engine.connect() as connection:
        for table in NEW_TABLES:
            assert connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == 0


# --- backups ---------------------------------------------------------------------------------


def filled(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(
        a_debt(client.id, reports_credit=Reporting.YES, overdue_since=date(2026, 1, 15))
    )
    situations = [
        store.hardship.add(out_of_work(client.id, ended_on=date(2026, 2, 1))),
        store.hardship.add(on_dibao(client.id)),
    ]
    proof = store.proofs.set(client.id, [ProofItem.UNEMPLOYMENT_CERTIFICATE], version=0)
    return client, debt, situations, proof


def test_a_backup_holds_them_and_a_restore_brings_them_back(store):
    client, debt, situations, proof = filled(store)
    document = backup_document(store)
    assert document["counts"]["hardship_situations"] == 2
    assert document["counts"]["client_proofs"] == 1
    row = document["tables"]["hardship_situations"][0]
    assert (row["kind"], row["started_on"], row["ended_on"], row["note"]) == (
        "unemployment",
        "2025-06-01",
        "2026-02-01",
        "工厂关闭后失业",
    )
    assert document["tables"]["client_proofs"][0]["items"] == ["unemployment_certificate"]
    (debt_row,) = document["tables"]["debts"]
    assert (debt_row["reports_credit"], debt_row["overdue_since"]) == ("yes", "2026-01-15")

    store.clients.delete(client.id)
    restore_from_bytes(store, dump_document(document), source="backup.json")
    assert store.hardship.list_for_client(client.id) == situations
    assert store.proofs.get(client.id) == proof
    assert store.debts.get(debt.id) == debt
    assert backup_document(store)["tables"] == document["tables"]
    # ids carry on after the restored ones (PostgreSQL's sequences were reset)
    assert store.hardship.add(on_dibao(client.id)).id > max(s.id for s in situations)


def at_0008(document: dict) -> dict:
    """``document`` as RepayTalk wrote it before 0009: no new tables, no new debt columns."""
    old = {**document, "schema_revision": "0008"}
    old["counts"] = {k: v for k, v in document["counts"].items() if k not in NEW_TABLES}
    old["tables"] = {k: v for k, v in document["tables"].items() if k not in NEW_TABLES}
    old["tables"]["debts"] = [
        {k: v for k, v in row.items() if k not in ("reports_credit", "overdue_since")}
        for row in document["tables"]["debts"]
    ]
    return old


def test_a_backup_from_before_0009_restores_as_the_migration_would_have_made_it(store):
    client, debt, _, _ = filled(store)
    old = at_0008(backup_document(store))
    store.clients.delete(client.id)
    store.clients.create(a_client(name="将被替换"))
    counts = restore_from_bytes(store, dump_document(old), source="old.json")
    assert counts["hardship_situations"] == counts["client_proofs"] == 0
    restored = store.debts.get(debt.id)
    assert restored == debt.model_copy(
        update={"reports_credit": Reporting.UNKNOWN, "overdue_since": None}
    )
    assert store.hardship.list_for_client(client.id) == []
    assert store.proofs.get(client.id).version == 0
    assert [c.name for c in store.clients.list()] == [client.name]


def test_a_backup_at_0009_must_have_them(store):
    filled(store)
    document = backup_document(store)
    without_table = {**document, "tables": dict(document["tables"])}
    del without_table["tables"]["client_proofs"]
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(without_table))
    assert (caught.value.reason, caught.value.where) == ("missing_part", "tables.client_proofs")
    # an old backup still needs what its own schema had
    old = at_0008(document)
    del old["tables"]["debts"][0]["notes"]
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(old))
    assert caught.value.reason == "row_shape"
    assert "missing column(s) notes" in caught.value.problem
    # a column of 0009 missing from a file that says it is 0009 is refused
    new = backup_document(store)
    del new["tables"]["debts"][0]["overdue_since"]
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(new))
    assert caught.value.reason == "row_shape"
    # and a file of an unknown schema gets no allowance either
    unknown = {**at_0008(backup_document(store)), "schema_revision": "9999"}
    with pytest.raises(BackupFileError):
        read_backup(dump_document(unknown))


@pytest.mark.parametrize(
    ("table", "column", "value", "where"),
    [
        ("hardship_situations", "kind", "bankrupt", "tables.hardship_situations[0] (id "),
        ("hardship_situations", "ended_on", "2020-01-01", "tables.hardship_situations[0] (id "),
        ("client_proofs", "items", ["pay_slip"], "tables.client_proofs[0] (id "),
        ("client_proofs", "items", {"a": 1}, "tables.client_proofs[0] (id "),
        ("debts", "reports_credit", "maybe", "tables.debts[0] (id "),
        ("debts", "overdue_since", "2020-01-01", "tables.debts[0] (id "),
    ],
)
def test_a_backup_with_a_bad_record_of_theirs_is_refused(store, table, column, value, where):
    filled(store)
    document = backup_document(store)
    document["tables"][table][0][column] = value
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert caught.value.reason == "record"
    assert caught.value.where.startswith(where)


def test_a_backup_whose_proof_names_a_missing_client_is_refused(store):
    filled(store)
    document = backup_document(store)
    document["tables"]["client_proofs"][0]["client_id"] = 999
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert caught.value.reason == "missing_record"
    assert caught.value.where == "tables.client_proofs[0].client_id"


# --- the migration ---------------------------------------------------------------------------


def test_a_database_at_0008_is_upgraded_with_its_debts_unknown_and_not_dated(
    database_url, settings
):
    engine = make_engine(database_url, settings)
    try:
        upgrade(engine, "0008")
        with Store(engine, settings):  # opened without upgrading it
            assert current_revision(engine) == "0008"
        now = "2026-02-01 08:00:00"
        with engine.begin() as connection:
            # raw SQL: today's models write columns that 0008 does not have
            connection.execute(
                sa.text(
                    "INSERT INTO clients (id, version, created_at, updated_at, name, mobile,"
                    " id_number, household_size, notes, consent_given_on, consent_scopes,"
                    " contacts) VALUES (1, 1, :now, :now, '张明', NULL, NULL, 1, '', NULL, '',"
                    " '[]')"
                ),
                {"now": now},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO debts (id, version, created_at, updated_at, client_id, creditor,"
                    " lender_type, product, contract_number, contract_date, amount_received_fen,"
                    " original_principal_fen, original_months, outstanding_principal_fen,"
                    " overdue_amount_fen, days_overdue, accrued_interest_and_penalties_fen,"
                    " penalty_rate, rate_quote, rate_kind, day_basis, other_monthly_charges_fen,"
                    " method, remaining_months, next_due_date, official_channels, notes) VALUES"
                    " (3, 1, :now, :now, :client, '来分期', 'online_platform', '', 'HT-1', NULL,"
                    " NULL, NULL, NULL, 1200000, 90000, 30, 0, '0', '0.18', 'annual', NULL, 0,"
                    " 'equal_installment', 12, NULL, '[]', '')"
                ),
                {"now": now, "client": 1},
            )
    finally:
        engine.dispose()
    with init_db(database_url, settings=settings) as store:
        assert current_revision(store.engine) == head_revision()
        debt = store.debts.get(3)
        assert (debt.reports_credit, debt.overdue_since, debt.version) == (
            Reporting.UNKNOWN,
            None,
            1,
        )
        assert store.hardship.list_for_client(1) == []


# --- any valid record round-trips ------------------------------------------------------------


@st.composite
def a_case(draw):
    """Situations (at most the limit) with any dates and notes, a proof set, and a debt with
    any reporting and overdue start."""
    situations = []
    for _ in range(draw(st.integers(min_value=0, max_value=MAX_HARDSHIP_SITUATIONS))):
        started = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
        ended = draw(st.none() | st.dates(min_value=started, max_value=date(2100, 12, 31)))
        situations.append(
            {
                "kind": draw(st.sampled_from(list(SituationKind))),
                "started_on": started,
                "ended_on": ended,
                "note": draw(texts(MAX_HARDSHIP_NOTE_LENGTH)),
            }
        )
    return {
        "situations": situations,
        "items": draw(st.sets(st.sampled_from(list(ProofItem)))),
        "reports": draw(st.sampled_from(list(Reporting))),
        "overdue_since": draw(st.none() | st.dates(min_value=date(2024, 3, 15))),
    }


@examples(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=a_case())
def test_any_valid_case_round_trips_save_backup_restore_unchanged(store, case):
    for old in store.clients.list():
        store.clients.delete(old.id)
    client = store.clients.create(a_client())
    situations = [
        store.hardship.add(HardshipSituation(client_id=client.id, **fields))
        for fields in case["situations"]
    ]
    proof = store.proofs.set(client.id, case["items"], version=0)
    debt = store.debts.add(
        a_debt(client.id, reports_credit=case["reports"], overdue_since=case["overdue_since"])
    )
    expected = sorted(situations, key=lambda s: (s.started_on, s.id))
    assert store.hardship.list_for_client(client.id) == expected
    assert set(proof.items) == case["items"]
    document = backup_document(store)
    read_backup(dump_document(document))  # what the app made it can restore
    store.clients.delete(client.id)
    restore_from_bytes(store, dump_document(document))
    assert store.hardship.list_for_client(client.id) == expected
    assert store.proofs.get(client.id) == proof
    assert store.debts.get(debt.id) == debt
    assert backup_document(store)["tables"] == document["tables"]
