"""Migration 0007 in the store: a reminder before an installment keyed by its plan and due date
(one per key, kept unlinked as history when the plan is deleted), a proposal's settings, both
kept by a backup and checked on restore. SQLite, and PostgreSQL with TEST_DATABASE_URL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from store_samples import a_client, a_debt, a_proposal

from core.calls import FollowUpTask, TaskKind
from core.proposals import ProposalKind
from store import InvalidDataError, ProposalSettings
from store.backup import BackupFileError, backup_document, dump_document, restore_from_bytes

DUE = datetime(2026, 3, 17, 1, 0, tzinfo=UTC)


def reminder(client_id: int, proposal_id: int, day: date = date(2026, 3, 20), **changes):
    fields = {
        "client_id": client_id,
        "kind": TaskKind.INSTALLMENT_REMINDER,
        "title": f"第1笔还款¥661.59将于{day}到期",
        "due": DUE,
        "proposal_id": proposal_id,
        "installment_due_on": day,
    }
    return FollowUpTask(**{**fields, **changes})


def agreed_case(store, name="张明"):
    client = store.clients.create(a_client(name=name, mobile=None))
    debt = store.debts.add(a_debt(client.id))
    settings = ProposalSettings(
        kinds=(ProposalKind.STOP_INTEREST,), months=36, waiver_share=Decimal("0.5")
    )
    saved = store.proposals.save(a_proposal(client.id, debt.id, settings=settings))
    return client, store.proposals.agree(saved, date(2026, 3, 1))


def test_a_reminder_and_the_settings_are_read_back_as_saved(store):
    client, agreed = agreed_case(store)
    (task,) = store.tasks.add_many([reminder(client.id, agreed.id)])
    assert store.tasks.get(task.id).plan_key == (agreed.id, date(2026, 3, 20))
    assert store.proposals.get(agreed.id).settings.waiver_share == Decimal("0.5")


def test_one_reminder_per_plan_and_due_date(store):
    client, agreed = agreed_case(store)
    store.tasks.add_many([reminder(client.id, agreed.id)])
    with pytest.raises(InvalidDataError):
        store.tasks.add_many([reminder(client.id, agreed.id, title="again")])
    # Another due date, or tasks of no plan, never clash.
    store.tasks.add_many([reminder(client.id, agreed.id, day=date(2026, 4, 20))])
    plain = FollowUpTask(client_id=client.id, title="check the app", due=DUE)
    store.tasks.add_many([plain, plain])
    assert len(store.tasks.list_for_client(client.id)) == 4


def test_a_deleted_plan_leaves_its_reminders_unlinked_with_their_date(store):
    client, agreed = agreed_case(store)
    (task,) = store.tasks.add_many([reminder(client.id, agreed.id)])
    store.tasks.complete(task, DUE)
    store.proposals.delete(agreed.id)
    kept = store.tasks.get(task.id)
    assert kept.done and kept.proposal_id is None
    assert kept.installment_due_on == date(2026, 3, 20)


def test_a_reminder_cannot_name_another_clients_plan(store):
    client, _ = agreed_case(store)
    _, theirs = agreed_case(store, name="李四")
    with pytest.raises(InvalidDataError):
        store.tasks.add_many([reminder(client.id, theirs.id)])


def test_a_backup_keeps_the_keys_and_the_settings(store):
    client, agreed = agreed_case(store)
    (task,) = store.tasks.add_many([reminder(client.id, agreed.id)])
    document = backup_document(store)
    (row,) = document["tables"]["follow_up_tasks"]
    assert (row["proposal_id"], row["installment_due_on"]) == (agreed.id, "2026-03-20")
    assert document["tables"]["proposals"][0]["settings"]["waiver_share"] == "0.5"
    restore_from_bytes(store, dump_document(document), source="backup.json")
    assert store.tasks.get(task.id) == task
    assert store.proposals.get(agreed.id).settings == agreed.settings


def test_a_backup_whose_reminder_names_another_clients_plan_is_refused(store):
    client, mine = agreed_case(store)
    _, theirs = agreed_case(store, name="李四")
    store.tasks.add_many([reminder(client.id, mine.id)])
    document = backup_document(store)
    document["tables"]["follow_up_tasks"][0]["proposal_id"] = theirs.id
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, dump_document(document), source="hostile.json")
    assert caught.value.reason == "other_clients_record"
    assert caught.value.where == "tables.follow_up_tasks[0].proposal_id"
