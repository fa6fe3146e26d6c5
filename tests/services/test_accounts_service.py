"""Team-mode accounts: the first administrator, signing in (lockout after five failures, the
same answer for an unknown name and a wrong password, rehashing), managing accounts, each role's
refusals, and the audit line each action writes. SQLite, and PostgreSQL with TEST_DATABASE_URL.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

from core.access import LOCKOUT, MAX_FAILED_SIGN_INS, Role
from services import LOCAL_USER
from services import accounts as service
from services.accounts import AccountError, SignInError
from services.actor import Actor
from services.errors import NotAllowedError
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store

PASSWORD = "correct horse battery"
NOW = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


class CountingHasher(PasswordHasher):
    """A quick Argon2id hasher for tests that counts the checks it makes."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified = 0

    def verify(self, hash, password):
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch):
    quick = CountingHasher()
    monkeypatch.setattr(service, "_HASHER", quick)
    service._dummy_hash.cache_clear()
    yield quick
    service._dummy_hash.cache_clear()


@pytest.fixture
def ws(store, hasher):
    return store


@pytest.fixture
def admin(ws) -> Actor:
    service.create_first_admin(ws, username="admin", display_name="管理员", password=PASSWORD)
    return service.sign_in(ws, "admin", PASSWORD, now=NOW)


def add(ws, admin, username, role=Role.COUNSELOR, **extra):
    return service.create_account(
        ws,
        admin,
        username=username,
        display_name=extra.pop("display_name", username.title()),
        role=role,
        password=extra.pop("password", PASSWORD),
        **extra,
    )


def lines(ws, action=None):
    return [
        (line.actor, line.action, line.subject, line.detail)
        for line in reversed(ws.audit.list(action=action, limit=None))
    ]


# --- the first administrator ---------------------------------------------------------------


def test_the_first_administrator_is_created_once_and_audited(ws):
    assert service.has_accounts(ws) is False
    first = service.create_first_admin(
        ws, username="admin", display_name="管理员", password=PASSWORD
    )
    assert (first.username, first.display_name, first.role, first.disabled) == (
        "admin",
        "管理员",
        Role.ADMIN,
        False,
    )
    assert service.has_accounts(ws) is True
    assert lines(ws) == [
        ("admin", "account.created", f"account:{first.id}", {"role": "admin", "first": True})
    ]
    with pytest.raises(NotAllowedError):
        service.create_first_admin(ws, username="other", display_name="其他", password=PASSWORD)
    assert [a.username for a in ws.accounts.list()] == ["admin"]
    assert len(lines(ws)) == 1


@pytest.mark.parametrize(
    ("username", "password", "code"),
    [
        ("admin", "short", "password_too_short"),
        ("admin", "admin-password-2026", "password_contains_username"),
        ("admin", "x" * 201, "password_too_long"),
        ("Admin!", PASSWORD, "username_format"),
    ],
)
def test_a_weak_first_password_or_bad_name_is_refused(ws, username, password, code):
    with pytest.raises(AccountError) as caught:
        service.create_first_admin(ws, username=username, display_name="管理员", password=password)
    assert caught.value.code == code
    assert service.has_accounts(ws) is False
    assert lines(ws) == []


def test_the_password_is_stored_as_an_argon2id_hash(ws, admin):
    stored = ws.accounts.password_hash_of(admin.account_id)
    assert stored.startswith("$argon2id$v=19$")
    assert PASSWORD not in stored


# --- creating accounts ---------------------------------------------------------------------


def test_an_administrator_creates_an_account_with_its_role_audited(ws, admin):
    account = add(ws, admin, "wang.li", email="Wang.Li@Agency.example")
    assert (account.role, account.email, account.version) == (
        Role.COUNSELOR,
        "wang.li@agency.example",
        1,
    )
    assert lines(ws, "account.created")[-1] == (
        "admin",
        "account.created",
        f"account:{account.id}",
        {"role": "counselor"},
    )


