"""``python -m store create-admin`` and ``accounts …``: passwords asked without echo (getpass,
replaced here), twice for a new one; ``--as NAME`` signs in as that account; team mode needs it
for the commands that change data; each role's refusals and the audit lines written."""

from __future__ import annotations

import io

import pytest
from argon2 import PasswordHasher

import cli.store
from cli.store import CANCELLED, NOT_SIGNED_IN, OK, REFUSED, main
from core.access import Role
from services import accounts as accounts_service
from services.actor import TEAM_MODE_VARIABLE
from store import init_db

PASSWORD = "correct horse battery"
NEW = "a brand new passphrase"


class Typed:
    """What the user types at each getpass prompt, in order; the prompts asked."""

    def __init__(self, monkeypatch) -> None:
        self.answers: list[str | type[BaseException]] = []
        self.prompts: list[str] = []
        monkeypatch.setattr(cli.store.getpass, "getpass", self)

    def __call__(self, prompt: str = "Password: ", stream=None) -> str:
        self.prompts.append(prompt)
        answer = self.answers.pop(0)
        if isinstance(answer, type):
            raise answer()
        return answer


@pytest.fixture
def typed(monkeypatch):
    monkeypatch.setattr(
        accounts_service, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    accounts_service._dummy_hash.cache_clear()
    yield Typed(monkeypatch)
    accounts_service._dummy_hash.cache_clear()


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def team(monkeypatch):
    monkeypatch.setenv(TEAM_MODE_VARIABLE, "1")


def run(url, *argv, answer=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(["--database", url, *argv], stdin=io.StringIO(answer), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def trail(url):
    with init_db(url) as store:
        return [
            (line.actor, line.action, line.subject, line.detail)
            for line in reversed(store.audit.list(limit=None))
        ]


def accounts(url):
    with init_db(url) as store:
        return {a.username: (a.role, a.disabled) for a in store.accounts.list()}


@pytest.fixture
def with_admin(url, typed):
    typed.answers = [PASSWORD, PASSWORD]
    assert run(url, "create-admin", "admin", "--display-name", "管理员")[0] == OK
    typed.prompts.clear()
    return url


# --- the first administrator ---------------------------------------------------------------


def test_create_admin_asks_the_password_twice_and_creates_the_administrator(url, typed):
    typed.answers = [PASSWORD, PASSWORD]
    code, out, err = run(url, "create-admin", "admin", "--display-name", "管理员")
    assert (code, err) == (OK, "")
    assert out == (
        "created the administrator admin; start the app in team mode (REPAYTALK_TEAM_MODE=1)"
        " and sign in with it\n"
    )
    assert typed.prompts == ["New password for admin: ", "Type it again: "]
    assert accounts(url) == {"admin": (Role.ADMIN, False)}
    with init_db(url) as store:
        assert store.accounts.by_username("admin").display_name == "管理员"
    assert trail(url) == [
        ("admin", "account.created", "account:1", {"role": "admin", "first": True})
    ]
    assert PASSWORD not in out + err


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([PASSWORD, PASSWORD + "!"], "error: the two passwords differ; nothing was changed\n"),
        (
            ["short", "short"],
            "error: a password needs at least 10 characters (a sentence you remember works"
            " well); nothing was changed\n",
        ),
        (
            ["admin-password", "admin-password"],
            "error: the password must not contain the user name; nothing was changed\n",
        ),
    ],
)
def test_create_admin_refuses_passwords_that_differ_or_are_weak(url, typed, answers, message):
    typed.answers = answers
    code, out, err = run(url, "create-admin", "admin")
    assert (code, out, err) == (REFUSED, "", message)
    assert accounts(url) == {}
    assert trail(url) == []


def test_create_admin_refuses_a_bad_name_before_asking_for_a_password(url, typed):
    code, _, err = run(url, "create-admin", "Admin")
    assert code == REFUSED
    assert err.startswith("error: 'Admin': a user name is 3 to 40 lower-case letters")
    assert typed.prompts == []


def test_create_admin_refuses_once_there_are_accounts(with_admin, typed):
    code, _, err = run(with_admin, "create-admin", "second")
    assert code == REFUSED
    assert "has accounts already" in err
    assert typed.prompts == []
    assert accounts(with_admin) == {"admin": (Role.ADMIN, False)}


def test_interrupting_the_password_prompt_cancels(url, typed):
    typed.answers = [KeyboardInterrupt]
    assert run(url, "create-admin", "admin")[0] == CANCELLED
    assert accounts(url) == {}


# --- accounts as an administrator ----------------------------------------------------------


def test_an_administrator_creates_and_lists_accounts_as_themself(with_admin, typed, team):
    typed.answers = [PASSWORD, NEW, NEW]
    code, out, err = run(
        with_admin, "accounts", "create", "wang.li", "--role", "counselor", "--as", "admin"
    )
    assert (code, out, err) == (OK, "created wang.li (counselor)\n", "")
    assert typed.prompts == [
        "Password for admin: ",
        "New password for wang.li: ",
        "Type it again: ",
    ]
    assert trail(with_admin)[-2:] == [
        ("admin", "account.signed_in", "account:1", {}),
        ("admin", "account.created", "account:2", {"role": "counselor"}),
    ]
    typed.answers = [PASSWORD]
    code, out, _ = run(with_admin, "accounts", "list", "--as", "admin")
    assert code == OK
    assert out.splitlines() == [
        "USERNAME              ROLE        STATE                         NAME",
        "admin                 admin       enabled                       管理员",
        "wang.li               counselor   enabled                       wang.li",
    ]


def test_disable_enable_and_reset_password_each_leave_their_line(with_admin, typed, team):
    with init_db(with_admin) as store:
        admin = accounts_service.sign_in(store, "admin", PASSWORD)
        accounts_service.create_account(
            store, admin, username="wang.li", display_name="王丽", role="counselor", password=NEW
        )
    typed.answers = [PASSWORD]
    assert run(with_admin, "accounts", "disable", "wang.li", "--as", "admin")[:2] == (
        OK,
        "disabled wang.li: it can no longer sign in\n",
    )
    assert accounts(with_admin)["wang.li"] == (Role.COUNSELOR, True)
    typed.answers = [PASSWORD]
    assert run(with_admin, "accounts", "enable", "wang.li", "--as", "admin")[0] == OK
    typed.answers = [PASSWORD, "another long password", "another long password"]
    code, out, _ = run(with_admin, "accounts", "reset-password", "wang.li", "--as", "admin")
    assert (code, out) == (OK, "new password set for wang.li\n")
    with init_db(with_admin) as store:
        assert accounts_service.sign_in(store, "wang.li", "another long password").role is (
            Role.COUNSELOR
        )
    managed = [
        line
        for line in trail(with_admin)
        if line[1].split(".")[1] in {"disabled", "enabled", "password_reset"}
    ]
    assert managed == [
        ("admin", "account.disabled", "account:2", {}),
        ("admin", "account.enabled", "account:2", {}),
        ("admin", "account.password_reset", "account:2", {}),
    ]


def test_an_unknown_account_is_refused(with_admin, typed, team):
    typed.answers = [PASSWORD]
    code, _, err = run(with_admin, "accounts", "disable", "nobody", "--as", "admin")
    assert (code, err) == (REFUSED, "error: no account is named 'nobody'; nothing was changed\n")


def test_the_last_administrator_cannot_disable_themself(with_admin, typed, team):
    typed.answers = [PASSWORD]
    code, _, err = run(with_admin, "accounts", "disable", "admin", "--as", "admin")
    assert code == REFUSED
    assert err.startswith("error: this is the last enabled administrator")
    assert accounts(with_admin)["admin"] == (Role.ADMIN, False)


# --- signing in, team mode and roles -------------------------------------------------------


def test_a_wrong_password_for_as_is_refused_and_counted(with_admin, typed, team):
    typed.answers = ["not the password"]
    code, out, err = run(with_admin, "accounts", "list", "--as", "admin")
    assert (code, out) == (NOT_SIGNED_IN, "")
    assert err == "error: cannot act as admin: the user name or password is not right\n"
    assert trail(with_admin)[-1] == (
        "admin",
        "account.sign_in_failed",
        "account:1",
        {"reason": "bad_password", "failed": 1},
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("accounts", "list"),
        ("accounts", "create", "wang.li", "--role", "counselor"),
        ("retention", "purge", "1", "--yes"),
        ("restore", "backup.json", "--yes"),
    ],
)
def test_team_mode_needs_as_for_commands_that_change_data(with_admin, typed, team, argv):
    code, out, err = run(with_admin, *argv)
    assert (code, out) == (NOT_SIGNED_IN, "")
    assert err == (
        "error: team mode is on (REPAYTALK_TEAM_MODE): name the account this command acts as"
        " with --as NAME\n"
    )
    assert typed.prompts == []


