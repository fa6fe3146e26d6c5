"""Each counselor action is one unit of work that never loses, duplicates or breaks data.

(No conftest.py here: one would shadow the top-level one the browser tests import from; the
store's database fixtures are imported instead.)
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import services
from core.clients import Client
from services import LOCAL_USER, ChangedElsewhereError
from services.actor import NotAnActorError

# The store's database fixtures (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import a_budget, a_call, a_client, a_debt, a_task

ME = LOCAL_USER


@pytest.fixture
def ws(store):
    return store


def test_a_stale_client_save_is_refused_and_shows_what_is_there_now(ws):
    """Two tabs: B opened the client at version 1, A renamed it; B's save must not undo it."""
    shown_in_b = services.clients.create(ws, ME, a_client(name="张明"))
    shown_in_a = services.clients.get(ws, ME, shown_in_b.id)
    renamed = services.clients.update(ws, ME, shown_in_a.model_copy(update={"name": "张三"}))
    assert renamed.version == 2

    with pytest.raises(ChangedElsewhereError) as caught:
        services.clients.update(ws, ME, shown_in_b.model_copy(update={"notes": "新备注"}))

    assert caught.value.code == "changed_elsewhere"
    assert (caught.value.seen, caught.value.actual) == (1, 2)
    assert caught.value.current == renamed
    assert services.clients.get(ws, ME, renamed.id) == renamed  # nothing overwritten


def test_a_stale_debt_save_is_refused(ws):
    client = services.clients.create(ws, ME, a_client())
    seen = services.debts.add(ws, ME, a_debt(client.id))
    longer = seen.debt.model_copy(update={"remaining_months": 24})
    services.debts.update(ws, ME, seen.model_copy(update={"debt": longer}))
    other = seen.debt.model_copy(update={"product": "现金贷"})
    with pytest.raises(ChangedElsewhereError) as caught:
        services.debts.update(ws, ME, seen.model_copy(update={"debt": other}))
    assert caught.value.current.debt.remaining_months == 24
    assert services.debts.get(ws, ME, seen.id).debt.remaining_months == 24


def test_deleting_a_client_changed_elsewhere_is_refused(ws):
    client = services.clients.create(ws, ME, a_client())
    services.clients.update(ws, ME, client.model_copy(update={"notes": "changed"}))
    with pytest.raises(ChangedElsewhereError):
        services.clients.delete(ws, ME, client.id, version=client.version)
    assert services.clients.count(ws, ME) == 1


def test_saving_a_record_deleted_elsewhere_says_it_is_gone(ws):
    client = services.clients.create(ws, ME, a_client())
    services.clients.delete(ws, ME, client.id)
    with pytest.raises(services.NotFoundError):
        services.clients.update(ws, ME, client.model_copy(update={"notes": "late"}))


def test_loading_the_example_saves_all_of_it_or_nothing(ws, monkeypatch):
    calls = []

    def failing_budget(*args, **kwargs):
        calls.append(args)
        raise services.InvalidDataError("budget", "planted failure")

    monkeypatch.setattr(ws.budgets, "add_version", failing_budget)
    with pytest.raises(services.InvalidDataError):
        services.example.load(ws, ME, date(2026, 11, 30))
    assert calls
    assert services.clients.count(ws, ME) == 0
    monkeypatch.undo()
    client = services.example.load(ws, ME, date(2026, 11, 30))
    assert len(services.debts.list_for_client(ws, ME, client.id)) == 4
    assert services.budgets.current(ws, ME, client.id) is not None


def test_a_call_and_its_follow_ups_are_logged_together(ws):
    client = services.clients.create(ws, ME, a_client())
    call, tasks = services.calls.log(ws, ME, a_call(client.id), [a_task(None), a_task(None)])
    assert [task.source_call_id for task in tasks] == [call.id, call.id]
    assert len(services.tasks.list_for_client(ws, ME, client.id)) == 2