@pytest.mark.parametrize(
    ("username", "extra", "code"),
    [
        ("admin", {}, "username_taken"),
        ("zhao", {"password": "zhao-1234567"}, "password_contains_username"),
        ("zhao", {"role": "boss"}, "role_invalid"),
        ("zhao", {"display_name": ""}, "display_name_invalid"),
        ("zhao", {"email": "nobody"}, "email_format"),
    ],
)
def test_a_bad_new_account_is_refused_with_its_code(ws, admin, username, extra, code):
    extra = dict(extra)
    role = extra.pop("role", Role.COUNSELOR)
    with pytest.raises(AccountError) as caught:
        add(ws, admin, username, role, **extra)
    assert caught.value.code == code
    assert ws.accounts.count() == 1
    assert lines(ws, "account.created") == [
        (
            "admin",
            "account.created",
            f"account:{admin.account_id}",
            {"role": "admin", "first": True},
        )
    ]


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.SUPERVISOR])
def test_counselors_and_supervisors_may_not_manage_accounts(ws, admin, role):
    add(ws, admin, "acting", role)
    target = add(ws, admin, "target")
    acting = service.sign_in(ws, "acting", PASSWORD, now=NOW)
    before = lines(ws)
    attempts = [
        lambda: add(ws, acting, "newcomer"),
        lambda: service.disable(ws, acting, target.id),
        lambda: service.enable(ws, acting, target.id),
        lambda: service.reset_password(ws, acting, target.id, "another long password"),
        lambda: service.set_role(ws, acting, target.id, Role.ADMIN),
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowedError) as caught:
            attempt()
        assert caught.value.permission == "manage_accounts"
    assert ws.accounts.get(target.id) == target
    assert ws.accounts.by_username("newcomer") is None
    assert lines(ws) == before


def test_the_local_user_manages_accounts_as_before(ws):
    account = add(ws, LOCAL_USER, "wang.li")
    assert lines(ws) == [
        ("local", "account.created", f"account:{account.id}", {"role": "counselor"})
    ]


# --- signing in ----------------------------------------------------------------------------


def test_signing_in_gives_the_accounts_actor_and_is_audited(ws, admin):
    account = add(ws, admin, "wang.li", display_name="王丽")
    actor = service.sign_in(ws, " Wang.Li ", PASSWORD, now=NOW)
    assert actor == Actor(
        user_id="wang.li", name="王丽", role=Role.COUNSELOR, account_id=account.id
    )
    now = ws.accounts.get(account.id)
    assert (now.last_sign_in_at, now.failed_sign_ins) == (NOW, 0)
    assert lines(ws)[-1] == ("wang.li", "account.signed_in", f"account:{account.id}", {})
    assert ws.audit.list(limit=1)[0].at == NOW


def test_an_unknown_name_and_a_wrong_password_get_the_same_answer_and_the_same_check(
    ws, admin, hasher
):
    account = add(ws, admin, "wang.li")
    answers = []
    for username in ("nobody", "wang.li"):
        before = hasher.verified
        with pytest.raises(SignInError) as caught:
            service.sign_in(ws, username, "not the password", now=NOW)
        answers.append((caught.value.code, str(caught.value), caught.value.locked_until))
        assert hasher.verified == before + 1  # one Argon2 check either way
    assert answers[0] == answers[1] == ("bad_credentials", "sign-in refused: bad_credentials", None)
    assert lines(ws, "account.sign_in_failed") == [
        ("unknown", "account.sign_in_failed", "workspace", {"reason": "unknown_user"}),
        (
            "wang.li",
            "account.sign_in_failed",
            f"account:{account.id}",
            {"reason": "bad_password", "failed": 1},
        ),
    ]


def test_the_fifth_failure_in_a_row_locks_the_account_and_not_the_fourth(ws, admin):
    account = add(ws, admin, "wang.li")
    for attempt in range(1, MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError) as caught:
            service.sign_in(ws, "wang.li", "wrong password", now=NOW)
        assert (caught.value.code, caught.value.locked_until) == ("bad_credentials", None)
        assert ws.accounts.get(account.id).failed_sign_ins == attempt
    assert ws.accounts.get(account.id).locked_until is None
    assert lines(ws, "account.locked") == []
    with pytest.raises(SignInError) as caught:
        service.sign_in(ws, "wang.li", "wrong password", now=NOW)
    assert (caught.value.code, caught.value.locked_until) == ("locked", NOW + LOCKOUT)
    locked = ws.accounts.get(account.id)
    assert (locked.failed_sign_ins, locked.locked_until) == (5, NOW + LOCKOUT)
    assert lines(ws, "account.locked") == [
        (
            "wang.li",
            "account.locked",
            f"account:{account.id}",
            {"failed": 5, "until": (NOW + LOCKOUT).isoformat()},
        )
    ]
    assert len(lines(ws, "account.sign_in_failed")) == 5


def lock(ws, username):
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError):
            service.sign_in(ws, username, "wrong password", now=NOW)


