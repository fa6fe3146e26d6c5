"""services.debt_import: the confirmed rows saved in one unit of work (all or none, once per
request id), mappings remembered per file shape as workspace settings, another counselor's
client refused. SQLite, and PostgreSQL with TEST_DATABASE_URL.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import services
from core.calls import DebtAccount
from core.debt_import import MAX_IMPORT_ROWS, Target, header_shape
from core.debts import Debt
from services import LOCAL_USER, ChangedElsewhereError, InvalidDataError
from services.debt_import import (
    MAPPING_KEY_PREFIX,
    remember_mapping,
    remembered_mapping,
    save_rows,
)
from services.errors import NotYoursError

# The store's database fixtures (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
from tests.services.test_access_services import make_team
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import a_client

ME = LOCAL_USER
HEADERS = ["机构", "剩余本金(元)", "备注", "剩余期数"]


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def client_id(ws) -> int:
    return services.clients.create(ws, ME, a_client()).id


def debts(client_id: int, count: int) -> list[DebtAccount]:
    return [
        DebtAccount(
            client_id=client_id,
            contract_number=f"C{n}",
            debt=Debt(
                creditor=f"机构{n}",
                outstanding_principal=Decimal(1000 * (n + 1)),
                rate_quote=Decimal("0.18"),
                remaining_months=12,
            ),
        )
        for n in range(count)
    ]


def saved_of(ws, client_id: int) -> list[tuple[str, Decimal, str]]:
    return [
        (a.debt.creditor, a.debt.outstanding_principal, a.contract_number)
        for a in services.debts.list_for_client(ws, ME, client_id)
    ]


# --- saving ------------------------------------------------------------------------------------


def test_the_confirmed_rows_are_saved_with_their_values(ws, client_id):
    saved = save_rows(ws, ME, client_id, debts(client_id, 3), request_id="import-req-0001")
    assert [a.debt.creditor for a in saved] == ["机构0", "机构1", "机构2"]
    assert all(a.id is not None and a.client_id == client_id for a in saved)
    assert saved_of(ws, client_id) == [
        ("机构0", Decimal("1000.00"), "C0"),
        ("机构1", Decimal("2000.00"), "C1"),
        ("机构2", Decimal("3000.00"), "C2"),
    ]


def test_a_failure_on_the_third_row_saves_nothing(ws, client_id, monkeypatch):
    add = ws.debts.add
    calls = []

    def failing(account):
        calls.append(account.debt.creditor)
        if len(calls) == 3:
            raise RuntimeError("the disk is full")
        return add(account)

    monkeypatch.setattr(ws.debts, "add", failing)
    with pytest.raises(RuntimeError, match="the disk is full"):
        save_rows(ws, ME, client_id, debts(client_id, 5), request_id="import-req-0002")
    assert calls == ["机构0", "机构1", "机构2"]
    assert saved_of(ws, client_id) == []
    # Nothing of the request was kept either: the same request saves all five afterwards.
    monkeypatch.setattr(ws.debts, "add", add)
    saved = save_rows(ws, ME, client_id, debts(client_id, 5), request_id="import-req-0002")
    assert len(saved) == 5
    assert len(saved_of(ws, client_id)) == 5


def test_a_repeated_request_saves_nothing_twice(ws, client_id):
    first = save_rows(ws, ME, client_id, debts(client_id, 2), request_id="double-click-01")
    again = save_rows(ws, ME, client_id, debts(client_id, 2), request_id="double-click-01")
    assert [a.id for a in again] == [a.id for a in first]
    assert len(saved_of(ws, client_id)) == 2
    other = save_rows(ws, ME, client_id, debts(client_id, 1), request_id="another-import")
    assert len(other) == 1
    assert len(saved_of(ws, client_id)) == 3


def test_refused_without_rows_with_too_many_or_with_another_clients_debt(ws, client_id):
    with pytest.raises(InvalidDataError) as caught:
        save_rows(ws, ME, client_id, [])
    assert caught.value.code == "nothing_to_import"
    with pytest.raises(InvalidDataError) as caught:
        save_rows(ws, ME, client_id, debts(client_id, 1) * (MAX_IMPORT_ROWS + 1))
    assert caught.value.code == "import_too_many_debts"
    other = services.clients.create(ws, ME, a_client("李四", mobile="13900000000")).id
    with pytest.raises(InvalidDataError):
        save_rows(ws, ME, client_id, [*debts(client_id, 1), *debts(other, 1)])
    assert saved_of(ws, client_id) == [] and saved_of(ws, other) == []


def test_another_counselors_client_is_refused_and_nothing_saved(ws):
    team = make_team(ws)
    theirs = services.clients.create(ws, team.counselor_a, a_client()).id
    with pytest.raises(NotYoursError):
        save_rows(ws, team.counselor_b, theirs, debts(theirs, 2))
    assert saved_of(ws, theirs) == []
    assert len(save_rows(ws, team.counselor_a, theirs, debts(theirs, 2))) == 2


# --- remembered mappings -----------------------------------------------------------------------


def test_a_mapping_is_remembered_for_files_of_the_same_shape(ws):
    assert remembered_mapping(ws, ME, HEADERS).mapping is None
    assert remembered_mapping(ws, ME, HEADERS).version == 0
    mapping = {0: Target.CREDITOR, 1: Target.OUTSTANDING_PRINCIPAL, 2: None, 3: Target.PRODUCT}
    saved = remember_mapping(ws, ME, HEADERS, mapping, version=0)
    assert saved.version == 1
    expected = {0: Target.CREDITOR, 1: Target.OUTSTANDING_PRINCIPAL, 3: Target.PRODUCT}
    assert saved.mapping == expected
    # The same lender's next export: spacing, width and case differ, the shape does not.
    same_shape = [" 机构", "剩余本金（元）", "备注 ", "剩余期数"]
    assert remembered_mapping(ws, ME, same_shape).mapping == expected
    assert remembered_mapping(ws, ME, ["机构", "剩余本金"]).mapping is None
    stored = ws.workspace_settings.get(MAPPING_KEY_PREFIX + header_shape(HEADERS))
    assert stored.value == ["creditor", "outstanding_principal", None, "product"]


def test_a_mapping_saved_meanwhile_is_not_overwritten_unless_it_is_the_same(ws):
    first = {0: Target.CREDITOR, 1: Target.OUTSTANDING_PRINCIPAL, 3: Target.REMAINING_MONTHS}
    remember_mapping(ws, ME, HEADERS, first, version=0)
    same = remember_mapping(ws, ME, HEADERS, first, version=0)
    assert (same.mapping, same.version) == (first, 1)
    with pytest.raises(ChangedElsewhereError):
        remember_mapping(ws, ME, HEADERS, {0: Target.PRODUCT}, version=0)
    changed = remember_mapping(ws, ME, HEADERS, {0: Target.PRODUCT}, version=1)
    assert (changed.mapping, changed.version) == ({0: Target.PRODUCT}, 2)


def test_a_stored_mapping_that_does_not_fit_is_left_aside(ws):
    key = MAPPING_KEY_PREFIX + header_shape(HEADERS)
    ws.workspace_settings.put(key, ["creditor", "no_such_field", None, None], version=0)
    found = remembered_mapping(ws, ME, HEADERS)
    assert (found.mapping, found.version) == (None, 1)
