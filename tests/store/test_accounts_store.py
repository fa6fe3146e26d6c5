"""Accounts in the store: created, found by name and e-mail, listed, changed at the version read,
never showing the password hash except through password_hash_of. SQLite, and PostgreSQL with
TEST_DATABASE_URL."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from core.access import Role
from store.accounts import Account
from store.errors import InvalidDataError, NotFoundError, StaleRecordError

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"


def make(store, username="wang.li", role=Role.COUNSELOR, **extra):
    values = {"display_name": "王丽", "password_hash": HASH, **extra}
    return store.accounts.create(username=username, role=role, **values)


def test_an_account_is_created_enabled_at_version_1_without_its_hash(store, clock):
    account = make(store, email="Wang.Li@Agency.example")
    assert account == Account(
        id=account.id,
        username="wang.li",
        display_name="王丽",
        email="wang.li@agency.example",
        role=Role.COUNSELOR,
        disabled=False,
        failed_sign_ins=0,
        locked_until=None,
        last_sign_in_at=None,
        version=1,
        created_at=clock.now,
    )
    assert "password_hash" not in {field.name for field in dataclasses.fields(Account)}
    assert store.accounts.password_hash_of(account.id) == HASH
    assert store.accounts.get(account.id) == account


def test_accounts_are_found_by_exact_name_and_by_email_in_any_case(store):
    account = make(store, email="wang.li@agency.example")
    assert store.accounts.by_username("wang.li") == account
    assert store.accounts.by_username("Wang.Li") is None
    assert store.accounts.by_username("zhao") is None
    assert store.accounts.by_email(" WANG.LI@agency.EXAMPLE ") == account
    assert store.accounts.by_email("other@agency.example") is None
    assert store.accounts.by_email("") is None


def test_accounts_are_listed_by_name_and_counted_by_role_and_state(store):
    zhao = make(store, "zhao.min", Role.SUPERVISOR)
    wang = make(store, "wang.li")
    admin = make(store, "admin", Role.ADMIN)
    li = make(store, "li.na")
    li = store.accounts.update(li.id, version=li.version, disabled=True)
    assert [a.username for a in store.accounts.list()] == ["admin", "li.na", "wang.li", "zhao.min"]
    assert store.accounts.list(role=Role.COUNSELOR) == [li, wang]
    assert store.accounts.list(role=Role.COUNSELOR, enabled_only=True) == [wang]
    assert (store.accounts.count(), store.accounts.count(enabled_only=True)) == (4, 3)
    assert store.accounts.count(role=Role.ADMIN) == 1
    assert store.accounts.list(role=Role.SUPERVISOR) == [zhao]
    assert store.accounts.get(admin.id).role is Role.ADMIN


@pytest.mark.parametrize(
    ("second", "code"),
    [
        ({"username": "wang.li"}, "username_taken"),
        ({"username": "other", "email": "WANG@agency.example"}, "email_taken"),
    ],
)
def test_a_name_or_email_already_used_is_refused(store, second, code):
    make(store, email="wang@agency.example")
    with pytest.raises(InvalidDataError) as caught:
        make(store, **second)
    assert caught.value.code == code
    assert store.accounts.count() == 1


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"username": "Wang"}, "username", "username_format"),
        ({"username": "ab"}, "username", "username_format"),
        ({"display_name": "  "}, "display_name", "display_name_invalid"),
        ({"display_name": "名" * 51}, "display_name", "display_name_invalid"),
        ({"email": "not-an-address"}, "email", "email_format"),
        ({"email": "a b@agency.example"}, "email", "email_format"),
        ({"role": "boss"}, "role", "role_invalid"),
        ({"password_hash": "plain text"}, "password_hash", "invalid_data"),
    ],
)
def test_a_bad_account_is_refused_by_field(store, values, field, code):
    with pytest.raises(InvalidDataError) as caught:
        make(store, **values)
    assert (caught.value.field, caught.value.code) == (field, code)
    assert store.accounts.count() == 0


def test_fields_are_changed_at_the_version_read_and_the_rest_stay(store, clock):
    account = make(store)
    clock.advance(minutes=5)
    until = clock.now + timedelta(minutes=15)
    changed = store.accounts.update(
        account.id, version=1, failed_sign_ins=5, locked_until=until, role=Role.SUPERVISOR
    )
    assert (changed.failed_sign_ins, changed.locked_until, changed.role) == (
        5,
        until,
        Role.SUPERVISOR,
    )
    assert (changed.version, changed.username, changed.display_name) == (2, "wang.li", "王丽")
    signed = store.accounts.update(
        account.id, version=2, failed_sign_ins=0, locked_until=None, last_sign_in_at=clock.now
    )
    assert (signed.failed_sign_ins, signed.locked_until, signed.last_sign_in_at) == (
        0,
        None,
        clock.now,
    )
    store.accounts.update(account.id, version=3, password_hash=HASH.replace("t=3", "t=4"))
    assert store.accounts.password_hash_of(account.id) == HASH.replace("t=3", "t=4")
    assert store.accounts.get(account.id).version == 4


def test_a_change_inside_a_unit_of_work_returns_the_account_as_changed(store):
    account = make(store)
    with store.unit_of_work():
        store.accounts.get(account.id)
        changed = store.accounts.update(account.id, version=1, disabled=True)
    assert changed.disabled is True
    assert store.accounts.get(account.id) == changed


def test_a_change_against_an_older_version_is_refused_and_nothing_changes(store):
    account = make(store)
    store.accounts.update(account.id, version=1, disabled=True)
    with pytest.raises(StaleRecordError) as caught:
        store.accounts.update(account.id, version=1, role=Role.ADMIN)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert store.accounts.get(account.id).role is Role.COUNSELOR


def test_an_email_taken_by_another_account_is_refused_on_change(store):
    make(store, "zhao.min", email="zhao@agency.example")
    wang = make(store)
    with pytest.raises(InvalidDataError) as caught:
        store.accounts.update(wang.id, version=1, email="ZHAO@agency.example")
    assert caught.value.code == "email_taken"
    assert store.accounts.update(wang.id, version=1, email="wang@agency.example").email == (
        "wang@agency.example"
    )


def test_a_naive_lock_time_is_refused(store):
    account = make(store)
    with pytest.raises(InvalidDataError) as caught:
        store.accounts.update(account.id, version=1, locked_until=datetime(2026, 3, 1, 12))
    assert caught.value.field == "locked_until"
    assert store.accounts.get(account.id).locked_until is None


def test_a_missing_account_is_not_found(store):
    with pytest.raises(NotFoundError):
        store.accounts.get(99)
    with pytest.raises(NotFoundError):
        store.accounts.password_hash_of(99)
    with pytest.raises(NotFoundError):
        store.accounts.update(99, version=1, disabled=True)