def test_a_locked_account_refuses_the_right_password_until_the_lockout_has_passed(ws, admin):
    account = add(ws, admin, "wang.li")
    lock(ws, "wang.li")
    with pytest.raises(SignInError) as caught:
        service.sign_in(ws, "wang.li", PASSWORD, now=NOW + LOCKOUT - timedelta(seconds=1))
    assert (caught.value.code, caught.value.locked_until) == ("locked", NOW + LOCKOUT)
    assert lines(ws)[-1] == (
        "wang.li",
        "account.sign_in_failed",
        f"account:{account.id}",
        {"reason": "locked"},
    )
    assert ws.accounts.get(account.id).failed_sign_ins == 5  # a try while locked is no failure
    actor = service.sign_in(ws, "wang.li", PASSWORD, now=NOW + LOCKOUT)
    assert actor.account_id == account.id
    after = ws.accounts.get(account.id)
    assert (after.failed_sign_ins, after.locked_until, after.last_sign_in_at) == (
        0,
        None,
        NOW + LOCKOUT,
    )


def test_after_a_lockout_has_run_out_five_new_failures_lock_again_and_not_one(ws, admin):
    account = add(ws, admin, "wang.li")
    lock(ws, "wang.li")
    later = NOW + LOCKOUT
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(SignInError) as caught:
            service.sign_in(ws, "wang.li", "wrong password", now=later)
        assert caught.value.code == "bad_credentials"
    assert ws.accounts.get(account.id).failed_sign_ins == 4
    with pytest.raises(SignInError) as caught:
        service.sign_in(ws, "wang.li", "wrong password", now=later)
    assert (caught.value.code, caught.value.locked_until) == ("locked", later + LOCKOUT)


def test_a_success_resets_the_count_of_failures(ws, admin):
    account = add(ws, admin, "wang.li")
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(SignInError):
            service.sign_in(ws, "wang.li", "wrong password", now=NOW)
    service.sign_in(ws, "wang.li", PASSWORD, now=NOW)
    assert ws.accounts.get(account.id).failed_sign_ins == 0
    with pytest.raises(SignInError) as caught:
        service.sign_in(ws, "wang.li", "wrong password", now=NOW)
    assert caught.value.code == "bad_credentials"


def test_a_disabled_account_is_told_so_only_with_its_right_password(ws, admin):
    account = add(ws, admin, "wang.li")
    service.disable(ws, admin, account.id)
    with pytest.raises(SignInError) as wrong:
        service.sign_in(ws, "wang.li", "wrong password", now=NOW)
    with pytest.raises(SignInError) as right:
        service.sign_in(ws, "wang.li", PASSWORD, now=NOW)
    assert (wrong.value.code, right.value.code) == ("bad_credentials", "disabled")
    assert lines(ws)[-1] == (
        "wang.li",
        "account.sign_in_failed",
        f"account:{account.id}",
        {"reason": "disabled"},
    )


def test_a_hash_made_with_older_parameters_is_replaced_at_sign_in(ws, admin, monkeypatch):
    account = add(ws, admin, "wang.li")
    old = ws.accounts.password_hash_of(account.id)
    assert old.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    monkeypatch.setattr(service, "_HASHER", PasswordHasher())  # today's parameters
    service.sign_in(ws, "wang.li", PASSWORD, now=NOW)
    new = ws.accounts.password_hash_of(account.id)
    assert new.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PasswordHasher().verify(new, PASSWORD) is True
    assert lines(ws)[-1] == (
        "wang.li",
        "account.signed_in",
        f"account:{account.id}",
        {"rehashed": True},
    )
    service.sign_in(ws, "wang.li", PASSWORD, now=NOW)  # no second rehash
    assert ws.accounts.password_hash_of(account.id) == new
    assert lines(ws)[-1][3] == {}


# --- sessions ------------------------------------------------------------------------------


def test_a_sessions_actor_follows_the_account_and_ends_when_disabled(ws, admin):
    account = add(ws, admin, "wang.li", display_name="王丽")
    assert service.actor_for(ws, account.id) == Actor("wang.li", "王丽", Role.COUNSELOR, account.id)
    service.set_role(ws, admin, account.id, Role.SUPERVISOR)
    assert service.actor_for(ws, account.id).role is Role.SUPERVISOR
    service.disable(ws, admin, account.id)
    assert service.actor_for(ws, account.id) is None
    assert service.actor_for(ws, 999) is None


def test_an_identity_providers_email_maps_to_an_enabled_account_in_any_case(ws, admin):
    account = add(ws, admin, "wang.li", email="wang.li@agency.example")
    assert service.actor_for_email(ws, "Wang.Li@AGENCY.example").account_id == account.id
    assert service.actor_for_email(ws, "zhao@agency.example") is None
    service.disable(ws, admin, account.id)
    assert service.actor_for_email(ws, "wang.li@agency.example") is None


# --- managing accounts ---------------------------------------------------------------------


