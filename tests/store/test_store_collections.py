"""Collection contacts: saved as their own records, read back whole, in time order, per client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from store_samples import SHANGHAI, a_client, a_collection_contact, a_debt

from core.calls import Channel
from core.rules.conduct import ContactTarget
from store import InvalidDataError, NotFoundError, StaleRecordError


def test_a_collection_contact_comes_back_as_it_was_saved(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    contact = a_collection_contact(client.id, debt_id=debt.id, channel=Channel.IN_APP_CHAT)

    saved = store.collections.add(contact)

    assert (saved.version, saved.client_id, saved.debt_id) == (1, client.id, debt.id)
    assert saved == contact.model_copy(update={"id": saved.id, "version": 1})
    assert store.collections.get(saved.id) == saved
    # 22:45 in Shanghai (UTC+8) is 14:45 UTC: the same instant.
    assert saved.at == datetime(2026, 3, 1, 14, 45, tzinfo=UTC)
    event = saved.event
    assert (event.contacted, event.threats, event.threat_to_safety, event.insults) == (
        ContactTarget.RELATIVE,
        True,
        False,
        False,
    )
    assert (saved.lender, saved.collector, saved.note) == (
        "来分期",
        "催收员 C-17",
        "打给我姐姐，说要上门",
    )


def test_contacts_are_listed_newest_first_and_only_for_their_client(store):
    client = store.clients.create(a_client())
    other = store.clients.create(a_client(name="李四", mobile=None))
    start = datetime(2026, 3, 1, 9, 0, tzinfo=SHANGHAI)
    middle = store.collections.add(a_collection_contact(client.id, start + timedelta(hours=1)))
    first = store.collections.add(a_collection_contact(client.id, start))
    last = store.collections.add(a_collection_contact(client.id, start + timedelta(hours=2)))
    store.collections.add(a_collection_contact(other.id, start))

    assert store.collections.list_for_client(client.id) == [last, middle, first]
    assert store.collections.list_for_client(client.id, newest_first=False) == [
        first,
        middle,
        last,
    ]
    assert len(store.collections.list_for_client(other.id)) == 1
    assert store.collections.list_for_client(999_999) == []


def test_a_deleted_contact_is_gone_and_a_stale_delete_is_refused(store):
    client = store.clients.create(a_client())
    kept = store.collections.add(a_collection_contact(client.id))
    gone = store.collections.add(a_collection_contact(client.id, note="第二次"))
    with pytest.raises(StaleRecordError):
        store.collections.delete(gone.id, version=gone.version + 1)

    store.collections.delete(gone.id, version=gone.version)

    assert store.collections.list_for_client(client.id) == [kept]
    with pytest.raises(NotFoundError):
        store.collections.get(gone.id)


def test_a_contact_for_another_clients_debt_or_an_unknown_client_is_refused(store):
    client = store.clients.create(a_client())
    other = store.clients.create(a_client(name="李四", mobile=None))
    their_debt = store.debts.add(a_debt(other.id))
    with pytest.raises(InvalidDataError):
        store.collections.add(a_collection_contact(client.id, debt_id=their_debt.id))
    with pytest.raises(NotFoundError):
        store.collections.add(a_collection_contact(999_999))
    assert store.collections.list_for_client(client.id) == []


def test_a_saved_contact_cannot_be_added_again_and_a_call_is_not_a_contact(store):
    client = store.clients.create(a_client())
    saved = store.collections.add(a_collection_contact(client.id))
    with pytest.raises(InvalidDataError):
        store.collections.add(saved)
    with pytest.raises(InvalidDataError) as caught:
        store.collections.add({"client_id": client.id})
    assert caught.value.code == "wrong_type"


def test_deleting_the_debt_keeps_the_contact_unlinked(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    contact = store.collections.add(a_collection_contact(client.id, debt_id=debt.id))
    store.debts.delete(debt.id)
    assert store.collections.get(contact.id).debt_id is None
    assert store.collections.get(contact.id).note == contact.note