def test_without_team_mode_accounts_are_managed_as_the_local_user(with_admin, typed):
    typed.answers = [NEW, NEW]
    code, _, _ = run(with_admin, "accounts", "create", "zhao.min", "--role", "supervisor")
    assert code == OK
    assert typed.prompts == ["New password for zhao.min: ", "Type it again: "]
    assert trail(with_admin)[-1] == (
        "local",
        "account.created",
        "account:2",
        {"role": "supervisor"},
    )


@pytest.mark.parametrize("role", ["counselor", "supervisor"])
def test_counselors_and_supervisors_may_not_manage_accounts_or_restore(
    with_admin, typed, team, tmp_path, role
):
    with init_db(with_admin) as store:
        admin = accounts_service.sign_in(store, "admin", PASSWORD)
        accounts_service.create_account(
            store, admin, username="staff", display_name="员工", role=role, password=NEW
        )
    backup = tmp_path / "backup.json"
    assert run(with_admin, "backup", str(backup), "--plain")[0] == OK
    before = trail(with_admin)
    for argv, permission in (
        (("accounts", "create", "newcomer", "--role", "counselor"), "manage_accounts"),
        (("accounts", "disable", "admin"), "manage_accounts"),
        (("restore", str(backup), "--yes"), "restore"),
        (("backup", str(tmp_path / "mine.json"), "--plain"), "backup"),
    ):
        typed.answers = [NEW]
        typed.prompts.clear()
        code, _, err = run(with_admin, *argv, "--as", "staff")
        assert (code, err) == (
            REFUSED,
            f"error: the account staff may not do this ({permission}); nothing was changed\n",
        )
        assert typed.prompts == ["Password for staff: "]  # no new password asked
    assert accounts(with_admin) == {"admin": (Role.ADMIN, False), "staff": (Role(role), False)}
    assert not (tmp_path / "mine.json").exists()
    assert [line[1] for line in trail(with_admin)[len(before) :]] == ["account.signed_in"] * 4


def test_an_administrator_restores_in_team_mode_and_the_trail_names_them(
    with_admin, typed, team, tmp_path
):
    backup = tmp_path / "backup.json"
    typed.answers = [PASSWORD]
    assert run(with_admin, "backup", str(backup), "--plain", "--as", "admin")[0] == OK
    typed.answers = [PASSWORD]
    code, out, err = run(with_admin, "restore", str(backup), "--yes", "--as", "admin")
    assert (code, err) == (OK, "")
    assert out.startswith("restored 0 clients")
    actions = [(line[0], line[1]) for line in trail(with_admin)[-4:]]
    assert actions == [
        ("admin", "account.signed_in"),
        ("admin", "backup.created"),
        ("admin", "account.signed_in"),
        ("admin", "backup.restored"),
    ]
    assert accounts(with_admin) == {"admin": (Role.ADMIN, False)}  # kept by the restore