def test_administrators_and_supervisors_list_accounts_and_counselors_may_not(ws, admin):
    add(ws, admin, "wang.li")
    add(ws, admin, "zhao.min", Role.SUPERVISOR)
    gone = add(ws, admin, "li.na")
    service.disable(ws, admin, gone.id)
    supervisor = service.sign_in(ws, "zhao.min", PASSWORD, now=NOW)
    counselor = service.sign_in(ws, "wang.li", PASSWORD, now=NOW)
    names = ["admin", "li.na", "wang.li", "zhao.min"]
    assert [a.username for a in service.list_accounts(ws, admin)] == names
    assert [a.username for a in service.list_accounts(ws, supervisor)] == names
    assert [a.username for a in service.counselors(ws, supervisor)] == ["wang.li"]
    with pytest.raises(NotAllowedError):
        service.list_accounts(ws, counselor)
    with pytest.raises(NotAllowedError) as caught:
        service.counselors(ws, counselor)
    assert caught.value.permission == "assign_clients"


def test_disable_enable_reset_and_role_changes_each_write_their_line(ws, admin):
    account = add(ws, admin, "wang.li")
    lock(ws, "wang.li")
    subject = f"account:{account.id}"
    service.disable(ws, admin, account.id)
    enabled = service.enable(ws, admin, account.id)
    assert (enabled.disabled, enabled.failed_sign_ins, enabled.locked_until) == (False, 0, None)
    lock(ws, "wang.li")
    reset = service.reset_password(ws, admin, account.id, "a brand new passphrase")
    assert (reset.failed_sign_ins, reset.locked_until) == (0, None)
    service.sign_in(ws, "wang.li", "a brand new passphrase", now=NOW)
    with pytest.raises(SignInError):
        service.sign_in(ws, "wang.li", PASSWORD, now=NOW)
    changed = service.set_role(ws, admin, account.id, "supervisor")
    assert changed.role is Role.SUPERVISOR
    assert service.set_role(ws, admin, account.id, Role.SUPERVISOR) == changed  # no change
    managed = [
        line
        for line in lines(ws)
        if line[1]
        in {"account.disabled", "account.enabled", "account.password_reset", "account.role_changed"}
    ]
    assert managed == [
        ("admin", "account.disabled", subject, {}),
        ("admin", "account.enabled", subject, {}),
        ("admin", "account.password_reset", subject, {}),
        ("admin", "account.role_changed", subject, {"from": "counselor", "to": "supervisor"}),
    ]


def test_a_reset_to_a_weak_password_is_refused_and_changes_nothing(ws, admin):
    account = add(ws, admin, "wang.li")
    with pytest.raises(AccountError) as caught:
        service.reset_password(ws, admin, account.id, "short")
    assert caught.value.code == "password_too_short"
    assert ws.accounts.get(account.id).version == 1
    assert lines(ws, "account.password_reset") == []


def test_the_last_enabled_administrator_can_neither_be_disabled_nor_demoted(ws, admin):
    for attempt in (
        lambda: service.disable(ws, admin, admin.account_id),
        lambda: service.set_role(ws, admin, admin.account_id, Role.SUPERVISOR),
    ):
        with pytest.raises(AccountError) as caught:
            attempt()
        assert caught.value.code == "last_admin"
    assert ws.accounts.get(admin.account_id).role is Role.ADMIN
    assert ws.accounts.get(admin.account_id).disabled is False
    second = add(ws, admin, "second.admin", Role.ADMIN)
    service.set_role(ws, admin, admin.account_id, Role.SUPERVISOR)
    assert ws.accounts.get(admin.account_id).role is Role.SUPERVISOR
    with pytest.raises(AccountError) as caught:
        service.disable(ws, LOCAL_USER, second.id)
    assert caught.value.code == "last_admin"


def test_an_account_changes_its_own_password_giving_the_current_one(ws, admin):
    account = add(ws, admin, "wang.li")
    me = service.sign_in(ws, "wang.li", PASSWORD, now=NOW)
    with pytest.raises(AccountError) as caught:
        service.change_own_password(ws, me, "not my password", "a brand new passphrase")
    assert caught.value.code == "wrong_password"
    with pytest.raises(AccountError) as caught:
        service.change_own_password(ws, me, PASSWORD, "wang.li-passphrase")
    assert caught.value.code == "password_contains_username"
    assert lines(ws, "account.password_changed") == []
    service.change_own_password(ws, me, PASSWORD, "a brand new passphrase")
    assert service.sign_in(ws, "wang.li", "a brand new passphrase", now=NOW).account_id == (
        account.id
    )
    assert lines(ws, "account.password_changed") == [
        ("wang.li", "account.password_changed", f"account:{account.id}", {})
    ]
    with pytest.raises(NotAllowedError):
        service.change_own_password(ws, LOCAL_USER, PASSWORD, "a brand new passphrase")
