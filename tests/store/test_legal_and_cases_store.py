"""Migration 0013 in the store: each debt's legal steps and each client's case stages — saved
at the version shown, in an order the rules allow, erased with their debt or client, backed
up and restored, and a backup written before 0013 still restored. SQLite, and PostgreSQL with
TEST_DATABASE_URL."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from store_samples import a_client, a_debt

from core.case_lifecycle import CaseStage, CloseReason, StageChange
from core.errors import CoreError
from core.rules.legal import MAX_DOCUMENT_LENGTH, LegalEvent, LegalStage, LegalStatus
from store import InvalidDataError, NotFoundError, SavedLegalEvent, StaleRecordError
from store.backup import (
    BackupFileError,
    backup_document,
    dump_document,
    read_backup,
    restore_from_bytes,
)
from store.clients import client_tables

NEW_TABLES = ("legal_events", "case_stages")


@pytest.fixture
def client(store):
    return store.clients.create(a_client())


@pytest.fixture
def debt(store, client):
    return store.debts.add(a_debt(client.id))


def step(client_id, debt_id, stage, on, **fields) -> SavedLegalEvent:
    return SavedLegalEvent(
        client_id=client_id, debt_id=debt_id, event=LegalEvent(stage=stage, on=on, **fields)
    )


def change(client_id, stage, on, **fields) -> StageChange:
    return StageChange(client_id=client_id, stage=stage, on=on, **fields)


# --- legal steps -----------------------------------------------------------------------------


def test_a_legal_step_is_read_back_as_saved(store, client, debt):
    saved = store.legal.add(
        step(
            client.id,
            debt.id,
            LegalStage.JUDGMENT,
            date(2026, 5, 6),
            document="（2026）沪0115民初1234号",
            perform_by=date(2026, 6, 1),
        )
    )
    assert (saved.id, saved.version, saved.client_id, saved.debt_id) == (
        saved.id,
        1,
        client.id,
        debt.id,
    )
    assert store.legal.get(saved.id) == saved
    assert store.legal.list_for_debt(debt.id) == [saved]
    assert store.legal.status_of(debt.id) == LegalStatus(events=(saved.event,))


def test_a_document_at_its_limit_fits(store, client, debt):
    long = "案" * MAX_DOCUMENT_LENGTH
    saved = store.legal.add(
        step(client.id, debt.id, LegalStage.LAWYER_LETTER, date(2026, 1, 2), document=long)
    )
    assert store.legal.get(saved.id).event.document == long


def test_the_debts_status_follows_its_steps_in_date_order(store, client, debt):
    served = store.legal.add(step(client.id, debt.id, LegalStage.SERVED, date(2026, 3, 10)))
    filed = store.legal.add(step(client.id, debt.id, LegalStage.SUIT_FILED, date(2026, 3, 2)))
    assert store.legal.list_for_debt(debt.id) == [filed, served]
    assert store.legal.status_of(debt.id).stage is LegalStage.SERVED
    assert store.legal.list_for_client(client.id) == [filed, served]


def test_a_step_out_of_order_is_refused_and_nothing_saved(store, client, debt):
    store.legal.add(step(client.id, debt.id, LegalStage.SUIT_FILED, date(2026, 3, 2)))
    with pytest.raises(CoreError) as caught:
        store.legal.add(step(client.id, debt.id, LegalStage.SERVED, date(2026, 3, 1)))
    assert caught.value.code == "legal_order"
    with pytest.raises(CoreError) as caught:
        store.legal.add(step(client.id, debt.id, LegalStage.APPEAL, date(2026, 4, 1)))
    assert caught.value.code == "legal_missing"
    assert [s.event.stage for s in store.legal.list_for_debt(debt.id)] == [LegalStage.SUIT_FILED]


def test_a_change_is_saved_at_the_version_shown_and_keeps_the_order(store, client, debt):
    filed = store.legal.add(step(client.id, debt.id, LegalStage.SUIT_FILED, date(2026, 3, 2)))
    served = store.legal.add(step(client.id, debt.id, LegalStage.SERVED, date(2026, 3, 10)))
    later = served.model_copy(
        update={"event": served.event.model_copy(update={"on": date(2026, 3, 12)})}
    )
    saved = store.legal.update(later)
    assert saved.version == 2 and store.legal.get(served.id).event.on == date(2026, 3, 12)
    with pytest.raises(StaleRecordError):
        store.legal.update(later)  # still at version 1
    too_early = saved.model_copy(
        update={"event": saved.event.model_copy(update={"on": date(2026, 3, 1)})}
    )
    with pytest.raises(CoreError) as caught:
        store.legal.update(too_early)
    assert caught.value.code == "legal_order"
    # the step itself may move, as long as the rest still follows
    moved = filed.model_copy(
        update={"event": filed.event.model_copy(update={"on": date(2026, 3, 5)})}
    )
    assert store.legal.update(moved).version == 2
    assert store.legal.get(served.id).event.on == date(2026, 3, 12)


def test_a_step_only_for_a_debt_of_its_own_client_and_never_moves(store, client, debt):
    other = store.clients.create(a_client(name="李四", mobile=None))
    theirs = store.debts.add(a_debt(other.id))
    with pytest.raises(InvalidDataError):
        store.legal.add(step(client.id, theirs.id, LegalStage.LAWYER_LETTER, date(2026, 1, 2)))
    with pytest.raises(NotFoundError):
        store.legal.add(step(client.id, 99999, LegalStage.LAWYER_LETTER, date(2026, 1, 2)))
    mine = store.legal.add(step(client.id, debt.id, LegalStage.LAWYER_LETTER, date(2026, 1, 2)))
    with pytest.raises(InvalidDataError):
        store.legal.update(mine.model_copy(update={"debt_id": theirs.id}))
    assert store.legal.list_for_client(other.id) == []


def test_a_step_is_deleted_at_the_version_shown(store, client, debt):
    saved = store.legal.add(step(client.id, debt.id, LegalStage.LAWYER_LETTER, date(2026, 1, 2)))
    with pytest.raises(StaleRecordError):
        store.legal.delete(saved.id, version=2)
    store.legal.delete(saved.id, version=1)
    assert store.legal.list_for_debt(debt.id) == []


def test_deleting_the_debt_erases_its_steps(store, client, debt):
    kept_debt = store.debts.add(a_debt(client.id, contract_number="HT-2"))
    store.legal.add(step(client.id, debt.id, LegalStage.LAWYER_LETTER, date(2026, 1, 2)))
    kept = store.legal.add(
        step(client.id, kept_debt.id, LegalStage.LAWYER_LETTER, date(2026, 1, 3))
    )
    store.debts.delete(debt.id)
    assert store.legal.list_for_client(client.id) == [kept]


# --- case stages -----------------------------------------------------------------------------


def test_the_case_moves_step_by_step_and_keeps_its_history(store, client):
    assert store.cases.history(client.id) == []
    opened = store.cases.move(change(client.id, CaseStage.OPEN, date(2026, 1, 15)), version=0)
    assessing = store.cases.move(
        change(client.id, CaseStage.ASSESSING, date(2026, 1, 15)), version=1
    )
    closed = store.cases.move(
        change(
            client.id,
            CaseStage.CLOSED,
            date(2026, 2, 1),
            reason=CloseReason.CLIENT_UNREACHABLE,
            note="三次未接",
        ),
        version=2,
    )
    assert store.cases.history(client.id) == [opened, assessing, closed]
    assert (closed.reason, closed.note, closed.version) == (
        CloseReason.CLIENT_UNREACHABLE,
        "三次未接",
        1,
    )
    assert store.cases.histories() == {client.id: [opened, assessing, closed]}


def test_a_step_over_a_history_that_moved_on_is_stale(store, client):
    store.cases.move(change(client.id, CaseStage.OPEN, date(2026, 1, 15)), version=0)
    with pytest.raises(StaleRecordError):
        store.cases.move(change(client.id, CaseStage.ASSESSING, date(2026, 1, 16)), version=0)
    assert len(store.cases.history(client.id)) == 1


@pytest.mark.parametrize(
    ("stage", "on", "code"),
    [
        (CaseStage.AGREED, date(2026, 2, 1), "case_step"),
        (CaseStage.ASSESSING, date(2026, 1, 14), "case_date"),
    ],
)
def test_a_step_the_rules_refuse_writes_nothing(store, client, stage, on, code):
    store.cases.move(change(client.id, CaseStage.OPEN, date(2026, 1, 15)), version=0)
    with pytest.raises(CoreError) as caught:
        store.cases.move(change(client.id, stage, on), version=1)
    assert caught.value.code == code
    assert len(store.cases.history(client.id)) == 1


def test_a_step_needs_an_existing_client_a_new_record_and_a_version(store, client):
    with pytest.raises(NotFoundError):
        store.cases.move(change(99999, CaseStage.OPEN, date(2026, 1, 15)), version=0)
    with pytest.raises(InvalidDataError):
        store.cases.move(
            change(client.id, CaseStage.OPEN, date(2026, 1, 15)).model_copy(update={"id": 3}),
            version=0,
        )
    with pytest.raises(InvalidDataError):
        store.cases.move(change(client.id, CaseStage.OPEN, date(2026, 1, 15)), version=-1)


def test_histories_of_a_caseload_only(store, client):
    from store.clients import Caseload

    store.cases.move(change(client.id, CaseStage.OPEN, date(2026, 1, 15)), version=0)
    assert store.cases.histories(caseload=Caseload(None)) == {
        client.id: store.cases.history(client.id)
    }
    assert store.cases.histories(caseload=Caseload(7)) == {}


# --- erased with the client ------------------------------------------------------------------


def fill(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    events = [
        store.legal.add(step(client.id, debt.id, LegalStage.SUIT_FILED, date(2026, 3, 2))),
        store.legal.add(
            step(
                client.id,
                debt.id,
                LegalStage.JUDGMENT,
                date(2026, 5, 6),
                award=True,
                perform_by=date(2026, 6, 1),
                document="仲裁裁决书",
            )
        ),
    ]
    history = [
        store.cases.move(change(client.id, CaseStage.OPEN, date(2026, 1, 15)), version=0),
        store.cases.move(
            change(
                client.id,
                CaseStage.CLOSED,
                date(2026, 6, 2),
                reason=CloseReason.LEGAL_PROCEEDINGS,
                note="转法律援助",
            ),
            version=1,
        ),
    ]
    return client, debt, events, history


def test_deleting_the_client_erases_its_steps(store):
    assert set(NEW_TABLES) <= {table.name for table in client_tables()}
    client, _, _, _ = fill(store)
    other = store.clients.create(a_client(name="李四", mobile=None))
    kept = store.cases.move(change(other.id, CaseStage.OPEN, date(2026, 1, 15)), version=0)
    assert store.retention.row_counts([client.id])[client.id] == {
        "clients": 1,
        "debts": 1,
        "legal_events": 2,
        "case_stages": 2,
    }
    store.clients.delete(client.id)
    with store.engine.connect() as connection:
        for table in NEW_TABLES:
            rows = connection.execute(
                sa.text(f"SELECT count(*) FROM {table} WHERE client_id = :id"), {"id": client.id}
            ).scalar()
            assert rows == 0, table
    assert store.cases.history(other.id) == [kept]


def test_the_database_cascades_on_its_own(store):
    client, _, _, _ = fill(store)
    with store.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM clients WHERE id = :id"), {"id": client.id})
    with store.engine.connect() as connection:
        for table in NEW_TABLES:
            assert connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_a_legal_step_counts_as_activity_for_retention(store):
    client, _, _, _ = fill(store)
    from store.retention import EVENT_COLUMNS

    assert EVENT_COLUMNS["legal_events"] == ("on", "perform_by")
    assert EVENT_COLUMNS["case_stages"] == ("on",)
    assert client.id is not None


# --- backups ---------------------------------------------------------------------------------


def test_a_backup_holds_them_and_a_restore_brings_them_back(store):
    client, debt, events, history = fill(store)
    document = backup_document(store)
    assert document["counts"]["legal_events"] == 2
    assert document["counts"]["case_stages"] == 2
    row = document["tables"]["legal_events"][1]
    assert (row["stage"], row["on"], row["award"], row["perform_by"], row["document"]) == (
        "judgment",
        "2026-05-06",
        True,
        "2026-06-01",
        "仲裁裁决书",
    )
    closed = document["tables"]["case_stages"][1]
    assert (closed["stage"], closed["reason"], closed["note"]) == (
        "closed",
        "legal_proceedings",
        "转法律援助",
    )
    store.clients.delete(client.id)
    restore_from_bytes(store, dump_document(document))
    assert store.legal.list_for_debt(debt.id) == events
    assert store.cases.history(client.id) == history


def before_0013(document: dict) -> dict:
    old = {**document, "schema_revision": "0012"}
    old["counts"] = {k: v for k, v in document["counts"].items() if k not in NEW_TABLES}
    old["tables"] = {k: v for k, v in document["tables"].items() if k not in NEW_TABLES}
    return old


def test_a_backup_from_before_0013_restores_with_them_empty(store):
    client, debt, _, _ = fill(store)
    old = before_0013(backup_document(store))
    counts = restore_from_bytes(store, dump_document(old), source="old.json")
    assert counts["legal_events"] == counts["case_stages"] == 0
    assert store.legal.list_for_debt(debt.id) == []
    assert store.cases.history(client.id) == []
    assert store.debts.get(debt.id) == debt


def test_a_backup_at_0013_must_have_them(store):
    fill(store)
    document = backup_document(store)
    del document["tables"]["case_stages"]
    with pytest.raises(BackupFileError):
        read_backup(dump_document(document))


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("legal_events", "stage", "none"),
        ("legal_events", "stage", "verdict"),
        ("legal_events", "award", "yes"),
        ("case_stages", "stage", "closed_forever"),
        ("case_stages", "reason", "bored"),
        ("case_stages", "note", "长" * 201),
    ],
)
def test_a_backup_with_a_bad_record_of_theirs_is_refused(store, table, column, value):
    fill(store)
    document = backup_document(store)
    document["tables"][table][0][column] = value
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert caught.value.where.startswith(f"tables.{table}[0]")


def test_a_backup_whose_step_points_at_another_clients_debt_is_refused(store):
    fill(store)
    other = store.clients.create(a_client(name="李四", mobile=None))
    theirs = store.debts.add(a_debt(other.id))
    document = backup_document(store)
    document["tables"]["legal_events"][0]["debt_id"] = theirs.id
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert caught.value.reason == "other_clients_record"
    assert caught.value.where == "tables.legal_events[0].debt_id"


@pytest.mark.parametrize(
    ("table", "change", "code"),
    [
        ("legal_events", {"on": "2026-03-01"}, "legal_order"),  # judgment before the suit
        ("case_stages", {"stage": "agreed"}, "case_step"),  # open → agreed is no step
    ],
)
def test_a_backup_whose_steps_cannot_follow_each_other_is_refused(store, table, change, code):
    fill(store)
    document = backup_document(store)
    index = 1 if table == "legal_events" else 0
    document["tables"][table][index].update(change)
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert caught.value.where.startswith(f"tables.{table}[0]")
    assert caught.value.cause.code == code
