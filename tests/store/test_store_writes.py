"""Writes: a stale copy never overwrites, a failing write leaves nothing behind, bad input is
named, and deleting a client erases everything about them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from store_samples import (
    a_budget,
    a_call,
    a_checklist,
    a_client,
    a_collection_contact,
    a_debt,
    a_payment,
    a_proposal,
    a_task,
)

from core.calls import DocumentItem
from core.case_lifecycle import CaseStage, StageChange
from core.evidence import EvidenceFile, prepare
from core.rules.hardship import HardshipSituation, ProofItem, SituationKind
from core.rules.legal import LegalEvent, LegalStage
from store import InvalidDataError, NotFoundError, SavedLegalEvent, StaleRecordError, StoreError
from store.orm import Base, ClientRow, FollowUpTaskRow


def count_rows(store, table: str, **where) -> int:
    query = sa.select(sa.func.count()).select_from(Base.metadata.tables[table])
    for column, value in where.items():
        query = query.where(Base.metadata.tables[table].c[column] == value)
    with store.engine.connect() as connection:
        return connection.execute(query).scalar()


def everything_for(store, client):
    """One of every record about ``client``; returns the client."""
    client = store.clients.create(client)
    debt = store.debts.add(a_debt(client.id))
    store.budgets.add_version(client.id, date(2026, 3, 1), a_budget())
    proposal = store.proposals.save(a_proposal(client.id, debt.id))
    store.proposals.agree(proposal, date(2026, 3, 5))
    call, _ = store.calls.add_with_tasks(a_call(client.id, debt_id=debt.id), [a_task(None)])
    store.tasks.add(a_task(client.id, title="写书面确认", source_call_id=call.id))
    store.checklists.save(a_checklist(client.id, debt.id))
    store.checklists.save(a_checklist(client.id))
    store.payments.record(a_payment(client.id, debt_id=debt.id, proposal_id=proposal.id))
    store.collections.add(a_collection_contact(client.id, debt_id=debt.id))
    store.requests.remember(f"request-of-call-{call.id}", client.id, "call", call.id)
    store.hardship.add(
        HardshipSituation(
            client_id=client.id, kind=SituationKind.UNEMPLOYMENT, started_on=date(2025, 6, 1)
        )
    )
    store.proofs.set(client.id, [ProofItem.DIAGNOSIS], version=0)
    store.legal.add(
        SavedLegalEvent(
            client_id=client.id,
            debt_id=debt.id,
            event=LegalEvent(stage=LegalStage.SUIT_FILED, on=date(2026, 3, 2), document="案号"),
        )
    )
    store.cases.move(
        StageChange(client_id=client.id, stage=CaseStage.OPEN, on=date(2026, 1, 15)), version=0
    )
    scan = prepare(b"%PDF-1.4\n%%EOF\n", "income.pdf")
    store.evidence.add(
        EvidenceFile(
            client_id=client.id,
            item=DocumentItem.INCOME_PROOF,
            file_name=scan.file_name,
            kind=scan.kind,
            size=scan.size,
            sha256=scan.sha256,
            uploaded_at=datetime(2026, 3, 1, tzinfo=UTC),
        ),
        scan.data,
    )
    return client


# --- optimistic locking ----------------------------------------------------------------------


def test_saving_a_stale_copy_raises_a_conflict_and_keeps_the_other_change(store):
    original = store.clients.create(a_client())
    mine = original.model_copy(update={"notes": "my change"})
    theirs = original.model_copy(update={"notes": "their change"})
    saved = store.clients.update(theirs)
    assert saved.version == 2
    with pytest.raises(StaleRecordError) as caught:
        store.clients.update(mine)
    error = caught.value
    assert (error.code, error.entity, error.expected, error.actual) == (
        "stale_record",
        "client",
        1,
        2,
    )
    assert store.clients.get(original.id).notes == "their change"
    # Reloading and applying the change again succeeds.
    fresh = store.clients.get(original.id)
    assert store.clients.update(fresh.model_copy(update={"notes": "my change"})).version == 3


@pytest.mark.parametrize("entity", ["call", "task", "payment", "debt", "checklist", "proposal"])
def test_every_record_refuses_a_stale_copy(store, entity):
    client = store.clients.create(a_client())
    saved = {
        "call": lambda: store.calls.add(a_call(client.id)),
        "task": lambda: store.tasks.add(a_task(client.id)),
        "payment": lambda: store.payments.record(a_payment(client.id)),
        "debt": lambda: store.debts.add(a_debt(client.id)),
        "checklist": lambda: store.checklists.save(a_checklist(client.id)),
        "proposal": lambda: store.proposals.save(a_proposal(client.id)),
    }[entity]()
    save = {
        "call": store.calls.update,
        "task": store.tasks.update,
        "payment": store.payments.update,
        "debt": store.debts.update,
        "checklist": store.checklists.save,
        "proposal": store.proposals.save,
    }[entity]
    assert save(saved).version == 2
    with pytest.raises(StaleRecordError):
        save(saved)


def test_deleting_with_a_stale_version_is_refused(store):
    client = store.clients.create(a_client())
    store.clients.update(client.model_copy(update={"notes": "changed"}))
    with pytest.raises(StaleRecordError):
        store.clients.delete(client.id, version=client.version)
    assert store.clients.get(client.id).notes == "changed"
    store.clients.delete(client.id, version=2)
    with pytest.raises(NotFoundError):
        store.clients.get(client.id)


def test_updating_a_deleted_record_says_it_is_gone(store):
    client = store.clients.create(a_client())
    store.clients.delete(client.id)
    with pytest.raises(NotFoundError) as caught:
        store.clients.update(client)
    assert (caught.value.code, caught.value.entity, caught.value.record_id) == (
        "not_found",
        "client",
        client.id,
    )


# --- all or nothing --------------------------------------------------------------------------


def test_a_batch_of_tasks_that_fails_half_way_saves_none(store):
    client = store.clients.create(a_client())
    tasks = [a_task(client.id, title="one"), a_task(client.id, title="two"), a_task(999_999)]
    with pytest.raises(NotFoundError):
        store.tasks.add_many(tasks)
    assert count_rows(store, "follow_up_tasks") == 0


def test_a_call_whose_follow_up_is_refused_is_not_saved_either(store):
    client = store.clients.create(a_client())
    already_saved = a_task(None).model_copy(update={"id": 5})
    with pytest.raises(InvalidDataError) as caught:
        store.calls.add_with_tasks(a_call(client.id), [a_task(None), already_saved])
    assert caught.value.field == "id"
    assert store.calls.list_for_client(client.id) == []
    assert count_rows(store, "follow_up_tasks") == 0


def test_payments_recorded_together_are_all_refused_when_one_is_for_another_clients_debt(store):
    client = store.clients.create(a_client())
    other = store.clients.create(a_client(name="李四"))
    others_debt = store.debts.add(a_debt(other.id))
    payments = [
        a_payment(client.id, amount="100.00"),
        a_payment(client.id, amount="200.00"),
        a_payment(client.id, amount="300.00", debt_id=others_debt.id),
    ]
    with pytest.raises(InvalidDataError) as caught:
        store.payments.record_many(payments)
    assert caught.value.field == "debt_id"
    assert store.payments.list_for_client(client.id) == []


def test_a_database_rule_broken_mid_transaction_rolls_back_the_earlier_rows(store, clock):
    client = store.clients.create(a_client())

    def task_row(client_id: int, title: str) -> FollowUpTaskRow:
        now = clock()
        return FollowUpTaskRow(
            client_id=client_id,
            title=title,
            kind="custom",
            due=now,
            done=False,
            notes="",
            version=1,
            created_at=now,
            updated_at=now,
        )

    with pytest.raises(InvalidDataError) as caught, store.write() as session:
        for title in ("first", "second"):
            session.add(task_row(client.id, title))
        session.flush()
        session.add(task_row(123_456, "third"))  # no such client: the foreign key refuses it
        session.flush()
    assert caught.value.code == "invalid_data"
    assert count_rows(store, "follow_up_tasks") == 0


def test_an_exception_inside_a_write_block_commits_nothing(store):
    with pytest.raises(RuntimeError), store.write() as session:
        session.add(
            ClientRow(
                name="王五",
                household_size=1,
                notes="",
                consent_scopes="",
                version=1,
                created_at=store.clock(),
                updated_at=store.clock(),
            )
        )
        session.flush()
        raise RuntimeError("the page crashed half-way")
    assert store.clients.count() == 0


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda store: store.clients.create({"name": "张明"}), "client"),
        (lambda store: store.clients.create(None), "client"),
        (lambda store: store.clients.get("7"), "client_id"),
        (lambda store: store.calls.add(a_client()), "call"),
        (lambda store: store.payments.record(a_payment(None)), "client_id"),
        (lambda store: store.calls.list_for_client(True), "client_id"),
    ],
)
def test_wrong_types_and_missing_fields_are_named(store, call, field):
    with pytest.raises(InvalidDataError) as caught:
        call(store)
    assert caught.value.field == field


def test_a_record_for_an_unknown_client_is_refused(store):
    with pytest.raises(NotFoundError) as caught:
        store.calls.add(a_call(424242))
    assert (caught.value.entity, caught.value.record_id) == ("client", 424242)
    with pytest.raises(NotFoundError):
        store.budgets.add_version(424242, date(2026, 3, 1), a_budget())


def test_creating_an_already_saved_client_is_refused(store):
    client = store.clients.create(a_client())
    with pytest.raises(InvalidDataError):
        store.clients.create(client)
    with pytest.raises(InvalidDataError):
        store.clients.update(a_client())  # never saved


def test_a_record_cannot_be_moved_to_another_client(store):
    client = store.clients.create(a_client())
    other = store.clients.create(a_client(name="李四"))
    call = store.calls.add(a_call(client.id))
    with pytest.raises(InvalidDataError) as caught:
        store.calls.update(call.model_copy(update={"client_id": other.id}))
    assert caught.value.field == "client_id"


def test_a_corrupt_stored_row_is_reported_not_crashed_on(store):
    client = store.clients.create(a_client())
    with store.engine.begin() as connection:
        connection.execute(
            sa.update(ClientRow.__table__).values(mobile="12345").where(ClientRow.id == client.id)
        )
    with pytest.raises(InvalidDataError) as caught:
        store.clients.get(client.id)
    assert caught.value.field == "mobile"
    assert isinstance(caught.value, StoreError)


# --- deleting a client -----------------------------------------------------------------------


def test_deleting_a_client_erases_every_row_about_them_and_nothing_else(store):
    gone = everything_for(store, a_client(name="张明"))
    kept = everything_for(store, a_client(name="李四", mobile="13900001111"))
    client_tables = [name for name, table in Base.metadata.tables.items() if "client_id" in table.c]
    # the thirteen kinds of record (proof documents the latest), and the processed requests
    assert len(client_tables) == 14
    before = {name: count_rows(store, name, client_id=kept.id) for name in client_tables}
    assert all(before.values())
    assert all(count_rows(store, name, client_id=gone.id) for name in client_tables)

    store.clients.delete(gone.id)

    for name in client_tables:
        assert count_rows(store, name, client_id=gone.id) == 0, name
        assert count_rows(store, name, client_id=kept.id) == before[name], name
    assert count_rows(store, "clients", id=gone.id) == 0
    assert store.clients.list() == [store.clients.get(kept.id)]


def test_a_deleted_clients_name_is_not_left_in_the_sqlite_file(store, is_sqlite, database_url):
    if not is_sqlite:
        pytest.skip("a file-level check; PostgreSQL's VACUUM is the server's business")
    everything_for(store, a_client(name="独特姓名甲乙丙丁"))
    store.clients.delete(store.clients.search("独特姓名")[0].id)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = database_url.removeprefix("sqlite:///")
    with open(path, "rb") as db_file:
        contents = db_file.read()
    assert "独特姓名甲乙丙丁".encode() not in contents
    assert b"11010519491231002X" not in contents


def test_deleting_a_debt_keeps_the_calls_and_payments_but_unlinks_them(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    call = store.calls.add(a_call(client.id, debt_id=debt.id))
    payment = store.payments.record(a_payment(client.id, debt_id=debt.id))
    store.checklists.save(a_checklist(client.id, debt.id))
    store.debts.delete(debt.id)
    assert store.calls.get(call.id).debt_id is None
    assert store.payments.get(payment.id).debt_id is None
    assert store.payments.get(payment.id).amount == payment.amount
    assert store.checklists.for_client(client.id, debt.id) is None
