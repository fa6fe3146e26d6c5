"""What retention stands on: each client's last activity (one query), the audit trail and the
workspace settings — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from store_samples import (
    SHANGHAI,
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

from store import InvalidDataError, StaleRecordError
from store.clients import client_tables
from store.retention import EVENT_COLUMNS, ClientActivity, activity_columns

EARLY = datetime(2020, 1, 1, 1, 0, tzinfo=UTC)  # 2020-01-01 on the Shanghai clock


def shanghai(year, month, day, hour=12, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def a_quiet_call(client_id, at, **changes):
    return a_call(client_id, at=at, next_action="", next_action_on=None, **changes)


# Each case: what happens to a client first made on 2020-01-01, and the last activity it gives.
def call_at(store, clock, client_id):
    store.calls.add(a_quiet_call(client_id, shanghai(2021, 5, 6, 23, 30)))  # 15:30 UTC
    return date(2021, 5, 6)


def call_after_midnight(store, clock, client_id):
    store.calls.add(a_quiet_call(client_id, shanghai(2021, 5, 7, 0, 30)))  # the 6th in UTC
    return date(2021, 5, 7)


def next_action_on(store, clock, client_id):
    store.calls.add(a_call(client_id, at=shanghai(2019, 12, 1), next_action_on=date(2021, 6, 7)))
    return date(2021, 6, 7)


def task_due(store, clock, client_id):
    store.tasks.add(a_task(client_id, due=shanghai(2028, 1, 2)))  # a reminder still to come
    return date(2028, 1, 2)


def task_done(store, clock, client_id):
    task = store.tasks.add(a_task(client_id, due=shanghai(2019, 6, 1)))
    store.tasks.complete(task, at=shanghai(2021, 8, 9))
    return date(2021, 8, 9)


def payment_made(store, clock, client_id):
    store.payments.record(a_payment(client_id, paid_on=date(2021, 9, 10)))
    return date(2021, 9, 10)


def proposal_agreed(store, clock, client_id):
    store.proposals.agree(store.proposals.save(a_proposal(client_id)), date(2021, 10, 11))
    return date(2021, 10, 11)


def budget_valid_from(store, clock, client_id):
    store.budgets.add_version(client_id, date(2021, 11, 12), a_budget())
    return date(2021, 11, 12)


def collection_contact(store, clock, client_id):
    store.collections.add(a_collection_contact(client_id, at=shanghai(2021, 12, 13)))
    return date(2021, 12, 13)


def debt_changed(store, clock, client_id):
    clock.now = datetime(2022, 2, 3, 4, 0, tzinfo=UTC)
    store.debts.add(a_debt(client_id))
    return date(2022, 2, 3)


def checklist_changed(store, clock, client_id):
    clock.now = datetime(2022, 3, 4, 17, 0, tzinfo=UTC)  # 01:00 on the 5th in Shanghai
    store.checklists.save(a_checklist(client_id))
    return date(2022, 3, 5)


def client_changed(store, clock, client_id):
    clock.now = datetime(2022, 4, 5, 4, 0, tzinfo=UTC)
    store.clients.update(store.clients.get(client_id).model_copy(update={"notes": "新情况"}))
    return date(2022, 4, 5)


def call_changed(store, clock, client_id):
    call = store.calls.add(a_quiet_call(client_id, shanghai(2019, 3, 1)))
    clock.now = datetime(2022, 5, 6, 4, 0, tzinfo=UTC)
    store.calls.update(call.model_copy(update={"summary": "补记"}))
    return date(2022, 5, 6)


def nothing_else(store, clock, client_id):
    return date(2020, 1, 1)


CASES = [
    call_at,
    call_after_midnight,
    next_action_on,
    task_due,
    task_done,
    payment_made,
    proposal_agreed,
    budget_valid_from,
    collection_contact,
    debt_changed,
    checklist_changed,
    client_changed,
    call_changed,
    nothing_else,
]


def test_each_kind_of_activity_counts_on_the_shanghai_calendar(store, clock):
    clock.now = EARLY
    expected = {}
    for case in CASES:
        clock.now = EARLY
        client = store.clients.create(a_client(name=case.__name__[:20]))
        expected[client.id] = (case.__name__, case(store, clock, client.id))
    found = {item.client_id: item for item in store.retention.activity()}
    assert {key: (name, found[key].last_active_on) for key, (name, _) in expected.items()} == (
        expected
    )
    # The least recently active first.
    days = [item.last_active_on for item in store.retention.activity()]
    assert days == sorted(days)


def test_the_clients_inactive_through_a_day_are_found_to_the_day(store, clock):
    clock.now = EARLY
    late = store.clients.create(a_client(name="晚"))
    call_after_midnight(store, clock, late.id)  # last active 2021-05-07, 00:30 in Shanghai
    paid = store.clients.create(a_client(name="付"))
    payment_made(store, clock, paid.id)  # 2021-09-10
    quiet = store.clients.create(a_client(name="静"))

    def inactive(day):
        return [item.client_id for item in store.retention.activity(inactive_through=day)]

    assert inactive(date(2019, 12, 31)) == []
    assert inactive(date(2020, 1, 1)) == [quiet.id]
    assert inactive(date(2021, 5, 6)) == [quiet.id]
    assert inactive(date(2021, 5, 7)) == [quiet.id, late.id]
    assert inactive(date(2021, 9, 9)) == [quiet.id, late.id]
    assert inactive(date(2021, 9, 10)) == [quiet.id, late.id, paid.id]


def test_activity_of_some_clients_with_their_versions(store, clock):
    clock.now = EARLY
    one = store.clients.create(a_client(name="张明"))
    two = store.clients.create(a_client(name="李四"))
    clock.now = datetime(2021, 1, 2, 3, 0, tzinfo=UTC)
    two = store.clients.update(two.model_copy(update={"notes": "x"}))
    assert store.retention.activity(client_ids=[two.id, 424242]) == [
        ClientActivity(two.id, 2, "李四", date(2021, 1, 2))
    ]
    assert [item.client_id for item in store.retention.activity(client_ids=[one.id])] == [one.id]


def test_every_client_table_counts_its_changes(store):
    """A table of client rows added later counts without a change to the retention code."""
    counted = {
        name: [column.name for column in columns] for name, columns in activity_columns().items()
    }
    assert counted["clients"] == ["updated_at"]
    for table in client_tables():
        if "updated_at" in table.c:
            assert "updated_at" in counted[table.name], table.name
    for name, columns in EVENT_COLUMNS.items():
        assert set(columns) <= set(counted[name]), name


def test_the_activity_is_one_statement_whatever_the_number_of_clients(store, clock):
    for number in range(30):
        client = store.clients.create(a_client(name=f"客户{number}"))
        store.calls.add(a_quiet_call(client.id, shanghai(2021, 1, 1 + number % 28)))
    statements = []

    def count(*args):
        statements.append(args[2])

    sa.event.listen(store.engine, "before_cursor_execute", count)
    try:
        assert len(store.retention.activity()) == 30
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
    assert [s.split()[0] for s in statements if not s.startswith(("BEGIN", "PRAGMA"))] == ["SELECT"]


def test_row_counts_per_client_and_table(store):
    client = store.clients.create(a_client())
    other = store.clients.create(a_client(name="李四"))
    store.calls.add_with_tasks(a_call(client.id), [a_task(None), a_task(None, title="二")])
    store.payments.record(a_payment(client.id))
    store.payments.record(a_payment(other.id))
    assert store.retention.row_counts([client.id, other.id]) == {
        client.id: {"clients": 1, "calls": 1, "follow_up_tasks": 2, "payments": 1},
        other.id: {"clients": 1, "payments": 1},
    }
    assert store.retention.row_counts([424242]) == {}


# --- the audit trail ----------------------------------------------------------------------------


def test_audit_lines_are_appended_and_listed_newest_first(store, clock):
    first = store.audit.append(actor="local", action="client.purged", subject="client:anon-1")
    clock.advance(minutes=1)
    second = store.audit.append(
        actor="local", action="client.revealed", subject="client:7", detail={"field": "mobile"}
    )
    assert store.audit.list() == [second, first]
    assert store.audit.list(action="client.purged") == [first]
    assert store.audit.count() == 2
    assert store.audit.count(action="client.purged") == 1
    assert second.detail == {"field": "mobile"}
    assert second.at == clock.now


def test_an_audit_line_is_undone_with_its_unit_of_work(store):
    with pytest.raises(RuntimeError), store.unit_of_work():
        store.audit.append(actor="local", action="client.purged", subject="client:anon-1")
        raise RuntimeError("the change it records failed")
    assert store.audit.count() == 0


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ({"actor": "", "action": "a", "subject": "s"}, "actor"),
        ({"actor": "local", "action": "a" * 61, "subject": "s"}, "action"),
        ({"actor": "local", "action": "a", "subject": None}, "subject"),
        ({"actor": "local", "action": "a", "subject": "s", "detail": {"at": object()}}, "detail"),
    ],
)
def test_a_bad_audit_line_is_refused(store, line, field):
    with pytest.raises(InvalidDataError) as caught:
        store.audit.append(**line)
    assert caught.value.field == field
    assert store.audit.count() == 0


# --- workspace settings ---------------------------------------------------------------------------


def test_a_setting_is_saved_at_the_version_shown(store, clock):
    assert store.workspace_settings.get("retention_years") is None
    saved = store.workspace_settings.put("retention_years", 5, version=0)
    assert (saved.value, saved.version, saved.updated_at) == (5, 1, clock.now)
    assert store.workspace_settings.get("retention_years") == saved
    changed = store.workspace_settings.put("retention_years", 7, version=1)
    assert (changed.value, changed.version) == (7, 2)


@pytest.mark.parametrize("shown", [0, 1, 3])
def test_a_setting_saved_over_someone_elses_change_is_refused(store, shown):
    store.workspace_settings.put("retention_years", 5, version=0)
    store.workspace_settings.put("retention_years", 6, version=1)
    with pytest.raises(StaleRecordError) as caught:
        store.workspace_settings.put("retention_years", 9, version=shown)
    assert (caught.value.expected, caught.value.actual) == (shown, 2)
    assert store.workspace_settings.get("retention_years").value == 6


def test_a_first_save_against_a_setting_that_was_never_saved_needs_version_0(store):
    with pytest.raises(StaleRecordError):
        store.workspace_settings.put("retention_years", 5, version=1)
    assert store.workspace_settings.get("retention_years") is None