def test_a_task_marked_done_can_be_reopened(ws):
    client = services.clients.create(ws, ME, a_client())
    _, (task,) = services.calls.log(ws, ME, a_call(client.id), [a_task(None)])
    done = services.tasks.complete(ws, ME, task, datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    assert done.done and services.tasks.list_open(ws, ME) == []
    reopened = services.tasks.reopen(ws, ME, done)
    assert not reopened.done and reopened.done_at is None
    assert services.tasks.list_open(ws, ME) == [reopened]
    with pytest.raises(ChangedElsewhereError):
        services.tasks.reopen(ws, ME, done)  # the "done" copy is stale now


def test_a_budget_version_is_saved_for_the_client(ws):
    client = services.clients.create(ws, ME, a_client())
    saved = services.budgets.save_version(ws, ME, client.id, date(2026, 3, 1), a_budget())
    assert services.budgets.history(ws, ME, client.id) == [saved]


def test_a_service_needs_the_acting_user(ws):
    with pytest.raises(NotAnActorError):
        services.clients.create(ws, None, Client(name="张明"))
    assert services.clients.count(ws, ME) == 0


def test_backup_and_restore_go_through_services(ws):
    client = services.clients.create(ws, ME, a_client())
    data = services.data.backup(ws, ME, passphrase=None)
    services.clients.delete(ws, ME, client.id)
    checked = services.data.read(ME, data)
    assert services.data.restore(ws, ME, checked)["clients"] == 1
    assert services.clients.get(ws, ME, client.id) == client


def test_a_repeated_request_logs_one_call_and_one_set_of_follow_ups(ws):
    client = services.clients.create(ws, ME, a_client())
    call = a_call(client.id)
    request = services.request_key("form-session-1", "call", call)
    first = services.calls.log(ws, ME, call, [a_task(None), a_task(None)], request_id=request)
    again = services.calls.log(ws, ME, call, [a_task(None), a_task(None)], request_id=request)
    assert again == first
    assert len(services.calls.list_for_client(ws, ME, client.id)) == 1
    assert len(services.tasks.list_for_client(ws, ME, client.id)) == 2


def test_the_same_request_from_two_processes_is_carried_out_once(ws, database_url, settings):
    """Two stores on one database stand for two server processes racing on one request id."""
    from store import init_db

    client = services.clients.create(ws, ME, a_client())
    call = a_call(client.id)
    request = services.request_key("form-session-1", "call", call)
    with init_db(database_url, settings=settings) as other:
        # the other process looked before the first one wrote, so it writes too
        original_find = other.requests.find
        looks = []

        def find_too_early(request_id, kind):
            looks.append(request_id)
            return None if len(looks) == 1 else original_find(request_id, kind)

        other.requests.find = find_too_early
        first = services.calls.log(ws, ME, call, request_id=request)
        second = services.calls.log(other, ME, call, request_id=request)
        assert len(looks) == 2  # it looked, wrote, was refused by the unique key, looked again
    assert second[0] == first[0]
    assert len(services.calls.list_for_client(ws, ME, client.id)) == 1


def test_a_new_submission_with_other_content_is_a_new_request(ws):
    client = services.clients.create(ws, ME, a_client())
    one = a_call(client.id)
    two = one.model_copy(update={"summary": "a second call"})
    for call in (one, two):
        services.calls.log(ws, ME, call, request_id=services.request_key("s", "call", call))
    assert len(services.calls.list_for_client(ws, ME, client.id)) == 2


def test_erasing_a_client_erases_their_request_ids(ws):
    client = services.clients.create(ws, ME, a_client())
    call = a_call(client.id)
    request = services.request_key("s", "call", call)
    services.calls.log(ws, ME, call, request_id=request)
    services.clients.delete(ws, ME, client.id)
    assert ws.requests.find(request, "call") is None


def test_every_create_action_is_carried_out_once_per_request(ws):
    from tests.store.store_samples import a_collection_contact, a_payment, a_proposal

    def twice(action, *args):
        request = services.request_key("s", action.__module__, args[-1])
        first = action(ws, ME, *args, request_id=request)
        assert action(ws, ME, *args, request_id=request) == first
        return first

    client = twice(services.clients.create, a_client())
    debt = twice(services.debts.add, a_debt(client.id))
    twice(services.budgets.save_version, client.id, date(2026, 3, 1), a_budget())
    proposal = twice(services.proposals.save, a_proposal(client.id, debt.id))
    twice(services.payments.record, a_payment(client.id, debt_id=debt.id, proposal_id=proposal.id))
    twice(services.collections.add, a_collection_contact(client.id, debt_id=debt.id))
    assert services.clients.count(ws, ME) == 1
    assert len(services.debts.list_for_client(ws, ME, client.id)) == 1
    assert len(services.budgets.history(ws, ME, client.id)) == 1
    assert len(services.proposals.list_for_client(ws, ME, client.id)) == 1
    assert len(services.payments.list_for_client(ws, ME, client.id)) == 1
    assert len(services.collections.list_for_client(ws, ME, client.id)) == 1


def test_a_stale_save_from_another_process_is_refused(ws, database_url, settings):
    """Two stores on one database stand for two server processes (or two machines)."""
    from store import init_db

    client = services.clients.create(ws, ME, a_client())
    with init_db(database_url, settings=settings) as other:
        seen_there = services.clients.get(other, ME, client.id)
        services.clients.update(ws, ME, client.model_copy(update={"name": "张三"}))
        with pytest.raises(ChangedElsewhereError) as caught:
            services.clients.update(other, ME, seen_there.model_copy(update={"notes": "late"}))
    assert caught.value.current.name == "张三"
    assert services.clients.get(ws, ME, client.id).notes == client.notes


def test_a_refused_proposal_is_kept_as_history_and_loses_its_reminders(ws):
    from core.plans import PlanRow
    from tests.store.store_samples import a_proposal

    client = services.clients.create(ws, ME, a_client())
    debt = services.debts.add(ws, ME, a_debt(client.id))
    saved = services.proposals.save(ws, ME, a_proposal(client.id, debt.id))
    refused = services.proposals.refuse(ws, ME, saved)
    assert refused.status is services.ProposalStatus.REFUSED
    assert services.proposals.list_for_client(ws, ME, client.id) == [refused]
    # the client's copy never puts a refused proposal forward as the plan
    from report.plan_report import chosen_proposal

    assert chosen_proposal((refused,), debt.id) is None
    with pytest.raises(ChangedElsewhereError):
        services.proposals.refuse(ws, ME, saved)  # the copy shown before is stale
