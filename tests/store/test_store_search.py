"""Finding a client by name, by the last digits of the phone, or by a contract number.

Mobiles and contract numbers are encrypted at rest and found through blind indexes
(:mod:`store.crypto`): a phone by its last 4 or more digits, a contract by the whole number or
its last 6 or more characters (blanks, dashes and case ignored); nothing by a middle part.
"""

from __future__ import annotations

import pytest
from store_samples import a_client, a_debt


@pytest.fixture
def clients(store):
    zhang = store.clients.create(a_client(name="张小明", mobile="13812345678"))
    li = store.clients.create(a_client(name="李明", mobile="13900005678"))
    wang = store.clients.create(a_client(name="王_100%", mobile=None, id_number=None))
    store.debts.add(a_debt(zhang.id, contract_number="HT2024-0315-001"))
    store.debts.add(a_debt(li.id, contract_number="JD-ORDER-778899"))
    return {"zhang": zhang, "li": li, "wang": wang}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("张小明", ["zhang"]),
        ("明", ["li", "zhang"]),
        ("5678", ["li", "zhang"]),  # phone tail
        ("12345678", ["zhang"]),
        ("0005678", ["li"]),
        ("678", []),  # fewer than 4 digits: no phone search
        ("１２３４５６７８", ["zhang"]),  # full-width digits, as a Chinese input method types
        ("138", []),  # the start of a number is not its tail
        ("13812345", []),
        ("ht2024-0315-001", ["zhang"]),  # a whole contract number, case-insensitive
        ("HT 2024 0315 001", ["zhang"]),  # blanks and dashes ignored
        ("0315-001", ["zhang"]),  # its last 6 characters or more
        ("5001", []),  # fewer than 6: only a whole number is found
        ("ht2024", []),  # the start of a contract number is not its end
        ("778899", ["li"]),
        ("order778899", ["li"]),
        ("order-77", []),  # nor is a part in the middle
        ("_100%", ["wang"]),  # LIKE wildcards are taken literally
        ("%", ["wang"]),
        ("赵", []),
        ("  ", []),
    ],
)
def test_search_finds_clients_by_name_phone_tail_or_contract_number(store, clients, text, found):
    results = store.clients.search(text)
    by_id = {client.id: key for key, client in clients.items()}
    # Results come by name, in the database's collation: compare without order.
    assert sorted(by_id[client.id] for client in results) == found


def test_search_returns_whole_client_records(store, clients):
    (result,) = store.clients.search("张小明")
    assert result == clients["zhang"]


def test_search_results_are_limited(store, clients):
    assert len(store.clients.search("明", limit=1)) == 1


def test_a_client_with_two_matching_debts_is_found_once(store, clients):
    store.debts.add(a_debt(clients["zhang"].id, contract_number="HT2024-0999-001"))
    assert [c.id for c in store.clients.search("-001")] == []
    assert [c.id for c in store.clients.search("4-0315-001")] == [clients["zhang"].id]
    store.debts.add(a_debt(clients["zhang"].id, contract_number="XY-0315-001"))
    assert [c.id for c in store.clients.search("0315-001")] == [clients["zhang"].id]
