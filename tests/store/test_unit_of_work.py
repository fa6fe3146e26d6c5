"""A unit of work: everything done inside it, through any repository, commits together or not."""

from __future__ import annotations

from datetime import date

import pytest
from store_samples import a_budget, a_client, a_debt

from store import NotFoundError


def test_writes_inside_a_unit_of_work_commit_together(store):
    with store.unit_of_work():
        client = store.clients.create(a_client())
        store.debts.add(a_debt(client.id))
        store.budgets.add_version(client.id, date(2026, 3, 1), a_budget())
        # reads inside the unit see what it wrote so far
        assert [d.debt.creditor for d in store.debts.list_for_client(client.id)] == ["来分期"]
    assert len(store.debts.list_for_client(client.id)) == 1
    assert store.budgets.current(client.id) is not None


def test_a_failure_inside_a_unit_of_work_leaves_nothing_behind(store):
    before = store.clients.count()
    with pytest.raises(NotFoundError), store.unit_of_work():
        client = store.clients.create(a_client())
        store.debts.add(a_debt(client.id))
        store.debts.add(a_debt(client.id + 999))  # no such client: refused
    assert store.clients.count() == before
    with pytest.raises(NotFoundError):
        store.clients.get(client.id)


def test_an_exception_of_the_caller_also_undoes_the_unit(store):
    with pytest.raises(RuntimeError), store.unit_of_work():
        client = store.clients.create(a_client())
        raise RuntimeError("the page gave up half-way")
    with pytest.raises(NotFoundError):
        store.clients.get(client.id)


def test_writes_outside_a_unit_of_work_still_commit_one_by_one(store):
    client = store.clients.create(a_client())
    assert store.clients.get(client.id).name == "张明"
