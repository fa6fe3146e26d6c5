"""Caseloads in the store: each client's counselor, the lists filtered by it in the query, and
a record's client read by its id (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from store.clients import Caseload
from store.errors import InvalidDataError, NotFoundError
from store.orm import AccountRow, ClientRow
from tests.store.store_samples import (
    SHANGHAI,
    a_call,
    a_checklist,
    a_client,
    a_collection_contact,
    a_debt,
    a_payment,
    a_proposal,
    a_task,
)

NOW = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)


def add_account(store, username: str, role: str = "counselor", *, disabled: bool = False) -> int:
    values = {
        "version": 1,
        "created_at": NOW,
        "updated_at": NOW,
        "username": username,
        "display_name": username,
        "role": role,
        "disabled": disabled,
        "failed_sign_ins": 0,
    }
    with store.engine.begin() as connection:
        return int(
            connection.execute(
                sa.insert(AccountRow.__table__).values(**values)
            ).inserted_primary_key[0]
        )


@pytest.fixture
def accounts(store) -> tuple[int, int]:
    return add_account(store, "counselor.a"), add_account(store, "counselor.b")


@pytest.fixture
def clients(store, accounts) -> dict[str, int]:
    """张明 (A's), 李华 (B's), 王芳 (nobody's) and 赵强 (A's), each with a debt, an open task
    and a done one."""
    a, b = accounts
    ids = {}
    for n, (name, owner) in enumerate(
        [("张明", a), ("李华", b), ("王芳", None), ("赵强", a)], start=1
    ):
        client = store.clients.create(
            a_client(name=name, mobile=f"1380000000{n}"), counselor_id=owner
        )
        ids[name] = client.id
        store.debts.add(a_debt(client.id, contract_number=f"HT-{n}-CASE01"))
        due = datetime(2026, 3, 2 + n, 9, 0, tzinfo=SHANGHAI)
        store.tasks.add(a_task(client.id, title=f"open {name}", due=due))
        done = store.tasks.add(a_task(client.id, title=f"done {name}", due=due))
        store.tasks.complete(done, datetime(2026, 3, 1, 2, n, tzinfo=UTC))
    return ids


def names(found) -> list[str]:
    return [client.name for client in found]


@pytest.mark.parametrize(
    ("whose", "expected"),
    [
        ("a", ["张明", "赵强"]),
        ("b", ["李华"]),
        ("nobody", ["王芳"]),
        ("every", ["张明", "李华", "王芳", "赵强"]),
    ],
)
def test_lists_searches_counts_and_tasks_filter_by_caseload(
    store, accounts, clients, whose, expected
):
    caseload = {
        "a": Caseload(accounts[0]),
        "b": Caseload(accounts[1]),
        "nobody": Caseload(None),
        "every": None,
    }[whose]
    assert names(store.clients.list(caseload=caseload)) == expected
    assert store.clients.count(caseload=caseload) == len(expected)
    assert names(store.clients.search("case01", caseload=caseload)) == expected
    assert [t.title for t in store.tasks.list_open(caseload=caseload)] == [
        f"open {name}" for name in expected
    ]
    done = store.tasks.list_done(caseload=caseload, since=datetime(2026, 3, 1, tzinfo=UTC))
    assert [t.title for t in done] == [f"done {name}" for name in reversed(expected)]
    activity = store.retention.activity(caseload=caseload)
    assert sorted(item.client_id for item in activity) == sorted(clients[n] for n in expected)


def test_a_caseload_filter_combines_with_the_other_conditions(store, accounts, clients):
    mine = Caseload(accounts[0])
    assert names(store.clients.search("赵", caseload=mine)) == ["赵强"]
    assert store.clients.search("李华", caseload=mine) == []
    assert names(store.clients.list(caseload=mine, limit=1, offset=1)) == ["赵强"]
    before = datetime(2026, 3, 5, 0, 0, tzinfo=SHANGHAI)
    assert [t.title for t in store.tasks.list_open(caseload=mine, due_before=before)] == [
        "open 张明"
    ]
    assert [t.title for t in store.tasks.list_open(caseload=mine, limit=1)] == ["open 张明"]
    only = store.retention.activity(client_ids=[clients["李华"], clients["赵强"]], caseload=mine)
    assert [item.client_id for item in only] == [clients["赵强"]]


def test_an_account_with_no_clients_has_an_empty_caseload(store, clients):
    idle = add_account(store, "counselor.idle")
    assert store.clients.list(caseload=Caseload(idle)) == []
    assert store.clients.count(caseload=Caseload(idle)) == 0
    assert store.tasks.list_open(caseload=Caseload(idle)) == []


def test_assign_moves_a_client_and_keeps_its_version(store, accounts, clients):
    a, b = accounts
    client_id = clients["张明"]
    before = store.clients.get(client_id)
    assert store.clients.assign(client_id, b) == a
    assert store.clients.assign(client_id, b) == b
    assert store.clients.counselor_of(client_id) == b
    assert store.clients.get(client_id) == before  # same version, same fields
    assert store.clients.assign(client_id, None) == b
    assert store.clients.counselor_of(client_id) is None
    assert store.clients.caseload_counts() == {a: 1, b: 1, None: 2}


def test_updating_a_client_keeps_its_counselor(store, accounts, clients):
    client = store.clients.get(clients["李华"])
    store.clients.update(client.model_copy(update={"notes": "改过"}))
    assert store.clients.counselor_of(client.id) == accounts[1]


def test_counselors_of_reads_many_clients_at_once(store, accounts, clients):
    a, b = accounts
    asked = [clients["张明"], clients["李华"], clients["王芳"], 999]
    assert store.clients.counselors_of(asked) == {
        clients["张明"]: a,
        clients["李华"]: b,
        clients["王芳"]: None,
    }


def test_a_missing_client_or_account(store, accounts, clients):
    with pytest.raises(NotFoundError):
        store.clients.counselor_of(999)
    with pytest.raises(NotFoundError):
        store.clients.assign(999, accounts[0])
    assert store.clients.assignee(999) is None
    with pytest.raises(InvalidDataError):  # no such account: the foreign key refuses it
        store.clients.assign(clients["王芳"], 999)
    assert store.clients.counselor_of(clients["王芳"]) is None


def test_the_assignee_is_read_with_its_role_and_state(store):
    gone = add_account(store, "counselor.gone", disabled=True)
    boss = add_account(store, "supervisor.s", "supervisor")
    assert (store.clients.assignee(gone).role, store.clients.assignee(gone).disabled) == (
        "counselor",
        True,
    )
    assert (store.clients.assignee(boss).role, store.clients.assignee(boss).disabled) == (
        "supervisor",
        False,
    )


@pytest.mark.parametrize("bad", [True, "3", 1.0])
def test_a_caseload_names_an_account_by_its_id(bad):
    with pytest.raises(InvalidDataError):
        Caseload(bad)


def test_deleting_an_account_leaves_its_clients_unassigned(store, accounts, clients):
    with store.engine.begin() as connection:
        connection.execute(sa.delete(AccountRow.__table__).where(AccountRow.id == accounts[1]))
    assert store.clients.counselor_of(clients["李华"]) is None
    assert names(store.clients.list(caseload=Caseload(None))) == ["李华", "王芳"]


def test_each_records_client_is_read_by_the_records_id(store, clients):
    client_id = clients["李华"]
    debt = store.debts.list_for_client(client_id)[0]
    proposal = store.proposals.save(a_proposal(client_id, debt.id))
    call = store.calls.add(a_call(client_id, debt_id=debt.id))
    (task, _) = store.tasks.list_for_client(client_id)
    checklist = store.checklists.save(a_checklist(client_id, debt.id))
    payment = store.payments.record(a_payment(client_id, debt_id=debt.id, paid_on=date(2026, 3, 1)))
    contact = store.collections.add(a_collection_contact(client_id))
    found = [
        store.debts.client_of(debt.id),
        store.proposals.client_of(proposal.id),
        store.calls.client_of(call.id),
        store.tasks.client_of(task.id),
        store.checklists.client_of(checklist.id),
        store.payments.client_of(payment.id),
        store.collections.client_of(contact.id),
    ]
    assert found == [client_id] * 7
    with pytest.raises(NotFoundError):
        store.debts.client_of(999)
    with pytest.raises(InvalidDataError):
        store.calls.client_of("1")
    with pytest.raises(TypeError):
        store.clients.client_of(client_id)


def test_the_counselor_column_is_indexed(store):
    indexes = sa.inspect(store.engine).get_indexes(ClientRow.__tablename__)
    assert [i["column_names"] for i in indexes if i["name"] == "ix_clients_counselor_id"] == [
        ["counselor_id"]
    ]
